/* ui_text: checklist texts laid into a view's document where more than one
 * view shows them: a marked text, whose added runs are underlined as the
 * publisher underlines them, and a review's note on a 基準 (the item view
 * shows an item's, the help the checklist's history). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "search.h"
#include "ui_view.h"

struct runs {
	struct doc_run *r;
	size_t n, cap;
	int attr, added_attr;
};

static void add_run(void *ctx, const char *s, size_t len, int added)
{
	struct runs *rs = ctx;

	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 8;
		struct doc_run *r = realloc(rs->r, cap * sizeof *r);
		if (!r)
			abort(); /* the interface cannot draw without its rows */
		rs->r = r;
		rs->cap = cap;
	}
	rs->r[rs->n++] = (struct doc_run){s, len, added ? rs->added_attr : rs->attr};
}

/* Adds m in lang from column x, its added runs in added_attr. */
static void marked_rows(struct doc *d, int x, const struct marked *m, enum lang lang, int attr,
			int added_attr)
{
	struct runs rs = {NULL, 0, 0, attr, added_attr};

	marked_runs(m, lang, add_run, &rs);
	doc_text_runs(d, x, rs.r, rs.n, attr);
	free(rs.r);
}

/* Whether t's Japanese original is shown under its English: J asked for
 * it and the two differ. */
static int shows_original(const struct ui *u, const struct text *t)
{
	return u->original && u->lang == LANG_EN && t->en && *t->en && strcmp(t->en, t->ja) != 0;
}

static void original(struct ui *u, struct doc *d, int x, const struct text *t)
{
	if (shows_original(u, t))
		doc_text(d, x, t->ja, ATTR_DIM);
}

void ui_runs_add(struct ui_runs *rs, const char *s, size_t len, int attr)
{
	if (!len)
		return;
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 8;
		struct doc_run *r = realloc(rs->r, cap * sizeof *r);
		if (!r)
			abort(); /* the interface cannot draw without its rows */
		rs->r = r;
		rs->cap = cap;
	}
	rs->r[rs->n++] = (struct doc_run){s, len, attr};
}

/* The ranges of a marked text that a review added. */
struct spans {
	const char *base;
	struct span *s;
	size_t n, cap;
};

static void add_span(void *ctx, const char *s, size_t len, int added)
{
	struct spans *sp = ctx;

	if (!added)
		return;
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? sp->cap * 2 : 4;
		struct span *n = realloc(sp->s, cap * sizeof *n);
		if (!n)
			abort();
		sp->s = n;
		sp->cap = cap;
	}
	sp->s[sp->n++] = (struct span){(size_t)(s - sp->base), (size_t)(s - sp->base) + len};
}

/* Adds bytes [from, to) of s, cut where the added spans begin and end:
 * those in them in added_attr (or, in a match, ATTR_MATCH_ADDED), the
 * rest in attr (or ATTR_MATCH). */
static void add_cut(struct ui_runs *rs, const char *s, size_t from, size_t to,
		    const struct spans *sp, int match, int attr, int added_attr)
{
	while (from < to) {
		size_t end = to;
		int added = 0;
		for (size_t k = 0; k < sp->n; k++) {
			if (sp->s[k].start <= from && from < sp->s[k].end) {
				added = 1;
				end = sp->s[k].end < end ? sp->s[k].end : end;
			} else if (sp->s[k].start > from && sp->s[k].start < end) {
				end = sp->s[k].start;
			}
		}
		ui_runs_add(rs, s + from, end - from,
			    added ? (match ? ATTR_MATCH_ADDED : added_attr)
				  : (match ? ATTR_MATCH : attr));
		from = end;
	}
}

static void add_hit(struct ui_runs *rs)
{
	if (rs->n_hits == rs->cap_hits) {
		size_t cap = rs->cap_hits ? rs->cap_hits * 2 : 4;
		size_t *h = realloc(rs->hit_run, cap * sizeof *h);
		if (!h)
			abort();
		rs->hit_run = h;
		rs->cap_hits = cap;
	}
	rs->hit_run[rs->n_hits++] = rs->n;
}

size_t ui_runs_text(struct ui *u, struct ui_runs *rs, const char *s, const struct marked *m,
		    enum lang lang, int attr, int added_attr)
{
	struct spans sp = {s, NULL, 0, 0};
	size_t at = 0, len = strlen(s), qlen = strlen(u->query), hits = 0;

	if (m)
		marked_runs(m, lang, add_span, &sp);
	for (const char *f = search_find(s, u->query); f; f = search_find(f + qlen, u->query)) {
		size_t start = (size_t)(f - s);
		add_cut(rs, s, at, start, &sp, 0, attr, added_attr);
		if (u->match_marks)
			ui_runs_add(rs, "*", 1, attr);
		add_hit(rs);
		add_cut(rs, s, start, start + qlen, &sp, 1, attr, added_attr);
		if (u->match_marks)
			ui_runs_add(rs, "*", 1, attr);
		at = start + qlen;
		hits++;
	}
	add_cut(rs, s, at, len, &sp, 0, attr, added_attr);
	free(sp.s);
	return hits;
}

size_t ui_runs_lay(struct doc *d, int x, int right, struct ui_runs *rs, int attr)
{
	size_t *rows = calloc(rs->n + 1, sizeof *rows), first;

	free(rs->hit_row);
	rs->hit_row = calloc(rs->n_hits + 1, sizeof *rs->hit_row);
	if (!rows || !rs->hit_row)
		abort();
	first = doc_text_runs_at(d, x, right, rs->r, rs->n, attr, rows);
	for (size_t h = 0; h < rs->n_hits; h++)
		rs->hit_row[h] = rs->hit_run[h] < rs->n ? rows[rs->hit_run[h]] : first;
	free(rows);
	return first;
}

void ui_runs_free(struct ui_runs *rs)
{
	free(rs->r);
	free(rs->hit_run);
	free(rs->hit_row);
	memset(rs, 0, sizeof *rs);
}

void ui_marked(struct ui *u, struct doc *d, int x, const struct marked *m)
{
	marked_rows(d, x, m, u->lang, ATTR_NORMAL, ATTR_ADDED);
	if (shows_original(u, &m->text))
		marked_rows(d, x, m, LANG_JA, ATTR_DIM, ATTR_DIM_ADDED);
}

void ui_revision(struct ui *u, struct doc *d, const struct revision *rv, int x)
{
	char label[512];

	doc_block(d, BLOCK_PART, 0, 1);
	if (rv->date)
		snprintf(label, sizeof label, "%s (%s)", text_get(&rv->review, u->lang), rv->date);
	else
		snprintf(label, sizeof label, "%s", text_get(&rv->review, u->lang));
	doc_text(d, x, label, ATTR_LABEL);
	original(u, d, x, &rv->review);
	if (*rv->standard.text.ja)
		ui_marked(u, d, x + 2, &rv->standard);
	if (*rv->passage.text.ja)
		ui_marked(u, d, x + 4, &rv->passage);
	if (marked_n_added(&rv->standard, u->lang) || marked_n_added(&rv->passage, u->lang))
		/* TRANSLATORS: under a 基準's passage in which the text a review
		   added is underlined, as the publisher underlines it. */
		doc_text(d, x + 4, _("(underlined: the text the review added)"), ATTR_DIM);
	if (*rv->change.ja) {
		doc_text(d, x + 4, text_get(&rv->change, u->lang), ATTR_NORMAL);
		original(u, d, x + 4, &rv->change);
	}
}

void ui_page_free(struct ui_page *p)
{
	if (p->w)
		delwin(p->w);
	p->w = NULL;
	doc_free(&p->doc);
}

void ui_page_window(struct ui *u, struct ui_page *p)
{
	if (p->w)
		delwin(p->w);
	p->w = ui_body_window(u, 0);
}

void ui_page_draw(struct ui *u, struct ui_page *p)
{
	doc_draw(u->attrs, &p->doc, p->w);
	wnoutrefresh(p->w);
}

int ui_page_key(struct ui_page *p, enum action act)
{
	switch (act) {
	case ACT_CLOSE:
	case ACT_HELP:
	case ACT_QUIT:
		return UI_HANDLED | UI_CLOSE;
	default:
		return doc_scroll_rows(&p->doc, getmaxy(p->w), act) ? UI_HANDLED | UI_REDRAW : 0;
	}
}
