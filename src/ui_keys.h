/* ui_keys: the key bindings as data -- every key of every view, dialog and
 * the editor in one table, with what it does, where, what it needs and its
 * translatable description -- from which the help is generated. */
#ifndef TENKEN_UI_KEYS_H
#define TENKEN_UI_KEYS_H

#include <stddef.h>

/* A key: a Unicode code point, or a curses key code offset past Unicode. */
#define UI_KEYCODE(k) (0x200000 + (k))
#define UI_CTRL(c)    ((c)&0x1f)
#define UI_ESC        0x1b

/* What a key does. */
enum action {
	ACT_NONE,
	/* Moving */
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_CLOSE,
	ACT_NEXT_ITEM,
	ACT_PREV_ITEM,
	ACT_SECTION, /* the digit 1-9 */
	/* Finding */
	ACT_SEARCH,
	ACT_NEXT_MATCH,
	ACT_PREV_MATCH,
	ACT_UNANSWERED,
	ACT_FILTER,
	/* Answering */
	ACT_MARK, /* mark or unmark the item for a bulk status */
	ACT_STATUS,
	ACT_UNDO,
	ACT_VERDICT,   /* the review's verdict of the item */
	ACT_COMMENT,   /* a comment added to the item's review thread */
	ACT_COPY_LAST, /* last year's answer (--compare) copied into this year's */
	ACT_EDIT,
	ACT_EXTERNAL,
	ACT_EXPORT,
	ACT_NOT_ASKED,
	/* Showing */
	ACT_HISTORY,
	ACT_NOTES,
	ACT_HELP,
	ACT_REDRAW,
	ACT_LANG,
	ACT_ORIGINAL,
	ACT_QUIT,
	/* The editor and the search prompt */
	ACT_SAVE,
	ACT_CANCEL,
	ACT_NEWLINE,
	ACT_BACKSPACE,
	ACT_DELETE,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_LINE_START,
	ACT_LINE_END,
	ACT_KILL_TO_END,
	ACT_KILL_TO_START,
	ACT_ACCEPT, /* Enter in a dialog or the prompt */
	/* The dialogs */
	ACT_CHOOSE, /* a status by its number, 1-5 */
	ACT_YES,
	ACT_NO,
	ACT_TAKE,
	ACT_DROP,
	ACT_LATER,
	/* The answer changed in the file while it was edited */
	ACT_KEEP_MINE,
	ACT_TAKE_THEIRS,
	ACT_MERGE,
};

/* Where a binding applies: the context a view reads its keys in. */
enum {
	IN_LIST = 1,
	IN_ITEM = 2,
	IN_HELP = 4,
	IN_EDITOR = 8,
	IN_PROMPT = 16,
	IN_MENU = 32,
	IN_CONFIRM = 64,
	IN_RECOVER = 128,
	IN_CONFLICT = 256,
	IN_EXPORT = 512,
	IN_FILES = 1024, /* the files view of tenken DIR (ui_files.c) */
	IN_BROWSE = IN_LIST | IN_ITEM,
};

/* What a binding needs, checked once by the dispatcher. */
enum {
	NEEDS_WRITE = 1, /* changes an answer: refused in a read-only review */
};

struct binding {
	int key;
	enum action action;
	int where;
	int needs;
	const char *name; /* the key as the help shows it; NULL: shown with the previous */
	const char *help; /* N_() text */
};

extern const struct binding ui_bindings[];
extern const size_t ui_n_bindings;

/* Returns the binding of key in context where, or NULL. */
const struct binding *ui_binding(int key, int where);

/* The groups of the help, in order: a title (N_()) and a context. */
struct help_group {
	const char *title;
	int where;
};

extern const struct help_group ui_help_groups[];
extern const size_t ui_n_help_groups;

#endif
