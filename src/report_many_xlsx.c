/* report_many_xlsx: many answer files side by side as an Excel workbook
 * (libxlsxwriter): the matrix, then a sheet per file. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "export.h"
#include "export_xlsx_cell.h"
#include "gettext.h"
#include "report_many.h"
#include "textwidth.h"

/* The names of the sheets (the files' are "N name"). */
#define SHEET_MATRIX   "一覧"
#define SHEET_LEFT_OUT "対象外ファイル"

/* Excel's limits: characters in a sheet's name, in a cell. */
enum { SHEET_NAME_MAX = 31, CELL_MAX = 32767 };

struct book {
	const struct report_many *r;
	lxw_workbook *wb;
	lxw_format *head, *text;
	struct export_column *cols; /* a file's sheet's columns */
	size_t n_cols;
	char *err;
	size_t errlen;
	int failed;
};

/* Records a failure of libxlsxwriter e (the first only); returns whether
 * there was one. */
static int check(struct book *b, lxw_error e)
{
	if (e == LXW_NO_ERROR)
		return 0;
	if (!b->failed)
		snprintf(b->err, b->errlen, _("cannot write the workbook: %s"), lxw_strerror(e));
	b->failed = 1;
	return 1;
}

/* Writes text as a string cell (never a formula), sanitized unless tenken
 * may store it as it is, cut to what a cell holds. */
static int put(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *text,
	       lxw_format *f)
{
	char *clean = textwidth_storable(text, strlen(text), NULL, NULL) == TEXTWIDTH_TEXT
			      ? strdup(text)
			      : textwidth_sanitize(text);
	int rc;

	if (!clean)
		return check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	if (strlen(clean) > CELL_MAX) { /* bytes: never fewer than the UTF-16 units */
		clean[CELL_MAX / 2] = '\0';
		textwidth_cut(clean);
	}
	rc = check(b, worksheet_write_string(ws, r, c, clean, f));
	free(clean);
	return rc;
}

/* The sheet of the matrix. */
static int matrix_sheet(struct book *b)
{
	const struct checklist *cl = b->r->cl;
	const struct connectors *cs = b->r->cs;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, SHEET_MATRIX);
	lxw_col_t c = 3;

	if (!ws)
		return check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	worksheet_set_column(ws, 0, 0, 6, NULL);
	worksheet_set_column(ws, 1, 1, 24, b->text);
	worksheet_set_column(ws, 2, 2, 48, b->text);
	worksheet_freeze_panes(ws, 1, 3);
	if (put(b, ws, 0, 0, "通番", b->head) || put(b, ws, 0, 1, "区分", b->head) ||
	    put(b, ws, 0, 2, "セキュリティ対応目標", b->head))
		return -1;
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a) {
			worksheet_set_column(ws, c, c, 12, NULL);
			if (put(b, ws, 0, c++, cs->files[k].name, b->head))
				return -1;
		}
	for (size_t i = 0; i < cl->n_items; i++) {
		lxw_row_t r = (lxw_row_t)(i + 1);
		const struct item *it = &cl->items[i];
		if (check(b, export_xlsx_item(ws, r, 0, it, NULL)) ||
		    put(b, ws, r, 1, cl->sections[it->section].name.ja, NULL) ||
		    put(b, ws, r, 2, it->goal.ja, NULL))
			return -1;
		c = 3;
		for (size_t k = 0; k < cs->n; k++)
			if (cs->files[k].a &&
			    put(b, ws, r, c++, status_official(cs->files[k].a->status[i]), NULL))
				return -1;
	}
	return 0;
}

/* Writes the name of the sheet of the file in matrix column col to out:
 * "N name", the characters Excel refuses in a name as _, at most 31
 * characters, never cut inside one. */
static void sheet_name(char out[SHEET_NAME_MAX * 4 + 1], size_t col, const char *name)
{
	size_t len, i = 0, n = 0, o = (size_t)sprintf(out, "%zu ", col);

	n = o;
	len = strlen(name);
	while (i < len && n < SHEET_NAME_MAX) {
		uint32_t cp;
		size_t bytes = textwidth_decode(name + i, len - i, &cp);
		/* strchr looks at a char: 株 (U+682A) is not '*' (0x2A). */
		if (cp < 0x20 || cp == 0x7F || (cp < 0x80 && strchr("[]:*?/\\'", (int)cp)) ||
		    cp > 0xFFFF || textwidth_kind(cp) != TEXTWIDTH_TEXT) {
			out[o++] = '_';
		} else {
			memcpy(out + o, name + i, bytes);
			o += bytes;
		}
		i += bytes;
		n++;
	}
	out[o] = '\0';
}

/* The sheet of one file: the official columns but 手法例 and the
 * references, a row per item. */
static int file_sheet(struct book *b, const struct connector *f, size_t col)
{
	const struct checklist *cl = b->r->cl;
	char name[SHEET_NAME_MAX * 4 + 1];
	lxw_worksheet *ws;
	lxw_col_t c = 0;

	sheet_name(name, col, f->name);
	if (!(ws = workbook_add_worksheet(b->wb, name)))
		return check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	worksheet_freeze_panes(ws, 1, 1);
	for (size_t k = 0; k < b->n_cols; k++) {
		char *h;
		if (b->cols[k].kind == EXPORT_METHODS || b->cols[k].kind == EXPORT_SOURCES ||
		    b->cols[k].kind == EXPORT_LOCATIONS)
			continue;
		if (!(h = export_header(&b->cols[k], LANG_JA)))
			return check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		worksheet_set_column(ws, c, c, b->cols[k].kind == EXPORT_NUMBER ? 6 : 30, b->text);
		if (put(b, ws, 0, c, h, b->head)) {
			free(h);
			return -1;
		}
		free(h);
		for (size_t i = 0; i < cl->n_items; i++) {
			lxw_row_t r = (lxw_row_t)(i + 1);
			char *cell;
			if (b->cols[k].kind == EXPORT_NUMBER) {
				if (check(b, export_xlsx_item(ws, r, c, &cl->items[i], NULL)))
					return -1;
				continue;
			}
			if (!(cell = export_cell(&b->cols[k], cl, f->a, i, LANG_JA)))
				return check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			if (put(b, ws, r, c, cell, NULL)) {
				free(cell);
				return -1;
			}
			free(cell);
		}
		c++;
	}
	return 0;
}

/* The files left out, with why. */
static int left_out_sheet(struct book *b)
{
	const struct connectors *cs = b->r->cs;
	lxw_worksheet *ws;
	lxw_row_t r = 1;

	if (cs->n_read == cs->n)
		return 0;
	if (!(ws = workbook_add_worksheet(b->wb, SHEET_LEFT_OUT)))
		return check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	worksheet_set_column(ws, 0, 1, 60, b->text);
	if (put(b, ws, 0, 0, "ファイル", b->head) || put(b, ws, 0, 1, "理由", b->head))
		return -1;
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].why[0]) {
			if (put(b, ws, r, 0, cs->files[k].path, NULL) ||
			    put(b, ws, r, 1, cs->files[k].why, NULL))
				return -1;
			r++;
		}
	return 0;
}

static int write_book(struct book *b)
{
	size_t col = 0;

	b->head = workbook_add_format(b->wb);
	b->text = workbook_add_format(b->wb);
	if (!b->head || !b->text)
		return check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	format_set_bold(b->head);
	format_set_text_wrap(b->head);
	format_set_text_wrap(b->text);
	format_set_align(b->text, LXW_ALIGN_VERTICAL_TOP);
	if (matrix_sheet(b))
		return -1;
	for (size_t k = 0; k < b->r->cs->n; k++)
		if (b->r->cs->files[k].a && file_sheet(b, &b->r->cs->files[k], ++col))
			return -1;
	return left_out_sheet(b) ? -1 : 0;
}

int report_many_xlsx(const char *path, const struct report_many *r, char *err, size_t errlen)
{
	lxw_workbook_options wo = {.tmpdir = getenv("TMPDIR")};
	struct book b = {.r = r, .err = err, .errlen = errlen};
	lxw_error e;
	int rc = -1;

	b.cols = export_columns(r->cl, &b.n_cols);
	if (!b.cols || !(b.wb = workbook_new_opt(path, &wo)))
		check(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	else
		rc = write_book(&b);
	if (b.wb && (e = workbook_close(b.wb)) != LXW_NO_ERROR && rc == 0)
		rc = check(&b, e) ? -1 : 0;
	free(b.cols);
	return rc;
}
