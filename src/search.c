/* search: finds text in what the item view shows of an item. */
#include "config.h"

#include "search.h"

#include <stdlib.h>
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

/* ---- The index ---- */

struct hay {
	char *text; /* lowered, parts apart by NUL; NULL: not built */
	size_t len;
};

struct search_index {
	struct hay *items;
	size_t n;
	enum lang lang; /* the language the texts were built in */
};

struct search_index *search_index_new(size_t n_items)
{
	struct search_index *si = calloc(1, sizeof *si);

	if (si && !(si->items = calloc(n_items ? n_items : 1, sizeof *si->items))) {
		free(si);
		return NULL;
	}
	if (si)
		si->n = n_items;
	return si;
}

void search_index_free(struct search_index *si)
{
	if (!si)
		return;
	search_index_forget(si, si->n);
	free(si->items);
	free(si);
}

void search_index_forget(struct search_index *si, size_t i)
{
	if (i < si->n) {
		free(si->items[i].text);
		si->items[i].text = NULL;
		return;
	}
	for (size_t k = 0; k < si->n; k++) {
		free(si->items[k].text);
		si->items[k].text = NULL;
	}
}

struct builder {
	enum lang lang;
	char *buf;
	size_t len, cap;
	int failed;
};

/* Appends a part's texts, lowered, each ended by a NUL. */
static void add_part(void *ctx, const struct part *p)
{
	struct builder *b = ctx;
	const char *t[2];
	size_t n = search_part_texts(p, b->lang, t);

	for (size_t k = 0; k < n && !b->failed; k++) {
		size_t len = strlen(t[k]);
		if (b->len + len + 1 > b->cap) {
			size_t cap = (b->cap ? b->cap : 4096) * 2;
			char *nb;
			while (cap < b->len + len + 1)
				cap *= 2;
			if (!(nb = realloc(b->buf, cap))) {
				b->failed = 1;
				return;
			}
			b->buf = nb;
			b->cap = cap;
		}
		for (size_t c = 0; c < len; c++)
			b->buf[b->len + c] = (char)lower((unsigned char)t[k][c]);
		b->len += len;
		b->buf[b->len++] = '\0';
	}
}

/* Builds item i's text in lang. Returns 0 or -1. */
static int build_hay(struct search_index *si, const struct checklist *cl, const struct answers *a,
		     const struct examples *ex, size_t i, enum lang lang)
{
	struct builder b = {lang, NULL, 0, 0, 0};
	char *shrunk;

	item_parts(cl, a, NULL, ex, i, add_part, &b);
	if (b.failed) {
		free(b.buf);
		return -1;
	}
	/* Kept at its size: the index holds every item's. */
	shrunk = b.len ? realloc(b.buf, b.len) : NULL;
	si->items[i].text = shrunk ? shrunk : b.buf;
	si->items[i].len = b.len;
	if (!si->items[i].text)
		si->items[i].text = calloc(1, 1);
	return si->items[i].text ? 0 : -1;
}

int search_index_matches(struct search_index *si, const struct checklist *cl,
			 const struct answers *a, const struct examples *ex, size_t i,
			 enum lang lang, const char *query)
{
	char lowered[512];
	size_t n = query ? strlen(query) : 0;

	if (!n || i >= si->n)
		return 0;
	if (n >= sizeof lowered)
		return search_item_matches(cl, a, ex, i, lang, query);
	if (lang != si->lang) {
		search_index_forget(si, si->n);
		si->lang = lang;
	}
	if (!si->items[i].text && build_hay(si, cl, a, ex, i, lang) != 0)
		return -1;
	for (size_t c = 0; c <= n; c++)
		lowered[c] = (char)lower((unsigned char)query[c]);
	return memmem(si->items[i].text, si->items[i].len, lowered, n) != NULL;
}
