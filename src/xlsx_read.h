/* xlsx_read: reads the cells of an XLSX workbook (libzip, expat): sheet
 * names and states, cell texts, hidden rows and the custom document
 * properties. The workbook comes from outside (a bank edits it in Excel or
 * LibreOffice Calc and sends it back), so every size is bounded, and a
 * workbook past a bound is refused with a message naming the file and the
 * place, never read in part. Messages quote what the file says made safe
 * to show (textwidth_sanitize); the texts themselves are as the file has
 * them. */
#ifndef TENKEN_XLSX_READ_H
#define TENKEN_XLSX_READ_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Limits that bound the reader's time and memory on hostile input. */
enum {
	XLSX_MAX_BYTES = 64 * 1024 * 1024, /* the file, and the parts read, uncompressed */
	XLSX_MAX_RATIO = 100,              /* uncompressed to compressed, for a part… */
	XLSX_RATIO_FROM = 1024 * 1024,     /* …larger than this */
	XLSX_MAX_SHEETS = 256,
	XLSX_MAX_RELATIONSHIPS = 10000, /* in xl/_rels/workbook.xml.rels */
	XLSX_MAX_ROWS = 100000,         /* <row> elements in one sheet */
	XLSX_MAX_CELLS = 1000000,       /* cells with a value, in the workbook */
	XLSX_MAX_STRINGS = 1000000,     /* entries of the shared string table */
	XLSX_MAX_TEXT = 1024 * 1024,    /* bytes of one cell's text, or one property's */
	XLSX_MAX_PROPERTIES = 1000,     /* custom document properties */
};

/* What a cell holds. Its text is a string's characters; a number's text as
 * the file writes it ("5", "0.1", "1E-3": no formatting applied, so a date
 * is its serial number); "TRUE" or "FALSE"; an error's code ("#N/A"). A
 * formula cell holds its cached result, of any of these types; a date
 * written as text (t="d") is a string. */
enum xlsx_type { XLSX_STRING, XLSX_NUMBER, XLSX_BOOLEAN, XLSX_ERROR };

/* A cell's text is valid UTF-8 as the workbook holds it, so it may hold
 * any character but NUL: a control character (escaped _x001B_ in the file)
 * or a bidirectional control too. Check it (textwidth_storable) before
 * storing or showing it. */
struct xlsx_cell {
	uint32_t row, col; /* 1-based: E12 is row 12, column 5 */
	enum xlsx_type type;
	const char *text; /* never empty; a line break is "\n" */
};

struct xlsx_sheet {
	const char *name;
	int hidden;              /* 1 for state="hidden" or "veryHidden" */
	struct xlsx_cell *cells; /* the cells with a value, by row then column */
	size_t n_cells;
	uint32_t *hidden_rows; /* ascending */
	size_t n_hidden_rows;
};

/* A custom document property (docProps/custom.xml): its value as text,
 * whatever its type (a date is "2024-04-01T09:00:00Z", a bool "true"). */
struct xlsx_property {
	const char *name;
	const char *value;
};

struct xlsx_book {
	struct xlsx_sheet *sheets; /* in workbook order, hidden ones too */
	size_t n_sheets;
	struct xlsx_property *properties; /* in file order */
	size_t n_properties;
	struct arena arena; /* every string and array above but cells and rows */
};

/* Reads the workbook at path. Returns it (free it with xlsx_free), or NULL
 * with a message in err (errlen bytes) that names path and the place:
 * "answers.xlsx: sheet チェックリスト, cell F12: …",
 * "answers.xlsx: xl/sharedStrings.xml:3:5: …". */
struct xlsx_book *xlsx_read(const char *path, char *err, size_t errlen);

/* Frees a workbook from xlsx_read; NULL is allowed. */
void xlsx_free(struct xlsx_book *book);

/* Returns the sheet named name (exactly), or NULL. */
const struct xlsx_sheet *xlsx_sheet_named(const struct xlsx_book *book, const char *name);

/* Returns the text of the cell at row, col (1-based), or NULL if it is
 * empty. */
const char *xlsx_cell_text(const struct xlsx_sheet *sheet, uint32_t row, uint32_t col);

/* Returns 1 if row (1-based) is hidden, else 0. */
int xlsx_row_hidden(const struct xlsx_sheet *sheet, uint32_t row);

/* Returns the value of the custom document property named name, or NULL. */
const char *xlsx_property(const struct xlsx_book *book, const char *name);

/* The longest cell reference, "XFD1048576", with its NUL. */
#define XLSX_REF_MAX 11

/* Writes the A1-style reference of row, col (1-based) to out: "E12",
 * "AA7"; a row or column past XFD1048576 is written as the last one.
 * Returns out. */
char *xlsx_ref(uint32_t row, uint32_t col, char out[XLSX_REF_MAX]);

#endif
