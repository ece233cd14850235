/* outfile: a command's output file, made whole or not at all. */
#include "config.h"

#include "outfile.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"

int outfile_write(const char *path, int (*write)(FILE *out, const char *tmp, void *ctx), void *ctx,
		  char *err, size_t errlen)
{
	char tmp[PATH_MAX];
	FILE *out;
	int fd, ok, e;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0) {
		fileio_errno_err(err, errlen, path, errno);
		return -1;
	}
	if (!(out = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		unlink(tmp);
		fileio_errno_err(err, errlen, path, e);
		return -1;
	}
	err[0] = '\0';
	ok = write(out, tmp, ctx) == 0;
	ok = fflush(out) == 0 && fsync(fileno(out)) == 0 && ok;
	e = errno;
	ok = fclose(out) == 0 && ok;
	if (ok && rename(tmp, path) == 0)
		return 0;
	if (!ok && err[0] && !fileio_disk_full(e)) {
		char why[1024];
		snprintf(why, sizeof why, "%s", err);
		snprintf(err, errlen, "%s: %s", path, why);
	} else {
		fileio_errno_err(err, errlen, path, ok ? errno : e);
	}
	unlink(tmp);
	return -1;
}
