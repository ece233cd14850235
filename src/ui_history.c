/* ui_history: one item's history of changes (H), newest first: when (in
 * local time), who, which field, and the old text → the new, wrapped to
 * the width. What the answer file holds is shown sanitized, as everywhere.
 * A document to read, so it takes the help's keys (IN_HELP): scroll, and
 * q, Esc or h to close. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "timefmt.h"
#include "ui_doc.h"
#include "ui_view.h"

struct history_state {
	struct ui_page page;
	size_t item;
};

/* A value as the history shows it: a status by its name, an empty or
 * absent text as (empty). */
static const char *shown_value(const char *field, const char *value)
{
	int s;

	if (strcmp(field, "status") == 0)
		return status_name(value && (s = status_parse(value)) >= 0 ? (enum status)s
									   : STATUS_UNANSWERED);
	return value && *value ? value : _("(empty)");
}

/* One change: its heading (time, user, field, where it came from), then
 * old → new. */
static void history_change(struct ui *u, struct doc *d, const struct store_change *c)
{
	char when[64], head[512];
	const char *old = shown_value(c->field, c->old_value),
		   *new = shown_value(c->field, c->new_value);
	size_t len = strlen(old) + strlen(new) + 8;
	char *line = malloc(len);

	timefmt_local(c->time, when, sizeof when);
	if (c->source)
		/* TRANSLATORS: a change's heading in the history: when, who, which
		   field, and where it came from (an imported file). */
		snprintf(head, sizeof head, _("%s  %s  %s  (from %s)"), when, c->user,
			 ui_field_name(u, c->field), c->source);
	else
		snprintf(head, sizeof head, "%s  %s  %s", when, c->user,
			 ui_field_name(u, c->field));
	doc_block(d, BLOCK_TEXT, 0, 0);
	doc_text(d, 1, head, ATTR_LABEL);
	if (line) {
		snprintf(line, len, "%s → %s", old, new);
		doc_text(d, 4, line, ATTR_NORMAL);
		free(line);
	}
}

static void history_build(struct ui *u, struct history_state *h)
{
	struct store *st = u->o->st;
	struct store_change *c = NULL;
	size_t n = 0;
	char title[128];

	doc_clear(&h->page.doc);
	h->page.doc.width = u->cols;
	if (st)
		c = store_history(st, u->cl->items[h->item].number, &n);
	doc_block(&h->page.doc, BLOCK_TEXT, 0, 0);
	snprintf(title, sizeof title, _("History of item %s, newest first"),
		 u->cl->items[h->item].label);
	doc_text(&h->page.doc, 1, title, ATTR_HEADING);
	if (!n)
		doc_text(&h->page.doc, 1, _("No change recorded for this item."), ATTR_DIM);
	for (size_t k = n; k-- > 0;)
		history_change(u, &h->page.doc, &c[k]);
	store_changes_free(c, n);
}

static void *history_open(struct ui *u, const struct request *req)
{
	struct history_state *h = calloc(1, sizeof *h);

	(void)u;
	if (h)
		h->item = req->item;
	return h;
}

static void history_close(struct ui *u, void *state)
{
	struct history_state *h = state;

	(void)u;
	ui_page_free(&h->page);
	free(h);
}

static void history_layout(struct ui *u, void *state)
{
	struct history_state *h = state;

	ui_page_window(u, &h->page);
	history_build(u, h);
}

static void history_draw(struct ui *u, void *state)
{
	struct history_state *h = state;

	ui_page_draw(u, &h->page);
}

static int history_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct history_state *h = state;

	(void)u;
	(void)key;
	(void)req;
	return ui_page_key(&h->page, act);
}

/* Another session's change, or the language: the history is read again. */
static int history_changed(struct ui *u, void *state, size_t item)
{
	struct history_state *h = state;

	if (item != UI_ALL_ITEMS && item != h->item)
		return 0;
	history_build(u, h);
	return UI_REDRAW;
}

static int history_current(struct ui *u, void *state, size_t *item)
{
	(void)u;
	*item = ((struct history_state *)state)->item;
	return 1;
}

static const char *history_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	/* TRANSLATORS: the footer of an item's history. */
	return _("q Esc h:close  j k Space:scroll");
}

const struct view_ops ui_history_ops = {
	.name = "history",
	.where = IN_HELP,
	.open = history_open,
	.close = history_close,
	.layout = history_layout,
	.draw = history_draw,
	.key = history_key,
	.changed = history_changed,
	.current = history_current,
	.hints = history_hints,
};
