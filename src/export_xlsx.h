/* export_xlsx: the checklist and its answers as an Excel workbook, written
 * with libxlsxwriter, in the layout of the official form, for the bank that
 * reads it in Excel or LibreOffice Calc and may send it back.
 *
 * The workbook has three sheets (four with the history), in this order:
 *
 * "チェックリスト": the official layout, walking export_columns() as the
 *     CSV does. Row 1: the checklist's title (cl->title) over all columns
 *     but the last two, and the export time (local time, to the minute,
 *     with the zone) over those two.
 *     Row 2: the official Japanese column names in the official order, 回答
 *     状況 last; with English, row 3 holds the English names. Then one row
 *     per item in the checklist's order: 通番 is a number, every other cell
 *     a string cell (never a formula, whatever the text starts with); with
 *     English, each checklist text carries its English on a line after the
 *     Japanese, as in the CSV; answers are as they were written. 回答状況
 *     holds the official Japanese name of the status (status_official), and
 *     a drop-down (a data validation list) offers the five.
 * "集計": per section, then for all items (合計): the items, the answered
 *     (a status other than 未回答), the progress and the count of each
 *     status, as formulas over チェックリスト's 区分 and 回答状況 columns
 *     (COUNTIF, COUNTIFS), with their values cached as exported.
 * "変更履歴": only when asked for (export --history): the answer file's
 *     history, oldest first, a row per change: 通番, 項目 (回答状況 or the
 *     answer column's Japanese name), 変更前, 変更後 (a status by its
 *     official Japanese name), 変更者, 日時 (local time, with the zone:
 *     2026-12-02 03:54 JST). import does not read it.
 * "tenken": hidden; what brings the workbook back (below).
 *
 * The metadata, for tenken import. It is written twice, and a workbook
 * saved again by LibreOffice Calc keeps both copies (tests/xlsx.sh checks
 * the round trip where soffice is installed); import.c reads the
 * properties and the times of the sheet.
 *
 * Custom document properties (docProps/custom.xml), strings:
 *   tenken-layout     "1": the version of this layout
 *   tenken-checklist  the checklist's id (cl->id): fisc-api-2018
 *   tenken-sha256     the SHA-256 of the checklist file (cl->hash), hex
 *   tenken-version    the version of tenken that wrote the workbook
 *   tenken-exported   the export time, UTC, as the answer file writes
 *                     times: 2025-05-01T09:30:00.000Z
 *
 * The hidden sheet "tenken", in two tables side by side, each under a row
 * of headers:
 *   A, B  "通番", "changed"; then from row 2, one row per item in the
 *         checklist's order: its 通番 (a number) and the time of its last
 *         change in the answer file (a string as tenken-exported), empty
 *         if it never changed or there was no answer file. The first row
 *         with an empty A ends the table.
 *   D, E  "key", "value"; then from row 2 to the first empty row, one key
 *         and its value a row, strings:
 *     layout, checklist, sha256, version, exported   as the properties
 *     sheet       the name of the checklist's sheet: チェックリスト
 *     lang        "ja", or "en" when English was added
 *     first_row   the row (1-based) of the first item on that sheet: 3, or
 *                 4 with English
 *     column.ID   one row for each answer column of the checklist (ID is
 *                 its id: current, plan, remarks …) and one for "status":
 *                 the column (1-based) of that sheet that holds it. The
 *                 column of "remarks" is 備考, which holds the checklist's
 *                 remark on the item, a line break, then the answer
 *                 (either alone when the other is empty). */
#ifndef TENKEN_EXPORT_XLSX_H
#define TENKEN_EXPORT_XLSX_H

#include <stddef.h>
#include <time.h>

#include "answers.h"
#include "checklist.h"
#include "store.h"

/* The version of the layout above, in tenken-layout and the sheet. */
#define EXPORT_XLSX_LAYOUT "1"

/* The names of the sheets, and of the document properties. */
#define EXPORT_XLSX_SHEET          "チェックリスト"
#define EXPORT_XLSX_SUMMARY        "集計"
#define EXPORT_XLSX_HISTORY        "変更履歴"
#define EXPORT_XLSX_META           "tenken"
#define EXPORT_XLSX_PROP_LAYOUT    "tenken-layout"
#define EXPORT_XLSX_PROP_CHECKLIST "tenken-checklist"
#define EXPORT_XLSX_PROP_SHA256    "tenken-sha256"
#define EXPORT_XLSX_PROP_VERSION   "tenken-version"
#define EXPORT_XLSX_PROP_EXPORTED  "tenken-exported"

/* What an XLSX export is given beside the checklist and its answers. */
struct export_xlsx_opts {
	enum lang lang;       /* LANG_EN adds the English */
	struct timespec when; /* the export time */
	char (*times)[32];    /* each item's last change (store_item_times), or NULL */
	const struct store_change *changes; /* the history (store_history), oldest first */
	size_t n_changes;
	int history; /* 1: add the sheet 変更履歴 of changes */
};

/* Writes the workbook of cl and a to the file path (replacing it). Returns
 * 0, or -1 with a message in err (errlen bytes): a text longer than a cell
 * holds names its item and column. */
int export_xlsx(const char *path, const struct checklist *cl, const struct answers *a,
		const struct export_xlsx_opts *o, char *err, size_t errlen);

#endif
