/* ui_edit: the answer editor in the body window, its drafts, and editing
 * in $VISUAL/$EDITOR. The text and cursor logic is editor.c's; this file
 * draws it and turns keys into its calls. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gettext.h"
#include "textwidth.h"
#include "ui_impl.h"

/* Seconds of idle typing after which the text is kept as a draft. */
#define DRAFT_IDLE_MS 1500

enum { HEAD_ROWS = 4 }; /* title, goal (2 rows), rule */

void ui_editor_open(struct ui *u, size_t item, size_t column, const char *text, int modified)
{
	editor_free(&u->ed);
	if (editor_init(&u->ed, text ? text : answers_text(u->a, item, column)) != 0) {
		ui_message(u, 1, "%s", _("out of memory"));
		return;
	}
	u->ed.modified = modified;
	u->ed_dirty_draft = modified;
	u->ed_item = item;
	u->ed_column = column;
	u->ed_top = 0;
	u->ed_open = 1;
	clock_gettime(CLOCK_MONOTONIC, &u->ed_last_key);
	ui_push(u, &ui_editor_view);
}

void ui_editor_keep_draft(struct ui *u)
{
	char err[512], *text;

	if (!u->ed_open || !u->ed.modified || !u->st || !u->ed_dirty_draft)
		return;
	text = editor_text(&u->ed);
	if (text && store_save_draft(u->st, u->ed_item, u->ed_column, text, err, sizeof err) == 0)
		u->ed_dirty_draft = 0;
	else if (text)
		ui_message(u, 1, _("The draft could not be kept: %s"), err);
	free(text);
}

void ui_editor_tick(struct ui *u)
{
	struct timespec now;
	long ms;

	if (!u->ed_open || !u->ed_dirty_draft)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - u->ed_last_key.tv_sec) * 1000 +
	     (now.tv_nsec - u->ed_last_key.tv_nsec) / 1000000;
	if (ms >= DRAFT_IDLE_MS)
		ui_editor_keep_draft(u);
}


static void save_and_close(struct ui *u)
{
	char err[1024] = "", *text = editor_text(&u->ed);

	if (!text) {
		ui_message(u, 1, "%s", _("out of memory"));
		return;
	}
	if (store_set_text(u->st, u->a, u->ed_item, u->ed_column, text, err, sizeof err) != 0) {
		/* The text stays in the editor and as a draft. */
		ui_message(u, 1, "%s", err);
		free(text);
		return;
	}
	free(text);
	u->ed_open = 0;
	ui_pop(u);
	ui_list_item_changed(u, u->ed_item);
	ui_message(u, 0, _("Item %d: %s saved"), u->cl->items[u->ed_item].number,
		   text_get(&u->cl->columns[u->ed_column].name, u->lang));
}

static void close_editor(struct ui *u)
{
	char err[512];

	if (u->ed.modified) {
		ui_push(u, &ui_confirm_view);
		return;
	}
	store_drop_draft(u->st, u->ed_item, u->ed_column, err, sizeof err);
	u->ed_open = 0;
	ui_pop(u);
}

static int text_width(const struct ui *u)
{
	return u->cols - 2 > 8 ? u->cols - 2 : 8;
}

static void editor_key(struct ui *u, int key)
{
	int w = text_width(u);
	size_t len = u->ed.len;
	int rc = 0;

	switch (key) {
	case UI_CTRL('x'):
		save_and_close(u);
		return;
	case UI_ESC:
	case UI_CTRL('c'):
		close_editor(u);
		return;
	case '\r':
	case '\n':
	case UI_KEYCODE(KEY_ENTER):
		rc = editor_insert(&u->ed, L'\n');
		break;
	case UI_KEYCODE(KEY_BACKSPACE):
	case 0x7f:
	case UI_CTRL('h'):
		editor_backspace(&u->ed);
		break;
	case UI_KEYCODE(KEY_DC):
	case UI_CTRL('d'):
		editor_delete(&u->ed);
		break;
	case UI_KEYCODE(KEY_LEFT):
	case UI_CTRL('b'):
		editor_left(&u->ed);
		break;
	case UI_KEYCODE(KEY_RIGHT):
	case UI_CTRL('f'):
		editor_right(&u->ed);
		break;
	case UI_KEYCODE(KEY_UP):
	case UI_CTRL('p'):
		editor_up(&u->ed, w);
		break;
	case UI_KEYCODE(KEY_DOWN):
	case UI_CTRL('n'):
		editor_down(&u->ed, w);
		break;
	case UI_KEYCODE(KEY_HOME):
	case UI_CTRL('a'):
		editor_home(&u->ed);
		break;
	case UI_KEYCODE(KEY_END):
	case UI_CTRL('e'):
		editor_end(&u->ed);
		break;
	case UI_CTRL('k'):
		editor_kill_to_end(&u->ed);
		break;
	case UI_CTRL('u'):
		editor_kill_to_start(&u->ed);
		break;
	default:
		if (key < UI_KEYCODE(0))
			rc = editor_insert(&u->ed, (wchar_t)key);
	}
	if (rc != 0)
		ui_message(u, 1, _("The answer is at its limit of %d characters."), EDITOR_MAX_CHARS);
	if (u->ed.len != len || key == UI_CTRL('k') || key == UI_CTRL('u')) {
		u->ed_dirty_draft = u->ed.modified;
		clock_gettime(CLOCK_MONOTONIC, &u->ed_last_key);
	}
}

static void draw_head(struct ui *u, int w)
{
	const struct item *it = &u->cl->items[u->ed_item];
	char title[512];
	struct textwidth_line lines[2];
	const char *goal = text_get(&it->goal, u->lang);

	snprintf(title, sizeof title, _("Item %d: %s"), it->number,
		 text_get(&u->cl->columns[u->ed_column].name, u->lang));
	ui_put(u->body, 0, 0, title, strlen(title), u->cols, u->attrs[ATTR_TITLE]);
	size_t n = textwidth_wrap(goal, w, lines, 2);
	for (size_t k = 0; k < n && k < 2; k++)
		ui_put(u->body, 1 + (int)k, 1, goal + lines[k].start, lines[k].len, w, A_DIM);
	wattrset(u->body, A_DIM);
	mvwhline(u->body, 3, 0, '-', u->cols);
}

static void editor_draw(struct ui *u)
{
	int w = text_width(u), area = getmaxy(u->body) - HEAD_ROWS;
	struct editor_line stackbuf[64], *lines = stackbuf;
	size_t n, row;
	int col;

	werase(u->body);
	draw_head(u, w);
	n = editor_layout(&u->ed, w, lines, 64);
	if (n > 64 && !(lines = malloc(n * sizeof *lines)))
		return;
	if (lines != stackbuf)
		editor_layout(&u->ed, w, lines, n);
	editor_cursor_pos(&u->ed, w, &row, &col);
	if (area < 1)
		area = 1;
	if (row < u->ed_top)
		u->ed_top = row;
	if (row >= u->ed_top + (size_t)area)
		u->ed_top = row + 1 - (size_t)area;
	for (int y = 0; y < area && u->ed_top + (size_t)y < n; y++) {
		const struct editor_line *l = &lines[u->ed_top + (size_t)y];
		wmove(u->body, HEAD_ROWS + y, 1);
		wattrset(u->body, A_NORMAL);
		for (size_t k = 0; k < l->len; k++) {
			wchar_t c = u->ed.buf[l->start + k];
			char mb[8];
			/* The buffer holds no control characters; draw via ui_put to be sure. */
			int nb = (int)wctomb(mb, c);
			if (nb > 0)
				ui_put(u->body, HEAD_ROWS + y, getcurx(u->body), mb, (size_t)nb, w, A_NORMAL);
		}
	}
	if (lines != stackbuf)
		free(lines);
	wmove(u->body, HEAD_ROWS + (int)(row - u->ed_top), 1 + col);
	curs_set(1);
	wnoutrefresh(u->body);
}

static const char *editor_hints(struct ui *u)
{
	(void)u;
	/* TRANSLATORS: the footer of the answer editor; keep it within 79 columns. */
	return _("Ctrl-X:save and close  Esc:close  (a draft is kept as you type)");
}

const struct view ui_editor_view = {IN_EDITOR, 0, editor_draw, editor_key, editor_hints};

/* ---- $VISUAL / $EDITOR ---- */

/* Runs the user's editor on path with the terminal given back to it.
 * Returns 0 if it exited successfully. */
static int run_editor(const char *path)
{
	const char *ed = getenv("VISUAL");
	pid_t pid;
	int status;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		signal(SIGHUP, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		/* $EDITOR may carry arguments ("emacs -nw"): let the shell split it. */
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed, path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	reset_prog_mode();
	clearok(curscr, TRUE);
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static char *read_all(int fd, size_t limit)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	ssize_t n;

	if (!buf || lseek(fd, 0, SEEK_SET) < 0) {
		free(buf);
		return NULL;
	}
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (len + 1 == cap) {
			char *p = cap * 2 > limit ? NULL : realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return NULL;
			}
			buf = p;
			cap *= 2;
		}
	}
	buf[len] = '\0';
	return n < 0 ? (free(buf), NULL) : buf;
}

/* Whether text can be saved as it is: the rule for every stored text. */
static int clean_text(const char *s)
{
	return textwidth_storable(s, strlen(s), NULL, NULL) == TEXTWIDTH_TEXT;
}

static void take_external(struct ui *u, size_t item, size_t column, char *text, int stopped)
{
	size_t n = strlen(text);

	if (n && text[n - 1] == '\n')
		text[--n] = '\0'; /* the newline every editor ends a file with */
	if (strcmp(text, answers_text(u->a, item, column)) == 0) {
		ui_message(u, 0, "%s", _("No change."));
		return;
	}
	if (stopped || !clean_text(text)) {
		/* Into the inline editor (which drops control characters), kept as a
		 * draft at once: the user checks it and saves with Ctrl-X. */
		ui_editor_open(u, item, column, NULL, 1);
		editor_free(&u->ed);
		editor_init(&u->ed, NULL);
		editor_insert_utf8(&u->ed, text, n);
		u->ed.modified = u->ed_dirty_draft = 1;
		ui_editor_keep_draft(u);
		if (!stopped)
			ui_message(u, 1, "%s",
				   _("The text had control characters; they were removed. Check it and save with Ctrl-X."));
		return;
	}
	char err[1024] = "";
	if (store_set_text(u->st, u->a, item, column, text, err, sizeof err) != 0) {
		ui_message(u, 1, "%s", err);
		return;
	}
	ui_list_item_changed(u, item);
	ui_message(u, 0, _("Item %d: %s saved"), u->cl->items[item].number,
		   text_get(&u->cl->columns[column].name, u->lang));
}

void ui_external_edit(struct ui *u, size_t item, size_t column)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096], *text;
	const char *old = answers_text(u->a, item, column);
	int fd;

	snprintf(path, sizeof path, "%s/tenken-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path); /* 0600: the answer is confidential */
	if (fd < 0) {
		ui_message(u, 1, _("Cannot create a temporary file: %s"), strerror(errno));
		return;
	}
	if (write(fd, old, strlen(old)) != (ssize_t)strlen(old) || (*old && write(fd, "\n", 1) != 1)) {
		ui_message(u, 1, _("Cannot write the temporary file: %s"), strerror(errno));
		close(fd);
		unlink(path);
		return;
	}
	int ok = run_editor(path) == 0;
	text = read_all(fd, 16u << 20);
	close(fd);
	unlink(path);
	if (!text) {
		ui_message(u, 1, "%s", _("Cannot read the text back from the editor."));
		return;
	}
	if (!ok && !ui_stopping())
		ui_message(u, 1, "%s", _("The editor failed; nothing was saved."));
	else
		take_external(u, item, column, text, ui_stopping());
	free(text);
}
