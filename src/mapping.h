/* mapping: which items of one checklist replace which items of another
 * (the 2018年10月版 and the trial edition), each link with its reason, and
 * the items dropped. Knows the model only. */
#ifndef TENKEN_MAPPING_H
#define TENKEN_MAPPING_H

#include <stddef.h>

#include "arena.h"
#include "checklist.h"

struct mapping_link {
	int to;    /* 通番 in the new checklist */
	int *from; /* 通番 in the old one; none for a new item */
	size_t n_from;
	struct text why;
};

struct mapping_drop {
	int from;
	struct text why;
};

struct mapping {
	struct arena arena;
	const char *path;
	const char *from, *to; /* checklist ids */
	struct mapping_link *links;
	size_t n_links;
	struct mapping_drop *dropped;
	size_t n_dropped;
};

/* An older edition whose 手法例 are shown, for reference, under the items
 * of a newer one that has none of its own. */
struct examples {
	const struct checklist *cl; /* the older edition */
	const struct mapping *m;    /* from it to the newer one */
};

/* Frees a mapping. NULL is allowed. */
void mapping_free(struct mapping *m);

/* Checks m against the two checklists: their ids, every link and drop
 * naming an existing item, every new item linked once, every old item
 * linked or dropped. Returns 0, or -1 with "file: what" in err. */
int mapping_check(const struct mapping *m, const struct checklist *from, const struct checklist *to,
		  char *err, size_t errlen);

/* Returns the link of new item number to, or NULL. */
const struct mapping_link *mapping_link_to(const struct mapping *m, int to);

/* Returns the drop of old item number from, or NULL. */
const struct mapping_drop *mapping_dropped(const struct mapping *m, int from);

#endif
