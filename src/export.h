/* export: the checklist and its answers as CSV (the official column order,
 * for Excel) and JSON (for other tools). */
#ifndef TENKEN_EXPORT_H
#define TENKEN_EXPORT_H

#include <stdio.h>

#include "answers.h"
#include "checklist.h"
#include "store.h"

/* Writes one CSV field with RFC 4180 quoting. A field that a spreadsheet
 * would run as a formula (=, +, @, or - before a non-space) gets a leading
 * apostrophe; control characters are shown visibly. */
void export_csv_field(FILE *out, const char *text);

/* What the cells of an export column hold. */
enum export_kind {
	EXPORT_NUMBER,  /* 通番 */
	EXPORT_SECTION, /* 区分: the name of the item's section */
	EXPORT_GOAL,    /* セキュリティ対応目標 */
	EXPORT_TARGET,  /* 対象者 */
	EXPORT_METHODS, /* 手法例 and 注記, one line each, as the publisher's table has them */
	EXPORT_ANSWER,  /* one of the checklist's answer columns */
	EXPORT_SOURCES, /* 関連規定, one per line */
	EXPORT_LOCATIONS, /* 関連規定箇所, one per line */
	EXPORT_REMARKS,   /* 備考: the publisher's remark, then the answer column "remarks" */
	EXPORT_STATUS,    /* 回答状況: the official Japanese name of the status */
	EXPORT_VERDICT,   /* 確認結果: the review's verdict, by its official name */
	EXPORT_QUERY,     /* 照会事項: the review's latest comment */
};

/* One column of the export (CSV, and any other table format): its header
 * and what its cells hold. */
struct export_column {
	struct text header; /* the official Japanese, and its English */
	enum export_kind kind;
	long answer; /* EXPORT_ANSWER, EXPORT_REMARKS: index into cl->columns, or -1 */
};

/* Returns the columns of cl's export in the official order, as a new array
 * for the caller to free, with their count in *n; NULL if memory runs out. */
struct export_column *export_columns(const struct checklist *cl, size_t *n);

/* Returns col's header: the Japanese, and with LANG_EN its English on a line
 * after it. Newly allocated; NULL if memory runs out. */
char *export_header(const struct export_column *col, enum lang lang);

/* Returns col's cell for item index i: the Japanese, and with LANG_EN each
 * checklist text's English on a line after it. Newly allocated; NULL if
 * memory runs out. */
char *export_cell(const struct export_column *col, const struct checklist *cl,
		  const struct answers *a, size_t i, enum lang lang);

/* Writes the CSV: UTF-8 with a BOM, CRLF line ends, a header row with the
 * official Japanese column names, then one row per item, both walking
 * export_columns(). Returns 0 or -1. */
int export_csv(FILE *out, const struct checklist *cl, const struct answers *a);

/* The same; with lang LANG_EN, every header and every text of the
 * checklist also carries its English, on a line after the Japanese. */
int export_csv_lang(FILE *out, const struct checklist *cl, const struct answers *a, enum lang lang);

/* The headers of the history table (変更履歴) that the CSV and the
 * workbook write: 通番, 項目, 変更前, 変更後, 変更者, 日時. */
extern const char *const export_history_headers[6];

/* The text cells of change ch in the history table, as both write them:
 * cells[0] 項目 (回答状況, or the answer column's Japanese name), [1] 変更前
 * and [2] 変更後 (a status by its official Japanese name), [3] 変更者, and
 * [4] 日時 in local time (written to when, 64 bytes). */
void export_change_cells(const struct checklist *cl, const struct store_change *ch,
			 const char *cells[5], char when[64]);

/* Writes the history ch (n changes, oldest first) as CSV like
 * export_csv: a BOM, CRLF, the headers, a row per change. Returns 0 or
 * -1. */
int export_csv_history(FILE *out, const struct checklist *cl, const struct store_change *ch,
		       size_t n);

/* Writes a JSON string literal with every control character escaped and
 * invalid UTF-8 replaced by U+FFFD. */
void export_json_string(FILE *out, const char *text);

/* Writes the checklist with its answers as one JSON document. Returns 0 or -1. */
int export_json(FILE *out, const struct checklist *cl, const struct answers *a);

#endif
