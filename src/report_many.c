/* report_many: many answer files side by side, as text, CSV and HTML. */
#include "config.h"

#include "report_many.h"

#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_html.h"
#include "gettext.h"
#include "textwidth.h"

/* The text's columns: the item number, then 4 a file (" [x]"). */
enum { NUMBER_WIDTH = 4, CELL_WIDTH = 4, NAME_MAX = 30, ROW_NAME = 12 };

size_t report_many_columns(int width)
{
	return width > NUMBER_WIDTH ? (size_t)(width - NUMBER_WIDTH) / CELL_WIDTH : 0;
}

/* Writes s on one line, sanitized, cut to at most width columns (a cut
 * text ends in ~; width 0: no limit), and with pad, padded with spaces to
 * width. */
static void put_cut(FILE *out, const char *s, size_t width, int pad)
{
	char *clean = textwidth_sanitize_line(s);
	size_t w = 0, len, i = 0;

	if (!clean)
		return;
	len = strlen(clean);
	if (!width || textwidth_str(clean) <= width) {
		fputs(clean, out);
		w = textwidth_str(clean);
	} else {
		while (i < len) {
			uint32_t cp;
			size_t n = textwidth_decode(clean + i, len - i, &cp);
			size_t cw = (size_t)textwidth_cp(cp);
			if (w + cw + 1 > width)
				break;
			fwrite(clean + i, 1, n, out);
			w += cw;
			i += n;
		}
		fputc('~', out);
		w++;
	}
	for (; pad && w < width; w++)
		fputc(' ', out);
	free(clean);
}

/* Writes s as a cell of width columns: cut, and padded. */
static void put_cell(FILE *out, const char *s, size_t width)
{
	put_cut(out, s, width, 1);
}

/* Writes s right-aligned in width columns. */
static void put_right(FILE *out, const char *s, size_t width)
{
	for (size_t w = textwidth_str(s); w < width; w++)
		fputc(' ', out);
	fputs(s, out);
}

/* The column headings of the progress table, as `tenken status` has them. */
static void progress_heads(const char *h[STATUS_COUNT], size_t w[STATUS_COUNT])
{
	/* TRANSLATORS: column headings of `tenken status`: answered items, then
	   the count of each status. The columns widen to fit. */
	const char *heads[STATUS_COUNT] = {_("Done"), _("Impl"), _("Part"), _("Not"), _("N/A")};

	for (int s = 0; s < STATUS_COUNT; s++) {
		size_t min = s == 0 ? 7 : 5, tw = textwidth_str(heads[s]);
		h[s] = heads[s];
		w[s] = tw > min ? tw : min;
	}
}

/* The width of the names' column: the longest name, at most NAME_MAX. */
static size_t names_width(const struct connectors *cs)
{
	size_t width = textwidth_str(_("Connector"));

	for (size_t k = 0; k < cs->n; k++) {
		char *clean = cs->files[k].a ? textwidth_sanitize_line(cs->files[k].name) : NULL;
		size_t w = clean ? textwidth_str(clean) + (cs->files[k].changed ? 1 : 0) : 0;
		if (w > width)
			width = w;
		free(clean);
	}
	return width > NAME_MAX ? NAME_MAX : width;
}

/* The progress table: a row per file read, numbered as the matrix's
 * columns. */
static void text_progress(FILE *out, const struct report_many *r)
{
	const struct connectors *cs = r->cs;
	const char *heads[STATUS_COUNT];
	size_t widths[STATUS_COUNT], nw = names_width(cs), col = 0, changed = 0;
	char num[48];

	progress_heads(heads, widths);
	fprintf(out, "%s\n\n", _("Progress per file"));
	fputs("  # ", out);
	put_cell(out, _("Connector"), nw);
	for (int s = 0; s < STATUS_COUNT; s++)
		put_right(out, heads[s], widths[s] + 1);
	fputc('\n', out);
	for (size_t k = 0; k < cs->n; k++) {
		const struct connector *f = &cs->files[k];
		size_t counts[STATUS_COUNT];
		char *name;
		if (!f->a)
			continue;
		fprintf(out, "%3zu ", ++col);
		name = malloc(strlen(f->name) + 2);
		if (name)
			sprintf(name, "%s%s", f->name, f->changed ? "*" : "");
		put_cell(out, name ? name : f->name, nw);
		free(name);
		changed += (size_t)f->changed;
		answers_count(f->a, 0, r->cl->n_items, counts);
		snprintf(num, sizeof num, "%zu/%zu", r->cl->n_items - counts[STATUS_UNANSWERED],
			 r->cl->n_items);
		put_right(out, num, widths[0] + 1);
		for (int s = STATUS_IMPLEMENTED; s < STATUS_COUNT; s++) {
			snprintf(num, sizeof num, "%zu", counts[s]);
			put_right(out, num, widths[s] + 1);
		}
		fputc('\n', out);
	}
	if (changed)
		fprintf(out, "%s\n",
			_("* answered against another version of the checklist: items it does not "
			  "have are left unanswered"));
}

/* The legend of the marks: "[x] Implemented  [/] Partly implemented ...",
 * with the transposed matrix's . for unanswered. */
static void text_legend(FILE *out, int transposed, int width)
{
	size_t w = 0, ew;

	for (int s = 0; s < STATUS_COUNT; s++) {
		char mark[4], entry[128];
		status_mark((enum status)s, mark);
		if (transposed)
			snprintf(entry, sizeof entry, "%c %s",
				 s == STATUS_UNANSWERED ? '.' : mark[1],
				 status_name((enum status)s));
		else
			snprintf(entry, sizeof entry, "%s %s", mark, status_name((enum status)s));
		ew = textwidth_str(entry);
		if (w && w + 2 + ew > (size_t)width) {
			fputc('\n', out);
			w = 0;
		} else if (w) {
			fputs("  ", out);
			w += 2;
		}
		fputs(entry, out);
		w += ew;
	}
	fputc('\n', out);
}

/* The matrix with a column per file read: a row per item under its
 * section's heading. */
static void text_columns(FILE *out, const struct report_many *r, int width)
{
	const struct checklist *cl = r->cl;
	const struct connectors *cs = r->cs;
	size_t col = 0;

	put_cell(out, _("No."), NUMBER_WIDTH);
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a) {
			fprintf(out, "%s%3zu", col ? " " : "", col + 1);
			col++;
		}
	fputc('\n', out);
	for (size_t s = 0; s < cl->n_sections; s++) {
		const struct section *sec = &cl->sections[s];
		char head[512];
		snprintf(head, sizeof head, "%d. %s", sec->number, text_get(&sec->name, r->lang));
		textwidth_cut(head);
		put_cut(out, head, (size_t)width - 1, 0);
		fputc('\n', out);
		for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++) {
			fprintf(out, "%4s", cl->items[i].label);
			for (size_t k = 0; k < cs->n; k++) {
				char mark[4];
				if (!cs->files[k].a)
					continue;
				status_mark(cs->files[k].a->status[i], mark);
				fprintf(out, " %s", mark);
			}
			fputc('\n', out);
		}
	}
}

/* The transposed matrix: a row per file read, a column per item, in blocks
 * of items that fit the width, the items in groups of ten under the number
 * of the group's first. */
static void text_rows(FILE *out, const struct report_many *r, int width)
{
	const struct checklist *cl = r->cl;
	const struct connectors *cs = r->cs;
	size_t head = 4 + ROW_NAME, groups = ((size_t)width - head) / 11, per;

	if (!groups)
		groups = 1;
	per = groups * 10;
	for (size_t first = 0; first < cl->n_items; first += per) {
		size_t last = first + per < cl->n_items ? first + per : cl->n_items, col = 0;
		fprintf(out, "%*s", (int)head, "");
		for (size_t i = first; i < last; i += 10) {
			char num[16];
			snprintf(num, sizeof num, " %s", cl->items[i].label);
			fprintf(out, "%-11s", num);
		}
		fputc('\n', out);
		for (size_t k = 0; k < cs->n; k++) {
			const struct connector *f = &cs->files[k];
			if (!f->a)
				continue;
			fprintf(out, "%3zu ", ++col);
			put_cell(out, f->name, ROW_NAME);
			for (size_t i = first; i < last; i++) {
				char mark[4];
				status_mark(f->a->status[i], mark);
				if ((i - first) % 10 == 0)
					fputc(' ', out);
				fputc(f->a->status[i] == STATUS_UNANSWERED ? '.' : mark[1], out);
			}
			fputc('\n', out);
		}
		if (last < cl->n_items)
			fputc('\n', out);
	}
}

/* Appends to text at *len ("; " between parts) the status s and the names
 * of the files read that have item i at it: "Not implemented (2): a, b". */
static void gap_part(char *text, size_t *len, const struct connectors *cs, size_t i, enum status s,
		     size_t n)
{
	int first = 1;

	/* TRANSLATORS: a status, the number of files that have it, then their
	   names, in tenken report's list of gaps: "Not implemented (2): a, b". */
	if (*len)
		*len += (size_t)sprintf(text + *len, "; ");
	*len += (size_t)sprintf(text + *len, _("%s (%zu): "), status_name(s), n);
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a && cs->files[k].a->status[i] == s) {
			*len += (size_t)sprintf(text + *len, "%s%s", first ? "" : ", ",
						cs->files[k].name);
			first = 0;
		}
}

/* Writes an item's line of a list: its number, then text shown safely on
 * one line, wrapped to width under itself. */
static void item_line(FILE *out, const char *number, const char *text, int width)
{
	struct textwidth_line lines[128];
	char *clean = textwidth_sanitize_line(text);
	size_t nl;

	if (!clean)
		return;
	nl = textwidth_wrap(clean, width - 6, lines, sizeof lines / sizeof lines[0]);
	for (size_t l = 0; l < nl && l < sizeof lines / sizeof lines[0]; l++) {
		if (l)
			fprintf(out, "%6s", "");
		else
			fprintf(out, "%4s  ", number);
		fprintf(out, "%.*s\n", (int)lines[l].len, clean + lines[l].start);
	}
	free(clean);
}

/* Writes item i's line of the gaps: its number, then each gap status with
 * its files, wrapped to width under itself. */
static void text_gap(FILE *out, const struct report_many *r, size_t i, int width)
{
	const struct connectors *cs = r->cs;
	static const enum status gaps[] = {STATUS_NOT_IMPLEMENTED, STATUS_UNANSWERED};
	size_t counts[STATUS_COUNT], len = 0, size = 256;
	char *text;

	for (size_t k = 0; k < cs->n; k++)
		size += strlen(cs->files[k].name) + 2;
	if (!(text = malloc(size)))
		return;
	text[0] = '\0';
	connectors_count_item(cs, i, counts);
	for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++)
		if (counts[gaps[g]])
			gap_part(text, &len, cs, i, gaps[g], counts[gaps[g]]);
	item_line(out, r->cl->items[i].label, text, width);
	free(text);
}

/* The items not implemented or not answered in some file, each with the
 * files that have it so. */
static void text_gaps(FILE *out, const struct report_many *r, int width)
{
	size_t n = 0;

	fprintf(out, "%s\n\n", _("Items not implemented or not answered in some file"));
	for (size_t i = 0; i < r->cl->n_items; i++)
		if (connectors_gap(r->cs, i)) {
			text_gap(out, r, i, width);
			n++;
		}
	if (!n)
		fprintf(out, "%s\n",
			_("None: every file has every item answered, and none not "
			  "implemented."));
}

/* Writes item i's line of the review: its number, then each verdict that
 * asks for more (要確認, 指摘あり) with the files that give it, wrapped to
 * width under itself. Returns 1 if it wrote one, else 0. */
static int text_verdict(FILE *out, const struct report_many *r, size_t i, int width)
{
	static const enum verdict open_verdicts[] = {VERDICT_FINDING, VERDICT_QUERY};
	const struct connectors *cs = r->cs;
	size_t size = 256, len = 0;
	char *text;

	for (size_t k = 0; k < cs->n; k++)
		size += strlen(cs->files[k].name) + 2;
	if (!(text = malloc(size)))
		return 0;
	text[0] = '\0';
	for (size_t v = 0; v < sizeof open_verdicts / sizeof open_verdicts[0]; v++) {
		size_t n = 0;
		for (size_t k = 0; k < cs->n; k++)
			n += cs->files[k].a && cs->files[k].a->verdict[i] == open_verdicts[v];
		if (!n)
			continue;
		if (len)
			len += (size_t)sprintf(text + len, "; ");
		len += (size_t)sprintf(text + len, _("%s (%zu): "),
				       verdict_info(open_verdicts[v])->official, n);
		for (size_t k = 0, first = 1; k < cs->n; k++)
			if (cs->files[k].a && cs->files[k].a->verdict[i] == open_verdicts[v]) {
				len += (size_t)sprintf(text + len, "%s%s", first ? "" : ", ",
						       cs->files[k].name);
				first = 0;
			}
	}
	if (len)
		item_line(out, r->cl->items[i].label, text, width);
	free(text);
	return len != 0;
}

/* The items whose review is open in some file: a query or a finding, each
 * with the files (tenken review shows the thread). Nothing when no file
 * has one. */
static void text_reviews(FILE *out, const struct report_many *r, int width)
{
	int header = 0;

	for (size_t i = 0; i < r->cl->n_items; i++) {
		int any = 0;
		for (size_t k = 0; k < r->cs->n && !any; k++)
			any = r->cs->files[k].a &&
			      (r->cs->files[k].a->verdict[i] == VERDICT_QUERY ||
			       r->cs->files[k].a->verdict[i] == VERDICT_FINDING);
		if (!any)
			continue;
		if (!header++)
			fprintf(out, "\n%s\n\n",
				_("Items with a query (要確認) or a finding (指摘あり) in some "
				  "file"));
		text_verdict(out, r, i, width);
	}
}

/* The files left out: each's path, and why on the lines after it, wrapped
 * to width. */
static void text_left_out(FILE *out, const struct report_many *r, int width)
{
	const struct connectors *cs = r->cs;
	struct textwidth_line lines[32];

	if (cs->n_read == cs->n)
		return;
	fprintf(out, "\n%s\n\n", _("Files left out"));
	for (size_t k = 0; k < cs->n; k++) {
		char *why;
		size_t n;
		if (!cs->files[k].why[0])
			continue;
		put_cut(out, cs->files[k].path, 0, 0);
		fputs(":\n", out);
		if (!(why = textwidth_sanitize_line(cs->files[k].why)))
			continue;
		n = textwidth_wrap(why, width - 4, lines, sizeof lines / sizeof lines[0]);
		for (size_t l = 0; l < n && l < sizeof lines / sizeof lines[0]; l++)
			fprintf(out, "    %.*s\n", (int)lines[l].len, why + lines[l].start);
		free(why);
	}
}

/* The title and the checklist's id and edition. */
static void text_head(FILE *out, const struct report_many *r)
{
	const struct checklist *cl = r->cl;
	char line[1024];

	put_cut(out, text_get(&cl->title, r->lang), 0, 0);
	fputc('\n', out);
	snprintf(line, sizeof line, "%s: %s %s", _("Checklist"), cl->id,
		 text_get(&cl->edition, r->lang));
	textwidth_cut(line);
	put_cut(out, line, 0, 0);
	fputc('\n', out);
	/* TRANSLATORS: how many answer files tenken report read, and how many
	   it left out. */
	fprintf(out, _("Files: %zu read, %zu left out"), r->cs->n_read, r->cs->n - r->cs->n_read);
	fputs("\n\n", out);
}

int report_many_text(FILE *out, const struct report_many *r, int width)
{
	int transposed;

	if (width < 40)
		width = 40;
	transposed = r->cs->n_read > report_many_columns(width);
	text_head(out, r);
	text_progress(out, r);
	if (r->cs->n_read) {
		fprintf(out, "\n%s\n",
			transposed ? _("Status per item: a row per file")
				   : _("Status per item: a column per file"));
		text_legend(out, transposed, width);
		fputc('\n', out);
		if (transposed)
			text_rows(out, r, width);
		else
			text_columns(out, r, width);
		fputc('\n', out);
		text_gaps(out, r, width);
		text_reviews(out, r, width);
	}
	text_left_out(out, r, width);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

int report_many_csv(FILE *out, const struct report_many *r)
{
	const struct checklist *cl = r->cl;
	const struct connectors *cs = r->cs;

	fputs("\xEF\xBB\xBF", out);
	export_csv_field(out, "通番");
	fputc(',', out);
	export_csv_field(out, "区分");
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a) {
			fputc(',', out);
			export_csv_field(out, cs->files[k].name);
		}
	fputs("\r\n", out);
	for (size_t i = 0; i < cl->n_items; i++) {
		fprintf(out, "%s,", cl->items[i].label);
		export_csv_field(out, cl->sections[cl->items[i].section].name.ja);
		for (size_t k = 0; k < cs->n; k++)
			if (cs->files[k].a) {
				fputc(',', out);
				export_csv_field(out, status_official(cs->files[k].a->status[i]));
			}
		fputs("\r\n", out);
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

/* The page's whole style: the matrix scrolls sideways in its own box, its
 * first column stays in view; the status is in the text (a mark), its
 * colour only repeats it; on paper each part starts a page. */
static const char style[] =
	":root{color-scheme:light dark}\n"
	"body{margin:0 auto;max-width:70em;padding:1em;line-height:1.5;"
	"font-family:system-ui,-apple-system,\"Segoe UI\",\"Hiragino Sans\","
	"\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",Meiryo,\"Noto Sans CJK JP\",sans-serif}\n"
	"h1{font-size:1.5em;margin:0 0 .5em}\n"
	"h2{font-size:1.25em;margin:1.5em 0 .5em;border-bottom:1px solid}\n"
	"h1,h2{overflow-wrap:anywhere}\n"
	"dt{font-weight:bold}\n"
	"dd{margin:0 0 .5em 1em;overflow-wrap:anywhere}\n"
	".scroll{overflow-x:auto}\n"
	"table{border-collapse:collapse}\n"
	"th,td{border:1px solid #888;padding:.2em .4em}\n"
	"th[scope=row]{text-align:left;font-weight:normal;overflow-wrap:anywhere}\n"
	"td{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
	"td.mark{text-align:center;font-family:ui-monospace,monospace}\n"
	".implemented{background:#c8e6c9}.partial{background:#fff3c4}\n"
	".not-implemented{background:#ffcdd2}.not-applicable{background:#e0e0e0}\n"
	"@media (prefers-color-scheme:dark){.implemented,.partial,.not-implemented,"
	".not-applicable{color:#000}}\n"
	".ctl{font-family:ui-monospace,monospace;border:1px dotted}\n"
	"@page{margin:15mm}\n"
	"@media print{body{max-width:none;padding:0;font-size:9pt}"
	".section{break-before:page;page-break-before:always}"
	".scroll{overflow:visible}}\n";

static void html_head(FILE *out, const struct report_many *r)
{
	const struct checklist *cl = r->cl;
	char files[128];

	fprintf(out,
		"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		r->lang == LANG_EN ? "en" : "ja");
	export_html_element(out, "title", text_get(&cl->title, r->lang));
	fprintf(out, "\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", style);
	export_html_element(out, "h1", text_get(&cl->title, r->lang));
	fputs("\n<dl>\n", out);
	export_html_element(out, "dt", _("Checklist"));
	export_html_element(out, "dd", cl->id);
	if (*text_get(&cl->edition, r->lang)) {
		export_html_element(out, "dt", _("Edition"));
		export_html_element(out, "dd", text_get(&cl->edition, r->lang));
	}
	export_html_element(out, "dt", _("Report date"));
	export_html_element(out, "dd", r->date);
	snprintf(files, sizeof files, _("Files: %zu read, %zu left out"), r->cs->n_read,
		 r->cs->n - r->cs->n_read);
	export_html_element(out, "dt", _("Answer files"));
	export_html_element(out, "dd", files);
	fputs("\n</dl>\n</header>\n<main>\n", out);
}

static void html_progress(FILE *out, const struct report_many *r)
{
	const struct connectors *cs = r->cs;
	char num[48];
	size_t col = 0;

	fputs("<section class=\"progress\">\n", out);
	export_html_element(out, "h2", _("Progress per file"));
	fputs("\n<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">#</th>", out);
	export_html_element(out, "th", _("Connector"));
	export_html_element(out, "th", _("Answer file"));
	/* TRANSLATORS: a report's column of answered items out of all (3/8). */
	export_html_element(out, "th", _("Answered"));
	for (int s = STATUS_IMPLEMENTED; s < STATUS_COUNT; s++)
		export_html_element(out, "th", status_name((enum status)s));
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < cs->n; k++) {
		const struct connector *f = &cs->files[k];
		size_t counts[STATUS_COUNT];
		if (!f->a)
			continue;
		answers_count(f->a, 0, r->cl->n_items, counts);
		fprintf(out, "<tr><td>%zu</td><th scope=\"row\">", ++col);
		export_html_text(out, f->name);
		fputs("</th><th scope=\"row\">", out);
		export_html_text(out, f->path);
		if (f->changed) {
			fputs(" (", out);
			export_html_text(out,
					 _("answered against another version of the checklist"));
			fputs(")", out);
		}
		fprintf(out, "</th><td>%zu/%zu</td>", r->cl->n_items - counts[STATUS_UNANSWERED],
			r->cl->n_items);
		for (int s = STATUS_IMPLEMENTED; s < STATUS_COUNT; s++) {
			snprintf(num, sizeof num, "%zu", counts[s]);
			export_html_element(out, "td", num);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n</div>\n</section>\n", out);
}

/* A cell of the matrix: the status's mark, its name as the cell's title. */
static void html_mark(FILE *out, enum status s)
{
	char mark[4];

	status_mark(s, mark);
	fprintf(out, "<td class=\"mark %s\" title=\"", status_key(s));
	export_html_text(out, status_name(s));
	fputs("\">", out);
	export_html_text(out, mark);
	fputs("</td>", out);
}

static void html_matrix(FILE *out, const struct report_many *r)
{
	const struct checklist *cl = r->cl;
	const struct connectors *cs = r->cs;

	fputs("<section class=\"section\">\n", out);
	export_html_element(out, "h2", _("Status per item"));
	fputs("\n<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr>", out);
	export_html_element(out, "th", _("No."));
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a)
			export_html_element(out, "th", cs->files[k].name);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < cl->n_items; i++) {
		fprintf(out, "<tr><th scope=\"row\" title=\"");
		export_html_text(out, text_get(&cl->sections[cl->items[i].section].name, r->lang));
		fprintf(out, "\">%s</th>", cl->items[i].label);
		for (size_t k = 0; k < cs->n; k++)
			if (cs->files[k].a)
				html_mark(out, cs->files[k].a->status[i]);
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n</div>\n</section>\n", out);
}

/* The names of the files that have item i at status s, in a <dd>. */
static void html_gap(FILE *out, const struct report_many *r, size_t i, enum status s)
{
	const struct connectors *cs = r->cs;
	int first = 1;

	fputs("<dd>", out);
	export_html_text(out, status_name(s));
	fputs(": ", out);
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a && cs->files[k].a->status[i] == s) {
			if (!first)
				fputs(", ", out);
			export_html_text(out, cs->files[k].name);
			first = 0;
		}
	fputs("</dd>\n", out);
}

static void html_gaps(FILE *out, const struct report_many *r)
{
	size_t n = 0;
	char num[64];

	fputs("<section class=\"section\">\n", out);
	export_html_element(out, "h2", _("Items not implemented or not answered in some file"));
	fputs("\n<dl>\n", out);
	for (size_t i = 0; i < r->cl->n_items; i++) {
		size_t counts[STATUS_COUNT];
		if (!connectors_gap(r->cs, i))
			continue;
		connectors_count_item(r->cs, i, counts);
		snprintf(num, sizeof num, _("No. %s"), r->cl->items[i].label);
		export_html_element(out, "dt", num);
		if (counts[STATUS_NOT_IMPLEMENTED])
			html_gap(out, r, i, STATUS_NOT_IMPLEMENTED);
		if (counts[STATUS_UNANSWERED])
			html_gap(out, r, i, STATUS_UNANSWERED);
		n++;
	}
	fputs("</dl>\n", out);
	if (!n)
		export_html_element(out, "p",
				    _("None: every file has every item answered, and none not "
				      "implemented."));
	fputs("\n</section>\n", out);
}

static void html_left_out(FILE *out, const struct report_many *r)
{
	const struct connectors *cs = r->cs;

	if (cs->n_read == cs->n)
		return;
	fputs("<section class=\"left-out\">\n", out);
	export_html_element(out, "h2", _("Files left out"));
	fputs("\n<dl>\n", out);
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].why[0]) {
			export_html_element(out, "dt", cs->files[k].path);
			export_html_element(out, "dd", cs->files[k].why);
			fputc('\n', out);
		}
	fputs("</dl>\n</section>\n", out);
}

int report_many_html(FILE *out, const struct report_many *r)
{
	html_head(out, r);
	html_progress(out, r);
	if (r->cs->n_read) {
		html_matrix(out, r);
		html_gaps(out, r);
	}
	html_left_out(out, r);
	fputs("</main>\n</body>\n</html>\n", out);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
