/* Tests of many answer files side by side and two compared: the connector's
 * name of a file, a folder's files, the gaps, what a diff finds, and the
 * text, HTML and Markdown of report_many and diff, with hostile names and
 * answers. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "answers.h"
#include "checklist_yaml.h"
#include "connectors.h"
#include "diff.h"
#include "fixtures.h"
#include "report_many.h"

#define CAPTURE(buf, len, call)                                                                    \
	do {                                                                                       \
		FILE *out_ = open_memstream(&(buf), &(len));                                       \
		assert_non_null(out_);                                                             \
		call;                                                                              \
		fclose(out_);                                                                      \
	} while (0)

/* A name or answer written by another program: an escape sequence, a bidi
 * override and a script. */
#define HOSTILE "a\x1b[2J\xe2\x80\xae<script>&\"'"

static struct checklist *load(void)
{
	char err[512];
	struct checklist *cl = checklist_load_buffer("mini.yaml", FIXTURE_YAML,
						     strlen(FIXTURE_YAML), err, sizeof err);
	if (!cl)
		fail_msg("%s", err);
	return cl;
}

static void test_name(void **state)
{
	static const struct {
		const char *path, *name;
	} cases[] = {
		{"接続先/株式会社あいう.db", "株式会社あいう"},
		{"dir/alpha.db", "alpha"},
		{"alpha", "alpha"},
		{"alpha.db.db", "alpha.db"},
		{".db", ".db"},
		{"a.DB", "a.DB"},
		{"/x/y/", ""},
	};
	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char *name = connectors_name(cases[k].path);
		assert_string_equal(name, cases[k].name);
		free(name);
	}
}

/* Makes an empty file dir/name. */
static void touch(const char *dir, const char *name)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fclose(f);
}

static void test_dir_sorted(void **state)
{
	char dir[] = "/tmp/tenken-connectors.XXXXXX", err[256], sub[600];
	struct connectors cs = {0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	touch(dir, "b.db");
	touch(dir, "あ.db");
	touch(dir, "a.db");
	touch(dir, "notes.txt");
	touch(dir, "c.db-wal");
	snprintf(sub, sizeof sub, "%s/sub.db.d", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(connectors_add_dir(&cs, dir, err, sizeof err), 3);
	assert_int_equal(cs.n, 3);
	assert_string_equal(cs.files[0].name, "a");
	assert_string_equal(cs.files[1].name, "b");
	assert_string_equal(cs.files[2].name, "あ");
	assert_non_null(strstr(cs.files[0].path, "/a.db"));
	connectors_free(&cs);
	assert_int_equal(connectors_add_dir(&cs, "/nonexistent/tenken", err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/tenken: "));
	rmdir(sub);
	for (const char *const *n =
		     (const char *const[]){"a.db", "b.db", "あ.db", "notes.txt", "c.db-wal", NULL};
	     *n; n++) {
		snprintf(sub, sizeof sub, "%s/%s", dir, *n);
		unlink(sub);
	}
	rmdir(dir);
}

/* Three connectors in memory: statuses of items 1..3 per file. */
static void fill(struct connectors *cs, const struct checklist *cl, const enum status st[][3],
		 size_t n)
{
	static const char *const names[] = {"alpha", "beta", HOSTILE};

	for (size_t k = 0; k < n; k++) {
		assert_int_equal(connectors_add(cs, names[k]), 0);
		assert_non_null(cs->files[k].a = answers_new(cl));
		for (size_t i = 0; i < 3; i++)
			cs->files[k].a->status[i] = st[k][i];
	}
	cs->n_read = n;
}

static void test_gaps(void **state)
{
	static const enum status st[][3] = {
		{STATUS_IMPLEMENTED, STATUS_NOT_IMPLEMENTED, STATUS_IMPLEMENTED},
		{STATUS_IMPLEMENTED, STATUS_PARTIAL, STATUS_NOT_APPLICABLE},
		{STATUS_IMPLEMENTED, STATUS_IMPLEMENTED, STATUS_UNANSWERED},
	};
	struct checklist *cl = load();
	struct connectors cs = {0};
	size_t counts[STATUS_COUNT];

	(void)state;
	fill(&cs, cl, st, 3);
	assert_false(connectors_gap(&cs, 0));
	assert_true(connectors_gap(&cs, 1));
	assert_true(connectors_gap(&cs, 2));
	connectors_count_item(&cs, 1, counts);
	assert_int_equal(counts[STATUS_NOT_IMPLEMENTED], 1);
	assert_int_equal(counts[STATUS_PARTIAL], 1);
	assert_int_equal(counts[STATUS_IMPLEMENTED], 1);
	/* A file left out counts nowhere. */
	answers_free(cs.files[2].a);
	cs.files[2].a = NULL;
	snprintf(cs.files[2].why, sizeof cs.files[2].why, "unreadable");
	cs.n_read = 2;
	assert_false(connectors_gap(&cs, 2));
	connectors_free(&cs);
	checklist_free(cl);
}

/* The files view's counts: answered, 未対応, and the open verdicts. */
static void test_tally(void **state)
{
	struct checklist *cl = load();
	struct answers *a = answers_new(cl);
	struct connector_tally t;

	(void)state;
	assert_non_null(a);
	t = connectors_tally(a);
	assert_int_equal(t.answered, 0);
	assert_int_equal(t.total, cl->n_items);
	a->status[0] = STATUS_NOT_IMPLEMENTED;
	a->status[1] = STATUS_NOT_APPLICABLE;
	a->verdict[0] = VERDICT_QUERY;
	a->verdict[1] = VERDICT_QUERY;
	a->verdict[2] = VERDICT_FINDING;
	t = connectors_tally(a);
	assert_int_equal(t.answered, 2);
	assert_int_equal(t.not_implemented, 1);
	assert_int_equal(t.query, 2);
	assert_int_equal(t.finding, 1);
	answers_free(a);
	checklist_free(cl);
}

static void test_report_text(void **state)
{
	static const enum status st[][3] = {
		{STATUS_IMPLEMENTED, STATUS_NOT_IMPLEMENTED, STATUS_IMPLEMENTED},
		{STATUS_PARTIAL, STATUS_PARTIAL, STATUS_NOT_APPLICABLE},
		{STATUS_IMPLEMENTED, STATUS_IMPLEMENTED, STATUS_UNANSWERED},
	};
	struct checklist *cl = load();
	struct connectors cs = {0};
	struct report_many r = {cl, &cs, LANG_JA, "2026-12-02"};
	char *buf = NULL;
	size_t len;

	(void)state;
	fill(&cs, cl, st, 3);
	CAPTURE(buf, len, assert_int_equal(report_many_text(out_, &r, 80), 0));
	assert_non_null(strstr(buf, "   1 [x] [/] [x]\n"));
	assert_non_null(strstr(buf, "   2 [!] [/] [x]\n"));
	assert_non_null(strstr(buf, "   3 [x] [-] [ ]\n"));
	assert_null(strchr(buf, '\x1b'));
	assert_null(strstr(buf, "\xe2\x80\xae"));
	assert_non_null(strstr(buf, "a^[[2J<U+202E>"));
	free(buf);
	CAPTURE(buf, len, assert_int_equal(report_many_html(out_, &r), 0));
	assert_null(strstr(buf, "<script"));
	assert_non_null(strstr(buf, "&lt;script&gt;&amp;&quot;&#39;"));
	free(buf);
	connectors_free(&cs);
	checklist_free(cl);
}

/* More files than columns: a row per file, each within the width. */
static void test_report_transposed(void **state)
{
	struct checklist *cl = load();
	struct connectors cs = {0};
	struct report_many r = {cl, &cs, LANG_JA, "2026-12-02"};
	size_t n = report_many_columns(80) + 1, len;
	char *buf = NULL, name[32], *line;

	(void)state;
	assert_int_equal(report_many_columns(80), 19);
	for (size_t k = 0; k < n; k++) {
		snprintf(name, sizeof name, "c%02zu", k);
		assert_int_equal(connectors_add(&cs, name), 0);
		assert_non_null(cs.files[k].a = answers_new(cl));
		cs.files[k].a->status[1] = STATUS_IMPLEMENTED;
	}
	cs.n_read = n;
	CAPTURE(buf, len, assert_int_equal(report_many_text(out_, &r, 80), 0));
	assert_non_null(strstr(buf, " 20 c19          .x.\n"));
	for (line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
		assert_true(strlen(line) <= 80 || strchr(line, '\xe3'));
	free(buf);
	connectors_free(&cs);
	checklist_free(cl);
}

static void test_diff(void **state)
{
	struct checklist *cl = load();
	struct answers *old = answers_new(cl), *new_ = answers_new(cl);
	struct diff_report d = {cl,      old,          new_, "old.db", "new.db",
				LANG_JA, "2026-12-02", NULL, NULL,     0};
	struct diff_item di;
	char *buf = NULL;
	size_t len;

	(void)state;
	/* item 1: the status changed; item 2: a text; item 3: nothing */
	new_->status[0] = STATUS_IMPLEMENTED;
	assert_int_equal(answers_set_text(old, 1, 1, "来年度"), 0);
	assert_int_equal(answers_set_text(new_, 1, 1, HOSTILE), 0);
	assert_int_equal(answers_set_text(old, 2, 0, "同じ"), 0);
	assert_int_equal(answers_set_text(new_, 2, 0, "同じ"), 0);
	di = connectors_diff_item(old, new_, 0);
	assert_true(di.status);
	assert_int_equal(di.n_text, 0);
	di = connectors_diff_item(old, new_, 1);
	assert_false(di.status);
	assert_int_equal(di.n_text, 1);
	assert_true(connectors_diff_text(old, new_, 1, 1));
	assert_false(connectors_diff_text(old, new_, 1, 0));
	di = connectors_diff_item(old, new_, 2);
	assert_false(di.status || di.n_text);
	assert_int_equal(diff_count(&d), 2);
	CAPTURE(buf, len, assert_int_equal(diff_text(out_, &d, 80), 0));
	assert_non_null(strstr(buf, "今後の対応予定"));
	assert_null(strstr(buf, "現在の対応状況"));
	assert_null(strchr(buf, '\x1b'));
	assert_null(strstr(buf, "\xe2\x80\xae"));
	assert_non_null(strstr(buf, "1 item unchanged."));
	free(buf);
	CAPTURE(buf, len, assert_int_equal(diff_html(out_, &d), 0));
	assert_null(strstr(buf, "<script"));
	assert_non_null(strstr(buf, "&lt;script&gt;"));
	free(buf);
	answers_free(old);
	answers_free(new_);
	checklist_free(cl);
}

/* A connector's name is checked as an answer is, and is one line of at
 * most 100 characters. */
static void test_check_name(void **state)
{
	static const struct {
		const char *name;
		int ok;
		const char *says;
	} cases[] = {
		{"株式会社サンプルペイ", 1, NULL},
		{"Sample Pay, Inc.", 1, NULL},
		{"", 1, NULL},
		{"株式会社\nサンプル", 0, "one line"},
		{"株式会社\tサンプル", 0, "one line"},
		{"a\x1b[2J", 0, "U+001B at byte 2"},
		{"a\xe2\x80\xae", 0, "U+202E at byte 2"},
		{"a\xe2\x80\x8b", 0, "U+200B"},
		{"\xff", 0, "invalid UTF-8 at byte 1"},
	};
	char err[256], long_name[4 * 102];

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		err[0] = '\0';
		assert_int_equal(connectors_check_name(cases[k].name, err, sizeof err),
				 cases[k].ok ? 0 : -1);
		if (cases[k].says && !strstr(err, cases[k].says))
			fail_msg("%s: \"%s\" does not say \"%s\"", cases[k].name, err,
				 cases[k].says);
	}
	long_name[0] = '\0';
	for (int k = 0; k < 100; k++)
		strcat(long_name, "あ");
	assert_int_equal(connectors_check_name(long_name, err, sizeof err), 0);
	strcat(long_name, "a");
	assert_int_equal(connectors_check_name(long_name, err, sizeof err), -1);
	assert_non_null(strstr(err, "101"));
}

/* The name an answer file keeps is the connector's name of a report; the
 * file's name stays beside it, and a file without one goes by its file's
 * name. Setting it is in the history; setting it again is not. */
static void test_load_name(void **state)
{
	char dir[] = "/tmp/tenken-named.XXXXXX", path[128], other[128], err[512];
	struct checklist *cl = load();
	struct connectors cs = {0};
	struct store *st;
	struct store_change *ch;
	size_t n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.db", dir);
	snprintf(other, sizeof other, "%s/b.db", dir);
	assert_non_null(st = store_open(path, cl, 0, err, sizeof err));
	assert_int_equal(store_set_connector(st, "株式会社サンプルペイ", err, sizeof err), 0);
	assert_int_equal(store_set_connector(st, "株式会社サンプルペイ", err, sizeof err), 0);
	ch = store_history(st, 0, &n);
	assert_int_equal(n, 1);
	assert_int_equal(ch[0].item, 0);
	assert_string_equal(ch[0].field, "connector");
	assert_null(ch[0].old_value);
	assert_string_equal(ch[0].new_value, "株式会社サンプルペイ");
	store_changes_free(ch, n);
	store_close(st);
	assert_non_null(st = store_open(other, cl, 0, err, sizeof err));
	store_close(st);
	assert_int_equal(connectors_add(&cs, path), 0);
	assert_int_equal(connectors_add(&cs, other), 0);
	connectors_peek(&cs);
	assert_int_equal(connectors_load(&cs, cl), 0);
	assert_string_equal(cs.files[0].name, "株式会社サンプルペイ");
	assert_string_equal(cs.files[0].file, "a");
	assert_true(cs.files[0].named);
	assert_string_equal(cs.files[1].name, "b");
	assert_false(cs.files[1].named);
	connectors_free(&cs);
	/* "" takes it back; read-only refuses. */
	assert_non_null(st = store_open(path, cl, 0, err, sizeof err));
	assert_int_equal(store_set_connector(st, "", err, sizeof err), 0);
	assert_int_equal(store_connector(st, err, sizeof err), 0);
	store_close(st);
	assert_non_null(st = store_open(path, cl, STORE_READONLY, err, sizeof err));
	assert_int_equal(store_set_connector(st, "x", err, sizeof err), -1);
	assert_non_null(strstr(err, "read-only"));
	store_close(st);
	unlink(path);
	unlink(other);
	rmdir(dir);
	checklist_free(cl);
}

/* Comments are new when the old thread of their item lacks their text,
 * each old one matching one new one. */
static char q_who[] = "承認者は誰ですか", ok_text[] = "了解", reply[] = "部長です",
	    old_question[] = "古い質問", hostile[] = HOSTILE;

static void test_fresh_comments(void **state)
{
	static const struct store_comment old[] = {
		{.item = 1, .text = q_who},
		{.item = 1, .text = q_who},
		{.item = 2, .text = ok_text},
	};
	static const struct store_comment new_[] = {
		{.item = 1, .text = q_who},   {.item = 1, .text = q_who},
		{.item = 1, .text = q_who},   {.item = 3, .text = ok_text},
		{.item = 2, .text = ok_text}, {.item = 2, .text = reply},
	};
	static const unsigned char want[] = {0, 0, 1, 1, 0, 1};
	unsigned char fresh[6];

	(void)state;
	assert_int_equal(connectors_fresh_comments(old, 3, new_, 6, fresh), 3);
	assert_memory_equal(fresh, want, sizeof want);
	assert_int_equal(connectors_fresh_comments(NULL, 0, new_, 2, fresh), 2);
	assert_true(fresh[0] && fresh[1]);
}

/* The review in a diff: a verdict changed, a comment added (hostile), an
 * old comment not repeated; each such item counts as changed. */
static void test_diff_review(void **state)
{
	static const struct store_comment comments[] = {
		{.item = 1, .text = old_question, .time = "2026-04-01T00:00:00Z", .user = "bank"},
		{.item = 3, .text = hostile, .time = "2026-12-01T00:00:00Z", .user = "firm"},
	};
	static const unsigned char fresh[] = {0, 1};
	struct checklist *cl = load();
	struct answers *old = answers_new(cl), *new_ = answers_new(cl);
	struct diff_report d = {cl,      old,          new_,     "old.db", "new.db",
				LANG_JA, "2026-12-02", comments, fresh,    2};
	char *buf = NULL;
	size_t len;

	(void)state;
	old->verdict[0] = VERDICT_QUERY;
	new_->verdict[0] = VERDICT_CONFIRMED;
	assert_true(connectors_diff_item(old, new_, 0).verdict);
	assert_false(connectors_diff_item(old, new_, 1).verdict);
	assert_int_equal(diff_count(&d), 2);
	CAPTURE(buf, len, assert_int_equal(diff_text(out_, &d, 80), 0));
	assert_non_null(strstr(buf, "  Verdict: 要確認 (Query) -> 確認済 (Confirmed)\n"));
	assert_non_null(strstr(buf, "  New comment (firm, "));
	assert_non_null(strstr(buf, "    a^[[2J<U+202E><script>"));
	assert_null(strstr(buf, "古い質問"));
	assert_null(strstr(buf, "No. 2 "));
	assert_null(strchr(buf, '\x1b'));
	assert_non_null(strstr(buf, "2 items changed. 1 item unchanged."));
	free(buf);
	CAPTURE(buf, len, assert_int_equal(diff_md(out_, &d), 0));
	assert_non_null(strstr(buf, "- **Verdict**: 要確認 (Query) → 確認済 (Confirmed)\n"));
	assert_non_null(strstr(buf, "- **New comment** (firm, "));
	free(buf);
	CAPTURE(buf, len, assert_int_equal(diff_html(out_, &d), 0));
	assert_null(strstr(buf, "<script"));
	assert_non_null(strstr(buf, "<dt>New comment</dt><dd><ins>"));
	free(buf);
	answers_free(old);
	answers_free(new_);
	checklist_free(cl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_name),     cmocka_unit_test(test_load_name),
		cmocka_unit_test(test_fresh_comments), cmocka_unit_test(test_diff_review),
		cmocka_unit_test(test_name),           cmocka_unit_test(test_dir_sorted),
		cmocka_unit_test(test_gaps),           cmocka_unit_test(test_tally),
		cmocka_unit_test(test_report_text),    cmocka_unit_test(test_report_transposed),
		cmocka_unit_test(test_diff),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
