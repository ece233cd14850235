/* export_html: the report (see report.h) as one HTML page that needs
 * nothing else: inline CSS for a screen, a phone and paper (a page break
 * before each section), no script, no font, image or link from outside. */
#ifndef TENKEN_EXPORT_HTML_H
#define TENKEN_EXPORT_HTML_H

#include <stdio.h>

#include "report.h"

/* Writes text as HTML character data or a quoted attribute value: each
 * character as textwidth shows it (a control or invisible format character
 * by its visible form, never raw), with & < > " ' as character
 * references. */
void export_html_text(FILE *out, const char *text);

/* Writes <tag>text</tag>, the text as export_html_text writes it. */
void export_html_element(FILE *out, const char *tag, const char *text);

/* Writes the report r as an HTML document in UTF-8. Returns 0, or -1 if
 * memory runs out or out has an error. */
int export_html(FILE *out, const struct report *r);

#endif
