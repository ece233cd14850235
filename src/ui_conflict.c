/* ui_conflict: the answer being saved was changed in the file meanwhile
 * (another session, or a script): both texts, theirs and yours, and the
 * choice -- save yours over theirs, take theirs, or edit the two together.
 * The choice goes back to the editor as its action. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "textwidth.h"
#include "ui_view.h"

struct conflict_state {
	WINDOW *w;
	size_t item, column;
	char *mine;
};

static void *conflict_open(struct ui *u, const struct request *req)
{
	struct conflict_state *c = calloc(1, sizeof *c);

	(void)u;
	if (c && !(c->mine = strdup(req->text ? req->text : ""))) {
		free(c);
		return NULL;
	}
	if (c) {
		c->item = req->item;
		c->column = req->column;
	}
	return c;
}

static void conflict_close(struct ui *u, void *state)
{
	struct conflict_state *c = state;

	(void)u;
	if (c->w)
		delwin(c->w);
	free(c->mine);
	free(c);
}

static void conflict_layout(struct ui *u, void *state)
{
	struct conflict_state *c = state;

	if (c->w)
		delwin(c->w);
	c->w = ui_dialog_window(u, u->cols - 2 < 76 ? u->cols - 2 : 76, u->rows - 4);
}

/* Draws a label and up to rows rows of text from row y; returns the next
 * row. */
static int draw_text(WINDOW *w, int y, const char *label, const char *text, int rows)
{
	int width = getmaxx(w) - 6;
	char *clean = textwidth_sanitize(*text ? text : _("(empty)"));
	struct textwidth_line lines[32];
	size_t n = clean ? textwidth_wrap(clean, width, lines, 32) : 0;

	ui_put(w, y++, 2, label, strlen(label), getmaxx(w) - 4, A_BOLD);
	for (size_t k = 0; k < n && (int)k < rows; k++)
		ui_put(w, y++, 4, clean + lines[k].start, lines[k].len, width, A_NORMAL);
	if ((int)n > rows)
		ui_put(w, y - 1, getmaxx(w) - 5, "...", 3, 3, A_DIM);
	free(clean);
	return y + 1;
}

/* Draws the title, wrapped to two rows at most; returns the next row. */
static int draw_title(WINDOW *w, int y, const char *title)
{
	struct textwidth_line lines[2];
	char *clean = textwidth_sanitize(title);
	size_t n = clean ? textwidth_wrap(clean, getmaxx(w) - 4, lines, 2) : 0;

	for (size_t k = 0; k < n && k < 2; k++)
		ui_put(w, y++, 2, clean + lines[k].start, lines[k].len, getmaxx(w) - 4, A_BOLD);
	free(clean);
	return y + 1;
}

static void conflict_draw(struct ui *u, void *state)
{
	struct conflict_state *c = state;
	int h = getmaxy(c->w), rows = (h - 9) / 2, y = 1;
	char line[512];

	werase(c->w);
	ui_box(c->w);
	snprintf(line, sizeof line, _("Item %s, %s changed in the file while you edited it"),
		 u->cl->items[c->item].label, text_get(&u->cl->columns[c->column].name, u->lang));
	y = draw_title(c->w, y, line);
	y = draw_text(c->w, y, _("Theirs, in the file now:"),
		      answers_text(u->a, c->item, c->column), rows < 1 ? 1 : rows);
	draw_text(c->w, y, _("Yours:"), c->mine, rows < 1 ? 1 : rows);
	snprintf(line, sizeof line, "%s",
		 _("m: save yours  t: take theirs  e: edit both  Esc: back"));
	ui_put(c->w, h - 2, 2, line, strlen(line), getmaxx(c->w) - 4, A_BOLD);
	wnoutrefresh(c->w);
}

static int conflict_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	(void)u;
	(void)state;
	(void)key;
	switch (act) {
	case ACT_KEEP_MINE:
	case ACT_TAKE_THEIRS:
	case ACT_MERGE:
		req->type = REQ_REPLY;
		req->action = act;
		return UI_HANDLED | UI_CLOSE;
	case ACT_CANCEL:
		return UI_HANDLED | UI_CLOSE;
	default:
		return UI_HANDLED;
	}
}

static const char *conflict_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	return _("m:save yours  t:take theirs  e:edit both  Esc:back");
}

const struct view_ops ui_conflict_ops = {
	.name = "conflict",
	.where = IN_CONFLICT,
	.flags = VIEW_OVERLAY,
	.open = conflict_open,
	.close = conflict_close,
	.layout = conflict_layout,
	.draw = conflict_draw,
	.key = conflict_key,
	.hints = conflict_hints,
};
