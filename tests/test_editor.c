/* Tests of the answer editor's buffer: wide characters, movement, deletion,
 * pastes, control characters, and the layout the screen draws. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <cmocka.h>

#include "editor.h"

static void assert_text(const struct editor *ed, const char *want)
{
	char *got = editor_text(ed);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void type(struct editor *ed, const char *utf8)
{
	assert_int_equal(editor_insert_utf8(ed, utf8, strlen(utf8)), 0);
}

static void test_round_trip(void **state)
{
	static const char *const cases[] = {"",
					    "日本語",
					    "責任者を任命済み。\n規程は未整備。",
					    "ASCII and 日本語 mixed",
					    "①②③ ※",
					    "e\xcc\x81t\xc3\xa9"};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct editor ed;
		assert_int_equal(editor_init(&ed, cases[i]), 0);
		assert_text(&ed, cases[i]);
		assert_int_equal(ed.modified, 0);
		editor_free(&ed);
	}
}

static void test_invalid_utf8_replaced(void **state)
{
	struct editor ed;

	(void)state;
	assert_int_equal(editor_init(&ed, "a\xff"
					  "b\xe6\x97"),
			 0);
	/* A truncated sequence: each of its bytes is replaced. */
	assert_text(&ed, "a\xef\xbf\xbd"
			 "b\xef\xbf\xbd\xef\xbf\xbd");
	editor_free(&ed);
}

static void test_backspace_whole_character(void **state)
{
	struct editor ed;

	(void)state;
	editor_init(&ed, "日本語");
	editor_backspace(&ed);
	assert_text(&ed, "日本");
	assert_int_equal(ed.cursor, 2);
	editor_left(&ed);
	editor_backspace(&ed);
	assert_text(&ed, "本");
	editor_backspace(&ed); /* at the start: nothing */
	assert_text(&ed, "本");
	assert_int_equal(ed.modified, 1);
	editor_free(&ed);
}

/* A combining mark goes with its base: é as e + U+0301. */
static void test_combining_mark_kept_with_base(void **state)
{
	struct editor ed;

	(void)state;
	editor_init(&ed, "ae\xcc\x81");
	editor_left(&ed);
	assert_int_equal(ed.cursor, 1);
	editor_right(&ed);
	assert_int_equal(ed.cursor, 3);
	editor_backspace(&ed);
	assert_text(&ed, "a");
	editor_free(&ed);
}

static void test_line_keys(void **state)
{
	struct editor ed;

	(void)state;
	editor_init(&ed, "一行目\n二行目です\n三");
	ed.cursor = 6; /* 二行|目です */
	editor_home(&ed);
	assert_int_equal(ed.cursor, 4);
	editor_end(&ed);
	assert_int_equal(ed.cursor, 9);
	editor_kill_to_end(&ed); /* at the end of the line: joins */
	assert_text(&ed, "一行目\n二行目です三");
	ed.cursor = 6;
	editor_kill_to_end(&ed);
	assert_text(&ed, "一行目\n二行");
	editor_kill_to_start(&ed);
	assert_text(&ed, "一行目\n");
	assert_int_equal(ed.cursor, 4);
	editor_delete(&ed); /* at the end: nothing */
	ed.cursor = 0;
	editor_delete(&ed);
	assert_text(&ed, "行目\n");
	editor_free(&ed);
}

static void test_paste_of_lines(void **state)
{
	struct editor ed;

	(void)state;
	editor_init(&ed, "前");
	type(&ed, "一行目\r\n二行目\r三行目\n");
	assert_text(&ed, "前一行目\n二行目\n三行目\n");
	editor_free(&ed);
}

/* Nothing typed or pasted can put an escape sequence in an answer. */
static void test_control_characters_refused(void **state)
{
	struct editor ed;

	(void)state;
	editor_init(&ed, NULL);
	assert_int_equal(editor_insert(&ed, 0x1b), 0);
	assert_int_equal(editor_insert(&ed, 0x07), 0);
	assert_int_equal(editor_insert(&ed, 0x9b), 0);
	assert_int_equal(editor_insert(&ed, 0x7f), 0);
	assert_int_equal(ed.len, 0);
	assert_int_equal(ed.modified, 0);
	type(&ed, "a\x1b[2Jb\tc");
	assert_text(&ed, "a[2Jb c");
	editor_free(&ed);
	editor_init(&ed, "x\x1b]0;title\x07y");
	assert_text(&ed, "x]0;titley");
	editor_free(&ed);
}

static void test_insert_wide_in_middle(void **state)
{
	struct editor ed;

	(void)state;
	editor_init(&ed, "日語");
	editor_left(&ed);
	assert_int_equal(editor_insert(&ed, L'本'), 0);
	assert_text(&ed, "日本語");
	assert_int_equal(ed.cursor, 2);
	editor_free(&ed);
}

struct layout_case {
	const char *text;
	int width;
	size_t rows;
	const int widths[6];
};

static void test_layout(void **state)
{
	static const struct layout_case cases[] = {
		{"日本語テキスト", 6, 3, {6, 6, 2}},
		{"日本語テキスト", 7, 3, {6, 6, 2}}, /* a wide char never splits */
		{"日本語テキスト", 14, 2, {14, 0}},  /* full: the cursor goes below */
		{"ab\n日本", 6, 2, {2, 4}},
		{"行\n", 10, 2, {2, 0}},
		{"", 10, 1, {0}},
		{"abcdefg", 3, 3, {3, 3, 1}},
		/* Kinsoku, the rule print and the item view follow: 。 does
		 * not begin a row and 「 does not end one; the row ends early. */
		{"あいう。えお", 6, 3, {4, 6, 2}},
		{"あい「うえお", 6, 3, {4, 6, 2}},
		{"あいうぇお", 6, 3, {4, 6, 0}},
		{"。。。。", 4, 3, {4, 4, 0}}, /* nothing else fits: broken anyway */
		/* ...and never between a letter and its combining mark. */
		{"あいか\xe3\x82\x99。", 6, 2, {4, 4}},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct editor ed;
		struct editor_line lines[8];
		editor_init(&ed, cases[i].text);
		size_t n = editor_layout(&ed, cases[i].width, lines, 8);
		if (n != cases[i].rows)
			fail_msg("case %zu: %zu rows, expected %zu", i, n, cases[i].rows);
		for (size_t r = 0; r < n; r++)
			if (lines[r].width != cases[i].widths[r])
				fail_msg("case %zu row %zu: width %d, expected %d", i, r,
					 lines[r].width, cases[i].widths[r]);
		editor_free(&ed);
	}
}

/* The cursor is where the layout puts the character after it. */
static void test_cursor_agrees_with_layout(void **state)
{
	struct editor ed;
	size_t row;
	int col;

	(void)state;
	editor_init(&ed, "日本語テキスト"); /* rows of 6: 日本語 / テキス / ト */
	editor_cursor_pos(&ed, 6, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 2);
	ed.cursor = 3; /* after 語: the end of a wrapped row is the next row's start */
	editor_cursor_pos(&ed, 6, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	ed.cursor = 2;
	editor_cursor_pos(&ed, 6, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 4);
	editor_free(&ed);
	editor_init(&ed, "abc"); /* exactly full at width 3 */
	editor_cursor_pos(&ed, 3, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	editor_free(&ed);
}

static void test_up_down_keep_column(void **state)
{
	struct editor ed;
	size_t row;
	int col;

	(void)state;
	editor_init(&ed, "abcdef\n日本語テキスト");
	ed.cursor = 3; /* abc|def, column 3 */
	editor_down(&ed, 20);
	/* Column 3 is inside 本 (columns 2-3): the cursor stays before it. */
	editor_cursor_pos(&ed, 20, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 2);
	assert_int_equal(ed.cursor, 8);
	editor_down(&ed, 20); /* the last row: to the end */
	assert_int_equal(ed.cursor, ed.len);
	editor_up(&ed, 20);
	assert_int_equal(ed.cursor, 6);
	editor_up(&ed, 20); /* the first row: to the start */
	assert_int_equal(ed.cursor, 0);
	editor_free(&ed);

	editor_init(&ed, "日本語テキスト");
	ed.cursor = 2; /* column 4 of row 0 */
	editor_down(&ed, 6);
	editor_cursor_pos(&ed, 6, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 4);
	editor_down(&ed, 6);
	editor_cursor_pos(&ed, 6, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 2);
	editor_free(&ed);
}

static void test_limit(void **state)
{
	struct editor ed;
	char *big = malloc(EDITOR_MAX_CHARS + 2);

	(void)state;
	memset(big, 'a', EDITOR_MAX_CHARS);
	big[EDITOR_MAX_CHARS] = '\0';
	assert_int_equal(editor_init(&ed, big), 0);
	assert_int_equal(ed.len, EDITOR_MAX_CHARS);
	assert_int_equal(editor_insert(&ed, L'字'), -1);
	assert_int_equal(editor_insert_utf8(&ed, "字", 3), -1);
	assert_int_equal(ed.len, EDITOR_MAX_CHARS);
	editor_free(&ed);
	big[EDITOR_MAX_CHARS] = 'a';
	big[EDITOR_MAX_CHARS + 1] = '\0';
	assert_int_equal(editor_init(&ed, big), -1);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_invalid_utf8_replaced),
		cmocka_unit_test(test_backspace_whole_character),
		cmocka_unit_test(test_combining_mark_kept_with_base),
		cmocka_unit_test(test_line_keys),
		cmocka_unit_test(test_paste_of_lines),
		cmocka_unit_test(test_control_characters_refused),
		cmocka_unit_test(test_insert_wide_in_middle),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_cursor_agrees_with_layout),
		cmocka_unit_test(test_up_down_keep_column),
		cmocka_unit_test(test_limit),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
