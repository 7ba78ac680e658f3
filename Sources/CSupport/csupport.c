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
