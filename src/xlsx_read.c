/* xlsx_read: reads the cells of an XLSX workbook.
 *
 * An XLSX workbook is a zip file of XML parts. The reader opens it with
 * libzip and reads, in this order: xl/workbook.xml (each sheet's name,
 * state and relationship id), xl/_rels/workbook.xml.rels (the part of each
 * sheet and of the shared string table), the shared strings, each sheet,
 * and docProps/custom.xml. A part is decompressed in chunks that go to
 * expat as they come, so none is held whole in memory. Its size is checked
 * in the zip directory before it is opened, and counted while it is read,
 * since the directory can lie.
 *
 * expat never resolves an entity: a part with a DOCTYPE declaration is
 * refused (no workbook part has one), so an entity bomb is refused before
 * its first entity is declared. Elements and attributes are matched by
 * their local name, so both the usual default namespace and prefixed
 * names (<x:c>, written by some libraries) are read. */
#include "config.h"

#include "xlsx_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "fileio.h"
#include "gettext.h"
#include "textwidth.h"

#define WORKBOOK      "xl/workbook.xml"
#define WORKBOOK_RELS "xl/_rels/workbook.xml.rels"
#define STRINGS       "xl/sharedStrings.xml"
#define CUSTOM        "docProps/custom.xml"
#define NS_SEP        '|' /* between a namespace and a local name, in expat's names */
#define CHUNK         (64 * 1024)
#define MAX_ROW       1048576u /* the last row and column a sheet can have */
#define MAX_COL       16384u
#define MIB           (1024 * 1024)

enum part_kind { PART_WORKBOOK, PART_RELS, PART_STRINGS, PART_SHEET, PART_CUSTOM };

/* The text being collected: one cell's, string's or property's. */
struct text {
	char *s;
	size_t len, cap;
};

/* Where the reader is in a string item (<si>, or a cell's <is>): its text
 * is that of its <t> elements, directly or in rich-text runs <r>, but not
 * in phonetic runs <rPh>. */
struct item {
	int active;
	int rph;       /* depth of <rPh> elements */
	int in_t;      /* inside a <t> that counts */
	int preserve;  /* that <t> has xml:space="preserve" */
	size_t t_from; /* where its text starts in the collected text */
};

/* Where the reader is in a sheet. */
struct sheet_pos {
	size_t cap_cells, cap_hidden;
	size_t n_rows;
	uint32_t row, col; /* of the current row and the last cell */
	int in_cell, in_v, has_value;
	const char *type; /* the cell's t attribute, kept until its end */
	char type_buf[16];
	int sorted;
};

struct reader {
	const char *name; /* the file, for messages */
	char *err;
	size_t errlen;
	int failed;
	zip_t *zip;
	size_t total; /* bytes of the parts read, uncompressed */
	XML_Parser parser;
	const char *part;
	enum part_kind kind;
	struct xlsx_book *book;
	const char **rids, **parts; /* each sheet's relationship id and part */
	size_t n_rels;
	const char *strings_part;
	const char **strings;
	size_t n_strings, cap_strings;
	size_t n_cells;
	struct text text;
	struct item item;
	struct xlsx_sheet *sheet; /* the sheet being read */
	struct sheet_pos pos;
	const char *prop_name; /* the custom property being read */
	int prop_depth;        /* of elements inside it, +1 */
};

static void fail(struct reader *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail_xml(struct reader *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets the message "file: what" (the first failure only) and stops expat.
 * The message quotes the workbook (a sheet's name, a cell reference), so
 * it is made safe to show: on one line, control and format characters
 * shown visibly (textwidth_sanitize). */
static void fail(struct reader *rd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (rd->failed)
		return;
	rd->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	textwidth_cut(msg); /* a long name quoted: cut between characters */
	char *safe = textwidth_sanitize(msg);
	for (char *p = safe; p && *p; p++)
		if (*p == '\n')
			*p = ' ';
	snprintf(rd->err, rd->errlen, "%s: %s", rd->name, safe ? safe : msg);
	if (rd->errlen)
		textwidth_cut(rd->err);
	free(safe);
	if (rd->parser)
		XML_StopParser(rd->parser, XML_FALSE);
}

/* Fails at expat's current place: "file: part:line:column: what". */
static void fail_xml(struct reader *rd, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fail(rd, "%s:%lu:%lu: %s", rd->part, (unsigned long)XML_GetCurrentLineNumber(rd->parser),
	     (unsigned long)XML_GetCurrentColumnNumber(rd->parser) + 1, msg);
}

static void fail_memory(struct reader *rd)
{
	fail(rd, "%s", _("out of memory"));
}

/* Fails naming the current cell of the current sheet. */
static void fail_cell_text(struct reader *rd)
{
	char ref[XLSX_REF_MAX];

	xlsx_ref(rd->pos.row, rd->pos.col, ref);
	/* TRANSLATORS: the first %s is a sheet's name, the second a cell
	 * such as F12. */
	fail(rd, _("sheet %s, cell %s: text longer than %d bytes"), rd->sheet->name, ref,
	     XLSX_MAX_TEXT);
}

static char *book_strdup(struct reader *rd, const char *s, size_t len)
{
	char *p = arena_strndup(&rd->book->arena, s, len);

	if (!p)
		fail_memory(rd);
	return p;
}

/* Returns array (of *cap elements of size bytes), grown if needed to hold
 * n + 1 elements, or NULL if memory runs out (array is then unchanged). */
static void *grow(struct reader *rd, void *array, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap * 2 : 64;

	if (n < *cap)
		return array;
	void *q = realloc(array, c * size);
	if (!q) {
		fail_memory(rd);
		return NULL;
	}
	*cap = c;
	return q;
}

/* ---- names, numbers and references ---- */

static const char *local_name(const char *name)
{
	const char *p = strrchr(name, NS_SEP);

	return p ? p + 1 : name;
}

static int is_named(const char *name, const char *local)
{
	return strcmp(local_name(name), local) == 0;
}

/* Returns the value of the attribute whose local name is local, or NULL. */
static const char *attr(const char **atts, const char *local)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (is_named(atts[i], local))
			return atts[i + 1];
	return NULL;
}

static int is_true(const char *v)
{
	return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

/* Parses the decimal digits at s, at most max; stops at the first
 * non-digit and stores where in *end. Returns 0 if there is no digit or
 * the number is over max. */
static int parse_number(const char *s, uint32_t max, uint32_t *out, const char **end)
{
	uint64_t v = 0;
	const char *p = s;

	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (uint64_t)(*p++ - '0');
		if (v > max)
			return 0;
	}
	*out = (uint32_t)v;
	*end = p;
	return p > s;
}

/* Parses an A1-style reference such as "E12" or "AA7". */
static int parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
	uint32_t c = 0;
	const char *end;
	int n = 0;

	for (; *s >= 'A' && *s <= 'Z' && n < 3; s++, n++)
		c = c * 26 + (uint32_t)(*s - 'A' + 1);
	if (n == 0 || c > MAX_COL || !parse_number(s, MAX_ROW, row, &end) || *end || *row == 0)
		return 0;
	*col = c;
	return 1;
}

char *xlsx_ref(uint32_t row, uint32_t col, char out[XLSX_REF_MAX])
{
	char letters[3];
	int n = 0;

	if (row > MAX_ROW)
		row = MAX_ROW;
	for (uint32_t c = col > MAX_COL ? MAX_COL : col; c > 0 && n < 3; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	for (int i = 0; i < n / 2; i++) {
		char t = letters[i];
		letters[i] = letters[n - 1 - i];
		letters[n - 1 - i] = t;
	}
	snprintf(out, XLSX_REF_MAX, "%.*s%lu", n, letters, (unsigned long)row);
	return out;
}

/* ---- collected text ---- */

/* Appends n bytes to t. Returns 1, 0 past XLSX_MAX_TEXT, -1 if memory
 * runs out. */
static int text_add(struct text *t, const char *s, size_t n)
{
	if (n > XLSX_MAX_TEXT - t->len)
		return 0;
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 256;
		while (cap < t->len + n + 1)
			cap *= 2;
		char *p = realloc(t->s, cap);
		if (!p)
			return -1;
		t->s = p;
		t->cap = cap;
	}
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
	return 1;
}

static void text_clear(struct text *t)
{
	t->len = 0;
	if (t->s)
		t->s[0] = '\0';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Drops the white space around the text collected from offset from on. */
static void text_trim(struct text *t, size_t from)
{
	size_t a = from, b = t->len;

	if (!t->s)
		return;
	while (a < b && is_space(t->s[a]))
		a++;
	while (b > a && is_space(t->s[b - 1]))
		b--;
	memmove(t->s + from, t->s + a, b - a);
	t->len = from + (b - a);
	t->s[t->len] = '\0';
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Reads an escape _xHHHH_ at s (n bytes) into *unit; returns 1 if one is
 * there. */
static int escape_at(const char *s, size_t n, uint32_t *unit)
{
	uint32_t u = 0;

	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return 0;
	for (int i = 2; i < 6; i++) {
		int d = hex_digit(s[i]);
		if (d < 0)
			return 0;
		u = u * 16 + (uint32_t)d;
	}
	*unit = u;
	return 1;
}

/* Decodes in place the _xHHHH_ escapes of the text (ECMA-376 Part 1,
 * 22.9.2.19 ST_Xstring): each stands for a UTF-16 code unit, a surrogate
 * pair for one character, and NUL or a lone surrogate becomes U+FFFD. */
static void text_unescape(struct text *t)
{
	size_t i = 0, o = 0;
	uint32_t u, lo;
	char enc[4];

	while (i < t->len) {
		if (!escape_at(t->s + i, t->len - i, &u)) {
			t->s[o++] = t->s[i++];
			continue;
		}
		i += 7;
		if (u >= 0xD800 && u < 0xDC00 && escape_at(t->s + i, t->len - i, &lo) &&
		    lo >= 0xDC00 && lo < 0xE000) {
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 7;
		} else if (u == 0 || (u >= 0xD800 && u < 0xE000)) {
			u = 0xFFFD;
		}
		size_t n = textwidth_encode(u, enc);
		memcpy(t->s + o, enc, n);
		o += n;
	}
	t->len = o;
	if (t->s)
		t->s[o] = '\0';
}

/* Makes every line break "\n": Excel writes "_x000D_\n", and a CR alone
 * can come from &#13;. */
static void text_newlines(struct text *t)
{
	size_t o = 0;

	for (size_t i = 0; i < t->len; i++) {
		if (t->s[i] != '\r')
			t->s[o++] = t->s[i];
		else if (i + 1 >= t->len || t->s[i + 1] != '\n')
			t->s[o++] = '\n';
	}
	t->len = o;
	if (t->s)
		t->s[o] = '\0';
}

/* Adds n bytes of character data to the collected text, or fails naming
 * where it is too long. */
static void collect(struct reader *rd, const char *s, size_t n)
{
	int r = text_add(&rd->text, s, n);

	if (r < 0)
		fail_memory(rd);
	else if (r == 0 && rd->kind == PART_SHEET)
		fail_cell_text(rd);
	else if (r == 0)
		fail_xml(rd, _("text longer than %d bytes"), XLSX_MAX_TEXT);
}

/* ---- string items: <si> and <is> ---- */

static void item_begin(struct reader *rd)
{
	memset(&rd->item, 0, sizeof rd->item);
	rd->item.active = 1;
}

static void item_start(struct reader *rd, const char *name, const char **atts)
{
	struct item *it = &rd->item;

	if (is_named(name, "rPh")) {
		it->rph++;
	} else if (is_named(name, "t") && !it->rph) {
		const char *space = attr(atts, "space");
		it->in_t = 1;
		it->preserve = space && strcmp(space, "preserve") == 0;
		it->t_from = rd->text.len;
	}
}

/* Ends an element of a string item. Excel drops the white space around
 * the text of a <t> without xml:space="preserve", and so does the reader. */
static void item_end(struct reader *rd, const char *name)
{
	struct item *it = &rd->item;

	if (is_named(name, "rPh")) {
		it->rph--;
	} else if (is_named(name, "t") && it->in_t) {
		it->in_t = 0;
		if (!it->preserve)
			text_trim(&rd->text, it->t_from);
	}
}

/* ---- parsing one part ---- */

static int collecting(const struct reader *rd)
{
	switch (rd->kind) {
	case PART_STRINGS:
		return rd->item.active && rd->item.in_t;
	case PART_SHEET:
		return rd->pos.in_v || (rd->item.active && rd->item.in_t);
	case PART_CUSTOM:
		return rd->prop_depth > 1;
	default:
		return 0;
	}
}

static void XMLCALL on_chars(void *data, const XML_Char *s, int len)
{
	struct reader *rd = data;

	if (!rd->failed && collecting(rd))
		collect(rd, s, (size_t)len);
}

static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal_subset)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	fail_xml(data, "%s",
		 _("a DOCTYPE declaration, which no workbook part has (refused: it can declare "
		   "an XML entity bomb)"));
}

static void XMLCALL on_entity(void *data, const XML_Char *name, int is_param, const XML_Char *value,
			      int value_len, const XML_Char *base, const XML_Char *sysid,
			      const XML_Char *pubid, const XML_Char *notation)
{
	(void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid;
	(void)pubid, (void)notation;
	fail_xml(data, "%s", _("an entity declaration (refused: it can make an XML entity bomb)"));
}

/* Checks a part's sizes in the zip directory before it is decompressed. */
static int check_sizes(struct reader *rd, const char *part, const zip_stat_t *st)
{
	unsigned long long size = st->size, packed = st->comp_size;

	if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE)) {
		fail(rd, _("%s: the zip directory gives no size"), part);
		return 0;
	}
	if (size > XLSX_RATIO_FROM && size / (packed ? packed : 1) > XLSX_MAX_RATIO) {
		fail(rd, _("%s: compressed %llu to 1, more than %d to 1 (refused as a zip bomb)"),
		     part, size / (packed ? packed : 1), XLSX_MAX_RATIO);
		return 0;
	}
	if (size > (unsigned long long)XLSX_MAX_BYTES - rd->total) {
		fail(rd,
		     _("%s: %llu bytes uncompressed, more than the %d MiB that tenken reads "
		       "from one workbook"),
		     part, size, XLSX_MAX_BYTES / MIB);
		return 0;
	}
	return 1;
}

/* Feeds the decompressed part to expat, counting what comes. */
static int stream(struct reader *rd, zip_file_t *zf, const zip_stat_t *st)
{
	zip_uint64_t got = 0;

	for (;;) {
		void *buf = XML_GetBuffer(rd->parser, CHUNK);
		if (!buf) {
			fail_memory(rd);
			return 0;
		}
		zip_int64_t n = zip_fread(zf, buf, CHUNK);
		if (n < 0) {
			fail(rd, _("%s: cannot be read: %s"), rd->part, zip_file_strerror(zf));
			return 0;
		}
		got += (zip_uint64_t)n;
		rd->total += (size_t)n;
		if (got > st->size) {
			fail(rd,
			     _("%s: holds more than the zip directory says (refused as a zip "
			       "bomb)"),
			     rd->part);
			return 0;
		}
		if (XML_ParseBuffer(rd->parser, (int)n, n == 0) != XML_STATUS_OK) {
			if (!rd->failed)
				fail_xml(rd, "%s", XML_ErrorString(XML_GetErrorCode(rd->parser)));
			return 0;
		}
		if (n == 0)
			return 1;
	}
}

static XML_Parser new_parser(struct reader *rd, XML_StartElementHandler start,
			     XML_EndElementHandler end)
{
	XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);

	if (!p)
		return NULL;
	XML_SetUserData(p, rd);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, on_chars);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	return p;
}

/* Reads the part named part (found whatever its case, as OPC wants) with
 * the handlers start and end. Returns 1 if it was read, 0 if it is absent
 * and not required, -1 on failure. */
static int read_part(struct reader *rd, const char *part, enum part_kind kind, int required,
		     XML_StartElementHandler start, XML_EndElementHandler end)
{
	zip_int64_t i = zip_name_locate(rd->zip, part, ZIP_FL_NOCASE);
	zip_stat_t st;

	if (i < 0 && !required)
		return 0;
	if (i < 0) {
		fail(rd, _("%s is missing (this is not an XLSX workbook, or a damaged one)"), part);
		return -1;
	}
	zip_stat_init(&st);
	if (zip_stat_index(rd->zip, (zip_uint64_t)i, 0, &st) < 0) {
		fail(rd, _("%s: cannot be read: %s"), part, zip_strerror(rd->zip));
		return -1;
	}
	if (!check_sizes(rd, part, &st))
		return -1;
	zip_file_t *zf = zip_fopen_index(rd->zip, (zip_uint64_t)i, 0);
	if (!zf) {
		fail(rd, _("%s: cannot be read: %s"), part, zip_strerror(rd->zip));
		return -1;
	}
	rd->part = part;
	rd->kind = kind;
	rd->parser = new_parser(rd, start, end);
	int ok = rd->parser ? stream(rd, zf, &st) : (fail_memory(rd), 0);
	if (rd->parser)
		XML_ParserFree(rd->parser);
	rd->parser = NULL;
	zip_fclose(zf);
	return ok ? 1 : -1;
}

/* ---- xl/workbook.xml and its relationships ---- */

static void XMLCALL workbook_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct reader *rd = data;
	struct xlsx_book *book = rd->book;

	if (rd->failed || !is_named(name, "sheet"))
		return;
	const char *sheet = attr(atts, "name"), *rid = attr(atts, "id"),
		   *state = attr(atts, "state");
	if (!sheet || !rid) {
		fail_xml(rd, "%s", _("a sheet without a name or an r:id"));
		return;
	}
	if (book->n_sheets == XLSX_MAX_SHEETS) {
		fail_xml(rd, _("more than %d sheets"), XLSX_MAX_SHEETS);
		return;
	}
	struct xlsx_sheet *sh = &book->sheets[book->n_sheets];
	sh->name = book_strdup(rd, sheet, strlen(sheet));
	rd->rids[book->n_sheets] = book_strdup(rd, rid, strlen(rid));
	sh->hidden = state && (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
	book->n_sheets++;
}

static void XMLCALL ignore_end(void *data, const XML_Char *name)
{
	(void)data, (void)name;
}

/* The part a relationship's target names: relative to xl/, or from the
 * package's root if it starts with "/"; "." and ".." are resolved. */
static const char *resolve(struct reader *rd, const char *target)
{
	char *out = arena_alloc(&rd->book->arena, strlen(target) + 4), *o = out;
	const char *s = target;

	if (!out) {
		fail_memory(rd);
		return NULL;
	}
	if (*s == '/')
		s++;
	else
		o += sprintf(out, "xl/");
	while (*s) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			if (o > out)
				o--;
			while (o > out && o[-1] != '/')
				o--;
		} else if (!(n == 1 && s[0] == '.')) {
			memcpy(o, s, n);
			o += n;
			if (s[n] == '/')
				*o++ = '/';
		}
		s += n + (s[n] == '/');
	}
	*o = '\0';
	return out;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void XMLCALL rels_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct reader *rd = data;

	if (rd->failed || !is_named(name, "Relationship"))
		return;
	if (++rd->n_rels > XLSX_MAX_RELATIONSHIPS) {
		fail_xml(rd, _("more than %d relationships"), XLSX_MAX_RELATIONSHIPS);
		return;
	}
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
	const char *type = attr(atts, "Type"), *mode = attr(atts, "TargetMode");
	if (!id || !target || (mode && strcmp(mode, "External") == 0))
		return;
	if (type && ends_with(type, "/sharedStrings"))
		rd->strings_part = resolve(rd, target);
	for (size_t i = 0; i < rd->book->n_sheets; i++)
		if (!rd->parts[i] && strcmp(rd->rids[i], id) == 0)
			rd->parts[i] = resolve(rd, target);
}

/* Reads the sheet list and where each sheet's part is. */
static int read_workbook(struct reader *rd)
{
	struct xlsx_book *book = rd->book;

	book->sheets = arena_alloc(&book->arena, XLSX_MAX_SHEETS * sizeof *book->sheets);
	rd->rids = arena_alloc(&book->arena, XLSX_MAX_SHEETS * sizeof *rd->rids);
	rd->parts = arena_alloc(&book->arena, XLSX_MAX_SHEETS * sizeof *rd->parts);
	if (!book->sheets || !rd->rids || !rd->parts) {
		fail_memory(rd);
		return 0;
	}
	if (read_part(rd, WORKBOOK, PART_WORKBOOK, 1, workbook_start, ignore_end) < 0)
		return 0;
	if (book->n_sheets == 0) {
		fail(rd, _("%s names no sheet"), WORKBOOK);
		return 0;
	}
	if (read_part(rd, WORKBOOK_RELS, PART_RELS, 1, rels_start, ignore_end) < 0)
		return 0;
	for (size_t i = 0; i < book->n_sheets; i++) {
		if (!rd->parts[i]) {
			fail(rd, _("sheet %s: %s does not name its part"), book->sheets[i].name,
			     WORKBOOK_RELS);
			return 0;
		}
	}
	return 1;
}

/* ---- the shared string table ---- */

/* The collected text of a string item, finished: unescaped, line breaks
 * made "\n". */
static void item_finish(struct reader *rd)
{
	rd->item.active = 0;
	text_unescape(&rd->text);
	text_newlines(&rd->text);
}

static void XMLCALL strings_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct reader *rd = data;

	if (rd->failed)
		return;
	if (is_named(name, "si")) {
		if (rd->n_strings == XLSX_MAX_STRINGS) {
			fail_xml(rd, _("more than %d shared strings"), XLSX_MAX_STRINGS);
			return;
		}
		text_clear(&rd->text);
		item_begin(rd);
	} else if (rd->item.active) {
		item_start(rd, name, atts);
	}
}

static void XMLCALL strings_end(void *data, const XML_Char *name)
{
	struct reader *rd = data;

	if (rd->failed || !rd->item.active)
		return;
	if (!is_named(name, "si")) {
		item_end(rd, name);
		return;
	}
	item_finish(rd);
	const char **strings =
		grow(rd, rd->strings, &rd->cap_strings, rd->n_strings, sizeof *rd->strings);
	if (!strings)
		return;
	rd->strings = strings;
	const char *s = book_strdup(rd, rd->text.s ? rd->text.s : "", rd->text.len);
	if (s)
		rd->strings[rd->n_strings++] = s;
}

/* Reads the shared strings: the part the relationships name, else the
 * usual one if it is there. */
static int read_strings(struct reader *rd)
{
	const char *part = rd->strings_part ? rd->strings_part : STRINGS;

	return read_part(rd, part, PART_STRINGS, rd->strings_part != NULL, strings_start,
			 strings_end) >= 0;
}

/* ---- sheets ---- */

static void row_start(struct reader *rd, const char **atts)
{
	struct sheet_pos *pos = &rd->pos;
	const char *r = attr(atts, "r"), *end;
	uint32_t row = pos->row + 1;

	if (r && (!parse_number(r, MAX_ROW, &row, &end) || *end || row == 0)) {
		fail_xml(rd, _("bad row number \"%s\""), r);
		return;
	}
	if (row > MAX_ROW) {
		fail_xml(rd, "%s", _("a row past the last row a sheet can have"));
		return;
	}
	pos->row = row;
	pos->col = 0;
	if (++pos->n_rows > XLSX_MAX_ROWS) {
		/* TRANSLATORS: %s is a sheet's name, %lu a row number. */
		fail(rd, _("sheet %s, row %lu: more than %d rows in one sheet"), rd->sheet->name,
		     (unsigned long)row, XLSX_MAX_ROWS);
		return;
	}
	if (!is_true(attr(atts, "hidden")))
		return;
	struct xlsx_sheet *sh = rd->sheet;
	uint32_t *rows = grow(rd, sh->hidden_rows, &pos->cap_hidden, sh->n_hidden_rows, sizeof row);
	if (rows) {
		sh->hidden_rows = rows;
		rows[sh->n_hidden_rows++] = row;
	}
}

/* Starts a cell: where it is (its r attribute, or the one after the last
 * cell when a writer leaves r out) and its type. */
static void cell_start(struct reader *rd, const char **atts)
{
	struct sheet_pos *pos = &rd->pos;
	const char *r = attr(atts, "r"), *t = attr(atts, "t");

	if (r && !parse_ref(r, &pos->row, &pos->col)) {
		fail_xml(rd, _("bad cell reference \"%s\""), r);
		return;
	}
	if (!r && pos->row == 0) {
		fail_xml(rd, "%s", _("a cell outside a row"));
		return;
	}
	if (!r && pos->col == MAX_COL) {
		fail_xml(rd, "%s", _("a cell past the last column a sheet can have"));
		return;
	}
	if (!r)
		pos->col++;
	snprintf(pos->type_buf, sizeof pos->type_buf, "%s", t ? t : "n");
	pos->type = pos->type_buf;
	pos->in_cell = 1;
	pos->has_value = 0;
	text_clear(&rd->text);
}

static void XMLCALL sheet_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct reader *rd = data;
	struct sheet_pos *pos = &rd->pos;

	if (rd->failed)
		return;
	if (is_named(name, "row"))
		row_start(rd, atts);
	else if (is_named(name, "c"))
		cell_start(rd, atts);
	else if (pos->in_cell && rd->item.active)
		item_start(rd, name, atts);
	else if (pos->in_cell && is_named(name, "v"))
		pos->in_v = 1;
	else if (pos->in_cell && is_named(name, "is"))
		item_begin(rd);
}

/* The shared string the finished cell's value is the index of, or NULL. */
static const char *shared_string(struct reader *rd)
{
	const char *end;
	uint32_t i;
	char ref[XLSX_REF_MAX];

	if (parse_number(rd->text.s, UINT32_MAX, &i, &end) && !*end && i < rd->n_strings)
		return rd->strings[i];
	xlsx_ref(rd->pos.row, rd->pos.col, ref);
	fail(rd, _("sheet %s, cell %s: shared string \"%s\" does not exist"), rd->sheet->name, ref,
	     rd->text.s);
	return NULL;
}

/* The text and type of the finished cell, or NULL text for an empty one. */
static const char *cell_value(struct reader *rd, enum xlsx_type *type)
{
	const char *t = rd->pos.type;

	*type = XLSX_STRING;
	if (strcmp(t, "s") == 0)
		return shared_string(rd);
	if (strcmp(t, "b") == 0) {
		*type = XLSX_BOOLEAN;
		return is_true(rd->text.s) ? "TRUE" : "FALSE";
	}
	*type = strcmp(t, "n") == 0 ? XLSX_NUMBER : strcmp(t, "e") == 0 ? XLSX_ERROR : XLSX_STRING;
	text_unescape(&rd->text);
	text_newlines(&rd->text);
	return rd->text.len ? book_strdup(rd, rd->text.s, rd->text.len) : NULL;
}

static void cell_end(struct reader *rd)
{
	struct xlsx_sheet *sh = rd->sheet;
	enum xlsx_type type;

	rd->pos.in_cell = 0;
	if (!rd->pos.has_value || rd->text.len == 0)
		return;
	const char *text = cell_value(rd, &type);
	if (!text || !*text)
		return;
	if (rd->n_cells == XLSX_MAX_CELLS) {
		char ref[XLSX_REF_MAX];
		xlsx_ref(rd->pos.row, rd->pos.col, ref);
		fail(rd, _("sheet %s, cell %s: more than %d cells in the workbook"), sh->name, ref,
		     XLSX_MAX_CELLS);
		return;
	}
	struct xlsx_cell *cells =
		grow(rd, sh->cells, &rd->pos.cap_cells, sh->n_cells, sizeof *cells);
	if (!cells)
		return;
	sh->cells = cells;
	struct xlsx_cell *c = &cells[sh->n_cells];
	if (sh->n_cells > 0 &&
	    (c[-1].row > rd->pos.row || (c[-1].row == rd->pos.row && c[-1].col >= rd->pos.col)))
		rd->pos.sorted = 0;
	*c = (struct xlsx_cell){rd->pos.row, rd->pos.col, type, text};
	sh->n_cells++;
	rd->n_cells++;
}

static void XMLCALL sheet_end(void *data, const XML_Char *name)
{
	struct reader *rd = data;
	struct sheet_pos *pos = &rd->pos;

	if (rd->failed || !pos->in_cell)
		return;
	if (is_named(name, "c")) {
		cell_end(rd);
	} else if (rd->item.active && is_named(name, "is")) {
		rd->item.active = 0;
		pos->has_value = 1;
	} else if (rd->item.active) {
		item_end(rd, name);
	} else if (is_named(name, "v")) {
		pos->in_v = 0;
		pos->has_value = 1;
	}
}

static int cell_order(const void *a, const void *b)
{
	const struct xlsx_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static int row_order(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Puts a sheet's cells and hidden rows in order; refuses a cell written
 * twice, since which of the two the bank meant cannot be known. */
static int sheet_finish(struct reader *rd, struct xlsx_sheet *sh)
{
	size_t n = 0;

	if (sh->n_hidden_rows > 1)
		qsort(sh->hidden_rows, sh->n_hidden_rows, sizeof *sh->hidden_rows, row_order);
	for (size_t i = 0; i < sh->n_hidden_rows; i++)
		if (n == 0 || sh->hidden_rows[n - 1] != sh->hidden_rows[i])
			sh->hidden_rows[n++] = sh->hidden_rows[i];
	sh->n_hidden_rows = n;
	if (rd->pos.sorted)
		return 1;
	qsort(sh->cells, sh->n_cells, sizeof *sh->cells, cell_order);
	for (size_t i = 1; i < sh->n_cells; i++) {
		if (cell_order(&sh->cells[i - 1], &sh->cells[i]) == 0) {
			char ref[XLSX_REF_MAX];
			xlsx_ref(sh->cells[i].row, sh->cells[i].col, ref);
			fail(rd, _("sheet %s, cell %s: the cell is written twice"), sh->name, ref);
			return 0;
		}
	}
	return 1;
}

static int read_sheets(struct reader *rd)
{
	for (size_t i = 0; i < rd->book->n_sheets; i++) {
		rd->sheet = &rd->book->sheets[i];
		memset(&rd->pos, 0, sizeof rd->pos);
		rd->pos.sorted = 1;
		rd->item.active = 0;
		if (read_part(rd, rd->parts[i], PART_SHEET, 1, sheet_start, sheet_end) < 0 ||
		    !sheet_finish(rd, rd->sheet))
			return 0;
	}
	return 1;
}

/* ---- docProps/custom.xml ---- */

static void XMLCALL custom_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct reader *rd = data;
	struct xlsx_book *book = rd->book;

	if (rd->failed)
		return;
	if (rd->prop_depth > 0) {
		rd->prop_depth++;
		return;
	}
	if (!is_named(name, "property"))
		return;
	const char *prop = attr(atts, "name");
	if (!prop)
		return;
	if (book->n_properties == XLSX_MAX_PROPERTIES) {
		fail_xml(rd, _("more than %d custom properties"), XLSX_MAX_PROPERTIES);
		return;
	}
	rd->prop_name = book_strdup(rd, prop, strlen(prop));
	rd->prop_depth = 1;
	text_clear(&rd->text);
}

static void XMLCALL custom_end(void *data, const XML_Char *name)
{
	struct reader *rd = data;
	struct xlsx_book *book = rd->book;

	(void)name;
	if (rd->failed || rd->prop_depth == 0 || --rd->prop_depth > 0)
		return;
	struct xlsx_property *p = &book->properties[book->n_properties];
	p->name = rd->prop_name;
	p->value = book_strdup(rd, rd->text.s ? rd->text.s : "", rd->text.len);
	if (p->name && p->value)
		book->n_properties++;
}

static int read_custom(struct reader *rd)
{
	struct xlsx_book *book = rd->book;

	book->properties =
		arena_alloc(&book->arena, XLSX_MAX_PROPERTIES * sizeof *book->properties);
	if (!book->properties) {
		fail_memory(rd);
		return 0;
	}
	return read_part(rd, CUSTOM, PART_CUSTOM, 0, custom_start, custom_end) >= 0;
}

/* ---- the file ---- */

/* Opens the file as a zip archive, after checking that it is a regular
 * file of a workbook's size, and not an encrypted or old Excel file. */
static int open_zip(struct reader *rd, const char *path)
{
	static const unsigned char cfb[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	unsigned char magic[8];
	struct stat st;
	int fd = fileio_open_read(path, rd->err, rd->errlen), zerr = 0;

	if (fd < 0) {
		rd->failed = 1; /* the message names the file */
		return 0;
	}
	if (fstat(fd, &st) < 0)
		fail(rd, "%s", strerror(errno));
	else if (st.st_size > XLSX_MAX_BYTES)
		fail(rd, _("%lld bytes, larger than the %d MiB a workbook may be"),
		     (long long)st.st_size, XLSX_MAX_BYTES / MIB);
	else if (pread(fd, magic, sizeof magic, 0) == sizeof magic && !memcmp(magic, cfb, 8))
		fail(rd, "%s",
		     _("an encrypted workbook or an Excel 97-2003 file, not an XLSX workbook (save "
		       "it as an Excel workbook, .xlsx, without a password)"));
	else if (st.st_size == 0 || !(rd->zip = zip_fdopen(fd, ZIP_RDONLY, &zerr)))
		zerr = zerr ? zerr : ZIP_ER_NOZIP;
	if (rd->zip)
		return 1;
	close(fd);
	if (zerr == ZIP_ER_NOZIP) {
		fail(rd, "%s", _("not a zip file (an XLSX workbook is one)"));
	} else if (zerr) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		fail(rd, _("cannot be read as a zip file: %s"), zip_error_strerror(&ze));
		zip_error_fini(&ze);
	}
	return 0;
}

struct xlsx_book *xlsx_read(const char *path, char *err, size_t errlen)
{
	struct reader rd = {.name = path, .err = err, .errlen = errlen};

	rd.book = calloc(1, sizeof *rd.book);
	if (!rd.book)
		fail_memory(&rd);
	else if (open_zip(&rd, path) && read_workbook(&rd) && read_strings(&rd) && read_sheets(&rd))
		read_custom(&rd);
	if (rd.zip)
		zip_discard(rd.zip);
	free(rd.strings);
	free(rd.text.s);
	if (rd.failed) {
		xlsx_free(rd.book);
		return NULL;
	}
	return rd.book;
}

void xlsx_free(struct xlsx_book *book)
{
	if (!book)
		return;
	for (size_t i = 0; i < book->n_sheets; i++) {
		free(book->sheets[i].cells);
		free(book->sheets[i].hidden_rows);
	}
	arena_free(&book->arena);
	free(book);
}

/* ---- lookups ---- */

const struct xlsx_sheet *xlsx_sheet_named(const struct xlsx_book *book, const char *name)
{
	for (size_t i = 0; i < book->n_sheets; i++)
		if (strcmp(book->sheets[i].name, name) == 0)
			return &book->sheets[i];
	return NULL;
}

const char *xlsx_cell_text(const struct xlsx_sheet *sheet, uint32_t row, uint32_t col)
{
	struct xlsx_cell key = {.row = row, .col = col};

	if (sheet->n_cells == 0)
		return NULL;
	const struct xlsx_cell *c =
		bsearch(&key, sheet->cells, sheet->n_cells, sizeof *sheet->cells, cell_order);
	return c ? c->text : NULL;
}

int xlsx_row_hidden(const struct xlsx_sheet *sheet, uint32_t row)
{
	return sheet->n_hidden_rows > 0 && bsearch(&row, sheet->hidden_rows, sheet->n_hidden_rows,
						   sizeof row, row_order) != NULL;
}

const char *xlsx_property(const struct xlsx_book *book, const char *name)
{
	for (size_t i = 0; i < book->n_properties; i++)
		if (strcmp(book->properties[i].name, name) == 0)
			return book->properties[i].value;
	return NULL;
}
