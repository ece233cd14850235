/* Tests of the CSV and JSON output. */
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
#include "export.h"
#include "fixtures.h"

/* Runs fn into a memory stream and returns what it wrote. */
#define CAPTURE(buf, len, call)                          \
	do {                                             \
		FILE *out_ = open_memstream(&(buf), &(len)); \
		assert_non_null(out_);                   \
		call;                                    \
		fclose(out_);                            \
	} while (0)

static void test_csv_fields(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"対応済み", "\"対応済み\""},
		{"", "\"\""},
		{"a,b", "\"a,b\""},
		{"彼は\"はい\"と言った", "\"彼は\"\"はい\"\"と言った\""},
		{"一行目\n二行目", "\"一行目\r\n二行目\""},
		{"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
		{"+81", "\"'+81\""},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"-1+2", "\"'-1+2\""},
		{"- 箇条書き", "\"- 箇条書き\""},
		{"\x1b[2J消去", "\"^[[2J消去\""},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		size_t len = 0;
		CAPTURE(buf, len, export_csv_field(out_, cases[i].in));
		assert_string_equal(buf, cases[i].out);
		free(buf);
	}
}

static void test_json_strings(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"日本語", "\"日本語\""},
		{"a\"b\\c", "\"a\\\"b\\\\c\""},
		{"一\n二", "\"一\\n二\""},
		{"\x1b[31m", "\"\\u001b[31m\""},
		{"\xc2\x9b", "\"\\u009b\""},
		{"bad\xff", "\"bad\xef\xbf\xbd\""},
		/* Line and paragraph separators end a line in JavaScript. */
		{"a\xe2\x80\xa8" "b", "\"a\\u2028b\""},
		{"a\xe2\x80\xa9" "b", "\"a\\u2029b\""},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		size_t len = 0;
		CAPTURE(buf, len, export_json_string(out_, cases[i].in));
		assert_string_equal(buf, cases[i].out);
		free(buf);
	}
}

static struct checklist *mini(void)
{
	char err[512];
	struct checklist *cl =
		checklist_load_buffer("mini.yaml", FIXTURE_YAML, strlen(FIXTURE_YAML), err, sizeof err);
	assert_non_null(cl);
	return cl;
}

static void test_csv_document(void **state)
{
	struct checklist *cl = mini();
	struct answers *a = answers_new(cl);
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	a->status[0] = STATUS_IMPLEMENTED;
	answers_set_text(a, 0, 0, "責任者を任命済み");
	CAPTURE(buf, len, assert_int_equal(export_csv(out_, cl, a), 0));
	/* BOM, then the official column order. */
	assert_memory_equal(buf, "\xEF\xBB\xBF\"通番\",\"区分\",\"セキュリティ対応目標\",\"対象者\","
				 "\"手法例\",\"現在の対応状況\",\"今後の対応予定\",\"関連規定\","
				 "\"関連規定箇所\",\"備考\",\"回答状況\"\r\n",
			    strlen("\xEF\xBB\xBF\"通番\",\"区分\",\"セキュリティ対応目標\",\"対象者\","
				   "\"手法例\",\"現在の対応状況\",\"今後の対応予定\",\"関連規定\","
				   "\"関連規定箇所\",\"備考\",\"回答状況\"\r\n"));
	assert_non_null(strstr(buf, "\r\n\"1\",\"情報・セキュリティ管理態勢\",\"責任の所在を明確にする\","
				    "\"API接続先\",\"<責任者の設置>\r\n1. 責任者を置いている(注1)。\r\n"
				    "(注1)具体例\r\n①規程の承認\r\n  a.事業者の名称\","
				    "\"責任者を任命済み\",\"\",\"FISC・安対基準\",\"運3、運4\",\"\","
				    "\"対応済\"\r\n"));
	assert_non_null(strstr(buf, "\r\n\"3\",\"外部委託管理\",\"委託先を管理する\",\"API接続先\","
				    "\"\",\"\",\"\",\"\",\"\",\"\",\"未回答\"\r\n"));
	free(buf);
	answers_free(a);
	checklist_free(cl);
}

/* With --lang en, an item without 手法例 gets an empty 手法例 cell, not a
 * line break between two empty texts. */
static void test_csv_en_no_methods(void **state)
{
	struct checklist *cl = mini();
	struct answers *a = answers_new(cl);
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	CAPTURE(buf, len, assert_int_equal(export_csv_lang(out_, cl, a, LANG_EN), 0));
	assert_non_null(strstr(buf, "\r\n\"3\",\"外部委託管理\",\"委託先を管理する\",\"API接続先\","
				    "\"\",\"\",\"\",\"\",\"\",\"\",\"未回答\"\r\n"));
	free(buf);
	answers_free(a);
	checklist_free(cl);
}

static void test_json_document(void **state)
{
	struct checklist *cl = mini();
	struct answers *a = answers_new(cl);
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	a->status[2] = STATUS_NOT_APPLICABLE;
	answers_set_text(a, 2, 1, "計画\n\"なし\"");
	CAPTURE(buf, len, assert_int_equal(export_json(out_, cl, a), 0));
	assert_non_null(strstr(buf, "{\"checklist\":{\"id\":\"mini\","));
	assert_non_null(strstr(buf, "\"answer\":{\"status\":\"not-applicable\",\"current\":\"\","
				    "\"plan\":\"計画\\n\\\"なし\\\"\"}}"));
	assert_non_null(strstr(buf, "\"notes\":[1]"));
	free(buf);
	answers_free(a);
	checklist_free(cl);
}

static struct checklist *bundled(const char *id)
{
	char path[512], err[512];
	struct checklist *cl;

	snprintf(path, sizeof path, "%s/%s.yaml", SRCDATADIR, id);
	cl = checklist_load_file(path, err, sizeof err);
	if (!cl)
		fail_msg("%s", err);
	return cl;
}

/* The headers of the export's columns, joined by |. */
static void column_headers(const struct export_column *cols, size_t n, char *out, size_t len)
{
	out[0] = '\0';
	for (size_t c = 0; c < n; c++) {
		if (c)
			strncat(out, "|", len - strlen(out) - 1);
		strncat(out, cols[c].header.ja, len - strlen(out) - 1);
	}
}

/* Every bundled checklist keeps the official columns in their order; the
 * answer column "remarks" has none of its own, it goes into 備考. */
static void test_export_columns(void **state)
{
	static const struct {
		const char *id, *headers;
	} cases[] = {
		{"fisc-api-2018", "通番|区分|セキュリティ対応目標|対象者|現在の対応状況|課題認識|"
				  "課題への対応計画|関連規定|関連規定箇所|備考|回答状況"},
		{"fisc-api-2017-trial", "通番|区分|セキュリティ対応目標|対象者|手法例|現在の対応状況|"
					"今後の対応予定|関連規定|関連規定箇所|備考|回答状況"},
		{"fintech-guideline-2016", "通番|区分|セキュリティ対応目標|対象者|現在の対応状況|"
					   "関連規定|関連規定箇所|備考|回答状況"},
	};
	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct checklist *cl = bundled(cases[k].id);
		struct answers *a = answers_new(cl);
		long remarks = checklist_find_column(cl, "remarks");
		size_t n;
		struct export_column *cols = export_columns(cl, &n);
		char headers[1024];
		int seen = 0;

		assert_non_null(cols);
		column_headers(cols, n, headers, sizeof headers);
		assert_string_equal(headers, cases[k].headers);
		assert_true(remarks >= 0);
		assert_int_equal(answers_set_text(a, 1, (size_t)remarks, "利用者の備考"), 0);
		for (size_t c = 0; c < n; c++) {
			char *cell = export_cell(&cols[c], cl, a, 1, LANG_JA);
			assert_non_null(cell);
			if (strcmp(cell, "利用者の備考") == 0) {
				assert_int_equal(cols[c].kind, EXPORT_REMARKS);
				seen++;
			}
			free(cell);
		}
		assert_int_equal(seen, 1);
		free(cols);
		answers_free(a);
		checklist_free(cl);
	}
}

/* The header row and every item row come from the same columns: with
 * --lang en a header and a checklist text carry their English on a line
 * after the Japanese; answers and statuses stay as they are. */
static void test_export_cells(void **state)
{
	static const struct {
		enum export_kind kind;
		enum lang lang;
		const char *header, *cell;
	} cases[] = {
		{EXPORT_NUMBER, LANG_JA, "通番", "22"},
		{EXPORT_NUMBER, LANG_EN, "通番\nNo.", "22"},
		{EXPORT_GOAL, LANG_JA, "セキュリティ対応目標", "システムアクセス時の認証を実施する。"},
		{EXPORT_GOAL, LANG_EN, "セキュリティ対応目標\nSecurity goal",
		 "システムアクセス時の認証を実施する。\nAuthenticate at system access."},
		{EXPORT_TARGET, LANG_EN, "対象者\nTarget", "API接続先\nAPI connector"},
		{EXPORT_STATUS, LANG_EN, "回答状況\nStatus", "一部対応"},
	};
	struct checklist *cl = bundled("fisc-api-2018");
	struct answers *a = answers_new(cl);
	long i = checklist_find_item(cl, 22);
	size_t n;
	struct export_column *cols = export_columns(cl, &n);
	(void)state;

	assert_non_null(cols);
	assert_true(i >= 0);
	a->status[i] = STATUS_PARTIAL;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		size_t c = 0;
		char *header, *cell;
		while (c < n && cols[c].kind != cases[k].kind)
			c++;
		assert_true(c < n);
		header = export_header(&cols[c], cases[k].lang);
		cell = export_cell(&cols[c], cl, a, (size_t)i, cases[k].lang);
		assert_string_equal(header, cases[k].header);
		assert_string_equal(cell, cases[k].cell);
		free(header);
		free(cell);
	}
	free(cols);
	answers_free(a);
	checklist_free(cl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_fields),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_csv_document),
		cmocka_unit_test(test_csv_en_no_methods),
		cmocka_unit_test(test_json_document),
		cmocka_unit_test(test_export_columns),
		cmocka_unit_test(test_export_cells),
	};
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
