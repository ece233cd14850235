/* ui: the full-screen interface's terminal, main loop and dispatcher. The
 * views (ui_list.c, ui_item.c, ui_help.c, ui_edit.c and the dialogs) each
 * keep their own state and return requests; this file alone opens and
 * closes them, carries out what they ask, tells them what changed, and
 * draws only when something did. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "gettext.h"
#include "place.h"
#include "search.h"
#include "store.h"
#include "textwidth.h"
#include "ui_external.h"
#include "ui_view.h"
#include "ui_views.h"

enum { MIN_COLS = 40, MIN_ROWS = 10, TICK_MS = 250, POLL_MS = 1000, DRAW_MS = 100 };

/* Set by SIGHUP/SIGTERM/SIGINT; the main loop keeps the draft and ends. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

/* A resize: curses' own handler (chained) makes it a key, but only
 * wget_wch returns that key, and a resize that comes while tenken draws
 * interrupts no poll: the flag says a KEY_RESIZE waits to be read. */
static volatile sig_atomic_t resized;
static struct sigaction curses_winch;

static void on_winch(int sig)
{
	resized = 1;
	if (curses_winch.sa_handler != SIG_DFL && curses_winch.sa_handler != SIG_IGN)
		curses_winch.sa_handler(sig);
}

int ui_stopping(void)
{
	return stop_signal != 0;
}

void ui_message(struct ui *u, int is_error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = is_error;
	u->dirty = 1;
}

int ui_item_visible(const struct ui *u, size_t i)
{
	const struct checklist *cl = u->cl;
	size_t t = cl->items[i].target;

	if (!u->filter)
		return 1;
	return t == (size_t)(u->filter - 1) || strcmp(cl->targets[t].id, "common") == 0;
}

void ui_progress(const struct ui *u, size_t first, size_t n, char *out, size_t len)
{
	size_t shown = 0, done = 0, no_status = 0;

	for (size_t i = first; i < first + n; i++) {
		if (!ui_item_visible(u, i))
			continue;
		shown++;
		done += u->a->status[i] != STATUS_UNANSWERED;
		no_status += (size_t)answers_no_status(u->a, i);
	}
	if (no_status)
		snprintf(out, len, "%zu/%zu ?%zu", done, shown, no_status);
	else
		snprintf(out, len, "%zu/%zu", done, shown);
}

/* Writes the target filter's name, "(API接続先+共通)", or "" when every
 * item is shown. */
static void filter_name(const struct ui *u, char *out, size_t len)
{
	const char *common = NULL;

	*out = '\0';
	if (!u->filter)
		return;
	for (size_t t = 0; t < u->cl->n_targets; t++)
		if (strcmp(u->cl->targets[t].id, "common") == 0)
			common = text_get(&u->cl->targets[t].name, u->lang);
	snprintf(out, len, common ? "(%s+%s)" : "(%s)",
		 text_get(&u->cl->targets[u->filter - 1].name, u->lang), common);
}

const struct examples *ui_examples(struct ui *u)
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

long long ui_now_ms(const struct ui *u)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000 + u->clock_skew_ms;
}

WINDOW *ui_body_window(struct ui *u, int typing)
{
	WINDOW *w = newwin(u->rows - 2, u->cols, 1, 0);

	if (!w)
		abort(); /* the interface cannot draw without its windows */
	leaveok(w, !typing);
	return w;
}

WINDOW *ui_dialog_window(struct ui *u, int w, int h)
{
	int rows = u->rows - 2;
	WINDOW *win;

	if (w > u->cols)
		w = u->cols;
	if (h > rows)
		h = rows;
	win = newwin(h, w, 1 + (rows - h) / 2, (u->cols - w) / 2);
	if (!win)
		abort();
	leaveok(win, TRUE);
	return win;
}

void ui_box(WINDOW *w)
{
	int h = getmaxy(w), wd = getmaxx(w);

	wattrset(w, A_NORMAL);
	for (int r = 0; r < h; r++) {
		mvwaddch(w, r, 0, r == 0 || r == h - 1 ? '+' : '|');
		mvwaddch(w, r, wd - 1, r == 0 || r == h - 1 ? '+' : '|');
	}
	mvwhline(w, 0, 1, '-', wd - 2);
	mvwhline(w, h - 1, 1, '-', wd - 2);
}

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

/* ---- The stack of views ---- */

static struct view_slot *top(struct ui *u)
{
	return &u->stack[u->depth - 1];
}

/* Opens a view for req on top of the others. Returns 0, or -1 if it could
 * not open (the view said why) or the stack is full. */
static int push(struct ui *u, const struct view_ops *ops, const struct request *req)
{
	void *state;

	if (u->depth == (int)(sizeof u->stack / sizeof u->stack[0]))
		return -1;
	if (!(state = ops->open(u, req)))
		return -1;
	u->stack[u->depth].ops = ops;
	u->stack[u->depth].state = state;
	u->depth++;
	if (ops->layout && !u->too_small)
		ops->layout(u, state);
	u->dirty = 1;
	return 0;
}

/* Takes the slot at index k off the stack; the caller closes it. */
static struct view_slot take(struct ui *u, int k)
{
	struct view_slot s = u->stack[k];

	memmove(&u->stack[k], &u->stack[k + 1], (size_t)(u->depth - k - 1) * sizeof s);
	u->depth--;
	u->dirty = 1;
	return s;
}

static void close_slot(struct ui *u, struct view_slot s)
{
	if (s.ops->close)
		s.ops->close(u, s.state);
}

/* The index of the topmost open view with these operations, or -1. */
static int find(struct ui *u, const struct view_ops *ops)
{
	for (int k = u->depth - 1; k >= 0; k--)
		if (u->stack[k].ops == ops)
			return k;
	return -1;
}

/* Tells every view that item changed; closes those that can no longer
 * show what they showed (the base view stays). */
/* Forgets whether the last search finds item (every item's for
 * UI_ALL_ITEMS): its answers, or the search, changed. */
static void forget_matches(struct ui *u, size_t item)
{
	if (!u->matched)
		return;
	if (item == UI_ALL_ITEMS)
		memset(u->matched, 0, u->cl->n_items ? u->cl->n_items : 1);
	else if (item < u->cl->n_items)
		u->matched[item] = 0;
}

/* Tells every view that item (or UI_ALL_ITEMS) changed on screen. */
static void views_changed(struct ui *u, size_t item)
{
	for (int k = u->depth - 1; k >= 0; k--) {
		struct view_slot *s = &u->stack[k];
		int r = s->ops->changed ? s->ops->changed(u, s->state, item) : 0;
		if (r & UI_CLOSE && k > 0)
			close_slot(u, take(u, k));
		if (r & UI_REDRAW)
			u->dirty = 1;
	}
}

/* Tells every view that item's answers changed (every item's, for
 * UI_ALL_ITEMS); what search knows of it is forgotten. */
static void broadcast_changed(struct ui *u, size_t item)
{
	if (u->si)
		search_index_forget(u->si, item == UI_ALL_ITEMS ? u->cl->n_items : item);
	forget_matches(u, item);
	views_changed(u, item);
}

/* Moves every view to item: the list selects it, an open item shows it. */
static void go_to(struct ui *u, size_t item)
{
	for (int k = 0; k < u->depth; k++)
		if (u->stack[k].ops->go_to)
			u->stack[k].ops->go_to(u, u->stack[k].state, item);
	u->dirty = 1;
}

/* The item the user is on: the topmost view's that is on one. */
static int current_item(struct ui *u, size_t *item)
{
	for (int k = u->depth - 1; k >= 0; k--)
		if (u->stack[k].ops->current)
			return u->stack[k].ops->current(u, u->stack[k].state, item);
	return 0;
}

/* ---- What the dispatcher does for the views ---- */

static void notice_others(struct ui *u);

static int can_write(struct ui *u)
{
	if (u->o->file_read_only) {
		ui_message(u, 1, "%s",
			   _("The answer file is read-only: answers cannot be changed"));
		return 0;
	}
	if (u->o->read_only || !u->st) {
		ui_message(u, 1, "%s", _("Opened read-only (-R): answers cannot be changed"));
		return 0;
	}
	return 1;
}

static void set_status(struct ui *u, size_t item, enum status s)
{
	char err[1024] = "";
	int rc = store_set_status(u->st, u->a, item, s, err, sizeof err);

	if (rc == STORE_CHANGED) {
		broadcast_changed(u, item);
		ui_message(
			u, 1,
			_("Item %s's status was changed meanwhile in the file, to %s; set it again "
			  "to change it"),
			u->cl->items[item].label, status_name(u->a->status[item]));
		return;
	}
	if (rc != 0) {
		ui_message(u, 1, "%s", err);
		return;
	}
	broadcast_changed(u, item);
	ui_message(u, 0, _("Item %s: %s (saved)"), u->cl->items[item].label, status_name(s));
}

/* Sets the review's verdict of item, as set_status sets a status. */
static void set_verdict(struct ui *u, size_t item, enum verdict v)
{
	char err[1024] = "", shown[128];
	int rc = store_set_verdict(u->st, u->a, item, v, 0, err, sizeof err);

	if (rc == STORE_CHANGED) {
		broadcast_changed(u, item);
		ui_message(u, 1,
			   _("Item %s's verdict was changed meanwhile in the file, to %s; set it "
			     "again to change it"),
			   u->cl->items[item].label,
			   verdict_shown(u->a->verdict[item], shown, sizeof shown));
		return;
	}
	if (rc != 0) {
		ui_message(u, 1, "%s", err);
		return;
	}
	broadcast_changed(u, item);
	ui_message(u, 0, _("Item %s: verdict %s (saved)"), u->cl->items[item].label,
		   verdict_shown(v, shown, sizeof shown));
}

/* Sets item's column to text as the editor saves it (C copies last
 * year's): compared with the file, saved, in the history. */
static void set_text(struct ui *u, size_t item, size_t column, const char *text)
{
	char err[1024] = "";
	const char *name = text_get(&u->cl->columns[column].name, u->lang);
	int rc = store_set_text(u->st, u->a, item, column, text, err, sizeof err);

	broadcast_changed(u, item);
	if (rc == STORE_CHANGED)
		ui_message(u, 1,
			   _("Item %s's %s was changed meanwhile in the file; see it, then copy "
			     "again to replace it"),
			   u->cl->items[item].label, name);
	else if (rc != 0)
		ui_message(u, 1, "%s", err);
	else
		ui_message(u, 0, _("Item %s: %s copied from last time (saved)"),
			   u->cl->items[item].label, name);
}

/* Adds text to item's review thread; an empty text adds nothing. */
static void add_comment(struct ui *u, size_t item, const char *text)
{
	char err[1024] = "";

	if (!text || !*text) {
		ui_message(u, 0, "%s", _("No comment added"));
		return;
	}
	if (store_add_comment(u->st, u->a, item, text, err, sizeof err) != 0) {
		ui_message(u, 1, "%s", err);
		return;
	}
	broadcast_changed(u, item);
	ui_message(u, 0, _("Item %s: comment added to the review (saved)"),
		   u->cl->items[item].label);
}

const char *ui_field_name(const struct ui *u, const char *field)
{
	for (size_t c = 0; c < u->cl->n_columns; c++)
		if (strcmp(u->cl->columns[c].id, field) == 0)
			return text_get(&u->cl->columns[c].name, u->lang);
	/* TRANSLATORS: the field of an item's status, in the history and undo. */
	if (strcmp(field, "status") == 0)
		return _("status");
	/* TRANSLATORS: the field of the review's verdict (確認結果), in the
	   history and undo. */
	if (strcmp(field, "verdict") == 0)
		return _("verdict");
	/* TRANSLATORS: a comment of the review's thread, in the history. */
	return strcmp(field, "comment") == 0 ? _("comment") : field;
}

/* Marks item for a bulk status, or unmarks it; in the list the cursor goes
 * on to the next item shown, so that Space Space Space marks a run. */
static void toggle_mark(struct ui *u, size_t item)
{
	u->marked[item] = !u->marked[item];
	if (u->marked[item])
		u->n_marked++;
	else
		u->n_marked--;
	broadcast_changed(u, item);
	if (top(u)->ops == &ui_list_ops)
		for (size_t i = item + 1; i < u->cl->n_items; i++)
			if (ui_item_visible(u, i)) {
				go_to(u, i);
				break;
			}
	if (u->n_marked)
		ui_message(u, 0,
			   ngettext("%zu item marked: s sets its status, Space or m unmarks",
				    "%zu items marked: s sets their status, Space or m unmarks",
				    (unsigned long)u->n_marked),
			   u->n_marked);
	else
		ui_message(u, 0, "%s", _("No item marked"));
}

/* The answers went back to the file's after a batch was given up: reads
 * them again and redraws every view. */
static void reread(struct ui *u)
{
	size_t changed[1];
	char who[64], err[1024];

	store_refresh(u->st, u->a, changed, 1, who, sizeof who, err, sizeof err);
	broadcast_changed(u, UI_ALL_ITEMS);
}

/* Sets the status of every marked item in one transaction, each change in
 * the history, and unmarks them; all or none, if another session changed
 * one of them meanwhile. */
static void set_marked_status(struct ui *u, enum status s)
{
	char err[1024] = "";
	long long before = store_last_change(u->st), first = 0;
	size_t n = 0;
	int rc = store_begin(u->st, err, sizeof err);

	for (size_t i = 0; rc == 0 && i < u->cl->n_items; i++) {
		if (!u->marked[i])
			continue;
		rc = store_set_status(u->st, u->a, i, s, err, sizeof err);
		if (rc == STORE_CHANGED)
			ui_message(
				u, 1,
				_("Item %s's status was changed meanwhile in the file: no status "
				  "set; the items stay marked"),
				u->cl->items[i].label);
		if (!first && store_last_change(u->st) != before)
			first = store_last_change(u->st);
		n++;
	}
	if (rc == 0)
		rc = store_commit(u->st, err, sizeof err);
	if (rc != 0) {
		store_rollback(u->st);
		if (rc < 0)
			ui_message(u, 1, "%s", err);
		reread(u);
		return;
	}
	u->undo_first = first;
	u->undo_last = first ? store_last_change(u->st) : 0;
	memset(u->marked, 0, u->cl->n_items);
	u->n_marked = 0;
	broadcast_changed(u, UI_ALL_ITEMS);
	ui_message(u, 0,
		   ngettext("%zu item: %s (saved)", "%zu items: %s (saved)", (unsigned long)n), n,
		   status_name(s));
}

/* Whether change c is what the answers hold now (nobody changed it since). */
static int still_holds(struct ui *u, const struct store_change *c, long i)
{
	const char *now = NULL;

	if (strcmp(c->field, "status") == 0)
		now = status_key(u->a->status[i]);
	else if (strcmp(c->field, "verdict") == 0)
		now = u->a->verdict[i] ? verdict_info(u->a->verdict[i])->key : "";
	else
		for (size_t k = 0; k < u->cl->n_columns; k++)
			if (strcmp(u->cl->columns[k].id, c->field) == 0)
				now = answers_text(u->a, (size_t)i, k);
	return now && strcmp(now, c->new_value ? c->new_value : "") == 0;
}

/* Puts change c's old value back, in the batch. Returns 0, -1 or
 * STORE_CHANGED. */
static int put_back(struct ui *u, const struct store_change *c, long i, char *err, size_t len)
{
	if (strcmp(c->field, "status") == 0) {
		int old = c->old_value ? status_parse(c->old_value) : STATUS_UNANSWERED;
		return store_set_status(u->st, u->a, (size_t)i,
					old >= 0 ? (enum status)old : STATUS_UNANSWERED, err, len);
	}
	if (strcmp(c->field, "verdict") == 0) {
		int old = c->old_value ? verdict_parse(c->old_value) : VERDICT_NONE;
		return store_set_verdict(u->st, u->a, (size_t)i,
					 old > 0 ? (enum verdict)old : VERDICT_NONE, 0, err, len);
	}
	for (size_t k = 0; k < u->cl->n_columns; k++)
		if (strcmp(u->cl->columns[k].id, c->field) == 0)
			return store_set_text(u->st, u->a, (size_t)i, k, c->old_value, err, len);
	/* A comment: the thread only grows. */
	snprintf(err, len, "%s", _("a comment is never taken back"));
	return -1;
}

/* Says what undo put back. */
static void say_undone(struct ui *u, const struct store_change *c, size_t n)
{
	if (n > 1)
		ui_message(u, 0,
			   ngettext("Undone: the last change to %zu item",
				    "Undone: the last change to %zu items", (unsigned long)n),
			   n);
	else if (strcmp(c->field, "status") == 0)
		ui_message(u, 0, _("Undone: item %d's status is %s again"), c->item,
			   status_name(u->a->status[checklist_find_item(u->cl, c->item)]));
	else
		ui_message(u, 0, _("Undone: item %d's %s is as it was before"), c->item,
			   ui_field_name(u, c->field));
}

/* Whether every change of c[0..n) still holds; if not, says which not. */
static int all_hold(struct ui *u, const struct store_change *c, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		long i = checklist_find_item(u->cl, c[k].item);
		if (i < 0 || !still_holds(u, &c[k], i)) {
			ui_message(
				u, 1,
				_("Not undone: item %d's %s was changed since in another session"),
				c[k].item, ui_field_name(u, c[k].field));
			return 0;
		}
	}
	return 1;
}

/* Undoes this session's last change -- one answer or status, or the last
 * bulk status whole -- from the history, in one transaction that the
 * history records too; refuses if another session changed a value since. */
static void undo(struct ui *u)
{
	long long last = store_last_change(u->st), first = last;
	size_t n = 0;
	struct store_change *c;
	char err[1024] = "";
	int rc;

	if (!last) {
		ui_message(u, 1, "%s", _("Nothing to undo: no change made in this session"));
		return;
	}
	if (u->undo_last == last && u->undo_first)
		first = u->undo_first;
	notice_others(u);
	c = store_history_range(u->st, first, last, &n);
	if (!n || !all_hold(u, c, n)) {
		store_changes_free(c, n);
		return;
	}
	rc = store_begin(u->st, err, sizeof err);
	for (size_t k = n; rc == 0 && k-- > 0;)
		rc = put_back(u, &c[k], checklist_find_item(u->cl, c[k].item), err, sizeof err);
	if (rc == 0 && (rc = store_commit(u->st, err, sizeof err)) == 0) {
		u->undo_first = store_last_change(u->st) - (long long)n + 1;
		u->undo_last = store_last_change(u->st);
		broadcast_changed(u, UI_ALL_ITEMS);
		say_undone(u, &c[0], n);
	} else {
		store_rollback(u->st);
		reread(u);
		if (rc == STORE_CHANGED)
			ui_message(
				u, 1,
				_("Not undone: item %d's %s was changed since in another session"),
				c[0].item, ui_field_name(u, c[0].field));
		else
			ui_message(u, 1, "%s", err);
	}
	store_changes_free(c, n);
}

/* Returns whether item i is shown and shows the last search. */
/* Whether the last search finds item i (shown or not): asked of the
 * index once per search and item, then remembered. */
static int search_finds(struct ui *u, size_t i)
{
	int m;

	if (u->matched && u->matched[i])
		return u->matched[i] > 0;
	m = u->si ? search_index_matches(u->si, u->cl, u->a, ui_examples(u), i, u->lang, u->query)
		  : -1;
	if (m < 0)
		m = search_item_matches(u->cl, u->a, ui_examples(u), i, u->lang, u->query);
	if (u->matched)
		u->matched[i] = m ? 1 : -1;
	return m;
}

static int item_matches(struct ui *u, size_t i)
{
	return ui_item_visible(u, i) && search_finds(u, i);
}

/* Says which match of the last search the user is on: found is the item
 * (its place among the items that match); in, if not NULL, the match's
 * place within the open item, pos of total. */
static void say_match(struct ui *u, size_t found, const size_t *in)
{
	size_t item_pos = 0, items = 0;

	for (size_t i = 0; i < u->cl->n_items; i++)
		if (item_matches(u, i)) {
			items++;
			if (i == found)
				item_pos = items;
		}
	if (in)
		/* TRANSLATORS: the search text; which match of how many in the
		   open item, its number; which item of how many that match. */
		ui_message(u, 0, _("/%s: %zu of %zu in item %s (item %zu of %zu)"), u->query, in[0],
			   in[1], u->cl->items[found].label, item_pos, items);
	else
		/* TRANSLATORS: the search text, then which match of how many. */
		ui_message(u, 0, _("/%s: match %zu of %zu"), u->query, item_pos, items);
}

/* Goes to the next (or previous) match of the last search: within the
 * view on top if it shows them (the item view, match by match), else in
 * the next visible item after the current one that matches, where such a
 * view starts from its first (or last) match. */
static void search_next(struct ui *u, int backwards)
{
	struct view_slot *t = top(u);
	size_t n = u->cl->n_items, cur = 0, found = n, in[2];
	int dir = backwards ? -1 : 1;

	if (!u->query[0]) {
		ui_message(u, 1, "%s", _("No search yet: press / to search"));
		return;
	}
	current_item(u, &cur);
	if (t->ops->match && t->ops->match(u, t->state, dir, 0, &in[0], &in[1])) {
		say_match(u, cur, in);
		return;
	}
	for (size_t k = 1; k <= n && found == n; k++) {
		size_t i = backwards ? (cur + n - k) % n : (cur + k) % n;
		if (item_matches(u, i))
			found = i;
	}
	if (found == n) {
		ui_message(u, 1, _("Not found: %s"), u->query);
		return;
	}
	go_to(u, found);
	if (t->ops->match && t->ops->match(u, t->state, dir, 1, &in[0], &in[1]))
		say_match(u, found, in);
	else
		say_match(u, found, NULL);
}

static void next_unanswered(struct ui *u)
{
	size_t n = u->cl->n_items, cur = 0;

	current_item(u, &cur);
	for (size_t k = 1; k <= n; k++) {
		size_t i = (cur + k) % n;
		if (ui_item_visible(u, i) && u->a->status[i] == STATUS_UNANSWERED &&
		    !answers_no_status(u->a, i)) {
			go_to(u, i);
			return;
		}
	}
	ui_message(u, 0, "%s", _("Every item shown has a status or an answer."));
}

static void cycle_filter(struct ui *u)
{
	size_t keep = 0;
	int on_item = current_item(u, &keep);

	do
		u->filter = (u->filter + 1) % (int)(u->cl->n_targets + 1);
	while (u->filter && strcmp(u->cl->targets[u->filter - 1].id, "common") == 0);
	broadcast_changed(u, UI_ALL_ITEMS);
	if (on_item && ui_item_visible(u, keep))
		go_to(u, keep);
	if (!u->filter)
		ui_message(u, 0, "%s", _("Showing every item"));
	else
		ui_message(u, 0, _("Showing the items for %s and common"),
			   text_get(&u->cl->targets[u->filter - 1].name, u->lang));
}

/* Shows or hides, in the list, the items a bank's overlay does not ask. */
static void toggle_not_asked(struct ui *u)
{
	if (!u->cl->n_not_asked) {
		ui_message(u, 0, "%s", _("This checklist asks every item of its base"));
		return;
	}
	u->show_not_asked = !u->show_not_asked;
	broadcast_changed(u, UI_ALL_ITEMS);
	ui_message(u, 0,
		   u->show_not_asked
			   ? _("Showing the %zu items the overlay does not ask (D hides them)")
			   : _("Hiding the %zu items the overlay does not ask (D shows them)"),
		   u->cl->n_not_asked);
}

static void switch_lang(struct ui *u)
{
	u->lang = u->lang == LANG_JA ? LANG_EN : LANG_JA;
	broadcast_changed(u, UI_ALL_ITEMS);
	ui_message(u, 0, "%s",
		   u->lang == LANG_JA ? _("Checklist text in Japanese, the original")
				      : _("Checklist text in English where translated; L shows the "
					  "Japanese original"));
}

static void carry_out(struct ui *u, const struct request *req);

/* $EDITOR: saved at once, or into the inline editor to be checked. */
static void external_edit(struct ui *u, const struct request *req)
{
	char *text = NULL;
	struct request edit = *req;

	enum external_result r = ui_external_edit(u, req->item, req->column, &text);

	switch (r) {
	case EXTERNAL_SAVED:
		broadcast_changed(u, req->item);
		break;
	case EXTERNAL_CHECK:
	case EXTERNAL_CHANGED:
		edit.type = REQ_EDIT;
		edit.text = text;
		edit.modified = 1;
		if (push(u, &ui_editor_ops, &edit) == 0 && r == EXTERNAL_CHANGED) {
			edit.type = REQ_CONFLICT;
			carry_out(u, &edit);
		}
		break;
	case EXTERNAL_NONE:
		break;
	}
	free(text);
	clearok(curscr, TRUE);
	u->dirty = 1;
}

static void dispatch_key(struct ui *u, int key);

/* Carries out what a view asked for. One case per request, each a call or
 * two: the switch is the dispatcher's table, longer than 60 lines only
 * because it lists every request in one place. */
static void carry_out(struct ui *u, const struct request *req)
{
	switch (req->type) {
	case REQ_NONE:
		break;
	case REQ_OPEN_ITEM:
		go_to(u, req->item);
		if (find(u, &ui_item_ops) < 0)
			push(u, &ui_item_ops, req);
		break;
	case REQ_GO_TO:
		go_to(u, req->item);
		break;
	case REQ_EDIT:
		if (can_write(u)) {
			go_to(u, req->item);
			push(u, &ui_editor_ops, req);
		}
		break;
	case REQ_EXTERNAL:
		if (can_write(u))
			external_edit(u, req);
		break;
	case REQ_STATUS_MENU:
		if (can_write(u)) {
			struct request menu = *req;
			menu.number = (int)u->n_marked;
			push(u, &ui_menu_ops, &menu);
		}
		break;
	case REQ_SET_STATUS:
		if (can_write(u) && u->n_marked)
			set_marked_status(u, (enum status)req->number);
		else if (can_write(u))
			set_status(u, req->item, (enum status)req->number);
		break;
	case REQ_SET_TEXT:
		if (can_write(u))
			set_text(u, req->item, req->column, req->text);
		break;
	case REQ_VERDICT_MENU:
	case REQ_COMMENT_PROMPT:
		if (can_write(u))
			push(u, req->type == REQ_VERDICT_MENU ? &ui_menu_ops : &ui_prompt_ops, req);
		break;
	case REQ_SET_VERDICT:
		if (can_write(u))
			set_verdict(u, req->item, (enum verdict)req->number);
		break;
	case REQ_ADD_COMMENT:
		if (can_write(u))
			add_comment(u, req->item, req->text);
		break;
	case REQ_MARK:
		toggle_mark(u, req->item);
		break;
	case REQ_UNDO:
		if (can_write(u))
			undo(u);
		break;
	case REQ_HISTORY:
		push(u, &ui_history_ops, req);
		break;
	case REQ_CHANGED:
		broadcast_changed(u, req->item);
		break;
	case REQ_CONFIRM:
		push(u, &ui_confirm_ops, req);
		break;
	case REQ_CONFLICT:
		broadcast_changed(u, req->item); /* the views show theirs */
		push(u, &ui_conflict_ops, req);
		break;
	case REQ_REPLY: {
		struct request next = {0};
		int r = top(u)->ops->key(u, top(u)->state, 0, req->action, &next);
		if (r & UI_CLOSE)
			close_slot(u, take(u, u->depth - 1));
		carry_out(u, &next);
		break;
	}
	case REQ_SEARCH_PROMPT:
		push(u, &ui_prompt_ops, req);
		break;
	case REQ_SEARCH:
		if (req->text && *req->text && strcmp(req->text, u->query) != 0) {
			/* The views highlight what the new search finds. */
			snprintf(u->query, sizeof u->query, "%s", req->text);
			forget_matches(u, UI_ALL_ITEMS);
			views_changed(u, UI_ALL_ITEMS);
		}
		search_next(u, 0);
		break;
	case REQ_NEXT_MATCH:
	case REQ_PREV_MATCH:
		search_next(u, req->type == REQ_PREV_MATCH);
		break;
	case REQ_NEXT_UNANSWERED:
		next_unanswered(u);
		break;
	case REQ_FILTER:
		cycle_filter(u);
		break;
	case REQ_NOT_ASKED:
		toggle_not_asked(u);
		break;
	case REQ_LANG:
		switch_lang(u);
		break;
	case REQ_HELP:
		push(u, &ui_help_ops, req);
		break;
	case REQ_EXPORT:
		push(u, &ui_export_ops, req);
		break;
	case REQ_SECTION:
		dispatch_key(u, '0' + req->number);
		break;
	case REQ_QUIT:
		u->quit = 1;
		break;
	}
}

/* The actions every browsing view shares, as requests. */
static int shared_action(struct ui *u, enum action act, struct request *req)
{
	static const struct {
		enum action act;
		enum request_type req;
	} map[] = {
		{ACT_SEARCH, REQ_SEARCH_PROMPT},
		{ACT_NEXT_MATCH, REQ_NEXT_MATCH},
		{ACT_PREV_MATCH, REQ_PREV_MATCH},
		{ACT_UNANSWERED, REQ_NEXT_UNANSWERED},
		{ACT_FILTER, REQ_FILTER},
		{ACT_NOT_ASKED, REQ_NOT_ASKED},
		{ACT_LANG, REQ_LANG},
		{ACT_HELP, REQ_HELP},
		{ACT_QUIT, REQ_QUIT},
		{ACT_EXPORT, REQ_EXPORT},
		{ACT_UNDO, REQ_UNDO},
	};

	static const struct {
		enum action act;
		enum request_type req;
	} on_item[] = {
		{ACT_STATUS, REQ_STATUS_MENU},     {ACT_VERDICT, REQ_VERDICT_MENU},
		{ACT_COMMENT, REQ_COMMENT_PROMPT}, {ACT_MARK, REQ_MARK},
		{ACT_HISTORY, REQ_HISTORY},
	};

	for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
		if (map[k].act == act) {
			req->type = map[k].req;
			return 1;
		}
	for (size_t k = 0; k < sizeof on_item / sizeof on_item[0]; k++)
		if (on_item[k].act == act && current_item(u, &req->item)) {
			req->type = on_item[k].req;
			return 1;
		}
	return 0;
}

/* Hands a key to the top view, with what its binding says; carries out
 * what the view asks, then the actions the browsing views share. */
static void dispatch_key(struct ui *u, int key)
{
	struct view_slot *t = top(u);
	const struct binding *b = ui_binding(key, t->ops->where);
	enum action act = b ? b->action : ACT_NONE;
	struct request req = {0};
	int r;

	if (act == ACT_REDRAW) {
		clearok(curscr, TRUE);
		u->dirty = 1;
		return;
	}
	if (b && (b->needs & NEEDS_WRITE) && !can_write(u))
		return;
	r = t->ops->key(u, t->state, key, act, &req);
	if (!(r & UI_HANDLED) && (t->ops->where & IN_BROWSE))
		shared_action(u, act, &req);
	if (r & UI_REDRAW)
		u->dirty = 1;
	if (r & UI_CLOSE) {
		/* The request may point into the view's state: carry it out first. */
		struct view_slot s = take(u, u->depth - 1);
		carry_out(u, &req);
		close_slot(u, s);
	} else {
		carry_out(u, &req);
	}
}

/* ---- The screen ---- */

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
	u->attrs[ATTR_ADDED] = A_UNDERLINE;
	u->attrs[ATTR_DIM_ADDED] = A_DIM | A_UNDERLINE;
	u->attrs[ATTR_MATCH] = A_REVERSE;
	u->attrs[ATTR_MATCH_ADDED] = A_REVERSE | A_UNDERLINE;
	/* A terminal without reverse video (vt52) shows a match as *match*;
	   NO_COLOR leaves the attributes, which are not colours. */
	u->match_marks = !(termattrs() & A_REVERSE);
	/* Unanswered, the commonest mark, is told apart by its blank "[ ]":
	   drawn plain, it costs no attribute change (15 bytes each). */
	u->attrs[ATTR_STATUS + STATUS_UNANSWERED] = A_NORMAL;
	if (!color)
		return;
	start_color();
	use_default_colors();
	static const short fg[] = {COLOR_GREEN, COLOR_YELLOW,  COLOR_RED, COLOR_BLUE,
				   COLOR_CYAN,  COLOR_MAGENTA, -1};
	for (short i = 0; i < 7; i++)
		init_pair(i + 1, fg[i], -1);
	/* Plain text in an explicit pair of the default colours: from a
	   coloured mark back to it, curses sends the colour alone, not the
	   colour and then sgr0 as it does going back to no attribute. */
	u->attrs[ATTR_NORMAL] = COLOR_PAIR(7);
	u->attrs[ATTR_STATUS + STATUS_IMPLEMENTED] = COLOR_PAIR(1);
	u->attrs[ATTR_STATUS + STATUS_PARTIAL] = COLOR_PAIR(2);
	u->attrs[ATTR_STATUS + STATUS_NOT_IMPLEMENTED] = COLOR_PAIR(3) | A_BOLD;
	u->attrs[ATTR_STATUS + STATUS_NOT_APPLICABLE] = COLOR_PAIR(4);
	u->attrs[ATTR_HEADING] = COLOR_PAIR(5) | A_BOLD;
	u->attrs[ATTR_LABEL] = COLOR_PAIR(6) | A_BOLD;
}

/* (Re)makes the header and footer for the screen size, and has every view
 * lay itself out again. */
static void layout(struct ui *u)
{
	getmaxyx(stdscr, u->rows, u->cols);
	u->too_small = u->cols < MIN_COLS || u->rows < MIN_ROWS;
	/* stdscr, which keys are read through, holds nothing to draw. */
	werase(stdscr);
	wnoutrefresh(stdscr);
	if (u->header)
		delwin(u->header), delwin(u->footer);
	u->header = u->footer = NULL;
	u->dirty = 1;
	if (u->too_small)
		return;
	u->header = newwin(1, u->cols, 0, 0);
	u->footer = newwin(1, u->cols, u->rows - 1, 0);
	leaveok(u->header, TRUE);
	leaveok(u->footer, TRUE);
	for (int k = 0; k < u->depth; k++)
		if (u->stack[k].ops->layout)
			u->stack[k].ops->layout(u, u->stack[k].state);
}

/* Writes path as the header shows it in at most width columns: $HOME as
 * ~, control characters in their visible form, and when it is still too
 * wide its start dropped for "…", whole characters only ("…/tenken/a.db").
 * Writes "" if not even "…" and a character fit. */
static void short_path(const char *path, int width, char *out, size_t len)
{
	const char *home = getenv("HOME");
	size_t hl = home ? strlen(home) : 0;
	char *clean, *p, tilde[4096];

	*out = '\0';
	if (hl > 1 && home[hl - 1] == '/')
		hl--;
	if (hl > 1 && strncmp(path, home, hl) == 0 && (path[hl] == '/' || !path[hl]))
		snprintf(tilde, sizeof tilde, "~%s", path + hl);
	else
		snprintf(tilde, sizeof tilde, "%s", path);
	if (!(clean = textwidth_sanitize_line(tilde)))
		return;
	p = clean;
	if ((int)textwidth_str(p) > width) {
		while (*p && (int)textwidth_str(p) + 1 > width) {
			uint32_t cp;
			p += textwidth_decode(p, strlen(p), &cp);
		}
		if (*p)
			snprintf(out, len, "…%s", p);
	} else {
		snprintf(out, len, "%s", p);
	}
	free(clean);
}

static void draw_header(struct ui *u)
{
	WINDOW *w = u->header;
	char right[512], progress[64], filter[256], path[4096], marks[64];
	const char *title;
	int x, rw;

	ui_progress(u, 0, u->cl->n_items, progress, sizeof progress);
	filter_name(u, filter, sizeof filter);
	*marks = '\0';
	if (u->n_marked)
		/* TRANSLATORS: in the header, the items marked for a bulk status. */
		snprintf(marks, sizeof marks,
			 ngettext("%zu marked  ", "%zu marked  ", (unsigned long)u->n_marked),
			 u->n_marked);
	snprintf(right, sizeof right, "%s%s%s%s%s",
		 u->o->read_only || !u->st ? _("[read-only] ") : "", marks, progress,
		 *filter ? " " : "", filter);
	werase(w);
	wbkgdset(w, ' ' | A_REVERSE);
	wattrset(w, A_REVERSE);
	mvwhline(w, 0, 0, ' ', u->cols);
	rw = (int)textwidth_str(right);
	x = ui_put(w, 0, 0, " ", 1, u->cols, A_REVERSE | A_BOLD);
	title = text_get(&u->cl->title, u->lang);
	x += ui_put(w, 0, x, title, strlen(title), u->cols - rw - x - 2, A_REVERSE | A_BOLD);
	x += ui_put(w, 0, x, "  ", 2, u->cols - rw - x - 2, A_REVERSE);
	short_path(u->o->path, u->cols - rw - x - 2, path, sizeof path);
	ui_put(w, 0, x, path, strlen(path), u->cols - rw - x - 2, A_REVERSE);
	ui_put(w, 0, u->cols - rw - 1, right, strlen(right), rw, A_REVERSE | A_BOLD);
	wbkgdset(w, ' ');
	wnoutrefresh(w);
}

/* Fits a view's key hints into width columns: the hints are listed most
 * important first and end with the quit key (or help), which stays; the
 * hints before it go from the last, then the first ones if need be.
 * Hints are separated by two spaces where one is part of a hint ("j k:choose"),
 * else by one. */
static void fit_hints(const char *hints, int width, char *out, size_t len)
{
	const char *sep = strstr(hints, "  ") ? "  " : " ";
	char copy[1024], *tok[32];
	size_t n = 0, seplen = strlen(sep);

	snprintf(out, len, "%s", hints);
	if ((int)textwidth_str(hints) <= width)
		return;
	snprintf(copy, sizeof copy, "%s", hints);
	for (char *p = copy; p && n < 32;) {
		char *next = strstr(p, sep);
		if (next) {
			*next = '\0';
			next += seplen;
			while (*next == ' ')
				next++;
		}
		tok[n++] = p;
		p = next;
	}
	while (n > 1) {
		size_t used = 0;
		*out = '\0';
		for (size_t k = 0; k < n; k++) {
			used += (size_t)snprintf(out + used, len > used ? len - used : 0, "%s%s",
						 k ? sep : "", tok[k]);
			if (used >= len)
				used = len - 1;
		}
		if ((int)textwidth_str(out) <= width)
			return;
		/* Drops the one before the last. */
		memmove(&tok[n - 2], &tok[n - 1], sizeof tok[0]);
		n--;
	}
	snprintf(out, len, "%s", tok[0]);
}

static void draw_footer(struct ui *u)
{
	WINDOW *w = u->footer;
	struct view_slot *t = top(u);
	char hints[1024];
	const char *text = u->msg;

	if (!u->msg[0]) {
		fit_hints(t->ops->hints ? t->ops->hints(u, t->state) : "", u->cols - 1, hints,
			  sizeof hints);
		text = hints;
	}
	werase(w);
	ui_put(w, 0, 0, text, strlen(text), u->cols - 1,
	       u->msg[0] && u->msg_error
		       ? (int)A_BOLD | u->attrs[ATTR_STATUS + STATUS_NOT_IMPLEMENTED]
		       : u->attrs[ATTR_DIM]);
	wnoutrefresh(w);
}

/* Says that the terminal is too small and what tenken needs, wrapped to
 * the terminal's width; in a shorter form where that does not fit. */
static void draw_too_small(void)
{
	struct textwidth_line lines[16];
	char msg[256];
	size_t n;

	erase();
	/* TRANSLATORS: wrapped to the terminal's width, which may be 20 columns. */
	snprintf(msg, sizeof msg, _("Terminal too small: %dx%d. tenken needs %dx%d. q quits."),
		 COLS, LINES, MIN_COLS, MIN_ROWS);
	n = textwidth_wrap(msg, COLS, lines, 16);
	if (n > (size_t)LINES || n > 16) {
		/* TRANSLATORS: the same, for a terminal of very few rows. */
		snprintf(msg, sizeof msg, _("%dx%d < %dx%d"), COLS, LINES, MIN_COLS, MIN_ROWS);
		n = textwidth_wrap(msg, COLS, lines, 16);
	}
	for (size_t k = 0; k < n && k < 16 && k < (size_t)LINES; k++)
		ui_put(stdscr, (int)k, 0, msg + lines[k].start, lines[k].len, COLS, A_BOLD);
	wnoutrefresh(stdscr);
}

/* Shows the terminal's cursor only where something is typed, and only
 * tells the terminal when that changes. */
static void show_cursor(struct ui *u, int on)
{
	if (u->cursor != on)
		curs_set(on);
	u->cursor = on;
}

/* Draws the header, the views from the last that is not an overlay up,
 * and the footer; the view on top last, so that a typing view's cursor is
 * where the terminal shows it. One doupdate. */
static void draw(struct ui *u)
{
	int base = u->depth - 1, typing = top(u)->ops->flags & VIEW_TYPING;

	if (!u->dirty)
		return;
	u->dirty = 0;
	if (u->too_small) {
		draw_too_small();
		show_cursor(u, 0);
		doupdate();
		return;
	}
	while (base > 0 && u->stack[base].ops->flags & VIEW_OVERLAY)
		base--;
	draw_header(u);
	draw_footer(u);
	for (int k = base; k < u->depth; k++)
		if (u->stack[k].ops->draw)
			u->stack[k].ops->draw(u, u->stack[k].state);
	show_cursor(u, typing != 0);
	doupdate();
}

/* ---- Input ---- */

/* The script notation: characters stand for themselves; <Name> is a key
 * (Enter Esc Tab BS Del Up Down Left Right Home End PgUp PgDn, KEnter for
 * the keypad's Enter, C-x for a control key, C-? for DEL, lt for '<'); <Idle> lets a
 * minute pass; <Hup> is a hang-up; <Hook> calls the test's script_hook
 * (another session's change, say); <Resize COLSxROWS> resizes the
 * terminal. */
static int script_next(struct ui *u)
{
	static const struct {
		const char *name;
		int key;
	} names[] = {
		{"Enter", '\r'},
		{"Esc", UI_ESC},
		{"Tab", '\t'},
		{"BS", UI_KEYCODE(KEY_BACKSPACE)},
		{"Del", UI_KEYCODE(KEY_DC)},
		{"Up", UI_KEYCODE(KEY_UP)},
		{"Down", UI_KEYCODE(KEY_DOWN)},
		{"Left", UI_KEYCODE(KEY_LEFT)},
		{"Right", UI_KEYCODE(KEY_RIGHT)},
		{"Home", UI_KEYCODE(KEY_HOME)},
		{"End", UI_KEYCODE(KEY_END)},
		{"PgUp", UI_KEYCODE(KEY_PPAGE)},
		{"PgDn", UI_KEYCODE(KEY_NPAGE)},
		{"KEnter", UI_KEYCODE(KEY_ENTER)},
		{"C-?", 0x7f},
		{"lt", '<'},
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
			u->clock_skew_ms += 60000;
			return 0;
		}
		if (!strncmp(s + 1, "Hup>", 4)) {
			stop_signal = SIGHUP;
			return 0;
		}
		if (!strncmp(s + 1, "Hook>", 5) && u->o->script_hook) {
			u->o->script_hook(u->o->script_ctx);
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

/* Milliseconds to wait for the rest of a character whose first bytes have
 * come (a character split between two packets over SSH). */
#define SPLIT_MS 1000

/* Whether curses may hold bytes it has read and not yet returned as a key:
 * after an Esc or a function key it reads ahead to tell the two apart. */
static int held;

/* The key read, as next_key returns it; notes whether curses may hold more. */
static int got_key(int rc, wint_t wc)
{
	held = rc == KEY_CODE_YES || wc == 0x1b;
	return rc == OK ? (int)wc : UI_KEYCODE((int)wc);
}

/* Reads the next key, waiting at most timeout_ms. Returns the key, 0 if
 * none came, or -1 when the terminal has gone (end of file, EIO, hang-up).
 * Keys are read through stdscr, which is never drawn on (the views and
 * the header and footer have windows of their own), so that reading never
 * makes curses refresh anything.
 *
 * curses is asked for a key only when there is one to read: the bytes of
 * a character are then read as they come, waiting for the rest of one cut
 * in two (curses without a wait would drop its first bytes). */
static int next_key(struct ui *u, int timeout_ms)
{
	static int empty_reads;
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	wint_t wc;
	int rc, pending = 0;

	if (u->script)
		return script_next(u);
	if (held) {
		held = 0;
		wtimeout(stdscr, 0);
		rc = wget_wch(stdscr, &wc);
		if (rc == KEY_CODE_YES || rc == OK)
			return got_key(rc, wc);
	}
	rc = resized ? -1 : poll(&p, 1, timeout_ms);
	if (resized || (rc < 0 && errno == EINTR)) {
		/* A signal: a resize is a key that curses has ready. */
		resized = 0;
		wtimeout(stdscr, 0);
		rc = wget_wch(stdscr, &wc);
		return rc == KEY_CODE_YES || rc == OK ? got_key(rc, wc) : 0;
	}
	if (rc < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
		return -1;
	if (rc == 0)
		return 0;
	wtimeout(stdscr, SPLIT_MS);
	rc = wget_wch(stdscr, &wc);
	if (rc == KEY_CODE_YES || rc == OK) {
		empty_reads = 0;
		return got_key(rc, wc);
	}
	/* Readable, and nothing read or nothing left, again and again: the
	 * end of the input. */
	if (ioctl(STDIN_FILENO, FIONREAD, &pending) != 0 || pending == 0)
		return ++empty_reads > 20 ? -1 : 0;
	return 0;
}

/* Another session or a script may have changed the file: when it has
 * (PRAGMA data_version, which reads no data), reads the answers again and
 * tells the views which items changed, and the footer who changed them. */
static void notice_others(struct ui *u)
{
	struct store *st = u->o->st;
	size_t changed[64];
	char who[64], err[1024];
	long n;

	u->polled_ms = ui_now_ms(u);
	if (!st || !store_changed_elsewhere(st))
		return;
	if ((n = store_refresh(st, u->a, changed, 64, who, sizeof who, err, sizeof err)) < 0) {
		ui_message(u, 1, "%s", err);
		return;
	}
	if (n == 0)
		return;
	if (n > 64)
		broadcast_changed(u, UI_ALL_ITEMS);
	else
		for (long k = 0; k < n; k++)
			broadcast_changed(u, changed[k]);
	if (n == 1)
		ui_message(u, 0, _("Item %s was changed by %s in another session."),
			   u->cl->items[changed[0]].label, who);
	else
		ui_message(u, 0,
			   ngettext("%ld item was changed by %s in another session.",
				    "%ld items were changed by %s in another session.",
				    (unsigned long)n),
			   n, who);
}

/* Time has passed: the views that keep drafts do, and once a second the
 * file is looked at for others' changes. */
static void tick(struct ui *u)
{
	if (ui_now_ms(u) - u->polled_ms >= POLL_MS)
		notice_others(u);
	for (int k = 0; k < u->depth; k++)
		if (u->stack[k].ops->tick &&
		    (u->stack[k].ops->tick(u, u->stack[k].state) & UI_REDRAW))
			u->dirty = 1;
}

/* The terminal is going away: every view keeps what must not be lost. */
static void stop(struct ui *u)
{
	for (int k = 0; k < u->depth; k++)
		if (u->stack[k].ops->stop)
			u->stack[k].ops->stop(u, u->stack[k].state);
}

/* The terminal is going away on a signal: the keys already typed and not
 * yet read go to the view that is taking text (the answer editor), so
 * that its draft holds them; reading stops at the first key that is not
 * text, which could do more than type. */
static void take_typed(struct ui *u, int key)
{
	for (int n = 0; key > 0 && n < 65536; n++, key = next_key(u, 0)) {
		const struct binding *b = ui_binding(key, top(u)->ops->where);
		enum action act = b ? b->action : ACT_NONE;
		if (!(top(u)->ops->flags & VIEW_TYPING) || key >= UI_KEYCODE(0) ||
		    (act != ACT_NONE && act != ACT_NEWLINE))
			break;
		dispatch_key(u, key);
	}
}

/* Draws when no key is waiting: a paste of thousands of keys is taken in
 * and drawn once, not once a key (at least every DRAW_MS while keys keep
 * coming). Before the first key after a draw, the file is looked at for
 * others' changes. */
static void loop(struct ui *u)
{
	long long drawn_ms = ui_now_ms(u);
	int looked = 0;

	while (!u->quit) {
		int key = stop_signal ? 0 : next_key(u, 0);
		if (key == 0 || ui_now_ms(u) - drawn_ms >= DRAW_MS) {
			draw(u);
			drawn_ms = ui_now_ms(u);
			looked = 0;
			if (key == 0 && !stop_signal)
				key = next_key(u, TICK_MS);
		}
		if (stop_signal || key < 0) {
			if (stop_signal)
				take_typed(u, key > 0 ? key : next_key(u, 0));
			stop(u);
			break;
		}
		if (key == 0) {
			tick(u);
			continue;
		}
		if (key == UI_KEYCODE(KEY_RESIZE)) {
			layout(u);
			clearok(curscr, TRUE);
			continue;
		}
		if (u->too_small) {
			if (key == 'q' || key == UI_CTRL('c'))
				u->quit = 1;
			continue;
		}
		if (u->msg[0]) {
			u->msg[0] = '\0';
			u->dirty = 1;
		}
		if (!looked)
			notice_others(u);
		looked = 1;
		dispatch_key(u, key);
	}
}

/* Copies the screen's characters in attribute attr (underlined, reverse),
 * row by row, into a new string: each other cell a space, no trailing
 * blanks. */
static char *dump_attr(attr_t attr)
{
	size_t cap = (size_t)LINES * ((size_t)COLS * 4 + 2) + 1, len = 0;
	char *out = malloc(cap);

	if (!out)
		return NULL;
	for (int y = 0; y < LINES; y++) {
		size_t end = len;
		for (int x = 0; x < COLS;) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = {0};
			attr_t at;
			short pair;
			char mb[MB_LEN_MAX];
			mbstate_t st = {0};
			int w = 1;
			size_t k;
			if (mvwin_wch(curscr, y, x, &cc) == ERR ||
			    getcchar(&cc, wc, &at, &pair, NULL) == ERR || !(at & attr) ||
			    (k = wcrtomb(mb, wc[0], &st)) == (size_t)-1) {
				out[len++] = ' ';
				x++;
				continue;
			}
			memcpy(out + len, mb, k);
			len += k;
			end = len;
			w = wcwidth(wc[0]);
			x += w > 0 ? w : 1;
		}
		len = end;
		out[len++] = '\n';
	}
	out[len] = '\0';
	return out;
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

/* (ui.h) ncurses (6.4) flushes at each cursor move until the screen has
 * once been through endwin() and a refresh. That is done here, before
 * anything is drawn and before colours are started (coming back then
 * resets no palette), so nothing shows; only between the two calls is the
 * terminal in the shell's modes again. */
void ui_buffer_output(void)
{
	endwin();
	doupdate();
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
		*fout = u->o->script_out ? NULL : fopen("/dev/null", "w");
		const char *term = getenv("TERM");
		FILE *out = u->o->script_out ? u->o->script_out : *fout;
		*scr = *fin && out ? newterm(term && *term ? term : "xterm-256color", out, *fin)
				   : NULL;
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			snprintf(err, errlen, "%s",
				 _("the full-screen interface needs a terminal"));
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
	leaveok(stdscr, TRUE);
	keypad(stdscr, TRUE);
	wtimeout(stdscr, 0);
	ui_buffer_output();
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
	/* After curses set its own, which on_winch calls. */
	sa.sa_handler = on_winch;
	{
		struct sigaction old;
		/* A second start (the files view opens one file after another)
		 * finds on_winch there already: curses' stays the one to call. */
		if (sigaction(SIGWINCH, &sa, &old) == 0 && old.sa_handler != on_winch)
			curses_winch = old;
	}
}

/* Goes back to where the officer left this answer file: the item, open
 * if it was. */
static void restore_place(struct ui *u)
{
	struct request req = {0};
	int number, open;
	long i;

	if (place_load(u->o->path, &number, &open) != 0 ||
	    (i = checklist_find_item(u->cl, number)) < 0)
		return;
	req.type = open ? REQ_OPEN_ITEM : REQ_GO_TO;
	req.item = (size_t)i;
	carry_out(u, &req);
}

/* Keeps where the officer is, for the next start. */
static void keep_place(struct ui *u)
{
	size_t item;

	if (u->o->remember_place && current_item(u, &item))
		place_save(u->o->path, u->cl->items[item].number, find(u, &ui_item_ops) >= 0);
}

/* Puts the user where they asked: a section, an item, the place they left
 * off, or a recovered draft first. */
static void start_views(struct ui *u)
{
	const struct ui_options *o = u->o;
	struct request req = {0};
	size_t n_drafts = 0;

	push(u, &ui_list_ops, &req);
	if (o->section > 0) {
		long s = checklist_find_section(u->cl, o->section);
		if (s >= 0 && u->cl->sections[s].n_items)
			go_to(u, u->cl->sections[s].first_item);
	}
	if (o->item > 0) {
		long i = checklist_find_item(u->cl, o->item);
		if (i >= 0) {
			req.type = REQ_OPEN_ITEM;
			req.item = (size_t)i;
			carry_out(u, &req);
		}
	} else if (o->remember_place && o->section <= 0) {
		restore_place(u);
	}
	if (u->st) {
		char err[512];
		store_begin_session(u->st, err, sizeof err);
	}
	if (o->file_read_only)
		ui_message(u, 0, "%s",
			   _("The answer file is read-only: answers cannot be changed"));
	else if (o->read_only && o->st) {
		store_drafts_free(store_drafts(o->st, &n_drafts), n_drafts);
		if (n_drafts)
			ui_message(u, 0, "%s",
				   _("This file holds unsaved drafts: open it without -R to "
				     "recover them"));
	} else if (u->st) {
		push(u, &ui_recover_ops, &req);
	}
}

static void end_views(struct ui *u)
{
	while (u->depth > 0)
		close_slot(u, take(u, u->depth - 1));
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
	/* TRANSLATORS: the code of this translation's language as --lang
	   takes it ("ja" for Japanese): the interface's labels name things
	   in it, such as an older edition, whatever language L shows the
	   checklist in. */
	u.iface = strcmp(_("en"), "ja") == 0 ? LANG_JA : LANG_EN;
	u.marked = calloc(o->cl->n_items ? o->cl->n_items : 1, 1);
	u.matched = calloc(o->cl->n_items ? o->cl->n_items : 1, 1);
	u.si = search_index_new(o->cl->n_items);
	stop_signal = 0;
	if (!u.marked || !u.matched || !u.si) {
		free(u.marked);
		free(u.matched);
		search_index_free(u.si);
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return -1;
	}
	if (start_terminal(&u, &scr, &fin, &fout, err, errlen) != 0) {
		rc = -1;
		goto out;
	}
	if (!u.script)
		set_signals();
	init_attrs(&u);
	layout(&u);
	start_views(&u);
	if (o->notice && *o->notice)
		ui_message(&u, 1, "%s", o->notice);
	loop(&u);
	keep_place(&u);
	if (o->dump) {
		u.dirty = 1;
		draw(&u);
		*o->dump = dump_screen();
		if (o->dump_underlined)
			*o->dump_underlined = dump_attr(A_UNDERLINE);
		if (o->dump_reverse)
			*o->dump_reverse = dump_attr(A_REVERSE);
	}
	end_views(&u);
	if (u.header)
		delwin(u.header), delwin(u.footer);
	endwin();
out:
	if (scr)
		delscreen(scr);
	if (fin)
		fclose(fin);
	if (fout)
		fclose(fout);
	examples_free(u.ex_set);
	free(u.marked);
	free(u.matched);
	search_index_free(u.si);
	return rc;
}
