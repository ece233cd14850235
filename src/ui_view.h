/* ui_view: what the views of the full-screen interface are and what they
 * share. A view is a table of operations over state private to its file
 * (tig's view_ops); a key handler returns result flags and, when it needs
 * something done outside itself, a request (htop's HandlerResult, tig's
 * enum request). Only the dispatcher in ui.c opens and closes views and
 * tells them what changed: no ui_*.c file names another's functions or
 * views. Private to ui*.c. */
#ifndef TENKEN_UI_VIEW_H
#define TENKEN_UI_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "examples.h"
#include "store.h"
#include "ui_doc.h"
#include "ui.h"
#include "ui_keys.h"

/* Attributes, by what they mark. */
enum ui_attr {
	ATTR_NORMAL,
	ATTR_DIM,
	ATTR_BOLD,
	ATTR_HEADING,
	ATTR_TITLE,
	ATTR_LABEL,
	ATTR_EMPTY,
	ATTR_ADDED,       /* text a review added (the publisher underlines it) */
	ATTR_DIM_ADDED,   /* the same in a Japanese original shown under English */
	ATTR_MATCH,       /* what the last search found (reverse video) */
	ATTR_MATCH_ADDED, /* the same in text a review added */
	ATTR_STATUS,      /* + enum status */
	ATTR_COUNT = ATTR_STATUS + STATUS_COUNT,
};

/* What a key handler returns: flags. */
enum {
	UI_HANDLED = 1, /* the view acted on the key */
	UI_REDRAW = 2,  /* what it shows changed */
	UI_CLOSE = 4,   /* close this view (before the request is carried out) */
};

/* What a view asks the dispatcher to do. */
enum request_type {
	REQ_NONE,
	REQ_OPEN_ITEM,      /* show item open (the item view), the list on it */
	REQ_GO_TO,          /* move every view to item (a match, the next unanswered) */
	REQ_EDIT,           /* edit item's column in the editor; text: a draft to start from */
	REQ_EXTERNAL,       /* edit item's column in $VISUAL/$EDITOR */
	REQ_STATUS_MENU,    /* choose the status of item (number: how many are marked) */
	REQ_MARK,           /* mark or unmark item for a bulk status */
	REQ_UNDO,           /* undo this session's last change */
	REQ_HISTORY,        /* show item's history */
	REQ_SET_STATUS,     /* set item's status to number */
	REQ_SET_TEXT,       /* set item's column to text, as an edit saved (C) */
	REQ_VERDICT_MENU,   /* choose the review's verdict of item */
	REQ_SET_VERDICT,    /* set item's verdict to number */
	REQ_COMMENT_PROMPT, /* ask for a comment on item */
	REQ_ADD_COMMENT,    /* add text to item's review thread */
	REQ_CHANGED,        /* item's answer was saved: tell every view */
	REQ_CONFIRM,        /* ask text; the view gets ACT_YES if the answer is yes */
	REQ_CONFLICT,       /* item's column changed in the file while text was typed: show both;
			       the view gets ACT_KEEP_MINE, ACT_TAKE_THEIRS or ACT_MERGE */
	REQ_REPLY,          /* deliver action (a dialog's answer) to the view below */
	REQ_SEARCH_PROMPT,  /* ask for a search */
	REQ_SEARCH,         /* search for text ("" repeats the last search) */
	REQ_NEXT_MATCH,
	REQ_PREV_MATCH,
	REQ_NEXT_UNANSWERED,
	REQ_FILTER, /* the next target filter */
	REQ_LANG,   /* the checklist text in the other language */
	REQ_HELP,
	REQ_EXPORT,    /* the export dialog */
	REQ_NOT_ASKED, /* show or hide the items an overlay does not ask */
	REQ_SECTION,   /* the list at section number */
	REQ_QUIT,
};

struct request {
	enum request_type type;
	size_t item;
	size_t column;
	int number;         /* a status, a section number */
	enum action action; /* REQ_REPLY */
	const char *text;   /* REQ_EDIT: a draft (copied); REQ_SEARCH; REQ_CONFIRM; REQ_CONFLICT */
	int modified;       /* REQ_EDIT: the text differs from the saved answer */
	const struct store_draft *draft; /* REQ_EDIT: a draft taken, forgotten once kept anew */
};

struct ui;

/* A view's operations. Every one may be NULL where a view has no use for
 * it; state is what open returned. */
struct view_ops {
	const char *name;
	int where; /* the bindings that apply: IN_LIST … */
	int flags; /* VIEW_* */
	/* Makes the view's state for req (which item, which column …), or
	 * returns NULL with a message set when it cannot open. */
	void *(*open)(struct ui *u, const struct request *req);
	void (*close)(struct ui *u, void *state);
	/* (Re)makes the view's windows for the screen's size, and what depends
	 * on the width. Called after open and on every resize. */
	void (*layout)(struct ui *u, void *state);
	/* Draws into the view's own windows (werase, draw, wnoutrefresh). */
	void (*draw)(struct ui *u, void *state);
	/* Handles key, whose binding gives act (ACT_NONE if unbound). Returns
	 * UI_* flags; fills req when it needs the dispatcher. */
	int (*key)(struct ui *u, void *state, int key, enum action act, struct request *req);
	/* Item's answer or status changed (UI_ALL_ITEMS: the language, the
	 * filter or everything). Returns UI_* flags (UI_CLOSE if the view can
	 * no longer show what it showed). */
	int (*changed)(struct ui *u, void *state, size_t item);
	/* Moves the view to item. Returns UI_* flags. */
	int (*go_to)(struct ui *u, void *state, size_t item);
	/* Moves to the next (dir 1) or previous (-1) match of the last search
	 * within the view, or, if restart, to its first (or last). Returns 1
	 * with the match's place in *pos (from 1) and their number in *total,
	 * or 0 if there is none further that way. */
	int (*match)(struct ui *u, void *state, int dir, int restart, size_t *pos, size_t *total);
	/* The item the view is on; returns 0 if it is on none. */
	int (*current)(struct ui *u, void *state, size_t *item);
	/* Time has passed (every quarter second while idle): returns UI_*. */
	int (*tick)(struct ui *u, void *state);
	/* The terminal is going away: keep what must not be lost. */
	void (*stop)(struct ui *u, void *state);
	/* The footer's keys. */
	const char *(*hints)(struct ui *u, void *state);
};

enum {
	VIEW_OVERLAY = 1, /* drawn over the view below it */
	VIEW_TYPING = 2,  /* shows the cursor; unbound printable keys are text */
};

/* changed(): every item. */
#define UI_ALL_ITEMS ((size_t)-1)

/* What every view shares: the checklist, the answers and the store, the
 * language and the filter, the last search, the screen's size and the
 * header and footer; and the stack of open views, which only the
 * dispatcher touches. */
struct ui {
	const struct ui_options *o;
	struct checklist *cl;
	struct answers *a;
	struct store *st;      /* NULL when read-only */
	enum lang lang;        /* the checklist text's (L switches it) */
	enum lang iface;       /* the interface's, gettext's: the labels' */
	int original;          /* English shown with its Japanese original (J) */
	int filter;            /* 0: all; k: targets[k-1] and common */
	int show_not_asked;    /* the list shows the items an overlay does not ask */
	unsigned char *marked; /* per item index: marked for a bulk status (Space, m) */
	size_t n_marked;
	/* The history ids of this session's last bulk change (or undo), which
	 * U undoes whole. */
	long long undo_first, undo_last;
	char query[512];         /* the last search */
	struct search_index *si; /* each item's searchable text (search.h) */
	signed char *matched;    /* per item: 1 the last search matches it, -1 not, 0 unknown */
	int match_marks;         /* the terminal has no reverse video: matches between *s */
	const struct examples *ex;
	struct examples_set *ex_set;
	int ex_tried;
	int rows, cols, too_small;
	WINDOW *header, *footer;
	int attrs[ATTR_COUNT];
	char msg[512];
	int msg_error;
	long long clock_skew_ms; /* the script's <Idle> moves the clock on */
	long long polled_ms;     /* when the file was last looked at for others' changes */

	struct view_slot {
		const struct view_ops *ops;
		void *state;
	} stack[8];
	int depth;
	int dirty;  /* something must be drawn */
	int cursor; /* the terminal's cursor is shown */
	int quit;
	const char *script;
};

/* ui.c: what views may call. */

/* Has curses send each screen update in one write() (while it fits its
 * buffer), not one for every cursor move. Call right after newterm(),
 * before colours start and before anything is drawn. */
void ui_buffer_output(void);

/* Sets the footer's message (an error in bold red). */
void ui_message(struct ui *u, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Draws len bytes of UTF-8 at (y, x) of w, at most maxw columns, each
 * control or format character by its visible form in reverse video.
 * Returns the columns drawn. */
int ui_put(WINDOW *w, int y, int x, const char *s, size_t len, int maxw, int attr);

/* Returns whether item index i is shown under the target filter. */
int ui_item_visible(const struct ui *u, size_t i);

/* Writes the progress of the items [first, first+n) that the filter
 * shows to out: "3/5" (with a status of those shown), and " ?1" when
 * some are answered without a status. */
void ui_progress(const struct ui *u, size_t first, size_t n, char *out, size_t len);

/* Returns the name of an answer field as the interface shows it: "status"
 * translated, or the answer column's name (field is a column's id). */
const char *ui_field_name(const struct ui *u, const char *field);

/* Returns the older edition's 手法例, read the first time they are asked
 * for (NULL if the checklist names none or they cannot be read). */
const struct examples *ui_examples(struct ui *u);

/* Returns milliseconds of a monotonic clock (which tests move on). */
long long ui_now_ms(const struct ui *u);

/* Returns a new window for the body: the screen less the header and
 * footer lines; leaveok unless the view shows the cursor. */
WINDOW *ui_body_window(struct ui *u, int typing);

/* Returns a new window of w x h centred in the body, for a dialog. */
WINDOW *ui_dialog_window(struct ui *u, int w, int h);

/* Draws an empty box with ASCII edges filling w (box-drawing characters
 * are ambiguous-width on Japanese terminals). */
void ui_box(WINDOW *w);

/* ui_text.c: checklist texts laid into a view's document. */

/* Adds m in the interface's language from column x, its added runs
 * underlined, and under it, when J asks for it, its Japanese original. */
void ui_marked(struct ui *u, struct doc *d, int x, const struct marked *m);

/* A line being laid out from runs of text, the last search's matches in
 * them highlighted: for the views that show checklist texts and answers. */
struct ui_runs {
	struct doc_run *r;
	size_t n, cap;
	size_t *hit_run; /* per match: the run it starts */
	size_t n_hits, cap_hits;
	size_t *hit_row; /* per match, once laid out: the row it starts in */
};

/* Adds len bytes at s in attr, as they are. */
void ui_runs_add(struct ui_runs *rs, const char *s, size_t len, int attr);

/* Adds the text s in attr, the ranges of it that a review added (m's runs
 * in lang; m may be NULL) in added_attr, and every match of the last
 * search in it highlighted (between *s where the terminal has no reverse
 * video). Returns the number of matches. */
size_t ui_runs_text(struct ui *u, struct ui_runs *rs, const char *s, const struct marked *m,
		    enum lang lang, int attr, int added_attr);

/* Lays the runs out in d from column x, leaving right columns free, and
 * finds the row of each match (hit_row). Returns the first row. */
size_t ui_runs_lay(struct doc *d, int x, int right, struct ui_runs *rs, int attr);

/* Frees what the runs hold and empties them. */
void ui_runs_free(struct ui_runs *rs);

/* A page: a document in the body window, scrolled by the browsing keys and
 * closed by h, Esc, ? or q -- the help and an item's history. A view's
 * state holds one and builds its document. */
struct ui_page {
	WINDOW *w;
	struct doc doc;
};

/* Frees the page's window and document (not the page). */
void ui_page_free(struct ui_page *p);

/* Makes the page's window anew, for the screen's size now. */
void ui_page_window(struct ui *u, struct ui_page *p);

/* Draws the page's document into its window. */
void ui_page_draw(struct ui *u, struct ui_page *p);

/* What a key does on a page: closes it, scrolls it, or nothing (0). */
int ui_page_key(struct ui_page *p, enum action act);

/* Adds a review's note on a 基準 as a block from column x: the review and
 * its date, the 基準, the changed passage with what the review added
 * underlined (and a line saying so), and the publisher's label. */
void ui_revision(struct ui *u, struct doc *d, const struct revision *rv, int x);

#endif
