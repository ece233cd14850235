/* Tests of the full-screen interface through the same code path as real
 * typing: keys are played from a script, the screen the terminal would show
 * is read back as text, and the answer file is checked afterwards. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <unistd.h>
#include <cmocka.h>
#include <curses.h>
#include <wchar.h>

#include "answers.h"
#include "gettext.h"
#include "checklist_yaml.h"
#include "store.h"
#include "textwidth.h"
#include "ui.h"

#define TRIAL SRCDATADIR "/fisc-api-2017-trial.yaml"

struct fx {
	char dir[64];
	char path[128];
	struct checklist *cl;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char err[512];

	if (!f)
		return -1;
	strcpy(f->dir, "/tmp/tenken-ui-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/answers.db", f->dir);
	f->cl = checklist_load_file(TRIAL, err, sizeof err);
	if (!f->cl)
		fprintf(stderr, "%s\n", err);
	*state = f;
	return f->cl ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	checklist_free(f->cl);
	free(f);
	return 0;
}

/* Runs the interface on the answer file with the keys in script on a
 * cols x rows terminal; returns the final screen (free it). */
/* The checklist's language in the runs below. */
static enum lang run_lang = LANG_JA;

static char *run_sized(struct fx *f, const char *script, int cols, int rows, int read_only,
		       int item)
{
	char err[512] = "", *screen = NULL;
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, read_only ? STORE_READONLY : 0, err,
				      sizeof err);
	struct ui_options o = {0};

	if (!st && !read_only)
		fail_msg("store_open: %s", err);
	if (st)
		assert_int_equal(store_load(st, a, err, sizeof err), 0);
	o.cl = f->cl;
	o.a = a;
	o.st = st;
	o.path = f->path;
	o.read_only = read_only;
	o.item = item;
	o.lang = run_lang;
	o.script = script;
	o.script_cols = cols;
	o.script_rows = rows;
	o.dump = &screen;
	if (ui_run(&o, err, sizeof err) != 0)
		fail_msg("ui_run: %s", err);
	store_close(st);
	answers_free(a);
	assert_non_null(screen);
	return screen;
}

static char *run(struct fx *f, const char *script)
{
	return run_sized(f, script, 80, 24, 0, 0);
}

/* Reads the answers now in the file. */
static struct answers *saved(struct fx *f)
{
	char err[512];
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, STORE_READONLY, err, sizeof err);

	assert_non_null(st);
	assert_int_equal(store_load(st, a, err, sizeof err), 0);
	store_close(st);
	return a;
}

static size_t drafts_in_file(struct fx *f)
{
	char err[512];
	size_t n;
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);
	struct store_draft *d = store_drafts(st, &n);

	store_drafts_free(d, n);
	store_close(st);
	return n;
}

#define assert_screen_has(screen, text)                                              \
	do {                                                                          \
		if (!strstr((screen), (text)))                                        \
			fail_msg("screen lacks \"%s\":\n%s", (text), (screen));       \
	} while (0)

#define assert_screen_lacks(screen, text)                                            \
	do {                                                                          \
		if (strstr((screen), (text)))                                         \
			fail_msg("screen shows \"%s\":\n%s", (text), (screen));       \
	} while (0)

/* No row is wider than the terminal, Japanese included. */
static void assert_fits(const char *screen, int cols, int rows)
{
	int n = 0;

	for (const char *p = screen; *p; n++) {
		const char *nl = strchr(p, '\n');
		char line[4096];
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		memcpy(line, p, len);
		line[len] = '\0';
		if ((int)textwidth_str(line) > cols)
			fail_msg("row %d is %zu columns wide: %s", n, textwidth_str(line), line);
		p += len + (nl ? 1 : 0);
	}
	assert_int_equal(n, rows);
}

static void test_first_screen(void **state)
{
	char *s = run(*state, "");

	assert_screen_has(s, "API接続チェックリスト(試行版)");
	assert_screen_has(s, "0/60");
	assert_screen_has(s, "情報・セキュリティ管理態勢");
	assert_screen_has(s, "  1 [ ] セキュリティ管理責任の所在と対象範囲を明確にする");
	assert_screen_has(s, "API接続先");
	assert_screen_has(s, "?:help");
	assert_fits(s, 80, 24);
	free(s);
}

static void test_open_item_notes_folded(void **state)
{
	char *s = run(*state, "<Enter>");

	assert_screen_has(s, "Item 1  (section 1: 情報・セキュリティ管理態勢)");
	assert_screen_has(s, "<責任者の設置>");
	assert_screen_has(s, "1. セキュリティ管理に関する責任者を明確化し");
	free(s);
	s = run(*state, "<Enter>G");
	assert_screen_has(s, "+ (注1)具体例");
	assert_screen_lacks(s, "①情報資産の安全管理に関する規程");
	assert_screen_has(s, "(empty)");
	free(s);
	s = run(*state, "<Enter>oG<PgUp>");
	assert_screen_has(s, "- (注1)具体例");
	assert_screen_has(s, "①情報資産の安全管理に関する規程");
	free(s);
}

static void test_move_and_open(void **state)
{
	/* The cursor is the > in the margin, without colour too. */
	char *s = run(*state, "jj");

	assert_screen_has(s, "\n>  3 [ ] ");
	assert_screen_has(s, "\n   2 [ ] ");
	free(s);
	s = run(*state, "jj<Enter>");

	assert_screen_has(s, "Item 3  (section 1");
	free(s);
	s = run(*state, "jjk<Down><Enter>");
	assert_screen_has(s, "Item 3  (section 1");
	free(s);
	s = run(*state, "G<Enter>");
	assert_screen_has(s, "Item 60  (section 9");
	free(s);
	s = run(*state, "<Enter>]]");
	assert_screen_has(s, "Item 3  (section 1");
	free(s);
}

static void test_section_jump(void **state)
{
	char *s = run(*state, "5<Enter>");
	struct fx *f = *state;
	long first = f->cl->sections[4].first_item;
	char want[64];

	snprintf(want, sizeof want, "Item %d  (section 5", f->cl->items[first].number);
	assert_screen_has(s, want);
	free(s);
	s = run(*state, "9");
	assert_screen_has(s, " 9  API利用セキュリティ");
	assert_screen_lacks(s, " 1  情報・セキュリティ管理態勢");
	free(s);
}

static void test_status_menu(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "s3jjs2");
	struct answers *a = saved(f);

	assert_int_equal(a->status[0], STATUS_PARTIAL);
	assert_int_equal(a->status[2], STATUS_IMPLEMENTED);
	assert_int_equal(a->status[1], STATUS_UNANSWERED);
	assert_screen_has(s, "2/60");
	assert_screen_has(s, "  1 [/] ");
	assert_screen_has(s, "  3 [x] ");
	/* The section's progress follows, without the list being rebuilt. */
	assert_screen_has(s, "2/10\n");
	answers_free(a);
	free(s);
}

static void test_edit_inline_saves(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "e日本語の回答です<Enter>二行目<C-x>");
	struct answers *a = saved(f);

	assert_string_equal(answers_text(a, 0, 0), "日本語の回答です\n二行目");
	assert_screen_has(s, "saved");
	answers_free(a);
	free(s);
	assert_int_equal(drafts_in_file(f), 0);
}

static void test_edit_wide_backspace_and_keys(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "e日本<BS>語 abc<C-a>X<C-e>Y<Left><C-k><C-x>");
	struct answers *a = saved(f);

	assert_string_equal(answers_text(a, 0, 0), "X日語 abc");
	answers_free(a);
	free(s);
}

/* An answer column under the cursor in an item is the one edited. */
static void test_edit_column_in_item(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "<Enter>G<Enter>来期に対応<C-x>");
	struct answers *a = saved(f);
	size_t last = f->cl->n_columns - 1;

	assert_string_equal(answers_text(a, 0, last), "来期に対応");
	assert_string_equal(answers_text(a, 0, 0), "");
	assert_screen_has(s, "来期に対応");
	answers_free(a);
	free(s);
}

static void test_escape_asks_before_dropping(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "e捨てる文<Esc>y");
	struct answers *a = saved(f);

	assert_string_equal(answers_text(a, 0, 0), "");
	assert_int_equal(drafts_in_file(f), 0);
	assert_screen_has(s, "dropped");
	answers_free(a);
	free(s);
	s = run(f, "e捨てる文<Esc>");
	assert_screen_has(s, "Drop the changes");
	free(s);
	/* n keeps editing. */
	s = run(f, "d" "e捨てる文<Esc>n続き<C-x>");
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "捨てる文続き");
	answers_free(a);
	free(s);
}

/* Idle typing is kept as a draft; the next start offers it back. */
static void test_draft_after_idle_then_recovered(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "jje入力途中の回答<Idle>続き");
	struct answers *a;

	free(s);
	assert_int_equal(drafts_in_file(f), 1);
	a = saved(f);
	assert_string_equal(answers_text(a, 2, 0), "");
	answers_free(a);

	s = run(f, "");
	assert_screen_has(s, "A draft was recovered");
	assert_screen_has(s, "Item 3");
	/* The end of input kept the text typed after the idle pause too. */
	assert_screen_has(s, "入力途中の回答続き");
	free(s);

	s = run(f, "t<C-x>");
	a = saved(f);
	assert_string_equal(answers_text(a, 2, 0), "入力途中の回答続き");
	assert_int_equal(drafts_in_file(f), 0);
	answers_free(a);
	free(s);
}

/* A hang-up keeps the text at once, without waiting for idle time. */
static void test_hangup_keeps_draft(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "e切断前の文<Hup>この後は届かない");

	free(s);
	assert_int_equal(drafts_in_file(f), 1);
	s = run(f, "d");
	assert_screen_has(s, "draft was dropped");
	assert_int_equal(drafts_in_file(f), 0);
	free(s);
}

static void test_read_only(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "s1");
	struct answers *a;

	free(s);
	s = run_sized(f, "js3", 80, 24, 1, 0);
	assert_screen_has(s, "read-only");
	a = saved(f);
	assert_int_equal(a->status[1], STATUS_UNANSWERED);
	answers_free(a);
	free(s);
}

static void test_search(void **state)
{
	char *s = run(*state, "/ワンタイムトークン<Enter><Enter>");

	assert_screen_has(s, "Item 29  (section 6");
	free(s);
	s = run(*state, "/ワンタイムトークン<Enter>n");
	assert_screen_has(s, "match 2 of 2");
	free(s);
	s = run(*state, "/存在しない語句<Enter>");
	assert_screen_has(s, "Not found");
	free(s);
}

static void test_next_unanswered(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "s2js2ggu<Enter>");

	assert_screen_has(s, "Item 3  (section 1");
	free(s);
}

static void test_filter_targets(void **state)
{
	struct fx *f = *state;
	char script[16], want[32], *s;
	size_t i = 0;

	while (i < f->cl->n_items && strcmp(f->cl->targets[f->cl->items[i].target].id, "bank"))
		i++;
	assert_true(i < f->cl->n_items);
	snprintf(want, sizeof want, "%3d [ ]", f->cl->items[i].number);
	snprintf(script, sizeof script, "%d", f->cl->sections[f->cl->items[i].section].number);
	s = run(f, script);
	assert_screen_has(s, want);
	free(s);
	snprintf(script, sizeof script, "f%d", f->cl->sections[f->cl->items[i].section].number);
	s = run(f, script);
	assert_screen_lacks(s, want);
	free(s);
	s = run(f, "f");
	assert_screen_has(s, "Showing the items for API接続先 and common");
	free(s);
}

static void test_resize_and_too_small(void **state)
{
	char *s = run(*state, "<Resize 120x30>");

	assert_fits(s, 120, 30);
	assert_screen_has(s, "セキュリティ管理責任の所在と対象範囲を明確にする");
	free(s);
	s = run(*state, "<Resize 30x8>");
	assert_screen_has(s, "too small");
	free(s);
	s = run(*state, "<Resize 30x8><Resize 80x24>");
	assert_screen_lacks(s, "too small");
	assert_fits(s, 80, 24);
	free(s);
}

/* Every view fits an 80x24 screen, the long Japanese text included. */
static void test_everything_fits_80x24(void **state)
{
	static const char *const scripts[] = {"", "?", "<Enter>", "<Enter>oG", "G<Enter>oG",
					      "s", "e", "<PgDn><PgDn>"};

	for (size_t k = 0; k < sizeof scripts / sizeof scripts[0]; k++) {
		char *s = run(*state, scripts[k]);
		assert_fits(s, 80, 24);
		free(s);
	}
}

/* The same in Japanese, interface and checklist, and with the checklist in
 * English: every view still fits, in the language asked for. */
static void test_everything_fits_in_both_languages(void **state)
{
	static const char *const scripts[] = {"", "?", "<Enter>", "<Enter>oG", "G<Enter>oG",
					      "s", "e", "<PgDn><PgDn>", "/x", "f"};
	char *s;

	bindtextdomain(PACKAGE, BUILDLOCALEDIR);
	textdomain(PACKAGE);
	setenv("LANGUAGE", "ja", 1);
	setlocale(LC_MESSAGES, "C.UTF-8");
	s = run(*state, "");
	assert_screen_has(s, "Enter:開く");
	free(s);
	for (size_t k = 0; k < sizeof scripts / sizeof scripts[0]; k++) {
		s = run(*state, scripts[k]);
		assert_fits(s, 80, 24);
		free(s);
	}
	unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, "C.UTF-8");
	textdomain(PACKAGE); /* gettext notices the change of LANGUAGE */
	run_lang = LANG_EN;
	s = run(*state, "");
	assert_screen_has(s, "Clarify where responsibility for security management");
	free(s);
	for (size_t k = 0; k < sizeof scripts / sizeof scripts[0]; k++) {
		s = run(*state, scripts[k]);
		assert_fits(s, 80, 24);
		free(s);
	}
	s = run(*state, "L");
	assert_screen_has(s, "セキュリティ管理責任の所在と対象範囲を明確にする");
	free(s);
	run_lang = LANG_JA;
}

/* In English, J shows the Japanese original under each text of the open
 * item, so that it can be quoted to a bank; J again hides it. In Japanese
 * there is nothing to show. */
static void test_japanese_original_on_demand(void **state)
{
	char *s;

	run_lang = LANG_EN;
	s = run(*state, "<Enter>");
	assert_screen_has(s, "Clarify where responsibility for security management");
	assert_screen_lacks(s, "セキュリティ管理責任の所在と対象範囲を明確にする");
	free(s);
	s = run(*state, "<Enter>J");
	assert_screen_has(s, "Clarify where responsibility for security management");
	assert_screen_has(s, "セキュリティ管理責任の所在と対象範囲を明確にする");
	assert_screen_has(s, "API接続先");
	assert_fits(s, 80, 24);
	free(s);
	s = run(*state, "<Enter>JJ");
	assert_screen_lacks(s, "セキュリティ管理責任の所在と対象範囲を明確にする");
	free(s);
	/* It stays on for the next item, and its methods show their original. */
	s = run(*state, "<Enter>J]");
	assert_screen_has(s, "Item 2 ");
	assert_screen_has(s, "セキュリティ管理ルールを整備する");
	free(s);
	s = run(*state, "<Enter>JoG");
	assert_screen_has(s, "他所管部署における情報資産の安全管理に関すること");
	free(s);
	run_lang = LANG_JA;
	s = run(*state, "<Enter>J");
	assert_screen_has(s, "The checklist text is the Japanese original.");
	free(s);
}

/* An escape sequence in an answer is drawn as ^[, never sent. */
static void test_answer_escape_shown_visibly(void **state)
{
	struct fx *f = *state;
	char err[512];
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);
	char *s;

	assert_int_equal(store_set_text(st, a, 0, 0, "前\x1b[2J後\x07", err, sizeof err), 0);
	store_close(st);
	answers_free(a);
	s = run(f, "<Enter>G");
	assert_screen_has(s, "前^[[2J後^G");
	free(s);
}

static void test_start_at_item(void **state)
{
	char *s = run_sized(*state, "", 80, 24, 0, 42);

	assert_screen_has(s, "Item 42  (section");
	free(s);
}

static void test_help_lists_keys(void **state)
{
	char *s = run(*state, "?");

	assert_screen_has(s, "next unanswered item");
	assert_screen_has(s, "set the status");
	free(s);
}

/* With ambiguous width 2, curses itself counts ① as two columns, as the
 * terminal draws it: the next character lands two cells on. */
static void test_curses_honours_ambiguous_width(void **state)
{
	FILE *in = fopen("/dev/null", "r"), *out = fopen("/dev/null", "w");
	SCREEN *scr;
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t attr;
	short pair;

	(void)state;
	setenv("LINES", "24", 1);
	setenv("COLUMNS", "80", 1);
	scr = newterm("xterm-256color", out, in);
	assert_non_null(scr);
	for (int amb = 1; amb <= 2; amb++) {
		textwidth_set_ambiguous(amb);
		assert_int_equal(wcwidth(L'①'), amb);
		assert_int_equal(wcwidth(L'情'), 2);
		erase();
		mvaddwstr(0, 0, L"①情a");
		mvin_wch(0, amb + 2, &cc);
		getcchar(&cc, wc, &attr, &pair, NULL);
		assert_true(wc[0] == L'a');
	}
	textwidth_set_ambiguous(1);
	endwin();
	delscreen(scr);
	fclose(in);
	fclose(out);
}

/* At ambiguous width 2 every view still fits, the notes' ①② included. */
static void test_fits_with_ambiguous_width_2(void **state)
{
	char *s;

	textwidth_set_ambiguous(2);
	s = run(*state, "<Enter>oG<PgUp>");
	textwidth_set_ambiguous(1);
	assert_screen_has(s, "①");
	textwidth_set_ambiguous(2);
	assert_fits(s, 80, 24);
	textwidth_set_ambiguous(1);
	free(s);
}

/* The 2018 edition shows the trial's 手法例 for an item, folded and
 * labelled, and the 2025 revision notes. */
static void test_2018_examples_folded(void **state)
{
	struct fx *f = *state;
	char err[512], *screen = NULL, path[256];
	struct checklist *cl = checklist_load_file(SRCDATADIR "/fisc-api-2018.yaml", err, sizeof err);
	struct mapping *m;
	struct answers *a;
	struct examples ex;
	struct ui_options o = {0};

	(void)state;
	assert_non_null(cl);
	snprintf(path, sizeof path, "%s/2018.db", f->dir);
	m = mapping_load_file(SRCDATADIR "/fisc-api-2017-trial.to.fisc-api-2018.yaml", err,
			      sizeof err);
	assert_non_null(m);
	assert_int_equal(mapping_check(m, f->cl, cl, err, sizeof err), 0);
	ex.cl = f->cl;
	ex.m = m;
	a = answers_new(cl);
	o.cl = cl;
	o.a = a;
	o.path = path;
	o.read_only = 1;
	o.item = 3;
	o.ex = &ex;
	o.script = "G";
	o.script_cols = 80;
	o.script_rows = 60;
	o.dump = &screen;
	assert_int_equal(ui_run(&o, err, sizeof err), 0);
	assert_screen_has(screen, "+ Methods of 試行版, item 3, for reference");
	assert_screen_has(screen, "+ Methods of 試行版, item 4, for reference");
	assert_screen_lacks(screen, "<周知・意識啓発の徹底>");
	assert_screen_has(screen, "1 サイバーセキュリティを対象とした内部監査を行うこと。");
	free(screen);
	o.script = "o";
	assert_int_equal(ui_run(&o, err, sizeof err), 0);
	assert_screen_has(screen, "<周知・意識啓発の徹底>");
	free(screen);
	answers_free(a);
	mapping_free(m);
	checklist_free(cl);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_first_screen),
		T(test_open_item_notes_folded),
		T(test_move_and_open),
		T(test_section_jump),
		T(test_status_menu),
		T(test_edit_inline_saves),
		T(test_edit_wide_backspace_and_keys),
		T(test_edit_column_in_item),
		T(test_escape_asks_before_dropping),
		T(test_draft_after_idle_then_recovered),
		T(test_hangup_keeps_draft),
		T(test_read_only),
		T(test_search),
		T(test_next_unanswered),
		T(test_filter_targets),
		T(test_resize_and_too_small),
		T(test_everything_fits_80x24),
		T(test_answer_escape_shown_visibly),
		T(test_start_at_item),
		T(test_help_lists_keys),
		T(test_curses_honours_ambiguous_width),
		T(test_fits_with_ambiguous_width_2),
		T(test_2018_examples_folded),
		T(test_everything_fits_in_both_languages),
		T(test_japanese_original_on_demand),
	};
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TERM", "xterm-256color", 1);
	unsetenv("LANGUAGE");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
