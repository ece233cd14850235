/* search: finds text in an item: its goal, 手法例, 注記, references,
 * remarks and answers, in Japanese and English. Knows the model only. */
#ifndef TENKEN_SEARCH_H
#define TENKEN_SEARCH_H

#include <stddef.h>

#include "answers.h"
#include "checklist.h"

/* Returns 1 if item index i or its answers contain query, else 0. ASCII
 * letters match either case; everything else matches exactly. An empty
 * query matches nothing. */
int search_item_matches(const struct checklist *cl, const struct answers *a, size_t i,
			const char *query);

#endif
