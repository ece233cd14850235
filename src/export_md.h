/* export_md: the report (see report.h) as GitHub-flavoured Markdown that
 * reads as plain text too: the progress as a table, each item as a list of
 * its fields, every text escaped so that Markdown shows it as written. */
#ifndef TENKEN_EXPORT_MD_H
#define TENKEN_EXPORT_MD_H

#include <stdio.h>

#include "report.h"

/* Writes text as Markdown inline content that renders as the text itself:
 * each character as textwidth shows it (a control or invisible format
 * character by its visible form in a code span, never raw), and every
 * character Markdown would take for markup backslash-escaped, | too, so
 * that the text can stand in a table cell.
 *
 * With cont NULL the text is one line: a line break becomes a space (for a
 * heading, a table cell or a label). Otherwise each line break is kept as a
 * hard line break -- a backslash at the end of the line -- and the next
 * line starts with cont (the indentation of a list item's text), its
 * leading spaces kept as no-break spaces and a character that would begin
 * a list, a heading or a quote there escaped. Line breaks at the end are
 * dropped: a hard break cannot end a paragraph. */
void export_md_text(FILE *out, const char *text, const char *cont);

/* Writes the report r as Markdown in UTF-8. Returns 0, or -1 if memory
 * runs out or out has an error. */
int export_md(FILE *out, const struct report *r);

#endif
