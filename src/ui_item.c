/* ui_item: one item in full: goal, target, references, the 手法例 under
 * their <headings>, each 注記 folded until opened, the publisher's remarks,
 * then the status and the answer columns. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "outline.h"
#include "textwidth.h"
#include "ui_doc.h"
#include "ui_view.h"

/* The most items of an older edition shown as examples under one item. */
#define MAX_EXAMPLES 16

struct item_state {
	WINDOW *w;
	struct doc doc;
	size_t item;               /* the item shown */
	unsigned char *notes_open; /* per fold: the notes, then the examples */
};

struct build {
	struct ui *u;
	struct item_state *is;
	int note;    /* the note being walked, -1 in the methods */
	int in_open; /* its entries are shown */
};

/* Under an English text, its Japanese original, when J has asked for it
 * and the two differ. */
static void original(struct ui *u, struct doc *d, int x, const struct text *t)
{
	if (u->original && u->lang == LANG_EN && t->en && *t->en && strcmp(t->en, t->ja) != 0)
		doc_text(d, x, t->ja, ATTR_DIM);
}

static void labelled(struct doc *d, const char *label, const char *text, enum block_kind kind,
		     size_t ref)
{
	doc_block(d, kind, ref, 1);
	doc_text(d, 1, label, ATTR_LABEL);
	if (text)
		doc_text(d, 3, text, ATTR_NORMAL);
}

/* A labelled checklist text, with its original when asked for. */
static void labelled_text(struct ui *u, struct doc *d, const char *label, const struct text *t)
{
	labelled(d, label, text_get(t, u->lang), BLOCK_PART, 0);
	original(u, d, 3, t);
}

static void outline_row(void *ctx, enum outline_kind kind, int depth, const char *label,
			const struct text *t)
{
	struct build *b = ctx;
	struct ui *u = b->u;
	struct doc *d = &b->is->doc;
	const char *text = text_get(t, u->lang);
	char buf[4096];
	int x = 3 + 2 * depth;

	switch (kind) {
	case OUTLINE_HEADING:
		snprintf(buf, sizeof buf, "<%s>", text);
		doc_block(d, BLOCK_PART, 0, 1);
		doc_text(d, 3, buf, ATTR_BOLD);
		original(u, d, 4, t);
		return;
	case OUTLINE_METHOD: {
		doc_block(d, BLOCK_PART, 0, 1);
		int lw = *label ? (int)textwidth_str(label) + 1 : 0;
		size_t r = doc_text(d, x + lw, text, ATTR_NORMAL);
		if (*label)
			doc_decorate(d, r, x, label, ATTR_BOLD, NULL);
		original(u, d, x + lw, t);
		return;
	}
	case OUTLINE_NOTE: {
		b->note++;
		b->in_open = b->is->notes_open[b->note];
		if (b->note == 0) {
			doc_block(d, BLOCK_TEXT, 0, 0);
			doc_text(d, 1, _("Notes"), ATTR_LABEL);
		}
		snprintf(buf, sizeof buf, "%s%s", label, text);
		doc_block(d, BLOCK_NOTE, (size_t)b->note, 1);
		size_t r = doc_text(d, 5, buf, ATTR_NORMAL);
		doc_decorate(d, r, 3, b->in_open ? "-" : "+", ATTR_BOLD, NULL);
		original(u, d, 5 + (int)textwidth_str(label), t);
		return;
	}
	case OUTLINE_TEXT:
	case OUTLINE_ENTRY:
		if (b->note >= 0 && !b->in_open)
			return;
		doc_block(d, b->note >= 0 ? BLOCK_TEXT : BLOCK_PART, 0, b->note < 0);
		size_t lw = textwidth_str(label);
		size_t r = doc_text(d, x + 2 + (int)lw, text, ATTR_NORMAL);
		if (lw)
			doc_decorate(d, r, x + 2, label, ATTR_NORMAL, NULL);
		original(u, d, x + 2 + (int)lw, t);
		return;
	}
}

/* One line of an older edition's 手法例, all shown, indented under its
 * fold. */
static void example_row(void *ctx, enum outline_kind kind, int depth, const char *label,
			const struct text *t)
{
	struct build *b = ctx;
	struct ui *u = b->u;
	struct doc *d = &b->is->doc;
	const char *text = text_get(t, u->lang);
	char buf[4096];
	int x = 7 + 2 * depth,
	    lw = *label ? (int)textwidth_str(label) + (kind == OUTLINE_METHOD) : 0;

	doc_block(d, BLOCK_TEXT, 0, 0);
	if (kind == OUTLINE_HEADING) {
		snprintf(buf, sizeof buf, "<%s>", text);
		doc_text(d, 7, buf, ATTR_BOLD);
		original(u, d, 8, t);
		return;
	}
	size_t r = doc_text(d, x + lw, text, ATTR_DIM);
	if (*label)
		doc_decorate(d, r, x, label, ATTR_DIM, NULL);
	original(u, d, x + lw, t);
}

/* The publisher's 2025年度見直し notes and the like, and what not to do. */
static void build_revisions(struct ui *u, struct doc *d, const struct item *it)
{
	for (size_t r = 0; r < it->n_revisions; r++)
		ui_revision(u, d, &it->revisions[r], 1);
	const struct section *sec = &u->cl->sections[it->section];
	for (size_t w = 0; w < it->n_warnings + sec->n_warnings; w++) {
		const struct text *t =
			w < it->n_warnings ? &it->warnings[w] : &sec->warnings[w - it->n_warnings];
		labelled_text(u, d, w ? NULL : _("Do not"), t);
	}
}

/* The older edition's items that item number n replaced, at most
 * MAX_EXAMPLES of them; *link receives the link (NULL if none). */
static size_t n_examples(struct ui *u, int n, const struct mapping_link **link)
{
	const struct examples *ex = ui_examples(u);

	*link = ex ? mapping_link_to(ex->m, n) : NULL;
	return !*link ? 0 : (*link)->n_from < MAX_EXAMPLES ? (*link)->n_from : MAX_EXAMPLES;
}

/* The older edition's 手法例 for the items the open one replaced, each
 * folded until opened; their folds follow the notes' in notes_open. */
static void build_examples(struct ui *u, struct item_state *is, const struct item *it)
{
	const struct mapping_link *l;
	size_t n = n_examples(u, it->number, &l);
	const struct examples *ex = ui_examples(u);
	struct build b = {u, is, -1, 0};
	struct doc *d = &is->doc;
	char buf[1024];

	for (size_t k = 0; k < n; k++) {
		long j = checklist_find_item(ex->cl, l->from[k]);
		size_t fold = it->n_notes + k;
		if (j < 0)
			continue;
		const struct item *old = &ex->cl->items[j];
		/* TRANSLATORS: the older edition (試行版), its item number and goal. */
		snprintf(buf, sizeof buf, _("Methods of %s, item %d, for reference: %s"),
			 text_get(&ex->cl->edition, u->lang), old->number,
			 text_get(&old->goal, u->lang));
		doc_block(d, BLOCK_NOTE, fold, 1);
		size_t r = doc_text(d, 5, buf, ATTR_NORMAL);
		doc_decorate(d, r, 3, is->notes_open[fold] ? "-" : "+", ATTR_BOLD, NULL);
		if (is->notes_open[fold])
			outline_item_texts(old, example_row, &b);
	}
}

static void build_answers(struct ui *u, struct item_state *is)
{
	struct doc *d = &is->doc;
	size_t i = is->item;

	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 0, "", ATTR_NORMAL);
	doc_block(d, BLOCK_STATUS, 0, 1);
	doc_text(d, 1, _("Status"), ATTR_LABEL);
	size_t r = doc_text(d, 7, status_name(u->a->status[i]), ATTR_STATUS + u->a->status[i]);
	d->rows[r].mark = (int)u->a->status[i] + 1;
	d->rows[r].mark_x = 3;
	for (size_t c = 0; c < u->cl->n_columns; c++) {
		const char *t = answers_text(u->a, i, c);
		doc_block(d, BLOCK_COLUMN, c, 1);
		doc_text(d, 1, text_get(&u->cl->columns[c].name, u->lang), ATTR_LABEL);
		if (*t)
			doc_text(d, 3, t, ATTR_NORMAL);
		else
			doc_text(d, 3, _("(empty)"), ATTR_EMPTY);
	}
}

static void build_references(struct ui *u, struct doc *d, const struct item *it)
{
	char buf[512], ja[512];

	for (size_t r = 0; r < it->n_refs; r++) {
		const struct reference *ref = &it->refs[r];
		snprintf(buf, sizeof buf, "%s  %s", text_get(&ref->source, u->lang),
			 text_get(&ref->location, u->lang));
		labelled(d, r ? NULL : _("Related regulations"), buf, BLOCK_PART, 0);
		snprintf(ja, sizeof ja, "%s  %s", ref->source.ja, ref->location.ja);
		if (u->original && u->lang == LANG_EN && strcmp(buf, ja) != 0)
			doc_text(d, 3, ja, ATTR_DIM);
	}
	const struct text *note = checklist_refs_note(u->cl, it);
	if (note)
		labelled_text(u, d, _("About the references"), note);
}

/* The item's title: its number and section, the section's name marked
 * when it is not the publisher's, and then why. */
static void build_title(struct ui *u, struct doc *d, const struct item *it)
{
	const struct section *sec = &u->cl->sections[it->section];
	char buf[512], name[400];

	doc_block(d, BLOCK_PART, 0, 1);
	if (*sec->name_supplied.ja)
		snprintf(name, sizeof name, _("%s (name supplied by tenken)"),
			 text_get(&sec->name, u->lang));
	else
		snprintf(name, sizeof name, "%s", text_get(&sec->name, u->lang));
	snprintf(buf, sizeof buf, _("Item %d  (section %d: %s)"), it->number, sec->number, name);
	doc_text(d, 0, buf, ATTR_TITLE);
	original(u, d, 0, &sec->name);
	if (*sec->name_supplied.ja)
		labelled_text(u, d, _("About the name"), &sec->name_supplied);
}

/* Builds the item's document for the width, the language and the folds. */
static void build(struct ui *u, struct item_state *is)
{
	struct doc *d = &is->doc;
	const struct item *it = &u->cl->items[is->item];
	struct build b = {u, is, -1, 0};

	doc_clear(d);
	d->width = u->cols;
	build_title(u, d, it);
	labelled_text(u, d, _("Security goal"), &it->goal);
	labelled_text(u, d, _("Target"), &u->cl->targets[it->target].name);
	build_references(u, d, it);
	if (it->n_groups) {
		doc_block(d, BLOCK_TEXT, 0, 0);
		doc_text(d, 1, _("Example methods"), ATTR_LABEL);
	}
	outline_item_texts(it, outline_row, &b);
	if (*it->remarks.ja)
		labelled_text(u, d, _("Remarks (in the checklist)"), &it->remarks);
	build_revisions(u, d, it);
	build_examples(u, is, it);
	build_answers(u, is);
	if (is->w)
		doc_ensure_visible(d, getmaxy(is->w));
}

/* Shows item from its top, every fold closed. */
static void show(struct ui *u, struct item_state *is, size_t item)
{
	unsigned char *folds = calloc(u->cl->items[item].n_notes + MAX_EXAMPLES + 1, 1);

	if (!folds)
		abort(); /* a few bytes: the interface cannot go on without them */
	free(is->notes_open);
	is->notes_open = folds;
	is->item = item;
	is->doc.top = is->doc.cursor = 0;
	build(u, is);
}

/* How many folds the open item has: its notes, then the examples. */
static size_t n_folds(struct ui *u, const struct item_state *is)
{
	const struct item *it = &u->cl->items[is->item];
	const struct mapping_link *l;

	return it->n_notes + n_examples(u, it->number, &l);
}

static void toggle_notes(struct ui *u, struct item_state *is, int which)
{
	size_t n = n_folds(u, is);
	int any_closed = 0;

	if (!n) {
		ui_message(u, 0, "%s", _("This item has no notes."));
		return;
	}
	if (which >= 0) {
		is->notes_open[which] = !is->notes_open[which];
	} else {
		for (size_t k = 0; k < n; k++)
			any_closed |= !is->notes_open[k];
		memset(is->notes_open, any_closed, n);
	}
	build(u, is);
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
		toggle_notes(u, is, (int)b->ref);
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

static int item_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct item_state *is = state;

	switch (act) {
	case ACT_CLOSE:
		return UI_HANDLED | UI_CLOSE;
	case ACT_OPEN:
		return open_block(u, is, req);
	case ACT_NOTES:
		toggle_notes(u, is, -1);
		return UI_HANDLED | UI_REDRAW;
	case ACT_ORIGINAL:
		return toggle_original(u, is);
	case ACT_NEXT_ITEM:
	case ACT_PREV_ITEM:
		return step_item(u, is, act == ACT_NEXT_ITEM ? 1 : -1, req);
	case ACT_EDIT:
	case ACT_EXTERNAL:
		req->type = act == ACT_EDIT ? REQ_EDIT : REQ_EXTERNAL;
		req->item = is->item;
		req->column = cursor_column(is);
		return UI_HANDLED;
	case ACT_SECTION:
		/* The list goes to the section: this view makes way for it. */
		req->type = REQ_SECTION;
		req->number = key - '0';
		return UI_HANDLED | UI_CLOSE;
	default:
		return doc_scroll_actions(&is->doc, getmaxy(is->w), act) ? UI_HANDLED | UI_REDRAW
									 : 0;
	}
}

static void *item_open(struct ui *u, const struct request *req)
{
	struct item_state *is = calloc(1, sizeof *is);

	if (is) {
		is->item = req->item;
		is->notes_open = NULL;
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
	free(is->notes_open);
	free(is);
}

static void item_layout(struct ui *u, void *state)
{
	struct item_state *is = state;

	if (is->w)
		delwin(is->w);
	is->w = ui_body_window(u, 0);
	if (!is->notes_open)
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
	.current = item_current,
	.hints = item_hints,
};
