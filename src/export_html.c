/* export_html: the report as one self-contained HTML page. */
#include "config.h"

#include "export_html.h"

#include <string.h>

#include "textwidth.h"

/* The page's whole style. No fixed width: the text flows to a phone's
 * width, a long word or path breaks rather than widen the page, and the
 * progress table scrolls sideways inside its own box when it must. On
 * paper each section starts a page and an item is not split. The status
 * is in the text (a mark and a name); its colour only repeats it. */
static const char style[] =
	":root{color-scheme:light dark}\n"
	"body{margin:0 auto;max-width:60em;padding:1em;line-height:1.6;"
	"font-family:system-ui,-apple-system,\"Segoe UI\",\"Hiragino Sans\","
	"\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",Meiryo,\"Noto Sans CJK JP\",sans-serif}\n"
	"h1{font-size:1.5em;margin:0 0 .5em}\n"
	"h2{font-size:1.25em;margin:1.5em 0 .5em;border-bottom:1px solid}\n"
	"h3{font-size:1em;margin:0 0 .25em}\n"
	"h1,h2,h3{overflow-wrap:anywhere}\n"
	"dl{margin:0}\n"
	"dt{font-weight:bold}\n"
	"dd{margin:0 0 .5em 1em;white-space:pre-wrap;overflow-wrap:anywhere}\n"
	".scroll{overflow-x:auto}\n"
	"table{border-collapse:collapse}\n"
	"th,td{border:1px solid #888;padding:.25em .5em}\n"
	"th[scope=row]{text-align:left;font-weight:normal;overflow-wrap:anywhere}\n"
	"td{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
	"tfoot th[scope=row],tfoot td{font-weight:bold}\n"
	".item{margin:1em 0;padding:.25em 0 .25em .75em;border-left:.3em solid #888}\n"
	".status-implemented{border-left-color:#2e7d32}\n"
	".status-partial{border-left-color:#f9a825}\n"
	".status-not-implemented{border-left-color:#c62828}\n"
	".status-not-applicable{border-left-color:#9e9e9e}\n"
	".status-unanswered{border-left-style:dashed}\n"
	".status-no-status{border-left-style:dotted}\n"
	".mark,.ctl{font-family:ui-monospace,monospace}\n"
	".ctl{border:1px dotted}\n"
	".empty{font-style:italic;opacity:.7}\n"
	"@media (min-width:40em){.item dl{display:grid;"
	"grid-template-columns:fit-content(14em) 1fr;column-gap:1em}"
	".item dd{margin:0 0 .25em}}\n"
	"@page{margin:15mm}\n"
	"@media print{body{max-width:none;padding:0;font-size:10pt}"
	".section{break-before:page;page-break-before:always}"
	".item{break-inside:avoid;page-break-inside:avoid}"
	"h2,h3{break-after:avoid;page-break-after:avoid}"
	".scroll{overflow:visible}a{color:inherit;text-decoration:none}}\n";

/* Writes the bytes of s with HTML's five special characters escaped. */
static void escaped(FILE *out, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			fputc(*s, out);
		}
}

/* Writes text escaped, each character as textwidth shows it; with marked
 * set, a character shown by a visible form (^[, <U+202E>) is marked as one,
 * so that it does not read as text someone typed. */
static void html_text(FILE *out, const char *text, int marked)
{
	size_t len = strlen(text), i = 0;

	while (i < len) {
		uint32_t cp;
		char vis[TEXTWIDTH_VISIBLE_MAX];
		int visible;
		i += textwidth_decode(text + i, len - i, &cp);
		textwidth_visible(cp, vis, &visible);
		if (marked && visible && cp != '\t')
			fputs("<span class=\"ctl\">", out);
		escaped(out, vis);
		if (marked && visible && cp != '\t')
			fputs("</span>", out);
	}
}

void export_html_text(FILE *out, const char *text)
{
	html_text(out, text, 0);
}

void export_html_element(FILE *out, const char *tag, const char *text)
{
	fprintf(out, "<%s>", tag);
	export_html_text(out, text);
	fprintf(out, "</%s>", tag);
}

static void html_begin(FILE *out, const struct report *r, const char *title,
		       const struct report_field *about, size_t n_about)
{
	fprintf(out,
		"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>",
		r->lang == LANG_EN ? "en" : "ja");
	html_text(out, title, 0);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", style);
	html_text(out, title, 1);
	fputs("</h1>\n<dl class=\"about\">\n", out);
	for (size_t k = 0; k < n_about; k++) {
		fputs("<dt>", out);
		html_text(out, about[k].label, 1);
		fputs("</dt><dd>", out);
		html_text(out, about[k].text, 1);
		fputs("</dd>\n", out);
	}
	fputs("</dl>\n</header>\n<main>\n", out);
}

static void html_row(FILE *out, const struct report_row *row)
{
	fputs("<tr><th scope=\"row\">", out);
	if (row->shown)
		fprintf(out, "<a href=\"#section-%d\">", row->section);
	html_text(out, row->name, 1);
	fputs(row->shown ? "</a></th>" : "</th>", out);
	for (size_t c = 0; c < sizeof row->cells / sizeof row->cells[0]; c++)
		fprintf(out, "<td>%s</td>", row->cells[c]);
	fputs("</tr>\n", out);
}

static void html_progress(FILE *out, const struct report_progress *p)
{
	size_t body = p->n_rows - (size_t)p->total;

	fputs("<section class=\"progress\">\n<h2>", out);
	html_text(out, p->heading, 1);
	fputs("</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr>", out);
	for (size_t c = 0; c < sizeof p->columns / sizeof p->columns[0]; c++) {
		fputs("<th scope=\"col\">", out);
		html_text(out, p->columns[c], 1);
		fputs("</th>", out);
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < body; k++)
		html_row(out, &p->rows[k]);
	fputs("</tbody>\n", out);
	if (p->total) {
		fputs("<tfoot>\n", out);
		html_row(out, &p->rows[body]);
		fputs("</tfoot>\n", out);
	}
	fputs("</table>\n</div>\n</section>\n", out);
}

static void html_section(FILE *out, int number, const char *heading)
{
	fprintf(out, "<section class=\"section\" id=\"section-%d\">\n<h2>", number);
	html_text(out, heading, 1);
	fputs("</h2>\n", out);
}

static void html_item(FILE *out, const struct report_item *it)
{
	fprintf(out, "<article class=\"item status-%s\" id=\"item-%s\">\n<h3>",
		it->no_status ? "no-status" : status_key(it->status), it->number);
	html_text(out, it->heading, 1);
	fputs(" <span class=\"status\"><span class=\"mark\">", out);
	html_text(out, it->mark, 1);
	fputs("</span> ", out);
	html_text(out, it->status_text, 1);
	fputs("</span></h3>\n<dl>\n", out);
	for (size_t f = 0; f < it->n_fields; f++) {
		fputs("<dt>", out);
		html_text(out, it->fields[f].label, 1);
		fputs(it->fields[f].empty ? "</dt>\n<dd class=\"empty\">" : "</dt>\n<dd>", out);
		html_text(out, it->fields[f].text, 1);
		fputs("</dd>\n", out);
	}
	fputs("</dl>\n</article>\n", out);
}

static void html_section_end(FILE *out)
{
	fputs("</section>\n", out);
}

static void html_none(FILE *out, const char *text)
{
	fputs("<p class=\"none\">", out);
	html_text(out, text, 1);
	fputs("</p>\n", out);
}

static void html_end(FILE *out)
{
	fputs("</main>\n</body>\n</html>\n", out);
}

static const struct report_ops html_ops = {
	html_begin, html_progress, html_section, html_item, html_section_end, html_none, html_end,
};

int export_html(FILE *out, const struct report *r)
{
	return report_write(out, r, &html_ops);
}
