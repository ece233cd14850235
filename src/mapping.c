/* mapping: links between the items of two checklists. */
#include "config.h"

#include "mapping.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"

void mapping_free(struct mapping *m)
{
	if (!m)
		return;
	arena_free(&m->arena);
	free(m);
}

const struct mapping_link *mapping_link_to(const struct mapping *m, int to)
{
	/* The links follow the new edition's items, numbered from 1: look
	 * there first (search looks up every item's). */
	if (to >= 1 && (size_t)to <= m->n_links && m->links[to - 1].to == to)
		return &m->links[to - 1];
	for (size_t i = 0; i < m->n_links; i++)
		if (m->links[i].to == to)
			return &m->links[i];
	return NULL;
}

const struct mapping_drop *mapping_dropped(const struct mapping *m, int from)
{
	for (size_t i = 0; i < m->n_dropped; i++)
		if (m->dropped[i].from == from)
			return &m->dropped[i];
	return NULL;
}

/* How many times old item number n is linked or dropped. */
static size_t uses(const struct mapping *m, int n)
{
	size_t k = mapping_dropped(m, n) != NULL;

	for (size_t i = 0; i < m->n_links; i++)
		for (size_t j = 0; j < m->links[i].n_from; j++)
			k += m->links[i].from[j] == n;
	return k;
}

int mapping_check(const struct mapping *m, const struct checklist *from, const struct checklist *to,
		  char *err, size_t errlen)
{
	if (strcmp(m->from, from->id) || strcmp(m->to, to->id)) {
		snprintf(err, errlen, _("%s: maps %s to %s, not %s to %s"), m->path, m->from, m->to,
			 from->id, to->id);
		return -1;
	}
	for (size_t i = 0; i < m->n_links; i++) {
		const struct mapping_link *l = &m->links[i];
		if (checklist_find_item(to, l->to) < 0 || mapping_link_to(m, l->to) != l) {
			snprintf(err, errlen, _("%s: item %d of %s is not in it, or linked twice"),
				 m->path, l->to, to->id);
			return -1;
		}
		for (size_t j = 0; j < l->n_from; j++)
			if (checklist_find_item(from, l->from[j]) < 0) {
				snprintf(err, errlen, _("%s: item %d of %s is not in it"), m->path,
					 l->from[j], from->id);
				return -1;
			}
	}
	for (size_t i = 0; i < to->n_items; i++)
		if (!mapping_link_to(m, to->items[i].number)) {
			snprintf(err, errlen, _("%s: item %d of %s has no link"), m->path,
				 to->items[i].number, to->id);
			return -1;
		}
	for (size_t i = 0; i < from->n_items; i++)
		if (uses(m, from->items[i].number) == 0 ||
		    (mapping_dropped(m, from->items[i].number) &&
		     uses(m, from->items[i].number) > 1)) {
			snprintf(err, errlen,
				 _("%s: item %d of %s must be linked or dropped, not both"),
				 m->path, from->items[i].number, from->id);
			return -1;
		}
	for (size_t i = 0; i < m->n_dropped; i++)
		if (checklist_find_item(from, m->dropped[i].from) < 0) {
			snprintf(err, errlen, _("%s: item %d of %s is not in it"), m->path,
				 m->dropped[i].from, from->id);
			return -1;
		}
	return 0;
}
