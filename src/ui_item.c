/* ui_item: one item in full, in the order of its parts (parts.h): the
 * title, the goal and target, the status and the answer columns (each with
 * last year's under it, dimmed, where --compare gives one that differs:
 * C copies it); then the
 * references, the 手法例 under their <headings>, each 注記 folded until
 * opened, the older edition's 手法例 folded, the publisher's remarks and
 * warnings, and the reviews' notes folded under one heading per 基準. The
 * last search's matches are highlighted, and n and N go from one to the
 * next, opening the fold a match is in. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "outline.h"
#include "parts.h"
#include "search.h"
#include "textwidth.h"
#include "ui_doc.h"
#include "ui_view.h"

#define NO_HIT ((size_t)-1)

/* A match of the last search: the row it starts in, or NO_HIT while its
 * fold is closed. */
struct hit {
	size_t row;
	int fold;
};

struct item_state {
	WINDOW *w;
	struct doc doc;
	size_t item;               /* the item shown */
	unsigned char *folds_open; /* per fold (parts.h) */
	size_t n_open;             /* the folds folds_open has room for */
	int n_folds;               /* the item's folds */
	struct hit *hits;          /* the matches, in the document's order */
	size_t n_hits, cap_hits;
	size_t hit;      /* the match n or N went to last, or NO_HIT */
	int at_hit;      /* the cursor has not moved since: its row is marked */
	char query[512]; /* the search the matches are of */
};

/* The item's document being built from its parts. */
struct build {
	struct ui *u;
	struct item_state *is;
	struct part source; /* a reference's source, until its location */
	int labels;         /* the labels added: LABEL_* */
	int legend;         /* the open 基準's notes underline what they added */
};

enum { LABEL_MATERIAL = 1, LABEL_METHODS = 2, LABEL_NOTES = 4, LABEL_REVIEWS = 8 };

static int body_rows(const struct item_state *is)
{
	return is->w ? getmaxy(is->w) : 1;
}

static void push_hit(struct item_state *is, size_t row, int fold)
{
	if (is->n_hits == is->cap_hits) {
		size_t cap = is->cap_hits ? is->cap_hits * 2 : 16;
		struct hit *h = realloc(is->hits, cap * sizeof *h);
		if (!h)
			abort(); /* the interface cannot go on without them */
		is->hits = h;
		is->cap_hits = cap;
	}
	is->hits[is->n_hits++] = (struct hit){row, fold};
}

/* Whether p lies in a closed fold. */
static int hidden(const struct item_state *is, const struct part *p)
{
	return p->fold >= 0 && !p->heads &&
	       ((size_t)p->fold >= is->n_open || !is->folds_open[p->fold]);
}

/* A part in a closed fold: its matches are counted, to be shown when n or
 * N opens the fold. */
static void hide(struct build *b, const struct part *p)
{
	const char *t[2];
	size_t n = search_part_texts(p, b->u->lang, t);

	for (size_t k = 0; k < n; k++)
		for (size_t m = search_count(t[k], b->u->query); m > 0; m--)
			push_hit(b->is, NO_HIT, p->fold);
}

/* Adds part p's text in the interface's language (orig 0) or its Japanese
 * original (orig 1) to rs, its matches highlighted. Returns 0 if p has no
 * such text. Every text the view shows of a part comes through here, from
 * search_part_texts: what search looks in is what the view shows. */
static int add_part(struct build *b, struct ui_runs *rs, const struct part *p, int orig, int attr,
		    int added_attr)
{
	const char *t[2];
	size_t n = search_part_texts(p, b->u->lang, t);

	if ((size_t)orig >= n)
		return 0;
	ui_runs_text(b->u, rs, t[orig], p->marked, orig ? LANG_JA : b->u->lang, attr, added_attr);
	return 1;
}

/* Whether p's Japanese original is shown under its English: J asks for
 * it, or the last search found it there. */
static int shows_original(const struct build *b, const struct part *p)
{
	const char *t[2];

	return search_part_texts(p, b->u->lang, t) == 2 &&
	       (b->u->original || search_find(t[1], b->u->query));
}

/* Lays the runs out from column x; their matches join the view's. */
static size_t lay(struct build *b, struct ui_runs *rs, int x, int attr)
{
	size_t r = ui_runs_lay(&b->is->doc, x, 0, rs, attr);

	for (size_t h = 0; h < rs->n_hits; h++)
		push_hit(b->is, rs->hit_row[h], -1);
	ui_runs_free(rs);
	return r;
}

/* Lays out p's text from column x between before and after, and its
 * Japanese original under it from column ox where that is shown. Returns
 * the first row. */
static size_t lay_part(struct build *b, const struct part *p, int x, int ox, const char *before,
		       const char *after, int attr)
{
	struct ui_runs rs = {0};
	size_t r;

	ui_runs_add(&rs, before, strlen(before), attr);
	add_part(b, &rs, p, 0, attr, ATTR_ADDED);
	ui_runs_add(&rs, after, strlen(after), attr);
	r = lay(b, &rs, x, attr);
	if (shows_original(b, p)) {
		add_part(b, &rs, p, 1, ATTR_DIM, ATTR_DIM_ADDED);
		lay(b, &rs, ox, ATTR_DIM);
	}
	return r;
}

/* A block with a label (NULL: none) over p's text. */
static void labelled(struct build *b, const char *label, const struct part *p)
{
	struct doc *d = &b->is->doc;

	doc_block(d, BLOCK_PART, 0, 1);
	if (label)
		doc_text(d, 1, label, ATTR_LABEL);
	lay_part(b, p, 3, 3, "", "", ATTR_NORMAL);
}

/* A label on a row of its own, once. */
static void label_once(struct build *b, int which, const char *label)
{
	struct doc *d = &b->is->doc;

	if (b->labels & which)
		return;
	b->labels |= which;
	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 1, label, ATTR_LABEL);
}

/* Splits s at its \1 (where a format put the text a part's runs go in):
 * s keeps what comes before, and what comes after is returned. */
static const char *split(char *s)
{
	char *m = strchr(s, '\1');

	if (!m)
		return "";
	*m = '\0';
	return m + 1;
}

/* The fold's mark before the first row of its heading. */
static void fold_mark(struct build *b, size_t row, int fold)
{
	doc_decorate(&b->is->doc, row, 3, b->is->folds_open[fold] ? "-" : "+", ATTR_BOLD, NULL);
}

/* The item's number, and its section's name, marked when it is not the
 * publisher's. */
static void lay_title(struct build *b, const struct part *p)
{
	const struct item *it = &b->u->cl->items[b->is->item];
	const struct section *sec = &b->u->cl->sections[it->section];
	char name[256], buf[512];
	const char *after;

	if (*sec->name_supplied.ja)
		snprintf(name, sizeof name, _("%s (name supplied by tenken)"), "\1");
	else
		snprintf(name, sizeof name, "%s", "\1");
	snprintf(buf, sizeof buf, _("Item %s  (section %d: %s)"), it->label, sec->number, name);
	after = split(buf);
	doc_block(&b->is->doc, BLOCK_PART, 0, 1);
	lay_part(b, p, 0, 0, buf, after, ATTR_TITLE);
	if (it->added) {
		/* TRANSLATORS: under an item a bank's overlay added; %s is the
		   overlay's id. */
		snprintf(buf, sizeof buf, _("The bank's own item, added by the overlay %s"),
			 b->u->cl->id);
		doc_text(&b->is->doc, 3, buf, ATTR_DIM);
	}
}

static void lay_status(struct build *b)
{
	struct doc *d = &b->is->doc;
	enum status s = b->u->a->status[b->is->item];

	doc_block(d, BLOCK_STATUS, 0, 1);
	doc_text(d, 1, _("Status"), ATTR_LABEL);
	size_t r = doc_text(d, 7, status_name(s), ATTR_STATUS + s);
	d->rows[r].mark = (int)s + 1;
	d->rows[r].mark_x = 3;
}

static void lay_answer(struct build *b, const struct part *p)
{
	struct doc *d = &b->is->doc;

	doc_block(d, BLOCK_COLUMN, p->index, 1);
	doc_text(d, 1, text_get(&b->u->cl->columns[p->index].name, b->u->lang), ATTR_LABEL);
	if (*p->answer)
		lay_part(b, p, 3, 3, "", "", ATTR_NORMAL);
	else
		doc_text(d, 3, _("(empty)"), ATTR_EMPTY);
}

/* Last year's status or answer (--compare), dimmed and labelled, under
 * this year's and in its block, so that C on the block copies it. */
static void lay_last(struct build *b, const struct part *p)
{
	/* TRANSLATORS: before last year's answer (or status), shown dimmed
	   under this year's by tenken --compare. */
	const char *label = _("Last time:");
	const char *s =
		p->kind == PART_LAST_STATUS ? status_name((enum status)p->number) : p->answer;
	struct ui_runs rs = {0};

	ui_runs_add(&rs, label, strlen(label), ATTR_LABEL);
	ui_runs_add(&rs, " ", 1, ATTR_DIM);
	ui_runs_add(&rs, s, strlen(s), ATTR_DIM);
	ui_runs_lay(&b->is->doc, 3, 0, &rs, ATTR_DIM);
	ui_runs_free(&rs);
}

/* The review, once begun: the verdict, and the latest comment of the
 * thread (tenken review shows it all). */
static void lay_verdict(struct build *b)
{
	struct doc *d = &b->is->doc;
	enum verdict v = b->u->a->verdict[b->is->item];
	char shown[128];

	doc_block(d, BLOCK_PART, 0, 1);
	/* TRANSLATORS: the label of the review's verdict in the item view
	   (確認結果). */
	doc_text(d, 1, _("Review verdict"), ATTR_LABEL);
	if (v == VERDICT_NONE)
		doc_text(d, 3, _("none yet"), ATTR_EMPTY);
	else
		doc_text(d, 3, verdict_shown(v, shown, sizeof shown), ATTR_NORMAL);
}

static void lay_comment(struct build *b, const struct part *p)
{
	struct doc *d = &b->is->doc;
	char label[128];

	doc_block(d, BLOCK_PART, 0, 1);
	/* TRANSLATORS: the label of the review's latest comment in the item
	   view, and the command that shows the whole thread. */
	snprintf(label, sizeof label, _("Latest comment (tenken review %s shows all)"),
		 b->u->cl->items[b->is->item].label);
	doc_text(d, 1, label, ATTR_LABEL);
	lay_part(b, p, 3, 3, "", "", ATTR_NORMAL);
}

/* A reference: its source and location on one line, and under it their
 * Japanese originals where either is shown. */
static void lay_reference(struct build *b, const struct part *loc)
{
	const struct part *two[2] = {&b->source, loc};
	struct ui_runs rs = {0};

	doc_block(&b->is->doc, BLOCK_PART, 0, 1);
	if (loc->index == 0)
		doc_text(&b->is->doc, 1, _("Related regulations"), ATTR_LABEL);
	for (int k = 0; k < 2; k++) {
		add_part(b, &rs, two[k], 0, ATTR_NORMAL, ATTR_ADDED);
		ui_runs_add(&rs, "  ", k ? 0 : 2, ATTR_NORMAL);
	}
	lay(b, &rs, 3, ATTR_NORMAL);
	if (!shows_original(b, two[0]) && !shows_original(b, two[1]))
		return;
	for (int k = 0; k < 2; k++) {
		if (!add_part(b, &rs, two[k], 1, ATTR_DIM, ATTR_DIM_ADDED))
			ui_runs_add(&rs, two[k]->text->ja, strlen(two[k]->text->ja), ATTR_DIM);
		ui_runs_add(&rs, "  ", k ? 0 : 2, ATTR_DIM);
	}
	lay(b, &rs, 3, ATTR_DIM);
}

/* A line of the item's 手法例 or 注記. */
static void lay_outline(struct build *b, const struct part *p)
{
	struct doc *d = &b->is->doc;
	int x = 3 + 2 * p->depth, lw = (int)textwidth_str(p->label);
	size_t r;

	switch (p->line) {
	case OUTLINE_HEADING:
		label_once(b, LABEL_METHODS, _("Example methods"));
		doc_block(d, BLOCK_PART, 0, 1);
		lay_part(b, p, 3, 4, "<", ">", ATTR_BOLD);
		return;
	case OUTLINE_METHOD:
		label_once(b, LABEL_METHODS, _("Example methods"));
		doc_block(d, BLOCK_PART, 0, 1);
		lw += lw ? 1 : 0;
		r = lay_part(b, p, x + lw, x + lw, "", "", ATTR_NORMAL);
		if (*p->label)
			doc_decorate(d, r, x, p->label, ATTR_BOLD, NULL);
		return;
	case OUTLINE_NOTE:
		label_once(b, LABEL_NOTES, _("Notes"));
		doc_block(d, BLOCK_NOTE, (size_t)p->fold, 1);
		r = lay_part(b, p, 5, 5 + lw, p->label, "", ATTR_NORMAL);
		fold_mark(b, r, p->fold);
		return;
	case OUTLINE_TEXT:
	case OUTLINE_ENTRY:
		doc_block(d, p->fold >= 0 ? BLOCK_TEXT : BLOCK_PART, 0, p->fold < 0);
		r = lay_part(b, p, x + 2 + lw, x + 2 + lw, "", "", ATTR_NORMAL);
		if (lw)
			doc_decorate(d, r, x + 2, p->label, ATTR_NORMAL, NULL);
		return;
	}
}

/* An older edition's item, heading the fold its 手法例 are in. */
static void lay_example(struct build *b, const struct part *p)
{
	char buf[1024];
	const char *after;

	/* TRANSLATORS: the older edition (試行版), its item number and goal.
	   The edition is named in the interface's language, the goal in the
	   checklist's (L). */
	snprintf(buf, sizeof buf, _("Methods of %s, item %d, for reference: %s"),
		 text_get(&p->from->edition, b->u->iface), p->number, "\1");
	after = split(buf);
	label_once(b, LABEL_METHODS, _("Example methods"));
	doc_block(&b->is->doc, BLOCK_NOTE, (size_t)p->fold, 1);
	fold_mark(b, lay_part(b, p, 5, 7, buf, after, ATTR_NORMAL), p->fold);
}

/* A line of an older edition's 手法例, all shown, indented under its
 * fold. */
static void lay_example_line(struct build *b, const struct part *p)
{
	struct doc *d = &b->is->doc;
	int x = 7 + 2 * p->depth,
	    lw = *p->label ? (int)textwidth_str(p->label) + (p->line == OUTLINE_METHOD) : 0;

	doc_block(d, BLOCK_TEXT, 0, 0);
	if (p->line == OUTLINE_HEADING) {
		lay_part(b, p, 7, 8, "<", ">", ATTR_BOLD);
		return;
	}
	size_t r = lay_part(b, p, x + lw, x + lw, "", "", ATTR_DIM);
	if (*p->label)
		doc_decorate(d, r, x, p->label, ATTR_DIM, NULL);
}

/* After the notes under a 基準, if they underline what a review added, a
 * line saying so. */
static void flush_legend(struct build *b)
{
	if (!b->legend)
		return;
	b->legend = 0;
	doc_block(&b->is->doc, BLOCK_TEXT, 0, 0);
	/* TRANSLATORS: under a 基準's passage in which the text a review
	   added is underlined, as the publisher underlines it. */
	doc_text(&b->is->doc, 7, _("(underlined: the text the review added)"), ATTR_DIM);
}

/* A 基準 the reviews changed, heading the fold of their notes on it. */
static void lay_standard(struct build *b, const struct part *p)
{
	char buf[64];
	const char *after;

	flush_legend(b);
	label_once(b, LABEL_REVIEWS, _("Reviews of the standards"));
	/* TRANSLATORS: a 基準 (the %s) and how many notes of reviews on it
	   are folded under it. */
	snprintf(buf, sizeof buf, ngettext("%s (%zu note)", "%s (%zu notes)", p->count), "\1",
		 p->count);
	after = split(buf);
	doc_block(&b->is->doc, BLOCK_NOTE, (size_t)p->fold, 1);
	fold_mark(b, lay_part(b, p, 5, 5, buf, after, ATTR_NORMAL), p->fold);
	b->legend = b->is->folds_open[p->fold] && marked_n_added(p->marked, b->u->lang);
}

/* A review's note under its 基準: the review and date (unless those of
 * the note before), the passage, the label. */
static void lay_review(struct build *b, const struct part *p)
{
	char date[64] = "";

	switch (p->kind) {
	case PART_REVIEW:
		doc_block(&b->is->doc, BLOCK_PART, 0, 1);
		if (p->date)
			snprintf(date, sizeof date, " (%s)", p->date);
		if (p->text)
			lay_part(b, p, 5, 5, "", date, ATTR_LABEL);
		return;
	case PART_PASSAGE:
		b->legend |= marked_n_added(p->marked, b->u->lang) > 0;
		lay_part(b, p, 7, 7, "", "", ATTR_NORMAL);
		return;
	default:
		lay_part(b, p, 7, 7, "", "", ATTR_NORMAL);
		return;
	}
}

/* Lays out one part (parts.h). */
static void part_row(void *ctx, const struct part *p)
{
	struct build *b = ctx;

	if (hidden(b->is, p)) {
		hide(b, p);
		return;
	}
	if (p->kind >= PART_REF_SOURCE && !(b->labels & LABEL_MATERIAL)) {
		/* A blank line between the officer's part and the material. */
		b->labels |= LABEL_MATERIAL;
		doc_block(&b->is->doc, BLOCK_TEXT, 0, 0);
		doc_text(&b->is->doc, 0, "", ATTR_NORMAL);
	}
	switch (p->kind) {
	case PART_SECTION:
		lay_title(b, p);
		break;
	case PART_NAME_NOTE:
		labelled(b, _("About the name"), p);
		break;
	case PART_GOAL:
		labelled(b, _("Security goal"), p);
		break;
	case PART_TARGET:
		labelled(b, _("Target"), p);
		break;
	case PART_STATUS:
		lay_status(b);
		break;
	case PART_ANSWER:
		lay_answer(b, p);
		break;
	case PART_LAST_STATUS:
	case PART_LAST_ANSWER:
		lay_last(b, p);
		break;
	case PART_VERDICT:
		lay_verdict(b);
		break;
	case PART_COMMENT:
		lay_comment(b, p);
		break;
	case PART_REF_SOURCE:
		b->source = *p;
		break;
	case PART_REF_LOCATION:
		lay_reference(b, p);
		break;
	case PART_REFS_NOTE:
		labelled(b, _("About the references"), p);
		break;
	case PART_OUTLINE:
		lay_outline(b, p);
		break;
	case PART_EXAMPLE:
		lay_example(b, p);
		break;
	case PART_EXAMPLE_LINE:
		lay_example_line(b, p);
		break;
	case PART_REMARKS:
		labelled(b, _("Remarks (in the checklist)"), p);
		break;
	case PART_WARNING:
		labelled(b, p->index ? NULL : _("Do not"), p);
		break;
	case PART_STANDARD:
		lay_standard(b, p);
		break;
	case PART_REVIEW:
	case PART_PASSAGE:
	case PART_CHANGE:
		lay_review(b, p);
		break;
	}
}

/* Builds the item's document for the width, the language, the folds and
 * the last search, keeping the cursor's block on screen. */
static void build(struct ui *u, struct item_state *is)
{
	struct doc *d = &is->doc;
	struct build b = {0};

	b.u = u;
	b.is = is;
	doc_clear(d);
	d->width = u->cols;
	is->n_hits = 0;
	is->n_folds = item_parts(u->cl, u->a, u->o->last, ui_examples(u), is->item, part_row, &b);
	flush_legend(&b);
	if (is->hit != NO_HIT && is->hit >= is->n_hits)
		is->hit = NO_HIT;
	if (is->hit != NO_HIT && is->at_hit)
		d->spot = is->hits[is->hit].row;
	if (is->w)
		doc_ensure_visible(d, getmaxy(is->w));
}

/* Opens every fold that holds a match; returns whether one was closed. */
static int open_hit_folds(struct item_state *is)
{
	int opened = 0;

	for (size_t h = 0; h < is->n_hits; h++)
		if (is->hits[h].row == NO_HIT && (size_t)is->hits[h].fold < is->n_open) {
			is->folds_open[is->hits[h].fold] = 1;
			opened = 1;
		}
	return opened;
}

/* The last search is not the one the matches are of: none has been gone
 * to yet, and the folds holding one open. */
static void take_query(struct ui *u, struct item_state *is)
{
	snprintf(is->query, sizeof is->query, "%s", u->query);
	is->hit = NO_HIT;
	build(u, is);
	if (open_hit_folds(is))
		build(u, is);
}

/* Shows item from its top, every fold closed but those that hold a match
 * of the last search. */
static void show(struct ui *u, struct item_state *is, size_t item)
{
	const struct item *it = &u->cl->items[item];
	size_t n = it->n_notes + PARTS_MAX_EXAMPLES + it->n_revisions + 1;
	unsigned char *folds = calloc(n, 1);

	if (!folds)
		abort(); /* a few bytes: the interface cannot go on without them */
	free(is->folds_open);
	is->folds_open = folds;
	is->n_open = n;
	is->item = item;
	is->doc.top = is->doc.cursor = 0;
	take_query(u, is);
}

/* o (which -1): opens every fold, or folds them all if all are open;
 * Enter on a fold's heading (which): opens or folds that one. */
static void toggle_folds(struct ui *u, struct item_state *is, int which)
{
	size_t n = (size_t)is->n_folds < is->n_open ? (size_t)is->n_folds : is->n_open;
	int any_closed = 0;

	if (!n) {
		ui_message(u, 0, "%s", _("This item has no notes."));
		return;
	}
	if (which >= 0) {
		is->folds_open[which] = !is->folds_open[which];
	} else {
		for (size_t k = 0; k < n; k++)
			any_closed |= !is->folds_open[k];
		memset(is->folds_open, any_closed, n);
	}
	build(u, is);
}

/* Puts the cursor on the block of kind and ref (the status, an answer
 * column), scrolling only if it is not on screen. */
static void select_block(struct item_state *is, enum block_kind kind, size_t ref)
{
	for (size_t b = 0; b < is->doc.n_blocks; b++)
		if (is->doc.blocks[b].kind == kind && is->doc.blocks[b].ref == ref) {
			doc_select(&is->doc, body_rows(is), b);
			return;
		}
}

/* The answer column the cursor is on, else the first. */
static size_t cursor_column(const struct item_state *is)
{
	const struct block *b = &is->doc.blocks[is->doc.cursor];

	return b->kind == BLOCK_COLUMN ? b->ref : 0;
}

/* Asks for the next or previous item shown, without closing. */
static int step_item(struct ui *u, const struct item_state *is, int dir, struct request *req)
{
	size_t n = u->cl->n_items;

	for (size_t i = is->item; dir > 0 ? i + 1 < n : i > 0;) {
		i = dir > 0 ? i + 1 : i - 1;
		if (ui_item_visible(u, i)) {
			req->type = REQ_OPEN_ITEM;
			req->item = i;
			return UI_HANDLED;
		}
	}
	ui_message(u, 0, "%s",
		   dir > 0 ? _("This is the last item.") : _("This is the first item."));
	return UI_HANDLED;
}

static int toggle_original(struct ui *u, struct item_state *is)
{
	if (u->lang != LANG_EN) {
		ui_message(u, 0, "%s", _("The checklist text is the Japanese original."));
		return UI_HANDLED;
	}
	u->original = !u->original;
	build(u, is);
	ui_message(u, 0, "%s",
		   u->original ? _("The Japanese original is shown under each English text.")
			       : _("English text only."));
	return UI_HANDLED | UI_REDRAW;
}

/* Enter: a note opens or folds; the status and the answers are edited. */
static int open_block(struct ui *u, struct item_state *is, struct request *req)
{
	const struct block *b = &is->doc.blocks[is->doc.cursor];

	req->item = is->item;
	switch (b->kind) {
	case BLOCK_NOTE:
		toggle_folds(u, is, (int)b->ref);
		return UI_HANDLED | UI_REDRAW;
	case BLOCK_STATUS:
		req->type = REQ_STATUS_MENU;
		return UI_HANDLED;
	case BLOCK_COLUMN:
		req->type = REQ_EDIT;
		req->column = b->ref;
		return UI_HANDLED;
	default:
		return UI_HANDLED;
	}
}

/* C: last year's status, on the status, or text of the column under the
 * cursor (else the first), into this year's, as an edit is saved. */
static int copy_last(struct ui *u, struct item_state *is, struct request *req)
{
	const struct answers *last = u->o->last;
	int on_status = is->doc.blocks[is->doc.cursor].kind == BLOCK_STATUS;
	size_t c = cursor_column(is);

	if (!last) {
		ui_message(u, 1, "%s",
			   _("No answer file of last year to copy from: start with --compare "
			     "OLD.db"));
		return UI_HANDLED;
	}
	req->item = is->item;
	if (on_status ? last->status[is->item] == STATUS_UNANSWERED
		      : !*answers_text(last, is->item, c)) {
		ui_message(u, 0, "%s", _("Nothing to copy: last time this was empty."));
		return UI_HANDLED;
	}
	if (on_status ? last->status[is->item] == u->a->status[is->item]
		      : !strcmp(answers_text(last, is->item, c), answers_text(u->a, is->item, c))) {
		ui_message(u, 0, "%s", _("This is already as it was last time."));
		return UI_HANDLED;
	}
	if (on_status && u->n_marked) {
		ui_message(u, 1, "%s",
			   _("Items are marked: s sets their status; C copies one item's."));
		return UI_HANDLED;
	}
	if (on_status) {
		req->type = REQ_SET_STATUS;
		req->number = (int)last->status[is->item];
		return UI_HANDLED;
	}
	select_block(is, BLOCK_COLUMN, c);
	req->type = REQ_SET_TEXT;
	req->column = c;
	req->text = answers_text(last, is->item, c);
	return UI_HANDLED | UI_REDRAW;
}

static int item_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct item_state *is = state;

	switch (act) {
	case ACT_CLOSE:
		return UI_HANDLED | UI_CLOSE;
	case ACT_OPEN:
		return open_block(u, is, req);
	case ACT_NOTES:
		toggle_folds(u, is, -1);
		return UI_HANDLED | UI_REDRAW;
	case ACT_ORIGINAL:
		return toggle_original(u, is);
	case ACT_NEXT_ITEM:
	case ACT_PREV_ITEM:
		return step_item(u, is, act == ACT_NEXT_ITEM ? 1 : -1, req);
	case ACT_EDIT:
	case ACT_EXTERNAL:
		/* The cursor goes to the column edited, and stays there once
		   it is saved. */
		req->type = act == ACT_EDIT ? REQ_EDIT : REQ_EXTERNAL;
		req->item = is->item;
		req->column = cursor_column(is);
		select_block(is, BLOCK_COLUMN, req->column);
		return UI_HANDLED | UI_REDRAW;
	case ACT_COPY_LAST:
		return copy_last(u, is, req);
	case ACT_STATUS:
		select_block(is, BLOCK_STATUS, 0);
		req->type = REQ_STATUS_MENU;
		req->item = is->item;
		return UI_HANDLED | UI_REDRAW;
	case ACT_SECTION:
		/* The list goes to the section: this view makes way for it. */
		req->type = REQ_SECTION;
		req->number = key - '0';
		return UI_HANDLED | UI_CLOSE;
	default:
		if (!doc_scroll_actions(&is->doc, getmaxy(is->w), act))
			return 0;
		/* Away from the match gone to: its mark goes. */
		is->at_hit = 0;
		is->doc.spot = DOC_NO_ROW;
		return UI_HANDLED | UI_REDRAW;
	}
}

static void *item_open(struct ui *u, const struct request *req)
{
	struct item_state *is = calloc(1, sizeof *is);

	if (is) {
		is->item = req->item;
		is->hit = NO_HIT;
	}
	(void)u;
	return is;
}

static void item_close(struct ui *u, void *state)
{
	struct item_state *is = state;

	(void)u;
	if (is->w)
		delwin(is->w);
	doc_free(&is->doc);
	free(is->folds_open);
	free(is->hits);
	free(is);
}

static void item_layout(struct ui *u, void *state)
{
	struct item_state *is = state;

	if (is->w)
		delwin(is->w);
	is->w = ui_body_window(u, 0);
	if (!is->folds_open)
		show(u, is, is->item);
	else
		build(u, is);
}

static void item_draw(struct ui *u, void *state)
{
	struct item_state *is = state;

	doc_draw(u->attrs, &is->doc, is->w);
	wnoutrefresh(is->w);
}

static int item_changed(struct ui *u, void *state, size_t item)
{
	struct item_state *is = state;

	if (item == UI_ALL_ITEMS && !ui_item_visible(u, is->item))
		return UI_CLOSE;
	if (item != UI_ALL_ITEMS && item != is->item)
		return 0;
	if (strcmp(is->query, u->query) != 0)
		take_query(u, is);
	else
		build(u, is);
	return UI_REDRAW;
}

static int item_go_to(struct ui *u, void *state, size_t item)
{
	struct item_state *is = state;

	if (item != is->item)
		show(u, is, item);
	return UI_REDRAW;
}

static int item_match(struct ui *u, void *state, int dir, int restart, size_t *pos, size_t *total)
{
	struct item_state *is = state;
	size_t next;

	if (strcmp(is->query, u->query) != 0)
		take_query(u, is);
	if (restart)
		is->hit = NO_HIT;
	if (!is->n_hits)
		return 0;
	if (is->hit == NO_HIT)
		next = dir > 0 ? 0 : is->n_hits - 1;
	else if (dir > 0 ? is->hit + 1 < is->n_hits : is->hit > 0)
		next = dir > 0 ? is->hit + 1 : is->hit - 1;
	else
		return 0;
	is->hit = next;
	is->at_hit = 1;
	if (is->hits[next].row == NO_HIT && (size_t)is->hits[next].fold < is->n_open)
		is->folds_open[is->hits[next].fold] = 1;
	build(u, is);
	if (is->hits[next].row == NO_HIT)
		return 0;
	doc_show_row(&is->doc, body_rows(is), is->hits[next].row);
	*pos = next + 1;
	*total = is->n_hits;
	return 1;
}

static int item_current(struct ui *u, void *state, size_t *item)
{
	(void)u;
	*item = ((struct item_state *)state)->item;
	return 1;
}

static const char *item_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	/* TRANSLATORS: the footer of an open item; keep it within 79 columns. */
	return _("Esc:back Enter:open/edit o:notes s:status e:edit ]/[:next/prev ?:help");
}

const struct view_ops ui_item_ops = {
	.name = "item",
	.where = IN_ITEM,
	.open = item_open,
	.close = item_close,
	.layout = item_layout,
	.draw = item_draw,
	.key = item_key,
	.changed = item_changed,
	.go_to = item_go_to,
	.match = item_match,
	.current = item_current,
	.hints = item_hints,
};
