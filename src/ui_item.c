/* ui_item: one item in full: goal, target, references, the 手法例 under
 * their <headings>, each 注記 folded until opened, the publisher's remarks,
 * then the status and the answer columns. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "examples.h"
#include "gettext.h"
#include "outline.h"
#include "textwidth.h"
#include "ui_impl.h"

struct build {
	struct ui *u;
	int note;    /* the note being walked, -1 in the methods */
	int in_open; /* its entries are shown */
};

/* Under an English text, its Japanese original, when J has asked for it
 * and the two differ. */
static void original(struct ui *u, int x, const struct text *t)
{
	if (u->original && u->lang == LANG_EN && t->en && *t->en && strcmp(t->en, t->ja) != 0)
		doc_text(&u->item, x, t->ja, ATTR_DIM);
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
static void labelled_text(struct ui *u, const char *label, const struct text *t)
{
	labelled(&u->item, label, text_get(t, u->lang), BLOCK_PART, 0);
	original(u, 3, t);
}

static void outline_row(void *ctx, enum outline_kind kind, int depth, const char *label,
			const struct text *t)
{
	struct build *b = ctx;
	struct ui *u = b->u;
	struct doc *d = &u->item;
	const char *text = text_get(t, u->lang);
	char buf[4096];
	int x = 3 + 2 * depth;

	switch (kind) {
	case OUTLINE_HEADING:
		snprintf(buf, sizeof buf, "<%s>", text);
		doc_block(d, BLOCK_PART, 0, 1);
		doc_text(d, 3, buf, ATTR_BOLD);
		original(u, 4, t);
		return;
	case OUTLINE_METHOD: {
		doc_block(d, BLOCK_PART, 0, 1);
		int lw = *label ? (int)textwidth_str(label) + 1 : 0;
		size_t r = doc_text(d, x + lw, text, ATTR_NORMAL);
		if (*label)
			doc_decorate(d, r, x, label, ATTR_BOLD, NULL);
		original(u, x + lw, t);
		return;
	}
	case OUTLINE_NOTE: {
		b->note++;
		b->in_open = b->u->notes_open[b->note];
		if (b->note == 0) {
			doc_block(d, BLOCK_TEXT, 0, 0);
			doc_text(d, 1, _("Notes"), ATTR_LABEL);
		}
		snprintf(buf, sizeof buf, "%s%s", label, text);
		doc_block(d, BLOCK_NOTE, (size_t)b->note, 1);
		size_t r = doc_text(d, 5, buf, ATTR_NORMAL);
		doc_decorate(d, r, 3, b->in_open ? "-" : "+", ATTR_BOLD, NULL);
		original(u, 5 + (int)textwidth_str(label), t);
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
		original(u, x + 2 + (int)lw, t);
		return;
	}
}

/* One line of an older edition's 手法例, all shown, indented under its
 * fold. */
static void example_row(void *ctx, enum outline_kind kind, int depth, const char *label,
			const struct text *t)
{
	struct ui *u = ctx;
	struct doc *d = &u->item;
	const char *text = text_get(t, u->lang);
	char buf[4096];
	int x = 7 + 2 * depth, lw = *label ? (int)textwidth_str(label) + (kind == OUTLINE_METHOD) : 0;

	doc_block(d, BLOCK_TEXT, 0, 0);
	if (kind == OUTLINE_HEADING) {
		snprintf(buf, sizeof buf, "<%s>", text);
		doc_text(d, 7, buf, ATTR_BOLD);
		original(u, 8, t);
		return;
	}
	size_t r = doc_text(d, x + lw, text, ATTR_DIM);
	if (*label)
		doc_decorate(d, r, x, label, ATTR_DIM, NULL);
	original(u, x + lw, t);
}

/* The publisher's 2025年度見直し notes and the like. */
static void build_revisions(struct ui *u, const struct item *it)
{
	struct doc *d = &u->item;

	for (size_t r = 0; r < it->n_revisions; r++) {
		const struct revision *rv = &it->revisions[r];
		doc_block(d, BLOCK_PART, 0, 1);
		doc_text(d, 1, text_get(&rv->review, u->lang), ATTR_LABEL);
		original(u, 1, &rv->review);
		doc_text(d, 3, text_get(&rv->standard, u->lang), ATTR_NORMAL);
		original(u, 3, &rv->standard);
		doc_text(d, 5, text_get(&rv->change, u->lang), ATTR_NORMAL);
		original(u, 5, &rv->change);
	}
	const struct section *sec = &u->cl->sections[it->section];
	for (size_t w = 0; w < it->n_warnings + sec->n_warnings; w++) {
		const struct text *t = w < it->n_warnings ? &it->warnings[w]
							  : &sec->warnings[w - it->n_warnings];
		labelled_text(u, w ? NULL : _("Do not"), t);
	}
}

/* The older edition's 手法例 and the mapping, read when the first item is
 * opened rather than at start: most starts never need them. */
static const struct examples *examples(struct ui *u)
{
	char err[1024] = "";

	if (!u->ex_tried) {
		u->ex_tried = 1;
		u->ex = u->o->ex;
		if (!u->ex && (u->ex_set = examples_load(u->cl, err, sizeof err)))
			u->ex = &u->ex_set->ex;
		if (*err)
			ui_message(u, 1, "%s", err);
	}
	return u->ex;
}

/* The older edition's 手法例 for the items the open one replaced, each
 * folded until opened; their folds follow the notes' in notes_open. */
static void build_examples(struct ui *u, const struct item *it)
{
	const struct examples *ex = examples(u);
	const struct mapping_link *l = ex ? mapping_link_to(ex->m, it->number) : NULL;
	struct doc *d = &u->item;
	char buf[1024];

	for (size_t k = 0; l && k < l->n_from && k < UI_MAX_EXAMPLES; k++) {
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
		doc_decorate(d, r, 3, u->notes_open[fold] ? "-" : "+", ATTR_BOLD, NULL);
		if (u->notes_open[fold])
			outline_item_texts(old, example_row, u);
	}
}

static void build_answers(struct ui *u)
{
	struct doc *d = &u->item;
	size_t i = u->item_index;
	char buf[256];

	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 0, "", ATTR_NORMAL);
	doc_block(d, BLOCK_STATUS, 0, 1);
	snprintf(buf, sizeof buf, "%s", _("Status"));
	doc_text(d, 1, buf, ATTR_LABEL);
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

void ui_item_build(struct ui *u)
{
	struct doc *d = &u->item;
	const struct item *it = &u->cl->items[u->item_index];
	const struct section *sec = &u->cl->sections[it->section];
	struct build b = {u, -1, 0};
	char buf[512];

	doc_clear(d);
	d->width = u->cols;
	doc_block(d, BLOCK_PART, 0, 1);
	snprintf(buf, sizeof buf, _("Item %d  (section %d: %s)"), it->number, sec->number,
		 text_get(&sec->name, u->lang));
	doc_text(d, 0, buf, ATTR_TITLE);
	original(u, 0, &sec->name);
	labelled_text(u, _("Security goal"), &it->goal);
	labelled_text(u, _("Target"), &u->cl->targets[it->target].name);
	for (size_t r = 0; r < it->n_refs; r++) {
		const struct reference *ref = &it->refs[r];
		char ja[512];
		snprintf(buf, sizeof buf, "%s  %s", text_get(&ref->source, u->lang),
			 text_get(&ref->location, u->lang));
		labelled(d, r ? NULL : _("Related regulations"), buf, BLOCK_PART, 0);
		snprintf(ja, sizeof ja, "%s  %s", ref->source.ja, ref->location.ja);
		if (u->original && u->lang == LANG_EN && strcmp(buf, ja) != 0)
			doc_text(d, 3, ja, ATTR_DIM);
	}
	if (it->n_groups) {
		doc_block(d, BLOCK_TEXT, 0, 0);
		doc_text(d, 1, _("Method examples"), ATTR_LABEL);
	}
	outline_item_texts(it, outline_row, &b);
	if (*it->remarks.ja)
		labelled_text(u, _("Remarks (in the checklist)"), &it->remarks);
	build_revisions(u, it);
	build_examples(u, it);
	build_answers(u);
}

void ui_item_open(struct ui *u, size_t item)
{
	free(u->notes_open);
	u->notes_open = calloc(u->cl->items[item].n_notes + UI_MAX_EXAMPLES + 1, 1);
	if (!u->notes_open)
		abort();
	u->item_index = item;
	u->item.top = u->item.cursor = 0;
	ui_item_build(u);
	if (ui_top(u) != &ui_item_view)
		ui_push(u, &ui_item_view);
}

static void close_item(struct ui *u)
{
	ui_list_select_item(u, u->item_index);
	free(u->notes_open);
	u->notes_open = NULL;
	ui_pop(u);
}

/* How many folds the open item has: its notes, then the examples. */
static size_t n_folds(struct ui *u)
{
	const struct item *it = &u->cl->items[u->item_index];
	const struct examples *ex = examples(u);
	const struct mapping_link *l = ex ? mapping_link_to(ex->m, it->number) : NULL;
	size_t n = l ? l->n_from : 0;

	return it->n_notes + (n < UI_MAX_EXAMPLES ? n : UI_MAX_EXAMPLES);
}

static void toggle_notes(struct ui *u, int which)
{
	size_t n = n_folds(u);
	int any_closed = 0;

	if (!n) {
		ui_message(u, 0, "%s", _("This item has no notes."));
		return;
	}
	if (which >= 0) {
		u->notes_open[which] = !u->notes_open[which];
	} else {
		for (size_t k = 0; k < n; k++)
			any_closed |= !u->notes_open[k];
		memset(u->notes_open, any_closed, n);
	}
	ui_item_build(u);
	doc_ensure_visible(&u->item, getmaxy(u->body));
}

/* The answer column the cursor is on, else the first. */
static size_t cursor_column(const struct ui *u)
{
	const struct block *b = &u->item.blocks[u->item.cursor];

	return b->kind == BLOCK_COLUMN ? b->ref : 0;
}

/* The next or previous item shown, without closing. */
static void step_item(struct ui *u, int dir)
{
	size_t n = u->cl->n_items;

	for (size_t i = u->item_index; dir > 0 ? i + 1 < n : i > 0;) {
		i = dir > 0 ? i + 1 : i - 1;
		if (ui_item_visible(u, i)) {
			ui_list_select_item(u, i);
			ui_item_open(u, i);
			return;
		}
	}
	ui_message(u, 0, "%s", dir > 0 ? _("This is the last item.") : _("This is the first item."));
}

static void item_key(struct ui *u, int key)
{
	enum action act = ui_key_action(key, IN_ITEM);
	const struct block *b = &u->item.blocks[u->item.cursor];

	if (ui_browse_action(u, act, key))
		return;
	switch (act) {
	case ACT_CLOSE:
		close_item(u);
		break;
	case ACT_OPEN:
		if (b->kind == BLOCK_NOTE)
			toggle_notes(u, (int)b->ref);
		else if (b->kind == BLOCK_STATUS && ui_can_write(u))
			ui_menu_open(u, u->item_index);
		else if (b->kind == BLOCK_COLUMN && ui_can_write(u))
			ui_editor_open(u, u->item_index, b->ref, NULL, 0);
		break;
	case ACT_NOTES:
		toggle_notes(u, -1);
		break;
	case ACT_ORIGINAL:
		if (u->lang != LANG_EN) {
			ui_message(u, 0, "%s", _("The checklist text is the Japanese original."));
			break;
		}
		u->original = !u->original;
		ui_item_build(u);
		doc_ensure_visible(&u->item, getmaxy(u->body));
		ui_message(u, 0, "%s",
			   u->original ? _("The Japanese original is shown under each English text.")
				       : _("English text only."));
		break;
	case ACT_TAB:
		step_item(u, key == '[' ? -1 : 1);
		break;
	case ACT_EDIT:
		if (ui_can_write(u))
			ui_editor_open(u, u->item_index, cursor_column(u), NULL, 0);
		break;
	case ACT_EXTERNAL:
		if (ui_can_write(u))
			ui_external_edit(u, u->item_index, cursor_column(u));
		break;
	default:
		doc_scroll_actions(&u->item, getmaxy(u->body), act);
	}
}

static void item_draw(struct ui *u)
{
	doc_draw(u, &u->item, u->body);
}

static const char *item_hints(struct ui *u)
{
	(void)u;
	/* TRANSLATORS: the footer of an open item; keep it within 79 columns. */
	return _("Esc:back Enter:open/edit o:notes s:status e:edit ]/[:next/prev ?:help");
}

const struct view ui_item_view = {IN_ITEM, 0, item_draw, item_key, item_hints};
