/* report_many: the report of many answer files of one checklist -- one per
 * API connector -- that `tenken report` writes: each file's progress, a
 * matrix of the status of each item in each file, the items not
 * implemented or not answered in some file, and the files left out with
 * why. As text for a terminal, CSV, HTML and an XLSX workbook. Output
 * layer: knows the model, connectors and textwidth. */
#ifndef TENKEN_REPORT_MANY_H
#define TENKEN_REPORT_MANY_H

#include <stddef.h>
#include <stdio.h>

#include "checklist.h"
#include "connectors.h"

/* What the report is of. */
struct report_many {
	const struct checklist *cl;
	const struct connectors *cs;
	enum lang lang;   /* the checklist's text; the labels follow gettext */
	const char *date; /* the day of the report, YYYY-MM-DD */
};

/* The most files the text's matrix shows one per column in width columns;
 * with more, it is transposed: one row per file, one column per item. */
size_t report_many_columns(int width);

/* Writes the report as text of at most width columns (at least 40), every
 * text from a file or the checklist sanitized (no control or format
 * character reaches a terminal). Returns 0, or -1 if out has an error. */
int report_many_text(FILE *out, const struct report_many *r, int width);

/* Writes the matrix as CSV (UTF-8 with a byte order mark, CRLF): 通番, 区分,
 * then one column per file read headed by the connector's name, each cell
 * the status's official Japanese name. Returns 0 or -1. */
int report_many_csv(FILE *out, const struct report_many *r);

/* Writes the report as one self-contained HTML page, every text escaped.
 * Returns 0 or -1. */
int report_many_html(FILE *out, const struct report_many *r);

/* Writes the workbook to path: the sheet 一覧 (the matrix: 通番, 区分,
 * セキュリティ対応目標, then each file's status, the official Japanese
 * names), then a sheet per file read ("N name", N its column in 一覧) with
 * the official columns but 手法例 and the references, then 対象外ファイル
 * naming the files left out, if any. Returns 0, or -1 with a message in
 * err. */
int report_many_xlsx(const char *path, const struct report_many *r, char *err, size_t errlen);

#endif
