/* search: finds text in an item and its answers. */
#include "config.h"

#include "search.h"

#include <string.h>

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Substring search folding ASCII case only: multibyte UTF-8 sequences never
 * contain ASCII bytes, so a byte-wise match cannot start mid-character. */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (!hay)
		return 0;
	for (; *hay; hay++) {
		size_t k = 0;
		while (k < n && hay[k] &&
		       lower((unsigned char)hay[k]) == lower((unsigned char)needle[k]))
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

static int text_has(const struct text *t, const char *q)
{
	return contains(t->ja, q) || contains(t->en, q);
}

static int entries_have(const struct entry *e, size_t n, const char *q)
{
	for (size_t i = 0; i < n; i++)
		if (text_has(&e[i].text, q) || entries_have(e[i].entries, e[i].n_entries, q))
			return 1;
	return 0;
}

static int methods_have(const struct item *it, const char *q)
{
	for (size_t g = 0; g < it->n_groups; g++) {
		const struct method_group *grp = &it->groups[g];
		if (text_has(&grp->heading, q))
			return 1;
		for (size_t m = 0; m < grp->n_methods; m++)
			if (text_has(&grp->methods[m].text, q) ||
			    entries_have(grp->methods[m].entries, grp->methods[m].n_entries, q))
				return 1;
	}
	return 0;
}

static int notes_have(const struct item *it, const char *q)
{
	for (size_t n = 0; n < it->n_notes; n++) {
		const struct note *no = &it->notes[n];
		if (text_has(&no->title, q) || text_has(&no->text, q) ||
		    entries_have(no->entries, no->n_entries, q))
			return 1;
	}
	return 0;
}

int search_item_matches(const struct checklist *cl, const struct answers *a, size_t i,
			const char *query)
{
	const struct item *it = &cl->items[i];

	if (!query || !*query)
		return 0;
	if (text_has(&it->goal, query) || text_has(&it->remarks, query) ||
	    methods_have(it, query) || notes_have(it, query))
		return 1;
	for (size_t r = 0; r < it->n_refs; r++)
		if (text_has(&it->refs[r].source, query) || text_has(&it->refs[r].location, query))
			return 1;
	for (size_t c = 0; a && c < cl->n_columns; c++)
		if (contains(answers_text(a, i, c), query))
			return 1;
	return 0;
}
