/* settings: the user's settings file. */
#include "config.h"

#include "settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "gettext.h"

int settings_path(char *out, size_t outlen)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		snprintf(out, outlen, "%s/tenken/config", xdg);
	else if (home && *home)
		snprintf(out, outlen, "%s/.config/tenken/config", home);
	else
		return -1;
	return 0;
}

int settings_parse_ambiguous(const char *value)
{
	return !strcmp(value, "1") ? 1 : !strcmp(value, "2") ? 2 : 0;
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* Applies one "name = value" line; returns NULL or what is wrong with it. */
static const char *apply(struct settings *s, char *line)
{
	char *eq = strchr(line, '='), *name, *value;

	if (!eq)
		return _("expected \"name = value\"");
	*eq = '\0';
	name = trim(line);
	value = trim(eq + 1);
	if (!strcmp(name, "ambiguous-width")) {
		int w = settings_parse_ambiguous(value);
		if (!w)
			return _("ambiguous-width must be 1 or 2");
		s->ambiguous_width = w;
		return NULL;
	}
	if (!strcmp(name, "lang")) {
		if (strcmp(value, "ja") && strcmp(value, "en"))
			return _("lang must be ja or en");
		snprintf(s->lang, sizeof s->lang, "%s", value);
		return NULL;
	}
	if (!strcmp(name, "checklist")) {
		if (!*value || strlen(value) >= sizeof s->checklist)
			return _("checklist must name a bundled checklist or a checklist file");
		snprintf(s->checklist, sizeof s->checklist, "%s", value);
		return NULL;
	}
	return _("unknown setting");
}

int settings_load(const char *path, struct settings *s, char *warn, size_t warnlen)
{
	FILE *f = fileio_fopen_read(path, warn, warnlen);
	char *line = NULL; /* a whole line, however long: a comment stays one */
	size_t cap = 0;
	int n = 0;

	if (!f) {
		if (errno != ENOENT)
			return -1;
		if (warnlen)
			warn[0] = '\0';
		return 0;
	}
	if (warnlen)
		warn[0] = '\0';
	while (getline(&line, &cap, f) != -1) {
		char *t = trim(line);
		const char *why;
		n++;
		if (!*t || *t == '#')
			continue;
		if ((why = apply(s, t)) != NULL && !warn[0])
			snprintf(warn, warnlen, "%s:%d: %s", path, n, why);
	}
	free(line);
	fclose(f);
	return 0;
}
