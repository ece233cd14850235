/* parts: everything the item view shows of an item, in the order it shows
 * it, as a walk over parts of at most one text each: the officer's part
 * first (the goal, the target, the status and the answers, each followed by
 * last year's where it differs (--compare), and the review's
 * verdict and latest comment once it has begun), then the
 * reference material (the references and their note, the 手法例 and 注記,
 * the older edition's 手法例, the remarks and warnings, and the reviews'
 * notes on 基準, one fold per 基準).
 *
 * The item view lays out each part, and search looks in each part's text
 * (search_part_texts): one walk for both, so that search finds what the
 * view can show and the view can show, and highlight, whatever search
 * found. Knows the model only. */
#ifndef TENKEN_PARTS_H
#define TENKEN_PARTS_H

#include <stddef.h>

#include "answers.h"
#include "checklist.h"
#include "mapping.h"
#include "outline.h"

/* The most items of an older edition shown as examples under one item. */
#define PARTS_MAX_EXAMPLES 16

enum part_kind {
	PART_SECTION,      /* the section's name, in the title */
	PART_NAME_NOTE,    /* why the section's name is tenken's, if it is */
	PART_GOAL,         /* セキュリティ対応目標 */
	PART_TARGET,       /* 対象者 */
	PART_STATUS,       /* the status: no text */
	PART_ANSWER,       /* an answer column: answer, index the column */
	PART_LAST_STATUS,  /* last year's status, where it differs: number holds it */
	PART_LAST_ANSWER,  /* last year's answer in column index, where it differs */
	PART_VERDICT,      /* the review's verdict, once the review has begun: no text */
	PART_COMMENT,      /* the review's latest comment: answer holds it */
	PART_REF_SOURCE,   /* a reference's 関連規定; index the reference */
	PART_REF_LOCATION, /* its 関連規定箇所, shown on the source's line */
	PART_REFS_NOTE,    /* where the references are known from */
	PART_OUTLINE,      /* a line of the 手法例 or a 注記 (line, depth, label) */
	PART_EXAMPLE,      /* an older edition's item this one replaced: its goal */
	PART_EXAMPLE_LINE, /* a line of its 手法例 and 注記 (line, depth, label) */
	PART_REMARKS,      /* the publisher's remarks */
	PART_WARNING,      /* what not to do; index 0 for the first */
	PART_STANDARD,     /* a 基準 the reviews changed (marked); count its notes */
	PART_REVIEW,       /* a review's note on it starts: the review and date */
	PART_PASSAGE,      /* the changed passage (marked) */
	PART_CHANGE,       /* the publisher's label of the change */
};

struct part {
	enum part_kind kind;
	size_t index;
	/* The fold the part lies in, or heads (a 注記, an example, a 基準):
	 * folds are numbered from 0 in the walk's order; -1 for none. */
	int fold;
	int heads;
	/* The part's text in both languages, NULL if it has none: the status;
	 * an answer (answer holds it); a review's note whose review and date
	 * are those of the note before it under the same 基準. */
	const struct text *text;
	const struct marked *marked; /* a text with added runs; text is its text */
	const char *answer; /* PART_ANSWER, PART_COMMENT, PART_LAST_ANSWER: the text, "" if empty */
	enum outline_kind line; /* PART_OUTLINE, PART_EXAMPLE_LINE */
	int depth;
	const char *label; /* "1.", "(注1)", "①", or "" */
	const char *date;  /* PART_REVIEW: YYYY-MM-DD, or NULL */
	/* PART_EXAMPLE: the older edition and its item's number;
	 * PART_STANDARD: count is how many notes are under it. */
	const struct checklist *from;
	int number;
	size_t count;
};

typedef void (*part_fn)(void *ctx, const struct part *p);

/* Calls fn for every part of item index i of cl, in the item view's order.
 * a: the answers (NULL: no status nor answer parts); last: last year's
 * answers to the same checklist (NULL: none), each status and column of
 * them right after this year's, only where it is set and differs; ex: an
 * older edition whose 手法例 stand in (NULL: none). Returns the number of
 * folds. */
int item_parts(const struct checklist *cl, const struct answers *a, const struct answers *last,
	       const struct examples *ex, size_t i, part_fn fn, void *ctx);

#endif
