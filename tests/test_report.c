/* Tests of the reports: which items the walk keeps and in what order, and
 * the Markdown and HTML that export_md and export_html write of them. */
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
#include "export_html.h"
#include "export_md.h"
#include "fixtures.h"
#include "report.h"

/* Runs call with out_ a memory stream, and leaves what it wrote in buf. */
#define CAPTURE(buf, len, call)                                                                    \
	do {                                                                                       \
		FILE *out_ = open_memstream(&(buf), &(len));                                       \
		assert_non_null(out_);                                                             \
		call;                                                                              \
		fclose(out_);                                                                      \
	} while (0)

/* An answer written by another program: escape sequences, a C1 control, a
 * bidi override, a zero-width space and a script. */
#define HOSTILE                                                                                    \
	"a\x1b[2J\xc2\x9b\xe2\x80\xae"                                                             \
	"cba\xe2\x80\x8bz <script>alert(1)</script>"

static struct checklist *load(const char *yaml)
{
	char err[512];
	struct checklist *cl =
		checklist_load_buffer("mini.yaml", yaml, strlen(yaml), err, sizeof err);

	if (!cl)
		fail_msg("%s", err);
	return cl;
}

/* The checklist the answers of the last mini_answers() answer. */
static struct checklist *loaded;

/* Answers to yaml's checklist. */
static struct answers *answers_of(const char *yaml)
{
	struct answers *a = answers_new(loaded = load(yaml));

	assert_non_null(a);
	return a;
}

/* The fixture (sections 1: items 1, 2; 2: item 3) with its items' statuses
 * implemented, partial and not-implemented. */
static struct answers *mini_answers(void)
{
	struct answers *a = answers_of(FIXTURE_YAML);

	a->status[0] = STATUS_IMPLEMENTED;
	a->status[1] = STATUS_PARTIAL;
	a->status[2] = STATUS_NOT_IMPLEMENTED;
	return a;
}

static void free_answers(struct answers *a)
{
	answers_free(a);
	checklist_free(loaded);
	loaded = NULL;
}

static struct report mini_report(const struct answers *a, long section, unsigned statuses)
{
	return (struct report){a->cl, a, "/tmp/回答.db", "2026-04-01", LANG_JA, {section, statuses},
			       NULL};
}

static void test_report_keeps(void **state)
{
	static const struct {
		long section;
		unsigned statuses;
		int keeps[3];
	} cases[] = {
		{-1, 0, {1, 1, 1}},
		{0, 0, {1, 1, 0}},
		{1, 0, {0, 0, 1}},
		{-1, 1u << STATUS_PARTIAL, {0, 1, 0}},
		{-1, 1u << STATUS_PARTIAL | 1u << STATUS_NOT_IMPLEMENTED, {0, 1, 1}},
		{0, 1u << STATUS_NOT_IMPLEMENTED, {0, 0, 0}},
		{-1, 1u << STATUS_UNANSWERED, {0, 0, 0}},
	};
	struct answers *a = mini_answers();
	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct report_filter f = {cases[k].section, cases[k].statuses};
		for (size_t i = 0; i < 3; i++)
			assert_int_equal(report_keeps(&f, a, i), cases[k].keeps[i]);
	}
	free_answers(a);
}

/* A format that records the parts the walk gives it, one letter and number
 * each: B begin, P progress (its rows), S section, I item, E section's end,
 * N none, Z end. */
static char walked[256];

static void note(char part, int n)
{
	size_t len = strlen(walked);

	if (n < 0)
		snprintf(walked + len, sizeof walked - len, "%c", part);
	else
		snprintf(walked + len, sizeof walked - len, "%c%d ", part, n);
}

static void rec_begin(FILE *out, const struct report *r, const char *title,
		      const struct report_field *about, size_t n_about)
{
	(void)out, (void)r, (void)title, (void)about;
	note('B', (int)n_about);
}

static void rec_progress(FILE *out, const struct report_progress *p)
{
	(void)out;
	note('P', (int)p->n_rows);
}

static void rec_section(FILE *out, int number, const char *heading)
{
	(void)out, (void)heading;
	note('S', number);
}

static void rec_item(FILE *out, const struct report_item *it)
{
	(void)out;
	note('I', atoi(it->number));
}

static void rec_section_end(FILE *out)
{
	(void)out;
	note('E', -1);
	note(' ', -1);
}

static void rec_none(FILE *out, const char *text)
{
	(void)out, (void)text;
	note('N', -1);
	note(' ', -1);
}

static void rec_end(FILE *out)
{
	(void)out;
	note('Z', -1);
}

static const struct report_ops recorder = {
	rec_begin, rec_progress, rec_section, rec_item, rec_section_end, rec_none, rec_end,
};

/* The walk: a section report holds that section and no other; --status
 * keeps only those statuses, and a section with none of them is left out;
 * the progress has a row per section the report is of, and a total when
 * there are several. */
static void test_report_walk(void **state)
{
	static const struct {
		long section;
		unsigned statuses;
		const char *walk;
	} cases[] = {
		/* about: edition (the date), file, day, and the filter's lines */
		{-1, 0, "B3 P3 S1 I1 I2 E S2 I3 E Z"},
		{0, 0, "B4 P1 S1 I1 I2 E Z"},
		{1, 0, "B4 P1 S2 I3 E Z"},
		{-1, 1u << STATUS_PARTIAL, "B4 P3 S1 I2 E Z"},
		{-1, 1u << STATUS_IMPLEMENTED | 1u << STATUS_NOT_IMPLEMENTED,
		 "B4 P3 S1 I1 E S2 I3 E Z"},
		{1, 1u << STATUS_PARTIAL, "B5 P1 N Z"},
	};
	struct answers *a = mini_answers();
	FILE *out = fopen("/dev/null", "w");
	(void)state;
	assert_non_null(out);
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		struct report r = mini_report(a, cases[k].section, cases[k].statuses);
		walked[0] = '\0';
		assert_int_equal(report_write(out, &r, &recorder), 0);
		assert_string_equal(walked, cases[k].walk);
	}
	fclose(out);
	free_answers(a);
}

/* Markdown text: every character Markdown takes for markup escaped, line
 * breaks kept as hard breaks, nothing raw that textwidth would show
 * visibly. */
static void test_md_text(void **state)
{
	static const struct {
		const char *in, *cont, *out;
	} cases[] = {
		{"日本語の回答", NULL, "日本語の回答"},
		{"a*b_c`d~e", NULL, "a\\*b\\_c\\`d\\~e"},
		{"[リンク](x) ![画像](y)", NULL, "\\[リンク\\](x) !\\[画像\\](y)"},
		{"<script>alert(1)</script>", NULL, "\\<script\\>alert(1)\\</script\\>"},
		{"a|b", NULL, "a\\|b"},
		{"# 見出し #", NULL, "\\# 見出し \\#"},
		{"$x$ \\", NULL, "\\$x\\$ \\\\"},
		{"&amp; &#38; R & D", NULL, "\\&amp; \\&\\#38; R & D"},
		{"一行目\n二行目", NULL, "一行目 二行目"},
		{"一行目\n二行目", "  ", "一行目\\\n  二行目"},
		/* what would begin a list, a heading or a quote at a line's start */
		{"a\n- b\n+ c\n= d\n12. e\n3) f\n4 g\n> h\n#i", "  ",
		 "a\\\n  \\- b\\\n  \\+ c\\\n  \\= d\\\n  12\\. e\\\n  3\\) f\\\n  4 g\\\n  \\> "
		 "h\\\n"
		 "  \\#i"},
		/* not at a line's start: as it is */
		{"- a 1. b", "  ", "- a 1. b"},
		{"a\n\nb", "  ", "a\\\n  \\\n  b"},
		{"a\n  b", "  ",
		 "a\\\n  \xC2\xA0\xC2\xA0"
		 "b"},
		{"末尾\n\n", "  ", "末尾"},
		{"a\tb", NULL, "a b"},
		{"a\x1b[2Jb", NULL, "a`^[`\\[2Jb"},
		{"\xe2\x80\xae"
		 "cba",
		 NULL, "`<U+202E>`cba"},
		/* consecutive visible forms share one code span */
		{"\xc2\x9b\xe2\x80\x8b", NULL, "`<U+009B><U+200B>`"},
		{"bad\xff", NULL, "bad\xef\xbf\xbd"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		size_t len = 0;
		CAPTURE(buf, len, export_md_text(out_, cases[i].in, cases[i].cont));
		assert_string_equal(buf, cases[i].out);
		free(buf);
	}
}

static void test_html_text(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"日本語の回答", "日本語の回答"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"a&b \"c\" 'd'", "a&amp;b &quot;c&quot; &#39;d&#39;"},
		{"一\n二", "一\n二"},
		{"a\x1b[2J", "a^[[2J"},
		{"\xe2\x80\xae"
		 "cba",
		 "&lt;U+202E&gt;cba"},
		{"\xc2\x85", "&lt;U+0085&gt;"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		size_t len = 0;
		CAPTURE(buf, len, export_html_text(out_, cases[i].in));
		assert_string_equal(buf, cases[i].out);
		free(buf);
	}
}

/* Fails if s holds a C0 control other than newline, DEL, a C1 control, a
 * bidi control or a zero-width character, raw. */
static void assert_nothing_raw(const char *s)
{
	static const char *const raw[] = {"\xc2\x80",     "\xc2\x9b",     "\xc2\x9f",
					  "\xe2\x80\xae", "\xe2\x80\x8b", "\xe2\x81\xa6",
					  "\x7f"};

	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n')
			fail_msg("raw control %02x at %zu", (unsigned)*p, (size_t)(p - s));
	for (size_t k = 0; k < sizeof raw / sizeof raw[0]; k++)
		assert_null(strstr(s, raw[k]));
}

/* The number of cells of a Markdown table row: its | not escaped, less one. */
static int md_cells(const char *line, size_t len)
{
	int bars = 0;

	for (size_t i = 0; i < len; i++) {
		if (line[i] == '\\')
			i++;
		else if (line[i] == '|')
			bars++;
	}
	return bars - 1;
}

/* Every line of the document that is a table row has n cells. */
static void assert_md_rows(const char *doc, int n)
{
	int rows = 0;

	for (const char *line = doc; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (*line == '|') {
			assert_int_equal(md_cells(line, len), n);
			rows++;
		}
		line += len + (end != NULL);
	}
	assert_true(rows >= 3); /* the headings, the delimiter and a section */
}

/* Fails if Markdown doc holds a < that is neither escaped nor in a code
 * span: the report writes no HTML, and lets none through. */
static void assert_md_no_html(const char *doc)
{
	int code = 0;

	for (const char *p = doc; *p; p++) {
		if (*p == '\\' && !code && p[1])
			p++;
		else if (*p == '`')
			code = !code;
		else if (*p == '<' && !code)
			fail_msg("a < not escaped at %zu", (size_t)(p - doc));
	}
}

static void test_md_document(void **state)
{
	struct answers *a = mini_answers();
	struct report r = mini_report(a, -1, 0);
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	answers_set_text(a, 0, 0, "一行目 | 二列目\n- 箇条書き");
	answers_set_text(a, 2, 1, HOSTILE);
	CAPTURE(buf, len, assert_int_equal(export_md(out_, &r), 0));
	assert_true(strncmp(buf,
			    "# 小さなチェックリスト\n\n- **Edition:** 2017-06-28\n"
			    "- **Answer file:** /tmp/回答.db\n- **Report date:** 2026-04-01\n",
			    strlen("# 小さなチェックリスト\n\n- **Edition:** 2017-06-28\n"
				   "- **Answer file:** /tmp/回答.db\n"
				   "- **Report date:** 2026-04-01\n")) == 0);
	assert_non_null(strstr(buf,
			       "\n| Section | Answered | Unanswered | Answered, status not "
			       "set | Implemented | Partly "
			       "implemented | Not implemented | Not applicable |\n"
			       "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
			       "| 1. 情報・セキュリティ管理態勢 | 2/2 | 0 | 0 | 1 | 1 | 0 | 0 |\n"
			       "| 2. 外部委託管理 | 1/1 | 0 | 0 | 0 | 0 | 1 | 0 |\n"
			       "| **Total** | 3/3 | 0 | 0 | 1 | 1 | 1 | 0 |\n"));
	assert_md_rows(buf, 8);
	assert_non_null(
		strstr(buf, "\n## 1. 情報・セキュリティ管理態勢\n\n### No. 1 `[x]` Implemented\n\n"
			    "- **Security goal:** 責任の所在を明確にする\n"
			    "- **Target:** API接続先\n"
			    "- **現在の対応状況:** 一行目 \\| 二列目\\\n  \\- 箇条書き\n"
			    "- **今後の対応予定:** *(empty)*\n"));
	assert_non_null(strstr(buf, "\n### No. 3 `[!]` Not implemented\n"));
	assert_non_null(strstr(buf,
			       "- **今後の対応予定:** a`^[`\\[2J`<U+009B><U+202E>`cba`<U+200B>`z "
			       "\\<script\\>alert(1)\\</script\\>\n"));
	assert_md_no_html(buf);
	assert_nothing_raw(buf);
	free(buf);
	free_answers(a);
}

/* A | in a section's name, which the progress table holds, and in an
 * answer: each row still has its seven cells. */
static void test_md_table_bars(void **state)
{
	char yaml[sizeof FIXTURE_YAML + 16], *at, *buf = NULL;
	struct answers *a;
	struct report r;
	size_t len = 0;
	(void)state;
	strcpy(yaml, FIXTURE_YAML);
	at = strstr(yaml, "委託管理");
	memmove(at + 1, at, strlen(at) + 1);
	*at = '|';
	a = answers_of(yaml);
	answers_set_text(a, 2, 0, "a|b||c");
	r = mini_report(a, -1, 0);
	CAPTURE(buf, len, assert_int_equal(export_md(out_, &r), 0));
	assert_non_null(strstr(buf, "| 2. 外部\\|委託管理 | 0/1 |"));
	assert_non_null(strstr(buf, "a\\|b\\|\\|c"));
	assert_md_rows(buf, 8);
	free(buf);
	free_answers(a);
}

/* The void elements the report writes: they have no end tag. */
static int is_void(const char *name, size_t len)
{
	return (len == 4 && !strncmp(name, "meta", 4)) || (len == 2 && !strncmp(name, "br", 2));
}

/* A strict structural check of the HTML: after the doctype, every start
 * tag but a void one is closed by its end tag, in order, and the last
 * closes html; no comment, no other markup declaration. */
static void assert_html_nested(const char *doc)
{
	const char *stack[64];
	size_t lens[64], depth = 0;
	const char *p = doc + strlen("<!DOCTYPE html>\n");

	assert_true(strncmp(doc, "<!DOCTYPE html>\n", 16) == 0);
	while ((p = strchr(p, '<')) != NULL) {
		int end = p[1] == '/';
		const char *name = p + 1 + end;
		size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
		assert_true(len > 0);
		if (end) {
			assert_true(depth > 0);
			depth--;
			assert_int_equal(lens[depth], len);
			assert_true(strncmp(stack[depth], name, len) == 0);
		} else if (!is_void(name, len)) {
			assert_true(depth < 64);
			stack[depth] = name;
			lens[depth++] = len;
		}
		/* style's text holds no <: the CSS is ours */
		p = strchr(p, '>');
		assert_non_null(p);
	}
	assert_int_equal(depth, 0);
}

static void test_html_document(void **state)
{
	struct answers *a = mini_answers();
	struct report r = mini_report(a, -1, 0);
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	answers_set_text(a, 0, 0, "一行目\n\"二行目\" & 'その他'");
	answers_set_text(a, 2, 1, HOSTILE);
	CAPTURE(buf, len, assert_int_equal(export_html(out_, &r), 0));
	assert_html_nested(buf);
	assert_true(
		strncmp(buf,
			"<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, "
			"initial-scale=1\">\n<title>小さなチェックリスト</title>\n",
			strlen("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta "
			       "charset=\"utf-8\">\n"
			       "<meta name=\"viewport\" content=\"width=device-width, "
			       "initial-scale=1\">\n<title>小さなチェックリスト</title>\n")) == 0);
	assert_non_null(strstr(buf, "<dt>現在の対応状況</dt>\n<dd>一行目\n&quot;二行目&quot; &amp; "
				    "&#39;その他&#39;</dd>\n"));
	assert_non_null(strstr(buf, "<dt>今後の対応予定</dt>\n<dd class=\"empty\">(empty)</dd>\n"));
	assert_non_null(strstr(buf, "<dd>a<span class=\"ctl\">^[</span>[2J<span "
				    "class=\"ctl\">&lt;U+009B&gt;</span><span "
				    "class=\"ctl\">&lt;U+202E&gt;</span>cba<span "
				    "class=\"ctl\">&lt;U+200B&gt;</span>z "
				    "&lt;script&gt;alert(1)&lt;/script&gt;</dd>"));
	assert_non_null(strstr(buf, "<tr><th scope=\"row\"><a href=\"#section-2\">2. "
				    "外部委託管理</a></th><td>1/1</td><td>0</td><td>0</td><td>0</"
				    "td><td>0</td><td>1</td><td>0</td></tr>\n"));
	assert_non_null(strstr(buf, "<section class=\"section\" id=\"section-2\">\n"));
	assert_non_null(strstr(buf,
			       "<article class=\"item status-not-implemented\" id=\"item-3\">\n"
			       "<h3>No. 3 <span class=\"status\"><span class=\"mark\">[!]</span> "
			       "Not implemented</span></h3>\n"));
	/* printable: a page break between sections */
	assert_non_null(strstr(buf, "@media print{"));
	assert_non_null(strstr(buf, ".section{break-before:page;"));
	/* self-contained: no script, nothing fetched, no link outside */
	assert_null(strstr(buf, "<script"));
	assert_null(strstr(buf, "http"));
	assert_null(strstr(buf, "src="));
	assert_null(strstr(buf, "url("));
	assert_null(strstr(buf, "@import"));
	for (const char *h = buf; (h = strstr(h, "href=\"")) != NULL; h++)
		assert_int_equal(h[6], '#');
	assert_nothing_raw(buf);
	free(buf);
	free_answers(a);
}

/* A section report links only to what it holds; English when asked. */
/* An item with an answer but no status is counted and shown as such:
 * [?] "Answered, status not set", not Unanswered. */
static void test_answered_without_status(void **state)
{
	struct answers *a = mini_answers();
	struct report r = mini_report(a, -1, 0);
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	a->status[2] = STATUS_UNANSWERED;
	answers_set_text(a, 2, 0, "回答のみ");
	CAPTURE(buf, len, assert_int_equal(export_md(out_, &r), 0));
	assert_non_null(strstr(buf, "| 2. 外部委託管理 | 0/1 | 0 | 1 | 0 | 0 | 0 | 0 |\n"));
	assert_non_null(strstr(buf, "\n### No. 3 `[?]` Answered, status not set\n"));
	free(buf);
	buf = NULL;
	CAPTURE(buf, len, assert_int_equal(export_html(out_, &r), 0));
	assert_non_null(strstr(buf,
			       "<article class=\"item status-no-status\" id=\"item-3\">\n"
			       "<h3>No. 3 <span class=\"status\"><span class=\"mark\">[?]</span> "
			       "Answered, status not set</span></h3>\n"));
	free(buf);
	free_answers(a);
}

static void test_html_section_en(void **state)
{
	struct answers *a = mini_answers();
	struct report r = mini_report(a, 1, 0);
	char *buf = NULL;
	size_t len = 0;
	(void)state;
	r.lang = LANG_EN;
	CAPTURE(buf, len, assert_int_equal(export_html(out_, &r), 0));
	assert_html_nested(buf);
	assert_non_null(strstr(buf, "<html lang=\"en\">"));
	assert_non_null(strstr(buf, "<title>A small checklist</title>"));
	assert_non_null(strstr(buf, "<dt>Section shown</dt><dd>2. 外部委託管理</dd>"));
	assert_non_null(strstr(buf, "id=\"item-3\""));
	assert_null(strstr(buf, "id=\"item-1\""));
	assert_null(strstr(buf, "id=\"item-2\""));
	assert_null(strstr(buf, "情報・セキュリティ管理態勢"));
	assert_null(strstr(buf, "<tfoot>"));
	free(buf);
	free_answers(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_keeps),
		cmocka_unit_test(test_report_walk),
		cmocka_unit_test(test_md_text),
		cmocka_unit_test(test_html_text),
		cmocka_unit_test(test_md_document),
		cmocka_unit_test(test_md_table_bars),
		cmocka_unit_test(test_html_document),
		cmocka_unit_test(test_html_section_en),
		cmocka_unit_test(test_answered_without_status),
	};
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
