/* export_md: the report as GitHub-flavoured Markdown. */
#include "config.h"

#include "export_md.h"

#include <string.h>

#include "textwidth.h"

/* The ASCII characters Markdown (with GitHub's tables, strikethrough and
 * math) may take for markup wherever they stand: always escaped. # too,
 * which would close a heading at its end. */
static const char special[] = "\\`*_[]<>|~$#";

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Writes the ASCII character *s, escaped if Markdown would take it for
 * markup: & only before what would make it a character reference. */
static void md_ascii(FILE *out, const char *s)
{
	if ((*s && strchr(special, *s)) || (*s == '&' && (is_alnum(s[1]) || s[1] == '#')))
		fputc('\\', out);
	fputc(*s, out);
}

/* At the start of a continuation line: writes its leading spaces as no-break
 * spaces (Markdown would drop them), and escapes a -, + or = or a number
 * before . or ), which there would begin a list or turn the line above into
 * a heading. Returns the bytes of s it wrote. */
static size_t md_line_start(FILE *out, const char *s)
{
	size_t n = 0, d;

	for (; s[n] == ' ' || s[n] == '\t'; n++)
		fputs("\xC2\xA0", out);
	if (s[n] == '-' || s[n] == '+' || s[n] == '=') {
		fprintf(out, "\\%c", s[n]);
		return n + 1;
	}
	for (d = n; is_digit(s[d]); d++)
		;
	if (d > n && (s[d] == '.' || s[d] == ')')) {
		fprintf(out, "%.*s\\%c", (int)(d - n), s + n, s[d]);
		return d + 1;
	}
	return n;
}

void export_md_text(FILE *out, const char *text, const char *cont)
{
	size_t len = strlen(text), i = 0;
	int code = 0; /* inside a code span of visible forms */

	while (len && text[len - 1] == '\n')
		len--;
	while (i < len) {
		uint32_t cp;
		char vis[TEXTWIDTH_VISIBLE_MAX];
		int visible;
		size_t n = textwidth_decode(text + i, len - i, &cp);
		textwidth_visible(cp, vis, &visible);
		visible = visible && cp != '\t';
		if (code && !visible) {
			fputc('`', out);
			code = 0;
		}
		if (cp == '\n' && !cont) {
			fputc(' ', out);
		} else if (cp == '\n') {
			fprintf(out, "\\\n%s", cont);
			n += md_line_start(out, text + i + 1);
		} else if (visible) {
			/* Consecutive forms share one span: `^[``<U+009B>` would
			   read as a single span holding the backticks. */
			fprintf(out, "%s%s", code ? "" : "`", vis);
			code = 1;
		} else if (cp < 0x80) {
			md_ascii(out, cp == '\t' ? " " : text + i);
		} else {
			fputs(vis, out);
		}
		i += n;
	}
	if (code)
		fputc('`', out);
}

static void md_begin(FILE *out, const struct report *r, const char *title,
		     const struct report_field *about, size_t n_about)
{
	(void)r;
	fputs("# ", out);
	export_md_text(out, title, NULL);
	fputs("\n\n", out);
	for (size_t k = 0; k < n_about; k++) {
		fputs("- **", out);
		export_md_text(out, about[k].label, NULL);
		fputs(":** ", out);
		export_md_text(out, about[k].text, "  ");
		fputc('\n', out);
	}
}

/* One row of the progress table; the total's name in bold. */
static void md_row(FILE *out, const struct report_row *row, int total)
{
	fputs(total ? "| **" : "| ", out);
	export_md_text(out, row->name, NULL);
	fputs(total ? "** |" : " |", out);
	for (size_t c = 0; c < sizeof row->cells / sizeof row->cells[0]; c++)
		fprintf(out, " %s |", row->cells[c]);
	fputc('\n', out);
}

static void md_progress(FILE *out, const struct report_progress *p)
{
	size_t n_columns = sizeof p->columns / sizeof p->columns[0];

	fputs("\n## ", out);
	export_md_text(out, p->heading, NULL);
	fputs("\n\n|", out);
	for (size_t c = 0; c < n_columns; c++) {
		fputc(' ', out);
		export_md_text(out, p->columns[c], NULL);
		fputs(" |", out);
	}
	fputs("\n| :--- |", out);
	for (size_t c = 1; c < n_columns; c++)
		fputs(" ---: |", out);
	fputc('\n', out);
	for (size_t k = 0; k < p->n_rows; k++)
		md_row(out, &p->rows[k], p->total && k + 1 == p->n_rows);
}

static void md_section(FILE *out, int number, const char *heading)
{
	(void)number;
	fputs("\n## ", out);
	export_md_text(out, heading, NULL);
	fputc('\n', out);
}

/* An item: its number, status mark and name as a heading, then its fields
 * as a list, each answer's lines under its label. */
static void md_item(FILE *out, const struct report_item *it)
{
	fputs("\n### ", out);
	export_md_text(out, it->heading, NULL);
	fprintf(out, " `%s` ", it->mark);
	export_md_text(out, it->status_text, NULL);
	fputs("\n\n", out);
	for (size_t f = 0; f < it->n_fields; f++) {
		fputs("- **", out);
		export_md_text(out, it->fields[f].label, NULL);
		fputs(":** ", out);
		if (it->fields[f].empty)
			fputc('*', out);
		export_md_text(out, it->fields[f].text, "  ");
		if (it->fields[f].empty)
			fputc('*', out);
		fputc('\n', out);
	}
}

static void md_section_end(FILE *out)
{
	(void)out;
}

static void md_none(FILE *out, const char *text)
{
	fputc('\n', out);
	export_md_text(out, text, NULL);
	fputc('\n', out);
}

static void md_end(FILE *out)
{
	(void)out;
}

static const struct report_ops md_ops = {
	md_begin, md_progress, md_section, md_item, md_section_end, md_none, md_end,
};

int export_md(FILE *out, const struct report *r)
{
	return report_write(out, r, &md_ops);
}
