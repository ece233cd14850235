/* outline: an item's 手法例 and 注記 as a sequence of labelled, indented
 * lines, in the publisher's order and notation (<heading>, "1.", (注1)具体例,
 * ①, a.). print and the exports lay these lines out each in their own way. */
#ifndef TENKEN_OUTLINE_H
#define TENKEN_OUTLINE_H

#include "checklist.h"

enum outline_kind {
	OUTLINE_HEADING, /* text is the heading; shown as <text> */
	OUTLINE_METHOD,  /* label "1." */
	OUTLINE_NOTE,    /* label "(注1)", text the note's title */
	OUTLINE_TEXT,    /* a note's free text */
	OUTLINE_ENTRY,   /* label "①", "a." */
};

/* Receives one line: its kind, depth (0 for headings and notes), label
 * (never NULL, may be "") and text (never NULL). */
typedef void (*outline_fn)(void *ctx, enum outline_kind kind, int depth, const char *label,
			   const char *text);

/* Calls fn for every line of it's methods (first) and notes (then). */
void outline_item(const struct item *it, enum lang lang, outline_fn fn, void *ctx);

/* The same lines with their text in both languages, for a view that shows
 * the Japanese original beside a translation. */
typedef void (*outline_text_fn)(void *ctx, enum outline_kind kind, int depth, const char *label,
				const struct text *text);
void outline_item_texts(const struct item *it, outline_text_fn fn, void *ctx);

/* Returns the item's 手法例 cell as the publisher's table has it: one line
 * per heading, method, note and entry, newline-separated, newly allocated
 * (NULL if memory runs out). */
char *outline_item_text(const struct item *it, enum lang lang);

#endif
