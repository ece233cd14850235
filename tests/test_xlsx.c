/* Tests of the XLSX reader: workbooks written at test time by openpyxl and
 * by hand (tests/xlsx_fixtures.py), one saved by LibreOffice Calc
 * (tests/fixtures/libreoffice.xlsx), and hostile workbooks, each refused
 * quickly with the file and the place named. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fnmatch.h>
#include <locale.h>
#include <time.h>
#include <sys/resource.h>
#include <cmocka.h>

#include "xlsx_read.h"

static char dir[] = "/tmp/tenken-xlsx-XXXXXX";

static const char *path_of(const char *name)
{
	static char path[512];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* Writes the workbooks; fails (never skips) when python3-openpyxl is
 * missing, since CI installs it. */
static int write_fixtures(void **state)
{
	char cmd[1024];

	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(cmd, sizeof cmd, "%s '%s/xlsx_fixtures.py' '%s'", PYTHON_OPENPYXL, TESTSRCDIR,
		 dir);
	if (system(cmd) != 0) {
		fprintf(stderr, "test_xlsx: %s failed (is python3-openpyxl installed?)\n", cmd);
		return -1;
	}
	return 0;
}

static int remove_fixtures(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

struct want_cell {
	uint32_t row, col;
	const char *text;
	enum xlsx_type type;
};

/* The sheet holds exactly the cells wanted, in order. */
static void check_cells(const struct xlsx_sheet *sh, const struct want_cell *want, size_t n)
{
	assert_int_equal(sh->n_cells, n);
	for (size_t i = 0; i < n; i++) {
		char ref[XLSX_REF_MAX];
		const struct xlsx_cell *c = &sh->cells[i];
		xlsx_ref(want[i].row, want[i].col, ref);
		if (c->row != want[i].row || c->col != want[i].col || strcmp(c->text, want[i].text))
			fail_msg("cell %zu: wanted %s \"%s\", found %u,%u \"%s\"", i, ref,
				 want[i].text, (unsigned)c->row, (unsigned)c->col, c->text);
		assert_int_equal(c->type, want[i].type);
		assert_string_equal(xlsx_cell_text(sh, want[i].row, want[i].col), want[i].text);
	}
}

/* The cells of the checklist sheet of book.xlsx, as openpyxl wrote them
 * and tests/xlsx_fixtures.py turned its strings into shared ones. */
static const struct want_cell book_cells[] = {
	{1, 1, "通番", XLSX_STRING},
	{1, 2, "項目", XLSX_STRING},
	{1, 3, "対応状況", XLSX_STRING},
	{1, 4, "現在の対応状況", XLSX_STRING},
	{1, 5, "備考", XLSX_STRING},
	{2, 1, "1", XLSX_NUMBER},
	{2, 2, "責任の所在を明確にする", XLSX_STRING},
	{2, 3, "対応済み", XLSX_STRING},
	{2, 4, "一行目\n二行目", XLSX_STRING},
	{2, 5, "重要: 多要素認証を導入", XLSX_STRING}, /* rich text; its rPh left out */
	{3, 1, "2", XLSX_NUMBER},
	{3, 2, "一行目\n二行目", XLSX_STRING}, /* written "一行目_x000D_\n二行目" */
	{3, 3, "対応済み", XLSX_STRING},
	{3, 4, "インライン文字列", XLSX_STRING},
	{3, 5, "_x0041_ と あ", XLSX_STRING}, /* "_x005F_x0041_ と _x3042_" */
	{4, 1, "3", XLSX_NUMBER},
	{4, 2, "非表示の行", XLSX_STRING},
	{4, 3, "未対応", XLSX_STRING},
	{4, 5, "TRUE", XLSX_BOOLEAN},
	{5, 1, "4", XLSX_NUMBER},
	{5, 2, " 前後の空白 ", XLSX_STRING}, /* xml:space="preserve" */
	{5, 3, "0.5", XLSX_NUMBER},
	{7, 27, "AA列", XLSX_STRING},
	{7, 52, "AZ列", XLSX_STRING},
	{7, 53, "53", XLSX_NUMBER},
};

static void check_book_sheets(const struct xlsx_book *book)
{
	assert_int_equal(book->n_sheets, 3);
	assert_string_equal(book->sheets[0].name, "チェックリスト");
	assert_false(book->sheets[0].hidden);
	assert_string_equal(book->sheets[1].name, "隠しシート");
	assert_true(book->sheets[1].hidden);
	assert_string_equal(book->sheets[2].name, "設定");
	assert_true(book->sheets[2].hidden); /* veryHidden */
	assert_string_equal(xlsx_cell_text(&book->sheets[1], 1, 1), "fisc-api-2018");
	assert_string_equal(xlsx_cell_text(&book->sheets[2], 2, 2), "veryHidden");
}

static void check_book_checklist(const struct xlsx_sheet *sh)
{
	assert_non_null(sh);
	assert_null(xlsx_cell_text(sh, 4, 4));
	assert_null(xlsx_cell_text(sh, 100, 1));
	assert_int_equal(sh->n_hidden_rows, 1);
	assert_true(xlsx_row_hidden(sh, 4));
	assert_false(xlsx_row_hidden(sh, 3));
	assert_false(xlsx_row_hidden(sh, 5));
}

static void check_book_properties(const struct xlsx_book *book)
{
	assert_int_equal(book->n_properties, 3);
	assert_string_equal(xlsx_property(book, "tenken.checklist"), "fisc-api-2018");
	assert_string_equal(xlsx_property(book, "tenken.sha256"),
			    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
	assert_string_equal(xlsx_property(book, "tenken.exported"), "2024-04-01T09:00:00Z");
	assert_null(xlsx_property(book, "tenken.other"));
}

static void test_openpyxl_book(void **state)
{
	char err[512] = "";
	struct xlsx_book *book = xlsx_read(path_of("book.xlsx"), err, sizeof err);

	(void)state;
	if (!book)
		fail_msg("%s", err);
	check_book_sheets(book);
	const struct xlsx_sheet *sh = xlsx_sheet_named(book, "チェックリスト");
	check_cells(sh, book_cells, sizeof book_cells / sizeof book_cells[0]);
	check_book_checklist(sh);
	check_book_properties(book);
	assert_null(xlsx_sheet_named(book, "Sheet1"));
	xlsx_free(book);
}

/* What LibreOffice Calc 7.4 kept of book.xlsx (tests/fixtures/README.md):
 * the strings, the rich text (its phonetic run dropped), the hidden row,
 * the hidden sheets (veryHidden made hidden) and the custom properties.
 * It did not decode "_x3042_" when it read the file, and wrote the text
 * back escaped as "_x005F_x3042_", so the cell reads as Calc showed it. */
static void test_libreoffice_book(void **state)
{
	char err[512] = "";
	struct xlsx_book *book =
		xlsx_read(TESTSRCDIR "/fixtures/libreoffice.xlsx", err, sizeof err);
	struct want_cell cells[sizeof book_cells / sizeof book_cells[0]];

	(void)state;
	if (!book)
		fail_msg("%s", err);
	memcpy(cells, book_cells, sizeof cells);
	cells[14].text = "_x0041_ と _x3042_";
	check_book_sheets(book);
	const struct xlsx_sheet *sh = xlsx_sheet_named(book, "チェックリスト");
	check_cells(sh, cells, sizeof cells / sizeof cells[0]);
	check_book_checklist(sh);
	check_book_properties(book);
	xlsx_free(book);
}

/* minimal.xlsx: prefixed names (<x:c>), no shared strings, sheet parts
 * named by the relationships only, cells and rows without r. */
static void test_minimal_book(void **state)
{
	static const struct want_cell want[] = {
		{1, 1, "位置は順番で", XLSX_STRING},
		{1, 2, "2", XLSX_NUMBER},
		{1, 4, "D1", XLSX_STRING},                          /* after an empty <c/> */
		{3, 1, "😀 \xEF\xBF\xBD \x1B a\nb\nc", XLSX_STRING}, /* NUL made U+FFFD */
		{3, 2, "ルビ前後を詰める", XLSX_STRING},
		{4, 1, "2024-04-01T00:00:00", XLSX_STRING},
		{5, 3, "計算結果", XLSX_STRING},
		{5, 4, "#N/A", XLSX_ERROR},
		{5, 5, "FALSE", XLSX_BOOLEAN},
	};
	char err[512] = "";
	struct xlsx_book *book = xlsx_read(path_of("minimal.xlsx"), err, sizeof err);

	(void)state;
	if (!book)
		fail_msg("%s", err);
	assert_int_equal(book->n_sheets, 2);
	assert_string_equal(book->sheets[0].name, "データ");
	check_cells(&book->sheets[0], want, sizeof want / sizeof want[0]);
	assert_string_equal(book->sheets[1].name, "空");
	assert_int_equal(book->sheets[1].n_cells, 0);
	assert_null(xlsx_cell_text(&book->sheets[1], 1, 1));
	assert_int_equal(book->n_properties, 0);
	xlsx_free(book);
}

static void test_ref(void **state)
{
	static const struct {
		uint32_t row, col;
		const char *ref;
	} cases[] = {
		{1, 1, "A1"},    {12, 5, "E12"},   {7, 26, "Z7"},
		{7, 27, "AA7"},  {7, 52, "AZ7"},   {7, 53, "BA7"},
		{1, 702, "ZZ1"}, {1, 703, "AAA1"}, {1048576, 16384, "XFD1048576"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char ref[XLSX_REF_MAX];
		assert_string_equal(xlsx_ref(cases[i].row, cases[i].col, ref), cases[i].ref);
	}
}

#if defined(__SANITIZE_ADDRESS__)
#define WITH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WITH_ASAN 1
#endif
#endif

/* Under valgrind the reader is many times slower, and the address space is
 * valgrind's; AddressSanitizer's shadow memory takes terabytes of address
 * space. So the time bound is not checked under valgrind, nor the memory
 * bound under either. */
static int under_valgrind(void)
{
	const char *preload = getenv("LD_PRELOAD");

	return preload && strstr(preload, "vgpreload");
}

static int address_space_bounded(void)
{
#ifdef WITH_ASAN
	return 0;
#else
	return !under_valgrind();
#endif
}

/* Each hostile workbook is refused, with this message after "FILE: "
 * (an fnmatch pattern), within a second (the slowest, rows.xlsx, takes
 * about 0.15 s), in 256 MiB of address space: none is decompressed or
 * parsed whole. */
static void test_hostile(void **state)
{
	static const struct {
		const char *file, *message;
	} cases[] = {
		{"notzip.xlsx", "not a zip file (an XLSX workbook is one)"},
		{"encrypted.xlsx", "an encrypted workbook or an Excel 97-2003 file, *"},
		{"noworkbook.xlsx",
		 "xl/workbook.xml is missing (this is not an XLSX workbook, or a damaged one)"},
		{"bomb.xlsx", "xl/worksheets/sheet1.xml: compressed * to 1, more than 100 to 1 "
			      "(refused as a zip bomb)"},
		{"lying.xlsx", "xl/worksheets/sheet1.xml: holds more than the zip directory says "
			       "(refused as a zip bomb)"},
		{"large.xlsx", "xl/worksheets/sheet1.xml: 68157440 bytes uncompressed, more than "
			       "the 64 MiB that tenken reads from one workbook"},
		{"rows.xlsx", "sheet Sheet1, row 100001: more than 100000 rows in one sheet"},
		{"entities.xlsx", "xl/sharedStrings.xml:2:16: a DOCTYPE declaration, *"},
		{"bigcell.xlsx", "sheet チェックリスト, cell F12: text longer than 1048576 bytes"},
		{"bigstring.xlsx", "xl/sharedStrings.xml:2:*: text longer than 1048576 bytes"},
		{"malformed.xlsx", "xl/worksheets/sheet1.xml:4:17: mismatched tag"},
		{"badref.xlsx", "xl/worksheets/sheet1.xml:2:*: bad cell reference \"1A\""},
		{"bidiref.xlsx", "xl/worksheets/sheet1.xml:2:*: bad cell reference \"<U+202E>A1\""},
		{"newline.xlsx",
		 "sheet 改行 名, cell A2: shared string \"<U+202E>7\" does not exist"},
		{"twice.xlsx", "sheet 回答, cell B2: the cell is written twice"},
		{"nostring.xlsx", "sheet Sheet1, cell C1: shared string \"1\" does not exist"},
		{"sheets.xlsx", "xl/workbook.xml:2:*: more than 256 sheets"},
		{"missing.xlsx", "No such file or directory"},
	};
	struct rlimit old, low;
	int bounded = address_space_bounded(), timed = !under_valgrind();

	(void)state;
	assert_int_equal(getrlimit(RLIMIT_AS, &old), 0);
	low = old;
	low.rlim_cur = 256 * 1024 * 1024;
	if (bounded && (old.rlim_max == RLIM_INFINITY || old.rlim_max > low.rlim_cur))
		assert_int_equal(setrlimit(RLIMIT_AS, &low), 0);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char err[512] = "", want[600];
		struct timespec t0, t1;
		const char *path = path_of(cases[i].file);

		clock_gettime(CLOCK_MONOTONIC, &t0);
		struct xlsx_book *book = xlsx_read(path, err, sizeof err);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
		snprintf(want, sizeof want, "%s: %s", path, cases[i].message);
		if (book || fnmatch(want, err, 0) != 0)
			fail_msg("%s: wanted \"%s\", found \"%s\"", cases[i].file, want, err);
		if (timed && secs > 1.0)
			fail_msg("%s: refused after %.2f s", cases[i].file, secs);
	}
	setrlimit(RLIMIT_AS, &old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_openpyxl_book), cmocka_unit_test(test_libreoffice_book),
		cmocka_unit_test(test_minimal_book),  cmocka_unit_test(test_ref),
		cmocka_unit_test(test_hostile),
	};
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, write_fixtures, remove_fixtures);
}
