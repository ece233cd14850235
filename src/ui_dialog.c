/* ui_dialog: the small views over the others: the status menu, the search
 * prompt, the question before dropping changed text, and the offer to
 * recover drafts that a dropped connection left behind. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "textwidth.h"
#include "ui_impl.h"

/* Draws an empty box of w x h in the middle of the body with ASCII edges
 * (box-drawing characters are ambiguous-width on Japanese terminals).
 * Returns its top-left corner in *y, *x. */
static void dialog_box(struct ui *u, int w, int h, int *y, int *x)
{
	WINDOW *b = u->body;
	int rows = getmaxy(b), cols = getmaxx(b);

	if (w > cols)
		w = cols;
	if (h > rows)
		h = rows;
	*y = (rows - h) / 2;
	*x = (cols - w) / 2;
	wattrset(b, A_NORMAL);
	for (int r = 0; r < h; r++) {
		mvwhline(b, *y + r, *x, ' ', w);
		mvwaddch(b, *y + r, *x, r == 0 || r == h - 1 ? '+' : '|');
		mvwaddch(b, *y + r, *x + w - 1, r == 0 || r == h - 1 ? '+' : '|');
	}
	mvwhline(b, *y, *x + 1, '-', w - 2);
	mvwhline(b, *y + h - 1, *x + 1, '-', w - 2);
}

/* ---- The status menu ---- */

void ui_menu_open(struct ui *u, size_t item)
{
	u->menu_item = item;
	u->menu_choice = (int)u->a->status[item];
	ui_push(u, &ui_menu_view);
}

static void menu_draw(struct ui *u)
{
	char title[128], line[128], m[4];
	int y, x, w = 36;

	snprintf(title, sizeof title, _("Status of item %d"), u->cl->items[u->menu_item].number);
	if ((int)textwidth_str(title) + 4 > w)
		w = (int)textwidth_str(title) + 4;
	dialog_box(u, w, STATUS_COUNT + 4, &y, &x);
	ui_put(u->body, y + 1, x + 2, title, strlen(title), w - 4, A_BOLD);
	for (int s = 0; s < STATUS_COUNT; s++) {
		int sel = s == u->menu_choice ? A_REVERSE : 0;
		status_mark((enum status)s, m);
		snprintf(line, sizeof line, "%d ", s + 1);
		if (sel) {
			wattrset(u->body, A_REVERSE);
			mvwhline(u->body, y + 2 + s, x + 1, ' ', w - 2);
		}
		ui_put(u->body, y + 2 + s, x + 2, line, strlen(line), 2, sel);
		ui_put(u->body, y + 2 + s, x + 4, m, 3, 3, u->attrs[ATTR_STATUS + s] | sel);
		ui_put(u->body, y + 2 + s, x + 8, status_name((enum status)s),
		       strlen(status_name((enum status)s)), w - 10, sel);
	}
}

static void menu_key(struct ui *u, int key)
{
	switch (key) {
	case 'j':
	case UI_KEYCODE(KEY_DOWN):
		u->menu_choice = (u->menu_choice + 1) % STATUS_COUNT;
		return;
	case 'k':
	case UI_KEYCODE(KEY_UP):
		u->menu_choice = (u->menu_choice + STATUS_COUNT - 1) % STATUS_COUNT;
		return;
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		ui_pop(u);
		ui_set_status(u, u->menu_item, (enum status)u->menu_choice);
		return;
	case UI_ESC:
	case 'q':
	case 'h':
	case UI_CTRL('c'):
	case UI_KEYCODE(KEY_LEFT):
		ui_pop(u);
		return;
	}
	if (key >= '1' && key < '1' + STATUS_COUNT) {
		ui_pop(u);
		ui_set_status(u, u->menu_item, (enum status)(key - '1'));
	}
}

static const char *menu_hints(struct ui *u)
{
	(void)u;
	return _("1-5:set  j k:choose  Enter:set  Esc:cancel");
}

const struct view ui_menu_view = {IN_LIST, 1, menu_draw, menu_key, menu_hints};

/* ---- The search prompt, on the footer line ---- */

static void prompt_draw(struct ui *u)
{
	WINDOW *f = u->footer;
	char *text = editor_text(&u->prompt);
	size_t row;
	int col, w = getmaxx(f) - 2;

	werase(f);
	ui_put(f, 0, 0, "/", 1, 1, A_BOLD);
	/* Show the end of a query longer than the line. */
	if (text) {
		const char *s = text;
		while ((int)textwidth_str(s) > w - 1) {
			uint32_t cp;
			s += textwidth_decode(s, strlen(s), &cp);
		}
		ui_put(f, 0, 1, s, strlen(s), w, A_NORMAL);
		editor_cursor_pos(&u->prompt, 1 << 20, &row, &col);
		col = (int)textwidth_str(text) - (int)textwidth_str(s) > col
			      ? 0
			      : col - ((int)textwidth_str(text) - (int)textwidth_str(s));
		wmove(f, 0, 1 + col);
	}
	free(text);
	curs_set(1);
	wnoutrefresh(f);
}

static void prompt_key(struct ui *u, int key)
{
	char *text;

	switch (key) {
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		text = editor_text(&u->prompt);
		ui_pop(u);
		if (text && *text)
			snprintf(u->query, sizeof u->query, "%s", text);
		free(text);
		ui_search_next(u, 0);
		return;
	case UI_ESC:
	case UI_CTRL('c'):
		ui_pop(u);
		return;
	case UI_KEYCODE(KEY_BACKSPACE):
	case 0x7f:
	case UI_CTRL('h'):
		if (u->prompt.len == 0)
			ui_pop(u);
		editor_backspace(&u->prompt);
		return;
	case UI_KEYCODE(KEY_LEFT):
		editor_left(&u->prompt);
		return;
	case UI_KEYCODE(KEY_RIGHT):
		editor_right(&u->prompt);
		return;
	case UI_CTRL('u'):
		editor_kill_to_start(&u->prompt);
		return;
	}
	if (key < UI_KEYCODE(0) && key >= 0x20 && key != 0x7f && u->prompt.len < 200)
		editor_insert(&u->prompt, (wchar_t)key);
}

static const char *prompt_hints(struct ui *u)
{
	(void)u;
	return "";
}

const struct view ui_prompt_view = {IN_LIST, 1, prompt_draw, prompt_key, prompt_hints};

/* ---- Dropping changed text ---- */

static void confirm_draw(struct ui *u)
{
	(void)u;
}

static void confirm_key(struct ui *u, int key)
{
	if (key == 'y' || key == 'Y') {
		char err[512];
		ui_pop(u);
		store_drop_draft(u->st, u->ed_item, u->ed_column, err, sizeof err);
		u->ed_open = 0;
		ui_pop(u);
		ui_message(u, 0, "%s", _("The changes were dropped."));
	} else if (key == 'n' || key == 'N' || key == UI_ESC || key == UI_CTRL('c')) {
		ui_pop(u);
	}
}

static const char *confirm_hints(struct ui *u)
{
	(void)u;
	return _("Drop the changes to this answer? y: drop them  n: keep editing");
}

const struct view ui_confirm_view = {IN_EDITOR, 1, confirm_draw, confirm_key, confirm_hints};

/* ---- Recovering drafts ---- */

static void recover_draw(struct ui *u)
{
	const struct store_draft *d = &u->drafts[u->draft_at];
	const struct item *it = &u->cl->items[d->item];
	char line[512];
	int y, x, w = u->cols - 4 < 72 ? u->cols - 4 : 72, h = 12;
	struct textwidth_line lines[4];
	char *clean = textwidth_sanitize(d->text);

	dialog_box(u, w, h, &y, &x);
	snprintf(line, sizeof line, _("A draft was recovered (%zu of %zu)"), u->draft_at + 1,
		 u->n_drafts);
	ui_put(u->body, y + 1, x + 2, line, strlen(line), w - 4, A_BOLD);
	/* TRANSLATORS: item number, answer column, and when the draft was kept (UTC). */
	snprintf(line, sizeof line, _("Item %d, %s, kept %s UTC"), it->number,
		 text_get(&u->cl->columns[d->column].name, u->lang), d->time);
	ui_put(u->body, y + 2, x + 2, line, strlen(line), w - 4, A_NORMAL);
	size_t n = clean ? textwidth_wrap(clean, w - 6, lines, 4) : 0;
	for (size_t k = 0; k < n && k < 4; k++)
		ui_put(u->body, y + 4 + (int)k, x + 3, clean + lines[k].start, lines[k].len, w - 6,
		       A_DIM);
	if (n > 4)
		ui_put(u->body, y + 8, x + 3, "...", 3, 3, A_DIM);
	free(clean);
	snprintf(line, sizeof line, "%s", _("t: take it into the editor   d: drop it   Esc: later"));
	ui_put(u->body, y + h - 2, x + 2, line, strlen(line), w - 4, A_BOLD);
}

static void recover_next(struct ui *u)
{
	if (++u->draft_at >= u->n_drafts)
		ui_pop(u);
}

static void recover_key(struct ui *u, int key)
{
	const struct store_draft *d = &u->drafts[u->draft_at];
	char err[512] = "";

	switch (key) {
	case 't':
	case '\r':
	case '\n':
		ui_list_select_item(u, d->item);
		recover_next(u);
		ui_editor_open(u, d->item, d->column, d->text, 1);
		break;
	case 'd':
		if (store_drop_draft(u->st, d->item, d->column, err, sizeof err) != 0)
			ui_message(u, 1, "%s", err);
		else
			ui_message(u, 0, "%s", _("The draft was dropped."));
		recover_next(u);
		break;
	case UI_ESC:
	case 'q':
		u->draft_at = u->n_drafts;
		ui_pop(u);
		ui_message(u, 0, "%s", _("The drafts are kept for the next start."));
		break;
	}
}

static const char *recover_hints(struct ui *u)
{
	(void)u;
	return _("t:take  d:drop  Esc:later");
}

const struct view ui_recover_view = {IN_LIST, 1, recover_draw, recover_key, recover_hints};
