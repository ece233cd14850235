/* settings: the user's settings file, ~/.config/tenken/config: one
 * "name = value" per line, # comments. Knows nothing of curses. */
#ifndef TENKEN_SETTINGS_H
#define TENKEN_SETTINGS_H

#include <stddef.h>

struct settings {
	int ambiguous_width;  /* 1 or 2; 0 when not set */
	char checklist[1024]; /* the checklist to use when none is named; "" if unset */
	char lang[8];         /* "ja" or "en"; "" if unset */
};

/* Writes the settings file's path to out: $XDG_CONFIG_HOME/tenken/config,
 * else ~/.config/tenken/config. Returns 0, or -1 if there is no home. */
int settings_path(char *out, size_t outlen);

/* Reads the settings file at path into s. A missing file is no error. A
 * line it cannot use is skipped and described in warn (file:line: what),
 * the other lines still apply. Returns 0, or -1 if the file exists but
 * cannot be read (err says why). */
int settings_load(const char *path, struct settings *s, char *warn, size_t warnlen);

/* Parses an ambiguous width ("1" or "2"); returns it or 0. */
int settings_parse_ambiguous(const char *value);

#endif
