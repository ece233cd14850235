/* ui_text: checklist texts laid into a view's document where more than one
 * view shows them: a marked text, whose added runs are underlined as the
 * publisher underlines them, and a review's note on a 基準 (the item view
 * shows an item's, the help the checklist's history). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
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
