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
#include <sys/stat.h>
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
#include "ui_keys.h" /* the binding table, to test every key in it */

#define TRIAL SRCDATADIR "/fisc-api-2017-trial.yaml"

struct fx {
	char dir[64];
	char path[256];
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
	if (chdir(f->dir) != 0) /* the export dialog writes here */
		return -1;
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

/* Removes what the export dialog wrote into the test's directory (the
 * tests run there: see setup). */
static void clear_exports(struct fx *f)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "find '%s' -maxdepth 1 -type f ! -name 'answers.db*' -delete",
		 f->dir);
	if (system(cmd) != 0)
		fail_msg("%s failed", cmd);
}

/* Runs script and returns the bytes the interface wrote to the terminal. */
static long run_bytes(struct fx *f, const char *script)
{
	char err[512] = "", *screen = NULL;
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);
	struct ui_options o = {0};
	char path[300];
	FILE *out;
	struct stat sb;

	snprintf(path, sizeof path, "%s/terminal.out", f->dir);
	out = fopen(path, "w");
	assert_non_null(st);
	assert_non_null(out);
	assert_int_equal(store_load(st, a, err, sizeof err), 0);
	o.cl = f->cl;
	o.a = a;
	o.st = st;
	o.path = f->path;
	o.lang = LANG_JA;
	o.script = script;
	o.script_out = out;
	o.dump = &screen;
	if (ui_run(&o, err, sizeof err) != 0)
		fail_msg("ui_run: %s", err);
	fclose(out);
	assert_int_equal(stat(path, &sb), 0);
	free(screen);
	store_close(st);
	answers_free(a);
	return (long)sb.st_size;
}

/* Runs the interface on the answer file with the keys in script on a
 * cols x rows terminal; returns the final screen (free it). */
/* The checklist's language in the runs below. */
static enum lang run_lang = LANG_JA;

/* Another session's change, made when a script reaches <Hook>: its text
 * for the first answer of item 1 and a status for item 3, through a
 * connection of its own. */
static const char *other_text = "相手の回答";
static enum status other_status = STATUS_NOT_APPLICABLE;

static void other_session(void *ctx)
{
	struct fx *f = ctx;
	char err[512];
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);

	assert_non_null(st);
	assert_int_equal(store_load(st, a, err, sizeof err), 0);
	assert_int_equal(store_set_text(st, a, 0, 0, other_text, err, sizeof err), 0);
	assert_int_equal(store_set_status(st, a, 2, other_status, err, sizeof err), 0);
	store_close(st);
	answers_free(a);
}

/* Whether the runs below keep and restore the place (and at which
 * section number they start, 0: none). */
static int run_remember, run_section;
static const struct answers *run_last; /* --compare's */

static char *run_sized(struct fx *f, const char *script, int cols, int rows, int read_only,
		       int item)
{
	char err[512] = "", *screen = NULL;
	struct answers *a = answers_new(f->cl);
	struct store *st =
		store_open(f->path, f->cl, read_only ? STORE_READONLY : 0, err, sizeof err);
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
	o.section = run_section;
	o.remember_place = run_remember;
	o.last = run_last;
	o.lang = run_lang;
	o.script = script;
	o.script_cols = cols;
	o.script_rows = rows;
	o.dump = &screen;
	o.script_hook = other_session;
	o.script_ctx = f;
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

#define assert_screen_has(screen, text)                                                            \
	do {                                                                                       \
		if (!strstr((screen), (text)))                                                     \
			fail_msg("screen lacks \"%s\":\n%s", (text), (screen));                    \
	} while (0)

#define assert_screen_lacks(screen, text)                                                          \
	do {                                                                                       \
		if (strstr((screen), (text)))                                                      \
			fail_msg("screen shows \"%s\":\n%s", (text), (screen));                    \
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
	assert_screen_has(s, "(empty)");
	free(s);
	s = run(*state, "<Enter>G");
	assert_screen_has(s, "+ (注1)具体例");
	assert_screen_lacks(s, "①情報資産の安全管理に関する規程");
	free(s);
	s = run(*state, "<Enter>oG");
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
	char script[64];
	size_t len = (size_t)snprintf(script, sizeof script, "<Enter>jjj"), last;
	struct answers *a;
	char *s;

	/* The title, the goal, the target, the status, then the columns. */
	for (size_t c = 0; c < f->cl->n_columns; c++)
		script[len++] = 'j';
	snprintf(script + len, sizeof script - len, "<Enter>来期に対応<C-x>");
	s = run(f, script);
	a = saved(f);
	last = f->cl->n_columns - 1;

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
	s = run(f, "d"
		   "e捨てる文<Esc>n続き<C-x>");
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
	assert_screen_has(s, "A draft is waiting");
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

/* The text of the one draft in the file. */
static char *draft_text(struct fx *f)
{
	char err[512], *text;
	size_t n;
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);
	struct store_draft *d = store_drafts(st, &n);

	assert_int_equal(n, 1);
	text = strdup(d[0].text);
	store_drafts_free(d, n);
	store_close(st);
	return text;
}

/* A hang-up keeps the text at once, without waiting for idle time; the
 * keys typed and not yet read when it came go into the draft first, up to
 * the first that is not text (Ctrl-X here: nothing is saved). */
static void test_hangup_keeps_draft(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "e切断前の文<Hup>未読の文<Enter>次の行<C-x>届かない"), *d;
	struct answers *a;

	free(s);
	d = draft_text(f);
	assert_string_equal(d, "切断前の文未読の文\n次の行");
	free(d);
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "");
	answers_free(a);
	s = run(f, "d");
	assert_screen_has(s, "draft was dropped");
	assert_int_equal(drafts_in_file(f), 0);
	free(s);
}

static void test_read_only(void **state)
{
	/* The status row is as many rows above the last answer as there are
	 * answer columns (the trial edition's three). */
	static const char *const tries[] = {"js3",
					    "je文<C-x>",
					    "<Enter>Gkkk<Enter>",
					    "<Enter>Gkkk<Enter>3",
					    "<Enter>G<Enter>文<C-x>",
					    "jE"};
	struct fx *f = *state;
	char *s = run(f, "s1");
	struct answers *a;

	free(s);
	assert_int_equal(f->cl->n_columns, 3);
	for (size_t k = 0; k < sizeof tries / sizeof tries[0]; k++) {
		s = run_sized(f, tries[k], 80, 24, 1, 0);
		assert_screen_has(s, "read-only");
		assert_screen_lacks(s, "Status of item");
		assert_screen_lacks(s, "Ctrl-X:save");
		a = saved(f);
		assert_int_equal(a->status[0], STATUS_UNANSWERED);
		assert_int_equal(a->status[1], STATUS_UNANSWERED);
		assert_string_equal(answers_text(a, 0, 0), "");
		assert_string_equal(answers_text(a, 1, 0), "");
		answers_free(a);
		free(s);
	}
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
	static const char *const scripts[] = {"",           "?", "<Enter>", "<Enter>oG",
					      "G<Enter>oG", "s", "e",       "<PgDn><PgDn>"};

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
	static const char *const scripts[] = {"",  "?", "<Enter>",      "<Enter>oG", "G<Enter>oG",
					      "s", "e", "<PgDn><PgDn>", "/x",        "f"};
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
	assert_screen_has(s, "Make clear who is responsible for security management");
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
	assert_screen_has(s, "Make clear who is responsible for security management");
	assert_screen_lacks(s, "セキュリティ管理責任の所在と対象範囲を明確にする");
	free(s);
	s = run(*state, "<Enter>J");
	assert_screen_has(s, "Make clear who is responsible for security management");
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
	s = run(f, "<Enter>");
	assert_screen_has(s, "前^[[2J後^G");
	free(s);
}

/* Every control and invisible format character in an answer written by
 * another program is shown as print shows it (textwidth's visible form),
 * never drawn raw. */
static void test_hidden_characters_shown_visibly(void **state)
{
	static const char *const hidden[] = {
		"\x1b",         "\x7f",         "\xc2\x80",     "\xc2\x9b",
		"\xe2\x80\xae", "\xe2\x80\xab", "\xe2\x81\xa6", "\xe2\x81\xa9",
		"\xe2\x80\x8f", "\xd8\x9c",     "\xe2\x80\x8b", "\xe2\x81\xa0",
		"\xef\xbb\xbf", "\xe2\x80\xa8", "\xed\xa0\x80", "\xff",
	};
	struct fx *f = *state;

	for (size_t k = 0; k < sizeof hidden / sizeof hidden[0]; k++) {
		char err[512], answer[64], *shown, *s;
		struct answers *a = answers_new(f->cl);
		struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);
		snprintf(answer, sizeof answer, "前%s後", hidden[k]);
		assert_non_null(st);
		assert_int_equal(store_load(st, a, err, sizeof err), 0);
		assert_int_equal(store_set_text(st, a, 0, 0, answer, err, sizeof err), 0);
		store_close(st);
		answers_free(a);
		shown = textwidth_sanitize(answer);
		s = run(f, "<Enter>");
		assert_screen_has(s, shown);
		if (strstr(s, hidden[k]))
			fail_msg("case %zu reached the screen raw", k);
		free(s);
		free(shown);
	}
}

/* Every view, left idle, writes nothing to the terminal: time passing
 * (<Idle>, a minute each) draws nothing, over SSH too. */
static void test_idle_writes_nothing(void **state)
{
	static const struct {
		const char *prepare, *view;
	} views[] = {
		{"", ""},  {"", "<Enter>"},  {"", "?"},
		{"", "e"}, {"", "e入力中"},  {"", "/検索"},
		{"", "s"}, {"", "e文<Esc>"}, {"e下書き<Hup>", ""},
		{"", "f"},
	};
	struct fx *f = *state;

	for (size_t k = 0; k < sizeof views / sizeof views[0]; k++) {
		char idle[128];
		long busy, quiet;
		unlink(f->path);
		if (*views[k].prepare)
			free(run(f, views[k].prepare));
		snprintf(idle, sizeof idle, "%s<Idle><Idle><Idle>", views[k].view);
		busy = run_bytes(f, views[k].view);
		unlink(f->path);
		if (*views[k].prepare)
			free(run(f, views[k].prepare));
		quiet = run_bytes(f, idle);
		if (busy != quiet)
			fail_msg("\"%s\" left idle wrote %ld bytes more", views[k].view,
				 quiet - busy);
	}
}

/* A character typed in the editor or the search prompt costs the terminal
 * the character and little else (no cursor hiding and showing per key). */
static void test_typing_costs_few_bytes(void **state)
{
	static const char *const views[] = {"e", "/"};
	struct fx *f = *state;

	for (size_t k = 0; k < sizeof views / sizeof views[0]; k++) {
		char nine[32], ten[32];
		long extra;
		snprintf(nine, sizeof nine, "%saaaaaaaaa", views[k]);
		snprintf(ten, sizeof ten, "%saaaaaaaaaa", views[k]);
		unlink(f->path); /* each run starts without the other's draft */
		extra = run_bytes(f, ten);
		unlink(f->path);
		extra -= run_bytes(f, nine);
		if (extra > 4)
			fail_msg("a character typed after \"%s\" cost %ld bytes", views[k], extra);
	}
}

/* The answer being saved was changed in the file meanwhile: both texts are
 * shown, and each choice does what it says. */
static void test_conflict_shows_both(void **state)
{
	struct fx *f = *state;
	struct answers *a;
	char *s = run(f, "e自分の回答<Hook><C-x>");

	assert_screen_has(s, "changed in the file while you edited it");
	assert_screen_has(s, "相手の回答");
	assert_screen_has(s, "自分の回答");
	free(s);
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "相手の回答"); /* nothing overwritten */
	answers_free(a);

	unlink(f->path);
	free(run(f, "e自分の回答<Hook><C-x>m"));
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "自分の回答");
	answers_free(a);

	unlink(f->path);
	s = run(f, "e自分の回答<Hook><C-x>t");
	assert_screen_lacks(s, "Ctrl-X:save");
	free(s);
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "相手の回答");
	answers_free(a);
	assert_int_equal(drafts_in_file(f), 0);

	unlink(f->path);
	free(run(f, "e自分の回答<Hook><C-x>e<C-x>"));
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "相手の回答\n\n自分の回答");
	answers_free(a);
}

/* Another session's change shows without a key: the list's marks and the
 * header's count follow, and the footer says who changed what. */
static void test_other_session_noticed(void **state)
{
	char *s = run(*state, "<Hook><Idle>");

	assert_screen_has(s, "\n   3 [-] ");
	assert_screen_has(s, "1/60");
	assert_screen_has(s, "items were changed by");
	free(s);
	/* The open item shows the new text too. */
	s = run(*state, "<Enter><Hook><Idle>");
	assert_screen_has(s, "相手の回答");
	free(s);
}

/* x exports from the interface: each format written where named, an
 * existing file replaced only when asked. */
static void test_export_dialog(void **state)
{
	static const struct {
		const char *keys, *ext, *magic;
	} formats[] = {
		{"", "xlsx", "PK"},
		{"<Down>", "csv", "\xEF\xBB\xBF"},
		{"<Down><Down>", "html", "<!DOCTYPE html>"},
		{"<Up>", "md", "#"},
	};
	struct fx *f = *state;
	char script[64], path[400], head[32], *s;
	FILE *in;

	free(run(f, "s2"));
	for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
		clear_exports(f);
		snprintf(script, sizeof script, "x%s<C-u>out.%s<Enter>", formats[k].keys,
			 formats[k].ext);
		s = run(f, script);
		snprintf(path, sizeof path, "%s/out.%s", f->dir, formats[k].ext);
		assert_screen_has(s, "Exported: ");
		assert_screen_has(s, "out.");
		free(s);
		assert_non_null(in = fopen(path, "rb"));
		memset(head, 0, sizeof head);
		assert_true(fread(head, 1, strlen(formats[k].magic), in) ==
			    strlen(formats[k].magic));
		fclose(in);
		if (memcmp(head, formats[k].magic, strlen(formats[k].magic)) != 0)
			fail_msg("%s does not start as a .%s does", path, formats[k].ext);
	}
	/* The proposed name: the checklist and the date. */
	s = run(f, "x");
	assert_screen_has(s, "fisc-api-2017-trial-");
	assert_screen_has(s, ".xlsx");
	free(s);
	/* An existing file: asked, kept on n, replaced on y. */
	clear_exports(f);
	in = fopen("out.csv", "w");
	assert_non_null(in);
	fputs("keep me", in);
	fclose(in);
	s = run(f, "x<Down><C-u>out.csv<Enter>");
	assert_screen_has(s, "out.csv exists: replace it?");
	free(s);
	free(run(f, "x<Down><C-u>out.csv<Enter>n<Esc>"));
	assert_non_null(in = fopen("out.csv", "r"));
	assert_non_null(fgets(head, sizeof head, in));
	fclose(in);
	assert_string_equal(head, "keep me");
	free(run(f, "x<Down><C-u>out.csv<Enter>y"));
	assert_non_null(in = fopen("out.csv", "r"));
	assert_non_null(fgets(head, sizeof head, in));
	fclose(in);
	assert_true(strcmp(head, "keep me") != 0);
	clear_exports(f);
}

/* Each status has a mark of its own in the list. */
static void test_every_status_mark(void **state)
{
	static const char marks[STATUS_COUNT] = {' ', 'x', '/', '!', '-'};

	for (int t = 0; t < STATUS_COUNT; t++) {
		char script[8], want[16], *s;
		snprintf(script, sizeof script, "s%d", t + 1);
		snprintf(want, sizeof want, "  1 [%c] ", marks[t]);
		s = run(*state, script);
		assert_screen_has(s, want);
		free(s);
	}
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
	s = run(*state, "<Enter>oG");
	textwidth_set_ambiguous(1);
	assert_screen_has(s, "①");
	textwidth_set_ambiguous(2);
	assert_fits(s, 80, 24);
	textwidth_set_ambiguous(1);
	free(s);
}

/* Runs the shipped 2018 edition read-only, with the trial edition's 手法例
 * for reference, item (0: the list) open, on an 80 x rows terminal, the
 * checklist in lang; returns the screen, and its cells in reverse video in
 * *reverse unless NULL. */
static char *run_2018(struct fx *f, int item, const char *script, enum lang lang, int rows,
		      char **reverse)
{
	char err[512], *screen = NULL, path[256];
	struct checklist *cl =
		checklist_load_file(SRCDATADIR "/fisc-api-2018.yaml", err, sizeof err);
	struct mapping *m;
	struct answers *a;
	struct examples ex;
	struct ui_options o = {0};

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
	o.item = item;
	o.lang = lang;
	o.ex = &ex;
	o.script = script;
	o.script_cols = 80;
	o.script_rows = rows;
	o.dump = &screen;
	o.dump_reverse = reverse;
	assert_int_equal(ui_run(&o, err, sizeof err), 0);
	answers_free(a);
	mapping_free(m);
	checklist_free(cl);
	assert_non_null(screen);
	return screen;
}

/* The 2018 edition shows the trial's 手法例 for an item, folded and
 * labelled, and the 2025 revision notes folded under one heading per 基準.
 * The label names the trial edition in the interface's language (here
 * English), whatever the checklist's. */
static void test_2018_examples_folded(void **state)
{
	char *screen = run_2018(*state, 3, "G", LANG_JA, 60, NULL);

	assert_screen_has(screen, "+ Methods of Trial edition, item 3, for reference");
	assert_screen_has(screen, "+ Methods of Trial edition, item 4, for reference");
	assert_screen_lacks(screen, "<周知・意識啓発の徹底>");
	/* The review's notes, folded under one heading per 基準. */
	assert_screen_has(screen, "Reviews of the standards");
	assert_screen_has(screen, "+ 統4 セキュリティ管理体制を整備すること。 (1 note)");
	assert_screen_has(screen, "+ 監1");
	assert_screen_lacks(screen, "1 サイバーセキュリティを対象とした内部監査を行うこと。");
	free(screen);
	/* Item 1: four notes on 統4, under one heading. */
	screen = run_2018(*state, 1, "G", LANG_JA, 60, NULL);
	assert_screen_has(screen, "+ 統4 セキュリティ管理体制を整備すること。 (4 notes)");
	if (strstr(strstr(screen, "統4 セキュリティ管理体制") + 1, "統4 セキュリティ管理体制"))
		fail_msg("統4 heads more than one fold:\n%s", screen);
	free(screen);
	screen = run_2018(*state, 3, "o", LANG_JA, 60, NULL);
	assert_screen_has(screen, "<周知・意識啓発の徹底>");
	free(screen);
	screen = run_2018(*state, 3, "oG", LANG_JA, 60, NULL);
	assert_screen_has(screen, "1 サイバーセキュリティを対象とした内部監査を行うこと。");
	free(screen);
}

/* A checklist whose review notes mark what they added, with a section name
 * that is not the publisher's and a note on where the references are known
 * from. */
#define REVIEWED_YAML                                                                                            \
	"format: tenken-checklist 1\n"                                                                           \
	"id: reviewed\n"                                                                                         \
	"title: 見直し済み\n"                                                                               \
	"history:\n"                                                                                             \
	"  - date: 2025-12-04\n"                                                                                 \
	"    text: {ja: 見直しは要, en: To be revised}\n"                                                   \
	"    revisions:\n"                                                                                       \
	"      - review: {ja: 2025年度見直し, en: FY2025 review}\n"                                         \
	"        standard: {ja: 統3 計画の承認, en: 統3 Approve plans}\n"                                 \
	"        passage: {ja: \"<u>参考2 経済安全保障</u>\\n（省略）\",\n"                          \
	"                  en: \"<u>Reference 2 economic security</u>\\n(Omitted)\"}\n"                          \
	"        change: {ja: 【追加】法改正, en: \"[Added] A new act\"}\n"                               \
	"targets:\n"                                                                                             \
	"  - id: connector\n"                                                                                    \
	"    name: API接続先\n"                                                                               \
	"columns:\n"                                                                                             \
	"  - id: current\n"                                                                                      \
	"    name: 現在の対応状況\n"                                                                      \
	"sections:\n"                                                                                            \
	"  - number: 1\n"                                                                                        \
	"    name: {ja: データ管理, en: Data management}\n"                                                 \
	"    name-supplied: {ja: 見出しが失われた, en: The heading was lost}\n"                          \
	"    items:\n"                                                                                           \
	"      - number: 1\n"                                                                                    \
	"        goal: {ja: 認証を実施する, en: Authenticate}\n"                                          \
	"        target: connector\n"                                                                            \
	"        references:\n"                                                                                  \
	"          - source: FISC・安対基準\n"                                                              \
	"            location: 実9\n"                                                                           \
	"        references-note: {ja: 見直しの表による, en: From the review's table}\n"                 \
	"        revisions:\n"                                                                                   \
	"          - review: {ja: 2025年度見直し, en: FY2025 review}\n"                                     \
	"            date: 2025-12-04\n"                                                                         \
	"            standard: {ja: 実9 IDの不正防止, en: 実9 Prevent misuse of IDs}\n"                   \
	"            passage:\n"                                                                                 \
	"              ja: \"1 既存の文。<u>2 機器及びIDを管理する。\\n3 新しい文。</u>\"\n" \
	"              en: \"1 An old sentence. <u>2 Manage devices and IDs.\\n3 New.</u>\"\n"                   \
	"            change: {ja: 【追加】改訂, en: \"[Added] Revision\"}\n"

/* Runs the reviewed checklist read-only, item (0: the list) open, with the
 * keys of script; returns the screen, and its underlined cells in *under. */
static char *run_reviewed(struct fx *f, int item, const char *script, enum lang lang, char **under)
{
	char err[512], *screen = NULL, path[256];
	struct checklist *cl = checklist_load_buffer("reviewed.yaml", REVIEWED_YAML,
						     strlen(REVIEWED_YAML), err, sizeof err);
	struct answers *a;
	struct ui_options o = {0};

	if (!cl)
		fail_msg("%s", err);
	snprintf(path, sizeof path, "%s/reviewed.db", f->dir);
	a = answers_new(cl);
	o.cl = cl;
	o.a = a;
	o.path = path;
	o.read_only = 1;
	o.item = item;
	o.lang = lang;
	o.script = script;
	o.script_cols = 80;
	o.script_rows = 40;
	o.dump = &screen;
	o.dump_underlined = under;
	assert_int_equal(ui_run(&o, err, sizeof err), 0);
	answers_free(a);
	checklist_free(cl);
	return screen;
}

/* Item 22 of the shipped 2018 edition shows what 実9 now requires, the
 * text the 2025 review added underlined, and only that. */
static void test_2018_item22_added_text(void **state)
{
	struct fx *f = *state;
	char err[512], *screen = NULL, *under = NULL, path[256];
	struct checklist *cl =
		checklist_load_file(SRCDATADIR "/fisc-api-2018.yaml", err, sizeof err);
	struct answers *a;
	struct ui_options o = {0};

	if (!cl)
		fail_msg("%s", err);
	snprintf(path, sizeof path, "%s/2018.db", f->dir);
	a = answers_new(cl);
	o.cl = cl;
	o.a = a;
	o.path = path;
	o.read_only = 1;
	o.item = 22;
	o.script = "o"; /* the review's notes open */
	o.script_cols = 200;
	o.script_rows = 100;
	o.dump = &screen;
	o.dump_underlined = &under;
	assert_int_equal(ui_run(&o, err, sizeof err), 0);
	assert_screen_has(screen, "実9 IDの不正防止機能を設けること。");
	assert_screen_has(screen, "2 機器（APIに認証情報を組み込むことを含む）及びユーザーのID及び"
				  "認証情報を適切に管理することが必要である。");
	assert_screen_has(under, "2 機器（APIに認証情報を組み込むことを含む）及びユーザーのID及び"
				 "認証情報を適切に管理することが必要である。");
	/* A row that starts inside the run is underlined too. */
	assert_screen_has(under, "対応としては、以下の項目がある。");
	assert_screen_has(under, "FIDO認証やパスキー認証などを利用することも考えられる。");
	assert_screen_lacks(under, "その仕組みは、複数の方法を組み合わせることが望ましい。");
	assert_screen_has(screen, "(underlined: the text the review added)");
	free(screen);
	free(under);
	answers_free(a);
	checklist_free(cl);
}

/* A review's passage is shown with the text it added underlined, in either
 * language, and a line says what the underline means. */
static void test_review_added_text_underlined(void **state)
{
	char *under = NULL, *s = run_reviewed(*state, 1, "o", LANG_JA, &under);

	assert_screen_has(s, "2025年度見直し (2025-12-04)");
	assert_screen_has(s, "実9 IDの不正防止");
	assert_screen_has(s, "1 既存の文。2 機器及びIDを管理する。");
	assert_screen_has(s, "(underlined: the text the review added)");
	assert_screen_has(s, "【追加】改訂");
	assert_screen_has(under, "2 機器及びIDを管理する。");
	assert_screen_lacks(under, "既存の文");
	assert_screen_lacks(under, "実9");
	/* The row that starts inside the run is underlined too. */
	assert_screen_has(under, "3 新しい文。");
	free(s);
	free(under);
	under = NULL;
	s = run_reviewed(*state, 1, "o", LANG_EN, &under);
	assert_screen_has(s, "1 An old sentence. 2 Manage devices and IDs.");
	assert_screen_has(under, "2 Manage devices and IDs.");
	assert_screen_lacks(under, "old sentence");
	free(s);
	free(under);
	/* J shows the Japanese original under the English, its added text
	   underlined too. */
	under = NULL;
	s = run_reviewed(*state, 1, "oJ", LANG_EN, &under);
	assert_screen_has(s, "1 既存の文。2 機器及びIDを管理する。");
	assert_screen_has(under, "2 機器及びIDを管理する。");
	free(s);
	free(under);
}

/* The item says where its references are known from, and that its
 * section's name is tenken's, and why; the list marks the name too. */
static void test_supplied_name_and_references_note(void **state)
{
	char *s = run_reviewed(*state, 1, "", LANG_JA, NULL);

	assert_screen_has(s, "Item 1  (section 1: データ管理 (name supplied by tenken))");
	assert_screen_has(s, "About the name");
	assert_screen_has(s, "見出しが失われた");
	assert_screen_has(s, "FISC・安対基準  実9");
	assert_screen_has(s, "About the references");
	assert_screen_has(s, "見直しの表による");
	free(s);
	s = run_reviewed(*state, 0, "", LANG_JA, NULL);
	assert_screen_has(s, "データ管理 (name supplied by tenken)");
	free(s);
}

/* The help ends with the checklist's revision history, and under it the
 * review's notes on 基準 that no item cites, added text underlined. */
static void test_help_shows_history_and_review(void **state)
{
	char *under = NULL, *s = run_reviewed(*state, 0, "?G", LANG_JA, &under);

	assert_screen_has(s, "Revision history");
	assert_screen_has(s, "2025-12-04  見直しは要");
	assert_screen_has(s, "Changed standards that no item cites:");
	assert_screen_has(s, "統3 計画の承認");
	assert_screen_has(s, "参考2 経済安全保障");
	assert_screen_has(s, "【追加】法改正");
	assert_screen_has(under, "参考2 経済安全保障");
	/* After the run, on its own row, the old text is not underlined. */
	assert_screen_has(s, "（省略）");
	assert_screen_lacks(under, "（省略）");
	free(s);
	free(under);
}

/* Every status can be set from the menu by its number, by j from the
 * current status and by k the other way round; every way of cancelling the
 * menu leaves the status as it was. */
static void test_status_menu_every_way(void **state)
{
	struct fx *f = *state;
	static const char *const cancel[] = {"<Esc>", "q", "h", "<C-c>", "<Left>"};
	char script[64];

	for (int t = 0; t < STATUS_COUNT; t++) {
		struct answers *a;
		/* By number. */
		snprintf(script, sizeof script, "s%d", t + 1);
		free(run(f, script));
		a = saved(f);
		assert_int_equal(a->status[0], t);
		answers_free(a);
		/* By j from Unanswered, and by k round from Unanswered. */
		for (int way = 0; way < 2; way++) {
			int steps = way ? (STATUS_COUNT - t) % STATUS_COUNT : t;
			size_t len = (size_t)snprintf(script, sizeof script, "s1s");
			for (int k = 0; k < steps; k++)
				script[len++] = way ? 'k' : 'j';
			snprintf(script + len, sizeof script - len, "<Enter>");
			free(run(f, script));
			a = saved(f);
			if ((int)a->status[0] != t)
				fail_msg("%s set status %d, not %d", script, a->status[0], t);
			answers_free(a);
		}
	}
	for (size_t c = 0; c < sizeof cancel / sizeof cancel[0]; c++) {
		struct answers *a;
		char *s;
		snprintf(script, sizeof script, "s3sj%s", cancel[c]);
		s = run(f, script);
		assert_screen_lacks(s, "Status of item");
		free(s);
		a = saved(f);
		if (a->status[0] != STATUS_PARTIAL)
			fail_msg("%s changed the status to %d", script, a->status[0]);
		answers_free(a);
	}
}

/* The script notation of a key in the binding table. */
static void key_script(int key, char *out, size_t len)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{'\r', "<Enter>"},
		{UI_ESC, "<Esc>"},
		{'\t', "<Tab>"},
		{'<', "<lt>"},
		{UI_KEYCODE(KEY_BACKSPACE), "<BS>"},
		{UI_KEYCODE(KEY_DC), "<Del>"},
		{UI_KEYCODE(KEY_UP), "<Up>"},
		{UI_KEYCODE(KEY_DOWN), "<Down>"},
		{UI_KEYCODE(KEY_LEFT), "<Left>"},
		{UI_KEYCODE(KEY_RIGHT), "<Right>"},
		{UI_KEYCODE(KEY_HOME), "<Home>"},
		{UI_KEYCODE(KEY_END), "<End>"},
		{UI_KEYCODE(KEY_PPAGE), "<PgUp>"},
		{UI_KEYCODE(KEY_NPAGE), "<PgDn>"},
		{UI_KEYCODE(KEY_ENTER), "<KEnter>"},
		{0x7f, "<C-?>"},
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(out, len, "%s", names[i].name);
			return;
		}
	if (key > 0 && key < 0x20)
		snprintf(out, len, "<C-%c>", key + 'a' - 1);
	else if (key >= 0x20 && key < 0x7f)
		snprintf(out, len, "%c", key);
	else
		fail_msg("no script notation for key %#x: add it to key_script", key);
}

/* Where each context's keys are read, and how to get there. */
static const struct {
	int where;
	const char *prepare; /* run first on a new answer file (the drafts dialog) */
	const char *prefix;  /* reaches the view */
} contexts[] = {
	{IN_LIST, "", ""},
	{IN_ITEM, "", "<Enter>"},
	{IN_HELP, "", "?"},
	{IN_EDITOR, "", "eab<Enter>cd<Enter>ef<Up>"},
	{IN_PROMPT, "", "/パス"},
	{IN_MENU, "", "s"},
	{IN_CONFIRM, "", "e文<Esc>"},
	{IN_RECOVER, "e下書き<Hup>", ""},
	{IN_CONFLICT, "", "e自分の回答<Hook><C-x>"},
	{IN_EXPORT, "", "x"},
};

/* What each action does, shown by a key that does it and whose effect the
 * other tests check: every binding must leave the same screen and the same
 * file as that key after the same setup (a state where the action shows). */
static const struct {
	int where;
	enum action act;
	const char *setup, *canonical, *after;
} action_probes[] = {
	{IN_BROWSE | IN_HELP, ACT_DOWN, "jj", "j", ""},
	{IN_BROWSE | IN_HELP, ACT_UP, "jjjj", "k", ""},
	{IN_BROWSE | IN_HELP, ACT_PAGE_DOWN, "", "<PgDn>", ""},
	{IN_BROWSE | IN_HELP, ACT_PAGE_UP, "<PgDn><PgDn>", "<PgUp>", ""},
	{IN_BROWSE | IN_HELP, ACT_TOP, "G", "g", ""},
	{IN_BROWSE | IN_HELP, ACT_BOTTOM, "", "G", ""},
	{IN_BROWSE, ACT_OPEN, "G", "<Enter>", ""},
	{IN_BROWSE | IN_HELP, ACT_CLOSE, "", "<Esc>", ""},
	{IN_ITEM, ACT_NEXT_ITEM, "", "]", ""},
	{IN_ITEM, ACT_PREV_ITEM, "]]", "[", ""},
	{IN_BROWSE, ACT_SEARCH, "", "/", "運10-1<Enter>"},
	{IN_BROWSE, ACT_NEXT_MATCH, "/パスワード<Enter>", "n", ""},
	{IN_BROWSE, ACT_PREV_MATCH, "/パスワード<Enter>nn", "N", ""},
	{IN_BROWSE, ACT_UNANSWERED, "s2", "u", ""},
	{IN_BROWSE, ACT_FILTER, "", "f", ""},
	{IN_BROWSE, ACT_NOT_ASKED, "", "D", ""},
	{IN_BROWSE, ACT_STATUS, "", "s", "4"},
	{IN_BROWSE, ACT_EDIT, "", "e", "入力<C-x>"},
	{IN_ITEM, ACT_NOTES, "", "o", ""},
	{IN_BROWSE | IN_HELP, ACT_HELP, "", "?", ""},
	{~0, ACT_REDRAW, "", "<C-l>", ""},
	{IN_BROWSE, ACT_LANG, "", "L", ""},
	{IN_ITEM, ACT_ORIGINAL, "L", "J", ""},
	{IN_BROWSE | IN_HELP, ACT_QUIT, "", "q", "jj"},
	/* The editor: where the cursor went shows by where X is typed. */
	{IN_EDITOR, ACT_SAVE, "", "<C-x>", ""},
	{IN_EDITOR, ACT_CANCEL, "", "<Esc>", ""},
	{IN_EDITOR, ACT_NEWLINE, "", "<Enter>", "X<C-x>"},
	{IN_EDITOR | IN_PROMPT | IN_EXPORT, ACT_BACKSPACE, "", "<BS>", "X<C-x><Enter>"},
	{IN_EDITOR, ACT_DELETE, "<Left>", "<Del>", "X<C-x>"},
	{IN_EDITOR | IN_PROMPT | IN_EXPORT, ACT_LEFT, "", "<Left>", "X<C-x><Enter>"},
	{IN_EDITOR | IN_PROMPT | IN_EXPORT, ACT_RIGHT, "<Left><Left>", "<Right>", "X<C-x><Enter>"},
	{IN_EDITOR, ACT_UP, "", "<Up>", "X<C-x>"},
	{IN_EDITOR, ACT_DOWN, "", "<Down>", "X<C-x>"},
	{IN_EDITOR, ACT_LINE_START, "", "<Home>", "X<C-x>"},
	{IN_EDITOR, ACT_LINE_END, "<Home>", "<End>", "X<C-x>"},
	{IN_EDITOR, ACT_KILL_TO_END, "<Home>", "<C-k>", "X<C-x>"},
	{IN_EDITOR | IN_PROMPT | IN_EXPORT, ACT_KILL_TO_START, "", "<C-u>", "X<C-x><Enter>"},
	/* The search prompt */
	{IN_PROMPT, ACT_ACCEPT, "", "<Enter>", ""},
	{IN_PROMPT, ACT_CANCEL, "", "<Esc>", ""},
	/* The status menu */
	{IN_MENU, ACT_DOWN, "", "j", "<Enter>"},
	{IN_MENU, ACT_UP, "", "k", "<Enter>"},
	{IN_MENU, ACT_ACCEPT, "j", "<Enter>", ""},
	{IN_MENU, ACT_CANCEL, "j", "<Esc>", ""},
	/* Dropping changed text */
	{IN_CONFIRM, ACT_YES, "", "y", "e<C-x>"},
	{IN_CONFIRM, ACT_NO, "", "n", "X<C-x>"},
	/* Drafts found at start */
	{IN_RECOVER, ACT_TAKE, "", "t", "X<C-x>"},
	{IN_RECOVER, ACT_DROP, "", "d", ""},
	{IN_RECOVER, ACT_LATER, "", "<Esc>", ""},
	/* The answer changed in the file while it was edited */
	{IN_CONFLICT, ACT_KEEP_MINE, "", "m", ""},
	{IN_CONFLICT, ACT_TAKE_THEIRS, "", "t", ""},
	{IN_CONFLICT, ACT_MERGE, "", "e", "<C-x>"},
	{IN_CONFLICT, ACT_CANCEL, "", "<Esc>", "<C-x>"},
	/* The export dialog: the name shows the format chosen */
	{IN_EXPORT, ACT_DOWN, "", "<Down>", ""},
	{IN_EXPORT, ACT_UP, "", "<Up>", ""},
	{IN_EXPORT, ACT_ACCEPT, "", "<Enter>", ""},
	{IN_EXPORT, ACT_CANCEL, "", "<Esc>", ""},
	{IN_BROWSE, ACT_EXPORT, "", "x", "<Esc>"},
	{IN_BROWSE, ACT_MARK, "", "m", "s3"},
	{IN_BROWSE, ACT_UNDO, "s2", "U", ""},
	{IN_BROWSE, ACT_HISTORY, "s2", "H", ""},
	{IN_BROWSE, ACT_VERDICT, "", "v", "3"},
	{IN_BROWSE, ACT_COMMENT, "", "c", "abc<Enter>"},
	{IN_ITEM, ACT_COPY_LAST, "", "C", ""},
};

/* Runs prepare then script on a new answer file; returns the screen, and
 * the answers and the drafts left in the file. */
static char *run_fresh(struct fx *f, const char *prepare, const char *script, struct answers **a,
		       size_t *drafts)
{
	char *s;

	unlink(f->path);
	clear_exports(f);
	if (*prepare)
		free(run(f, prepare));
	s = run(f, script);
	*a = saved(f);
	*drafts = drafts_in_file(f);
	return s;
}

/* Compares key (a binding's) with the probe's canonical key in context c:
 * the same screen, statuses, first answer and drafts. */
static void compare_with_canonical(struct fx *f, size_t c, size_t p, const char *key)
{
	char with_key[256], with_canonical[256], *s1, *s2;
	struct answers *a1, *a2;
	size_t d1, d2;

	snprintf(with_key, sizeof with_key, "%s%s%s%s", contexts[c].prefix, action_probes[p].setup,
		 key, action_probes[p].after);
	snprintf(with_canonical, sizeof with_canonical, "%s%s%s%s", contexts[c].prefix,
		 action_probes[p].setup, action_probes[p].canonical, action_probes[p].after);
	s1 = run_fresh(f, contexts[c].prepare, with_key, &a1, &d1);
	s2 = run_fresh(f, contexts[c].prepare, with_canonical, &a2, &d2);
	if (strcmp(s1, s2) != 0) {
		const char *p1 = s1, *p2 = s2;
		while (*p1 && *p1 == *p2)
			p1++, p2++;
		while (p1 > s1 && p1[-1] != '\n')
			p1--, p2--;
		fail_msg("%s is not the same as %s; first difference:\n%.*s\n---\n%.*s", with_key,
			 with_canonical, (int)strcspn(p1, "\n"), p1, (int)strcspn(p2, "\n"), p2);
	}
	for (size_t i = 0; i < f->cl->n_items; i++)
		assert_int_equal(a1->status[i], a2->status[i]);
	assert_string_equal(answers_text(a1, 0, 0), answers_text(a2, 0, 0));
	assert_int_equal(d1, d2);
	answers_free(a1);
	answers_free(a2);
	free(s1);
	free(s2);
}

/* Every key of the binding table does what its action does, in every
 * context it is bound in: the same screen and the same file as the key the
 * other tests check. A binding that an earlier one hides fails, and so
 * does a new binding until its action has a probe. */
static void test_every_binding(void **state)
{
	struct fx *f = *state;
	size_t checked = 0;

	for (size_t b = 0; b < ui_n_bindings; b++) {
		const struct binding *bd = &ui_bindings[b];
		char key[16];

		if (bd->action == ACT_SECTION || bd->action == ACT_EXTERNAL ||
		    bd->action == ACT_CHOOSE)
			continue; /* the digits and E have tests of their own */
		key_script(bd->key, key, sizeof key);
		{
			int known = 0;
			for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++)
				known |= contexts[c].where;
			/* The files view of tenken DIR runs before ui_run, on a
			   terminal of its own: tests/tui.sh drives its keys. */
			if (bd->where & ~known & ~IN_HELP & ~IN_FILES)
				fail_msg(
					"binding %zu (%s) is in a context the test does not reach: "
					"add it to contexts[]",
					b, key);
		}
		for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++) {
			size_t p;
			if (!(bd->where & contexts[c].where))
				continue;
			if (ui_binding(bd->key, contexts[c].where) != bd)
				fail_msg("binding %zu (%s) is hidden by an earlier one", b, key);
			for (p = 0; p < sizeof action_probes / sizeof action_probes[0]; p++)
				if (action_probes[p].act == bd->action &&
				    (action_probes[p].where & contexts[c].where))
					break;
			if (p == sizeof action_probes / sizeof action_probes[0])
				fail_msg("binding %zu (%s, action %d) has no probe in context %d",
					 b, key, bd->action, contexts[c].where);
			if (strcmp(key, action_probes[p].canonical) != 0) {
				compare_with_canonical(f, c, p, key);
				checked++;
			}
		}
	}
	assert_true(checked >= 50);
}

/* The key a name in the help stands for ("PgUp", "b", "Ctrl-L"), or 0. */
static int key_named(const char *name, size_t len)
{
	static const struct {
		const char *name;
		int key;
	} names[] = {
		{"Down", UI_KEYCODE(KEY_DOWN)},
		{"Up", UI_KEYCODE(KEY_UP)},
		{"Left", UI_KEYCODE(KEY_LEFT)},
		{"Right", UI_KEYCODE(KEY_RIGHT)},
		{"PgDn", UI_KEYCODE(KEY_NPAGE)},
		{"PgUp", UI_KEYCODE(KEY_PPAGE)},
		{"Home", UI_KEYCODE(KEY_HOME)},
		{"End", UI_KEYCODE(KEY_END)},
		{"Del", UI_KEYCODE(KEY_DC)},
		{"BS", UI_KEYCODE(KEY_BACKSPACE)},
		{"Enter", '\r'},
		{"Tab", '\t'},
		{"Esc", UI_ESC},
		{"Space", ' '},
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == len && !strncmp(name, names[i].name, len))
			return names[i].key;
	if (len == 6 && !strncmp(name, "Ctrl-", 5))
		return UI_CTRL(name[5] | 0x20);
	return len == 1 ? (unsigned char)name[0] : 0;
}

/* The help tells the truth: every key a help row names, in every context
 * the row is shown for, does what the row describes; a key shown with a row
 * (no name of its own) does it too. */
static void test_help_names_what_keys_do(void **state)
{
	const struct binding *row = NULL;
	size_t named = 0;

	(void)state;
	for (size_t b = 0; b < ui_n_bindings; b++) {
		const struct binding *bd = &ui_bindings[b];
		if (!bd->name) {
			if (!row || bd->action != row->action)
				fail_msg("binding %zu, shown with \"%s\", does another thing", b,
					 row ? row->name : "?");
			continue;
		}
		row = bd;
		for (const char *p = bd->name; *p;) {
			size_t len = strcspn(p, " ");
			int key = key_named(p, len);
			if (len == 3 && p[1] == '-') { /* a range: 1-9, 1-5 */
				for (int d = p[0]; d <= p[2]; d++) {
					const struct binding *k = ui_binding(d, bd->where);
					assert_non_null(k);
					assert_int_equal(k->action, bd->action);
				}
			} else if (len) {
				if (!key)
					fail_msg("help row \"%s\": unknown key name %.*s", bd->name,
						 (int)len, p);
				for (int w = 1; w <= IN_EXPORT; w <<= 1) {
					const struct binding *k = ui_binding(key, w);
					if (!(bd->where & w))
						continue;
					if (!k || k->action != bd->action)
						fail_msg("help row \"%s\": %.*s does not do what "
							 "it says",
							 bd->name, (int)len, p);
				}
				named++;
			}
			p += len;
			while (*p == ' ')
				p++;
		}
	}
	assert_true(named >= 60);
}

/* The keys the binding test takes as the reference, checked directly. */
static void test_reference_keys(void **state)
{
	struct fx *f = *state;
	char *s, *t;

	/* PgUp undoes PgDn; g undoes G; Esc closes an item; q quits. */
	s = run(f, "<PgDn><PgDn><PgUp>");
	t = run(f, "<PgDn>");
	assert_string_equal(s, t);
	free(s);
	free(t);
	s = run(f, "Gg");
	t = run(f, "");
	assert_string_equal(s, t);
	free(t);
	t = run(f, "<Enter><Esc>");
	assert_string_equal(s, t);
	free(t);
	t = run(f, "qjj<Enter>");
	assert_string_equal(s, t);
	free(s);
	free(t);
	/* Each digit goes to its section. */
	for (size_t k = 0; k < f->cl->n_sections && k < 9; k++) {
		char script[16], want[64];
		snprintf(script, sizeof script, "%d<Enter>", f->cl->sections[k].number);
		snprintf(want, sizeof want, "Item %d  (section %d",
			 f->cl->items[f->cl->sections[k].first_item].number,
			 f->cl->sections[k].number);
		s = run(f, script);
		assert_screen_has(s, want);
		free(s);
	}
}

/* A page down keeps the last row of the page as the first of the next, so
 * that nothing is skipped between pages. */
static void test_page_overlap(void **state)
{
	char *s1 = run(*state, ""), *s2 = run(*state, "<PgDn>");
	const char *last = s1, *first = strchr(s2, '\n') + 1;

	/* Row 22 of the first screen (the last of the body) is row 1 of the
	 * next; the margin (column 0, the cursor) aside. */
	for (int y = 0; y < 22; y++)
		last = strchr(last, '\n') + 1;
	assert_memory_equal(last + 1, first + 1, (size_t)(strchr(last, '\n') - last - 1));
	free(s1);
	free(s2);
}

/* Closing an item puts the list's cursor on the item read last. */
static void test_close_keeps_place(void **state)
{
	char *s = run(*state, "<Enter>]]<Esc>");

	assert_screen_has(s, "\n>  3 [ ] ");
	free(s);
	s = run(*state, "<Enter>]][");
	assert_screen_has(s, "Item 2  (section 1");
	free(s);
	s = run(*state, "<Enter>[");
	assert_screen_has(s, "This is the first item.");
	free(s);
	s = run(*state, "G<Enter>]");
	assert_screen_has(s, "This is the last item.");
	free(s);
}

/* The progress of a section counts its last item too. */
static void test_section_progress_last_item(void **state)
{
	char *s = run(*state, "2ks3");

	assert_screen_has(s, "\n> 10 [/] ");
	free(s);
	s = run(*state, "2ks3g");
	assert_screen_has(s, "1/10\n");
	assert_screen_has(s, "1/60\n");
	free(s);
}

/* Enter on an item's status row opens the status menu. */
static void test_status_row_enter(void **state)
{
	struct fx *f = *state;
	struct answers *a;

	/* The title, the goal, the target, then the status. */
	free(run(f, "<Enter>jjj<Enter>3"));
	a = saved(f);
	assert_int_equal(a->status[0], STATUS_PARTIAL);
	answers_free(a);
}

/* Esc in the draft dialog keeps the draft for the next start. */
static void test_draft_later_is_kept(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "e後で戻る文<Hup>");

	free(s);
	s = run(f, "<Esc>");
	assert_screen_has(s, "kept for the next start");
	free(s);
	assert_int_equal(drafts_in_file(f), 1);
	s = run(f, "");
	assert_screen_has(s, "後で戻る文");
	free(s);
}

/* The target filter keeps the items common to every target. */
static void test_filter_keeps_common(void **state)
{
	struct fx *f = *state;
	char script[16], want[32], *s;
	size_t i = 0;

	while (i < f->cl->n_items && strcmp(f->cl->targets[f->cl->items[i].target].id, "common"))
		i++;
	assert_true(i < f->cl->n_items);
	snprintf(want, sizeof want, "%3d [ ]", f->cl->items[i].number);
	for (size_t k = 0; k < f->cl->n_targets; k++) {
		size_t len = (size_t)snprintf(script, sizeof script, "%.*s", (int)k, "ffffff");
		snprintf(script + len, sizeof script - len, "%d",
			 f->cl->sections[f->cl->items[i].section].number);
		s = run(f, script);
		assert_screen_has(s, want);
		free(s);
	}
}

/* Search: case folded for ASCII (api finds API), backwards with N, in the
 * references, the notes' entries and the last answer column. */
static void test_search_everywhere(void **state)
{
	struct fx *f = *state;
	char err[512];
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);
	char *s;

	s = run(f, "/api<Enter>");
	/* From item 1, the next; every item matches, in its target (API接続先)
	   or its text. */
	assert_screen_has(s, "/api: match 2 of 60");
	free(s);
	s = run(f, "/パスワード<Enter>nN");
	assert_screen_has(s, "match 1 of 6");
	assert_screen_has(s, "\n> 29 [ ] ");
	free(s);
	s = run(f, "/パスワード<Enter>N");
	assert_screen_has(s, "match 6 of 6");
	free(s);
	s = run(f, "/運10-1<Enter><Enter>");
	assert_screen_has(s, "Item 3  (section 1");
	free(s);
	s = run(f, "j/情報資産の利用申請の承認及び記録等の管理<Enter><Enter>");
	assert_screen_has(s, "Item 1  (section 1");
	free(s);
	assert_non_null(st);
	assert_int_equal(
		store_set_text(st, a, 4, f->cl->n_columns - 1, "独自の備考語", err, sizeof err), 0);
	store_close(st);
	answers_free(a);
	s = run(f, "/独自の備考語<Enter><Enter>");
	assert_screen_has(s, "Item 5  (section 1");
	free(s);
}

/* An answer typed after a search is found by the next n: what search knew
 * of the item is forgotten when its answer changes. */
static void test_search_after_edit(void **state)
{
	struct fx *f = *state;
	char *s = run(f, "/新しい語句<Enter>");

	assert_screen_has(s, "Not found: 新しい語句");
	free(s);
	s = run(f, "/新しい語句<Enter>e新しい語句<C-x>n");
	assert_screen_has(s, "/新しい語句: match 1 of 1");
	free(s);
}

/* The interface in Japanese (1) or as the C locale leaves it, English. */
static void interface_ja(int ja)
{
	bindtextdomain(PACKAGE, BUILDLOCALEDIR);
	if (ja)
		setenv("LANGUAGE", "ja", 1);
	else
		unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, "C.UTF-8");
	textdomain(PACKAGE); /* gettext notices the change of LANGUAGE */
}

/* Returns whether text is on a row of screen other than its first (the
 * header) and its last (the message line). */
static int body_has(const char *screen, const char *text)
{
	const char *first = strchr(screen, '\n'), *last = NULL;
	const char *at = first ? strstr(first, text) : NULL;

	for (const char *p = screen; *p; p++)
		if (*p == '\n' && p[1]) /* not a newline that ends the dump */
			last = p;
	return at && last && at < last;
}

/* Search finds what the item view shows: in the 2018 edition, words that
 * are only in the trial edition's 手法例 shown for reference or in the 2025
 * review's notes on 基準. */
static void test_search_shown_text_2018(void **state)
{
	/* The last only in the trial's 手法例 (item 3's heading). */
	static const char *const words[] = {"暗号", "パスワード", "サイバーガイドライン",
					    "周知・意識啓発の徹底"};

	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
		char script[128], want[128], *s;
		snprintf(script, sizeof script, "/%s<Enter>", words[k]);
		snprintf(want, sizeof want, "/%s: match ", words[k]);
		s = run_2018(*state, 0, script, LANG_JA, 24, NULL);
		assert_screen_lacks(s, "Not found");
		assert_screen_has(s, want);
		free(s);
	}
}

/* In the open item the matches are in reverse video, n and N go from one
 * to the next, opening the fold one is in, then n goes on to the next item
 * that matches. */
static void test_search_matches_in_item(void **state)
{
	char *rev = NULL, *s = run_2018(*state, 0, "/暗号<Enter><Enter>n", LANG_JA, 24, &rev);

	assert_screen_has(s, "/暗号: 1 of 2 in item 2 (item 1 of ");
	assert_screen_has(s, "適切な暗号化方式");
	/* In the body: the header and the message line are in reverse video
	   themselves. */
	if (!body_has(rev, "暗号"))
		fail_msg("no match in reverse video in the item:\n%s", rev);
	free(s);
	free(rev);
	/* A match in text no review added: in the list's goal, and in the
	   item's. */
	rev = NULL;
	s = run_2018(*state, 0, "/管理ルール<Enter>", LANG_JA, 24, &rev);
	if (!body_has(rev, "管理ルール"))
		fail_msg("no match in reverse video in the list:\n%s", rev);
	free(s);
	free(rev);
	rev = NULL;
	s = run_2018(*state, 0, "/管理ルール<Enter><Enter>n", LANG_JA, 24, &rev);
	assert_screen_has(s, "/管理ルール: 1 of ");
	if (!body_has(rev, "管理ルール"))
		fail_msg("no match in reverse video in the item:\n%s", rev);
	free(s);
	free(rev);
	s = run_2018(*state, 0, "/暗号<Enter><Enter>nn", LANG_JA, 24, NULL);
	assert_screen_has(s, "/暗号: 2 of 2 in item 2 (item 1 of ");
	free(s);
	s = run_2018(*state, 0, "/暗号<Enter><Enter>nnN", LANG_JA, 24, NULL);
	assert_screen_has(s, "/暗号: 1 of 2 in item 2 (item 1 of ");
	free(s);
	s = run_2018(*state, 0, "/暗号<Enter><Enter>nnn", LANG_JA, 24, NULL);
	assert_screen_lacks(s, "in item 2 ");
	assert_screen_has(s, " (item 2 of ");
	free(s);
}

/* Where the terminal has no reverse video (a VT52), a match is shown
 * between asterisks. */
static void test_search_match_marked_without_reverse(void **state)
{
	char *term = getenv("TERM") ? strdup(getenv("TERM")) : NULL, *s;

	setenv("TERM", "vt52", 1);
	s = run_2018(*state, 0, "/暗号<Enter><Enter>n", LANG_JA, 24, NULL);
	if (term)
		setenv("TERM", term, 1);
	else
		unsetenv("TERM");
	free(term);
	assert_screen_has(s, "適切な*暗号*化方式");
	free(s);
}

/* Under the Japanese interface with the checklist in English (L), the
 * label of the trial edition's 手法例 is Japanese, the goal English. */
static void test_example_label_follows_interface(void **state)
{
	char *s;

	interface_ja(1);
	s = run_2018(*state, 3, "", LANG_EN, 60, NULL);
	interface_ja(0);
	assert_screen_has(s, "試行版の手法例・参考 (通番3)");
	assert_screen_lacks(s, "Trial edition");
	free(s);
}

/* The item view shows the officer's part first: the status and the
 * answers come before the references, on the first screen. */
static void test_item_answers_first(void **state)
{
	char *s = run(*state, "<Enter>");
	const char *status = strstr(s, "\n Status"), *refs = strstr(s, "Related regulations");

	assert_non_null(status);
	assert_screen_has(s, "備考");
	if (refs && refs < status)
		fail_msg("the references come before the status:\n%s", s);
	free(s);
}

/* After e ... Ctrl-X the view stays on the answer just saved, even where it
 * had to scroll to it (a short terminal). */
static void test_item_stays_on_saved_answer(void **state)
{
	struct fx *f = *state;
	char script[128];
	size_t len = (size_t)snprintf(script, sizeof script, "<Enter>jjj");
	char *s;

	for (size_t c = 0; c < f->cl->n_columns; c++)
		script[len++] = 'j';
	snprintf(script + len, sizeof script - len, "e保存した回答<C-x>");
	s = run_sized(f, script, 80, 12, 0, 0);
	assert_screen_has(s, "保存した回答");
	assert_screen_has(s, "\n>備考");
	free(s);
}

/* Tab typed in the editor is a space in the answer. */
static void test_editor_tab(void **state)
{
	struct fx *f = *state;
	struct answers *a;

	free(run(f, "ea<Tab>b<C-x>"));
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "a b");
	answers_free(a);
}

/* A path longer than the header is cut before the count, with a blank
 * between them. */
static void test_header_long_path(void **state)
{
	struct fx *f = *state;
	char keep[sizeof f->path], *s;

	memcpy(keep, f->path, sizeof keep);
	snprintf(f->path, sizeof f->path, "%s/%s.db", f->dir,
		 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	s = run(f, "");
	assert_screen_has(s, "  …aaaa");
	assert_screen_has(s, "aaaa.db 0/60\n");
	assert_fits(s, 80, 24);
	free(s);
	memcpy(f->path, keep, sizeof keep);
}

/* Switches the interface's messages to Japanese (1) or back to English. */
static void messages_in_japanese(int on)
{
	bindtextdomain(PACKAGE, BUILDLOCALEDIR);
	if (on)
		setenv("LANGUAGE", "ja", 1);
	else
		unsetenv("LANGUAGE");
	setlocale(LC_MESSAGES, "C.UTF-8");
	textdomain(PACKAGE);
}

/* The screen's text with its line breaks and blanks taken out. */
static void squeeze(const char *screen, char *out, size_t len)
{
	size_t n = 0;

	for (; *screen && n + 1 < len; screen++)
		if (*screen != '\n' && *screen != ' ')
			out[n++] = *screen;
	out[n] = '\0';
}

/* "Too small" says all it has to say, wrapped, at 38x9 and 50x8 and down
 * to a few cells, in both languages. */
static void test_too_small_fits(void **state)
{
	static const struct {
		int cols, rows;
		const char *en, *ja;
	} sizes[] = {
		{38, 9, "Terminaltoosmall:38x9.tenkenneeds40x10.qquits.",
		 "端末が小さすぎます:38x9。tenkenには40x10以上が必要です。qで終了。"},
		{50, 8, "Terminaltoosmall:50x8.tenkenneeds40x10.qquits.",
		 "端末が小さすぎます:50x8。tenkenには40x10以上が必要です。qで終了。"},
		{20, 3, "Terminaltoosmall:20x3.tenkenneeds40x10.qquits.", "40x10"},
		{12, 1, "12x1<40x10", "12x1<40x10"},
	};
	char flat[4096], *s;

	for (int ja = 0; ja < 2; ja++) {
		messages_in_japanese(ja);
		for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
			s = run_sized(*state, "", sizes[k].cols, sizes[k].rows, 0, 0);
			assert_fits(s, sizes[k].cols, sizes[k].rows);
			squeeze(s, flat, sizeof flat);
			if (!strstr(flat, ja ? sizes[k].ja : sizes[k].en))
				fail_msg("%dx%d: \"%s\" not whole:\n%s", sizes[k].cols,
					 sizes[k].rows, ja ? sizes[k].ja : sizes[k].en, s);
			free(s);
		}
	}
	messages_in_japanese(0);
}

/* The header shortens the path from the left, with ~ for $HOME and …,
 * never cutting a character; at 60 columns too. */
static void test_header_path_shortened(void **state)
{
	struct fx *f = *state;
	char keep[sizeof f->path], *home = getenv("HOME"), *s;
	char saved_home[512];

	snprintf(saved_home, sizeof saved_home, "%s", home ? home : "");
	memcpy(keep, f->path, sizeof keep);
	setenv("HOME", f->dir, 1);
	snprintf(f->path, sizeof f->path, "%s/回答ファイル/チェック結果.db", f->dir);
	{
		char d[300];
		snprintf(d, sizeof d, "%s/回答ファイル", f->dir);
		assert_int_equal(mkdir(d, 0700), 0);
	}
	s = run(f, "");
	assert_screen_has(s, "  ~/回答ファイル/チェック結果.db ");
	free(s);
	s = run_sized(f, "", 60, 20, 0, 0);
	assert_fits(s, 60, 20);
	assert_screen_has(s, "…");
	assert_screen_has(s, "/チェック結果.db ");
	free(s);
	s = run_sized(f, "", 52, 20, 0, 0);
	assert_fits(s, 52, 20);
	assert_screen_lacks(s, "  /");
	free(s);
	memcpy(f->path, keep, sizeof keep);
	setenv("HOME", saved_home, 1);
}

/* At 60x20 the footer drops the least important hints, never q; in
 * Japanese too. */
static void test_footer_keeps_quit(void **state)
{
	char *s;

	for (int ja = 0; ja < 2; ja++) {
		messages_in_japanese(ja);
		s = run_sized(*state, "", 60, 20, 0, 0);
		assert_fits(s, 60, 20);
		assert_screen_has(s, ja ? "q:終了" : "q:quit");
		assert_screen_has(s, ja ? "Enter:開く" : "Enter:open");
		free(s);
		s = run_sized(*state, "", 40, 20, 0, 0);
		assert_screen_has(s, ja ? "q:終了" : "q:quit");
		free(s);
	}
	messages_in_japanese(0);
}

/* An item with an answer but no status shows [?], is counted as such in
 * the header and its section, and u passes it by. */
static void test_answered_without_status(void **state)
{
	struct fx *f = *state;
	char err[512], *s;
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);

	assert_non_null(st);
	assert_int_equal(store_set_text(st, a, 1, 0, "回答だけ", err, sizeof err), 0);
	store_close(st);
	answers_free(a);
	s = run(f, "");
	assert_screen_has(s, "\n   2 [?] ");
	assert_screen_has(s, "0/60 ?1\n");
	assert_screen_has(s, "0/10 ?1\n");
	free(s);
	s = run(f, "u");
	assert_screen_has(s, "\n>  3 [ ] ");
	free(s);
	s = run(f, "s2");
	assert_screen_has(s, "1/60 ?1\n");
	free(s);
	s = run(f, "js2");
	assert_screen_has(s, "\n>  2 [x] ");
	assert_screen_has(s, "2/60\n");
	free(s);
}

/* The target filter stays in the header after the next key, and the
 * header and the sections count only the items shown. */
static void test_filter_shown_in_header(void **state)
{
	struct fx *f = *state;
	size_t shown = 0, in_first = 0;
	char want[128], *s;

	for (size_t i = 0; i < f->cl->n_items; i++) {
		const char *id = f->cl->targets[f->cl->items[i].target].id;
		int keep = !strcmp(id, f->cl->targets[0].id) || !strcmp(id, "common");
		shown += keep;
		in_first += keep && f->cl->items[i].section == 0;
	}
	assert_true(shown < f->cl->n_items);
	s = run(f, "fj");
	snprintf(want, sizeof want, "0/%zu (API接続先+共通)\n", shown);
	assert_screen_has(s, want);
	snprintf(want, sizeof want, " 0/%zu\n", in_first);
	assert_screen_has(s, want);
	free(s);
	s = run(f, "fs2j");
	snprintf(want, sizeof want, "1/%zu (API接続先+共通)\n", shown);
	assert_screen_has(s, want);
	free(s);
	s = run(f, "fffj");
	assert_screen_has(s, "1/60\n");
	assert_screen_lacks(s, "+共通)");
	free(s);
}

/* The history rows of item number item in the file. */
static size_t history_rows(struct fx *f, int item)
{
	char err[512];
	size_t n;
	struct store *st = store_open(f->path, f->cl, STORE_READONLY, err, sizeof err);
	struct store_change *c = store_history(st, item, &n);

	store_changes_free(c, n);
	store_close(st);
	return n;
}

/* Space and m mark items (a * in the list, a count in the header), s sets
 * the status of them all in one go, each change in the history, and the
 * marks go. */
static void test_bulk_status(void **state)
{
	struct fx *f = *state;
	struct answers *a;
	char *s = run(f, "  j ");

	assert_screen_has(s, "\n   1*[ ] ");
	assert_screen_has(s, "\n   2*[ ] ");
	assert_screen_has(s, "\n   3 [ ] ");
	assert_screen_has(s, "\n   4*[ ] ");
	assert_screen_has(s, "3 marked  0/60\n");
	assert_screen_has(s, "3 items marked");
	free(s);
	s = run(f, "  j s5");
	assert_screen_has(s, "3 items: Not applicable (saved)");
	assert_screen_has(s, "\n   1 [-] ");
	assert_screen_has(s, "\n   3 [ ] ");
	assert_screen_lacks(s, "marked");
	free(s);
	a = saved(f);
	assert_int_equal(a->status[0], STATUS_NOT_APPLICABLE);
	assert_int_equal(a->status[1], STATUS_NOT_APPLICABLE);
	assert_int_equal(a->status[2], STATUS_UNANSWERED);
	assert_int_equal(a->status[3], STATUS_NOT_APPLICABLE);
	answers_free(a);
	assert_int_equal(history_rows(f, 1) + history_rows(f, 2) + history_rows(f, 4), 3);
	/* m marks in an open item too, and unmarks. */
	s = run(f, "<Enter>mm");
	assert_screen_has(s, "No item marked");
	free(s);
	s = run(f, "<Enter>m<Esc>");
	assert_screen_has(s, "\n>  1*[-] ");
	free(s);
}

/* U undoes this session's last change from the history: a bulk status
 * whole, one status, one answer; U again redoes it. The undo is in the
 * history too. */
static void test_undo(void **state)
{
	struct fx *f = *state;
	struct answers *a;
	char *s = run(f, "  s3U");

	assert_screen_has(s, "Undone: the last change to 2 items");
	assert_screen_has(s, "\n   1 [ ] ");
	assert_screen_has(s, "\n   2 [ ] ");
	free(s);
	assert_int_equal(history_rows(f, 1), 2);
	assert_int_equal(history_rows(f, 2), 2);
	s = run(f, "  s3UU");
	assert_screen_has(s, "Undone: the last change to 2 items");
	assert_screen_has(s, "\n   2 [/] ");
	free(s);
	s = run(f, "js4U");
	assert_screen_has(s, "Undone: item 2's status is Partly implemented again");
	free(s);
	free(run(f, "e最初の回答<C-x>"));
	s = run(f, "e<C-u>二度目<C-x>U");
	assert_screen_has(s, "Undone: item 1's");
	assert_screen_has(s, "is as it was before");
	free(s);
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "最初の回答");
	assert_int_equal(a->status[1], STATUS_PARTIAL);
	answers_free(a);
	s = run(f, "U");
	assert_screen_has(s, "Nothing to undo");
	free(s);
}

/* --compare: last year's status and answers are shown under this year's
 * where they differ (an escape in them shown, not sent), and C copies the
 * one under the cursor as a saved edit, in the history, undone by U. */
static void test_compare_last_year(void **state)
{
	struct fx *f = *state;
	struct answers *last = answers_new(f->cl), *a;
	char *s;

	last->status[0] = STATUS_IMPLEMENTED;
	assert_int_equal(answers_set_text(last, 0, 0, "昨年の回答\x1b[2J"), 0);
	s = run(f, "<Enter>C");
	assert_screen_lacks(s, "Last time:");
	assert_screen_has(s, "No answer file of last year");
	free(s);
	run_last = last;
	s = run(f, "<Enter>");
	assert_screen_has(s, "Last time: Implemented");
	assert_screen_has(s, "Last time: 昨年の回答^[[2J");
	free(s);
	s = run(f, "<Enter>jjjjC");
	assert_screen_has(s, "copied from last time (saved)");
	assert_screen_lacks(s, "Last time: 昨年"); /* the same now */
	free(s);
	a = saved(f);
	assert_string_equal(answers_text(a, 0, 0), "昨年の回答\x1b[2J");
	answers_free(a);
	assert_int_equal(history_rows(f, 1), 1);
	s = run(f, "<Enter>jjjjjC");
	assert_screen_has(s, "Nothing to copy: last time this was empty.");
	free(s);
	s = run(f, "<Enter>jjjC");
	assert_screen_has(s, "Item 1: Implemented (saved)");
	assert_screen_lacks(s, "Last time:");
	free(s);
	s = run(f, "<Enter>jjjC");
	assert_screen_has(s, "This is already as it was last time.");
	free(s);
	s = run(f, "<Enter>jjjje<C-u>今年<C-x>CU");
	assert_screen_has(s, "Undone: item 1's");
	free(s);
	run_last = NULL;
	a = saved(f);
	assert_int_equal(a->status[0], STATUS_IMPLEMENTED);
	assert_string_equal(answers_text(a, 0, 0), "今年");
	answers_free(a);
	answers_free(last);
}

/* U refuses when another session changed the value since. */
static void test_undo_refused_after_other_session(void **state)
{
	struct fx *f = *state;
	struct answers *a;
	char *s = run(f, "jjs3<Hook>U");

	assert_screen_has(s, "Not undone: item 3's status was changed since in another session");
	free(s);
	a = saved(f);
	assert_int_equal(a->status[2], other_status);
	answers_free(a);
}

/* H shows the item's history, newest first, with who, the field and old →
 * new; from an open item too; an escape in an answer is shown, not sent. */
static void test_history_view(void **state)
{
	struct fx *f = *state;
	char err[512], *s, *newer, *older;
	struct answers *a = answers_new(f->cl);
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);

	assert_non_null(st);
	assert_int_equal(store_set_text(st, a, 0, 0, "回答\x1b[2J", err, sizeof err), 0);
	store_close(st);
	answers_free(a);
	s = run(f, "s2s3H");
	assert_screen_has(s, "History of item 1, newest first");
	assert_screen_has(s, "Implemented → Partly implemented");
	assert_screen_has(s, "Unanswered → Implemented");
	assert_screen_has(s, "(empty) → 回答^[[2J");
	assert_screen_has(s, "  status");
	newer = strstr(s, "Implemented → Partly");
	older = strstr(s, "Unanswered → Implemented");
	assert_true(newer && older && newer < older);
	assert_screen_has(s, "q Esc h:close");
	free(s);
	s = run(f, "s2Hq");
	assert_screen_lacks(s, "History of item");
	assert_screen_has(s, "\n>  1 [x] ");
	free(s);
	s = run(f, "j<Enter>H");
	assert_screen_has(s, "History of item 2, newest first");
	assert_screen_has(s, "No change recorded for this item.");
	free(s);
}

/* The interface reopens on the item and view where the officer left the
 * answer file, kept under $XDG_STATE_HOME; not when --item or --section
 * says where to go. */
static void test_place_kept_across_starts(void **state)
{
	struct fx *f = *state;
	char *s;

	setenv("XDG_STATE_HOME", f->dir, 1);
	run_remember = 1;
	free(run(f, "jjj<Enter>"));
	s = run(f, "");
	assert_screen_has(s, "Item 4  (section 1");
	free(s);
	s = run(f, "<Esc>j");
	assert_screen_lacks(s, "Item 4  (section 1");
	assert_screen_has(s, "\n>  5 [ ] ");
	free(s);
	s = run(f, "");
	assert_screen_has(s, "\n>  5 [ ] ");
	free(s);
	s = run_sized(f, "", 80, 24, 0, 2);
	assert_screen_has(s, "Item 2  (section 1");
	free(s);
	run_section = 3;
	s = run(f, "");
	assert_screen_lacks(s, "Item 2  (section 1");
	assert_screen_lacks(s, "\n>  2 [ ] ");
	free(s);
	run_section = 0;
	s = run(f, "");
	assert_screen_lacks(s, "Item 2  (section 1"); /* where --section left it */
	assert_screen_lacks(s, "\n>  1 [ ] ");
	free(s);
	run_remember = 0;
	s = run(f, "");
	assert_screen_has(s, "\n>  1 [ ] ");
	free(s);
	unsetenv("XDG_STATE_HOME");
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
		T(test_hidden_characters_shown_visibly),
		T(test_every_status_mark),
		T(test_conflict_shows_both),
		T(test_export_dialog),
		T(test_other_session_noticed),
		T(test_idle_writes_nothing),
		T(test_typing_costs_few_bytes),
		T(test_start_at_item),
		T(test_help_lists_keys),
		T(test_curses_honours_ambiguous_width),
		T(test_fits_with_ambiguous_width_2),
		T(test_2018_examples_folded),
		T(test_search_shown_text_2018),
		T(test_search_matches_in_item),
		T(test_search_match_marked_without_reverse),
		T(test_example_label_follows_interface),
		T(test_item_answers_first),
		T(test_item_stays_on_saved_answer),
		T(test_review_added_text_underlined),
		T(test_2018_item22_added_text),
		T(test_supplied_name_and_references_note),
		T(test_help_shows_history_and_review),
		T(test_everything_fits_in_both_languages),
		T(test_japanese_original_on_demand),
		T(test_status_menu_every_way),
		T(test_every_binding),
		T(test_help_names_what_keys_do),
		T(test_reference_keys),
		T(test_page_overlap),
		T(test_close_keeps_place),
		T(test_status_row_enter),
		T(test_section_progress_last_item),
		T(test_draft_later_is_kept),
		T(test_filter_keeps_common),
		T(test_search_everywhere),
		T(test_search_after_edit),
		T(test_editor_tab),
		T(test_header_long_path),
		T(test_answered_without_status),
		T(test_filter_shown_in_header),
		T(test_too_small_fits),
		T(test_header_path_shortened),
		T(test_footer_keeps_quit),
		T(test_bulk_status),
		T(test_undo),
		T(test_compare_last_year),
		T(test_undo_refused_after_other_session),
		T(test_history_view),
		T(test_place_kept_across_starts),
	};
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TERM", "xterm-256color", 1);
	unsetenv("LANGUAGE");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
