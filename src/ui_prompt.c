/* ui_prompt: the search prompt on the footer line. Enter searches, an
 * empty search repeats the last; Esc, or Backspace on nothing, cancels.
 * The same line asks for a comment on an item's review: Enter adds it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "editor.h"
#include "gettext.h"
#include "textwidth.h"
#include "ui_view.h"

/* The longest search, in characters. */
enum { PROMPT_MAX = 200 };

struct prompt_state {
	WINDOW *w;
	struct editor ed;
	char *text;  /* what Enter searched for, kept until the view is closed */
	int comment; /* a comment on item, not a search */
	size_t item;
};

static void *prompt_open(struct ui *u, const struct request *req)
{
	struct prompt_state *p = calloc(1, sizeof *p);

	(void)u;
	if (p) {
		p->comment = req->type == REQ_COMMENT_PROMPT;
		p->item = req->item;
	}
	if (p && editor_init(&p->ed, NULL) != 0) {
		free(p);
		return NULL;
	}
	return p;
}

static void prompt_close(struct ui *u, void *state)
{
	struct prompt_state *p = state;

	(void)u;
	if (p->w)
		delwin(p->w);
	editor_free(&p->ed);
	free(p->text);
	free(p);
}

static void prompt_layout(struct ui *u, void *state)
{
	struct prompt_state *p = state;

	if (p->w)
		delwin(p->w);
	p->w = newwin(1, u->cols, u->rows - 1, 0);
	keypad(p->w, TRUE);
	nodelay(p->w, TRUE);
}

/* Draws "/" and the query, the end of it where it is longer than the line,
 * and puts the cursor where the editor's is. */
static void prompt_draw(struct ui *u, void *state)
{
	struct prompt_state *p = state;
	char *text = editor_text(&p->ed), label[64] = "/";
	int w, col, lw;
	size_t row;

	/* TRANSLATORS: before a comment being typed on the footer line; the
	   item's number. */
	if (p->comment)
		snprintf(label, sizeof label, _("Comment on item %s: "),
			 u->cl->items[p->item].label);
	lw = (int)textwidth_str(label);
	w = getmaxx(p->w) - 1 - lw;
	werase(p->w);
	ui_put(p->w, 0, 0, label, strlen(label), lw, A_BOLD);
	if (text) {
		const char *s = text;
		int hidden;
		while ((int)textwidth_str(s) > w - 1) {
			uint32_t cp;
			s += textwidth_decode(s, strlen(s), &cp);
		}
		hidden = (int)textwidth_str(text) - (int)textwidth_str(s);
		ui_put(p->w, 0, lw, s, strlen(s), w, A_NORMAL);
		editor_cursor_pos(&p->ed, 1 << 20, &row, &col);
		wmove(p->w, 0, lw + (hidden > col ? 0 : col - hidden));
	}
	free(text);
	wnoutrefresh(p->w);
}

static int prompt_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct prompt_state *p = state;

	(void)u;
	switch (act) {
	case ACT_ACCEPT:
		free(p->text);
		p->text = editor_text(&p->ed);
		req->type = p->comment ? REQ_ADD_COMMENT : REQ_SEARCH;
		req->item = p->item;
		req->text = p->text ? p->text : "";
		return UI_HANDLED | UI_CLOSE;
	case ACT_CANCEL:
		return UI_HANDLED | UI_CLOSE;
	case ACT_BACKSPACE:
		if (p->ed.len == 0)
			return UI_HANDLED | UI_CLOSE;
		editor_backspace(&p->ed);
		break;
	case ACT_LEFT:
		editor_left(&p->ed);
		break;
	case ACT_RIGHT:
		editor_right(&p->ed);
		break;
	case ACT_KILL_TO_START:
		editor_kill_to_start(&p->ed);
		break;
	default:
		if (key < UI_KEYCODE(0) && textwidth_kind((uint32_t)key) == TEXTWIDTH_TEXT &&
		    p->ed.len < PROMPT_MAX)
			editor_insert(&p->ed, (wchar_t)key);
	}
	return UI_HANDLED | UI_REDRAW;
}

static const char *prompt_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	return "";
}

const struct view_ops ui_prompt_ops = {
	.name = "search or comment prompt",
	.where = IN_PROMPT,
	.flags = VIEW_OVERLAY | VIEW_TYPING,
	.open = prompt_open,
	.close = prompt_close,
	.layout = prompt_layout,
	.draw = prompt_draw,
	.key = prompt_key,
	.hints = prompt_hints,
};
