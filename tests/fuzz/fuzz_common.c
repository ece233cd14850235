/* fuzz_common: the scratch file, the bundled checklist and the message
 * checks that the fuzz targets share. */
#include "config.h"

#include "fuzz.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checklist_yaml.h"
#include "textwidth.h"

void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "fuzz: %s:%d: invariant failed: %s\n", file, line, what);
	abort();
}

void fuzz_init(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
}

char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	FUZZ_ASSERT(s != NULL);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static char scratch[64];

static void remove_scratch(void)
{
	if (scratch[0])
		unlink(scratch);
}

const char *fuzz_file(const uint8_t *data, size_t size)
{
	FILE *f;

	if (!scratch[0]) {
		const char *tmp = getenv("TMPDIR");
		int fd;
		snprintf(scratch, sizeof scratch, "%s/tenken-fuzz.XXXXXX",
			 tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
		fd = mkstemp(scratch);
		FUZZ_ASSERT(fd >= 0);
		close(fd);
		atexit(remove_scratch);
	}
	f = fopen(scratch, "wb");
	FUZZ_ASSERT(f != NULL);
	FUZZ_ASSERT(fwrite(data, 1, size, f) == size);
	FUZZ_ASSERT(fclose(f) == 0);
	return scratch;
}

const struct checklist *fuzz_checklist(void)
{
	static struct checklist *cl;
	char err[1024];

	if (!cl) {
		cl = checklist_load_file(SRCDATADIR "/fisc-api-2018.yaml", err, sizeof err);
		if (!cl)
			fprintf(stderr, "fuzz: %s\n", err);
		FUZZ_ASSERT(cl != NULL);
	}
	return cl;
}

/* Prints msg to stderr with each byte that is not printable ASCII as \xNN,
 * to show which message broke an invariant. */
static void dump(const char *what, const char *msg)
{
	fprintf(stderr, "fuzz: %s: \"", what);
	for (const unsigned char *p = (const unsigned char *)msg; *p; p++)
		fprintf(stderr, *p >= 0x20 && *p < 0x7F ? "%c" : "\\x%02X", *p);
	fprintf(stderr, "\"\n");
}

void fuzz_check_message(const char *msg, int one_line)
{
	size_t len = strlen(msg), i = 0;

	if (!textwidth_valid_utf8(msg, len, NULL))
		dump("not UTF-8", msg);
	FUZZ_ASSERT(textwidth_valid_utf8(msg, len, NULL));
	while (i < len) {
		uint32_t cp;
		i += textwidth_decode(msg + i, len - i, &cp);
		enum textwidth_kind k = textwidth_kind(cp);
		if (k != TEXTWIDTH_TEXT &&
		    (one_line || (k != TEXTWIDTH_NEWLINE && k != TEXTWIDTH_TAB)))
			dump("a control or format character", msg);
		FUZZ_ASSERT(k == TEXTWIDTH_TEXT ||
			    (!one_line && (k == TEXTWIDTH_NEWLINE || k == TEXTWIDTH_TAB)));
	}
}
