/* csv_read: a CSV file into rows of fields. */
#include "config.h"

#include "csv_read.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "gettext.h"
#include "textwidth.h"

struct parser {
	const char *name;
	const char *s;
	size_t len, i;
	size_t line, col; /* where i is: 1-based, the column in characters */
	struct csv_table *t;
	char *field;
	size_t flen, fcap;
	char *err;
	size_t errlen;
};

static void fail(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct parser *p, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "%s:%zu:%zu: %s", p->name, p->line, p->col, msg);
}

void csv_free(struct csv_table *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t f = 0; f < t->rows[r].n; f++)
			free(t->rows[r].fields[f]);
		free(t->rows[r].fields);
	}
	free(t->rows);
	free(t);
}

/* Moves past one byte, keeping the line and column. */
static char next(struct parser *p)
{
	char c = p->s[p->i++];

	if (c == '\n')
		p->line++, p->col = 1;
	else if (((unsigned char)c & 0xC0) != 0x80)
		p->col++;
	return c;
}

static int add_byte(struct parser *p, char c)
{
	if (p->flen + 1 >= p->fcap) {
		size_t cap = p->fcap ? p->fcap * 2 : 64;
		char *f;
		if (p->flen + 1 > CSV_MAX_FIELD) {
			fail(p, _("a field longer than %d bytes"), CSV_MAX_FIELD);
			return -1;
		}
		if (!(f = realloc(p->field, cap))) {
			fail(p, "%s", _("out of memory"));
			return -1;
		}
		p->field = f;
		p->fcap = cap;
	}
	p->field[p->flen++] = c;
	return 0;
}

/* Ends the field read so far and adds it to the last row. */
static int end_field(struct parser *p)
{
	struct csv_row *row = &p->t->rows[p->t->n_rows - 1];
	char **fields, *copy;

	if (row->n == CSV_MAX_FIELDS) {
		fail(p, _("more than %d fields in a row"), CSV_MAX_FIELDS);
		return -1;
	}
	if (!(copy = malloc(p->flen + 1)) ||
	    !(fields = realloc(row->fields, (row->n + 1) * sizeof *fields))) {
		free(copy);
		fail(p, "%s", _("out of memory"));
		return -1;
	}
	memcpy(copy, p->field ? p->field : "", p->flen);
	copy[p->flen] = '\0';
	row->fields = fields;
	row->fields[row->n++] = copy;
	p->flen = 0;
	return 0;
}

static int start_row(struct parser *p)
{
	struct csv_row *rows;

	if (p->t->n_rows == CSV_MAX_ROWS) {
		fail(p, _("more than %d rows"), CSV_MAX_ROWS);
		return -1;
	}
	if (!(rows = realloc(p->t->rows, (p->t->n_rows + 1) * sizeof *rows))) {
		fail(p, "%s", _("out of memory"));
		return -1;
	}
	p->t->rows = rows;
	rows[p->t->n_rows++] = (struct csv_row){NULL, 0, p->line};
	return 0;
}

/* A quoted field: "" is a quote; CRLF inside becomes a line break. */
static int quoted_field(struct parser *p)
{
	size_t line = p->line, col = p->col;

	next(p); /* the opening quote */
	for (;;) {
		if (p->i == p->len) {
			p->line = line, p->col = col;
			fail(p, "%s", _("a quoted field is not closed"));
			return -1;
		}
		char c = next(p);
		if (c == '"') {
			if (p->i < p->len && p->s[p->i] == '"')
				c = next(p);
			else
				break;
		} else if (c == '\r' && p->i < p->len && p->s[p->i] == '\n') {
			continue; /* CRLF: the LF follows */
		}
		if (add_byte(p, c) != 0)
			return -1;
	}
	if (p->i < p->len && p->s[p->i] != ',' && p->s[p->i] != '\n' && p->s[p->i] != '\r') {
		fail(p, "%s", _("text after the closing quote of a field"));
		return -1;
	}
	return 0;
}

static int plain_field(struct parser *p)
{
	while (p->i < p->len && p->s[p->i] != ',' && p->s[p->i] != '\n' && p->s[p->i] != '\r') {
		if (p->s[p->i] == '"') {
			fail(p, "%s", _("a quote inside a field that does not start with one"));
			return -1;
		}
		if (add_byte(p, next(p)) != 0)
			return -1;
	}
	return 0;
}

/* Parses the whole text into p->t. Returns 0 or -1. */
static int parse(struct parser *p)
{
	while (p->i < p->len) {
		if (start_row(p) != 0)
			return -1;
		for (;;) {
			int rc = p->i < p->len && p->s[p->i] == '"' ? quoted_field(p)
								    : plain_field(p);
			if (rc != 0 || end_field(p) != 0)
				return -1;
			if (p->i == p->len)
				return 0;
			char c = next(p);
			if (c == ',')
				continue;
			if (c == '\r' && p->i < p->len && p->s[p->i] == '\n')
				next(p);
			break; /* the end of the row */
		}
	}
	return 0;
}

/* Converts Shift_JIS (CP932) to UTF-8. Returns the new text, or NULL if it
 * is not valid CP932 either. */
static char *from_cp932(const char *s, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	size_t cap = len * 3 + 1, in_left = len, out_left = cap;
	char *out = malloc(cap), *copy = malloc(len + 1), *in = copy, *o = out;

	/* iconv takes the input as char **: it works on a copy. */
	if (cd == (iconv_t)-1 || !out || !copy) {
		free(out);
		out = NULL;
	} else {
		memcpy(copy, s, len);
		if (iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
			free(out);
			out = NULL;
		} else {
			*outlen = (size_t)(o - out);
			out[*outlen] = '\0';
		}
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	free(copy);
	return out;
}

struct csv_table *csv_read_buffer(const char *name, const char *buf, size_t len, char *err,
				  size_t errlen)
{
	struct parser p = {name, buf, len, 0, 1, 1, NULL, NULL, 0, 0, err, errlen};
	char *converted = NULL;
	size_t bad;
	int cp932 = 0;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		p.i = 3;
	} else if (!textwidth_valid_utf8(buf, len, &bad)) {
		size_t clen;
		if (!(converted = from_cp932(buf, len, &clen))) {
			snprintf(err, errlen, _("%s: neither UTF-8 nor Shift_JIS (CP932) text"),
				 name);
			return NULL;
		}
		p.s = converted;
		p.len = clen;
		cp932 = 1;
	}
	if (!(p.t = calloc(1, sizeof *p.t))) {
		snprintf(err, errlen, "%s: %s", name, _("out of memory"));
		free(converted);
		return NULL;
	}
	p.t->converted = cp932;
	if (parse(&p) != 0) {
		csv_free(p.t);
		p.t = NULL;
	}
	free(p.field);
	free(converted);
	return p.t;
}

struct csv_table *csv_read(const char *path, char *err, size_t errlen)
{
	int fd = fileio_open_read(path, err, errlen);
	struct stat sb;
	struct csv_table *t = NULL;
	char *buf = NULL;
	ssize_t n;
	size_t got = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	} else if (sb.st_size > CSV_MAX_BYTES) {
		snprintf(err, errlen, _("%s: larger than %d bytes"), path, CSV_MAX_BYTES);
	} else if (!(buf = malloc((size_t)sb.st_size + 1))) {
		snprintf(err, errlen, "%s: %s", path, _("out of memory"));
	} else {
		while (got < (size_t)sb.st_size &&
		       (n = read(fd, buf + got, (size_t)sb.st_size - got)) > 0)
			got += (size_t)n;
		t = csv_read_buffer(path, buf, got, err, errlen);
	}
	close(fd);
	free(buf);
	return t;
}
