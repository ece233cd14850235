/* editor: the answer editor's text and cursor, no curses. */
#include "config.h"

#include "editor.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "textwidth.h"

/* Whether wc may be in an answer: text, or a newline (a tab is a space by
 * then). The rule is the text module's, as for every stored text. */
static int allowed(uint32_t wc)
{
	enum textwidth_kind k = textwidth_kind(wc);

	return k == TEXTWIDTH_TEXT || k == TEXTWIDTH_NEWLINE;
}

static int width_of(wchar_t wc)
{
	return textwidth_cp((uint32_t)wc);
}

static int reserve(struct editor *ed, size_t more)
{
	if (ed->len + more > EDITOR_MAX_CHARS)
		return -1;
	if (ed->len + more <= ed->cap)
		return 0;
	size_t cap = ed->cap ? ed->cap : 64;
	while (cap < ed->len + more)
		cap *= 2;
	wchar_t *p = realloc(ed->buf, cap * sizeof *p);
	if (!p)
		return -1;
	ed->buf = p;
	ed->cap = cap;
	return 0;
}

/* Inserts n characters at the cursor. */
static int insert_n(struct editor *ed, const wchar_t *w, size_t n)
{
	if (!n)
		return 0;
	if (reserve(ed, n) != 0)
		return -1;
	memmove(ed->buf + ed->cursor + n, ed->buf + ed->cursor,
		(ed->len - ed->cursor) * sizeof *ed->buf);
	memcpy(ed->buf + ed->cursor, w, n * sizeof *w);
	ed->len += n;
	ed->cursor += n;
	ed->modified = 1;
	return 0;
}

/* Deletes buf[from, to) and puts the cursor at from. */
static void erase(struct editor *ed, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(ed->buf + from, ed->buf + to, (ed->len - to) * sizeof *ed->buf);
	ed->len -= to - from;
	ed->cursor = from;
	ed->modified = 1;
}

int editor_init(struct editor *ed, const char *utf8)
{
	memset(ed, 0, sizeof *ed);
	if (utf8 && editor_insert_utf8(ed, utf8, strlen(utf8)) != 0) {
		editor_free(ed);
		return -1;
	}
	ed->modified = 0;
	return 0;
}

void editor_free(struct editor *ed)
{
	free(ed->buf);
	memset(ed, 0, sizeof *ed);
}

/* What a typed or pasted character becomes in an answer: Enter (CR) a
 * newline, Tab a space (one rule for every way text comes in). */
static uint32_t as_typed(uint32_t cp)
{
	if (cp == '\r')
		return '\n';
	if (cp == '\t')
		return ' ';
	return cp;
}

int editor_insert(struct editor *ed, wchar_t wc)
{
	wc = (wchar_t)as_typed((uint32_t)wc);
	if (!allowed((uint32_t)wc))
		return 0;
	return insert_n(ed, &wc, 1);
}

int editor_insert_wide(struct editor *ed, const wchar_t *w, size_t n)
{
	wchar_t *kept = malloc((n + 1) * sizeof *kept);
	size_t k = 0;
	int rc;

	if (!kept)
		return -1;
	for (size_t i = 0; i < n; i++) {
		wchar_t wc = (wchar_t)as_typed((uint32_t)w[i]);
		if (allowed((uint32_t)wc))
			kept[k++] = wc;
	}
	rc = ed->len + k > EDITOR_MAX_CHARS ? -1 : insert_n(ed, kept, k);
	free(kept);
	return rc;
}

int editor_insert_utf8(struct editor *ed, const char *s, size_t len)
{
	wchar_t *w = malloc((len + 1) * sizeof *w);
	size_t n = 0;
	int rc;

	if (!w)
		return -1;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += textwidth_decode(s + i, len - i, &cp);
		if (cp == '\r' && i < len && s[i] == '\n')
			continue; /* CRLF: the LF follows */
		cp = as_typed(cp);
		if (allowed(cp))
			w[n++] = (wchar_t)cp;
	}
	rc = ed->len + n > EDITOR_MAX_CHARS ? -1 : insert_n(ed, w, n);
	free(w);
	return rc;
}

void editor_left(struct editor *ed)
{
	if (ed->cursor == 0)
		return;
	ed->cursor--;
	/* Onto the base character of a combining sequence. */
	while (ed->cursor > 0 && ed->buf[ed->cursor] != '\n' && width_of(ed->buf[ed->cursor]) == 0)
		ed->cursor--;
}

void editor_right(struct editor *ed)
{
	if (ed->cursor == ed->len)
		return;
	ed->cursor++;
	while (ed->cursor < ed->len && ed->buf[ed->cursor] != '\n' &&
	       width_of(ed->buf[ed->cursor]) == 0)
		ed->cursor++;
}

void editor_backspace(struct editor *ed)
{
	size_t end = ed->cursor;

	editor_left(ed);
	erase(ed, ed->cursor, end);
}

void editor_delete(struct editor *ed)
{
	size_t start = ed->cursor;

	editor_right(ed);
	erase(ed, start, ed->cursor);
}

void editor_home(struct editor *ed)
{
	while (ed->cursor > 0 && ed->buf[ed->cursor - 1] != '\n')
		ed->cursor--;
}

void editor_end(struct editor *ed)
{
	while (ed->cursor < ed->len && ed->buf[ed->cursor] != '\n')
		ed->cursor++;
}

void editor_kill_to_end(struct editor *ed)
{
	size_t start = ed->cursor;

	if (start < ed->len && ed->buf[start] == '\n') {
		erase(ed, start, start + 1);
		return;
	}
	editor_end(ed);
	erase(ed, start, ed->cursor);
}

void editor_kill_to_start(struct editor *ed)
{
	size_t end = ed->cursor;

	editor_home(ed);
	erase(ed, ed->cursor, end);
}

static void put_row(struct editor_line *out, size_t max, size_t n, size_t start, size_t len, int w)
{
	if (n < max)
		out[n] = (struct editor_line){start, len, w};
}

/* Whether a row may begin at buf[at]: not inside a combining sequence,
 * and where the kinsoku rule allows. */
static int row_break(const struct editor *ed, size_t at)
{
	return width_of(ed->buf[at]) > 0 &&
	       textwidth_can_break((uint32_t)ed->buf[at - 1], (uint32_t)ed->buf[at]);
}

size_t editor_layout(const struct editor *ed, int width, struct editor_line *out, size_t max)
{
	size_t n = 0, start = 0;
	int w = 0;

	if (width < 2)
		width = 2;
	for (size_t i = 0; i < ed->len; i++) {
		wchar_t c = ed->buf[i];
		if (c == '\n') {
			put_row(out, max, n++, start, i - start, w);
			start = i + 1;
			w = 0;
			continue;
		}
		int cw = width_of(c);
		if (w + cw > width && i > start) {
			/* Kinsoku: the row ends earlier rather than leave 。 to
			 * begin the next or 「 to end this one (as textwidth_wrap
			 * does), unless that would empty it. */
			size_t at = i;
			while (at > start + 1 && !row_break(ed, at))
				at--;
			if (!row_break(ed, at))
				at = i;
			w = 0;
			for (size_t k = start; k < at; k++)
				w += width_of(ed->buf[k]);
			put_row(out, max, n++, start, at - start, w);
			start = at;
			w = 0;
			for (size_t k = at; k < i; k++)
				w += width_of(ed->buf[k]);
		}
		w += cw;
	}
	put_row(out, max, n++, start, ed->len - start, w);
	/* A last row filled to the edge: the cursor after it goes below. */
	if (w >= width)
		put_row(out, max, n++, ed->len, 0, 0);
	return n;
}

/* Lays the text out into a new array; *n receives the rows. */
static struct editor_line *layout_all(const struct editor *ed, int width, size_t *n)
{
	struct editor_line *lines;

	*n = editor_layout(ed, width, NULL, 0);
	lines = malloc(*n * sizeof *lines);
	if (lines)
		editor_layout(ed, width, lines, *n);
	return lines;
}

/* The row holding position pos: where a row ends and the next begins at
 * the same place (a wrap), the later row. */
static size_t row_of(const struct editor_line *lines, size_t n, size_t pos)
{
	size_t r = 0;

	while (r + 1 < n && lines[r + 1].start <= pos)
		r++;
	return r;
}

static int cols_between(const struct editor *ed, size_t from, size_t to)
{
	int w = 0;

	for (size_t i = from; i < to; i++)
		w += width_of(ed->buf[i]);
	return w;
}

void editor_cursor_pos(const struct editor *ed, int width, size_t *row, int *col)
{
	size_t n;
	struct editor_line *lines = layout_all(ed, width, &n);

	*row = 0;
	*col = 0;
	if (!lines)
		return;
	*row = row_of(lines, n, ed->cursor);
	*col = cols_between(ed, lines[*row].start, ed->cursor);
	free(lines);
}

/* Moves to display column col of row r. */
static void to_column(struct editor *ed, const struct editor_line *lines, size_t n, size_t r,
		      int col)
{
	const struct editor_line *l = &lines[r];
	size_t pos = l->start, end = l->start + l->len;
	int w = 0;

	while (pos < end && w + width_of(ed->buf[pos]) <= col) {
		w += width_of(ed->buf[pos]);
		pos++;
	}
	while (pos < end && width_of(ed->buf[pos]) == 0)
		pos++;
	/* The end of a wrapped row is the start of the next: stay on this one. */
	if (pos == end && r + 1 < n && lines[r + 1].start == end && pos > l->start) {
		pos--;
		while (pos > l->start && width_of(ed->buf[pos]) == 0)
			pos--;
	}
	ed->cursor = pos;
}

static void vertical(struct editor *ed, int width, int dir)
{
	size_t n, r;
	int col;
	struct editor_line *lines = layout_all(ed, width, &n);

	if (!lines)
		return;
	r = row_of(lines, n, ed->cursor);
	col = cols_between(ed, lines[r].start, ed->cursor);
	if (dir < 0 && r == 0)
		ed->cursor = 0;
	else if (dir > 0 && r + 1 >= n)
		ed->cursor = ed->len;
	else
		to_column(ed, lines, n, dir < 0 ? r - 1 : r + 1, col);
	free(lines);
}

void editor_up(struct editor *ed, int width)
{
	vertical(ed, width, -1);
}

void editor_down(struct editor *ed, int width)
{
	vertical(ed, width, 1);
}

char *editor_text(const struct editor *ed)
{
	char *out = malloc(ed->len * 4 + 1), *p = out;

	if (!out)
		return NULL;
	for (size_t i = 0; i < ed->len; i++)
		p += textwidth_encode((uint32_t)ed->buf[i], p);
	*p = '\0';
	return out;
}
