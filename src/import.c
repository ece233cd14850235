/* import: a table of cells read back as the changes it would make. */
#include "config.h"

#include "import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_read.h"
#include "export.h"
#include "gettext.h"
#include "textwidth.h"
#include "xlsx_read.h"

/* The header is looked for among this many first rows. */
enum { HEADER_ROWS = 20 };

/* Appends the normalized form of s to out: no spaces, ideographic spaces
 * or line breaks, so that 「セキュリティ 対応目標」 and a header broken over
 * two lines in a cell match. Returns out. */
static char *normalized(const char *s, char *out, size_t len)
{
	size_t o = strlen(out);

	for (; s && *s && o + 4 < len; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			continue;
		if (!strncmp(s, "\xE3\x80\x80", 3)) { /* U+3000 */
			s += 2;
			continue;
		}
		out[o++] = *s;
	}
	out[o] = '\0';
	return out;
}

/* Whether a header cell names col: its Japanese, or its Japanese followed
 * by its English (the export's --lang en). */
static int header_is(const char *cell, const struct export_column *col)
{
	char a[512] = "", b[512] = "";

	if (!cell)
		return 0;
	normalized(cell, a, sizeof a);
	normalized(col->header.ja, b, sizeof b);
	if (!strcmp(a, b))
		return 1;
	normalized(col->header.en, b, sizeof b);
	return !strcmp(a, b);
}

static const char *cell_at(const struct import_table *t, size_t r, size_t c)
{
	return r < t->n_rows && c < t->rows[r].n ? t->rows[r].cells[c] : NULL;
}

/* Names the place of a cell for a message: "sheet X, cell F12" or
 * "file.csv:12:6". The names are the file's: shown safely, on one line,
 * cut between characters where out is too short. */
static void place(const struct import_table *t, size_t r, size_t c, char *out, size_t len)
{
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	char ref[16];
	size_t n = 0, col = c + 1;
	char rev[8];
	char *shown = textwidth_sanitize_line(t->sheet ? t->sheet : t->file);

	if (!t->sheet) {
		snprintf(out, len, "%s:%zu:%zu", shown ? shown : "", t->rows[r].line, c + 1);
	} else {
		while (col && n < sizeof rev) {
			rev[n++] = letters[(col - 1) % 26];
			col = (col - 1) / 26;
		}
		for (size_t k = 0; k < n; k++)
			ref[k] = rev[n - 1 - k];
		snprintf(ref + n, sizeof ref - n, "%zu", r + 1);
		/* TRANSLATORS: where a cell of a workbook is: the sheet's name, then A1. */
		snprintf(out, len, _("sheet %s, cell %s"), shown ? shown : "", ref);
	}
	textwidth_cut(out);
	free(shown);
}

static int add_note(struct import_result *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int add_note(struct import_result *out, const char *fmt, ...)
{
	struct import_note *n = realloc(out->notes, (out->n_notes + 1) * sizeof *n);
	va_list ap;

	if (!n)
		return -1;
	out->notes = n;
	va_start(ap, fmt);
	vsnprintf(n[out->n_notes].text, sizeof n->text, fmt, ap);
	va_end(ap);
	textwidth_cut(n[out->n_notes].text); /* a long cell quoted: cut between characters */
	out->n_notes++;
	return 0;
}

/* Finds the header row: the first of the first rows that names 通番 and
 * the most other columns. Fills map[k] with the table column of export
 * column k (-1: absent). Returns the row, or -1. */
static long find_header(const struct import_table *t, const struct export_column *cols,
			size_t n_cols, long *map)
{
	long best = -1;
	size_t best_n = 0;

	for (size_t r = 0; r < t->n_rows && r < HEADER_ROWS; r++) {
		size_t found = 0;
		int number = 0;
		for (size_t k = 0; k < n_cols; k++)
			for (size_t c = 0; c < t->rows[r].n; c++)
				if (header_is(t->rows[r].cells[c], &cols[k])) {
					found++;
					number |= cols[k].kind == EXPORT_NUMBER;
					break;
				}
		if (number && found >= 3 && found > best_n)
			best = (long)r, best_n = found;
	}
	if (best < 0)
		return -1;
	for (size_t k = 0; k < n_cols; k++) {
		map[k] = -1;
		for (size_t c = 0; c < t->rows[best].n && map[k] < 0; c++)
			if (header_is(t->rows[best].cells[c], &cols[k]))
				map[k] = (long)c;
	}
	return best;
}

/* Lists the header cells that name no column of the checklist. */
static void note_unknown_columns(const struct import_table *t, size_t r,
				 const struct export_column *cols, size_t n_cols,
				 const struct checklist *cl, struct import_result *out)
{
	char where[256];

	for (size_t c = 0; c < t->rows[r].n; c++) {
		const char *h = t->rows[r].cells[c];
		size_t k = 0;
		char *shown;
		while (k < n_cols && !header_is(h, &cols[k]))
			k++;
		if (!h || k < n_cols)
			continue;
		place(t, r, c, where, sizeof where);
		shown = textwidth_sanitize_line(h);
		add_note(out, _("%s: \"%s\" is not a column of %s; not imported"), where,
			 shown ? shown : "", cl->id);
		free(shown);
	}
}

/* Reads 通番 from a cell: digits (full-width too), spaces around, and a
 * ".0" a spreadsheet may have added. Returns it, or -1. */
static long item_number(const char *s)
{
	long v = 0;
	int digits = 0;

	while (*s == ' ')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			v = v * 10 + (*s - '0');
		else if (!strncmp(s, "\xEF\xBC", 2) && (unsigned char)s[2] >= 0x90 &&
			 (unsigned char)s[2] <= 0x99) /* ０-９ */
			v = v * 10 + ((unsigned char)s[2] - 0x90), s += 2;
		else
			break;
		if (++digits > 9)
			return -1;
	}
	if (!strcmp(s, ".0"))
		s += 2;
	while (*s == ' ')
		s++;
	return digits && !*s ? v : -1;
}

const char *import_unguard(const char *cell)
{
	const char *s = cell + 1;

	if (cell[0] != '\'')
		return cell;
	if (s[0] == '=' || s[0] == '+' || s[0] == '@' ||
	    (s[0] == '-' && s[1] != '\0' && s[1] != ' ' && s[1] != '\n'))
		return s;
	return cell;
}

/* The status a 回答状況 cell names, by its official name, its key or its
 * name in either language; -1 if none. The first line only: an export
 * with English has the English under it. */
static int status_named(const char *cell)
{
	char first[256];
	size_t n = strcspn(cell, "\n");

	snprintf(first, sizeof first, "%.*s", (int)(n < sizeof first ? n : sizeof first - 1), cell);
	for (int s = 0; s < STATUS_COUNT; s++) {
		const struct status_info *si = status_info((enum status)s);
		if (!strcmp(first, si->official) || !strcmp(first, si->key) ||
		    !strcmp(first, si->name) || !strcmp(first, status_name((enum status)s)))
			return s;
	}
	return -1;
}

/* The firm's part of a 備考 cell: what follows the publisher's remark, if
 * the cell starts with it (the export writes it first). */
static const char *user_remarks(const char *cell, const struct item *it)
{
	size_t n = strlen(it->remarks.ja);

	if (!n || strncmp(cell, it->remarks.ja, n) != 0)
		return cell;
	cell += n;
	if (it->remarks.en && cell[0] == '\n' &&
	    !strncmp(cell + 1, it->remarks.en, strlen(it->remarks.en)))
		cell += 1 + strlen(it->remarks.en);
	return cell[0] == '\n' ? cell + 1 : cell;
}

struct reading {
	const struct import_table *t;
	const struct checklist *cl;
	const struct answers *a;
	const struct import_meta *meta;
	char (*times)[32];
	struct import_result *out;
};

/* Whether the answer file changed item after the workbook was exported. */
static int changed_since_export(const struct reading *rd, size_t item)
{
	const char *then;

	if (!rd->meta || !rd->meta->times || !rd->times)
		return 0;
	then = rd->meta->times[item] ? rd->meta->times[item] : "";
	return strcmp(rd->times[item], then) != 0;
}

static int add_change(const struct reading *rd, size_t r, size_t c, size_t item, long column,
		      const char *old, const char *text, int value)
{
	struct import_result *out = rd->out;
	struct import_change *ch = realloc(out->changes, (out->n_changes + 1) * sizeof *ch);

	if (!ch)
		return -1;
	out->changes = ch;
	ch = &ch[out->n_changes];
	memset(ch, 0, sizeof *ch);
	ch->item = item;
	ch->column = column;
	ch->old = old;
	if (column == IMPORT_STATUS)
		ch->status = (enum status)value;
	if (column == IMPORT_VERDICT)
		ch->verdict = (enum verdict)value;
	/* A comment is added to the thread, never over another: no conflict. */
	ch->conflict = column != IMPORT_COMMENT && changed_since_export(rd, item);
	place(rd->t, r, c, ch->where, sizeof ch->where);
	if (!(ch->new_value = strdup(text)))
		return -1;
	out->n_changes++;
	return 0;
}

/* One answer cell (or 照会事項: column IMPORT_COMMENT): a change if its
 * text differs from the stored answer (the latest comment) and may be
 * stored. */
static int read_answer(const struct reading *rd, size_t r, size_t c, size_t item, long column,
		       const char *text)
{
	const char *old = column == IMPORT_COMMENT ? answers_comment(rd->a, item)
						   : answers_text(rd->a, item, (size_t)column);
	size_t bad;
	uint32_t cp;
	char where[256];

	if (!strcmp(old, text))
		return 0;
	place(rd->t, r, c, where, sizeof where);
	switch (textwidth_storable(text, strlen(text), &bad, &cp)) {
	case TEXTWIDTH_TEXT:
		break;
	case TEXTWIDTH_INVALID:
		return add_note(rd->out, _("%s: invalid UTF-8; not imported"), where);
	default:
		return add_note(rd->out, _("%s: control character U+%04X; not imported"), where,
				(unsigned)cp);
	}
	return add_change(rd, r, c, item, column, old, text, 0);
}

/* Notes a 回答状況 (column IMPORT_STATUS) or 確認結果 cell that names no
 * status or verdict: it is not imported. Returns 0, or -1 if memory runs
 * out. */
static int not_named(const struct reading *rd, size_t r, size_t c, const char *text, long column)
{
	char where[256], *shown = textwidth_sanitize_line(text);
	int rc;

	place(rd->t, r, c, where, sizeof where);
	if (column == IMPORT_VERDICT)
		rc = add_note(rd->out, _("%s: \"%s\" is not a verdict; not imported"), where,
			      shown ? shown : "");
	else
		rc = add_note(rd->out, _("%s: \"%s\" is not a status; not imported"), where,
			      shown ? shown : "");
	free(shown);
	return rc;
}

static int read_verdict(const struct reading *rd, size_t r, size_t c, size_t item, const char *text)
{
	int v = verdict_named(text);

	if (v < 0)
		return not_named(rd, r, c, text, IMPORT_VERDICT);
	if ((enum verdict)v == rd->a->verdict[item])
		return 0;
	return add_change(rd, r, c, item, IMPORT_VERDICT,
			  verdict_info(rd->a->verdict[item])->official,
			  verdict_info((enum verdict)v)->official, v);
}

static int read_status(const struct reading *rd, size_t r, size_t c, size_t item, const char *text)
{
	int s = status_named(text);

	if (s < 0)
		return not_named(rd, r, c, text, IMPORT_STATUS);
	if ((enum status)s == rd->a->status[item])
		return 0;
	return add_change(rd, r, c, item, IMPORT_STATUS, status_official(rd->a->status[item]),
			  status_official((enum status)s), s);
}

/* One cell of an item's row, by what its column holds. */
static int read_cell(const struct reading *rd, const struct export_column *col, size_t r, size_t c,
		     size_t item)
{
	const char *cell = cell_at(rd->t, r, c);
	const char *text = cell ? cell : "";

	if (!rd->t->sheet)
		text = import_unguard(text);
	switch (col->kind) {
	case EXPORT_ANSWER:
		return read_answer(rd, r, c, item, col->answer, text);
	case EXPORT_REMARKS:
		if (col->answer < 0)
			return 0;
		return read_answer(rd, r, c, item, col->answer,
				   user_remarks(text, &rd->cl->items[item]));
	case EXPORT_STATUS:
		return *text ? read_status(rd, r, c, item, text) : 0;
	/* An empty cell takes nothing back: a comment is never deleted, and a
	 * form without the review's columns filled in is not a verdict. */
	case EXPORT_VERDICT:
		return *text ? read_verdict(rd, r, c, item, text) : 0;
	case EXPORT_QUERY:
		return *text ? read_answer(rd, r, c, item, IMPORT_COMMENT, text) : 0;
	default:
		return 0; /* the checklist's own text: not an answer */
	}
}

/* Whether a row's goal is the item's: the file answers this checklist and
 * this edition (a goal cell holds the Japanese, and with --lang en the
 * English after it). Counts the rows that differ. */
static void check_goal(const struct reading *rd, size_t r, size_t c, size_t item)
{
	const struct text *goal = &rd->cl->items[item].goal;
	const char *cell = cell_at(rd->t, r, c);
	char have[8192] = "", want[8192] = "";

	if (!cell || !*cell)
		return;
	rd->out->goals_compared++;
	normalized(cell, have, sizeof have);
	normalized(goal->ja, want, sizeof want);
	if (!strcmp(have, want))
		return;
	normalized(goal->en, want, sizeof want);
	if (!strcmp(have, want))
		return;
	rd->out->goals_differ++;
}

/* The index of the item a 通番 cell names: a published number (as
 * item_number reads it), or an overlay's label ("A-1"). Returns -1 if none
 * does. */
static long row_item(const struct checklist *cl, const char *num)
{
	long n = item_number(num), i;

	if (n < 0)
		return checklist_find_label(cl, num);
	i = checklist_find_item(cl, (int)n);
	return i >= 0 && !cl->items[i].added ? i : -1;
}

/* Says that a row's 通番 names no item: not a number, or not one of the
 * checklist's. */
static int no_item(const struct reading *rd, const char *where, const char *num)
{
	char *shown;
	int rc;

	if (item_number(num) < 0 && !rd->cl->base)
		return add_note(rd->out, _("%s: 通番 is not a number; row not imported"), where);
	if (!(shown = textwidth_sanitize_line(num)))
		return -1;
	rc = add_note(rd->out, _("%s: %s has no item %s; row not imported"), where, rd->cl->id,
		      shown);
	free(shown);
	return rc;
}

/* One row after the header: its 通番, then each answer cell. */
static int read_row(const struct reading *rd, size_t r, const struct export_column *cols,
		    size_t n_cols, const long *map, long number_col, unsigned char *seen)
{
	const char *num = cell_at(rd->t, r, (size_t)number_col);
	char where[256];
	long i;

	if (!num || !*num || !strcmp(num, "No."))
		return 0; /* an empty row, or the export's English header */
	place(rd->t, r, (size_t)number_col, where, sizeof where);
	if ((i = row_item(rd->cl, num)) < 0)
		return no_item(rd, where, num);
	if (seen[i]++)
		return add_note(rd->out, _("%s: item %s appears twice; this row is not imported"),
				where, rd->cl->items[i].label);
	rd->out->rows_read++;
	for (size_t k = 0; k < n_cols; k++) {
		if (map[k] < 0)
			continue;
		if (cols[k].kind == EXPORT_GOAL) {
			check_goal(rd, r, (size_t)map[k], (size_t)i);
			continue;
		}
		if (read_cell(rd, &cols[k], r, (size_t)map[k], (size_t)i) != 0)
			return -1;
	}
	return 0;
}

int import_table_read(const struct import_table *table, const struct checklist *cl,
		      const struct answers *a, const struct import_meta *meta, char (*times)[32],
		      struct import_result *out, char *err, size_t errlen)
{
	struct reading rd = {table, cl, a, meta, times, out};
	size_t n_cols;
	struct export_column *cols = export_columns(cl, &n_cols);
	long *map = cols ? calloc(n_cols, sizeof *map) : NULL;
	unsigned char *seen = calloc(cl->n_items ? cl->n_items : 1, 1);
	long header = -1, number_col = -1;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (!cols || !map || !seen) {
		snprintf(err, errlen, "%s: %s", table->file, _("out of memory"));
		goto done;
	}
	if ((header = find_header(table, cols, n_cols, map)) < 0) {
		snprintf(err, errlen,
			 _("%s: no header row of %s's columns (通番, セキュリティ対応目標 …) in "
			   "the first %d rows"),
			 table->file, cl->id, HEADER_ROWS);
		goto done;
	}
	for (size_t k = 0; k < n_cols; k++)
		if (cols[k].kind == EXPORT_NUMBER)
			number_col = map[k];
	out->header_row = (size_t)header;
	note_unknown_columns(table, (size_t)header, cols, n_cols, cl, out);
	for (size_t r = (size_t)header + 1; r < table->n_rows; r++)
		if (read_row(&rd, r, cols, n_cols, map, number_col, seen) != 0) {
			snprintf(err, errlen, "%s: %s", table->file, _("out of memory"));
			goto done;
		}
	/* Most goals not the checklist's: another checklist or edition, whose
	 * 通番 name other items. Nothing of it is imported. */
	if (out->goals_differ * 2 > out->goals_compared) {
		snprintf(err, errlen,
			 _("%s: the goals of %zu of %zu rows are not those of %s: the file answers "
			   "another checklist or edition; nothing was imported"),
			 table->file, out->goals_differ, out->goals_compared, cl->id);
		goto done;
	}
	if (out->goals_differ)
		add_note(out,
			 _("%zu rows have a goal that differs from %s's; their answers were read "
			   "by 通番"),
			 out->goals_differ, cl->id);
	rc = 0;
done:
	free(cols);
	free(map);
	free(seen);
	if (rc != 0)
		import_result_free(out);
	return rc;
}

void import_result_free(struct import_result *out)
{
	for (size_t k = 0; k < out->n_changes; k++)
		free(out->changes[k].new_value);
	free(out->changes);
	free(out->notes);
	memset(out, 0, sizeof *out);
}

/* Makes room for row r of t (rows grow as cells come). Returns 0 or -1. */
static int ensure_row(struct import_table *t, size_t r)
{
	struct import_row *rows;

	if (r < t->n_rows)
		return 0;
	if (!(rows = realloc(t->rows, (r + 1) * sizeof *rows)))
		return -1;
	memset(rows + t->n_rows, 0, (r + 1 - t->n_rows) * sizeof *rows);
	t->rows = rows;
	t->n_rows = r + 1;
	return 0;
}

/* Puts text at row r, column c of t. Returns 0 or -1. */
static int put_cell(struct import_table *t, size_t r, size_t c, const char *text)
{
	struct import_row *row;
	const char **cells;

	if (ensure_row(t, r) != 0)
		return -1;
	row = &t->rows[r];
	if (c >= row->n) {
		if (!(cells = realloc(row->cells, (c + 1) * sizeof *cells)))
			return -1;
		memset(cells + row->n, 0, (c + 1 - row->n) * sizeof *cells);
		row->cells = cells;
		row->n = c + 1;
	}
	row->cells[c] = text;
	return 0;
}

int import_table_csv(struct import_table *t, const struct csv_table *csv, const char *file)
{
	memset(t, 0, sizeof *t);
	t->file = file;
	for (size_t r = 0; r < csv->n_rows; r++) {
		if (ensure_row(t, r) != 0)
			return -1;
		t->rows[r].line = csv->rows[r].line;
		for (size_t c = 0; c < csv->rows[r].n; c++)
			if (put_cell(t, r, c, csv->rows[r].fields[c]) != 0)
				return -1;
	}
	return 0;
}

/* The places a sheet's table takes: a row for each row up to the last,
 * and in each a place for each column up to its last cell's (the cells
 * come by row, then column). */
static size_t places(const struct xlsx_sheet *sheet)
{
	size_t n = sheet->n_cells ? sheet->cells[sheet->n_cells - 1].row : 0;

	for (size_t k = 0; k < sheet->n_cells; k++)
		if (k + 1 == sheet->n_cells || sheet->cells[k + 1].row != sheet->cells[k].row)
			n += sheet->cells[k].col;
	return n;
}

int import_table_xlsx(struct import_table *t, const struct xlsx_sheet *sheet, const char *file)
{
	memset(t, 0, sizeof *t);
	t->file = file;
	t->sheet = sheet->name;
	if (places(sheet) > IMPORT_MAX_PLACES)
		return IMPORT_TOO_LARGE;
	for (size_t k = 0; k < sheet->n_cells; k++) {
		const struct xlsx_cell *cell = &sheet->cells[k];
		if (put_cell(t, cell->row - 1, cell->col - 1, cell->text) != 0)
			return -1;
	}
	for (size_t k = 0; k < sheet->n_hidden_rows; k++)
		if (sheet->hidden_rows[k] - 1 < t->n_rows)
			t->rows[sheet->hidden_rows[k] - 1].hidden = 1;
	return 0;
}

void import_table_free(struct import_table *t)
{
	for (size_t r = 0; r < t->n_rows; r++)
		free(t->rows[r].cells);
	free(t->rows);
	memset(t, 0, sizeof *t);
}

int import_meta_xlsx(const struct xlsx_book *book, const struct checklist *cl,
		     struct import_meta *meta, const char ***times, char *err, size_t errlen)
{
	const struct xlsx_sheet *sheet = xlsx_sheet_named(book, IMPORT_META_SHEET);

	memset(meta, 0, sizeof *meta);
	*times = NULL;
	meta->checklist = xlsx_property(book, IMPORT_PROP_CHECKLIST);
	meta->sha256 = xlsx_property(book, IMPORT_PROP_SHA256);
	meta->exported = xlsx_property(book, IMPORT_PROP_EXPORTED);
	if (!meta->checklist || !sheet)
		return 0; /* filled in by hand, or by a program that dropped them */
	if (!(*times = calloc(cl->n_items ? cl->n_items : 1, sizeof **times))) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return -1;
	}
	for (uint32_t r = 2;; r++) {
		const char *num = xlsx_cell_text(sheet, r, 1), *when = xlsx_cell_text(sheet, r, 2);
		long i;
		if (!num)
			break;
		if ((i = row_item(cl, num)) >= 0)
			(*times)[i] = when;
	}
	meta->times = *times;
	return 0;
}
