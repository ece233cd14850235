/* outfile: a file a command writes (-o FILE), made whole or not at all:
 * written to a temporary file beside it (mode 0600), synced, then renamed
 * into place. libc only. */
#ifndef TENKEN_OUTFILE_H
#define TENKEN_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

/* Writes what write writes to path. write is given the temporary file
 * both open as out and by its name tmp (for a library that writes a named
 * file itself, such as libxlsxwriter) and ctx; it returns 0, or -1 with a
 * message in err. Returns 0, or -1 with "path: why" in err (path is then
 * as it was). */
int outfile_write(const char *path, int (*write)(FILE *out, const char *tmp, void *ctx), void *ctx,
		  char *err, size_t errlen);

#endif
