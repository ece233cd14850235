/* ui_help: the help, generated from the binding table -- every group of
 * keys, then the status marks -- so that what ? shows is what the keys do;
 * then the checklist itself: what it is, and its revision history with the
 * reviews' notes on 基準 that no item cites. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "gettext.h"
#include "ui_doc.h"
#include "ui_view.h"

struct help_state {
	struct ui_page page;
};

/* The column the descriptions start at, clear of the longest key names. */
enum { HELP_TEXT_X = 21 };

static void help_group(struct doc *d, const char *title, int where)
{
	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 1, title, ATTR_HEADING);
	for (size_t i = 0; i < ui_n_bindings; i++) {
		const struct binding *b = &ui_bindings[i];
		/* A key is listed in the first group it belongs to. */
		if (!b->name || !(b->where & where) || (b->where & (where - 1) & ~IN_HELP))
			continue;
		doc_block(d, BLOCK_TEXT, 0, 0);
		size_t r = doc_text(d, HELP_TEXT_X, _(b->help), ATTR_NORMAL);
		doc_decorate(d, r, 3, b->name, ATTR_BOLD, NULL);
	}
	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 0, "", ATTR_NORMAL);
}

/* A labelled line of the checklist's own fields, if the field is set. */
static void help_field(struct ui *u, struct doc *d, const char *label, const struct text *t)
{
	if (!*t->ja)
		return;
	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 3, label, ATTR_LABEL);
	doc_text(d, 5, text_get(t, u->lang), ATTR_NORMAL);
}

/* The checklist: its title and edition, who published it and where it was
 * transcribed from, and its revision history, each review's notes on 基準
 * that no item cites under its line. */
static void help_checklist(struct ui *u, struct doc *d)
{
	const struct checklist *cl = u->cl;
	char line[512];

	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 0, "", ATTR_NORMAL);
	doc_text(d, 1, _("This checklist"), ATTR_HEADING);
	doc_text(d, 3, text_get(&cl->title, u->lang), ATTR_BOLD);
	help_field(u, d, _("Edition"), &cl->edition);
	help_field(u, d, _("Publisher"), &cl->publisher);
	help_field(u, d, _("Source"), &cl->source);
	help_field(u, d, _("Remarks"), &cl->remarks);
	if (!cl->n_history)
		return;
	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 0, "", ATTR_NORMAL);
	doc_text(d, 1, _("Revision history"), ATTR_HEADING);
	for (size_t k = 0; k < cl->n_history; k++) {
		const struct history *hi = &cl->history[k];
		doc_block(d, BLOCK_TEXT, 0, 0);
		snprintf(line, sizeof line, "%s  ", hi->date);
		size_t r = doc_text(d, 15, text_get(&hi->text, u->lang), ATTR_NORMAL);
		doc_decorate(d, r, 3, line, ATTR_BOLD, NULL);
		if (hi->n_revisions)
			doc_text(d, 3, _("Changed standards that no item cites:"), ATTR_LABEL);
		for (size_t v = 0; v < hi->n_revisions; v++)
			ui_revision(u, d, &hi->revisions[v], 5);
	}
}

static void help_build(struct ui *u, struct help_state *h)
{
	char m[4];

	doc_clear(&h->page.doc);
	h->page.doc.width = u->cols;
	for (size_t g = 0; g < ui_n_help_groups; g++)
		help_group(&h->page.doc, _(ui_help_groups[g].title), ui_help_groups[g].where);
	doc_block(&h->page.doc, BLOCK_TEXT, 0, 0);
	doc_text(&h->page.doc, 1, _("Status marks"), ATTR_HEADING);
	for (int s = 0; s < STATUS_COUNT; s++) {
		status_mark((enum status)s, m);
		doc_block(&h->page.doc, BLOCK_TEXT, 0, 0);
		size_t r = doc_text(&h->page.doc, HELP_TEXT_X, status_name((enum status)s),
				    ATTR_NORMAL);
		doc_decorate(&h->page.doc, r, 3, m, ATTR_STATUS + s, NULL);
	}
	doc_block(&h->page.doc, BLOCK_TEXT, 0, 0);
	size_t r = doc_text(&h->page.doc, HELP_TEXT_X, _("Answered, status not set"), ATTR_NORMAL);
	doc_decorate(&h->page.doc, r, 3, "[?]", ATTR_NORMAL, NULL);
	doc_block(&h->page.doc, BLOCK_TEXT, 0, 0);
	r = doc_text(&h->page.doc, HELP_TEXT_X, _("Marked for a bulk status (Space or m, then s)"),
		     ATTR_NORMAL);
	doc_decorate(&h->page.doc, r, 2, "*", ATTR_NORMAL, NULL);
	help_checklist(u, &h->page.doc);
}

static void *help_open(struct ui *u, const struct request *req)
{
	(void)u;
	(void)req;
	return calloc(1, sizeof(struct help_state));
}

static void help_close(struct ui *u, void *state)
{
	struct help_state *h = state;

	(void)u;
	ui_page_free(&h->page);
	free(h);
}

static void help_layout(struct ui *u, void *state)
{
	struct help_state *h = state;

	ui_page_window(u, &h->page);
	help_build(u, h);
}

static void help_draw(struct ui *u, void *state)
{
	struct help_state *h = state;

	ui_page_draw(u, &h->page);
}

static int help_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct help_state *h = state;

	(void)u;
	(void)key;
	(void)req;
	return ui_page_key(&h->page, act);
}

static int help_changed(struct ui *u, void *state, size_t item)
{
	if (item == UI_ALL_ITEMS)
		help_build(u, state);
	return item == UI_ALL_ITEMS ? UI_REDRAW : 0;
}

static const char *help_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	return _("q Esc ?:close  j k Space:scroll");
}

const struct view_ops ui_help_ops = {
	.name = "help",
	.where = IN_HELP,
	.open = help_open,
	.close = help_close,
	.layout = help_layout,
	.draw = help_draw,
	.key = help_key,
	.changed = help_changed,
	.hints = help_hints,
};
