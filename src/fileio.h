/* fileio: opening the files tenken reads -- a checklist, the settings, a
 * workbook or CSV to import -- whatever the name turns out to be: a FIFO
 * or a device is refused at once with a message, never waited on. libc
 * only. */
#ifndef TENKEN_FILEIO_H
#define TENKEN_FILEIO_H

#include <stddef.h>
#include <stdio.h>

/* Opens path for reading if it is a regular file (a symbolic link to one
 * is followed). Returns the descriptor (close-on-exec, blocking), or -1
 * with "PATH: why" or "PATH is not a regular file" in err and errno set
 * (ENOENT for a missing file, EISDIR for a directory, EINVAL for anything
 * else that is not a regular file). */
int fileio_open_read(const char *path, char *err, size_t errlen);

/* The same as a stream ("rb"). Returns it, or NULL as above. */
FILE *fileio_fopen_read(const char *path, char *err, size_t errlen);

/* Whether errno value e means that the disk (or the user's quota) is
 * full. */
int fileio_disk_full(int e);

/* Writes the message for a write to path that failed on a full disk to
 * err: what happened first, so that it shows however narrow the screen. */
void fileio_full_err(char *err, size_t errlen, const char *path);

/* Writes "PATH: what errno value e means" to err, or the full disk's
 * message. */
void fileio_errno_err(char *err, size_t errlen, const char *path, int e);

#endif
