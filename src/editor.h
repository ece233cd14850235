/* editor: the answer editor's text and cursor, in wide characters, with
 * no curses: insertion, deletion, movement by character and by screen row,
 * and the layout of the text in rows of a given display width. */
#ifndef TENKEN_EDITOR_H
#define TENKEN_EDITOR_H

#include <stddef.h>
#include <wchar.h>

/* The most characters an answer may have. */
#define EDITOR_MAX_CHARS 65536

struct editor {
	wchar_t *buf; /* the text, not NUL-terminated */
	size_t len, cap;
	size_t cursor; /* 0..len */
	int modified;  /* changed since editor_init */
};

/* Starts an editor on utf8 (NULL: empty), invalid bytes as U+FFFD and
 * control characters other than newline dropped, the cursor at the end.
 * Returns 0, or -1 if memory runs out or the text is too long. */
int editor_init(struct editor *ed, const char *utf8);

/* Frees the text. The editor may be initialized again. */
void editor_free(struct editor *ed);

/* Inserts wc at the cursor: '\r' as a newline, a tab as a space; other
 * control characters are ignored. Returns 0, or -1 if the text is full. */
int editor_insert(struct editor *ed, wchar_t wc);

/* Inserts n wide characters at the cursor as editor_insert would each
 * (a run of typed keys), moving the text after the cursor once. Inserts
 * nothing and returns -1 if the result would be too long. */
int editor_insert_wide(struct editor *ed, const wchar_t *w, size_t n);

/* Inserts len bytes of UTF-8 (a paste, an input method's text), CRLF as one
 * newline. Inserts nothing and returns -1 if the result would be too long. */
int editor_insert_utf8(struct editor *ed, const char *s, size_t len);

/* Deletes the character before the cursor (with its combining marks). */
void editor_backspace(struct editor *ed);

/* Deletes the character under the cursor (with its combining marks). */
void editor_delete(struct editor *ed);

/* Moves one character left or right. */
void editor_left(struct editor *ed);
void editor_right(struct editor *ed);

/* Moves to the start or end of the line (Home/Ctrl-A, End/Ctrl-E). */
void editor_home(struct editor *ed);
void editor_end(struct editor *ed);

/* Deletes to the end of the line, or the newline at its end (Ctrl-K). */
void editor_kill_to_end(struct editor *ed);

/* Deletes from the start of the line to the cursor (Ctrl-U). */
void editor_kill_to_start(struct editor *ed);

/* Moves one screen row up or down in rows of width columns, keeping the
 * column as far as the row allows. */
void editor_up(struct editor *ed, int width);
void editor_down(struct editor *ed, int width);

/* Returns the text as newly allocated UTF-8, or NULL if memory runs out. */
char *editor_text(const struct editor *ed);

/* One screen row: a range of buf and its width in columns. */
struct editor_line {
	size_t start, len;
	int width;
};

/* Lays the text out in rows of at most width columns, breaking at newlines
 * and where the next character would not fit. Stores up to max rows in out
 * and returns the number of rows. Empty text is one empty row. */
size_t editor_layout(const struct editor *ed, int width, struct editor_line *out, size_t max);

/* Gives the row and column of the cursor in that layout. */
void editor_cursor_pos(const struct editor *ed, int width, size_t *row, int *col);

#endif
