#ifndef CCHC_CSUPPORT_H
#define CCHC_CSUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where the file system lacks it).
int cchc_exchange_paths(const char *a, const char *b);

/// The CRC-32 of a buffer (zlib's, as ZIP entries carry it).
unsigned long cchc_crc32(const unsigned char *bytes, unsigned long length);

#endif
