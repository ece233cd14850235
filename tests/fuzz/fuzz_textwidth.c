/* fuzz_textwidth: the text module on any bytes. The first byte chooses the
 * ambiguous width and a wrapping width; the rest is the text. Checks that
 * textwidth_sanitize leaves only what may reach a terminal, that
 * textwidth_wrap's lines cover the text in order within their width and
 * never split a character, and that textwidth_storable and
 * textwidth_visible agree with textwidth_kind. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "textwidth.h"

/* 1 at each byte offset of s (len bytes) where a character starts, and at
 * len. */
static unsigned char *boundaries(const char *s, size_t len)
{
	unsigned char *b = calloc(len + 1, 1);
	size_t i = 0;

	FUZZ_ASSERT(b != NULL);
	while (i < len) {
		uint32_t cp;
		b[i] = 1;
		i += textwidth_decode(s + i, len - i, &cp);
	}
	b[len] = 1;
	return b;
}

/* The columns of the len bytes at s. */
static size_t columns(const char *s, size_t len)
{
	char *copy = malloc(len + 1);
	size_t w;

	FUZZ_ASSERT(copy != NULL);
	memcpy(copy, s, len);
	copy[len] = '\0';
	w = textwidth_str(copy);
	free(copy);
	return w;
}

/* Sanitized text: valid UTF-8 of printable characters and newlines only,
 * as wide as the text it shows, and unchanged by a second pass. */
static void check_sanitized(const char *raw, const char *clean)
{
	size_t len = strlen(clean), i = 0;
	char *again;

	FUZZ_ASSERT(textwidth_valid_utf8(clean, len, NULL));
	while (i < len) {
		uint32_t cp;
		i += textwidth_decode(clean + i, len - i, &cp);
		enum textwidth_kind k = textwidth_kind(cp);
		FUZZ_ASSERT(k == TEXTWIDTH_TEXT || k == TEXTWIDTH_NEWLINE);
		FUZZ_ASSERT(cp != '\t' && (cp >= 0x20 || cp == '\n') && cp != 0x7F);
		FUZZ_ASSERT(!(cp >= 0x80 && cp < 0xA0));
	}
	FUZZ_ASSERT(textwidth_storable(clean, len, NULL, NULL) == TEXTWIDTH_TEXT);
	FUZZ_ASSERT(textwidth_str(clean) == textwidth_str(raw));
	again = textwidth_sanitize(clean);
	FUZZ_ASSERT(again != NULL);
	FUZZ_ASSERT(strcmp(again, clean) == 0);
	free(again);
}

/* The lines of s (sanitized) wrapped at width: in order, covering every
 * character but the spaces and the newline where a line ends, each within
 * width, each starting and ending between characters. */
static void check_wrap(const char *s, int width, int sanitized)
{
	size_t len = strlen(s), n = textwidth_wrap(s, width, NULL, 0), end = 0;
	struct textwidth_line *lines = calloc(n, sizeof *lines);
	unsigned char *b = boundaries(s, len);

	FUZZ_ASSERT(n >= 1 && lines != NULL);
	FUZZ_ASSERT(textwidth_wrap(s, width, lines, n) == n);
	if (n > 1) {
		struct textwidth_line first;
		FUZZ_ASSERT(textwidth_wrap(s, width, &first, 1) == n);
		FUZZ_ASSERT(first.start == lines[0].start && first.len == lines[0].len);
	}
	for (size_t k = 0; k < n; k++) {
		size_t start = lines[k].start, stop = start + lines[k].len, newlines = 0;
		FUZZ_ASSERT(start >= end && stop <= len && stop >= start);
		FUZZ_ASSERT(b[start] && b[stop]);
		for (size_t i = end; i < start; i++) {
			FUZZ_ASSERT(s[i] == ' ' || s[i] == '\n');
			newlines += s[i] == '\n';
		}
		FUZZ_ASSERT(newlines <= 1);
		FUZZ_ASSERT(memchr(s + start, '\n', lines[k].len) == NULL);
		if (sanitized)
			FUZZ_ASSERT(columns(s + start, lines[k].len) <=
				    (size_t)(width < 2 ? 2 : width));
		end = stop;
	}
	FUZZ_ASSERT(lines[0].start == 0);
	for (size_t i = end; i < len; i++)
		FUZZ_ASSERT(s[i] == ' ');
	free(b);
	free(lines);
}

/* storable agrees with kind: the first offender is where it says. */
static void check_storable(const char *s, size_t len)
{
	size_t bad = (size_t)-1, i = 0;
	uint32_t bad_cp = 0;
	enum textwidth_kind k = textwidth_storable(s, len, &bad, &bad_cp);

	while (i < len) {
		uint32_t cp;
		size_t n = textwidth_decode(s + i, len - i, &cp);
		enum textwidth_kind ck = textwidth_kind(cp);
		if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80)
			ck = TEXTWIDTH_INVALID;
		if (ck != TEXTWIDTH_TEXT && ck != TEXTWIDTH_NEWLINE && ck != TEXTWIDTH_TAB) {
			FUZZ_ASSERT(k == ck && bad == i && bad_cp == cp);
			return;
		}
		i += n;
	}
	FUZZ_ASSERT(k == TEXTWIDTH_TEXT);
	FUZZ_ASSERT(textwidth_valid_utf8(s, len, NULL));
}

/* textwidth_visible of one code point: a NUL-terminated form that fits,
 * is valid UTF-8, is flagged visible exactly when it is not the character
 * itself, and is as wide as it says. */
static void check_visible(uint32_t cp)
{
	char out[TEXTWIDTH_VISIBLE_MAX], enc[4];
	int visible = -1, w = textwidth_visible(cp, out, &visible);
	size_t len = strnlen(out, sizeof out);
	enum textwidth_kind k = textwidth_kind(cp);

	FUZZ_ASSERT(len < sizeof out);
	FUZZ_ASSERT(textwidth_valid_utf8(out, len, NULL));
	FUZZ_ASSERT(visible == (k != TEXTWIDTH_TEXT && k != TEXTWIDTH_NEWLINE));
	FUZZ_ASSERT(w >= 0 && w == textwidth_cp(cp));
	if (k == TEXTWIDTH_TEXT) {
		FUZZ_ASSERT(len == textwidth_encode(cp, enc) && memcmp(out, enc, len) == 0);
	} else if (k != TEXTWIDTH_NEWLINE) {
		FUZZ_ASSERT((size_t)w == textwidth_str(out));
		for (size_t i = 0; i < len; i++)
			FUZZ_ASSERT(out[i] != '\n' && out[i] != '\t' && out[i] != 0x1B);
	}
	if (cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
		uint32_t back;
		size_t n = textwidth_encode(cp, enc);
		FUZZ_ASSERT(textwidth_decode(enc, n, &back) == n && back == cp);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int widths[] = {1, 2, 3, 4, 7, 10, 20, 40, 80};
	char *raw, *clean;
	size_t len;

	fuzz_init();
	if (size == 0)
		return 0;
	textwidth_set_ambiguous(data[0] & 1 ? 2 : 1);
	raw = fuzz_string(data + 1, size - 1);
	len = strlen(raw);
	check_storable((const char *)data + 1, size - 1);
	clean = textwidth_sanitize(raw);
	FUZZ_ASSERT(clean != NULL);
	check_sanitized(raw, clean);
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		check_wrap(clean, widths[i], 1);
	check_wrap(clean, 2 + (data[0] >> 1), 1);
	check_wrap(raw, 2 + (data[0] >> 1), 0);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += textwidth_decode(raw + i, len - i, &cp);
		check_visible(cp);
	}
	for (size_t i = 1; i + 4 <= size; i += 4) {
		uint32_t cp = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
			      (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
		check_visible(cp % 0x110000);
		check_visible(cp);
	}
	free(clean);
	free(raw);
	textwidth_set_ambiguous(1);
	return 0;
}
