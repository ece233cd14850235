/* place: where the officer left each answer file. The file holds one line
 * per answer file, newest first: "ITEM OPEN PATH" (PATH resolved, so that
 * two spellings of one file share a place). */
#include "config.h"

#include "place.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

/* The key of the answer file at path: its resolved path, or path itself if
 * it cannot be resolved. NULL if it cannot be kept on one line. */
static const char *key_of(const char *path, char *out, size_t len)
{
	char real[PATH_MAX];

	snprintf(out, len, "%s", realpath(path, real) ? real : path);
	return strpbrk(out, "\n\r") ? NULL : out;
}

int place_load(const char *path, int *item, int *open)
{
	char file[PATH_MAX], key[PATH_MAX], line[PATH_MAX + 64];
	FILE *f;
	int rc = -1;

	if (!key_of(path, key, sizeof key) || paths_state_file("places", 0, file, sizeof file))
		return -1;
	if (!(f = fopen(file, "r")))
		return -1;
	while (rc != 0 && fgets(line, sizeof line, f)) {
		int n = 0;
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%d %d %n", item, open, &n) == 2 && n > 0 &&
		    strcmp(line + n, key) == 0 && *item > 0)
			rc = 0;
	}
	fclose(f);
	return rc;
}

int place_save(const char *path, int item, int open)
{
	char file[PATH_MAX], tmp[PATH_MAX + 8], key[PATH_MAX], line[PATH_MAX + 64];
	FILE *in, *out;
	int kept = 1, fd;

	if (!key_of(path, key, sizeof key) || paths_state_file("places", 1, file, sizeof file))
		return -1;
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", file);
	if ((fd = mkstemp(tmp)) < 0)
		return -1;
	if (!(out = fdopen(fd, "w"))) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	fprintf(out, "%d %d %s\n", item, open ? 1 : 0, key);
	if ((in = fopen(file, "r"))) {
		while (kept < PLACE_MAX && fgets(line, sizeof line, in)) {
			int a, b, n = 0;
			char *nl = strchr(line, '\n');
			if (!nl)
				continue; /* a line too long, or the last cut short */
			*nl = '\0';
			if (sscanf(line, "%d %d %n", &a, &b, &n) != 2 || !n ||
			    strcmp(line + n, key) == 0)
				continue;
			fprintf(out, "%s\n", line);
			kept++;
		}
		fclose(in);
	}
	if (fclose(out) != 0 || rename(tmp, file) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}
