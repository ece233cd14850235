/* fuzz_settings: the settings reader (settings_load) on any file. Checks
 * what it read against a model of the format written here from
 * settings.h: lines end at a newline, whatever their length; blank lines
 * and lines starting with # are skipped; "name = value" with spaces and
 * tabs around both; the last good line for a setting wins; a bad one is
 * skipped with a warning that names the file and the line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "settings.h"

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* Applies one line to s; returns 0 if it is good, -1 if it warns. */
static int model_line(struct settings *s, char *line)
{
	char *t = trim(line), *eq, *name, *value;

	if (!*t || *t == '#')
		return 0;
	if (!(eq = strchr(t, '=')))
		return -1;
	*eq = '\0';
	name = trim(t);
	value = trim(eq + 1);
	if (!strcmp(name, "ambiguous-width") && (!strcmp(value, "1") || !strcmp(value, "2")))
		s->ambiguous_width = value[0] - '0';
	else if (!strcmp(name, "lang") && (!strcmp(value, "ja") || !strcmp(value, "en")))
		snprintf(s->lang, sizeof s->lang, "%s", value);
	else if (!strcmp(name, "checklist") && *value && strlen(value) < sizeof s->checklist)
		snprintf(s->checklist, sizeof s->checklist, "%s", value);
	else
		return -1;
	return 0;
}

/* The settings the model reads from the size bytes at data; *first_bad
 * gets the first line that warns (1-based), or 0. */
static void model(const uint8_t *data, size_t size, struct settings *s, size_t *first_bad)
{
	size_t start = 0, line = 0;

	*first_bad = 0;
	while (start < size) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t end = nl ? (size_t)(nl - data) : size;
		char *text = fuzz_string(data + start, end - start);
		line++;
		if (model_line(s, text) != 0 && !*first_bad)
			*first_bad = line;
		free(text);
		start = end + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings got = {0}, want = {0};
	const char *path;
	char warn[1024], prefix[128];
	size_t bad;

	fuzz_init();
	path = fuzz_file(data, size);
	FUZZ_ASSERT(settings_load(path, &got, warn, sizeof warn) == 0);
	model(data, size, &want, &bad);
	FUZZ_ASSERT(got.ambiguous_width == want.ambiguous_width);
	FUZZ_ASSERT(strcmp(got.lang, want.lang) == 0);
	FUZZ_ASSERT(strcmp(got.checklist, want.checklist) == 0);
	if (bad) {
		snprintf(prefix, sizeof prefix, "%s:%zu: ", path, bad);
		FUZZ_ASSERT(strncmp(warn, prefix, strlen(prefix)) == 0);
		fuzz_check_message(warn, 1);
	} else {
		FUZZ_ASSERT(warn[0] == '\0');
	}
	return 0;
}
