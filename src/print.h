/* print: the checklist and its answers as plain text, wrapped by display
 * width, for `tenken print`. */
#ifndef TENKEN_PRINT_H
#define TENKEN_PRINT_H

#include <stdio.h>

#include "answers.h"
#include "mapping.h"
#include "checklist.h"

/* Which part to print: everything, one section, or one item. */
struct print_filter {
	long section; /* section index, or -1 for all */
	long item;    /* item index, or -1 for all */
};

/* Prints the selected items with everything expanded and their answers,
 * wrapped at width columns. Control characters in the text are shown
 * visibly, never sent. Returns 0, or -1 on an output error. */
int print_checklist(FILE *out, const struct checklist *cl, const struct answers *a,
		    struct print_filter filter, enum lang lang, int width);

/* The same, with ex (NULL: none) the older edition whose 手法例 are shown
 * under each item as the publisher's examples for reference. */
int print_checklist_ex(FILE *out, const struct checklist *cl, const struct answers *a,
		       const struct examples *ex, struct print_filter filter, enum lang lang,
		       int width);

/* Prints text wrapped at width columns, the first line after prefix and the
 * rest indented by indent columns. Returns 0 or -1. */
int print_wrapped(FILE *out, int indent, const char *prefix, const char *text, int width);

#endif
