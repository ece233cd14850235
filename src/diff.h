/* diff: what changed between two answer files of the same checklist, item
 * by item -- the status and each answer column, old and new -- as `tenken
 * diff` writes it: text for a terminal, Markdown and HTML -- and the
 * review's part, each verdict changed and each comment added. Items that
 * did not change are counted, not listed. Output layer: knows the model,
 * connectors (the comparison) and textwidth. */
#ifndef TENKEN_DIFF_H
#define TENKEN_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "checklist.h"
#include "store.h"

/* What a diff is of. */
struct diff_report {
	const struct checklist *cl;
	const struct answers *old, *new_;
	const char *old_path, *new_path;
	enum lang lang;   /* the checklist's text (column names); labels follow gettext */
	const char *date; /* the day of the diff, YYYY-MM-DD */
	/* The new file's review comments, and which of them are new (not in
	 * the old file's: connectors_fresh_comments); none if n_comments 0. */
	const struct store_comment *comments;
	const unsigned char *fresh;
	size_t n_comments;
};

/* Returns the number of items whose status, some answer, the review's
 * verdict differs or that have a new comment. */
size_t diff_count(const struct diff_report *d);

/* Writes the diff as text of width columns (at least 40): every text
 * sanitized, the answers wrapped. Returns 0, or -1 if out has an error. */
int diff_text(FILE *out, const struct diff_report *d, int width);

/* Writes the diff as Markdown, every text escaped. Returns 0 or -1. */
int diff_md(FILE *out, const struct diff_report *d);

/* Writes the diff as one self-contained HTML page, every text escaped.
 * Returns 0 or -1. */
int diff_html(FILE *out, const struct diff_report *d);

#endif
