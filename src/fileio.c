/* fileio: opening the files tenken reads, whatever they turn out to be. */
#include "config.h"

#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gettext.h"

int fileio_open_read(const char *path, char *err, size_t errlen)
{
	/* O_NONBLOCK: opening a FIFO does not wait for a writer, and the
	 * fstat below refuses it; O_NOCTTY: a terminal named by mistake does
	 * not become tenken's. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), flags, e;
	struct stat sb;

	if (fd < 0) {
		e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(fd, &sb) != 0) {
		e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
	} else if (S_ISDIR(sb.st_mode)) {
		e = EISDIR;
		snprintf(err, errlen, _("%s is a directory"), path);
	} else if (!S_ISREG(sb.st_mode)) {
		e = EINVAL;
		snprintf(err, errlen, _("%s is not a regular file"), path);
	} else if ((flags = fcntl(fd, F_GETFL)) == -1 ||
		   fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1) {
		e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
	} else {
		return fd;
	}
	close(fd);
	errno = e;
	return -1;
}

FILE *fileio_fopen_read(const char *path, char *err, size_t errlen)
{
	int fd = fileio_open_read(path, err, errlen), e;
	FILE *f;

	if (fd < 0)
		return NULL;
	if (!(f = fdopen(fd, "rb"))) {
		e = errno;
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		close(fd);
		errno = e;
	}
	return f;
}

int fileio_disk_full(int e)
{
	return e == ENOSPC || e == EDQUOT;
}

void fileio_full_err(char *err, size_t errlen, const char *path)
{
	snprintf(err, errlen, _("the disk is full; nothing was written to %s"), path);
}

void fileio_errno_err(char *err, size_t errlen, const char *path, int e)
{
	if (fileio_disk_full(e))
		fileio_full_err(err, errlen, path);
	else
		snprintf(err, errlen, "%s: %s", path, strerror(e));
}
