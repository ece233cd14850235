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
#define CAPTURE(buf, len, call)                                                                    \
	do {                                                                                       \
		FILE *out_ = open_memstream(&(buf), &(len));                                       \
		assert_non_null(out_);                                                             \
		call;                                                                              \
		fclose(out_);                                                                      \
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
		{"a\xe2\x80\xa8"
		 "b",
		 "\"a\\u2028b\""},
		{"a\xe2\x80\xa9"
		 "b",
		 "\"a\\u2029b\""},
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
	struct checklist *cl = checklist_load_buffer("mini.yaml", FIXTURE_YAML,
						     strlen(FIXTURE_YAML), err, sizeof err);
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
	a->verdict[0] = VERDICT_QUERY;
	answers_set_comment(a, 0, "=鍵の保管場所は?");
	CAPTURE(buf, len, assert_int_equal(export_csv(out_, cl, a), 0));
	/* BOM, then the official column order. */
	assert_memory_equal(
		buf,
		"\xEF\xBB\xBF\"通番\",\"区分\",\"セキュリティ対応目標\",\"対象者\","
		"\"手法例\",\"現在の対応状況\",\"今後の対応予定\",\"関連規定\","
		"\"関連規定箇所\",\"備考\",\"回答状況\",\"確認結果\",\"照会事項\"\r\n",
		strlen("\xEF\xBB\xBF\"通番\",\"区分\",\"セキュリティ対応目標\",\"対象者\","
		       "\"手法例\",\"現在の対応状況\",\"今後の対応予定\",\"関連規定\","
		       "\"関連規定箇所\",\"備考\",\"回答状況\",\"確認結果\",\"照会事項\"\r\n"));
	assert_non_null(
		strstr(buf, "\r\n\"1\",\"情報・セキュリティ管理態勢\",\"責任の所在を明確にする\","
			    "\"API接続先\",\"<責任者の設置>\r\n1. 責任者を置いている(注1)。\r\n"
			    "(注1)具体例\r\n①規程の承認\r\n  a.事業者の名称\","
			    "\"責任者を任命済み\",\"\",\"FISC・安対基準\",\"運3、運4\",\"\","
			    "\"対応済\",\"要確認\",\"'=鍵の保管場所は?\"\r\n"));
	assert_non_null(strstr(buf, "\r\n\"3\",\"外部委託管理\",\"委託先を管理する\",\"API接続先\","
				    "\"\",\"\",\"\",\"\",\"\",\"\",\"未回答\",\"\",\"\"\r\n"));
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
				    "\"\",\"\",\"\",\"\",\"\",\"\",\"未回答\",\"\",\"\"\r\n"));
	free(buf);
	answers_free(a);
	checklist_free(cl);
}

/* The note on where an item's references are known from follows its
 * locations in the 関連規定箇所 cell, on a line of its own (with English,
 * its translation after it); an item without references shows the
 * checklist's note there. */
static void test_csv_references_note(void **state)
{
	static const char yaml_head[] =
		"references-note: {ja: 文書の注, en: The document's note}\n";
	const char *item1 = "            location: 運3、運4\n";
	const char *fx = FIXTURE_YAML, *at = strstr(fx, item1);
	char err[512], *yaml, *buf = NULL;
	size_t len = 0;
	struct checklist *cl;
	struct answers *a;
	(void)state;
	assert_non_null(at);
	yaml = malloc(strlen(fx) + 200);
	assert_non_null(yaml);
	sprintf(yaml, "%s%.*s%s        references-note: {ja: 項目の注, en: The item's note}\n%s",
		yaml_head, (int)(at - fx), fx, item1, at + strlen(item1));
	cl = checklist_load_buffer("note.yaml", yaml, strlen(yaml), err, sizeof err);
	if (!cl)
		fail_msg("%s", err);
	a = answers_new(cl);
	CAPTURE(buf, len, assert_int_equal(export_csv(out_, cl, a), 0));
	assert_non_null(strstr(buf, "\"FISC・安対基準\",\"運3、運4\r\n項目の注\",\"\""));
	assert_non_null(strstr(buf, "\"委託先を管理する\",\"API接続先\",\"\",\"\",\"\",\"\","
				    "\"文書の注\",\"\",\"未回答\""));
	free(buf);
	buf = NULL;
	CAPTURE(buf, len, assert_int_equal(export_csv_lang(out_, cl, a, LANG_EN), 0));
	assert_non_null(strstr(buf, "\"運3、運4\r\n項目の注\r\nThe item's note\""));
	assert_non_null(strstr(buf, "\"文書の注\r\nThe document's note\""));
	free(buf);
	answers_free(a);
	checklist_free(cl);
	free(yaml);
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
				    "\"plan\":\"計画\\n\\\"なし\\\"\"},"
				    "\"review\":{\"verdict\":null,\"comment\":null}}"));
	assert_non_null(strstr(buf, "\"notes\":[1]"));
	/* Absent optional fields: an empty text, null, an empty list. */
	assert_non_null(strstr(buf, "\"edition\":{\"ja\":\"\",\"en\":null},"
				    "\"date\":\"2017-06-28\","));
	assert_non_null(strstr(buf, "\"examples_from\":null,\"history\":[]"));
	assert_non_null(strstr(buf, "{\"number\":2,\"name\":{\"ja\":\"外部委託管理\",\"en\":null},"
				    "\"name_supplied\":{\"ja\":\"\",\"en\":null},"
				    "\"purpose\":{\"ja\":\"\",\"en\":null},"
				    "\"sources\":[],\"warnings\":[]}"));
	assert_non_null(strstr(buf, "\"references_note\":{\"ja\":\"\",\"en\":null},"
				    "\"examples_from\":null,\"history\":[]"));
	assert_non_null(strstr(buf, "\"revisions\":[],\"warnings\":[],\"answer\":{"));
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
		{"fisc-api-2018",
		 "通番|区分|セキュリティ対応目標|対象者|現在の対応状況|課題認識|"
		 "課題への対応計画|関連規定|関連規定箇所|備考|回答状況|確認結果|照会事項"},
		{"fisc-api-2017-trial",
		 "通番|区分|セキュリティ対応目標|対象者|手法例|現在の対応状況|"
		 "今後の対応予定|関連規定|関連規定箇所|備考|回答状況|確認結果|照会事項"},
		{"fintech-guideline-2016", "通番|区分|セキュリティ対応目標|対象者|現在の対応状況|"
					   "関連規定|関連規定箇所|備考|回答状況|確認結果|照会事項"},
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
		{EXPORT_GOAL, LANG_JA, "セキュリティ対応目標",
		 "システムアクセス時の認証を実施する。"},
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

/* ---- The JSON holds the whole checklist ---- */

/* A checklist that fills every field the loader knows, so that the walk
 * below meets each at least once whatever the bundled files use. */
#define FULL_YAML                                                                                         \
	"format: tenken-checklist 1\n"                                                                    \
	"id: full\n"                                                                                      \
	"title: {ja: 全項目, en: Every field}\n"                                                       \
	"edition: {ja: 第2版, en: Second edition}\n"                                                    \
	"date: 2020-01-02\n"                                                                              \
	"publisher: {ja: 発行者, en: The publisher}\n"                                                 \
	"source: {ja: 出典, en: The source}\n"                                                          \
	"remarks: {ja: 文書の備考, en: The document's remark}\n"                                     \
	"references-note: {ja: 関連規定の注, en: The note on references}\n"                         \
	"examples-from: older\n"                                                                          \
	"history:\n"                                                                                      \
	"  - date: 2020-03-04\n"                                                                          \
	"    text: {ja: 改訂した, en: Revised}\n"                                                     \
	"    revisions:\n"                                                                                \
	"      - review: {ja: 第2版の見直し, en: The review of the second edition}\n"               \
	"        date: 2020-03-05\n"                                                                      \
	"        standard: {ja: 統<u>99</u> 新しい基準, en: 統<u>99</u> A new standard}\n"         \
	"        passage: {ja: \"<u>文書の追加</u>\", en: \"<u>Added to the document</u>\"}\n"       \
	"        change: {ja: 【追加】文書の改訂, en: \"[Added] A revision of the document\"}\n" \
	"targets:\n"                                                                                      \
	"  - id: bank\n"                                                                                  \
	"    name: {ja: 銀行, en: Bank}\n"                                                              \
	"columns:\n"                                                                                      \
	"  - id: current\n"                                                                               \
	"    name: {ja: 現状, en: Now}\n"                                                               \
	"sections:\n"                                                                                     \
	"  - number: 1\n"                                                                                 \
	"    name: {ja: 章, en: Chapter}\n"                                                              \
	"    name-supplied: {ja: 章名の注, en: Why the name is not the publisher's}\n"                \
	"    purpose: {ja: 章の目的, en: The chapter's purpose}\n"                                    \
	"    sources: [{ja: 章の出典, en: The chapter's source}]\n"                                   \
	"    warnings: [{ja: 章の禁止事項, en: The chapter's don't}]\n"                             \
	"    items:\n"                                                                                    \
	"      - number: 1\n"                                                                             \
	"        goal: {ja: 目標, en: Goal}\n"                                                          \
	"        target: bank\n"                                                                          \
	"        methods:\n"                                                                              \
	"          - heading: {ja: 見出し, en: Heading}\n"                                             \
	"            methods:\n"                                                                          \
	"              - number: 1\n"                                                                     \
	"                text: {ja: 手法(注1), en: Method (note 1)}\n"                                 \
	"                notes: [1]\n"                                                                    \
	"                entries:\n"                                                                      \
	"                  - label: イ\n"                                                                \
	"                    text: {ja: 手法の細目, en: A detail of the method}\n"                   \
	"        notes:\n"                                                                                \
	"          - number: 1\n"                                                                         \
	"            title: {ja: 注の題, en: Note title}\n"                                            \
	"            text: {ja: 注の本文, en: Note text}\n"                                           \
	"            entries:\n"                                                                          \
	"              - label: ①\n"                                                                    \
	"                text: {ja: 丸一, en: Circled one}\n"                                           \
	"                entries:\n"                                                                      \
	"                  - label: a.\n"                                                                 \
	"                    text: {ja: 小項目, en: Sub-entry}\n"                                      \
	"        references:\n"                                                                           \
	"          - source: {ja: 規定, en: Rule}\n"                                                    \
	"            location: {ja: 第1条, en: Article 1}\n"                                            \
	"        references-note: {ja: 項目の関連規定の注, en: The item's note on references}\n" \
	"        remarks: {ja: 項目の備考, en: The item's remark}\n"                                 \
	"        revisions:\n"                                                                            \
	"          - review: {ja: 見直し, en: Review}\n"                                               \
	"            date: 2020-03-06\n"                                                                  \
	"            standard: {ja: 基準, en: Standard}\n"                                              \
	"            passage: {ja: 本文に<u>追加</u>した, en: Text <u>added</u> to}\n"             \
	"            change: {ja: 変更点, en: Change}\n"                                               \
	"        warnings: [{ja: 項目の禁止事項, en: The item's don't}]\n"

struct seek {
	const char *json;
	size_t checked, missing;
};

/* Looks up what writes as JSON (key and value, or a text's value alone). */
static void seek_written(struct seek *sk, const char *what, char *buf)
{
	sk->checked++;
	if (!strstr(sk->json, buf)) {
		if (sk->missing++ < 10)
			print_message("not in the JSON (%s): %s\n", what, buf);
	}
	free(buf);
}

/* A text is found as {"ja":…,"en":…}, both JSON-escaped. */
static void seek_text(struct seek *sk, const char *what, const struct text *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	if (!*t->ja && !t->en) {
		fclose(out);
		free(buf);
		return; /* an absent optional text: nothing to find */
	}
	fputs("{\"ja\":", out);
	export_json_string(out, t->ja);
	fputs(",\"en\":", out);
	if (t->en)
		export_json_string(out, t->en);
	else
		fputs("null", out);
	fputc('}', out);
	fclose(out);
	seek_written(sk, what, buf);
}

/* Another string is found JSON-escaped after its key. */
static void seek_string(struct seek *sk, const char *key, const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	export_json_string(out, key);
	fputc(':', out);
	export_json_string(out, s);
	fclose(out);
	seek_written(sk, key, buf);
}

struct seek_runs {
	FILE *out;
	int n;
};

static void seek_run(void *ctx, const char *s, size_t len, int added)
{
	struct seek_runs *c = ctx;
	char *text = strndup(s, len);

	assert_non_null(text);
	fputs(c->n++ ? ",{\"text\":" : "{\"text\":", c->out);
	export_json_string(c->out, text);
	fprintf(c->out, ",\"added\":%s}", added ? "true" : "false");
	free(text);
}

/* A marked text is found as its runs, each with whether it was added. */
static void seek_marked(struct seek *sk, const char *what, const struct marked *m)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct seek_runs c = {out, 0};

	assert_non_null(out);
	if (!*m->text.ja && !m->text.en) {
		fclose(out);
		free(buf);
		return;
	}
	fputs("{\"ja\":[", out);
	marked_runs(m, LANG_JA, seek_run, &c);
	fputs("],\"en\":", out);
	if (m->text.en) {
		c.n = 0;
		fputc('[', out);
		marked_runs(m, LANG_EN, seek_run, &c);
		fputc(']', out);
	} else {
		fputs("null", out);
	}
	fputc('}', out);
	fclose(out);
	seek_written(sk, what, buf);
}

static void seek_revisions(struct seek *sk, const struct revision *rv, size_t n)
{
	for (size_t r = 0; r < n; r++) {
		seek_text(sk, "revision review", &rv[r].review);
		if (rv[r].date)
			seek_string(sk, "date", rv[r].date);
		seek_marked(sk, "revision standard", &rv[r].standard);
		seek_marked(sk, "revision passage", &rv[r].passage);
		seek_text(sk, "revision change", &rv[r].change);
	}
}

static void seek_entries(struct seek *sk, const struct entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (*e[i].label)
			seek_string(sk, "label", e[i].label);
		seek_text(sk, "entry", &e[i].text);
		seek_entries(sk, e[i].entries, e[i].n_entries);
	}
}

static void seek_item(struct seek *sk, const struct checklist *cl, const struct item *it)
{
	seek_text(sk, "goal", &it->goal);
	seek_string(sk, "target", cl->targets[it->target].id);
	for (size_t g = 0; g < it->n_groups; g++) {
		seek_text(sk, "method heading", &it->groups[g].heading);
		for (size_t m = 0; m < it->groups[g].n_methods; m++) {
			seek_text(sk, "method", &it->groups[g].methods[m].text);
			seek_entries(sk, it->groups[g].methods[m].entries,
				     it->groups[g].methods[m].n_entries);
		}
	}
	for (size_t n = 0; n < it->n_notes; n++) {
		seek_text(sk, "note title", &it->notes[n].title);
		seek_text(sk, "note text", &it->notes[n].text);
		seek_entries(sk, it->notes[n].entries, it->notes[n].n_entries);
	}
	for (size_t r = 0; r < it->n_refs; r++) {
		seek_text(sk, "reference source", &it->refs[r].source);
		seek_text(sk, "reference location", &it->refs[r].location);
	}
	seek_text(sk, "item references note", &it->refs_note);
	seek_text(sk, "item remarks", &it->remarks);
	seek_revisions(sk, it->revisions, it->n_revisions);
	for (size_t w = 0; w < it->n_warnings; w++)
		seek_text(sk, "item warning", &it->warnings[w]);
}

/* Walks every text and string the loader fills in cl but its path (where
 * this computer keeps the file, which the export leaves out). */
static void seek_checklist(struct seek *sk, const struct checklist *cl)
{
	seek_string(sk, "id", cl->id);
	seek_string(sk, "sha256", cl->hash);
	if (cl->date)
		seek_string(sk, "date", cl->date);
	if (cl->examples_from)
		seek_string(sk, "examples_from", cl->examples_from);
	seek_text(sk, "title", &cl->title);
	seek_text(sk, "edition", &cl->edition);
	seek_text(sk, "publisher", &cl->publisher);
	seek_text(sk, "source", &cl->source);
	seek_text(sk, "checklist remarks", &cl->remarks);
	seek_text(sk, "checklist references note", &cl->refs_note);
	for (size_t h = 0; h < cl->n_history; h++) {
		seek_string(sk, "date", cl->history[h].date);
		seek_text(sk, "history", &cl->history[h].text);
		seek_revisions(sk, cl->history[h].revisions, cl->history[h].n_revisions);
	}
	for (size_t t = 0; t < cl->n_targets; t++) {
		seek_string(sk, "id", cl->targets[t].id);
		seek_text(sk, "target", &cl->targets[t].name);
	}
	for (size_t c = 0; c < cl->n_columns; c++) {
		seek_string(sk, "id", cl->columns[c].id);
		seek_text(sk, "column", &cl->columns[c].name);
	}
	for (size_t s = 0; s < cl->n_sections; s++) {
		const struct section *sec = &cl->sections[s];
		seek_text(sk, "section name", &sec->name);
		seek_text(sk, "section name supplied", &sec->name_supplied);
		seek_text(sk, "section purpose", &sec->purpose);
		for (size_t i = 0; i < sec->n_sources; i++)
			seek_text(sk, "section source", &sec->sources[i]);
		for (size_t i = 0; i < sec->n_warnings; i++)
			seek_text(sk, "section warning", &sec->warnings[i]);
	}
	for (size_t i = 0; i < cl->n_items; i++)
		seek_item(sk, cl, &cl->items[i]);
}

/* Exports cl as JSON and looks up every text and string of it there;
 * returns how many were looked up. */
static size_t seek_all(struct checklist *cl)
{
	struct answers *a = answers_new(cl);
	struct seek sk = {NULL, 0, 0};
	char *buf = NULL;
	size_t len = 0;

	assert_non_null(a);
	CAPTURE(buf, len, assert_int_equal(export_json(out_, cl, a), 0));
	sk.json = buf;
	seek_checklist(&sk, cl);
	if (sk.missing)
		fail_msg("%s: %zu of %zu texts and strings are not in the JSON", cl->id, sk.missing,
			 sk.checked);
	free(buf);
	answers_free(a);
	checklist_free(cl);
	return sk.checked;
}

/* export --format json holds the whole checklist: every text, Japanese and
 * English, and every other string the loader fills in the model. */
static void test_json_whole_checklist(void **state)
{
	static const char *const ids[] = {"fisc-api-2018", "fisc-api-2017-trial",
					  "fintech-guideline-2016"};
	char err[512];
	struct checklist *full =
		checklist_load_buffer("full.yaml", FULL_YAML, strlen(FULL_YAML), err, sizeof err);
	(void)state;

	if (!full)
		fail_msg("%s", err);
	/* 48: every field of the fixture once, so none is skipped by the walk. */
	assert_int_equal(seek_all(full), 48);
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
		assert_true(seek_all(bundled(ids[k])) > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_fields),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_csv_document),
		cmocka_unit_test(test_csv_en_no_methods),
		cmocka_unit_test(test_csv_references_note),
		cmocka_unit_test(test_json_document),
		cmocka_unit_test(test_export_columns),
		cmocka_unit_test(test_export_cells),
		cmocka_unit_test(test_json_whole_checklist),
	};
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
