/* import: answers read back from a table of cells -- the workbook or CSV
 * that tenken exported, the same after a person edited and saved it in
 * Excel or LibreOffice Calc, or the official form filled in by hand -- as
 * the changes they would make to an answer file. The header row is found
 * among the first rows by its official column names; rows are matched by
 * 通番 and columns by their headers, never by position. Input layer: the
 * model, the export's column table and the text rules. */
#ifndef TENKEN_IMPORT_H
#define TENKEN_IMPORT_H

#include <stddef.h>

#include "answers.h"
#include "checklist.h"
#include "export_xlsx.h"

/* A table of cells as read from a file: rows of text cells, and how to name
 * a cell's place in a message. */
struct import_table {
	const char *file;  /* the file's name, for messages */
	const char *sheet; /* the sheet's name (a workbook), or NULL (a CSV) */
	size_t n_rows;
	struct import_row {
		const char **cells; /* NULL: empty */
		size_t n;
		size_t line; /* a CSV: the line the row starts on */
		int hidden;  /* a hidden row of a workbook */
	} * rows;
};

/* What the exporter recorded in the workbook, where it did. */
struct import_meta {
	const char *checklist; /* id, or NULL (a file filled in by hand, or a CSV) */
	const char *sha256;    /* of the checklist file, or NULL */
	const char *exported;  /* when, UTC ISO 8601, or NULL */
	const char **times;    /* per item index: its last change before the export, or NULL */
};

/* The column of a change that is not one of the answer columns. */
enum {
	IMPORT_STATUS = -1,  /* 回答状況 */
	IMPORT_VERDICT = -2, /* 確認結果: the review's verdict */
	IMPORT_COMMENT = -3, /* 照会事項: a comment added to the review's thread */
};

/* One change the file would make: a status, an answer column, the review's
 * verdict or a comment. */
struct import_change {
	size_t item;
	long column;          /* the answer column, or IMPORT_STATUS, _VERDICT, _COMMENT */
	const char *old;      /* the stored text or status key */
	char *new_value;      /* newly allocated */
	enum status status;   /* IMPORT_STATUS: the new status */
	enum verdict verdict; /* IMPORT_VERDICT: the new verdict */
	int conflict;         /* changed in the answer file after the export */
	char where[128];      /* the cell: "sheet X, cell F12" or "file.csv:12:6" */
};

/* Something in the file that is not imported: an unknown 通番, an unknown
 * column, a cell that may not be stored, a status name not known. */
struct import_note {
	char text[512];
};

struct import_result {
	struct import_change *changes;
	size_t n_changes;
	struct import_note *notes;
	size_t n_notes;
	size_t header_row;                   /* where the header was found, 0-based */
	size_t rows_read;                    /* the item rows read */
	size_t goals_compared, goals_differ; /* rows whose goal is not the item's */
};

/* Reads table against checklist cl and the answers a: finds the header,
 * and lists each cell whose text differs from the stored answer or status
 * as a change, a conflict where meta and times (each item's last change in
 * the answer file, as store_item_times gives) show the answer file changed
 * it after the export. Returns 0, or -1 with a message in err when the
 * table has no header row of cl's columns. */
int import_table_read(const struct import_table *table, const struct checklist *cl,
		      const struct answers *a, const struct import_meta *meta, char (*times)[32],
		      struct import_result *out, char *err, size_t errlen);

/* Frees what import_table_read filled in out. */
void import_result_free(struct import_result *out);

struct csv_table;
struct xlsx_sheet;

/* Makes t the cells of a CSV file, named file in messages; t points into
 * csv, which must outlive it. Returns 0, or -1 if memory runs out. */
int import_table_csv(struct import_table *t, const struct csv_table *csv, const char *file);

/* The most places (rows times columns, the empty ones between the cells
 * included) a workbook's sheet may spread its cells over: a few cells far
 * down and far right, XFD1048576, would otherwise make a table of
 * gigabytes from a workbook of kilobytes. */
enum { IMPORT_MAX_PLACES = 4 * 1024 * 1024 };

/* What import_table_xlsx returns for a sheet past IMPORT_MAX_PLACES. */
#define IMPORT_TOO_LARGE (-2)

/* Makes t the cells of a workbook's sheet; t points into the sheet. Returns
 * 0, -1 if memory runs out, or IMPORT_TOO_LARGE (t is then empty). */
int import_table_xlsx(struct import_table *t, const struct xlsx_sheet *sheet, const char *file);

/* Where the export records what lets a workbook come back: custom
 * document properties, and a hidden sheet of 通番 (column A) and the time
 * of the item's last change (column B) from row 2. Both survive a save in
 * LibreOffice Calc. export_xlsx.h, which writes them, names them. */
#define IMPORT_META_SHEET     EXPORT_XLSX_META
#define IMPORT_PROP_CHECKLIST EXPORT_XLSX_PROP_CHECKLIST
#define IMPORT_PROP_SHA256    EXPORT_XLSX_PROP_SHA256
#define IMPORT_PROP_VERSION   EXPORT_XLSX_PROP_VERSION
#define IMPORT_PROP_EXPORTED  EXPORT_XLSX_PROP_EXPORTED

struct xlsx_book;

/* Reads what the export recorded in book into meta; times receives the
 * per-item array (free it) that meta->times points to. A workbook without
 * it (filled in by hand) gives an empty meta. Returns 0, or -1 if memory
 * runs out. */
int import_meta_xlsx(const struct xlsx_book *book, const struct checklist *cl,
		     struct import_meta *meta, const char ***times, char *err, size_t errlen);

/* Frees what import_table_csv or import_table_xlsx made. */
void import_table_free(struct import_table *t);

/* Returns the text of a CSV cell with the apostrophe the export put before
 * a text a spreadsheet would run as a formula taken off again; the cell
 * itself otherwise. */
const char *import_unguard(const char *cell);

#endif
