/* checklist: look-ups over the checklist model. */
#include "config.h"

#include "checklist.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void checklist_free(struct checklist *cl)
{
	if (!cl)
		return;
	checklist_free(cl->base);
	free(cl->by_number);
	free(cl->image);
	arena_free(&cl->arena);
	free(cl);
}

static int by_number(const void *a, const void *b)
{
	const struct item_key *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

int checklist_index(struct checklist *cl)
{
	char num[16];

	for (size_t i = 0; i < cl->n_items; i++) {
		struct item *it = &cl->items[i];
		if (it->label)
			continue;
		snprintf(num, sizeof num, "%d", it->number);
		if (!(it->label = arena_strndup(&cl->arena, num, strlen(num))))
			return -1;
	}
	free(cl->by_number);
	if (!(cl->by_number = malloc(sizeof *cl->by_number * (cl->n_items ? cl->n_items : 1))))
		return -1;
	for (size_t i = 0; i < cl->n_items; i++)
		cl->by_number[i] = (struct item_key){cl->items[i].number, i};
	qsort(cl->by_number, cl->n_items, sizeof *cl->by_number, by_number);
	return 0;
}

long checklist_find_item(const struct checklist *cl, int n)
{
	size_t lo = 0, hi = cl->n_items;

	/* Items are numbered 1, 2, … in order in every published edition:
	 * look there first. */
	if (n >= 1 && (size_t)n <= cl->n_items && cl->items[n - 1].number == n)
		return (long)n - 1;
	if (!cl->by_number)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cl->by_number[mid].number == n)
			return (long)cl->by_number[mid].index;
		if (cl->by_number[mid].number < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int checklist_label_key(const char *label)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)label; *p; p++)
		h = (h ^ *p) * 16777619u;
	return CHECKLIST_KEY_BASE | (int)(h & 0x3fffffff);
}

const char *checklist_key_label(const struct checklist *cl, int n, char buf[16])
{
	for (; cl; cl = cl->base) {
		long i = checklist_find_item(cl, n);
		if (i >= 0)
			return cl->items[i].label;
	}
	snprintf(buf, 16, "%d", n);
	return buf;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Splits s (modified) at newlines into a new array of n strings. */
static const char **split_lines(char *s, size_t *n)
{
	size_t cap = 1;
	const char **v;

	for (const char *p = s; *p; p++)
		cap += *p == '\n';
	if (!(v = malloc(cap * sizeof *v)))
		return NULL;
	*n = 0;
	for (char *tok = s, *nl; tok && *tok; tok = nl ? nl + 1 : NULL) {
		if ((nl = strchr(tok, '\n')))
			*nl = '\0';
		v[(*n)++] = tok;
	}
	return v;
}

/* Appends label to the list at *out ("a, b"). */
static int append_label(char **out, size_t *len, const char *label)
{
	size_t add = strlen(label) + 2;
	char *p = realloc(*out, *len + add + 1);

	if (!p)
		return -1;
	*out = p;
	*len += (size_t)sprintf(p + *len, "%s%s", *len ? ", " : "", label);
	return 0;
}

/* Whether label is among the n sorted strings of v. */
static int has_label(const char **v, size_t n, const char *label)
{
	return bsearch(&label, v, n, sizeof *v, by_string) != NULL;
}

int checklist_compare_labels(const struct checklist *cl, const char *recorded, char **added,
			     char **gone)
{
	char *copy = strdup(recorded);
	const char **rec = NULL, **now = NULL, **order = NULL;
	size_t n_rec = 0, la = 0, lg = 0;
	int rc = -1;

	*added = calloc(1, 1);
	*gone = calloc(1, 1);
	if (!copy || !*added || !*gone || !(rec = split_lines(copy, &n_rec)) ||
	    !(order = malloc((n_rec ? n_rec : 1) * sizeof *order)) ||
	    !(now = malloc((cl->n_items ? cl->n_items : 1) * sizeof *now)))
		goto done;
	memcpy(order, rec, n_rec * sizeof *rec);
	qsort(rec, n_rec, sizeof *rec, by_string);
	for (size_t i = 0; i < cl->n_items; i++)
		now[i] = cl->items[i].label;
	qsort(now, cl->n_items, sizeof *now, by_string);
	rc = 0;
	for (size_t i = 0; rc == 0 && i < cl->n_items; i++)
		if (!has_label(rec, n_rec, cl->items[i].label))
			rc = append_label(added, &la, cl->items[i].label);
	for (size_t i = 0; rc == 0 && i < n_rec; i++)
		if (!has_label(now, cl->n_items, order[i]))
			rc = append_label(gone, &lg, order[i]);
done:
	free(copy);
	free(rec);
	free(order);
	free(now);
	return rc;
}

long checklist_find_label(const struct checklist *cl, const char *s)
{
	size_t len;
	char *end;
	long v;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (!len)
		return -1;
	v = strtol(s, &end, 10);
	if (end == s + len && *s != '-' && *s != '+' && v > 0 && v < CHECKLIST_KEY_BASE) {
		long i = checklist_find_item(cl, (int)v);
		return i >= 0 && !cl->items[i].added ? i : -1;
	}
	for (size_t i = 0; i < cl->n_items; i++)
		if (cl->items[i].added && strlen(cl->items[i].label) == len &&
		    strncmp(cl->items[i].label, s, len) == 0)
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

long checklist_find_column_named(const struct checklist *cl, const char *name)
{
	long c = checklist_find_column(cl, name);

	for (size_t i = 0; c < 0 && i < cl->n_columns; i++) {
		const struct text *t = &cl->columns[i].name;
		if ((t->ja && strcmp(t->ja, name) == 0) || (t->en && strcmp(t->en, name) == 0))
			c = (long)i;
	}
	return c;
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

/* The language whose text and runs m shows in lang. */
static int marked_lang(const struct marked *m, enum lang lang)
{
	return lang == LANG_EN && m->text.en && *m->text.en ? LANG_EN : LANG_JA;
}

void marked_runs(const struct marked *m, enum lang lang, marked_fn fn, void *ctx)
{
	int l = marked_lang(m, lang);
	const char *s = text_get(&m->text, lang);
	size_t at = 0, len = strlen(s);

	for (size_t i = 0; i < m->n_added[l]; i++) {
		const struct span *sp = &m->added[l][i];
		if (sp->start > at)
			fn(ctx, s + at, sp->start - at, 0);
		fn(ctx, s + sp->start, sp->end - sp->start, 1);
		at = sp->end;
	}
	if (len > at)
		fn(ctx, s + at, len - at, 0);
}

struct format_ctx {
	char *out;
	size_t len;
	const char *open, *close;
};

static void format_run(void *ctx, const char *s, size_t len, int added)
{
	struct format_ctx *c = ctx;

	if (added)
		c->len += (size_t)sprintf(c->out + c->len, "%s", c->open);
	memcpy(c->out + c->len, s, len);
	c->len += len;
	if (added)
		c->len += (size_t)sprintf(c->out + c->len, "%s", c->close);
	c->out[c->len] = '\0';
}

char *marked_format(const struct marked *m, enum lang lang, const char *open, const char *close)
{
	size_t n = marked_n_added(m, lang);
	struct format_ctx c = {NULL, 0, open, close};

	c.out = malloc(strlen(text_get(&m->text, lang)) + n * (strlen(open) + strlen(close)) + 1);
	if (!c.out)
		return NULL;
	c.out[0] = '\0';
	marked_runs(m, lang, format_run, &c);
	return c.out;
}

size_t marked_n_added(const struct marked *m, enum lang lang)
{
	return m->n_added[marked_lang(m, lang)];
}

const struct text *checklist_refs_note(const struct checklist *cl, const struct item *it)
{
	if (*it->refs_note.ja)
		return &it->refs_note;
	if (!it->n_refs && !it->added && *cl->refs_note.ja)
		return &cl->refs_note;
	return NULL;
}
