/* ui_doc: a document of wrapped rows grouped in blocks, scrolled with a
 * cursor on one selectable block. The list, item and help views are each
 * one document; only the rows on screen are drawn. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "textwidth.h"
#include "ui_doc.h"
#include "ui_view.h"

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t cap2 = *cap ? *cap * 2 : 64;
	while (cap2 < need)
		cap2 *= 2;
	void *q = realloc(p, cap2 * size);
	if (!q)
		abort(); /* the interface cannot draw without its rows */
	*cap = cap2;
	return q;
}

void doc_clear(struct doc *d)
{
	for (size_t i = 0; i < d->n_pool; i++)
		free(d->pool[i]);
	d->n_pool = d->n_rows = d->n_blocks = 0;
	d->spot = DOC_NO_ROW;
}

void doc_free(struct doc *d)
{
	doc_clear(d);
	free(d->pool);
	free(d->rows);
	free(d->blocks);
	memset(d, 0, sizeof *d);
}

/* Keeps a sanitized copy of s in the document; returns it. */
static char *doc_keep(struct doc *d, const char *s)
{
	char *c = textwidth_sanitize(s ? s : "");

	if (!c)
		abort();
	d->pool = grow(d->pool, &d->cap_pool, d->n_pool + 1, sizeof *d->pool);
	d->pool[d->n_pool++] = c;
	return c;
}

size_t doc_block(struct doc *d, enum block_kind kind, size_t ref, int selectable)
{
	d->blocks = grow(d->blocks, &d->cap_blocks, d->n_blocks + 1, sizeof *d->blocks);
	d->blocks[d->n_blocks] = (struct block){d->n_rows, 0, kind, ref, selectable};
	return d->n_blocks++;
}

static struct row *doc_row(struct doc *d)
{
	d->rows = grow(d->rows, &d->cap_rows, d->n_rows + 1, sizeof *d->rows);
	struct row *r = &d->rows[d->n_rows++];
	memset(r, 0, sizeof *r);
	r->block = d->n_blocks - 1;
	d->blocks[r->block].n++;
	return r;
}

size_t doc_text_right(struct doc *d, int x, int right, const char *text, int attr)
{
	const char *s = doc_keep(d, text);
	struct textwidth_line stackbuf[32], *lines = stackbuf;
	int avail = d->width - x - right;
	size_t n, first = d->n_rows;

	if (avail < 8)
		avail = 8;
	n = textwidth_wrap(s, avail, lines, 32);
	if (n > 32) {
		lines = malloc(n * sizeof *lines);
		if (!lines)
			abort();
		textwidth_wrap(s, avail, lines, n);
	}
	for (size_t i = 0; i < n; i++) {
		struct row *r = doc_row(d);
		r->s = s + lines[i].start;
		r->len = lines[i].len;
		r->x = x;
		r->attr = attr;
	}
	if (lines != stackbuf)
		free(lines);
	return first;
}

size_t doc_text(struct doc *d, int x, const char *text, int attr)
{
	return doc_text_right(d, x, 0, text, attr);
}

/* Keeps p, allocated, until the document is cleared. */
static void doc_keep_block(struct doc *d, void *p)
{
	d->pool = grow(d->pool, &d->cap_pool, d->n_pool + 1, sizeof *d->pool);
	d->pool[d->n_pool++] = p;
}

/* Gives each row from first on the ranges of marks (bytes of the text the
 * rows were wrapped from, at base) that fall in it. */
static void doc_mark_rows(struct doc *d, size_t first, const char *base,
			  const struct doc_mark *marks, size_t n)
{
	for (size_t i = first; i < d->n_rows; i++) {
		struct row *r = &d->rows[i];
		size_t from = (size_t)(r->s - base), to = from + r->len, k = 0;
		struct doc_mark *m = calloc(n ? n : 1, sizeof *m);
		if (!m)
			abort();
		for (size_t j = 0; j < n; j++)
			if (marks[j].start < to && marks[j].end > from)
				m[k++] = (struct doc_mark){
					(marks[j].start > from ? marks[j].start : from) - from,
					(marks[j].end < to ? marks[j].end : to) - from,
					marks[j].attr};
		doc_keep_block(d, m);
		r->marks = m;
		r->n_marks = k;
	}
}

/* The row of the rows from first on (wrapped from the text at base) that
 * byte at of the text falls in: the first that ends after it. */
static size_t row_of_byte(const struct doc *d, size_t first, const char *base, size_t at)
{
	size_t i = first;

	while (i + 1 < d->n_rows && (size_t)(d->rows[i].s - base) + d->rows[i].len <= at)
		i++;
	return i;
}

size_t doc_text_runs_at(struct doc *d, int x, int right, const struct doc_run *runs, size_t n,
			int attr, size_t *run_rows)
{
	char **clean = calloc(n ? n : 1, sizeof *clean), *all;
	struct doc_mark *marks = calloc(n ? n : 1, sizeof *marks);
	size_t len = 0, first, at = 0;
	const char *base;

	if (!clean || !marks)
		abort();
	for (size_t i = 0; i < n; i++) {
		char *raw = strndup(runs[i].s, runs[i].len);
		if (!raw || !(clean[i] = textwidth_sanitize(raw)))
			abort();
		free(raw);
		len += strlen(clean[i]);
	}
	all = malloc(len + 1);
	if (!all)
		abort();
	all[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		marks[i] = (struct doc_mark){at, at + strlen(clean[i]), runs[i].attr};
		at = marks[i].end;
		strcat(all, clean[i]);
		free(clean[i]);
	}
	first = doc_text_right(d, x, right, all, attr);
	base = d->pool[d->n_pool - 1];
	for (size_t i = 0; run_rows && i < n; i++)
		run_rows[i] = row_of_byte(d, first, base, marks[i].start);
	doc_mark_rows(d, first, base, marks, n);
	free(all);
	free(marks);
	free(clean);
	return first;
}

size_t doc_text_runs(struct doc *d, int x, const struct doc_run *runs, size_t n, int attr)
{
	return doc_text_runs_at(d, x, 0, runs, n, attr, NULL);
}

void doc_decorate(struct doc *d, size_t row, int prefix_x, const char *prefix, int prefix_attr,
		  const char *suffix)
{
	struct row *r = &d->rows[row];

	r->prefix_x = prefix_x;
	r->prefix = prefix ? doc_keep(d, prefix) : NULL;
	r->prefix_attr = prefix_attr;
	r->suffix = suffix ? doc_keep(d, suffix) : NULL;
}

static size_t max_top(const struct doc *d, int rows)
{
	return d->n_rows > (size_t)rows ? d->n_rows - (size_t)rows : 0;
}

/* Keeps top within the document after a rebuild or resize. */
static void clamp(struct doc *d, int rows)
{
	if (d->top > max_top(d, rows))
		d->top = max_top(d, rows);
	if (d->cursor >= d->n_blocks)
		d->cursor = d->n_blocks ? d->n_blocks - 1 : 0;
}

void doc_ensure_visible(struct doc *d, int rows)
{
	clamp(d, rows);
	if (!d->n_blocks)
		return;
	const struct block *b = &d->blocks[d->cursor];
	size_t first = b->first, last = b->first + (b->n ? b->n - 1 : 0);

	/* Show the heading just above the first item of a section too. */
	if (d->cursor > 0 && !d->blocks[d->cursor - 1].selectable &&
	    last - d->blocks[d->cursor - 1].first < (size_t)rows)
		first = d->blocks[d->cursor - 1].first;
	if (last >= d->top + (size_t)rows)
		d->top = last + 1 - (size_t)rows;
	if (first < d->top || b->n > (size_t)rows)
		d->top = first;
	clamp(d, rows);
}

/* Returns the next selectable block after (dir > 0) or before cur, or cur. */
static size_t next_selectable(const struct doc *d, size_t cur, int dir)
{
	for (size_t i = cur; dir > 0 ? i + 1 < d->n_blocks : i > 0;) {
		i = dir > 0 ? i + 1 : i - 1;
		if (d->blocks[i].selectable)
			return i;
	}
	return cur;
}

void doc_move(struct doc *d, int rows, long by)
{
	int dir = by > 0 ? 1 : -1;

	for (long k = 0; k < labs(by); k++) {
		const struct block *b = &d->blocks[d->cursor];
		/* A block taller than the screen is read a row at a time first. */
		if (dir > 0 && b->first + b->n > d->top + (size_t)rows) {
			d->top++;
			continue;
		}
		if (dir < 0 && b->first < d->top) {
			d->top--;
			continue;
		}
		size_t n = next_selectable(d, d->cursor, dir);
		if (n == d->cursor) {
			/* At either end, show what remains of the document. */
			d->top = dir > 0 ? max_top(d, rows) : 0;
			return;
		}
		d->cursor = n;
		doc_ensure_visible(d, rows);
	}
}

void doc_select(struct doc *d, int rows, size_t block)
{
	d->cursor = block;
	doc_ensure_visible(d, rows);
}

void doc_show_row(struct doc *d, int rows, size_t row)
{
	size_t b = d->rows[row].block, first;

	while (b > 0 && !d->blocks[b].selectable)
		b--;
	if (d->blocks[b].selectable)
		d->cursor = b;
	first = d->blocks[b].selectable ? d->blocks[b].first : row;
	if (row < d->top || row >= d->top + (size_t)rows)
		d->top = row - first < (size_t)rows ? first : row;
	clamp(d, rows);
}

/* Selects the first selectable block that starts on screen, if any. */
static void select_on_screen(struct doc *d, int rows, int last)
{
	size_t best = d->cursor;
	int found = 0;

	for (size_t i = 0; i < d->n_blocks; i++) {
		const struct block *b = &d->blocks[i];
		if (!b->selectable || b->first < d->top || b->first >= d->top + (size_t)rows)
			continue;
		best = i;
		found = 1;
		if (!last)
			break;
	}
	if (found)
		d->cursor = best;
}

void doc_page(struct doc *d, int rows, int down)
{
	size_t page = rows > 2 ? (size_t)rows - 1 : 1;

	if (down) {
		if (d->top == max_top(d, rows)) {
			select_on_screen(d, rows, 1);
			return;
		}
		d->top = d->top + page > max_top(d, rows) ? max_top(d, rows) : d->top + page;
	} else {
		if (d->top == 0) {
			select_on_screen(d, rows, 0);
			return;
		}
		d->top = d->top > page ? d->top - page : 0;
	}
	select_on_screen(d, rows, 0);
}

int doc_scroll_actions(struct doc *d, int rows, enum action act)
{
	if (act < ACT_DOWN || act > ACT_BOTTOM)
		return 0;
	if (!d->n_blocks)
		return 1;
	switch (act) {
	case ACT_DOWN:
		doc_move(d, rows, 1);
		break;
	case ACT_UP:
		doc_move(d, rows, -1);
		break;
	case ACT_PAGE_DOWN:
		doc_page(d, rows, 1);
		break;
	case ACT_PAGE_UP:
		doc_page(d, rows, 0);
		break;
	case ACT_TOP:
		d->cursor = next_selectable(d, 0, 1);
		if (d->blocks[0].selectable)
			d->cursor = 0;
		d->top = 0;
		break;
	case ACT_BOTTOM:
		d->cursor = next_selectable(d, d->n_blocks - 1, -1);
		if (d->blocks[d->n_blocks - 1].selectable)
			d->cursor = d->n_blocks - 1;
		d->top = max_top(d, rows);
		break;
	default:
		break;
	}
	return 1;
}

/* A row's text, each of its marked ranges in the range's attribute. */
static void draw_row_text(const int *attrs, const struct row *r, WINDOW *w, int y, int cols)
{
	int x = r->x;
	size_t at = 0;

	for (size_t k = 0; k <= r->n_marks; k++) {
		size_t end = k < r->n_marks ? r->marks[k].start : r->len;
		if (end > at)
			x += ui_put(w, y, x, r->s + at, end - at, cols - x, attrs[r->attr]);
		if (k == r->n_marks)
			break;
		x += ui_put(w, y, x, r->s + r->marks[k].start, r->marks[k].end - r->marks[k].start,
			    cols - x, attrs[r->marks[k].attr]);
		at = r->marks[k].end;
	}
}

void doc_draw(const int *attrs, struct doc *d, WINDOW *w)
{
	int rows = getmaxy(w), cols = getmaxx(w);

	clamp(d, rows);
	/* Blanks in the attribute of plain text: between a mark and the text
	   after it, curses then changes no attribute. */
	wbkgdset(w, (chtype)attrs[ATTR_NORMAL] | ' ');
	werase(w);
	for (int y = 0; y < rows && d->top + (size_t)y < d->n_rows; y++) {
		const struct row *r = &d->rows[d->top + (size_t)y];
		const struct block *b = &d->blocks[r->block];
		int sel = b->selectable && r->block == d->cursor;
		int first = d->top + (size_t)y == b->first;

		/* The cursor is a ">" in the left margin, not the whole row, and
		 * in the attribute of plain text: a move then repaints one cell
		 * per row and changes no attribute (bench/, BENCHMARKS.md). */
		int bar = 1;
		if (sel && first) {
			wattrset(w, attrs[ATTR_NORMAL]);
			mvwhline(w, y, 0, '>', bar);
		}
		if (d->top + (size_t)y == d->spot) {
			wattrset(w, attrs[ATTR_NORMAL] | A_REVERSE);
			mvwhline(w, y, 0, '>', bar);
		}
		if (first && r->prefix)
			ui_put(w, y, r->prefix_x, r->prefix, strlen(r->prefix), cols - r->prefix_x,
			       attrs[r->prefix_attr]);
		if (r->mark) {
			char m[4];
			status_mark((enum status)(r->mark - 1), m);
			ui_put(w, y, r->mark_x, m, 3, cols - r->mark_x,
			       attrs[ATTR_STATUS + r->mark - 1]);
		}
		draw_row_text(attrs, r, w, y, cols);
		if (first && r->suffix) {
			int sw = (int)textwidth_str(r->suffix);
			if (sw < cols)
				ui_put(w, y, cols - sw, r->suffix, strlen(r->suffix), sw,
				       attrs[ATTR_NORMAL]);
		}
	}
	wattrset(w, A_NORMAL);
}

int doc_scroll_rows(struct doc *d, int rows, enum action act)
{
	size_t page = rows > 2 ? (size_t)rows - 1 : 1, end = max_top(d, rows);

	if (act < ACT_DOWN || act > ACT_BOTTOM)
		return 0;
	switch (act) {
	case ACT_DOWN:
		d->top += d->top < end;
		break;
	case ACT_UP:
		d->top -= d->top > 0;
		break;
	case ACT_PAGE_DOWN:
		d->top = d->top + page < end ? d->top + page : end;
		break;
	case ACT_PAGE_UP:
		d->top = d->top > page ? d->top - page : 0;
		break;
	case ACT_TOP:
		d->top = 0;
		break;
	case ACT_BOTTOM:
		d->top = end;
		break;
	default:
		break;
	}
	return 1;
}
