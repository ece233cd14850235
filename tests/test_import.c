/* Tests of reading answers back: the CSV reader, and the import of a table
 * of cells as the changes it would make. Japanese cases first. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <cmocka.h>

#include "answers.h"
#include "checklist_yaml.h"
#include "csv_read.h"
#include "import.h"
#include "textwidth.h"
#include "xlsx_read.h"

#define Y2018 SRCDATADIR "/fisc-api-2018.yaml"

static struct checklist *cl2018;

/* The goals of the 2018 edition's first items, as the export writes them. */
#define G1 "セキュリティ管理責任の所在と対象範囲を明確にする。"
#define G2 "セキュリティ管理ルールを整備する。"
#define G3_EN                                                                                      \
	"Make the security management framework take root, by making information management "      \
	"methods known to officers and employees, monitoring, and the like."
#define G3                                                                                                                                     \
	"役職員に対する情報管理方法の周知やモニタリング等の実施により、セキュリティ管理態勢の定着" \
	"を図る。"

static int load(void **state)
{
	char err[1024];

	(void)state;
	cl2018 = checklist_load_file(Y2018, err, sizeof err);
	if (!cl2018)
		fprintf(stderr, "%s\n", err);
	return cl2018 ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	checklist_free(cl2018);
	return 0;
}

static struct csv_table *csv(const char *text)
{
	char err[512] = "";
	struct csv_table *t = csv_read_buffer("t.csv", text, strlen(text), err, sizeof err);

	if (!t)
		fail_msg("csv_read_buffer: %s", err);
	return t;
}

/* RFC 4180 with or without a BOM: quotes doubled, line breaks in a field
 * (CRLF too), empty fields, a last line without its line end. */
static void test_csv_fields(void **state)
{
	struct csv_table *t = csv("\xEF\xBB\xBF\"通番\",\"現在の対応状況\"\r\n\"1\","
				  "\"彼は\"\"はい\"\"と\r\n言った\"\r\n2,,x\n3");

	(void)state;
	assert_int_equal(t->n_rows, 4);
	assert_string_equal(t->rows[0].fields[0], "通番");
	assert_string_equal(t->rows[1].fields[1], "彼は\"はい\"と\n言った");
	assert_int_equal(t->rows[2].line, 4);
	assert_int_equal(t->rows[2].n, 3);
	assert_string_equal(t->rows[2].fields[1], "");
	assert_string_equal(t->rows[3].fields[0], "3");
	assert_int_equal(t->converted, 0);
	csv_free(t);
}

/* Shift_JIS (CP932), as Excel on Japanese Windows saves: converted. */
static void test_csv_cp932(void **state)
{
	/* 通番,回答 then 1,対応済 in CP932 */
	struct csv_table *t =
		csv("\x92\xca\x94\xd4,\x89\xf1\x93\x9a\r\n1,\x91\xce\x89\x9e\x8d\xcf\r\n");

	(void)state;
	assert_int_equal(t->converted, 1);
	assert_string_equal(t->rows[0].fields[0], "通番");
	assert_string_equal(t->rows[1].fields[1], "対応済");
	csv_free(t);
}

/* A malformed CSV is refused with file:line:column. */
static void test_csv_refused(void **state)
{
	static const struct {
		const char *text, *where, *what;
	} cases[] = {
		{"a,b\n\"c,d\n", "t.csv:2:1:", "not closed"},
		{"a,\"b\"x\n", "t.csv:1:6:", "after the closing quote"},
		{"a,b\"c\n", "t.csv:1:4:", "a quote inside"},
		{"通番,\"回答\"あ\n", "t.csv:1:8:", "after the closing quote"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char err[512] = "";
		struct csv_table *t = csv_read_buffer("t.csv", cases[i].text, strlen(cases[i].text),
						      err, sizeof err);
		if (t)
			fail_msg("case %zu was read", i);
		if (strncmp(err, cases[i].where, strlen(cases[i].where)) ||
		    !strstr(err, cases[i].what))
			fail_msg("case %zu: \"%s\", expected \"%s…%s\"", i, err, cases[i].where,
				 cases[i].what);
	}
}

/* Reads text as a CSV import against the 2018 edition and answers a. */
static int import_csv(const char *text, struct answers *a, struct import_result *res, char *err,
		      size_t errlen)
{
	struct csv_table *t = csv(text);
	struct import_table table;
	int rc;

	assert_int_equal(import_table_csv(&table, t, "t.csv"), 0);
	rc = import_table_read(&table, cl2018, a, NULL, NULL, res, err, errlen);
	import_table_free(&table);
	csv_free(t);
	return rc;
}

/* A header found below a title row, with spaces and line breaks inside its
 * names, extra and reordered columns, an empty row: each change named by
 * its cell. */
static void test_header_found_and_columns_by_name(void **state)
{
	struct answers *a = answers_new(cl2018);
	struct import_result res;
	char err[512] = "";

	(void)state;
	answers_set_text(a, 1, 0, "既存の回答");
	assert_int_equal(
		import_csv("API接続チェックリスト,,,,\n"
			   ",,,,\n"
			   "回答状況,問い合わせ,\"セキュリティ\n対応目標\",通番,現在の 対応状況\n"
			   "対応済,何か,\"セキュリティ管理責任の "
			   "所在と対象範囲を明確にする。\",1,新しい回答\n"
			   ",,,,\n"
			   "未回答,,\"" G2 "\",2,既存の回答\n",
			   a, &res, err, sizeof err),
		0);
	assert_int_equal(res.header_row, 2);
	assert_int_equal(res.rows_read, 2);
	assert_int_equal(res.n_changes, 2);
	/* In the official order of the columns, whatever the table's order;
	 * each named by its line (the header spans two) and field. */
	assert_string_equal(res.changes[0].new_value, "新しい回答");
	assert_string_equal(res.changes[0].where, "t.csv:5:5");
	assert_int_equal(res.changes[1].column, -1);
	assert_int_equal(res.changes[1].status, STATUS_IMPLEMENTED);
	assert_string_equal(res.changes[1].where, "t.csv:5:1");
	/* The unknown column is named, not guessed. */
	assert_int_equal(res.n_notes, 1);
	assert_non_null(strstr(res.notes[0].text, "問い合わせ"));
	import_result_free(&res);
	answers_free(a);
}

/* The export's --lang en header: the Japanese and the English in one cell,
 * and a second row of English headers. */
static void test_header_with_english(void **state)
{
	struct answers *a = answers_new(cl2018);
	struct import_result res;
	char err[512] = "";

	(void)state;
	assert_int_equal(import_csv("\"通番\nNo.\",\"セキュリティ対応目標\nSecurity "
				    "goal\",\"現在の対応状況\nCurrent status of measures\"\n"
				    "No.,Security goal,Current status of measures\n"
				    "3,\"" G3 "\n" G3_EN "\",回答\n",
				    a, &res, err, sizeof err),
			 0);
	assert_int_equal(res.n_changes, 1);
	assert_int_equal(res.changes[0].item, 2);
	assert_int_equal(res.n_notes, 0);
	import_result_free(&res);
	answers_free(a);
}

/* Unknown 通番, a duplicate row, a status name not known and a cell with a
 * control character are listed, not imported; the formula guard the CSV
 * export adds is taken off again. */
static void test_what_is_not_imported(void **state)
{
	struct answers *a = answers_new(cl2018);
	struct import_result res;
	char err[512] = "";

	(void)state;
	assert_int_equal(import_csv("通番,セキュリティ対応目標,現在の対応状況,回答状況\n"
				    "99,x,a,\n"
				    "一,x,a,\n"
				    "1," G1 ",'=SUM(A1),済み\n"
				    "1," G1 ",b,\n"
				    "２," G2 ",\"a\xe2\x80\xae"
				    "b\",\n",
				    a, &res, err, sizeof err),
			 0);
	assert_int_equal(res.n_changes, 1);
	assert_string_equal(res.changes[0].new_value, "=SUM(A1)");
	assert_int_equal(res.n_notes, 5);
	assert_non_null(strstr(res.notes[0].text, "no item 99"));
	assert_non_null(strstr(res.notes[1].text, "not a number"));
	assert_non_null(strstr(res.notes[2].text, "not a status"));
	assert_non_null(strstr(res.notes[3].text, "appears twice"));
	assert_non_null(strstr(res.notes[4].text, "U+202E"));
	import_result_free(&res);
	answers_free(a);
}

/* A note or a cell's place quotes the file: each is one line of text safe
 * to print, cut between characters when long. A header cell with a line
 * break and an escape, a 500-byte Japanese header, a sheet named with a
 * bidirectional control and a line break (tenken import prints each note
 * and place on a line of its own). */
static void test_notes_one_safe_line(void **state)
{
	struct answers *a = answers_new(cl2018);
	struct import_result res;
	struct import_table t = {0};
	const char *header[] = {"通番", "セキュリティ対応目標", "現在の対応状況",
				"偽の\n行\x1b[2J"};
	const char *row[] = {"1", G1, "回答", NULL};
	struct import_row rows[2] = {{header, 4, 1, 0}, {row, 3, 2, 0}};
	char err[512] = "", long_header[600] = "";

	(void)state;
	while (strlen(long_header) + 3 < 500)
		strcat(long_header, "長");
	assert_int_equal(
		import_csv("通番,セキュリティ対応目標,現在の対応状況,\"偽の\n行\x1b[2J\",x\n"
			   "1," G1 ",回答\n",
			   a, &res, err, sizeof err),
		0);
	assert_int_equal(res.n_notes, 2);
	assert_non_null(strstr(res.notes[0].text, "\"偽の 行^[[2J\" is not a column"));
	import_result_free(&res);
	header[3] = long_header;
	t.file = "t.xlsx";
	t.sheet = "チェック\xe2\x80\xae\nリスト";
	t.rows = rows;
	t.n_rows = 2;
	assert_int_equal(import_table_read(&t, cl2018, a, NULL, NULL, &res, err, sizeof err), 0);
	assert_int_equal(res.n_changes, 1);
	assert_string_equal(res.changes[0].where, "sheet チェック<U+202E> リスト, cell C2");
	assert_int_equal(res.n_notes, 1);
	assert_true(textwidth_valid_utf8(res.notes[0].text, strlen(res.notes[0].text), NULL));
	assert_non_null(
		strstr(res.notes[0].text, "sheet チェック<U+202E> リスト, cell D1: \"長長"));
	import_result_free(&res);
	answers_free(a);
}

/* A sheet whose cells spread far down and far right is refused before its
 * table is made: 300 cells in column XFD would be 300 x 16384 places. A
 * cell in XFD1000 alone is within bounds. */
static void test_spread_sheet_refused(void **state)
{
	struct xlsx_cell cells[300];
	struct xlsx_sheet sheet = {.name = "S", .cells = cells, .n_cells = 300};
	struct import_table t;

	(void)state;
	for (uint32_t i = 0; i < 300; i++)
		cells[i] = (struct xlsx_cell){i + 1, 16384, XLSX_NUMBER, "1"};
	assert_int_equal(import_table_xlsx(&t, &sheet, "t.xlsx"), IMPORT_TOO_LARGE);
	assert_int_equal(t.n_rows, 0);
	cells[0] = (struct xlsx_cell){1, 1, XLSX_STRING, "通番"};
	cells[1] = (struct xlsx_cell){1000, 16384, XLSX_NUMBER, "1"};
	sheet.n_cells = 2;
	assert_int_equal(import_table_xlsx(&t, &sheet, "t.xlsx"), 0);
	assert_int_equal(t.n_rows, 1000);
	assert_string_equal(t.rows[999].cells[16383], "1");
	import_table_free(&t);
}

/* The answers of another checklist or edition, whose 通番 name other
 * items, are refused whole: most goals are not this checklist's. */
static void test_another_edition_refused(void **state)
{
	struct answers *a = answers_new(cl2018);
	struct import_result res;
	char err[512] = "";

	(void)state;
	assert_int_equal(import_csv("通番,セキュリティ対応目標,現在の対応状況\n"
				    "1,セキュリティ管理責任の所在と対象範囲を明確にする,a\n"
				    "2,セキュリティ管理ルールを整備する,b\n"
				    "3,セキュリティ管理態勢の定着を図る,c\n",
				    a, &res, err, sizeof err),
			 -1);
	assert_non_null(strstr(err, "another checklist or edition"));
	answers_free(a);
}

/* A table without the checklist's header row is refused, with the file. */
static void test_no_header(void **state)
{
	struct answers *a = answers_new(cl2018);
	struct import_result res;
	char err[512] = "";

	(void)state;
	assert_int_equal(import_csv("a,b,c\n1,2,3\n", a, &res, err, sizeof err), -1);
	assert_non_null(strstr(err, "t.csv: no header row"));
	answers_free(a);
}

/* A conflict: the answer file changed the item after the export (its last
 * change differs from the one the workbook records); another item did not. */
static void test_conflict_by_times(void **state)
{
	struct answers *a = answers_new(cl2018);
	struct import_result res;
	struct csv_table *t =
		csv("通番,セキュリティ対応目標,現在の対応状況\n1," G1 ",彼ら\n2," G2 ",彼ら\n");
	struct import_table table;
	const char *then[44] = {"2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"};
	struct import_meta meta = {"fisc-api-2018", NULL, NULL, then};
	char err[512], times[44][32] = {"2026-02-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"};

	(void)state;
	assert_int_equal(import_table_csv(&table, t, "t.csv"), 0);
	assert_int_equal(import_table_read(&table, cl2018, a, &meta, times, &res, err, sizeof err),
			 0);
	assert_int_equal(res.n_changes, 2);
	assert_int_equal(res.changes[0].conflict, 1);
	assert_int_equal(res.changes[1].conflict, 0);
	import_result_free(&res);
	import_table_free(&table);
	csv_free(t);
	answers_free(a);
}

int main(void)
{
	const struct CMUnitTest csv_tests[] = {
		cmocka_unit_test(test_csv_fields),
		cmocka_unit_test(test_csv_cp932),
		cmocka_unit_test(test_csv_refused),
	};
	const struct CMUnitTest import_tests[] = {
		cmocka_unit_test(test_header_found_and_columns_by_name),
		cmocka_unit_test(test_header_with_english),
		cmocka_unit_test(test_what_is_not_imported),
		cmocka_unit_test(test_notes_one_safe_line),
		cmocka_unit_test(test_spread_sheet_refused),
		cmocka_unit_test(test_no_header),
		cmocka_unit_test(test_another_edition_refused),
		cmocka_unit_test(test_conflict_by_times),
	};
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	failed = cmocka_run_group_tests_name("csv", csv_tests, NULL, NULL);
	failed += cmocka_run_group_tests_name("import", import_tests, load, unload);
	return failed ? 1 : 0;
}
