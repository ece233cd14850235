/* examples: an older edition's 手法例, shown for reference under the items
 * of a newer one that has none of its own (the trial edition's under the
 * 2018年10月版's), read with the mapping between the two. Input layer: the
 * model, the loader and the bundled paths; used by print and the interface
 * alike. */
#ifndef TENKEN_EXAMPLES_H
#define TENKEN_EXAMPLES_H

#include <stddef.h>

#include "checklist.h"
#include "mapping.h"

/* The older edition and the mapping from it, owned together. */
struct examples_set {
	struct examples ex; /* what print and the views read */
	struct checklist *cl;
	struct mapping *m;
};

/* Loads the older edition that cl names (examples-from) and the bundled
 * mapping from it to cl, and checks the mapping against both. Returns the
 * set; NULL with err "" when cl names none; NULL with a warning in err
 * when they cannot be read (cl still works, without the examples). */
struct examples_set *examples_load(const struct checklist *cl, char *err, size_t errlen);

/* Frees a set. NULL is allowed. */
void examples_free(struct examples_set *set);

#endif
