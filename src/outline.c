/* outline: an item's 手法例 and 注記 as labelled, indented lines. */
#include "config.h"

#include "outline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void walk_entries(const struct entry *e, size_t n, int depth, outline_text_fn fn, void *ctx)
{
	for (size_t i = 0; i < n; i++) {
		fn(ctx, OUTLINE_ENTRY, depth, e[i].label, &e[i].text);
		walk_entries(e[i].entries, e[i].n_entries, depth + 1, fn, ctx);
	}
}

void outline_item_texts(const struct item *it, outline_text_fn fn, void *ctx)
{
	char label[32];

	for (size_t g = 0; g < it->n_groups; g++) {
		const struct method_group *grp = &it->groups[g];
		if (*grp->heading.ja)
			fn(ctx, OUTLINE_HEADING, 0, "", &grp->heading);
		for (size_t m = 0; m < grp->n_methods; m++) {
			const struct method *me = &grp->methods[m];
			if (me->number)
				snprintf(label, sizeof label, "%d.", me->number);
			else
				label[0] = '\0';
			fn(ctx, OUTLINE_METHOD, 1, label, &me->text);
			walk_entries(me->entries, me->n_entries, 2, fn, ctx);
		}
	}
	for (size_t n = 0; n < it->n_notes; n++) {
		const struct note *no = &it->notes[n];
		snprintf(label, sizeof label, "(注%d)", no->number);
		fn(ctx, OUTLINE_NOTE, 0, label, &no->title);
		if (*no->text.ja)
			fn(ctx, OUTLINE_TEXT, 1, "", &no->text);
		walk_entries(no->entries, no->n_entries, 1, fn, ctx);
	}
}

struct one_lang {
	enum lang lang;
	outline_fn fn;
	void *ctx;
};

static void one_lang_line(void *ctx, enum outline_kind kind, int depth, const char *label,
			  const struct text *text)
{
	struct one_lang *o = ctx;

	o->fn(o->ctx, kind, depth, label, text_get(text, o->lang));
}

void outline_item(const struct item *it, enum lang lang, outline_fn fn, void *ctx)
{
	struct one_lang o = {lang, fn, ctx};

	outline_item_texts(it, one_lang_line, &o);
}

struct buf {
	char *s;
	size_t len, cap;
	int failed;
};

static void buf_add(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->failed = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

static void cell_line(void *ctx, enum outline_kind kind, int depth, const char *label,
		      const char *text)
{
	struct buf *b = ctx;

	(void)depth;
	if (b->len)
		buf_add(b, "\n");
	if (kind == OUTLINE_HEADING) {
		buf_add(b, "<");
		buf_add(b, text);
		buf_add(b, ">");
		return;
	}
	if (kind == OUTLINE_ENTRY && depth > 1)
		buf_add(b, "  ");
	buf_add(b, label);
	/* "1. text" as published; ①, a. and (注1) run straight into the text. */
	if (kind == OUTLINE_METHOD && *label)
		buf_add(b, " ");
	buf_add(b, text);
}

char *outline_item_text(const struct item *it, enum lang lang)
{
	struct buf b = {NULL, 0, 0, 0};

	outline_item(it, lang, cell_line, &b);
	if (b.failed) {
		free(b.s);
		return NULL;
	}
	return b.s ? b.s : calloc(1, 1);
}
