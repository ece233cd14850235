/* search: finds text in what the item view shows of an item. */
#include "config.h"

#include "search.h"

#include <string.h>

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Substring search folding ASCII case only: multibyte UTF-8 sequences never
 * contain ASCII bytes, so a byte-wise match cannot start mid-character. */
const char *search_find(const char *hay, const char *query)
{
	size_t n = query ? strlen(query) : 0;

	if (!hay || !n)
		return NULL;
	for (; *hay; hay++) {
		size_t k = 0;
		while (k < n && hay[k] &&
		       lower((unsigned char)hay[k]) == lower((unsigned char)query[k]))
			k++;
		if (k == n)
			return hay;
	}
	return NULL;
}

size_t search_count(const char *hay, const char *query)
{
	size_t n = 0;

	for (const char *m = search_find(hay, query); m; m = search_find(m + strlen(query), query))
		n++;
	return n;
}

size_t search_part_texts(const struct part *p, enum lang lang, const char *out[2])
{
	const struct text *t = p->text;

	if (p->kind == PART_ANSWER || p->kind == PART_COMMENT) {
		out[0] = p->answer;
		return p->answer && *p->answer;
	}
	if (!t)
		return 0;
	out[0] = text_get(t, lang);
	if (lang == LANG_EN && t->en && *t->en && strcmp(t->en, t->ja) != 0) {
		out[1] = t->ja;
		return 2;
	}
	return 1;
}

struct look {
	enum lang lang;
	const char *query;
	int found;
};

static void look_in(void *ctx, const struct part *p)
{
	struct look *l = ctx;
	const char *t[2];
	size_t n;

	if (l->found)
		return;
	n = search_part_texts(p, l->lang, t);
	for (size_t k = 0; k < n && !l->found; k++)
		l->found = search_find(t[k], l->query) != NULL;
}

int search_item_matches(const struct checklist *cl, const struct answers *a,
			const struct examples *ex, size_t i, enum lang lang, const char *query)
{
	struct look l = {lang, query, 0};

	if (!query || !*query)
		return 0;
	item_parts(cl, a, NULL, ex, i, look_in, &l);
	return l.found;
}
