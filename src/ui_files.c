/* ui_files: the files view of `tenken DIR`, shown before the interface:
 * one row per answer file of the folder with its connector's name,
 * progress and the review's open verdicts, or why it cannot be opened.
 * It only shows and chooses: Enter returns the row, and cmd_ui.c opens
 * that file in the interface (ui_run) and comes back to it. Its keys are
 * rows of the one table in ui_keys.c (IN_FILES), and ? shows their help,
 * generated from that table. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "gettext.h"
#include "textwidth.h"
#include "ui_view.h"

enum { FILES_MIN_COLS = 40, FILES_MIN_ROWS = 10, GAP = 2, N_NUMS = 4, HELP_X = 21 };

struct files_view {
	const struct ui_files *f;
	WINDOW *w;
	int rows, cols;
	size_t cursor, top;
	char msg[640];
	int msg_error;
	int help;        /* the help is shown (?) */
	size_t help_top; /* its first row shown */
	/* The columns: the name's width, the file's (0: not shown, when no
	 * file keeps a connector's name), then each number's (answered,
	 * 未対応, 要確認, 指摘あり) and its heading. */
	int name_w, file_w, num_w[N_NUMS];
	const char *heads[N_NUMS];
};

/* Draws s at (y, x) in at most maxw columns, its control characters in
 * their visible form, cut with "…" when it is wider. */
static void put_cut(WINDOW *w, int y, int x, const char *s, int maxw, int attr)
{
	char *clean = textwidth_sanitize_line(s);
	int used;

	if (!clean || maxw <= 0)
		goto out;
	if ((int)textwidth_str(clean) <= maxw) {
		ui_put(w, y, x, clean, strlen(clean), maxw, attr);
		goto out;
	}
	used = ui_put(w, y, x, clean, strlen(clean), maxw - 1, attr);
	ui_put(w, y, x + used, "…", strlen("…"), 1, attr);
out:
	free(clean);
}

/* Draws s right-aligned in the column [x, x+width). */
static void put_right(WINDOW *w, int y, int x, int width, const char *s, int attr)
{
	int sw = (int)textwidth_str(s);

	ui_put(w, y, x + (sw < width ? width - sw : 0), s, strlen(s), width, attr);
}

/* The widest of heading and of the sanitized texts of cs's files that
 * field picks (connector's name or file's name), at most max. */
static int widest(const struct connectors *cs, const char *heading, int file, int max)
{
	int w = (int)textwidth_str(heading);

	for (size_t k = 0; k < cs->n; k++) {
		char *clean = textwidth_sanitize_line(file ? cs->files[k].file : cs->files[k].name);
		if (clean && (int)textwidth_str(clean) > w)
			w = (int)textwidth_str(clean);
		free(clean);
	}
	return w < max ? w : max;
}

/* Whether some file keeps a connector's name: the file's column is shown. */
static int any_named(const struct connectors *cs)
{
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].named)
			return 1;
	return 0;
}

/* Lays the columns out for the screen's width. */
static void columns(struct files_view *v)
{
	const struct connectors *cs = v->f->cs;
	int rest = v->cols - 1, cap;

	/* TRANSLATORS: the files view's column headings, over numbers: items
	   answered out of all (3/188), then items 未対応, then items whose
	   review verdict is 要確認 or 指摘あり. Keep them short. */
	v->heads[0] = _("Answered");
	v->heads[1] = _("Not impl.");
	v->heads[2] = _("Query");
	v->heads[3] = _("Finding");
	for (int k = 0; k < N_NUMS; k++) {
		v->num_w[k] = (int)textwidth_str(v->heads[k]);
		if (v->num_w[k] < (k == 0 ? 9 : 4))
			v->num_w[k] = k == 0 ? 9 : 4;
		rest -= v->num_w[k] + GAP;
	}
	/* TRANSLATORS: the files view's heading over the answer files' names,
	   shown when some file keeps a connector's name. */
	v->file_w = any_named(cs) ? widest(cs, _("File"), 1, 16) : 0;
	if (v->file_w)
		rest -= v->file_w + GAP;
	/* TRANSLATORS: the files view's heading over the connectors' names. */
	v->name_w = widest(cs, _("Connector"), 0, INT_MAX);
	/* The name may take all but a checklist id's dozen columns, or half. */
	cap = rest - 12 > rest / 2 ? rest - 12 : rest / 2;
	if (v->name_w > cap)
		v->name_w = cap > 8 ? cap : 8;
}

/* The x where number column k starts. */
static int num_x(const struct files_view *v, int k)
{
	int x = 1 + v->name_w + GAP + (v->file_w ? v->file_w + GAP : 0);

	for (int j = 0; j < k; j++)
		x += v->num_w[j] + GAP;
	return x;
}

static void draw_heads(struct files_view *v)
{
	int x = num_x(v, N_NUMS), attr = A_BOLD;
	char head[PATH_MAX + 128];

	/* TRANSLATORS: the files view's title: the folder, then how many answer
	   files it holds. */
	snprintf(head, sizeof head,
		 ngettext("tenken: %s, %zu answer file", "tenken: %s, %zu answer files",
			  v->f->cs->n),
		 v->f->dir, v->f->cs->n);
	put_cut(v->w, 0, 0, head, v->cols, A_BOLD);
	put_cut(v->w, 1, 1, _("Connector"), v->name_w, attr);
	if (v->file_w)
		put_cut(v->w, 1, 1 + v->name_w + GAP, _("File"), v->file_w, attr);
	for (int k = 0; k < N_NUMS; k++)
		put_right(v->w, 1, num_x(v, k), v->num_w[k], v->heads[k], attr);
	/* TRANSLATORS: the files view's heading over the checklist's id. */
	put_cut(v->w, 1, x, _("Checklist"), v->cols - x, attr);
}

/* Draws the file of row k at line y. */
static void draw_row(struct files_view *v, size_t k, int y)
{
	const struct connector *f = &v->f->cs->files[k];
	struct connector_tally t;
	char n[N_NUMS][48];
	int x = num_x(v, 0);

	put_cut(v->w, y, 1, f->name, v->name_w, A_NORMAL);
	if (v->file_w)
		put_cut(v->w, y, 1 + v->name_w + GAP, f->file, v->file_w, A_DIM);
	if (!f->a) {
		put_cut(v->w, y, x, f->why, v->cols - x, A_DIM);
		return;
	}
	t = connectors_tally(f->a);
	snprintf(n[0], sizeof n[0], "%zu/%zu", t.answered, t.total);
	snprintf(n[1], sizeof n[1], "%zu", t.not_implemented);
	snprintf(n[2], sizeof n[2], "%zu", t.query);
	snprintf(n[3], sizeof n[3], "%zu", t.finding);
	for (int j = 0; j < N_NUMS; j++)
		put_right(v->w, y, num_x(v, j), v->num_w[j], n[j],
			  j > 0 && strcmp(n[j], "0") != 0 ? A_BOLD : A_NORMAL);
	x = num_x(v, N_NUMS);
	put_cut(v->w, y, x, f->id ? f->id : "", v->cols - x, A_NORMAL);
	if (f->changed)
		put_cut(v->w, y, 0, "*", 1, A_BOLD);
}

static void draw_footer(struct files_view *v)
{
	const char *text = v->msg[0] ? v->msg : _("Enter opens the file  ? help  q quits");

	put_cut(v->w, v->rows - 1, 0, text, v->cols, v->msg_error ? A_BOLD : A_DIM);
}

/* Draws row k of the help at line y if it is in [top, top+n), wrapping
 * text at HELP_X under itself, with label (a key, a mark) before it.
 * Returns the row after it. */
static size_t help_entry(struct files_view *v, size_t k, const char *label, const char *text,
			 size_t top, size_t n)
{
	struct textwidth_line lines[16];
	char *clean = textwidth_sanitize_line(text);
	size_t nl;

	if (!clean)
		return k;
	nl = textwidth_wrap(clean, v->cols - HELP_X - 1, lines, sizeof lines / sizeof lines[0]);
	for (size_t l = 0; l < nl && l < sizeof lines / sizeof lines[0]; l++, k++) {
		if (k < top || k >= top + n)
			continue;
		if (!l)
			put_cut(v->w, 1 + (int)(k - top), 3, label, HELP_X - 4, A_BOLD);
		ui_put(v->w, 1 + (int)(k - top), HELP_X, clean + lines[l].start, lines[l].len,
		       v->cols - HELP_X, A_NORMAL);
	}
	free(clean);
	return k;
}

/* The help of the files view: the keys of the binding table's IN_FILES
 * rows, then the mark of a file answered against another version. Draws
 * the rows [top, top+n) from line 1 and returns how many there are. */
static size_t help_rows(struct files_view *v, size_t top, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < ui_n_bindings; i++) {
		const struct binding *b = &ui_bindings[i];
		if (b->name && (b->where & IN_FILES))
			k = help_entry(v, k, b->name, _(b->help), top, n);
	}
	k++; /* a blank row */
	return help_entry(v, k, "*",
			  _("answered against another version of the checklist: items it does "
			    "not have are left unanswered"),
			  top, n);
}

static void draw_help(struct files_view *v)
{
	size_t body = (size_t)v->rows - 2, total = help_rows(v, 0, 0);

	if (v->help_top + body > total)
		v->help_top = total > body ? total - body : 0;
	/* TRANSLATORS: the title of the files view's help (? in tenken DIR). */
	put_cut(v->w, 0, 0, _("Keys of the files view"), v->cols, A_BOLD);
	help_rows(v, v->help_top, body);
	put_cut(v->w, v->rows - 1, 0, _("q Esc ?:close  j k Space:scroll"), v->cols, A_DIM);
}

static void draw(struct files_view *v)
{
	const struct connectors *cs = v->f->cs;
	int body = v->rows - 3;

	werase(v->w);
	if (v->cols < FILES_MIN_COLS || v->rows < FILES_MIN_ROWS) {
		char msg[256];
		snprintf(msg, sizeof msg,
			 _("Terminal too small: %dx%d. tenken needs %dx%d. q quits."), v->cols,
			 v->rows, FILES_MIN_COLS, FILES_MIN_ROWS);
		put_cut(v->w, 0, 0, msg, v->cols, A_BOLD);
		wnoutrefresh(v->w);
		return;
	}
	if (v->help) {
		draw_help(v);
		wnoutrefresh(v->w);
		return;
	}
	draw_heads(v);
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + (size_t)body)
		v->top = v->cursor - (size_t)body + 1;
	if (!cs->n)
		put_cut(v->w, 2, 1, _("No answer files (*.db) in this folder."), v->cols - 1,
			A_DIM);
	for (size_t k = v->top; k < cs->n && k < v->top + (size_t)body; k++) {
		int y = 2 + (int)(k - v->top);
		draw_row(v, k, y);
		if (k == v->cursor)
			mvwchgat(v->w, y, 0, -1, A_REVERSE, 0, NULL);
	}
	draw_footer(v);
	wnoutrefresh(v->w);
}

/* (Re)makes the window for the terminal's size. */
static void layout(struct files_view *v)
{
	getmaxyx(stdscr, v->rows, v->cols);
	if (v->w)
		delwin(v->w);
	clearok(curscr, TRUE);
	if (!(v->w = newwin(v->rows, v->cols, 0, 0)))
		abort(); /* nothing can be drawn without it */
	leaveok(v->w, TRUE);
	columns(v);
}

/* Reads the next key, waiting at most a second. Returns the key (a curses
 * key as UI_KEYCODE), 0 if none came, or -1 when the terminal has gone. */
static int read_key(void)
{
	static int empty_reads;
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	int rc, got, pending = 0;
	wint_t wc;

	rc = poll(&p, 1, 1000);
	if (rc < 0 && errno != EINTR)
		return -1;
	if (rc > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		return -1;
	/* Nothing typed, or a signal: a resize is a key curses has ready. */
	wtimeout(stdscr, rc > 0 ? 1000 : 0);
	got = wget_wch(stdscr, &wc);
	if (got == KEY_CODE_YES || got == OK) {
		empty_reads = 0;
		return got == OK ? (int)wc : UI_KEYCODE((int)wc);
	}
	if (rc > 0 && ioctl(STDIN_FILENO, FIONREAD, &pending) == 0 && pending == 0 &&
	    ++empty_reads > 20)
		return -1;
	return 0;
}

/* Carries out action act. Returns 1 when a file is chosen, -1 to quit,
 * else 0. */
static int act(struct files_view *v, enum action act)
{
	size_t n = v->f->cs->n, page = v->rows > 4 ? (size_t)v->rows - 3 : 1;

	v->msg[0] = '\0';
	switch (act) {
	case ACT_DOWN:
		v->cursor += v->cursor + 1 < n;
		break;
	case ACT_UP:
		v->cursor -= v->cursor > 0;
		break;
	case ACT_PAGE_DOWN:
		v->cursor = n && v->cursor + page < n ? v->cursor + page : (n ? n - 1 : 0);
		break;
	case ACT_PAGE_UP:
		v->cursor = v->cursor > page ? v->cursor - page : 0;
		break;
	case ACT_TOP:
		v->cursor = 0;
		break;
	case ACT_BOTTOM:
		v->cursor = n ? n - 1 : 0;
		break;
	case ACT_OPEN:
		if (v->cursor < n && v->f->cs->files[v->cursor].a)
			return 1;
		if (v->cursor < n) {
			/* TRANSLATORS: the files view, Enter on a file that cannot
			   be opened: %s is why. */
			snprintf(v->msg, sizeof v->msg, _("Cannot open it: %s"),
				 v->f->cs->files[v->cursor].why);
			v->msg_error = 1;
		}
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_HELP:
		v->help = 1;
		v->help_top = 0;
		break;
	case ACT_QUIT:
		return -1;
	default:
		break;
	}
	return 0;
}

/* Carries out action act (a binding of IN_HELP) on the help. */
static void help_act(struct files_view *v, enum action act)
{
	size_t page = v->rows > 3 ? (size_t)v->rows - 3 : 1;

	switch (act) {
	case ACT_DOWN:
		v->help_top++; /* draw_help keeps it in bounds */
		break;
	case ACT_UP:
		v->help_top -= v->help_top > 0;
		break;
	case ACT_PAGE_DOWN:
		v->help_top += page;
		break;
	case ACT_PAGE_UP:
		v->help_top = v->help_top > page ? v->help_top - page : 0;
		break;
	case ACT_TOP:
		v->help_top = 0;
		break;
	case ACT_BOTTOM:
		v->help_top = (size_t)-1 / 2;
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_CLOSE:
	case ACT_HELP:
	case ACT_QUIT:
		v->help = 0;
		break;
	default:
		break;
	}
}

/* The keys until a file is chosen or the user quits: 1 or 0. */
static int loop(struct files_view *v)
{
	for (;;) {
		const struct binding *b;
		int key, rc;

		draw(v);
		doupdate();
		if ((key = read_key()) < 0 || ui_stopping())
			return 0;
		if (key == UI_KEYCODE(KEY_RESIZE)) {
			layout(v);
			continue;
		}
		if (key == 'q' && (v->cols < FILES_MIN_COLS || v->rows < FILES_MIN_ROWS))
			return 0;
		if (key && v->help && (b = ui_binding(key, IN_HELP)))
			help_act(v, b->action);
		else if (key && !v->help && (b = ui_binding(key, IN_FILES)) &&
			 (rc = act(v, b->action)) != 0)
			return rc > 0;
	}
}

int ui_files_run(const struct ui_files *f, size_t *cursor, char *err, size_t errlen)
{
	struct files_view v = {.f = f, .cursor = *cursor};
	SCREEN *scr;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "%s", _("the full-screen interface needs a terminal"));
		return -1;
	}
	if (!(scr = newterm(NULL, stdout, stdin))) {
		snprintf(err, errlen, _("cannot use the terminal \"%s\""),
			 getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	set_term(scr);
	raw();
	noecho();
	nonl();
	set_escdelay(50);
	curs_set(0);
	leaveok(stdscr, TRUE);
	keypad(stdscr, TRUE);
	ui_buffer_output();
	if (f->msg)
		snprintf(v.msg, sizeof v.msg, "%s", f->msg), v.msg_error = 1;
	if (v.cursor >= f->cs->n)
		v.cursor = 0;
	layout(&v);
	rc = loop(&v);
	*cursor = v.cursor;
	delwin(v.w);
	endwin();
	delscreen(scr);
	return rc;
}
