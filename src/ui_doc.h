/* ui_doc: a document of wrapped rows grouped in blocks, scrolled with a
 * cursor on one selectable block. The list, the item and the help are each
 * one document; only the rows on screen are drawn. Private to ui*.c. */
#ifndef TENKEN_UI_DOC_H
#define TENKEN_UI_DOC_H

#include <stddef.h>

#include <curses.h>

#include "ui_keys.h"

/* A range of a row's bytes drawn in an attribute of its own. */
struct doc_mark {
	size_t start, end; /* bytes of the row's s */
	int attr;
};

/* One run of text for doc_text_runs: len bytes at s, in attr. */
struct doc_run {
	const char *s;
	size_t len;
	int attr;
};

/* One screen row of a document. */
struct row {
	const char *s; /* sanitized UTF-8, not NUL-terminated */
	size_t len;
	int x;    /* column where s starts */
	int attr; /* enum ui_attr */
	size_t block;
	const char *prefix; /* drawn at prefix_x on the block's first row, or NULL */
	int prefix_x;
	int prefix_attr;
	const char *suffix; /* drawn flush right on the block's first row, or NULL */
	int mark;           /* 1 + the status whose mark is drawn at mark_x, or 0 */
	int mark_x;
	const struct doc_mark *marks; /* ranges in other attributes than attr */
	size_t n_marks;
};

/* What a block of rows is, so that a view knows what the cursor is on. */
enum block_kind {
	BLOCK_TEXT,    /* not selectable */
	BLOCK_ITEM,    /* list: an item; ref = item index */
	BLOCK_SECTION, /* list: a section heading; ref = section index */
	BLOCK_PART,    /* item: a part to read (goal, method …) */
	BLOCK_NOTE,    /* item: a 注記 header; ref = note index */
	BLOCK_STATUS,  /* item: the status */
	BLOCK_COLUMN,  /* item: an answer column; ref = column index */
};

struct block {
	size_t first, n; /* rows */
	enum block_kind kind;
	size_t ref;
	int selectable;
};

#define DOC_NO_ROW ((size_t)-1)

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
	size_t spot;   /* a row marked in the margin (a match gone to), or DOC_NO_ROW */
};

void doc_clear(struct doc *d);
void doc_free(struct doc *d);
/* Starts a block; returns its index. */
size_t doc_block(struct doc *d, enum block_kind kind, size_t ref, int selectable);
/* Adds text wrapped to the document width from column x (continuation
 * rows too), in the current block. Returns the first row's index. */
size_t doc_text(struct doc *d, int x, const char *text, int attr);
/* Adds runs of text as one text wrapped from column x, in attr but for the
 * runs in an attribute of their own (the text a review added, underlined).
 * Returns the first row's index. */
size_t doc_text_runs(struct doc *d, int x, const struct doc_run *runs, size_t n, int attr);
/* The same, leaving `right` columns free at the right, and the row each
 * run starts in into run_rows[0..n-1] (unless NULL). */
size_t doc_text_runs_at(struct doc *d, int x, int right, const struct doc_run *runs, size_t n,
			int attr, size_t *run_rows);
/* doc_text, leaving `right` columns free at the right for a suffix. */
size_t doc_text_right(struct doc *d, int x, int right, const char *text, int attr);
/* Gives row a prefix (a mark, a number) and a suffix flush right. */
void doc_decorate(struct doc *d, size_t row, int prefix_x, const char *prefix, int prefix_attr,
		  const char *suffix);
/* Draws the rows in view into w with the attributes attrs[enum ui_attr]. */
void doc_draw(const int *attrs, struct doc *d, WINDOW *w);
void doc_move(struct doc *d, int rows, long by);
void doc_page(struct doc *d, int rows, int down);
void doc_select(struct doc *d, int rows, size_t block);
void doc_ensure_visible(struct doc *d, int rows);
/* Shows row: the cursor on its block, or on the last selectable block
 * before it, and the document scrolled, if row is not on screen, to the
 * top of that block or, if row is further down than a screen, to row. */
void doc_show_row(struct doc *d, int rows, size_t row);
/* Moves the cursor by a scrolling action; returns 1 if act is one. */
int doc_scroll_actions(struct doc *d, int rows, enum action act);
/* Scrolls a document that has no cursor (the help); returns 1 if act is
 * a scrolling action. */
int doc_scroll_rows(struct doc *d, int rows, enum action act);

#endif
