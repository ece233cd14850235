/* ui_impl: what the views of the full-screen interface share: the ui state,
 * the view table, keys and actions, and the document of wrapped rows that
 * the list, item and help views scroll through. Private to ui*.c. */
#ifndef TENKEN_UI_IMPL_H
#define TENKEN_UI_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <curses.h>

#include "editor.h"
#include "ui.h"

/* The most items of an older edition shown as examples under one item. */
#define UI_MAX_EXAMPLES 16

/* A key: a Unicode code point, or a curses key code offset past Unicode. */
#define UI_KEYCODE(k) (0x200000 + (k))
#define UI_CTRL(c) ((c)&0x1f)
#define UI_ESC 0x1b

/* What a key does. Bindings map keys to these; views act on them. */
enum action {
	ACT_NONE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_CLOSE,
	ACT_TAB,
	ACT_SECTION, /* the digit 1-9 */
	ACT_SEARCH,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_UNANSWERED,
	ACT_FILTER,
	ACT_STATUS,
	ACT_EDIT,
	ACT_EXTERNAL,
	ACT_NOTES,
	ACT_HELP,
	ACT_REDRAW,
	ACT_LANG,
	ACT_ORIGINAL,
	ACT_QUIT,
};

/* Where a binding applies. */
enum {
	IN_LIST = 1,
	IN_ITEM = 2,
	IN_HELP = 4,
	IN_EDITOR = 8, /* listed in the help only: the editor reads keys itself */
	IN_BROWSE = IN_LIST | IN_ITEM,
};

struct binding {
	int key;
	enum action action;
	int where;
	const char *name; /* the key as the help shows it, NULL: shown with the previous */
	const char *help; /* N_() text */
};

extern const struct binding ui_bindings[];
extern const size_t ui_n_bindings;

/* Returns the action bound to key in view kind where, or ACT_NONE. */
enum action ui_key_action(int key, int where);

/* One screen row of a document. */
struct row {
	const char *s; /* sanitized UTF-8, not NUL-terminated */
	size_t len;
	int x;       /* column where s starts */
	int attr;    /* enum ui_attr */
	size_t block;
	const char *prefix; /* drawn at prefix_x on the block's first row, or NULL */
	int prefix_x;
	int prefix_attr;
	const char *suffix; /* drawn flush right on the block's first row, or NULL */
	int mark;           /* 1 + the status whose mark is drawn at mark_x, or 0 */
	int mark_x;
};

/* What a block of rows is, so that the views know what the cursor is on. */
enum block_kind {
	BLOCK_TEXT,     /* not selectable */
	BLOCK_ITEM,     /* list: an item; ref = item index */
	BLOCK_SECTION,  /* list: a section heading; ref = section index */
	BLOCK_PART,     /* item: a part to read (goal, method …) */
	BLOCK_NOTE,     /* item: a 注記 header; ref = note index */
	BLOCK_STATUS,   /* item: the status */
	BLOCK_COLUMN,   /* item: an answer column; ref = column index */
};

struct block {
	size_t first, n; /* rows */
	enum block_kind kind;
	size_t ref;
	int selectable;
};

/* Rows of wrapped text and the blocks they form; owns copies of the
 * strings it was given (sanitized). */
struct doc {
	struct row *rows;
	size_t n_rows, cap_rows;
	struct block *blocks;
	size_t n_blocks, cap_blocks;
	char **pool;
	size_t n_pool, cap_pool;
	int width;
	size_t top;    /* first row shown */
	size_t cursor; /* the selected block */
};

enum ui_attr {
	ATTR_NORMAL,
	ATTR_DIM,
	ATTR_BOLD,
	ATTR_HEADING,
	ATTR_TITLE,
	ATTR_LABEL,
	ATTR_EMPTY,
	ATTR_STATUS, /* + enum status */
	ATTR_COUNT = ATTR_STATUS + STATUS_COUNT,
};

struct ui;

/* A view: a table of functions over the body window. */
struct view {
	int where;   /* IN_LIST … */
	int overlay; /* drawn over the view below it */
	void (*draw)(struct ui *u);
	void (*key)(struct ui *u, int key);
	const char *(*hints)(struct ui *u); /* the footer's keys */
};

extern const struct view ui_list_view, ui_item_view, ui_help_view, ui_menu_view,
	ui_editor_view, ui_recover_view, ui_prompt_view, ui_confirm_view;

enum prompt_kind { PROMPT_SEARCH };

struct ui {
	const struct ui_options *o;
	struct checklist *cl;
	struct answers *a;
	struct store *st;
	enum lang lang;
	int rows, cols, too_small;
	WINDOW *header, *body, *footer;
	int attrs[ATTR_COUNT];
	const struct view *stack[8];
	int depth;
	int quit;
	char msg[512];
	int msg_error;

	/* The list of sections and items. */
	struct doc list;
	int filter; /* 0: all; k: targets[k-1] and common */
	/* The open item. */
	struct doc item;
	size_t item_index;
	unsigned char *notes_open; /* per note of the open item */
	int original;		   /* English text shown with its Japanese original */
	const struct examples *ex; /* the older edition's 手法例, once loaded */
	struct examples_set *ex_set; /* what the interface loaded itself */
	int ex_tried;
	/* The help. */
	struct doc help;
	/* The status menu: the item it sets, the highlighted status. */
	size_t menu_item;
	int menu_choice;
	/* The editor. */
	struct editor ed;
	int ed_open;
	size_t ed_item, ed_column;
	size_t ed_top; /* first text row shown */
	int ed_dirty_draft; /* changed since the draft was last kept */
	struct timespec ed_last_key;
	/* The drafts found at start. */
	struct store_draft *drafts;
	size_t n_drafts, draft_at;
	/* Search. */
	struct editor prompt;
	char query[512];

	/* Script (tests). */
	const char *script;
	int pending_resize;
};

/* ui.c */
int ui_stopping(void); /* a hang-up or termination signal arrived */
void ui_push(struct ui *u, const struct view *v);
void ui_pop(struct ui *u);
const struct view *ui_top(const struct ui *u);
void ui_message(struct ui *u, int is_error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int ui_put(WINDOW *w, int y, int x, const char *s, size_t len, int maxw, int attr);
int ui_can_write(struct ui *u);
int ui_item_visible(const struct ui *u, size_t i);

/* Documents (ui.c). */
void doc_clear(struct doc *d);
void doc_free(struct doc *d);
/* Starts a block; returns its index. */
size_t doc_block(struct doc *d, enum block_kind kind, size_t ref, int selectable);
/* Adds text wrapped to the document width from column x (continuation
 * rows too), in the current block. Returns the first row's index. */
size_t doc_text(struct doc *d, int x, const char *text, int attr);
/* The same, leaving `right` columns free at the right for a suffix. */
size_t doc_text_right(struct doc *d, int x, int right, const char *text, int attr);
/* Gives row a prefix (a mark, a number) and a suffix flush right. */
void doc_decorate(struct doc *d, size_t row, int prefix_x, const char *prefix, int prefix_attr,
		  const char *suffix);
void doc_draw(struct ui *u, struct doc *d, WINDOW *w);
void doc_move(struct doc *d, int rows, long by);
void doc_page(struct doc *d, int rows, int down);
void doc_select(struct doc *d, int rows, size_t block);
void doc_ensure_visible(struct doc *d, int rows);
void doc_scroll_actions(struct doc *d, int rows, enum action act);
/* Scrolls a document that has no cursor (the help) by rows or pages. */
void doc_scroll_rows(struct doc *d, int rows, enum action act);

/* Views' helpers. */
void ui_list_build(struct ui *u);
void ui_list_item_changed(struct ui *u, size_t item);
void ui_list_select_item(struct ui *u, size_t item);
size_t ui_list_current_item(const struct ui *u, int *ok);
void ui_item_open(struct ui *u, size_t item);
void ui_item_build(struct ui *u);
void ui_menu_open(struct ui *u, size_t item);
void ui_editor_open(struct ui *u, size_t item, size_t column, const char *text, int modified);
void ui_editor_tick(struct ui *u);
void ui_editor_keep_draft(struct ui *u);
void ui_external_edit(struct ui *u, size_t item, size_t column);
void ui_help_build(struct ui *u);
void ui_search_next(struct ui *u, int backwards);
void ui_unanswered_next(struct ui *u);
void ui_set_status(struct ui *u, size_t item, enum status s);
int ui_browse_action(struct ui *u, enum action act, int key);

#endif
