/* Tests of the checklist loader: the bundled trial edition, and each class of
 * bad input, which must be refused with file:line:column. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "checklist.h"
#include "answers.h"
#include "checklist_yaml.h"
#include "export.h"
#include "fixtures.h"
#include "outline.h"
#include "textwidth.h"

static struct checklist *trial;

static int load_trial(void **state)
{
	char err[1024];
	(void)state;
	trial = checklist_load_file(SRCDATADIR "/fisc-api-2017-trial.yaml", err, sizeof err);
	if (!trial)
		fprintf(stderr, "%s\n", err);
	return trial ? 0 : -1;
}

static int free_trial(void **state)
{
	(void)state;
	checklist_free(trial);
	return 0;
}

static const struct item *item(int n)
{
	long i = checklist_find_item(trial, n);
	assert_true(i >= 0);
	return &trial->items[i];
}

static void test_trial_shape(void **state)
{
	static const size_t per_section[] = {10, 3, 6, 3, 4, 14, 9, 8, 3};
	(void)state;
	assert_string_equal(trial->id, "fisc-api-2017-trial");
	assert_string_equal(trial->title.ja, "API接続チェックリスト(試行版)");
	assert_string_equal(trial->date, "2017-06-28");
	assert_int_equal(trial->n_items, 60);
	assert_int_equal(trial->n_sections, 9);
	for (size_t s = 0; s < 9; s++)
		assert_int_equal(trial->sections[s].n_items, per_section[s]);
	assert_string_equal(trial->sections[0].name.ja, "情報・セキュリティ管理態勢");
	/* The extraction split this name with spaces; the data must not. */
	assert_string_equal(trial->sections[2].name.ja, "銀行・API接続先の協力体制");
	assert_string_equal(trial->sections[8].name.ja, "API利用セキュリティ");
	for (int n = 1; n <= 60; n++)
		assert_int_equal(trial->items[n - 1].number, n);
}

static void test_trial_columns_and_targets(void **state)
{
	static const char *const ids[] = {"current", "plan", "remarks"};
	static const char *const names[] = {"現在の対応状況", "今後の対応予定", "備考"};
	size_t count[3] = {0};
	(void)state;
	assert_int_equal(trial->n_columns, 3);
	for (size_t c = 0; c < 3; c++) {
		assert_string_equal(trial->columns[c].id, ids[c]);
		assert_string_equal(trial->columns[c].name.ja, names[c]);
	}
	for (size_t i = 0; i < trial->n_items; i++)
		count[trial->items[i].target]++;
	assert_string_equal(trial->targets[0].name.ja, "API接続先");
	assert_int_equal(count[0], 45);
	assert_string_equal(trial->targets[1].name.ja, "銀行");
	assert_int_equal(count[1], 6);
	assert_string_equal(trial->targets[2].name.ja, "共通");
	assert_int_equal(count[2], 9);
}

/* Counts checked by hand against the publisher's table. */
static void test_trial_counts_by_hand(void **state)
{
	static const struct {
		int item;
		size_t groups, methods, notes, refs;
	} cases[] = {
		{1, 3, 6, 2, 1},   {2, 3, 5, 2, 2},  {7, 2, 3, 2, 1},
		{29, 5, 11, 4, 1}, {60, 1, 1, 1, 1}, {20, 0, 0, 0, 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct item *it = item(cases[i].item);
		if (cases[i].item == 20)
			continue; /* item 20: references only checked below */
		assert_int_equal(it->n_groups, cases[i].groups);
		assert_int_equal(checklist_item_methods(it), cases[i].methods);
		assert_int_equal(it->n_notes, cases[i].notes);
		assert_int_equal(it->n_refs, cases[i].refs);
	}
	assert_int_equal(item(20)->n_refs, 0);
}

static void test_trial_item1(void **state)
{
	const struct item *it;
	(void)state;
	it = item(1);
	assert_string_equal(it->goal.ja, "セキュリティ管理責任の所在と対象範囲を明確にする");
	assert_string_equal(it->groups[0].heading.ja, "責任者の設置");
	assert_int_equal(it->groups[1].methods[0].number, 4); /* numbers run on */
	assert_int_equal(it->groups[2].methods[0].n_notes, 1);
	assert_int_equal(it->groups[2].methods[0].notes[0], 1);
	assert_int_equal(it->notes[1].n_entries, 9); /* (注2) ①…⑨ */
	assert_string_equal(it->notes[1].entries[8].label, "⑨");
	assert_string_equal(it->refs[0].location.ja, "運3、運4、運5、運6");
}

static void test_trial_item2_nested_and_two_refs(void **state)
{
	const struct item *it;
	(void)state;
	it = item(2);
	assert_string_equal(it->notes[0].entries[0].label, "①");
	assert_int_equal(it->notes[0].entries[0].n_entries, 5); /* a. … e. */
	assert_string_equal(it->notes[0].entries[0].entries[4].label, "e.");
	assert_int_equal(it->notes[0].entries[1].n_entries, 6);
	assert_string_equal(it->refs[0].source.ja, "銀行API報告書・セキュリティ原則");
	assert_string_equal(it->refs[0].location.ja, "3.3.1 API接続先の適格性d");
	assert_string_equal(it->refs[1].source.ja, "FISC・安対基準");
	assert_string_equal(it->refs[1].location.ja, "運1、運2、運10");
}

/* Item 7 lost its method numbers in the extraction: they are 1, 2, 3. */
static void test_trial_item7_numbers_restored(void **state)
{
	const struct item *it;
	(void)state;
	it = item(7);
	assert_int_equal(it->groups[0].methods[0].number, 1);
	assert_int_equal(it->groups[0].methods[1].number, 2);
	assert_int_equal(it->groups[1].methods[0].number, 3);
	assert_string_equal(it->groups[1].methods[0].text.ja,
			    "情報資産の廃棄計画を取り決めている(注2)。");
}

static void test_trial_no_split_words(void **state)
{
	(void)state;
	/* No space between two Japanese characters anywhere in the goals. */
	for (size_t i = 0; i < trial->n_items; i++)
		assert_null(strstr(trial->items[i].goal.ja, " "));
	/* The spaces split this reference in the extracted text. */
	assert_string_equal(item(17)->refs[0].source.ja, "銀行API報告書・利用者保護原則");
	assert_string_equal(item(18)->refs[0].location.ja, "3.4.5 利用者に対する責任・補償");
}

static void test_outline_cell(void **state)
{
	char *s;
	(void)state;
	s = outline_item_text(item(7), LANG_JA);
	assert_non_null(s);
	assert_non_null(
		strstr(s, "<解約時のデータポータビリティ及び消去>\n1. 解約時のデータの返却有無"));
	assert_non_null(strstr(s, "\n3. 情報資産の廃棄計画を取り決めている(注2)。\n(注1)具体例\n"));
	free(s);
}

/* ---- the 2018 edition's reviews ---- */

/* Copies s to out (n bytes) without what tests/fixtures/reviews.tsv leaves
 * out: spaces, line breaks and the bullet ・ (and •). */
static void squeeze(const char *s, char *out, size_t n)
{
	size_t o = 0;

	for (; *s && o + 1 < n; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
			continue;
		if (!strncmp(s, "・", strlen("・")) || !strncmp(s, "•", strlen("•"))) {
			s += strlen("・") - 1;
			continue;
		}
		out[o++] = *s;
	}
	out[o] = '\0';
}

static void added_run(void *ctx, const char *s, size_t len, int added)
{
	if (added)
		strncat(ctx, s, len);
}

/* The revision as the fixture has it: the 基準, the passage and the label,
 * and the added text, each squeezed. */
static void revision_row(const struct revision *rv, char *std, char *cell, char *added, size_t n)
{
	char *buf = malloc(n);

	assert_non_null(buf);
	squeeze(rv->standard.text.ja, std, n);
	snprintf(buf, n, "%s%s", rv->passage.text.ja, rv->change.ja);
	squeeze(buf, cell, n);
	buf[0] = '\0';
	marked_runs(&rv->standard, LANG_JA, added_run, buf);
	marked_runs(&rv->passage, LANG_JA, added_run, buf);
	squeeze(buf, added, n);
	free(buf);
}

/* The next revision of review in revs after *at, or NULL. */
static const struct revision *next_revision(const struct revision *revs, size_t n, size_t *at,
					    const char *review)
{
	while (*at < n)
		if (!strcmp(revs[(*at)++].review.ja, review))
			return &revs[*at - 1];
	return NULL;
}

/* Every review row of the FISC documents is in the shipped 2018 edition,
 * with its 基準, its passage and label, and its underlined text, in the
 * documents' order: the rows naming items among those items' revisions,
 * the 2025 rows marked - under the history's line of 2025-12-04; and no
 * other. The rows are tests/fixtures/reviews.tsv. */
static void test_2018_every_review_row(void **state)
{
	char err[1024], line[16384], std[4096], cell[16384], added[16384];
	struct checklist *cl =
		checklist_load_file(SRCDATADIR "/fisc-api-2018.yaml", err, sizeof err);
	FILE *f = fopen(TESTSRCDIR "/fixtures/reviews.tsv", "r");
	size_t at[2][45] = {{0}}, count[45] = {0}, rows[2] = {0}, doc_at = 0;
	const struct history *h = NULL;
	(void)state;
	if (!cl)
		fail_msg("%s", err);
	assert_non_null(f);
	for (size_t k = 0; k < cl->n_history; k++)
		if (!strcmp(cl->history[k].date, "2025-12-04"))
			h = &cl->history[k];
	assert_non_null(h);
	while (fgets(line, sizeof line, f)) {
		char *col[6] = {line}, *item, *save = NULL;
		int r = 0;
		if (line[0] == '#')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (char *p = line; (p = strchr(p, '\t')) != NULL && r < 5;)
			*p++ = '\0', col[++r] = p;
		assert_int_equal(r, 5);
		int y = strcmp(col[0], "2025年度見直し") == 0 ? 0 : 1;
		for (item = strtok_r(col[1], ",", &save); item; item = strtok_r(NULL, ",", &save)) {
			int n = atoi(item);
			const struct revision *rv;
			if (n == 0) {
				rv = next_revision(h->revisions, h->n_revisions, &doc_at, col[0]);
			} else {
				long i = checklist_find_item(cl, n);
				assert_true(i >= 0);
				rv = next_revision(cl->items[i].revisions, cl->items[i].n_revisions,
						   &at[y][n], col[0]);
				count[n]++;
			}
			if (!rv)
				fail_msg("item %d lacks the %s row %s", n, col[0], col[2]);
			revision_row(rv, std, cell, added, sizeof cell);
			if (strcmp(std, col[2]) || strcmp(cell, col[3]) || strcmp(added, col[4]))
				fail_msg("item %d, %s row %s:\n  data:    %s | %s | %s\n  fixture: "
					 "%s | %s | %s",
					 n, col[0], col[2], std, cell, added, col[2], col[3],
					 col[4]);
			rows[y]++;
		}
	}
	fclose(f);
	/* 25 notes on items and 62 on the history in 2025, 3 in 2021. */
	assert_int_equal(rows[0], 25 + 62);
	assert_int_equal(rows[1], 3);
	assert_int_equal(doc_at, h->n_revisions);
	for (size_t i = 0; i < cl->n_items; i++)
		if (cl->items[i].n_revisions != count[cl->items[i].number])
			fail_msg("item %d has %zu revisions, the documents %zu",
				 cl->items[i].number, cl->items[i].n_revisions,
				 count[cl->items[i].number]);
	checklist_free(cl);
}

/* ---- bad input ---- */

/* Replaces the first occurrence of from in the fixture with to. */
static char *patched(const char *from, const char *to)
{
	const char *base = FIXTURE_YAML, *at = strstr(base, from);
	char *out;

	assert_non_null(at);
	out = malloc(strlen(base) - strlen(from) + strlen(to) + 1);
	assert_non_null(out);
	memcpy(out, base, (size_t)(at - base));
	strcpy(out + (at - base), to);
	strcat(out, at + strlen(from));
	return out;
}

static void expect_error(const char *yaml, size_t len, const char *where, const char *what)
{
	char err[1024] = "";
	struct checklist *cl = checklist_load_buffer("bad.yaml", yaml, len, err, sizeof err);

	if (cl)
		fail_msg("loaded, but expected an error at %s: %s", where, what);
	if (strncmp(err, where, strlen(where)) != 0 || !strstr(err, what))
		fail_msg("error \"%s\", expected \"%s…%s\"", err, where, what);
}

static void test_fixture_loads(void **state)
{
	char err[1024];
	struct checklist *cl;
	(void)state;
	cl = checklist_load_buffer("mini.yaml", FIXTURE_YAML, strlen(FIXTURE_YAML), err,
				   sizeof err);
	assert_non_null(cl);
	assert_int_equal(cl->n_items, 3);
	assert_int_equal(cl->sections[1].first_item, 2);
	assert_string_equal(cl->title.en, "A small checklist");
	assert_string_equal(cl->items[0].notes[0].entries[0].entries[0].text.ja, "事業者の名称");
	assert_int_equal(strlen(cl->hash), 64);
	checklist_free(cl);
}

static const struct {
	const char *from, *to, *where, *what;
} bad_cases[] = {
	{"        target: bank\n", "        target: bank\n        colour: red\n",
	 "bad.yaml:45:9:", "unknown key \"colour\""},
	{"        goal: ルールを整備する\n", "", "bad.yaml:42:9:", "missing required key \"goal\""},
	{"      - number: 3\n", "      - number: 2\n",
	 "bad.yaml:48:9:", "item number 2 appears twice"},
	{"                notes: [1]\n", "                notes: [2]\n",
	 "bad.yaml:21:9:", "refers to note 2"},
	{"        target: bank\n", "        target: regulator\n",
	 "bad.yaml:44:17:", "target \"regulator\""},
	{"format: tenken-checklist 1\n", "format: other 1\n", "bad.yaml:1:9:", "format"},
	{"    name: 外部委託管理\n", "    name: &n 外部委託管理\n",
	 "bad.yaml:46:11:", "anchors and aliases"},
	{"        goal: 委託先を管理する\n", "        goal: *n\n",
	 "bad.yaml:49:15:", "anchors and aliases"},
	{"        goal: ルールを整備する\n", "        goal: \"ルール\\eを整備する\"\n",
	 "bad.yaml:43:15:", "control character U+001B"},
	{"        goal: ルールを整備する\n", "        goal: \"ルール\\x9bを整備する\"\n",
	 "bad.yaml:43:15:", "control character U+009B"},
	{"date: 2017-06-28\n", "date: 28.6.2017\n", "bad.yaml:6:7:", "YYYY-MM-DD"},
	{"  - id: plan\n", "  - id: current\n", "bad.yaml:15:5:", "id \"current\" appears twice"},
	{"  - id: plan\n", "  - id: verdict\n", "bad.yaml:15:5:", "id \"verdict\" is reserved"},
	{"      - number: 2\n", "      - number: 二\n", "bad.yaml:42:17:", "whole number"},
	{"        target: bank\n", "        target: bank\n        target: bank\n",
	 "bad.yaml:45:9:", "appears twice"},
	{"\n  - number: 2\n    name:", "\n  - number: 1\n    name:", "bad.yaml:45:5:",
	 "section number 1 appears twice"},
	{"    items:\n      - number: 3\n", "    items: {}\n      - number: 3\n", "bad.yaml:", ""},
	/* A duplicate of the first item, not only of a later one. */
	{"      - number: 3\n", "      - number: 1\n",
	 "bad.yaml:48:9:", "item number 1 appears twice"},
	/* Every C1 control, the first of them too. */
	{"        goal: ルールを整備する\n", "        goal: \"ルール\\x80を整備する\"\n",
	 "bad.yaml:43:15:", "control character U+0080"},
	{"        goal: ルールを整備する\n", "        goal: \"ルール\\x9fを整備する\"\n",
	 "bad.yaml:43:15:", "control character U+009F"},
	{"        target: bank\n", "        target: bankx\n",
	 "bad.yaml:44:17:", "target \"bankx\""},
};

static void test_bad_input(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		char *y = patched(bad_cases[i].from, bad_cases[i].to);
		expect_error(y, strlen(y), bad_cases[i].where, bad_cases[i].what);
		free(y);
	}
}

/* Item 2 of the fixture with one revision whose lines are rev (each
 * indented under "- review: 見直し"), from line 46 on. */
static char *with_revision(const char *rev)
{
	char to[1024];

	snprintf(to, sizeof to,
		 "        target: bank\n        revisions:\n          - review: 見直し\n%s", rev);
	return patched("        target: bank\n", to);
}

/* <u>…</u> marks what a review added; a mark out of place, or English that
 * loses the marks of its Japanese, is refused where it is. */
static void test_marked_text_errors(void **state)
{
	static const struct {
		const char *rev, *where, *what;
	} cases[] = {
		{"            passage: \"<u>機器<u>の</u></u>\"\n",
		 "bad.yaml:47:22:", "<u> inside an added run"},
		{"            passage: \"機器</u>\"\n", "bad.yaml:47:22:", "</u> without <u>"},
		{"            passage: \"<u>機器\"\n", "bad.yaml:47:22:", "<u> is not closed"},
		{"            passage: \"機器<u></u>\"\n", "bad.yaml:47:22:", "marks nothing"},
		{"            standard: \"実<u>9</u>\"\n            change: 【追加】\n",
		 "bad.yaml:47:23:", ""},
		{"            passage:\n              ja: \"<u>機器</u>\"\n"
		 "              en: \"Devices\"\n",
		 "bad.yaml:49:19:", "the English marks no added text"},
		{"            passage:\n              ja: \"機器\"\n"
		 "              en: \"<u>Devices</u>\"\n",
		 "bad.yaml:49:19:", "the English marks added text"},
		{"            standard: 実9\n", "bad.yaml:46:13:", "a passage or a change"},
		{"            change: 【追加】\n            date: 2025-13-04\n",
		 "bad.yaml:48:19:", "YYYY-MM-DD"},
		{"            change: 【追加】\n            colour: red\n",
		 "bad.yaml:48:13:", "unknown key \"colour\""},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *y = with_revision(cases[i].rev);
		if (!*cases[i].what) { /* a marked standard loads */
			char err[1024];
			struct checklist *cl =
				checklist_load_buffer("ok.yaml", y, strlen(y), err, sizeof err);
			if (!cl)
				fail_msg("%s", err);
			checklist_free(cl);
		} else {
			expect_error(y, strlen(y), cases[i].where, cases[i].what);
		}
		free(y);
	}
}

static void append_run(void *ctx, const char *s, size_t len, int added)
{
	char *out = ctx;

	snprintf(out + strlen(out), 256 - strlen(out), "%s%.*s%s", added ? "[" : "", (int)len, s,
		 added ? "]" : "");
}

/* The marks come out of the text into runs, in each language; two runs
 * that touch are one; where there is no English the Japanese runs stand. */
static void test_marked_text_runs(void **state)
{
	char err[1024], runs[256] = "";
	char *y = with_revision(
		"            passage:\n"
		"              ja: \"2 機器<u>（API）</u><u>及び</u>ID\\n<u>(1)変更</u>\"\n"
		"              en: \"2 Devices <u>(API)</u> and IDs\"\n"
		"            standard: \"<u>実153</u> 新設\"\n"
		"            date: 2025-12-04\n");
	struct checklist *cl = checklist_load_buffer("ok.yaml", y, strlen(y), err, sizeof err);
	const struct revision *rv;
	char *s;
	(void)state;
	if (!cl)
		fail_msg("%s", err);
	rv = &cl->items[1].revisions[0];
	assert_string_equal(rv->passage.text.ja, "2 機器（API）及びID\n(1)変更");
	assert_int_equal(rv->passage.n_added[LANG_JA], 2);
	marked_runs(&rv->passage, LANG_JA, append_run, runs);
	assert_string_equal(runs, "2 機器[（API）及び]ID\n[(1)変更]");
	runs[0] = '\0';
	marked_runs(&rv->passage, LANG_EN, append_run, runs);
	assert_string_equal(runs, "2 Devices [(API)] and IDs");
	runs[0] = '\0';
	marked_runs(&rv->standard, LANG_EN, append_run, runs);
	assert_string_equal(runs, "[実153] 新設");
	assert_string_equal(rv->date, "2025-12-04");
	s = marked_format(&rv->passage, LANG_JA, "<u>", "</u>");
	assert_string_equal(s, "2 機器<u>（API）及び</u>ID\n<u>(1)変更</u>");
	free(s);
	checklist_free(cl);
	free(y);
}

/* An item's note on its references is its own; an item without references
 * or a note takes the checklist's; one with references and no note has
 * none. */
static void test_references_note(void **state)
{
	char err[1024];
	char *y0 = patched("        target: bank\n",
			   "        target: bank\n        references-note: 項目の注\n");
	char *y = NULL;
	struct checklist *cl;
	(void)state;
	y = malloc(strlen(y0) + 64);
	assert_non_null(y);
	strcpy(y, "references-note: 文書の注\n");
	strcat(y, y0);
	cl = checklist_load_buffer("ok.yaml", y, strlen(y), err, sizeof err);
	if (!cl)
		fail_msg("%s", err);
	assert_null(checklist_refs_note(cl, &cl->items[0]));
	assert_string_equal(checklist_refs_note(cl, &cl->items[1])->ja, "項目の注");
	assert_string_equal(checklist_refs_note(cl, &cl->items[2])->ja, "文書の注");
	checklist_free(cl);
	free(y);
	free(y0);
}

static void test_invalid_utf8(void **state)
{
	char *y;
	(void)state;
	/* A lone continuation byte in the goal of item 2 (line 42). */
	y = patched("ルールを整備する", "ルール\x80を整備する");
	expect_error(y, strlen(y), "bad.yaml:43:18:", "invalid UTF-8");
	free(y);
}

static void test_raw_control_character(void **state)
{
	char *y;
	(void)state;
	y = patched("ルールを整備する", "ルール\x1b[2Jを整備する");
	expect_error(y, strlen(y), "bad.yaml:43:18:", "control character");
	free(y);
}

/* Deep nesting stops at the first event past the limit, at its position,
 * instead of running libyaml to the end of 200 KB of brackets. */
static void test_deep_nesting(void **state)
{
	size_t n = 200 * 1024;
	char *y = malloc(n + 1);
	(void)state;
	assert_non_null(y);
	memset(y, '[', n);
	y[n] = '\0';
	expect_error(y, n, "bad.yaml:1:21:", "nesting deeper than 20 levels");
	free(y);
}

/* A long Japanese key quoted in the message is cut between two characters,
 * never inside one (the message is shown on a terminal). */
static void test_long_value_cut_whole(void **state)
{
	char y[2048] = "format: tenken-checklist 1\na", err[1024];
	(void)state;
	for (int i = 0; i < 300; i++)
		strcat(y, "鍵");
	strcat(y, ": 1\n");
	assert_null(checklist_load_buffer("bad.yaml", y, strlen(y), err, sizeof err));
	assert_non_null(strstr(err, "unknown key \"a鍵鍵"));
	assert_true(textwidth_valid_utf8(err, strlen(err), NULL));
}

static void test_empty_and_not_a_mapping(void **state)
{
	(void)state;
	expect_error("", 0, "bad.yaml:1:1:", "empty");
	expect_error("- a\n- b\n", 8, "bad.yaml:1:1:", "expected a mapping");
	expect_error("a: [1, 2\n", 9, "bad.yaml:", "");
}

static void test_missing_file(void **state)
{
	char err[1024];
	(void)state;
	assert_null(checklist_load_file("/nonexistent/x.yaml", err, sizeof err));
	assert_non_null(strstr(err, "/nonexistent/x.yaml: "));
}

/* ---- Overlays ---- */

static char overlay_dir[64];

/* Writes the mini checklist to a new directory, where overlays find it. */
static int make_overlay_dir(void **state)
{
	char path[128];
	FILE *f;

	(void)state;
	snprintf(overlay_dir, sizeof overlay_dir, "/tmp/tenken-overlay-XXXXXX");
	if (!mkdtemp(overlay_dir))
		return -1;
	snprintf(path, sizeof path, "%s/mini.yaml", overlay_dir);
	if (!(f = fopen(path, "w")))
		return -1;
	fputs(FIXTURE_YAML, f);
	return fclose(f);
}

static int remove_overlay_dir(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof path, "%s/mini.yaml", overlay_dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/bank.yaml", overlay_dir);
	unlink(path);
	return rmdir(overlay_dir);
}

/* The SHA-256 of the mini checklist, as the overlay names it. */
static void mini_hash(char out[65])
{
	char err[1024];
	struct checklist *cl = checklist_load_buffer("mini.yaml", FIXTURE_YAML,
						     strlen(FIXTURE_YAML), err, sizeof err);

	assert_non_null(cl);
	memcpy(out, cl->hash, 65);
	checklist_free(cl);
}

/* An overlay of the mini checklist: A-1 after item 1, B-1 in a new section
 * 3, item 3 not asked, a column of the bank's. */
static const char overlay_yaml[] = "format: tenken-overlay 1\n"          /* 1 */
				   "id: bank\n"                          /* 2 */
				   "title: 銀行の小さなチェックリスト\n" /* 3 */
				   "base:\n"                             /* 4 */
				   "  id: mini\n"                        /* 5 */
				   "  sha256: %s\n"                      /* 6 */
				   "columns:\n"                          /* 7 */
				   "  - id: explanation\n"               /* 8 */
				   "    name: ② 説明欄\n"                /* 9 */
				   "sections:\n"                         /* 10 */
				   "  - number: 3\n"                     /* 11 */
				   "    name: 当行独自\n"                /* 12 */
				   "items:\n"                            /* 13 */
				   "  - number: A-1\n"                   /* 14 */
				   "    section: 1\n"                    /* 15 */
				   "    after: 1\n"                      /* 16 */
				   "    goal: 同意の範囲内で利用する\n"  /* 17 */
				   "    target: connector\n"             /* 18 */
				   "  - number: B-1\n"                   /* 19 */
				   "    section: 3\n"                    /* 20 */
				   "    goal: 当行の確認\n"              /* 21 */
				   "    target: bank\n"                  /* 22 */
				   "not-asked:\n"                        /* 23 */
				   "  - number: 3\n"                     /* 24 */
				   "    reason: 委託していない\n";       /* 25 */

/* Loads the overlay text yaml (with %s for the hash) patched from → to, as
 * bank.yaml beside the mini checklist. err gets the loader's message. */
static struct checklist *load_overlay(const char *from, const char *to, char *err, size_t errlen)
{
	char hash[65], text[4096], patched_text[4096], path[128];
	const char *at;
	FILE *f;

	mini_hash(hash);
	snprintf(text, sizeof text, overlay_yaml, hash);
	at = from ? strstr(text, from) : NULL;
	if (from)
		assert_non_null(at);
	if (at)
		snprintf(patched_text, sizeof patched_text, "%.*s%s%s", (int)(at - text), text, to,
			 at + strlen(from));
	else
		snprintf(patched_text, sizeof patched_text, "%s", text);
	snprintf(path, sizeof path, "%s/bank.yaml", overlay_dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(patched_text, f);
	assert_int_equal(fclose(f), 0);
	return checklist_load_file(path, err, errlen);
}

static void test_overlay_adds_and_drops(void **state)
{
	char err[1024] = "";
	struct checklist *cl = load_overlay(NULL, NULL, err, sizeof err);
	long a1, b1;

	(void)state;
	if (!cl)
		fail_msg("%s", err);
	assert_string_equal(cl->id, "bank");
	assert_non_null(cl->base);
	/* 1, A-1, 2 | (3 not asked) | B-1 */
	assert_int_equal(cl->n_items, 4);
	assert_int_equal(cl->n_sections, 3);
	assert_string_equal(cl->items[0].label, "1");
	assert_string_equal(cl->items[1].label, "A-1");
	assert_string_equal(cl->items[2].label, "2");
	assert_string_equal(cl->items[3].label, "B-1");
	assert_int_equal(cl->sections[0].n_items, 3);
	assert_int_equal(cl->sections[1].n_items, 0);
	assert_int_equal(cl->sections[2].first_item, 3);
	assert_int_equal(cl->items[3].section, 2);
	assert_true(cl->items[1].added && !cl->items[0].added);
	/* Typed labels find their items; a dropped one is not there. */
	a1 = checklist_find_label(cl, "A-1");
	b1 = checklist_find_label(cl, " B-1 ");
	assert_int_equal(a1, 1);
	assert_int_equal(b1, 3);
	assert_int_equal(checklist_find_label(cl, "2"), 2);
	assert_int_equal(checklist_find_label(cl, "3"), -1);
	assert_int_equal(checklist_find_label(cl, "a-1"), -1);
	/* The key stands for the label in the answer file, the same in every
	 * load, above any published number. */
	assert_true(cl->items[a1].number >= CHECKLIST_KEY_BASE);
	assert_int_equal(cl->items[a1].number, checklist_label_key("A-1"));
	assert_int_equal(checklist_find_item(cl, cl->items[b1].number), b1);
	/* The items not asked, with the bank's reason. */
	assert_int_equal(cl->n_not_asked, 1);
	assert_int_equal(cl->not_asked[0].item->number, 3);
	assert_string_equal(cl->not_asked[0].reason.ja, "委託していない");
	/* The bank's column after the base's; the base's targets. */
	assert_int_equal(cl->n_columns, 3);
	assert_string_equal(cl->columns[2].id, "explanation");
	assert_string_equal(cl->targets[cl->items[3].target].id, "bank");
	checklist_free(cl);
}

static const struct {
	const char *from, *to, *where, *what;
} overlay_errors[] = {
	/* A number of the base's, or one that could be taken for one. */
	{"number: A-1\n", "number: 2\n", "bank.yaml:14:13:", "is the base checklist's item 2"},
	{"number: A-1\n", "number: 77\n", "bank.yaml:14:13:", "at least one letter"},
	{"number: B-1\n", "number: A-1\n", "bank.yaml:19:5:", "item number A-1 appears twice"},
	{"number: A-1\n", "number: \"A 1\"\n", "bank.yaml:14:13:", "found \"A 1\""},
	/* The base, not the version the overlay was written for. */
	{"  sha256: ", "  sha256: 0", "bank.yaml:6:11:", "not the version the overlay was written"},
	{"  id: mini\n", "  id: nowhere\n", "bank.yaml:5:7:", "no checklist \"nowhere\""},
	{"id: bank\n", "id: mini\n", "bank.yaml:2:5:", "id of its own"},
	/* What it drops, where it adds. */
	{"  - number: 3\n    reason", "  - number: 9\n    reason",
	 "bank.yaml:24:13:", "has no item 9"},
	{"    after: 1\n", "    after: 3\n", "bank.yaml:16:12:", "section 1 has no item 3"},
	{"    section: 3\n", "    section: 4\n", "bank.yaml:20:14:", "no section 4"},
	{"  - number: 3\n    name", "  - number: 2\n    name",
	 "bank.yaml:11:5:", "section number 2 appears twice"},
	{"  - id: explanation\n", "  - id: plan\n", "bank.yaml:8:5:", "id \"plan\""},
	{"    reason: 委託していない\n", "", "bank.yaml:24:5:", "missing required key \"reason\""},
	{"    target: bank\n", "    target: regulator\n",
	 "bank.yaml:22:13:", "target \"regulator\""},
};

static void test_overlay_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof overlay_errors / sizeof overlay_errors[0]; i++) {
		char err[1024] = "";
		struct checklist *cl =
			load_overlay(overlay_errors[i].from, overlay_errors[i].to, err, sizeof err);
		const char *at = strstr(err, "bank.yaml:");
		if (cl)
			fail_msg("case %zu: loaded, expected %s", i, overlay_errors[i].what);
		if (!at || strncmp(at, overlay_errors[i].where, strlen(overlay_errors[i].where)) ||
		    !strstr(err, overlay_errors[i].what))
			fail_msg("case %zu: error \"%s\", expected \"%s…%s\"", i, err,
				 overlay_errors[i].where, overlay_errors[i].what);
	}
}

static void test_overlay_compare_labels(void **state)
{
	char err[1024] = "", *added = NULL, *gone = NULL;
	struct checklist *cl = load_overlay(NULL, NULL, err, sizeof err);

	(void)state;
	assert_non_null(cl);
	/* Recorded when the file was made: 1, 2, 3 and C-1. */
	assert_int_equal(checklist_compare_labels(cl, "1\n2\n3\nC-1", &added, &gone), 0);
	assert_string_equal(added, "A-1, B-1");
	assert_string_equal(gone, "3, C-1");
	free(added);
	free(gone);
	assert_int_equal(checklist_compare_labels(cl, "1\nA-1\n2\nB-1", &added, &gone), 0);
	assert_string_equal(added, "");
	assert_string_equal(gone, "");
	free(added);
	free(gone);
	checklist_free(cl);
}

/* ---- The compiled cache ---- */

static char cache_dir[64], cache_src[128];

/* A cache folder of its own, and a copy of the 2018 edition to cache. */
static int make_cache_dir(void **state)
{
	char cmd[512];

	(void)state;
	snprintf(cache_dir, sizeof cache_dir, "/tmp/tenken-cache-XXXXXX");
	if (!mkdtemp(cache_dir))
		return -1;
	setenv("XDG_CACHE_HOME", cache_dir, 1);
	snprintf(cache_src, sizeof cache_src, "%s/src.yaml", cache_dir);
	snprintf(cmd, sizeof cmd, "cp '%s/fisc-api-2018.yaml' '%s'", SRCDATADIR, cache_src);
	return system(cmd) == 0 ? 0 : -1;
}

static int remove_cache_dir(void **state)
{
	char cmd[256];

	(void)state;
	unsetenv("XDG_CACHE_HOME");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The checklist as JSON (everything it holds), newly allocated. */
static char *as_json(const struct checklist *cl)
{
	struct answers *a = answers_new(cl);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(a);
	assert_non_null(f);
	assert_int_equal(export_json(f, cl, a), 0);
	fclose(f);
	answers_free(a);
	return buf;
}

/* The one cache file in the cache folder. */
static void cache_file(char *out, size_t len)
{
	char cmd[256];
	FILE *p;

	snprintf(cmd, sizeof cmd, "ls %s/tenken/checklist-*.bin", cache_dir);
	assert_non_null(p = popen(cmd, "r"));
	assert_non_null(fgets(out, (int)len, p));
	out[strcspn(out, "\n")] = '\0';
	pclose(p);
}

/* Loads cache_src; *cached tells whether it came from the cache. */
static struct checklist *load_src(int *cached)
{
	char err[1024] = "";
	struct checklist *cl = checklist_load_file(cache_src, err, sizeof err);

	if (!cl)
		fail_msg("%s", err);
	*cached = cl->image != NULL;
	return cl;
}

static void test_cache_same_checklist(void **state)
{
	char err[1024], file[256];
	struct checklist *parsed = checklist_load_buffer(cache_src, "", 0, err, sizeof err), *first,
			 *second;
	char *want, *got;
	struct stat sb;
	int cached;

	(void)state;
	assert_null(parsed); /* an empty file is no checklist */
	first = load_src(&cached);
	assert_false(cached);
	second = load_src(&cached);
	assert_true(cached);
	/* Everything the checklist holds, and the file's hash, as parsed. */
	want = as_json(first);
	got = as_json(second);
	assert_string_equal(got, want);
	assert_string_equal(second->hash, first->hash);
	assert_string_equal(second->path, cache_src);
	assert_int_equal(checklist_find_label(second, "22"), 21);
	free(want);
	free(got);
	checklist_free(first);
	checklist_free(second);
	/* Only its owner reads and writes it. */
	cache_file(file, sizeof file);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
}

/* Writes byte c at offset off of file (from its end if off < 0). */
static void poke(const char *file, long off, int c)
{
	FILE *f = fopen(file, "r+b");

	assert_non_null(f);
	assert_int_equal(fseek(f, off, off < 0 ? SEEK_END : SEEK_SET), 0);
	fputc(c, f);
	fclose(f);
}

static void test_cache_damaged_is_rebuilt(void **state)
{
	char file[256];
	struct checklist *cl;
	int cached;

	(void)state;
	checklist_free(load_src(&cached));
	cache_file(file, sizeof file);
	/* A byte of the image changed: the checksum fails; parsed, and cached anew. */
	poke(file, -100, 'X');
	checklist_free(cl = load_src(&cached));
	assert_false(cached);
	checklist_free(cl = load_src(&cached));
	assert_true(cached);
	/* Cut short. */
	assert_int_equal(truncate(file, 1000), 0);
	checklist_free(cl = load_src(&cached));
	assert_false(cached);
	/* Not a cache at all. */
	poke(file, 0, 'Z');
	checklist_free(cl = load_src(&cached));
	assert_false(cached);
	/* Writable by others: not trusted. */
	checklist_free(cl = load_src(&cached));
	assert_true(cached);
	assert_int_equal(chmod(file, 0622), 0);
	checklist_free(cl = load_src(&cached));
	assert_false(cached);
}

static void test_cache_follows_the_file(void **state)
{
	char cmd[512];
	struct checklist *cl;
	int cached;

	(void)state;
	checklist_free(load_src(&cached));
	checklist_free(cl = load_src(&cached));
	assert_true(cached);
	/* Edited in place: the same file, the same size, another time. */
	snprintf(cmd, sizeof cmd,
		 "off=$(grep -b -o '^date: 20' '%s' | head -n 1 | cut -d: -f1) && sleep 0.01 && "
		 "printf 'date: 19' | dd of='%s' bs=1 seek=$off conv=notrunc status=none",
		 cache_src, cache_src);
	assert_int_equal(system(cmd), 0);
	cl = load_src(&cached);
	assert_false(cached);
	assert_string_equal(cl->date, "1918-10-12");
	checklist_free(cl);
	/* The file changed (a revision of the checklist): parsed again. */
	snprintf(cmd, sizeof cmd, "sed -i 's/^title:$/title:/' '%s' && echo '# edited' >> '%s'",
		 cache_src, cache_src);
	assert_int_equal(system(cmd), 0);
	cl = load_src(&cached);
	assert_false(cached);
	checklist_free(cl);
	/* A cache folder that cannot be written only costs the parse. */
	snprintf(cmd, sizeof cmd, "rm -rf '%s/tenken' && touch '%s/tenken'", cache_dir, cache_dir);
	assert_int_equal(system(cmd), 0);
	checklist_free(cl = load_src(&cached));
	assert_false(cached);
	checklist_free(cl = load_src(&cached));
	assert_false(cached);
	snprintf(cmd, sizeof cmd, "rm -f '%s/tenken'", cache_dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest trial_tests[] = {
		cmocka_unit_test(test_trial_shape),
		cmocka_unit_test(test_trial_columns_and_targets),
		cmocka_unit_test(test_trial_counts_by_hand),
		cmocka_unit_test(test_trial_item1),
		cmocka_unit_test(test_trial_item2_nested_and_two_refs),
		cmocka_unit_test(test_trial_item7_numbers_restored),
		cmocka_unit_test(test_trial_no_split_words),
		cmocka_unit_test(test_outline_cell),
		cmocka_unit_test(test_2018_every_review_row),
	};
	const struct CMUnitTest bad_tests[] = {
		cmocka_unit_test(test_fixture_loads),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_marked_text_errors),
		cmocka_unit_test(test_marked_text_runs),
		cmocka_unit_test(test_references_note),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_raw_control_character),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_long_value_cut_whole),
		cmocka_unit_test(test_empty_and_not_a_mapping),
		cmocka_unit_test(test_missing_file),
	};
	const struct CMUnitTest overlay_tests[] = {
		cmocka_unit_test(test_overlay_adds_and_drops),
		cmocka_unit_test(test_overlay_errors),
		cmocka_unit_test(test_overlay_compare_labels),
	};
	const struct CMUnitTest cache_tests[] = {
		cmocka_unit_test(test_cache_same_checklist),
		cmocka_unit_test(test_cache_damaged_is_rebuilt),
		cmocka_unit_test(test_cache_follows_the_file),
	};
	int failed;

	setlocale(LC_CTYPE, "C.UTF-8");
	failed = cmocka_run_group_tests_name("trial edition", trial_tests, load_trial, free_trial);
	failed += cmocka_run_group_tests_name("bad input", bad_tests, NULL, NULL);
	failed += cmocka_run_group_tests_name("overlays", overlay_tests, make_overlay_dir,
					      remove_overlay_dir);
	failed += cmocka_run_group_tests_name("the compiled cache", cache_tests, make_cache_dir,
					      remove_cache_dir);
	return failed ? 1 : 0;
}
