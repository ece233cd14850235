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

/* Decodes one UTF-8 character from s (at most len bytes) into *cp.
 * Returns the bytes consumed (1..4); an invalid or truncated sequence
 * consumes 1 byte and yields U+FFFD. len must be at least 1. */
size_t textwidth_decode(const char *s, size_t len, uint32_t *cp);

/* Returns true if s (len bytes) is valid UTF-8; on failure *bad_offset is
 * set to the byte offset of the first invalid sequence. */
int textwidth_valid_utf8(const char *s, size_t len, size_t *bad_offset);

/* Returns the columns code point cp takes on the terminal as tenken draws
 * it: a control character is drawn as ^X (2 columns), a combining mark 0. */
int textwidth_cp(uint32_t cp);

/* Returns the display width of the UTF-8 string s in columns. */
size_t textwidth_str(const char *s);

/* Returns a newly allocated copy of s that is safe to send to a terminal:
 * invalid UTF-8 becomes U+FFFD, control characters other than newline
 * become ^X (DEL as ^?, C1 controls as <U+0085>), tabs become a space.
 * Returns NULL if memory runs out. */
char *textwidth_sanitize(const char *s);

/* One line of wrapped text: a byte range into the sanitized source. */
struct textwidth_line {
	size_t start;
	size_t len;
};

/* Wraps the sanitized UTF-8 text s into lines of at most width columns,
 * breaking at newlines, at spaces where the line would overflow, or between
 * any two characters of Japanese text; never inside a character. Stores up
 * to max lines in out and returns the number of lines the text needs
 * (which may exceed max). An empty string is one empty line. */
size_t textwidth_wrap(const char *s, int width, struct textwidth_line *out, size_t max);

#endif
