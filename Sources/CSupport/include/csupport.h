#ifndef CCHC_CSUPPORT_H
#define CCHC_CSUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where the file system lacks it).
int cchc_exchange_paths(const char *a, const char *b);

/// The CRC-32 of a buffer (zlib's, as ZIP entries carry it).
unsigned long cchc_crc32(const unsigned char *bytes, unsigned long length);

/// The most bytes `cchc_deflate_raw` can write for `length` bytes.
unsigned long cchc_deflate_bound(unsigned long length);

/// Deflates `length` bytes into `out` as a raw stream (a ZIP entry's data) at zlib `level`
/// (-1 zlib's default, 1 fastest). Returns the bytes written, or -1 if `capacity` was too small
/// or zlib failed.
long cchc_deflate_raw(const unsigned char *bytes, unsigned long length, unsigned char *out, unsigned long capacity,
                      int level);

/// Starts `path` with `argv` and `envp`, its standard streams on /dev/null, reading from its
/// descriptor 3 what the caller writes to `*to_child` and writing to its descriptor 4 what the
/// caller reads from `*from_child` (Chromium's --remote-debugging-pipe). Both caller ends are
/// close-on-exec. The child leads a process group of its own. Returns 0, or -1 with errno set.
int cchc_spawn_piped(const char *path, char *const argv[], char *const envp[], int *to_child, int *from_child, int *pid);

/// Inflates a zlib stream (a PDF's FlateDecode) into `out`. Returns the bytes written, -1 when
/// `capacity` was too small, -2 when the stream is not zlib.
long cchc_inflate_zlib(const unsigned char *bytes, unsigned long length, unsigned char *out, unsigned long capacity);

/// Flushes every file written on the file system holding `fd` (Linux syncfs). Returns 0, or -1
/// with errno set.
int cchc_sync_file_system(int fd);

#endif
