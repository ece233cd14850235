/* export: the checklist and its answers as CSV (the official column order,
 * for Excel) and JSON (for other tools). */
#ifndef TENKEN_EXPORT_H
#define TENKEN_EXPORT_H

#include <stdio.h>

#include "answers.h"
#include "checklist.h"

/* Writes one CSV field with RFC 4180 quoting. A field that a spreadsheet
 * would run as a formula (=, +, @, or - before a non-space) gets a leading
 * apostrophe; control characters are shown visibly. */
void export_csv_field(FILE *out, const char *text);

/* Writes the CSV: UTF-8 with a BOM, CRLF line ends, a header row with the
 * official Japanese column names, then one row per item. Returns 0 or -1. */
int export_csv(FILE *out, const struct checklist *cl, const struct answers *a);

/* The same; with lang LANG_EN, every header and every text of the
 * checklist also carries its English, on a line after the Japanese. */
int export_csv_lang(FILE *out, const struct checklist *cl, const struct answers *a,
		    enum lang lang);

/* Writes a JSON string literal with every control character escaped and
 * invalid UTF-8 replaced by U+FFFD. */
void export_json_string(FILE *out, const char *text);

/* Writes the checklist with its answers as one JSON document. Returns 0 or -1. */
int export_json(FILE *out, const struct checklist *cl, const struct answers *a);

#endif
