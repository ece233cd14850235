/* checklist: look-ups over the checklist model. */
#include "config.h"

#include "checklist.h"

#include <stdio.h>
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
	/* Items are numbered 1, 2, … in order in every published edition:
	 * look there first, so that a walk over every item's older ones
	 * (search) stays linear. */
	if (n >= 1 && (size_t)n <= cl->n_items && cl->items[n - 1].number == n)
		return (long)n - 1;
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
	if (!it->n_refs && *cl->refs_note.ja)
		return &cl->refs_note;
	return NULL;
}
