/* export_xlsx: the checklist and its answers as an Excel workbook
 * (libxlsxwriter); the layout is described in export_xlsx.h. */
#include "config.h"

#include "export_xlsx.h"
#include "export_xlsx_cell.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "export.h"
#include "gettext.h"
#include "textwidth.h"

/* A4, in the numbering of Excel's page set-up. */
#define PAPER_A4 9

/* The light fill of the cells a firm fills in, and the grey of the headers. */
#define FILL_ANSWER 0xFFF2CC
#define FILL_HEADER 0xD9D9D9

/* The most characters a cell of Excel holds, counted in UTF-16 code units
 * as Excel counts them. */
#define CELL_MAX 32767

/* The height of a line of the default 11-point font, the room above and
 * below the lines, and the highest row Excel has, in points. The rows are
 * given their height: LibreOffice Calc does not fit a row to wrapped text
 * when it opens a workbook. */
#define LINE_HEIGHT 15.0
#define ROW_PADDING 3.0
#define ROW_MAX     409.0

/* The formats of the cells. */
struct styles {
	lxw_format *title, *date, *head, *head_en, *text, *number, *answer;
	lxw_format *count, *percent, *total, *total_count, *total_percent;
};

/* One export in progress. */
struct book {
	lxw_workbook *wb;
	const struct checklist *cl;
	const struct answers *a;
	const struct export_xlsx_opts *o;
	struct export_column *cols;
	size_t n_cols;
	size_t *width; /* per column: its width, about the columns of a terminal */
	struct styles st;
	lxw_row_t first;       /* the row of the first item (0-based) */
	lxw_col_t status_col;  /* 回答状況 */
	lxw_col_t verdict_col; /* 確認結果 */
	lxw_col_t section_col;
	char exported[32]; /* the export time, UTC */
	char *err;
	size_t errlen;
	int failed; /* err holds the first failure */
};

/* The smallest and largest width of a column of each kind (in the units of
 * Excel, about a column of the terminal): 通番 narrow, the goal and the
 * answers wide. */
static const struct {
	enum export_kind kind;
	size_t min, max;
} widths[] = {
	{EXPORT_NUMBER, 5, 6},    {EXPORT_SECTION, 10, 16},   {EXPORT_GOAL, 30, 40},
	{EXPORT_TARGET, 8, 12},   {EXPORT_METHODS, 40, 56},   {EXPORT_ANSWER, 30, 40},
	{EXPORT_SOURCES, 14, 24}, {EXPORT_LOCATIONS, 12, 20}, {EXPORT_REMARKS, 16, 30},
	{EXPORT_STATUS, 11, 12},  {EXPORT_VERDICT, 10, 11},   {EXPORT_QUERY, 24, 40},
};

static void fail(struct book *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Records the first failure's message. */
static void fail(struct book *b, const char *fmt, ...)
{
	va_list ap;

	if (b->failed++)
		return;
	va_start(ap, fmt);
	vsnprintf(b->err, b->errlen, fmt, ap);
	va_end(ap);
}

/* Records a failure of libxlsxwriter; returns whether there was one. */
static int check(struct book *b, lxw_error e)
{
	if (e == LXW_NO_ERROR)
		return 0;
	if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
		fail(b, "%s", _("out of memory"));
	else
		fail(b, _("cannot write the workbook: %s"), lxw_strerror(e));
	return 1;
}

/* Records that memory ran out; returns -1. */
static int oom(struct book *b)
{
	fail(b, "%s", _("out of memory"));
	return -1;
}

/* The UTF-16 code units of s: a character past U+FFFF takes two. */
static size_t utf16_units(const char *s)
{
	size_t len = strlen(s), i = 0, n = 0;

	while (i < len) {
		uint32_t cp;
		i += textwidth_decode(s + i, len - i, &cp);
		n += cp > 0xFFFF ? 2 : 1;
	}
	return n;
}

/* Writes text as a string cell, never a formula, whatever it starts with:
 * as it is when tenken may store it (line breaks and tabs kept, so that the
 * workbook reads back as it was written), else as tenken shows it
 * (textwidth_sanitize: a control character visibly, never raw). */
static lxw_error put_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *text,
			  lxw_format *f)
{
	char *clean = NULL;
	lxw_error e;

	if (utf16_units(text) > CELL_MAX)
		return LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
	if (textwidth_storable(text, strlen(text), NULL, NULL) != TEXTWIDTH_TEXT &&
	    !(clean = textwidth_sanitize(text)))
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	e = worksheet_write_string(ws, r, c, clean ? clean : text, f);
	free(clean);
	return e;
}

/* The columns the widest line of s takes. */
static size_t longest_line(const char *s)
{
	size_t len = strlen(s), i = 0, w = 0, max = 0;

	while (i < len) {
		uint32_t cp;
		i += textwidth_decode(s + i, len - i, &cp);
		w = cp == '\n' ? 0 : w + (size_t)textwidth_cp(cp);
		if (w > max)
			max = w;
	}
	return max;
}

static void widen(struct book *b, size_t col, const char *text)
{
	size_t w = longest_line(text);

	if (w > b->width[col])
		b->width[col] = w;
}

/* Whether the column's cells are what the firm fills in. */
static int is_answer(const struct export_column *col)
{
	return col->kind == EXPORT_ANSWER || col->kind == EXPORT_REMARKS ||
	       col->kind == EXPORT_STATUS || col->kind == EXPORT_VERDICT ||
	       col->kind == EXPORT_QUERY;
}

/* Returns "ja", or with English "ja\nen" (en may be NULL): newly allocated,
 * NULL if memory runs out. */
static char *two_lines(const char *ja, const char *en, enum lang lang)
{
	char *s;

	if (lang != LANG_EN || !en || !*en)
		return strdup(ja);
	if ((s = malloc(strlen(ja) + strlen(en) + 2)))
		sprintf(s, "%s\n%s", ja, en);
	return s;
}

/* Writes two_lines(ja, en) into the cell. */
static int put_two(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *ja,
		   const char *en, lxw_format *f)
{
	char *s = two_lines(ja, en, b->o->lang);
	int rc;

	if (!s)
		return oom(b);
	rc = check(b, put_text(ws, r, c, s, f)) ? -1 : 0;
	free(s);
	return rc;
}

/* What a format has beside the top alignment. */
enum {
	F_WRAP = 1 << 0,
	F_BORDER = 1 << 1,
	F_BOLD = 1 << 2,
	F_CENTER = 1 << 3,
	F_RIGHT = 1 << 4,
	F_PERCENT = 1 << 5,
	F_TITLE = 1 << 6, /* the larger type of the title */
};

/* Returns a new format, top-aligned, with what flags name and the fill
 * colour fill (0: none); NULL if memory runs out. */
static lxw_format *new_format(struct book *b, unsigned flags, uint32_t fill)
{
	lxw_format *f = workbook_add_format(b->wb);

	if (!f)
		return NULL;
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (flags & F_WRAP)
		format_set_text_wrap(f);
	if (flags & F_BORDER)
		format_set_border(f, LXW_BORDER_THIN);
	if (flags & F_BOLD)
		format_set_bold(f);
	if (flags & (F_CENTER | F_RIGHT))
		format_set_align(f, flags & F_CENTER ? LXW_ALIGN_CENTER : LXW_ALIGN_RIGHT);
	if (flags & F_PERCENT)
		format_set_num_format(f, "0%");
	if (flags & F_TITLE)
		format_set_font_size(f, 14);
	if (fill)
		format_set_bg_color(f, fill);
	return f;
}

/* Makes the formats of the cells. Returns 0, or -1 if memory runs out. */
static int make_styles(struct book *b)
{
	struct styles *s = &b->st;
	const unsigned cell = F_WRAP | F_BORDER;

	s->title = new_format(b, F_WRAP | F_BOLD | F_TITLE, 0);
	s->date = new_format(b, F_WRAP | F_RIGHT, 0);
	s->head = new_format(b, cell | F_BOLD | F_CENTER, FILL_HEADER);
	s->head_en = new_format(b, cell | F_CENTER, FILL_HEADER);
	s->text = new_format(b, cell, 0);
	s->number = new_format(b, F_BORDER | F_CENTER, 0);
	s->answer = new_format(b, cell, FILL_ANSWER);
	s->count = new_format(b, F_BORDER, 0);
	s->percent = new_format(b, F_BORDER | F_PERCENT, 0);
	s->total = new_format(b, cell | F_BOLD, 0);
	s->total_count = new_format(b, F_BORDER | F_BOLD, 0);
	s->total_percent = new_format(b, F_BORDER | F_BOLD | F_PERCENT, 0);
	if (!s->title || !s->date || !s->head || !s->head_en || !s->text || !s->number ||
	    !s->answer || !s->count || !s->percent || !s->total || !s->total_count ||
	    !s->total_percent)
		return oom(b);
	return 0;
}

/* Row 1 of the checklist's sheet: the title, and the export date. */
static int title_row(struct book *b, lxw_worksheet *ws)
{
	lxw_col_t last = (lxw_col_t)(b->n_cols - 1);
	struct tm tm;
	char ja[64], en[64];

	localtime_r(&b->o->when.tv_sec, &tm);
	strftime(ja, sizeof ja, "出力日: %Y-%m-%d %H:%M %Z", &tm);
	strftime(en, sizeof en, "Exported: %Y-%m-%d %H:%M %Z", &tm);
	worksheet_set_row(ws, 0, b->o->lang == LANG_EN ? 42 : 24, NULL);
	if (check(b, worksheet_merge_range(ws, 0, 0, 0, last - 2, "", b->st.title)) ||
	    check(b, worksheet_merge_range(ws, 0, last - 1, 0, last, "", b->st.date)))
		return -1;
	if (put_two(b, ws, 0, 0, b->cl->title.ja, b->cl->title.en, b->st.title) != 0)
		return -1;
	return put_two(b, ws, 0, last - 1, ja, en, b->st.date);
}

/* Returns the width of a column of kind whose widest line takes w
 * columns: a little more, for the filter's button, within the kind's
 * bounds. */
static size_t bounded_width(enum export_kind kind, size_t w)
{
	w += 2;
	for (size_t t = 0; t < sizeof widths / sizeof widths[0]; t++)
		if (widths[t].kind == kind)
			return w < widths[t].min   ? widths[t].min
			       : w > widths[t].max ? widths[t].max
						   : w;
	return w;
}

/* Sets b->width from the headers and every item's cells. */
static int measure(struct book *b)
{
	for (size_t k = 0; k < b->n_cols; k++) {
		widen(b, k, b->cols[k].header.ja);
		if (b->o->lang == LANG_EN && b->cols[k].header.en)
			widen(b, k, b->cols[k].header.en);
	}
	for (size_t i = 0; i < b->cl->n_items; i++)
		for (size_t k = 0; k < b->n_cols; k++) {
			char *cell = export_cell(&b->cols[k], b->cl, b->a, i, b->o->lang);
			if (!cell)
				return oom(b);
			widen(b, k, cell);
			free(cell);
		}
	for (size_t k = 0; k < b->n_cols; k++)
		b->width[k] = bounded_width(b->cols[k].kind, b->width[k]);
	return 0;
}

/* The lines text takes, wrapped in a column width wide. */
static size_t wrapped(const char *text, size_t width)
{
	return textwidth_wrap(text, (int)width - 1, NULL, 0);
}

/* The lines text takes, wrapped in column k. */
static size_t lines_in(const struct book *b, size_t k, const char *text)
{
	return wrapped(text, b->width[k]);
}

/* Gives row r the height of lines lines. */
static void fit_row(lxw_worksheet *ws, lxw_row_t r, size_t lines)
{
	double h = LINE_HEIGHT * (double)(lines ? lines : 1) + ROW_PADDING;

	worksheet_set_row(ws, r, h > ROW_MAX ? ROW_MAX : h, NULL);
}

/* A header row: the official Japanese names, or the English ones. */
static int header_row(struct book *b, lxw_worksheet *ws, lxw_row_t r, enum lang lang)
{
	size_t lines = 1;

	for (size_t k = 0; k < b->n_cols; k++) {
		const struct text *h = &b->cols[k].header;
		const char *name = lang == LANG_EN ? (h->en ? h->en : "") : h->ja;
		size_t n = lines_in(b, k, name);
		lines = n > lines ? n : lines;
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, (double)b->width[k], NULL);
		if (check(b, put_text(ws, r, (lxw_col_t)k, name,
				      lang == LANG_EN ? b->st.head_en : b->st.head)))
			return -1;
	}
	fit_row(ws, r, lines);
	return 0;
}

/* The row of the last item (of the first, when there is none). */
static lxw_row_t last_row(const struct book *b)
{
	return b->first + (lxw_row_t)(b->cl->n_items ? b->cl->n_items - 1 : 0);
}

/* The failure of an item's cell: one too long for a cell, named. */
static int cell_failed(struct book *b, size_t i, size_t k, lxw_error e)
{
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		fail(b,
		     _("item %s: the text of %s is longer than a cell of a workbook holds (%d "
		       "characters)"),
		     b->cl->items[i].label, b->cols[k].header.ja, CELL_MAX);
	return check(b, e) ? -1 : 0;
}

lxw_error export_xlsx_item(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const struct item *it,
			   lxw_format *f)
{
	if (it->added)
		return worksheet_write_string(ws, r, c, it->label, f);
	return worksheet_write_number(ws, r, c, it->number, f);
}

/* The row of item index i. */
static int item_row(struct book *b, lxw_worksheet *ws, size_t i)
{
	lxw_row_t r = b->first + (lxw_row_t)i;
	size_t lines = 1;

	for (size_t k = 0; k < b->n_cols; k++) {
		const struct export_column *col = &b->cols[k];
		lxw_format *f = is_answer(col) ? b->st.answer : b->st.text;
		char *cell = export_cell(col, b->cl, b->a, i, b->o->lang);
		lxw_error e;
		if (!cell)
			return oom(b);
		if (lines_in(b, k, cell) > lines)
			lines = lines_in(b, k, cell);
		if (col->kind == EXPORT_NUMBER)
			e = export_xlsx_item(ws, r, (lxw_col_t)k, &b->cl->items[i], b->st.number);
		else
			e = put_text(ws, r, (lxw_col_t)k, cell, f);
		free(cell);
		if (e != LXW_NO_ERROR)
			return cell_failed(b, i, k, e);
	}
	fit_row(ws, r, lines);
	return 0;
}

/* A drop-down on column col of the items' rows: the names, nothing else
 * (an empty cell stays allowed). */
static int drop_down(struct book *b, lxw_worksheet *ws, lxw_col_t col, char *title,
		     const char *const *names, size_t n)
{
	char copies[STATUS_COUNT + VERDICT_COUNT][32], *list[STATUS_COUNT + VERDICT_COUNT + 1];
	char message[256] = "";
	lxw_data_validation dv = {0};
	lxw_row_t last = last_row(b);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (!*names[i])
			continue;
		snprintf(copies[k], sizeof copies[k], "%s", names[i]);
		list[k] = copies[k];
		strcat(message, k++ ? "・" : "");
		strcat(message, names[i]);
	}
	list[k] = NULL;
	strcat(message, "のいずれかを選んでください。");
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = list;
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	dv.error_title = title;
	dv.error_message = message;
	return check(b, worksheet_data_validation_range(ws, b->first, col, last, col, &dv)) ? -1
											    : 0;
}

/* The drop-downs of 回答状況 (the five official names) and 確認結果 (the
 * three verdicts). */
static int status_list(struct book *b, lxw_worksheet *ws)
{
	const char *statuses[STATUS_COUNT], *verdicts[VERDICT_COUNT];
	char status_title[] = "回答状況", verdict_title[] = "確認結果";

	for (int s = 0; s < STATUS_COUNT; s++)
		statuses[s] = status_official((enum status)s);
	for (int v = 0; v < VERDICT_COUNT; v++)
		verdicts[v] = verdict_info((enum verdict)v)->official;
	return drop_down(b, ws, b->status_col, status_title, statuses, STATUS_COUNT) ||
			       drop_down(b, ws, b->verdict_col, verdict_title, verdicts,
					 VERDICT_COUNT)
		       ? -1
		       : 0;
}

/* The header frozen and filtered; printed as the official form: A4
 * landscape, one page wide, the header on every page, page N / M. */
static int page_setup(struct book *b, lxw_worksheet *ws)
{
	lxw_row_t last = last_row(b);

	worksheet_freeze_panes(ws, b->first, 1);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, PAPER_A4);
	worksheet_fit_to_pages(ws, 1, 0);
	if (check(b, worksheet_autofilter(ws, b->first - 1, 0, last, (lxw_col_t)(b->n_cols - 1))) ||
	    check(b, worksheet_repeat_rows(ws, 1, b->first - 1)) ||
	    check(b, worksheet_set_footer(ws, "&C&P / &N")))
		return -1;
	return 0;
}

static int checklist_sheet(struct book *b)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, EXPORT_XLSX_SHEET);

	if (!ws)
		return oom(b);
	if (measure(b) != 0 || title_row(b, ws) != 0 || header_row(b, ws, 1, LANG_JA) != 0 ||
	    (b->o->lang == LANG_EN && header_row(b, ws, 2, LANG_EN) != 0))
		return -1;
	for (size_t i = 0; i < b->cl->n_items; i++)
		if (item_row(b, ws, i) != 0)
			return -1;
	if (status_list(b, ws) != 0)
		return -1;
	return page_setup(b, ws);
}

/* The range of column col over the items' rows on the checklist's sheet,
 * for a formula: 'チェックリスト'!$K$3:$K$62. */
static void items_range(const struct book *b, lxw_col_t col, char *out, size_t len)
{
	char range[LXW_MAX_CELL_RANGE_LENGTH];
	lxw_row_t last = last_row(b);

	lxw_rowcol_to_range_abs(range, b->first, col, last, col);
	snprintf(out, len, "'%s'!%s", EXPORT_XLSX_SHEET, range);
}

/* The columns of 集計: 区分, 項目数, 回答済, 進捗, then one per status;
 * the widths of the first and of the others. */
enum { SUM_SECTION, SUM_ITEMS, SUM_ANSWERED, SUM_PROGRESS, SUM_STATUS };
enum { SUM_SECTION_WIDTH = 38, SUM_WIDTH = 11 };

/* Writes a formula with its value as exported. */
static int put_formula(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		       const char *formula, lxw_format *f, double value)
{
	return check(b, worksheet_write_formula_num(ws, r, c, formula, f, value)) ? -1 : 0;
}

/* The answered (a status other than 未回答) and the progress of row r,
 * from its counts. */
static int progress_cells(struct book *b, lxw_worksheet *ws, lxw_row_t r,
			  const size_t counts[STATUS_COUNT], int total)
{
	char first[LXW_MAX_CELL_NAME_LENGTH], last[LXW_MAX_CELL_NAME_LENGTH], items[16], f[96];
	size_t n = 0, answered;

	for (int s = 0; s < STATUS_COUNT; s++)
		n += counts[s];
	answered = n - counts[STATUS_UNANSWERED];
	lxw_rowcol_to_cell(first, r, SUM_STATUS + STATUS_UNANSWERED + 1);
	lxw_rowcol_to_cell(last, r, SUM_STATUS + STATUS_COUNT - 1);
	lxw_rowcol_to_cell(items, r, SUM_ITEMS);
	snprintf(f, sizeof f, "=SUM(%s:%s)", first, last);
	if (put_formula(b, ws, r, SUM_ANSWERED, f, total ? b->st.total_count : b->st.count,
			(double)answered) != 0)
		return -1;
	lxw_rowcol_to_cell(first, r, SUM_ANSWERED);
	snprintf(f, sizeof f, "=IF(%s=0,0,%s/%s)", items, first, items);
	return put_formula(b, ws, r, SUM_PROGRESS, f, total ? b->st.total_percent : b->st.percent,
			   n ? (double)answered / (double)n : 0);
}

/* The row of a section (criterion: the cell of its name, as 区分 holds
 * it), or with criterion NULL the total. */
static int summary_row(struct book *b, lxw_worksheet *ws, lxw_row_t r, const char *criterion,
		       const size_t counts[STATUS_COUNT])
{
	char sec[LXW_MAX_FORMULA_RANGE_LENGTH], stat[LXW_MAX_FORMULA_RANGE_LENGTH], f[512];
	lxw_format *fmt = criterion ? b->st.count : b->st.total_count;
	size_t n = 0;

	items_range(b, b->section_col, sec, sizeof sec);
	items_range(b, b->status_col, stat, sizeof stat);
	for (int s = 0; s < STATUS_COUNT; s++) {
		n += counts[s];
		if (criterion)
			snprintf(f, sizeof f, "=COUNTIFS(%s,%s,%s,\"%s\")", sec, criterion, stat,
				 status_official((enum status)s));
		else
			snprintf(f, sizeof f, "=COUNTIF(%s,\"%s\")", stat,
				 status_official((enum status)s));
		if (put_formula(b, ws, r, (lxw_col_t)(SUM_STATUS + s), f, fmt, (double)counts[s]))
			return -1;
	}
	if (criterion)
		snprintf(f, sizeof f, "=COUNTIF(%s,%s)", sec, criterion);
	else
		snprintf(f, sizeof f, "=ROWS(%s)", stat);
	if (put_formula(b, ws, r, SUM_ITEMS, f, fmt, (double)n) != 0)
		return -1;
	return progress_cells(b, ws, r, counts, !criterion);
}

/* The header row of 集計. */
static int summary_header(struct book *b, lxw_worksheet *ws)
{
	static const struct {
		const char *ja, *en;
	} heads[SUM_STATUS] = {
		{"区分", "Section"},
		{"項目数", "Items"},
		{"回答済", "Answered"},
		{"進捗", "Progress"},
	};
	size_t lines = 1;

	for (int c = 0; c < SUM_STATUS + STATUS_COUNT; c++) {
		enum status s = (enum status)(c - SUM_STATUS);
		const char *ja = c < SUM_STATUS ? heads[c].ja : status_official(s);
		const char *en = c < SUM_STATUS ? heads[c].en : status_info(s)->name;
		char *head = two_lines(ja, en, b->o->lang);
		if (!head)
			return oom(b);
		if (wrapped(head, c ? SUM_WIDTH : SUM_SECTION_WIDTH) > lines)
			lines = wrapped(head, c ? SUM_WIDTH : SUM_SECTION_WIDTH);
		if (check(b, put_text(ws, 1, (lxw_col_t)c, head, b->st.head))) {
			free(head);
			return -1;
		}
		free(head);
	}
	fit_row(ws, 1, lines);
	worksheet_set_column(ws, SUM_SECTION, SUM_SECTION, SUM_SECTION_WIDTH, NULL);
	worksheet_set_column(ws, SUM_ITEMS, SUM_STATUS + STATUS_COUNT - 1, SUM_WIDTH, NULL);
	return 0;
}

/* The row of section index s. */
static int summary_section(struct book *b, lxw_worksheet *ws, size_t s)
{
	const struct section *sec = &b->cl->sections[s];
	lxw_row_t r = (lxw_row_t)(2 + s);
	char *name = sec->n_items ? export_cell(&b->cols[b->section_col], b->cl, b->a,
						sec->first_item, b->o->lang)
				  : two_lines(sec->name.ja, sec->name.en, b->o->lang);
	char criterion[LXW_MAX_CELL_NAME_LENGTH];
	size_t counts[STATUS_COUNT];
	int rc;

	if (!name)
		return oom(b);
	fit_row(ws, r, wrapped(name, SUM_SECTION_WIDTH));
	rc = check(b, put_text(ws, r, SUM_SECTION, name, b->st.text)) ? -1 : 0;
	free(name);
	answers_count(b->a, sec->first_item, sec->n_items, counts);
	lxw_rowcol_to_cell_abs(criterion, r, SUM_SECTION, 0, 1);
	return rc ? rc : summary_row(b, ws, r, criterion, counts);
}

/* 集計: per section and in all, the progress and each status's count. */
static int summary_sheet(struct book *b)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, EXPORT_XLSX_SUMMARY);
	lxw_row_t total = (lxw_row_t)(2 + b->cl->n_sections);
	size_t counts[STATUS_COUNT];

	if (!ws)
		return oom(b);
	worksheet_set_row(ws, 0, b->o->lang == LANG_EN ? 42 : 24, NULL);
	if (check(b, worksheet_merge_range(ws, 0, 0, 0, SUM_STATUS + STATUS_COUNT - 1, "",
					   b->st.title)) ||
	    put_two(b, ws, 0, 0, b->cl->title.ja, b->cl->title.en, b->st.title) != 0 ||
	    summary_header(b, ws) != 0)
		return -1;
	for (size_t s = 0; s < b->cl->n_sections; s++)
		if (summary_section(b, ws, s) != 0)
			return -1;
	answers_count(b->a, 0, b->cl->n_items, counts);
	if (put_two(b, ws, total, SUM_SECTION, "合計", "Total", b->st.total) != 0 ||
	    summary_row(b, ws, total, NULL, counts) != 0)
		return -1;
	worksheet_freeze_panes(ws, 2, 1);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, PAPER_A4);
	worksheet_fit_to_pages(ws, 1, 0);
	return 0;
}

/* The id under which column k's answers are in the metadata, or NULL. */
static const char *column_id(const struct book *b, size_t k)
{
	const struct export_column *col = &b->cols[k];

	if (col->kind == EXPORT_STATUS)
		return "status";
	if (col->kind == EXPORT_VERDICT)
		return "verdict";
	if (col->kind == EXPORT_QUERY)
		return "comment";
	if ((col->kind == EXPORT_ANSWER || col->kind == EXPORT_REMARKS) && col->answer >= 0)
		return b->cl->columns[col->answer].id;
	return NULL;
}

/* The sheet "tenken": the items' 通番 and times in columns A and B, the
 * keys and their values in columns D and E, each under a row of headers. */
enum { META_ITEM_COL = 0, META_KEY_COL = 3 };

/* Writes two strings in row r of the sheet "tenken", in columns c and c+1. */
static int meta_pair(struct book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *left,
		     const char *right)
{
	if (check(b, put_text(ws, r, c, left, NULL)) ||
	    check(b, put_text(ws, r, c + 1, right, NULL)))
		return -1;
	return 0;
}

/* The keys and their values, from row 2. */
static int meta_keys(struct book *b, lxw_worksheet *ws)
{
	const struct {
		const char *key, *value;
	} keys[] = {
		{"layout", EXPORT_XLSX_LAYOUT},
		{"checklist", b->cl->id},
		{"sha256", b->cl->hash},
		{"version", PACKAGE_VERSION},
		{"exported", b->exported},
		{"sheet", EXPORT_XLSX_SHEET},
		{"lang", b->o->lang == LANG_EN ? "en" : "ja"},
	};
	char num[32], key[96];
	lxw_row_t r = 1;

	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (meta_pair(b, ws, r++, META_KEY_COL, keys[k].key, keys[k].value) != 0)
			return -1;
	snprintf(num, sizeof num, "%u", (unsigned)b->first + 1);
	if (meta_pair(b, ws, r++, META_KEY_COL, "first_row", num) != 0)
		return -1;
	for (size_t k = 0; k < b->n_cols; k++) {
		if (!column_id(b, k))
			continue;
		snprintf(key, sizeof key, "column.%s", column_id(b, k));
		snprintf(num, sizeof num, "%zu", k + 1);
		if (meta_pair(b, ws, r++, META_KEY_COL, key, num) != 0)
			return -1;
	}
	return 0;
}

/* Each item's 通番 and the time of its last change, from row 2. */
static int meta_times(struct book *b, lxw_worksheet *ws)
{
	for (size_t i = 0; i < b->cl->n_items; i++) {
		const char *t = b->o->times ? b->o->times[i] : "";
		lxw_row_t r = (lxw_row_t)(i + 1);
		if (check(b, export_xlsx_item(ws, r, META_ITEM_COL, &b->cl->items[i], NULL)) ||
		    check(b, put_text(ws, r, META_ITEM_COL + 1, t, NULL)))
			return -1;
	}
	return 0;
}

/* The hidden sheet "tenken". */
static int meta_sheet(struct book *b)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, EXPORT_XLSX_META);

	if (!ws)
		return oom(b);
	worksheet_hide(ws);
	worksheet_set_column(ws, META_ITEM_COL + 1, META_ITEM_COL + 1, 26, NULL);
	worksheet_set_column(ws, META_KEY_COL, META_KEY_COL, 18, NULL);
	worksheet_set_column(ws, META_KEY_COL + 1, META_KEY_COL + 1, 68, NULL);
	if (meta_pair(b, ws, 0, META_ITEM_COL, "通番", "changed") != 0 ||
	    meta_pair(b, ws, 0, META_KEY_COL, "key", "value") != 0 || meta_times(b, ws) != 0)
		return -1;
	return meta_keys(b, ws);
}

/* The same metadata as document properties. */
static int meta_properties(struct book *b)
{
	const struct {
		const char *name, *value;
	} props[] = {
		{EXPORT_XLSX_PROP_LAYOUT, EXPORT_XLSX_LAYOUT},
		{EXPORT_XLSX_PROP_CHECKLIST, b->cl->id},
		{EXPORT_XLSX_PROP_SHA256, b->cl->hash},
		{EXPORT_XLSX_PROP_VERSION, PACKAGE_VERSION},
		{EXPORT_XLSX_PROP_EXPORTED, b->exported},
	};
	char *title = strdup(b->cl->title.ja), *subject = strdup(b->cl->edition.ja);
	char comments[] = "tenken " PACKAGE_VERSION;
	lxw_doc_properties dp = {.title = title, .subject = subject, .comments = comments};
	int rc = title && subject ? 0 : check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);

	dp.created = b->o->when.tv_sec;
	rc = rc || check(b, workbook_set_properties(b->wb, &dp));
	for (size_t k = 0; !rc && k < sizeof props / sizeof props[0]; k++)
		rc = check(b, workbook_set_custom_property_string(b->wb, props[k].name,
								  props[k].value));
	free(title);
	free(subject);
	return rc ? -1 : 0;
}

/* Finds the columns the formulas read: 区分 and 回答状況. */
/* The sheet 変更履歴's cells of one change, in row r. */
static int history_row(struct book *b, lxw_worksheet *ws, lxw_row_t r,
		       const struct store_change *ch)
{
	const char *cells[5];
	char when[64];

	export_change_cells(b->cl, ch, cells, when);
	long i = checklist_find_item(b->cl, ch->item);
	char num[16];

	if (check(b, i >= 0 ? export_xlsx_item(ws, r, 0, &b->cl->items[i], b->st.number)
			    : worksheet_write_string(ws, r, 0,
						     checklist_key_label(b->cl, ch->item, num),
						     b->st.number)))
		return -1;
	for (lxw_col_t c = 0; c < 5; c++)
		if (check(b, put_text(ws, r, c + 1, cells[c], b->st.text)))
			return -1;
	return 0;
}

/* The sheet 変更履歴: a header, then every change, oldest first. */
static int history_sheet(struct book *b)
{
	static const double col_widths[] = {6, 18, 40, 40, 12, 20};
	lxw_worksheet *ws;

	if (!b->o->history)
		return 0;
	if (!(ws = workbook_add_worksheet(b->wb, EXPORT_XLSX_HISTORY)))
		return oom(b);
	for (lxw_col_t c = 0; c < 6; c++) {
		worksheet_set_column(ws, c, c, col_widths[c], NULL);
		if (check(b, put_text(ws, 0, c, export_history_headers[c], b->st.head)))
			return -1;
	}
	worksheet_freeze_panes(ws, 1, 0);
	for (size_t k = 0; k < b->o->n_changes; k++)
		if (history_row(b, ws, (lxw_row_t)(k + 1), &b->o->changes[k]) != 0)
			return -1;
	return 0;
}

static void find_columns(struct book *b)
{
	for (size_t k = 0; k < b->n_cols; k++) {
		if (b->cols[k].kind == EXPORT_SECTION)
			b->section_col = (lxw_col_t)k;
		if (b->cols[k].kind == EXPORT_STATUS)
			b->status_col = (lxw_col_t)k;
		if (b->cols[k].kind == EXPORT_VERDICT)
			b->verdict_col = (lxw_col_t)k;
	}
}

static int write_book(struct book *b)
{
	struct tm tm;

	gmtime_r(&b->o->when.tv_sec, &tm);
	strftime(b->exported, sizeof b->exported, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(b->exported + strlen(b->exported), sizeof b->exported - strlen(b->exported),
		 ".%03ldZ", b->o->when.tv_nsec / 1000000);
	b->first = b->o->lang == LANG_EN ? 3 : 2;
	find_columns(b);
	if (make_styles(b) != 0 || checklist_sheet(b) != 0 || summary_sheet(b) != 0 ||
	    history_sheet(b) != 0 || meta_sheet(b) != 0)
		return -1;
	return meta_properties(b);
}

int export_xlsx(const char *path, const struct checklist *cl, const struct answers *a,
		const struct export_xlsx_opts *o, char *err, size_t errlen)
{
	lxw_workbook_options wo = {.tmpdir = getenv("TMPDIR")};
	struct book b = {.cl = cl, .a = a, .o = o, .err = err, .errlen = errlen};
	lxw_error e;
	int rc = -1;

	b.cols = export_columns(cl, &b.n_cols);
	b.width = calloc(b.n_cols ? b.n_cols : 1, sizeof *b.width);
	if (!b.cols || !b.width || !(b.wb = workbook_new_opt(path, &wo)))
		check(&b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	else
		rc = write_book(&b);
	if (b.wb && (e = workbook_close(b.wb)) != LXW_NO_ERROR && rc == 0)
		rc = check(&b, e) ? -1 : 0;
	free(b.cols);
	free(b.width);
	return rc;
}
