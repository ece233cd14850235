/* replay: the standalone driver of a fuzz target, for make check. Runs
 * LLVMFuzzerTestOneInput once on each file named, and on each file of each
 * directory named (its corpus when none is), the way libFuzzer would run
 * a crash it found. An input that breaks an invariant aborts the run. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Runs the target on the file at path. Returns 0, or -1 if it cannot be
 * read. */
static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f) {
		perror(path);
		return -1;
	}
	do {
		if (len == cap) {
			uint8_t *more = realloc(buf, cap = cap ? cap * 2 : 4096);
			if (!more) {
				fclose(f);
				free(buf);
				return -1;
			}
			buf = more;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs the target on each regular file of dir, by name. Returns the number
 * run, or -1. */
static long replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	long run = 0;

	if (!d) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		char **more;
		if (e->d_name[0] == '.' || !(more = realloc(names, (n + 1) * sizeof *names)))
			continue;
		names = more;
		if ((names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2)) != NULL)
			sprintf(names[n++], "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (run >= 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			run = replay_file(names[i]) == 0 ? run + 1 : -1;
		free(names[i]);
	}
	free(names);
	return run;
}

int main(int argc, char **argv)
{
	const char *fallback = FUZZ_CORPUS;
	const char *const *paths = (const char *const *)argv + 1;
	int n = argc - 1;
	long total = 0;

	if (n < 1) {
		paths = &fallback;
		n = 1;
	}
	for (int i = 0; i < n; i++) {
		struct stat st;
		long run;
		if (stat(paths[i], &st) != 0) {
			perror(paths[i]);
			return 1;
		}
		run = S_ISDIR(st.st_mode) ? replay_dir(paths[i]) : replay_file(paths[i]) ? -1 : 1;
		if (run < 0)
			return 1;
		if (run == 0) {
			fprintf(stderr, "replay: %s holds no input\n", paths[i]);
			return 1;
		}
		total += run;
	}
	printf("ok - %ld inputs replayed without a crash or a broken invariant\n", total);
	return 0;
}
