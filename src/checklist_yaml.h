/* checklist_yaml: reads a checklist file (libyaml) into the model, with
 * errors that name file:line:column. */
#ifndef TENKEN_CHECKLIST_YAML_H
#define TENKEN_CHECKLIST_YAML_H

#include <stddef.h>

#include "checklist.h"
#include "mapping.h"

/* Limits that bound the loader's time and memory on hostile input. */
enum {
	CHECKLIST_MAX_DEPTH = 20,              /* nested collections */
	CHECKLIST_MAX_SCALAR = 64 * 1024,      /* bytes in one string */
	CHECKLIST_MAX_FILE = 64 * 1024 * 1024, /* bytes in one file */
	CHECKLIST_MAX_ITEMS = 100000,
};

/* Loads and validates the checklist file at path. Returns the checklist, or
 * NULL with a message "file:line:column: what" in err (errlen bytes). */
struct checklist *checklist_load_file(const char *path, char *err, size_t errlen);

/* Loads a checklist from len bytes at buf; name is used in messages.
 * Returns the checklist or NULL with a message in err. */
struct checklist *checklist_load_buffer(const char *name, const char *buf, size_t len, char *err,
					size_t errlen);

/* Loads the mapping file at path (format tenken-mapping 1). Returns it, or
 * NULL with "file:line:column: what" in err. Check it with mapping_check. */
struct mapping *mapping_load_file(const char *path, char *err, size_t errlen);

#endif
