/* ui_edit: the answer editor in the body window and its drafts. The text
 * and cursor logic is editor.c's; this file draws it, turns keys into its
 * calls, saves the answer and keeps a draft after 1.5 s of idle typing and
 * when the terminal goes away. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "editor.h"
#include "gettext.h"
#include "store.h"
#include "textwidth.h"
#include "ui_view.h"

/* Milliseconds of idle typing after which the text is kept as a draft. */
#define DRAFT_IDLE_MS 1500

enum { HEAD_ROWS = 4 }; /* title, goal (2 rows), rule */

struct editor_state {
	WINDOW *w;
	struct editor ed;
	size_t item, column;
	size_t top;      /* first text row shown */
	char *text;      /* the text last saved or offered, kept while a dialog shows it */
	char *base;      /* the answer as it was when editing began: what theirs is compared with */
	int dirty_draft; /* changed since the draft was last kept */
	long long last_key; /* ui_now_ms of the last change */
	/* Characters typed and not yet in the text. A paste comes as thousands
	 * of keys; put into the middle of a long answer one by one, each would
	 * move the text after the cursor. They go in together, before anything
	 * looks at the text: a key of another kind, a draw, a draft, the end. */
	wchar_t *typed;
	size_t n_typed, typed_cap;
};

/* Puts the typed characters into the text. */
static void put_typed(struct ui *u, struct editor_state *e)
{
	if (!e->n_typed)
		return;
	if (editor_insert_wide(&e->ed, e->typed, e->n_typed) != 0)
		ui_message(u, 1, _("The answer is at its limit of %d characters."),
			   EDITOR_MAX_CHARS);
	e->n_typed = 0;
}

/* Adds a typed character; returns -1 if the answer would be too long or
 * memory runs out. */
static int add_typed(struct editor_state *e, wchar_t wc)
{
	if (e->ed.len + e->n_typed >= EDITOR_MAX_CHARS)
		return -1;
	if (e->n_typed == e->typed_cap) {
		size_t cap = e->typed_cap ? 2 * e->typed_cap : 256;
		wchar_t *p = realloc(e->typed, cap * sizeof *p);
		if (!p)
			return -1;
		e->typed = p;
		e->typed_cap = cap;
	}
	e->typed[e->n_typed++] = wc;
	return 0;
}

static void keep_draft(struct ui *u, struct editor_state *e)
{
	char err[512], *text;

	put_typed(u, e);
	if (!e->ed.modified || !u->st || !e->dirty_draft)
		return;
	text = editor_text(&e->ed);
	if (text && store_save_draft(u->st, e->item, e->column, text, err, sizeof err) == 0)
		e->dirty_draft = 0;
	else if (text)
		ui_message(u, 1, _("The draft could not be kept: %s"), err);
	free(text);
}

static void *edit_open(struct ui *u, const struct request *req)
{
	struct editor_state *e = calloc(1, sizeof *e);

	if (!e)
		return NULL;
	if (editor_init(&e->ed,
			req->text ? req->text : answers_text(u->a, req->item, req->column)) != 0) {
		free(e);
		ui_message(u, 1, "%s", _("out of memory"));
		return NULL;
	}
	e->item = req->item;
	e->column = req->column;
	if (!(e->base = strdup(answers_text(u->a, req->item, req->column)))) {
		editor_free(&e->ed);
		free(e);
		ui_message(u, 1, "%s", _("out of memory"));
		return NULL;
	}
	e->ed.modified = e->dirty_draft = req->modified;
	e->last_key = ui_now_ms(u);
	/* Text that is not the saved answer (a draft, text from $EDITOR) is
	 * kept as a draft at once, this session's; a draft taken from an
	 * ended session is then forgotten. */
	keep_draft(u, e);
	if (req->draft && !e->dirty_draft && u->st) {
		char err[512];
		store_forget_draft(u->st, req->draft, err, sizeof err);
	}
	return e;
}

static void edit_close(struct ui *u, void *state)
{
	struct editor_state *e = state;

	(void)u;
	if (e->w)
		delwin(e->w);
	editor_free(&e->ed);
	free(e->typed);
	free(e->text);
	free(e->base);
	free(e);
}

static void edit_layout(struct ui *u, void *state)
{
	struct editor_state *e = state;

	if (e->w)
		delwin(e->w);
	e->w = ui_body_window(u, 1);
}

static int text_width(const struct ui *u)
{
	return u->cols - 2 > 8 ? u->cols - 2 : 8;
}

/* Saves the text; over a text changed in the file meanwhile only with
 * STORE_FORCE, else it asks the dispatcher to show both. */
static int save(struct ui *u, struct editor_state *e, int flags, struct request *req)
{
	char err[1024] = "";
	int rc;

	free(e->text);
	if (!(e->text = editor_text(&e->ed))) {
		ui_message(u, 1, "%s", _("out of memory"));
		return UI_HANDLED;
	}
	/* Changed since editing began, as this session has seen (another
	 * session's change it noticed) or as the file says now. */
	if (!(flags & STORE_FORCE) &&
	    strcmp(answers_text(u->a, e->item, e->column), e->base ? e->base : "") != 0)
		rc = STORE_CHANGED;
	else
		rc = store_set_text_flags(u->st, u->a, e->item, e->column, e->text, flags, err,
					  sizeof err);
	if (rc == STORE_CHANGED) {
		/* The text stays in the editor and its draft; theirs is in u->a. */
		keep_draft(u, e);
		req->type = REQ_CONFLICT;
		req->item = e->item;
		req->column = e->column;
		req->text = e->text;
		return UI_HANDLED;
	}
	if (rc != 0) {
		/* The text stays in the editor and as a draft. */
		ui_message(u, 1, "%s", err);
		return UI_HANDLED;
	}
	ui_message(u, 0, _("Item %s: %s saved"), u->cl->items[e->item].label,
		   text_get(&u->cl->columns[e->column].name, u->lang));
	req->type = REQ_CHANGED;
	req->item = e->item;
	return UI_HANDLED | UI_CLOSE;
}

/* Closes the editor, dropping its draft; asks first if the text changed. */
static int cancel(struct ui *u, struct editor_state *e, enum action act, struct request *req)
{
	char err[512];

	if (e->ed.modified && act != ACT_YES && act != ACT_TAKE_THEIRS) {
		req->type = REQ_CONFIRM;
		req->text = _("Drop the changes to this answer? y: drop them  n: keep editing");
		return UI_HANDLED;
	}
	if (u->st)
		store_drop_draft(u->st, e->item, e->column, err, sizeof err);
	if (act == ACT_YES)
		ui_message(u, 0, "%s", _("The changes were dropped."));
	if (act == ACT_TAKE_THEIRS) {
		req->type = REQ_CHANGED;
		req->item = e->item;
	}
	return UI_HANDLED | UI_CLOSE;
}

/* Puts theirs (now in the file) above yours, to be edited into one; the
 * next save is then over theirs. */
static int merge(struct ui *u, struct editor_state *e)
{
	const char *theirs = answers_text(u->a, e->item, e->column);
	char *mine = editor_text(&e->ed);
	struct editor ed;
	size_t at;

	if (!mine || editor_init(&ed, theirs) != 0) {
		free(mine);
		ui_message(u, 1, "%s", _("out of memory"));
		return UI_HANDLED;
	}
	editor_insert_utf8(&ed, "\n\n", 2);
	at = ed.cursor;
	if (editor_insert_utf8(&ed, mine, strlen(mine)) != 0) {
		editor_free(&ed);
		free(mine);
		ui_message(u, 1, _("The answer is at its limit of %d characters."),
			   EDITOR_MAX_CHARS);
		return UI_HANDLED;
	}
	free(mine);
	editor_free(&e->ed);
	e->ed = ed;
	free(e->base);
	e->base = strdup(theirs); /* yours is now written over theirs, knowingly */
	e->ed.cursor = at;
	e->ed.modified = e->dirty_draft = 1;
	keep_draft(u, e);
	ui_message(u, 0, "%s", _("Theirs is above, yours below: edit them into one and save."));
	return UI_HANDLED | UI_REDRAW;
}

/* Carries out an editing action; returns -1 if the text is full. */
static int apply_edit(struct editor_state *e, int key, enum action act, int width)
{
	if (act == ACT_NONE && key < UI_KEYCODE(0))
		return add_typed(e, (wchar_t)key);
	switch (act) {
	case ACT_NEWLINE:
		return add_typed(e, L'\n');
	case ACT_BACKSPACE:
		editor_backspace(&e->ed);
		break;
	case ACT_DELETE:
		editor_delete(&e->ed);
		break;
	case ACT_LEFT:
		editor_left(&e->ed);
		break;
	case ACT_RIGHT:
		editor_right(&e->ed);
		break;
	case ACT_UP:
		editor_up(&e->ed, width);
		break;
	case ACT_DOWN:
		editor_down(&e->ed, width);
		break;
	case ACT_LINE_START:
		editor_home(&e->ed);
		break;
	case ACT_LINE_END:
		editor_end(&e->ed);
		break;
	case ACT_KILL_TO_END:
		editor_kill_to_end(&e->ed);
		break;
	case ACT_KILL_TO_START:
		editor_kill_to_start(&e->ed);
		break;
	default:
		break;
	}
	return 0;
}

static int edit_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct editor_state *e = state;
	size_t len = e->ed.len + e->n_typed;

	if (!(act == ACT_NONE && key < UI_KEYCODE(0)) && act != ACT_NEWLINE)
		put_typed(u, e); /* any other key acts on the text as typed */
	switch (act) {
	case ACT_SAVE:
		return save(u, e, 0, req);
	case ACT_KEEP_MINE:
		return save(u, e, STORE_FORCE, req);
	case ACT_TAKE_THEIRS:
		e->ed.modified = 0; /* theirs is in the file: nothing to ask about */
		ui_message(u, 0, "%s", _("Their text is kept; yours was dropped."));
		return cancel(u, e, act, req);
	case ACT_MERGE:
		return merge(u, e);
	case ACT_CANCEL:
	case ACT_YES:
		return cancel(u, e, act, req);
	default:
		break;
	}
	if (apply_edit(e, key, act, text_width(u)) != 0)
		ui_message(u, 1, _("The answer is at its limit of %d characters."),
			   EDITOR_MAX_CHARS);
	if (e->ed.len + e->n_typed != len || act == ACT_KILL_TO_END || act == ACT_KILL_TO_START) {
		e->dirty_draft = e->ed.modified || e->n_typed;
		e->last_key = ui_now_ms(u);
	}
	return UI_HANDLED | UI_REDRAW;
}

static int edit_tick(struct ui *u, void *state)
{
	struct editor_state *e = state;

	if (e->dirty_draft && ui_now_ms(u) - e->last_key >= DRAFT_IDLE_MS) {
		int had = u->msg[0] != '\0';
		keep_draft(u, e);
		if (!had && u->msg[0])
			return UI_REDRAW; /* the draft could not be kept: say so */
	}
	return 0;
}

static void edit_stop(struct ui *u, void *state)
{
	keep_draft(u, state);
}

static void draw_head(struct ui *u, struct editor_state *e, int w)
{
	const struct item *it = &u->cl->items[e->item];
	char title[512];
	struct textwidth_line lines[2];
	const char *goal = text_get(&it->goal, u->lang);

	snprintf(title, sizeof title, _("Item %s: %s"), it->label,
		 text_get(&u->cl->columns[e->column].name, u->lang));
	ui_put(e->w, 0, 0, title, strlen(title), u->cols, u->attrs[ATTR_TITLE]);
	size_t n = textwidth_wrap(goal, w, lines, 2);
	for (size_t k = 0; k < n && k < 2; k++)
		ui_put(e->w, 1 + (int)k, 1, goal + lines[k].start, lines[k].len, w, A_DIM);
	wattrset(e->w, A_DIM);
	mvwhline(e->w, 3, 0, '-', u->cols);
}

/* Draws one row of the text; the buffer holds no control characters, but
 * it goes through ui_put like everything else. */
static void draw_row(struct editor_state *e, int y, const struct editor_line *l, int w)
{
	char buf[4 * 512 + 1];
	size_t n = 0;

	for (size_t k = 0; k < l->len && n + 4 < sizeof buf; k++)
		n += textwidth_encode((uint32_t)e->ed.buf[l->start + k], buf + n);
	ui_put(e->w, y, 1, buf, n, w, A_NORMAL);
}

static void edit_draw(struct ui *u, void *state)
{
	struct editor_state *e = state;
	int w = text_width(u), area = getmaxy(e->w) - HEAD_ROWS, col;
	struct editor_line stackbuf[64], *lines = stackbuf;
	size_t n, row;

	put_typed(u, e);
	werase(e->w);
	draw_head(u, e, w);
	n = editor_layout(&e->ed, w, lines, 64);
	if (n > 64 && !(lines = malloc(n * sizeof *lines)))
		return;
	if (lines != stackbuf)
		editor_layout(&e->ed, w, lines, n);
	editor_cursor_pos(&e->ed, w, &row, &col);
	if (area < 1)
		area = 1;
	if (row < e->top)
		e->top = row;
	if (row >= e->top + (size_t)area)
		e->top = row + 1 - (size_t)area;
	for (int y = 0; y < area && e->top + (size_t)y < n; y++)
		draw_row(e, HEAD_ROWS + y, &lines[e->top + (size_t)y], w);
	if (lines != stackbuf)
		free(lines);
	wmove(e->w, HEAD_ROWS + (int)(row - e->top), 1 + col);
	wnoutrefresh(e->w);
}

static int edit_current(struct ui *u, void *state, size_t *item)
{
	(void)u;
	*item = ((struct editor_state *)state)->item;
	return 1;
}

static const char *edit_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	/* TRANSLATORS: the footer of the answer editor; keep it within 79 columns. */
	return _("Ctrl-X:save and close  Esc:close  (a draft is kept as you type)");
}

const struct view_ops ui_editor_ops = {
	.name = "editor",
	.where = IN_EDITOR,
	.flags = VIEW_TYPING,
	.open = edit_open,
	.close = edit_close,
	.layout = edit_layout,
	.draw = edit_draw,
	.key = edit_key,
	.current = edit_current,
	.tick = edit_tick,
	.stop = edit_stop,
	.hints = edit_hints,
};
