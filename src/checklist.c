/* checklist: look-ups over the checklist model. */
#include "config.h"

#include "checklist.h"

#include <stdlib.h>
#include <string.h>

void checklist_free(struct checklist *cl)
{
	if (!cl)
		return;
	arena_free(&cl->arena);
	free(cl);
}

long checklist_find_item(const struct checklist *cl, int n)
{
	for (size_t i = 0; i < cl->n_items; i++)
		if (cl->items[i].number == n)
			return (long)i;
	return -1;
}

long checklist_find_section(const struct checklist *cl, int n)
{
	for (size_t i = 0; i < cl->n_sections; i++)
		if (cl->sections[i].number == n)
			return (long)i;
	return -1;
}

long checklist_find_column(const struct checklist *cl, const char *id)
{
	for (size_t i = 0; i < cl->n_columns; i++)
		if (strcmp(cl->columns[i].id, id) == 0)
			return (long)i;
	return -1;
}

const char *text_get(const struct text *t, enum lang lang)
{
	if (lang == LANG_EN && t->en && *t->en)
		return t->en;
	return t->ja ? t->ja : "";
}

size_t checklist_item_methods(const struct item *it)
{
	size_t n = 0;

	for (size_t g = 0; g < it->n_groups; g++)
		n += it->groups[g].n_methods;
	return n;
}
