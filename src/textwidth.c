/* textwidth: display width, sanitizing and wrapping of UTF-8 text. */
#include "config.h"

#include "textwidth.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int ambiguous_width = 1;

/* East Asian Ambiguous ranges (Unicode EastAsianWidth.txt, class A) that
 * wcwidth() gives one column but many Japanese terminals draw in two.
 * Private use and variation selectors are left out on purpose. */
static const struct {
	uint32_t first, last;
} ambiguous[] = {
	{0x00A1, 0x00A1},   {0x00A4, 0x00A4},   {0x00A7, 0x00A8},   {0x00AA, 0x00AA},
	{0x00AD, 0x00AE},   {0x00B0, 0x00B4},   {0x00B6, 0x00BA},   {0x00BC, 0x00BF},
	{0x00C6, 0x00C6},   {0x00D0, 0x00D0},   {0x00D7, 0x00D8},   {0x00DE, 0x00E1},
	{0x00E6, 0x00E6},   {0x00E8, 0x00EA},   {0x00EC, 0x00ED},   {0x00F0, 0x00F0},
	{0x00F2, 0x00F3},   {0x00F7, 0x00FA},   {0x00FC, 0x00FC},   {0x00FE, 0x00FE},
	{0x0391, 0x03A9},   {0x03B1, 0x03C9},   {0x0401, 0x0401},   {0x0410, 0x044F},
	{0x0451, 0x0451},   {0x2010, 0x2010},   {0x2013, 0x2016},   {0x2018, 0x2019},
	{0x201C, 0x201D},   {0x2020, 0x2022},   {0x2024, 0x2027},   {0x2030, 0x2030},
	{0x2032, 0x2033},   {0x2035, 0x2035},   {0x203B, 0x203B},   {0x203E, 0x203E},
	{0x2074, 0x2074},   {0x207F, 0x207F},   {0x2081, 0x2084},   {0x20AC, 0x20AC},
	{0x2103, 0x2103},   {0x2105, 0x2105},   {0x2109, 0x2109},   {0x2113, 0x2113},
	{0x2116, 0x2116},   {0x2121, 0x2122},   {0x2126, 0x2126},   {0x212B, 0x212B},
	{0x2153, 0x2154},   {0x215B, 0x215E},   {0x2160, 0x216B},   {0x2170, 0x2179},
	{0x2189, 0x2189},   {0x2190, 0x2199},   {0x21B8, 0x21B9},   {0x21D2, 0x21D2},
	{0x21D4, 0x21D4},   {0x21E7, 0x21E7},   {0x2200, 0x2200},   {0x2202, 0x2203},
	{0x2207, 0x2208},   {0x220B, 0x220B},   {0x220F, 0x220F},   {0x2211, 0x2211},
	{0x2215, 0x2215},   {0x221A, 0x221A},   {0x221D, 0x2220},   {0x2223, 0x2223},
	{0x2225, 0x2225},   {0x2227, 0x222C},   {0x222E, 0x222E},   {0x2234, 0x2237},
	{0x223C, 0x223D},   {0x2248, 0x2248},   {0x224C, 0x224C},   {0x2252, 0x2252},
	{0x2260, 0x2261},   {0x2264, 0x2267},   {0x226A, 0x226B},   {0x226E, 0x226F},
	{0x2282, 0x2283},   {0x2286, 0x2287},   {0x2295, 0x2295},   {0x2299, 0x2299},
	{0x22A5, 0x22A5},   {0x22BF, 0x22BF},   {0x2312, 0x2312},   {0x2460, 0x24E9},
	{0x24EB, 0x254B},   {0x2550, 0x2573},   {0x2580, 0x258F},   {0x2592, 0x2595},
	{0x25A0, 0x25A1},   {0x25A3, 0x25A9},   {0x25B2, 0x25B3},   {0x25B6, 0x25B7},
	{0x25BC, 0x25BD},   {0x25C0, 0x25C1},   {0x25C6, 0x25C8},   {0x25CB, 0x25CB},
	{0x25CE, 0x25D1},   {0x25E2, 0x25E5},   {0x25EF, 0x25EF},   {0x2605, 0x2606},
	{0x2609, 0x2609},   {0x260E, 0x260F},   {0x261C, 0x261C},   {0x261E, 0x261E},
	{0x2640, 0x2640},   {0x2642, 0x2642},   {0x2660, 0x2661},   {0x2663, 0x2665},
	{0x2667, 0x266A},   {0x266C, 0x266D},   {0x266F, 0x266F},   {0x269E, 0x269F},
	{0x273D, 0x273D},   {0x2776, 0x277F},   {0x2B56, 0x2B59},   {0x3248, 0x324F},
	{0xFFFD, 0xFFFD},   {0x1F100, 0x1F10A}, {0x1F110, 0x1F12D}, {0x1F130, 0x1F169},
	{0x1F170, 0x1F18D},
};

void textwidth_set_ambiguous(int width)
{
	ambiguous_width = width == 2 ? 2 : 1;
}

int textwidth_ambiguous(void)
{
	return ambiguous_width;
}

static int is_ambiguous(uint32_t cp)
{
	size_t lo = 0, hi = sizeof ambiguous / sizeof ambiguous[0];

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < ambiguous[mid].first)
			hi = mid;
		else if (cp > ambiguous[mid].last)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

size_t textwidth_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need;
	uint32_t c, min;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		need = 2, c = u[0] & 0x1F, min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 3, c = u[0] & 0x0F, min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len < need) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < need; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return need;
}

int textwidth_valid_utf8(const char *s, size_t len, size_t *bad_offset)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = textwidth_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80) {
			if (bad_offset)
				*bad_offset = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

static int is_format(uint32_t cp)
{
	return cp == 0x061C || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB);
}

int textwidth_is_ambiguous(uint32_t cp)
{
	return is_ambiguous(cp);
}

/* The C library's wcwidth, with East Asian Ambiguous characters two
 * columns wide when the user says the terminal draws them so (whether or
 * not wcwidth.c stands in front of the C library's). */
/* Whether cp is printable ASCII, or a kana or ideograph of the ranges
 * every Unicode version since 1.1 has assigned, all wide and none
 * ambiguous: most of a checklist's text, answered without the C
 * library's tables. */
static int common_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if ((cp >= 0x3041 && cp <= 0x3094) || (cp >= 0x30A1 && cp <= 0x30FA) ||
	    (cp >= 0x4E00 && cp <= 0x9FA5))
		return 2;
	return 0;
}

static int char_width(uint32_t cp)
{
	int w = common_width(cp);

	if (w)
		return w;
	w = wcwidth((wchar_t)cp);

	if (w == 1 && ambiguous_width == 2 && is_ambiguous(cp))
		return 2;
	return w;
}

enum textwidth_kind textwidth_kind(uint32_t cp)
{
	if (common_width(cp))
		return TEXTWIDTH_TEXT;
	if (cp == '\n')
		return TEXTWIDTH_NEWLINE;
	if (cp == '\t')
		return TEXTWIDTH_TAB;
	if (cp < 0x20 || cp == 0x7F)
		return TEXTWIDTH_C0;
	if (cp >= 0x80 && cp < 0xA0)
		return TEXTWIDTH_C1;
	if (is_format(cp))
		return TEXTWIDTH_FORMAT;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || char_width(cp) < 0)
		return TEXTWIDTH_INVALID;
	return TEXTWIDTH_TEXT;
}

size_t textwidth_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int textwidth_visible(uint32_t cp, char out[TEXTWIDTH_VISIBLE_MAX], int *visible)
{
	static const char hex[] = "0123456789ABCDEF";
	enum textwidth_kind k = textwidth_kind(cp);
	size_t n = 0;

	*visible = k != TEXTWIDTH_TEXT && k != TEXTWIDTH_NEWLINE;
	switch (k) {
	case TEXTWIDTH_TEXT:
		out[textwidth_encode(cp, out)] = '\0';
		return char_width(cp);
	case TEXTWIDTH_NEWLINE:
		memcpy(out, "\n", 2);
		return 0;
	case TEXTWIDTH_TAB:
		memcpy(out, " ", 2);
		return 1;
	case TEXTWIDTH_C0:
		out[0] = '^';
		out[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
		out[2] = '\0';
		return 2;
	case TEXTWIDTH_C1:
	case TEXTWIDTH_FORMAT:
		memcpy(out, "<U+", 3);
		n = 3;
		for (int shift = cp > 0xFFFF ? 16 : 12; shift >= 0; shift -= 4)
			out[n++] = hex[(cp >> shift) & 0xF];
		out[n++] = '>';
		out[n] = '\0';
		return (int)n;
	case TEXTWIDTH_INVALID:
	default:
		memcpy(out, "\xEF\xBF\xBD", 4);
		return char_width(0xFFFD) > 0 ? char_width(0xFFFD) : 1;
	}
}

int textwidth_cp(uint32_t cp)
{
	char buf[TEXTWIDTH_VISIBLE_MAX];
	int visible;

	return textwidth_visible(cp, buf, &visible);
}

enum textwidth_kind textwidth_storable(const char *s, size_t len, size_t *bad_offset,
				       uint32_t *bad_cp)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = textwidth_decode(s + i, len - i, &cp);
		enum textwidth_kind k = textwidth_kind(cp);
		if (cp == 0xFFFD && n == 1 && (unsigned char)s[i] >= 0x80)
			k = TEXTWIDTH_INVALID;
		if (k != TEXTWIDTH_TEXT && k != TEXTWIDTH_NEWLINE && k != TEXTWIDTH_TAB) {
			if (bad_offset)
				*bad_offset = i;
			if (bad_cp)
				*bad_cp = cp;
			return k;
		}
		i += n;
	}
	return TEXTWIDTH_TEXT;
}

size_t textwidth_str(const char *s)
{
	size_t len = strlen(s), i = 0, cols = 0;

	while (i < len) {
		uint32_t cp;
		i += textwidth_decode(s + i, len - i, &cp);
		cols += (size_t)textwidth_cp(cp);
	}
	return cols;
}

char *textwidth_sanitize(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0;
	/* Worst case: every byte becomes an 8-byte <U+0085>. */
	char *out = malloc(len * 8 + 1);

	if (!out)
		return NULL;
	while (i < len) {
		uint32_t cp;
		char vis[TEXTWIDTH_VISIBLE_MAX];
		int visible;
		i += textwidth_decode(s + i, len - i, &cp);
		textwidth_visible(cp, vis, &visible);
		for (const char *v = vis; *v; v++)
			out[o++] = *v;
	}
	out[o] = '\0';
	return out;
}

char *textwidth_sanitize_line(const char *s)
{
	char *out = textwidth_sanitize(s);

	for (char *p = out; p && *p; p++)
		if (*p == '\n')
			*p = ' ';
	return out;
}

size_t textwidth_cut(char *s)
{
	size_t len = strlen(s), start = len, need;
	unsigned char lead;

	/* The start of the last character: at most three continuation bytes
	 * back. */
	while (start > 0 && len - start < 3 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return len;
	lead = (unsigned char)s[start - 1];
	need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (start - 1) < need) {
		s[start - 1] = '\0';
		return start - 1;
	}
	return len;
}

/* Japanese line breaking (kinsoku), after JIS X 4051: the characters that
 * must not begin a line -- closing brackets and quotes (cl-02), hyphens and
 * the wave dash (cl-03), ? and ! (cl-04), middle dots and colons (cl-05),
 * 、 and 。 and their full-width and ASCII kin (cl-06), iteration marks
 * (cl-09), the long vowel mark (cl-10) and small kana (cl-11) -- and those
 * that must not end one, the opening brackets and quotes (cl-01). Sorted,
 * for bsearch. */
static const uint32_t no_start[] = {
	'!',    ')',    ',',    '.',    ':',    ';',    '?',    ']',    '}',    0x2010, 0x2013,
	0x2019, 0x201D, 0x203C, 0x2047, 0x2048, 0x2049, 0x3001, 0x3002, 0x3005, 0x3009, 0x300B,
	0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B, 0x301C, 0x301F, 0x303B, 0x3041,
	0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
	0x309D, 0x309E, 0x30A0, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5,
	0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD, 0x30FE, 0x31F0, 0x31F1, 0x31F2,
	0x31F3, 0x31F4, 0x31F5, 0x31F6, 0x31F7, 0x31F8, 0x31F9, 0x31FA, 0x31FB, 0x31FC, 0x31FD,
	0x31FE, 0x31FF, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,
	0xFF60, 0xFF61, 0xFF63, 0xFF64, 0xFF65,
};
static const uint32_t no_end[] = {
	'(',    '[',    '{',    0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010,
	0x3014, 0x3016, 0x3018, 0x301A, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62,
};

static int cmp_cp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

int textwidth_no_line_start(uint32_t cp)
{
	return bsearch(&cp, no_start, sizeof no_start / sizeof no_start[0], sizeof cp, cmp_cp) !=
	       NULL;
}

int textwidth_no_line_end(uint32_t cp)
{
	return bsearch(&cp, no_end, sizeof no_end / sizeof no_end[0], sizeof cp, cmp_cp) != NULL;
}

int textwidth_can_break(uint32_t before, uint32_t after)
{
	return !textwidth_no_line_end(before) && !textwidth_no_line_start(after);
}

static void put_line(struct textwidth_line *out, size_t max, size_t n, size_t start, size_t len)
{
	if (n < max) {
		out[n].start = start;
		out[n].len = len;
	}
}

size_t textwidth_wrap(const char *s, int width, struct textwidth_line *out, size_t max)
{
	size_t len = strlen(s), i = 0, n = 0;
	size_t line = 0;     /* start of the current line */
	size_t brk = 0;      /* best break so far: end of line text */
	size_t brk_next = 0; /* where the next line starts after brk */
	int cols = 0, have_brk = 0;
	int prev_wide = 0;
	uint32_t prev = 0; /* the character before, on this line */

	if (width < 2)
		width = 2;
	while (i < len) {
		uint32_t cp;
		size_t at = i, clen = textwidth_decode(s + i, len - i, &cp);
		int w = cp == '\t' ? 1 : textwidth_cp(cp);

		if (cp == '\n') {
			put_line(out, max, n++, line, at - line);
			i = line = at + 1;
			cols = have_brk = prev_wide = 0;
			prev = 0;
			continue;
		}
		if (cp == ' ') {
			/* A space is a break: the line may end before it. */
			brk = at, brk_next = at + 1, have_brk = 1;
		} else if (at > line && (w == 2 || prev_wide) && textwidth_can_break(prev, cp)) {
			brk = at, brk_next = at, have_brk = 1;
		}
		if (cols + w > width && at > line) {
			size_t end = have_brk && brk > line ? brk : at;
			size_t next = have_brk && brk > line ? brk_next : at;
			while (end > line && s[end - 1] == ' ')
				end--; /* no trailing space */
			put_line(out, max, n++, line, end - line);
			line = next;
			/* Skip spaces at the start of the new line. */
			while (line < len && s[line] == ' ')
				line++;
			have_brk = 0;
			cols = 0;
			i = line;
			prev_wide = 0;
			prev = 0;
			continue;
		}
		cols += w;
		prev_wide = w == 2;
		prev = cp;
		i += clen;
	}
	put_line(out, max, n++, line, len - line);
	return n;
}
