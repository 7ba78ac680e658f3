#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "csupport.h"

int cchc_exchange_paths(const char *a, const char *b) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

#include <zlib.h>

unsigned long cchc_crc32(const unsigned char *bytes, unsigned long length) {
    return crc32(crc32(0L, Z_NULL, 0), bytes, (uInt)length);
}

unsigned long cchc_deflate_bound(unsigned long length) {
    // zlib's bound for its default stream, which a raw stream with memLevel 9 never exceeds,
    // and a margin.
    return compressBound(length) + 64;
}

long cchc_deflate_raw(const unsigned char *bytes, unsigned long length, unsigned char *out, unsigned long capacity,
                      int level) {
    z_stream stream = {0};
    // Raw deflate (no zlib header, as ZIP wants it), memLevel 9: the stream ZIPFoundation makes.
    if (deflateInit2(&stream, level, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    stream.next_in = (Bytef *)bytes;
    stream.avail_in = (uInt)length;
    stream.next_out = out;
    stream.avail_out = (uInt)capacity;
    int result = deflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    deflateEnd(&stream);
    return result == Z_STREAM_END ? written : -1;
}

#include <spawn.h>
#include <unistd.h>

/// A descriptor at 10 or above, close-on-exec, in place of `fd` (closed): never 3 or 4, which the
/// child gets by dup2, so dup2 always makes a new descriptor without close-on-exec.
static int cchc_high_fd(int fd) {
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    close(fd);
    return high;
}

int cchc_spawn_piped(const char *path, char *const argv[], char *const envp[], int *to_child, int *from_child, int *pid) {
    int down[2], up[2];
    if (pipe(down) != 0) return -1;
    if (pipe(up) != 0) { close(down[0]); close(down[1]); return -1; }
    for (int i = 0; i < 2; i++) { down[i] = cchc_high_fd(down[i]); up[i] = cchc_high_fd(up[i]); }
    if (down[0] < 0 || down[1] < 0 || up[0] < 0 || up[1] < 0) {
        for (int i = 0; i < 2; i++) { if (down[i] >= 0) close(down[i]); if (up[i] >= 0) close(up[i]); }
        errno = EMFILE;
        return -1;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, down[0], 3);
    posix_spawn_file_actions_adddup2(&actions, up[1], 4);
    // A process group of its own: the browser's helpers (zygote, renderers) are stopped with it.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t child;
    int rc = posix_spawn(&child, path, &actions, &attributes, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(down[0]);
    close(up[1]);
    if (rc != 0) {
        close(down[1]);
        close(up[0]);
        errno = rc;
        return -1;
    }
    *to_child = down[1];
    *from_child = up[0];
    *pid = child;
    return 0;
}

#include <unistd.h>

int cchc_sync_file_system(int fd) { return syncfs(fd); }

long cchc_inflate_zlib(const unsigned char *bytes, unsigned long length, unsigned char *out, unsigned long capacity) {
    z_stream stream = {0};
    if (inflateInit(&stream) != Z_OK) return -2;
    stream.next_in = (unsigned char *)bytes;
    stream.avail_in = (uInt)length;
    stream.next_out = out;
    stream.avail_out = (uInt)capacity;
    int status = inflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    inflateEnd(&stream);
    if (status == Z_STREAM_END) return written;
    return (status == Z_BUF_ERROR && stream.avail_out == 0) ? -1 : -2;
}
