/* Tests of display width, sanitizing and wrapping. Japanese cases first. */
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

#include "textwidth.h"

static const struct {
	const char *text;
	size_t cols;
} width_cases[] = {
	{"日本語", 6},   {"API接続先", 9}, {"セキュリティ管理", 16}, {"(注1)", 5}, {"ｶﾅ", 2},
	{"", 0},         {"abc", 3},       {"a\x1b[31m", 7}, /* ESC drawn as ^[ */
	{"\xff", 1},                                         /* invalid byte drawn as U+FFFD */
	{"\xe6\x97", 2},                                     /* truncated sequence: two U+FFFD */
};

static void test_width(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++)
		assert_int_equal(textwidth_str(width_cases[i].text), width_cases[i].cols);
}

static void test_ambiguous_setting(void **state)
{
	(void)state;
	assert_int_equal(textwidth_str("①○※─→×"), 6);
	textwidth_set_ambiguous(2);
	assert_int_equal(textwidth_str("①○※─→×"), 12);
	assert_int_equal(textwidth_str("日本"), 4);
	assert_int_equal(textwidth_str("ab"), 2);
	textwidth_set_ambiguous(1);
}

static void test_sanitize(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"日本語", "日本語"},
		{"a\x1b[2Jb", "a^[[2Jb"},
		{"x\ry", "x^My"},
		{"\x7f", "^?"},
		{"\xc2\x9b"
		 "31m",
		 "<U+009B>31m"},
		{"bad\xff!", "bad\xef\xbf\xbd!"},
		{"tab\there", "tab here"},
		{"line1\nline2", "line1\nline2"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = textwidth_sanitize(cases[i].in);
		assert_non_null(s);
		assert_string_equal(s, cases[i].out);
		free(s);
	}
}

static void test_valid_utf8(void **state)
{
	size_t off = 99;
	(void)state;
	assert_true(textwidth_valid_utf8("日本語", strlen("日本語"), &off));
	assert_false(textwidth_valid_utf8("日本\xe8", 7, &off));
	assert_int_equal(off, 6);
	assert_false(textwidth_valid_utf8("\xc0\xaf", 2, &off)); /* overlong */
	assert_int_equal(off, 0);
	assert_false(textwidth_valid_utf8("\xed\xa0\x80", 3, &off)); /* surrogate */
}

/* The one set of rules, class by class: how each code point is shown (the
 * interface and print both show textwidth_visible's form), how wide that
 * is, and whether a text holding it may be stored. */
static const struct {
	const char *in;    /* a text holding it */
	const char *shown; /* the text as shown */
	int storable;      /* may be stored as an answer or a checklist text */
} rule_cases[] = {
	{"日本語", "日本語", 1},
	{"改\n行", "改\n行", 1},
	{"タ\tブ", "タ ブ", 1},
	/* C0 and DEL */
	{"a\x01"
	 "b",
	 "a^Ab", 0},
	{"a\x1b[2Jb", "a^[[2Jb", 0},
	{"a\rb", "a^Mb", 0},
	{"a\x7f"
	 "b",
	 "a^?b", 0},
	/* C1 */
	{"a\xc2\x80"
	 "b",
	 "a<U+0080>b", 0},
	{"a\xc2\x9b"
	 "31m",
	 "a<U+009B>31m", 0},
	{"a\xc2\x9f"
	 "b",
	 "a<U+009F>b", 0},
	/* Bidirectional controls */
	{"a\xe2\x80\xaa"
	 "b",
	 "a<U+202A>b", 0},
	{"a\xe2\x80\xae"
	 "b",
	 "a<U+202E>b", 0},
	{"a\xe2\x81\xa6"
	 "b",
	 "a<U+2066>b", 0},
	{"a\xe2\x81\xa9"
	 "b",
	 "a<U+2069>b", 0},
	{"a\xe2\x80\x8e"
	 "b",
	 "a<U+200E>b", 0},
	{"a\xe2\x80\x8f"
	 "b",
	 "a<U+200F>b", 0},
	{"a\xd8\x9c"
	 "b",
	 "a<U+061C>b", 0},
	/* Zero-width and other invisible format characters */
	{"a\xe2\x80\x8b"
	 "b",
	 "a<U+200B>b", 0},
	{"a\xe2\x80\x8d"
	 "b",
	 "a<U+200D>b", 0},
	{"a\xe2\x81\xa0"
	 "b",
	 "a<U+2060>b", 0},
	{"a\xef\xbb\xbf"
	 "b",
	 "a<U+FEFF>b", 0},
	{"a\xe2\x80\xa8"
	 "b",
	 "a<U+2028>b", 0},
	{"a\xe2\x80\xa9"
	 "b",
	 "a<U+2029>b", 0},
	/* Invalid UTF-8, a lone surrogate, an overlong form */
	{"a\xff"
	 "b",
	 "a\xef\xbf\xbd"
	 "b",
	 0},
	{"a\xed\xa0\x80"
	 "b",
	 "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	 "b",
	 0},
	{"a\xc0\xaf"
	 "b",
	 "a\xef\xbf\xbd\xef\xbf\xbd"
	 "b",
	 0},
};

static void test_one_set_of_rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rule_cases / sizeof rule_cases[0]; i++) {
		const char *in = rule_cases[i].in;
		char *shown = textwidth_sanitize(in);
		size_t bad = 99;
		uint32_t cp = 0;
		enum textwidth_kind k = textwidth_storable(in, strlen(in), &bad, &cp);

		assert_non_null(shown);
		if (strcmp(shown, rule_cases[i].shown) != 0)
			fail_msg("case %zu shown as \"%s\", not \"%s\"", i, shown,
				 rule_cases[i].shown);
		/* The width of a text is the width of what is shown for it. */
		assert_int_equal(textwidth_str(in), textwidth_str(shown));
		/* What is shown may itself be shown: nothing hidden is left. */
		assert_int_equal(textwidth_storable(shown, strlen(shown), NULL, NULL),
				 TEXTWIDTH_TEXT);
		if (rule_cases[i].storable) {
			assert_int_equal(k, TEXTWIDTH_TEXT);
		} else {
			if (k == TEXTWIDTH_TEXT)
				fail_msg("case %zu (\"%s\") may be stored", i, shown);
			assert_int_equal(bad, 1); /* after the "a" */
		}
		free(shown);
	}
}

/* Wraps s at width and checks every line fits and the text is all there. */
static size_t wrap_check(const char *s, int width, struct textwidth_line *lines, size_t max)
{
	size_t n = textwidth_wrap(s, width, lines, max);
	assert_true(n <= max);
	for (size_t i = 0; i < n; i++) {
		char buf[512];
		assert_true(lines[i].len < sizeof buf);
		memcpy(buf, s + lines[i].start, lines[i].len);
		buf[lines[i].len] = '\0';
		assert_true(textwidth_str(buf) <= (size_t)width);
		/* Never inside a character: every line is valid UTF-8. */
		assert_true(textwidth_valid_utf8(buf, lines[i].len, NULL));
	}
	return n;
}

static void test_wrap_japanese(void **state)
{
	struct textwidth_line l[16];
	const char *s = "セキュリティ管理責任の所在と対象範囲を明確にする";
	(void)state;
	/* 24 characters, 48 columns: at 20 columns, 10 per line. */
	assert_int_equal(wrap_check(s, 20, l, 16), 3);
	assert_int_equal(l[0].len, 30);
	/* Odd width: a wide character never straddles the edge. */
	assert_int_equal(wrap_check(s, 7, l, 16), 8);
	assert_int_equal(l[0].len, 9);
}

static void test_wrap_kinsoku(void **state)
{
	struct textwidth_line l[8];
	/* "あいう、" at 6 columns: the comma must not begin line 2. */
	const char *s = "あいう、えお";
	(void)state;
	assert_int_equal(wrap_check(s, 6, l, 8), 3);
	assert_int_equal(l[0].len, 6); /* あい */
	assert_int_equal(l[1].len, 9); /* う、え */
}

/* Every character that must not begin a line keeps to the line before it,
 * the ASCII ones among Japanese text too. */
static void test_wrap_kinsoku_every_character(void **state)
{
	static const char *const closing[] = {
		"、", "。", "，", "．", "）", "」", "』", "】", "：", "；", "ー", "々",
		"！", "？", ")",  ",",  ".",  "・", "〕", "〉", "》", "］", "｝", "〜",
		"ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ゕ", "ゖ",
		"ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ",
		"ㇰ", "ㇿ", "ゝ", "ゞ", "ヽ", "ヾ", "‼",  "｡",  "､",
	};
	struct textwidth_line l[8];
	char s[64];
	(void)state;
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++) {
		size_t n, c = strlen(closing[i]);
		snprintf(s, sizeof s, "あいう%sえお", closing[i]);
		n = wrap_check(s, 6, l, 8);
		for (size_t k = 1; k < n; k++)
			if (l[k].len >= c && !memcmp(s + l[k].start, closing[i], c))
				fail_msg("line %zu of \"%s\" at 6 columns begins with %s", k + 1, s,
					 closing[i]);
	}
}

/* Every character that must not end a line goes to the next with what it
 * opens: （ 「 『 【 and the rest. */
static void test_wrap_kinsoku_opening(void **state)
{
	static const char *const opening[] = {
		"（", "「", "『", "【", "〔", "〈", "《", "［",
		"｛", "“",  "‘",  "〘", "〖", "〝", "(",
	};
	struct textwidth_line l[8];
	char s[64];
	(void)state;
	for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++) {
		size_t n, c = strlen(opening[i]);
		/* あい + the opening character fill 6 columns (or 5 for "("). */
		snprintf(s, sizeof s, "あい%sえおか", opening[i]);
		n = wrap_check(s, 6, l, 8);
		for (size_t k = 0; k + 1 < n; k++)
			if (l[k].len >= c && !memcmp(s + l[k].start + l[k].len - c, opening[i], c))
				fail_msg("line %zu of \"%s\" at 6 columns ends with %s", k + 1, s,
					 opening[i]);
	}
	/* And a text made only of such characters still wraps, within its
	 * width, rather than run past it. */
	assert_int_equal(wrap_check("。。。。。。。。", 4, l, 8), 4);
}

/* Japanese followed by a Latin word breaks between the two rather than
 * inside the word. */
static void test_wrap_after_japanese(void **state)
{
	struct textwidth_line l[8];
	const char *s = "日本語abcdefgh";
	(void)state;
	assert_int_equal(wrap_check(s, 10, l, 8), 2);
	assert_int_equal(l[0].len, strlen("日本語"));
	assert_memory_equal(s + l[1].start, "abcdefgh", 8);
}

static void test_wrap_mixed_and_spaces(void **state)
{
	struct textwidth_line l[8];
	const char *s = "FISC 安対基準 運3、運4";
	(void)state;
	size_t n = wrap_check(s, 10, l, 8);
	assert_int_equal(n, 3);
	/* Japanese fills the line: "FISC 安対" / "基準 運3、" / "運4". */
	assert_int_equal(l[0].len, 11);
	assert_memory_equal(s + l[1].start, "基準", 6);
	/* At 6 columns the space breaks the line and is dropped. */
	assert_int_equal(wrap_check(s, 6, l, 8), 4);
	assert_int_equal(l[0].len, 4);
	assert_memory_equal(s + l[1].start, "安対基", 9);
}

static void test_wrap_newlines_and_empty(void **state)
{
	struct textwidth_line l[8];
	(void)state;
	assert_int_equal(wrap_check("", 10, l, 8), 1);
	assert_int_equal(l[0].len, 0);
	assert_int_equal(wrap_check("一\n\n二", 10, l, 8), 3);
	assert_int_equal(l[1].len, 0);
	/* A long ASCII word with no break is cut at the edge. */
	assert_int_equal(wrap_check("abcdefghij", 4, l, 8), 3);
	/* More lines than room: the count is still right. */
	assert_int_equal(textwidth_wrap("a\nb\nc\nd", 10, l, 2), 4);
}

/* A message cut by snprintf in the middle of a character (a long Japanese
 * key in a checklist error) ends at the last whole character instead. */
static const struct {
	const char *in, *out;
} cut_cases[] = {
	{"日本語", "日本語"},
	{"日本\xe8\xaa", "日本"},
	{"日本\xe8", "日本"},
	{"a\xf0\x9f\x98", "a"},
	{"a\xf0\x9f\x98\x80", "a\xf0\x9f\x98\x80"},
	{"ab", "ab"},
	{"", ""},
	{"\x80\x80\x80\x80", "\x80\x80\x80\x80"},
};

static void test_cut_partial_character(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cut_cases / sizeof cut_cases[0]; i++) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s", cut_cases[i].in);
		assert_int_equal(textwidth_cut(buf), strlen(cut_cases[i].out));
		assert_string_equal(buf, cut_cases[i].out);
	}
}

/* A cell quoted in a one-line message: its line break shown as a space,
 * its controls visibly. */
static void test_sanitize_line(void **state)
{
	char *s = textwidth_sanitize_line("一行目\n二行目\x1b[2J\xe2\x80\xae");
	(void)state;
	assert_string_equal(s, "一行目 二行目^[[2J<U+202E>");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_ambiguous_setting),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_one_set_of_rules),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_wrap_japanese),
		cmocka_unit_test(test_wrap_kinsoku),
		cmocka_unit_test(test_wrap_kinsoku_every_character),
		cmocka_unit_test(test_wrap_kinsoku_opening),
		cmocka_unit_test(test_wrap_after_japanese),
		cmocka_unit_test(test_wrap_mixed_and_spaces),
		cmocka_unit_test(test_wrap_newlines_and_empty),
		cmocka_unit_test(test_cut_partial_character),
		cmocka_unit_test(test_sanitize_line),
	};
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		return 77; /* skipped: no UTF-8 locale */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
