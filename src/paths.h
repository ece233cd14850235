/* paths: where bundled checklists and answer files live. */
#ifndef TENKEN_PATHS_H
#define TENKEN_PATHS_H

#include <stddef.h>

/* The checklist used when none is named: the edition new assessments use. */
#define PATHS_DEFAULT_CHECKLIST "fisc-api-2018"

/* Returns the directory that holds the bundled checklists: $TENKEN_DATADIR
 * if set, the source tree's data/ when tenken runs from its build tree,
 * else the installed $(pkgdatadir). */
const char *paths_datadir(void);

/* Returns the directory of message catalogues: the build tree's when
 * tenken runs from it, else the installed $(localedir). */
const char *paths_localedir(void);

/* Resolves a --checklist argument: a file path (anything with a '/' or
 * ending in .yaml) is used as it is, an id names a bundled checklist.
 * Writes the path to out; returns 0, or -1 if the id is not bundled. */
int paths_checklist(const char *arg, char *out, size_t outlen);

/* Writes the path of the bundled mapping from checklist from to checklist
 * to (DATADIR/FROM.to.TO.yaml) to out. Returns 0, or -1 if there is none. */
int paths_mapping(const char *from, const char *to, char *out, size_t outlen);

/* Writes the default answer file for checklist id to out:
 * $XDG_DATA_HOME/tenken/ID.db (~/.local/share/tenken/ID.db), creating the
 * directory (mode 0700) if create is set. Returns 0 or -1 (errno set). */
int paths_default_answers(const char *id, int create, char *out, size_t outlen);

/* Writes the path of tenken's state file name to out:
 * $XDG_STATE_HOME/tenken/NAME (~/.local/state/tenken/NAME), creating the
 * directory (mode 0700) if create is set. Returns 0 or -1 (errno set). */
int paths_state_file(const char *name, int create, char *out, size_t outlen);

/* Writes the path of tenken's cache file name to out:
 * $XDG_CACHE_HOME/tenken/NAME (~/.cache/tenken/NAME), creating the
 * directories (mode 0700) if create is set. Returns 0 or -1 (errno set). */
int paths_cache_file(const char *name, int create, char *out, size_t outlen);

#endif
