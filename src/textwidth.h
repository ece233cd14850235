/* textwidth: display width of UTF-8 text in terminal columns, wrapping and
 * sanitizing. Counts columns, never bytes; never cuts a character in half;
 * shows invalid UTF-8 as U+FFFD and control characters visibly (^[). */
#ifndef TENKEN_TEXTWIDTH_H
#define TENKEN_TEXTWIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Sets the width (1 or 2) of East Asian Ambiguous characters such as ①, ○,
 * ※ and ─. The default is 1, as glibc's wcwidth has it. */
void textwidth_set_ambiguous(int width);

/* Returns the current width of East Asian Ambiguous characters (1 or 2). */
int textwidth_ambiguous(void);

/* Returns whether cp is an East Asian Ambiguous character. */
int textwidth_is_ambiguous(uint32_t cp);

/* Decodes one UTF-8 character from s (at most len bytes) into *cp.
 * Returns the bytes consumed (1..4); an invalid or truncated sequence
 * consumes 1 byte and yields U+FFFD. len must be at least 1. */
size_t textwidth_decode(const char *s, size_t len, uint32_t *cp);

/* Returns true if s (len bytes) is valid UTF-8; on failure *bad_offset is
 * set to the byte offset of the first invalid sequence. */
int textwidth_valid_utf8(const char *s, size_t len, size_t *bad_offset);

/* What a code point is to tenken: the one definition of what is shown as
 * it is, what is shown visibly instead, and what text may hold. */
enum textwidth_kind {
	TEXTWIDTH_TEXT,    /* printable (a combining mark too): shown as it is */
	TEXTWIDTH_NEWLINE, /* U+000A: ends a line */
	TEXTWIDTH_TAB,     /* U+0009: shown as a space */
	TEXTWIDTH_C0,      /* another C0 control, or DEL: shown as ^X (^? for DEL) */
	TEXTWIDTH_C1,      /* U+0080-U+009F: shown as <U+0085> */
	/* An invisible format character that can make text read otherwise than
	 * it is stored: bidirectional controls (U+061C, U+200E, U+200F,
	 * U+202A-U+202E, U+2066-U+2069), zero-width characters (U+200B-U+200D,
	 * U+2060-U+2064, U+FEFF), U+180E, U+2028, U+2029, U+FFF9-U+FFFB. Shown
	 * as <U+202E>. */
	TEXTWIDTH_FORMAT,
	/* Not a character the terminal can show: invalid UTF-8, a surrogate, or
	 * one the C library gives no width. Shown as U+FFFD. */
	TEXTWIDTH_INVALID,
};

/* Returns the kind of code point cp (as textwidth_decode yields it; an
 * invalid sequence's U+FFFD is TEXT here, see textwidth_storable). */
enum textwidth_kind textwidth_kind(uint32_t cp);

/* The longest visible form of one code point, in bytes, with its NUL. */
#define TEXTWIDTH_VISIBLE_MAX 12

/* Writes to out how tenken shows cp on a terminal, as NUL-terminated UTF-8:
 * the character itself, or its visible form (^[, <U+0085>, <U+202E>, or
 * U+FFFD). Returns the columns it takes; *visible is set to 1 when the form
 * stands for a character that is not shown as it is. */
int textwidth_visible(uint32_t cp, char out[TEXTWIDTH_VISIBLE_MAX], int *visible);

/* Returns the columns code point cp takes on the terminal as tenken draws
 * it (its visible form for a control): ^X 2, <U+0085> 8, a combining
 * mark 0. */
int textwidth_cp(uint32_t cp);

/* Writes the UTF-8 encoding of cp (at most U+10FFFF) to out; returns the
 * bytes written, 1 to 4. */
size_t textwidth_encode(uint32_t cp, char out[4]);

/* Whether s (len bytes) may be stored as text -- an answer, or a text of a
 * checklist: valid UTF-8 holding no control or format character but
 * newline and tab. Returns TEXTWIDTH_TEXT if it may, else the kind of the
 * first offender (TEXTWIDTH_INVALID for invalid UTF-8 or a surrogate) with
 * *bad_offset set to its byte offset and *bad_cp to its code point
 * (U+FFFD for invalid UTF-8); either pointer may be NULL. */
enum textwidth_kind textwidth_storable(const char *s, size_t len, size_t *bad_offset,
				       uint32_t *bad_cp);

/* Returns the display width of the UTF-8 string s in columns. */
size_t textwidth_str(const char *s);

/* Returns a newly allocated copy of s that is safe to send to a terminal:
 * every code point as textwidth_visible shows it, newlines kept, tabs a
 * space. Returns NULL if memory runs out. */
char *textwidth_sanitize(const char *s);

/* Japanese line breaking (kinsoku), the one rule for every text tenken
 * wraps: whether cp may not begin a line (。、）」』】・ー, small kana, ...),
 * whether it may not end one (（「『【, ...), and whether a line may break
 * between before and after. */
int textwidth_no_line_start(uint32_t cp);
int textwidth_no_line_end(uint32_t cp);
int textwidth_can_break(uint32_t before, uint32_t after);
/* The same on one line: a newline shown as a space too, for a message that
 * quotes a text. Returns NULL if memory runs out. */
char *textwidth_sanitize_line(const char *s);

/* Drops an incomplete UTF-8 sequence at the end of s, such as snprintf
 * leaves when it cuts a text to fit a buffer. Returns the new length. */
size_t textwidth_cut(char *s);

/* One line of wrapped text: a byte range into the sanitized source. */
struct textwidth_line {
	size_t start;
	size_t len;
};

/* Wraps the sanitized UTF-8 text s into lines of at most width columns,
 * breaking at newlines, at spaces where the line would overflow, or between
 * any two characters of Japanese text where textwidth_can_break allows
 * (a line breaks earlier rather than begin with 。 or end with 「, unless
 * nothing else fits); never inside a character. Stores up
 * to max lines in out and returns the number of lines the text needs
 * (which may exceed max). An empty string is one empty line. */
size_t textwidth_wrap(const char *s, int width, struct textwidth_line *out, size_t max);

#endif
