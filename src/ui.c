/* ui: terminal set-up, colours, the main loop, keys, signals and resize.
 * The views (ui_list.c, ui_item.c, ui_dialog.c, ui_edit.c) draw into the
 * body window and act on keys; this file owns everything around them. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "examples.h"
#include "gettext.h"
#include "textwidth.h"
#include "ui_impl.h"

/* Set by SIGHUP/SIGTERM/SIGINT; the main loop keeps the draft and ends. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

int ui_stopping(void)
{
	return stop_signal != 0;
}

void ui_push(struct ui *u, const struct view *v)
{
	if (u->depth < (int)(sizeof u->stack / sizeof u->stack[0]))
		u->stack[u->depth++] = v;
}

void ui_pop(struct ui *u)
{
	if (u->depth > 1)
		u->depth--;
}

const struct view *ui_top(const struct ui *u)
{
	return u->stack[u->depth - 1];
}

void ui_message(struct ui *u, int is_error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = is_error;
}

int ui_can_write(struct ui *u)
{
	if (u->o->read_only || !u->st) {
		ui_message(u, 1, "%s", _("Opened read-only (-R): answers cannot be changed"));
		return 0;
	}
	return 1;
}

int ui_item_visible(const struct ui *u, size_t i)
{
	const struct checklist *cl = u->cl;
	size_t t = cl->items[i].target;

	if (!u->filter)
		return 1;
	return t == (size_t)(u->filter - 1) || strcmp(cl->targets[t].id, "common") == 0;
}

/* Draws len bytes of UTF-8 at (y, x), at most maxw columns, showing control
 * characters as ^X and invalid bytes as U+FFFD so that nothing from a file
 * or an answer reaches the terminal as a control sequence. Returns the
 * columns drawn. */
int ui_put(WINDOW *w, int y, int x, const char *s, size_t len, int maxw, int attr)
{
	int used = 0;

	if (maxw <= 0 || x >= getmaxx(w))
		return 0;
	wattrset(w, attr);
	wmove(w, y, x);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		char vis[TEXTWIDTH_VISIBLE_MAX];
		int visible, cw;
		i += textwidth_decode(s + i, len - i, &cp);
		cw = textwidth_visible(cp, vis, &visible);
		if (used + cw > maxw)
			break;
		/* A control or format character is shown by its visible form, in
		 * reverse video, so that it cannot pass for typed text. */
		if (visible)
			wattrset(w, attr ^ A_REVERSE);
		if (cp == 0x20 || (!visible && cp < 0x80)) {
			waddch(w, (chtype)cp);
		} else {
			wchar_t wc[TEXTWIDTH_VISIBLE_MAX];
			size_t n = mbstowcs(wc, vis, TEXTWIDTH_VISIBLE_MAX);
			if (n != (size_t)-1)
				waddnwstr(w, wc, (int)n);
		}
		if (visible)
			wattrset(w, attr);
		used += cw;
	}
	return used;
}

static void init_attrs(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");
	int color = has_colors() && !(nc && *nc);

	for (int i = 0; i < ATTR_COUNT; i++)
		u->attrs[i] = A_NORMAL;
	u->attrs[ATTR_DIM] = A_DIM;
	u->attrs[ATTR_BOLD] = A_BOLD;
	u->attrs[ATTR_HEADING] = A_BOLD;
	u->attrs[ATTR_TITLE] = A_BOLD;
	u->attrs[ATTR_LABEL] = A_BOLD;
	u->attrs[ATTR_EMPTY] = A_DIM;
	u->attrs[ATTR_STATUS + STATUS_UNANSWERED] = A_BOLD;
	if (!color)
		return;
	start_color();
	use_default_colors();
	static const short fg[] = {COLOR_GREEN, COLOR_YELLOW, COLOR_RED, COLOR_BLUE, COLOR_CYAN,
				   COLOR_MAGENTA};
	for (short i = 0; i < 6; i++)
		init_pair(i + 1, fg[i], -1);
	u->attrs[ATTR_STATUS + STATUS_IMPLEMENTED] = COLOR_PAIR(1);
	u->attrs[ATTR_STATUS + STATUS_PARTIAL] = COLOR_PAIR(2);
	u->attrs[ATTR_STATUS + STATUS_NOT_IMPLEMENTED] = COLOR_PAIR(3) | A_BOLD;
	u->attrs[ATTR_STATUS + STATUS_NOT_APPLICABLE] = COLOR_PAIR(4);
	u->attrs[ATTR_HEADING] = COLOR_PAIR(5) | A_BOLD;
	u->attrs[ATTR_LABEL] = COLOR_PAIR(6) | A_BOLD;
}

enum { MIN_COLS = 40, MIN_ROWS = 10 };

/* (Re)creates the header, body and footer windows for the screen size and
 * rebuilds what depends on the width. */
static void layout(struct ui *u)
{
	getmaxyx(stdscr, u->rows, u->cols);
	u->too_small = u->cols < MIN_COLS || u->rows < MIN_ROWS;
	if (u->header)
		delwin(u->header), delwin(u->body), delwin(u->footer);
	u->header = u->body = u->footer = NULL;
	if (u->too_small)
		return;
	u->header = newwin(1, u->cols, 0, 0);
	u->body = newwin(u->rows - 2, u->cols, 1, 0);
	u->footer = newwin(1, u->cols, u->rows - 1, 0);
	idlok(u->body, TRUE);
	keypad(u->body, TRUE);
	keypad(u->footer, TRUE);
	nodelay(u->body, TRUE);
	nodelay(u->footer, TRUE);
	ui_list_build(u);
	if (u->notes_open)
		ui_item_build(u);
	ui_help_build(u);
}

static void draw_header(struct ui *u)
{
	WINDOW *w = u->header;
	size_t counts[STATUS_COUNT];
	char right[256];
	const char *title;
	int x, rw;

	answers_count(u->a, 0, u->cl->n_items, counts);
	snprintf(right, sizeof right, "%s%zu/%zu",
		 u->o->read_only || !u->st ? _("[read-only] ") : "",
		 u->cl->n_items - counts[STATUS_UNANSWERED], u->cl->n_items);
	werase(w);
	wbkgdset(w, ' ' | A_REVERSE);
	wattrset(w, A_REVERSE);
	mvwhline(w, 0, 0, ' ', u->cols);
	rw = (int)textwidth_str(right);
	x = ui_put(w, 0, 0, " ", 1, u->cols, A_REVERSE | A_BOLD);
	title = text_get(&u->cl->title, u->lang);
	x += ui_put(w, 0, x, title, strlen(title), u->cols - rw - x - 2, A_REVERSE | A_BOLD);
	x += ui_put(w, 0, x, "  ", 2, u->cols - rw - x - 2, A_REVERSE);
	ui_put(w, 0, x, u->o->path, strlen(u->o->path), u->cols - rw - x - 2, A_REVERSE);
	ui_put(w, 0, u->cols - rw - 1, right, strlen(right), rw, A_REVERSE | A_BOLD);
	wbkgdset(w, ' ');
	wnoutrefresh(w);
}

static void draw_footer(struct ui *u)
{
	WINDOW *w = u->footer;
	const char *text = u->msg[0] ? u->msg : ui_top(u)->hints(u);

	werase(w);
	ui_put(w, 0, 0, text, strlen(text), u->cols - 1,
	       u->msg[0] && u->msg_error ? (int)A_BOLD | u->attrs[ATTR_STATUS + STATUS_NOT_IMPLEMENTED]
					 : u->attrs[ATTR_DIM]);
	wnoutrefresh(w);
}

static void draw(struct ui *u)
{
	int base = u->depth - 1;

	if (u->too_small) {
		char msg[128];
		erase();
		snprintf(msg, sizeof msg, _("The terminal is too small (%dx%d; tenken needs %dx%d)"),
			 COLS, LINES, MIN_COLS, MIN_ROWS);
		ui_put(stdscr, 0, 0, msg, strlen(msg), COLS, A_BOLD);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	curs_set(0);
	/* Where nothing is typed, the hidden cursor stays wherever drawing
	 * left it instead of being sent back to the footer after every key. */
	int typing = ui_top(u) == &ui_editor_view || ui_top(u) == &ui_prompt_view;
	leaveok(u->header, TRUE);
	leaveok(u->body, !typing);
	leaveok(u->footer, !typing);
	while (base > 0 && u->stack[base]->overlay)
		base--;
	draw_header(u);
	for (int i = base; i < u->depth; i++)
		u->stack[i]->draw(u);
	wnoutrefresh(u->body);
	draw_footer(u);
	/* The editor and the prompt place the cursor last. */
	if (ui_top(u) == &ui_editor_view || ui_top(u) == &ui_prompt_view)
		ui_top(u)->draw(u);
	doupdate();
}

/* The script notation: characters stand for themselves; <Name> is a key
 * (Enter Esc Tab BS Del Up Down Left Right Home End PgUp PgDn, KEnter for
 * the keypad's Enter, C-x for a control key, lt for '<'); <Idle> lets the editor's idle time pass;
 * <Hup> is a hang-up; <Resize COLSxROWS> resizes the terminal. */
static int script_next(struct ui *u)
{
	static const struct {
		const char *name;
		int key;
	} names[] = {
		{"Enter", '\r'}, {"Esc", UI_ESC}, {"Tab", '\t'}, {"BS", UI_KEYCODE(KEY_BACKSPACE)},
		{"Del", UI_KEYCODE(KEY_DC)}, {"Up", UI_KEYCODE(KEY_UP)},
		{"Down", UI_KEYCODE(KEY_DOWN)}, {"Left", UI_KEYCODE(KEY_LEFT)},
		{"Right", UI_KEYCODE(KEY_RIGHT)}, {"Home", UI_KEYCODE(KEY_HOME)},
		{"End", UI_KEYCODE(KEY_END)}, {"PgUp", UI_KEYCODE(KEY_PPAGE)},
		{"PgDn", UI_KEYCODE(KEY_NPAGE)}, {"KEnter", UI_KEYCODE(KEY_ENTER)}, {"lt", '<'},
	};
	const char *s = u->script;
	uint32_t cp;

	if (!*s)
		return -1;
	if (*s == '<') {
		const char *end = strchr(s, '>');
		size_t n = end ? (size_t)(end - s - 1) : 0;
		int cols, rows;
		u->script = end ? end + 1 : s + strlen(s);
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n && !strncmp(s + 1, names[i].name, n))
				return names[i].key;
		if (n == 3 && s[1] == 'C' && s[2] == '-')
			return UI_CTRL(s[3]);
		if (!strncmp(s + 1, "Idle>", 5)) {
			u->ed_last_key.tv_sec -= 60;
			return 0;
		}
		if (!strncmp(s + 1, "Hup>", 4)) {
			stop_signal = SIGHUP;
			return 0;
		}
		if (sscanf(s + 1, "Resize %dx%d", &cols, &rows) == 2) {
			resizeterm(rows, cols);
			return UI_KEYCODE(KEY_RESIZE);
		}
		return 0;
	}
	u->script += textwidth_decode(s, strlen(s), &cp);
	return (int)cp;
}

/* Reads the next key, waiting at most timeout_ms. Returns the key, 0 if
 * none came, or -1 when the terminal has gone (end of file, EIO, hang-up). */
static int next_key(struct ui *u, int timeout_ms)
{
	static int empty_reads;
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	wint_t wc;
	int rc;

	if (u->script)
		return script_next(u);
	for (int pass = 0; pass < 2; pass++) {
		WINDOW *w = !u->body ? stdscr : ui_top(u) == &ui_prompt_view ? u->footer : u->body;
		rc = wget_wch(w, &wc);
		if (rc == KEY_CODE_YES) {
			empty_reads = 0;
			return UI_KEYCODE((int)wc);
		}
		if (rc == OK) {
			empty_reads = 0;
			return (int)wc;
		}
		if (pass)
			break;
		rc = poll(&p, 1, timeout_ms);
		if (rc < 0 && errno == EINTR)
			continue; /* SIGWINCH: curses has KEY_RESIZE ready */
		if (rc < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
			return -1;
		if (rc == 0)
			return 0;
	}
	/* Readable but no key, again and again: end of file. */
	return ++empty_reads > 20 ? -1 : 0;
}

static void handle_resize(struct ui *u)
{
	layout(u);
	clearok(curscr, TRUE);
}

static void loop(struct ui *u)
{
	while (!u->quit) {
		draw(u);
		int key = next_key(u, 250);
		if (stop_signal || key < 0) {
			ui_editor_keep_draft(u);
			break;
		}
		if (key == 0) {
			ui_editor_tick(u);
			continue;
		}
		if (key == UI_KEYCODE(KEY_RESIZE)) {
			handle_resize(u);
			continue;
		}
		if (u->too_small) {
			if (key == 'q' || key == UI_CTRL('c'))
				u->quit = 1;
			continue;
		}
		if (key == UI_CTRL('l')) {
			clearok(curscr, TRUE);
			continue;
		}
		u->msg[0] = '\0';
		ui_top(u)->key(u, key);
	}
}

/* Copies the screen's text, row by row, into a new string. */
static char *dump_screen(void)
{
	size_t cap = (size_t)LINES * ((size_t)COLS * 4 + 2) + 1, len = 0;
	char *out = malloc(cap);
	wchar_t *line = calloc((size_t)COLS + 1, sizeof *line);

	if (!out || !line) {
		free(out);
		free(line);
		return NULL;
	}
	for (int y = 0; y < LINES; y++) {
		int n = mvwinnwstr(curscr, y, 0, line, COLS);
		size_t end = len;
		for (int i = 0; i < n && line[i]; i++) {
			char mb[MB_LEN_MAX];
			mbstate_t st = {0};
			size_t k = wcrtomb(mb, line[i], &st);
			if (k == (size_t)-1)
				continue;
			memcpy(out + len, mb, k);
			len += k;
			if (line[i] != L' ')
				end = len;
		}
		len = end; /* no trailing blanks */
		out[len++] = '\n';
	}
	out[len] = '\0';
	free(line);
	return out;
}

static int start_terminal(struct ui *u, SCREEN **scr, FILE **fin, FILE **fout, char *err,
			  size_t errlen)
{
	if (u->script) {
		char n[16];
		snprintf(n, sizeof n, "%d", u->o->script_rows ? u->o->script_rows : 24);
		setenv("LINES", n, 1);
		snprintf(n, sizeof n, "%d", u->o->script_cols ? u->o->script_cols : 80);
		setenv("COLUMNS", n, 1);
		*fin = fopen("/dev/null", "r");
		*fout = fopen("/dev/null", "w");
		const char *term = getenv("TERM");
		*scr = *fin && *fout ? newterm(term && *term ? term : "xterm-256color", *fout, *fin)
				     : NULL;
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			snprintf(err, errlen, "%s", _("the full-screen interface needs a terminal"));
			return -1;
		}
		*scr = newterm(NULL, stdout, stdin);
	}
	if (!*scr) {
		snprintf(err, errlen, _("cannot use the terminal \"%s\""),
			 getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	set_term(*scr);
	raw(); /* Ctrl-C and Ctrl-Z are keys: nothing typed is lost to them */
	noecho();
	nonl();
	set_escdelay(50);
	curs_set(0);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	return 0;
}

static void set_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* Puts the user where they asked: a section, an item, or a recovered
 * draft first. */
static void start_views(struct ui *u)
{
	const struct ui_options *o = u->o;

	ui_push(u, &ui_list_view);
	if (o->section > 0) {
		long s = checklist_find_section(u->cl, o->section);
		if (s >= 0 && u->cl->sections[s].n_items)
			ui_list_select_item(u, u->cl->sections[s].first_item);
	}
	if (o->item > 0) {
		long i = checklist_find_item(u->cl, o->item);
		if (i >= 0) {
			ui_list_select_item(u, (size_t)i);
			ui_item_open(u, (size_t)i);
		}
	}
	if (u->st)
		u->drafts = store_drafts(u->st, &u->n_drafts);
	if (u->n_drafts && o->read_only)
		ui_message(u, 0, "%s",
			   _("This file holds unsaved drafts: open it without -R to recover them"));
	else if (u->n_drafts)
		ui_push(u, &ui_recover_view);
}

int ui_run(const struct ui_options *o, char *err, size_t errlen)
{
	struct ui u;
	SCREEN *scr = NULL;
	FILE *fin = NULL, *fout = NULL;
	int rc = 0;

	memset(&u, 0, sizeof u);
	u.o = o;
	u.cl = o->cl;
	u.a = o->a;
	u.st = o->read_only ? NULL : o->st;
	u.script = o->script;
	u.lang = o->lang;
	stop_signal = 0;
	if (start_terminal(&u, &scr, &fin, &fout, err, errlen) != 0) {
		rc = -1;
		goto out;
	}
	if (!u.script)
		set_signals();
	init_attrs(&u);
	layout(&u);
	start_views(&u);
	loop(&u);
	if (o->dump) {
		draw(&u);
		*o->dump = dump_screen();
	}
	if (u.header)
		delwin(u.header), delwin(u.body), delwin(u.footer);
	endwin();
out:
	if (scr)
		delscreen(scr);
	if (fin)
		fclose(fin);
	if (fout)
		fclose(fout);
	editor_free(&u.ed);
	editor_free(&u.prompt);
	store_drafts_free(u.drafts, u.n_drafts);
	free(u.notes_open);
	examples_free(u.ex_set);
	doc_free(&u.list);
	doc_free(&u.item);
	doc_free(&u.help);
	return rc;
}
