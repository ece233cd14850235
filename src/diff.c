/* diff: two answer files compared, as text, Markdown and HTML. */
#include "config.h"

#include "diff.h"

#include <stdlib.h>
#include <string.h>

#include "connectors.h"
#include "export_html.h"
#include "export_md.h"
#include "gettext.h"
#include "textwidth.h"
#include "timefmt.h"

/* A format: what it writes for each part, in this order: begin, then for
 * each changed item item, status if it changed, text for each changed
 * column, verdict if the review's changed, comment for each new comment,
 * item_end; then end with the counts. */
struct diff_ops {
	void (*begin)(FILE *out, const struct diff_report *d, const char *title);
	void (*item)(FILE *out, const struct diff_report *d, size_t i, const char *heading);
	void (*status)(FILE *out, enum status old, enum status new_);
	void (*text)(FILE *out, const char *column, const char *old, const char *new_);
	void (*verdict)(FILE *out, const char *old, const char *new_);
	void (*comment)(FILE *out, const char *who, const char *text);
	void (*item_end)(FILE *out);
	void (*end)(FILE *out, size_t changed, size_t unchanged);
};

/* Whether comment k of the new file is new and on item index i. */
static int fresh_on(const struct diff_report *d, size_t k, size_t i)
{
	return d->fresh[k] && d->comments[k].item == d->cl->items[i].number;
}

/* Whether item index i changed: its status, an answer, its verdict, or a
 * comment added. */
static int item_changed(const struct diff_report *d, size_t i)
{
	struct diff_item di = connectors_diff_item(d->old, d->new_, i);
	size_t k = 0;

	while (k < d->n_comments && !fresh_on(d, k, i))
		k++;
	return di.status || di.n_text || di.verdict || k < d->n_comments;
}

size_t diff_count(const struct diff_report *d)
{
	size_t n = 0;

	for (size_t i = 0; i < d->cl->n_items; i++)
		n += (size_t)item_changed(d, i);
	return n;
}

/* Writes the review's part of item index i: the verdict if it changed,
 * then each comment added, "user, time" before it. */
static void walk_review(FILE *out, const struct diff_report *d, size_t i,
			const struct diff_ops *ops)
{
	char old[128], new_[128], when[64], who[256];

	if (d->old->verdict[i] != d->new_->verdict[i])
		ops->verdict(out, verdict_shown(d->old->verdict[i], old, sizeof old),
			     verdict_shown(d->new_->verdict[i], new_, sizeof new_));
	for (size_t k = 0; k < d->n_comments; k++) {
		if (!fresh_on(d, k, i))
			continue;
		timefmt_local(d->comments[k].time, when, sizeof when);
		/* TRANSLATORS: who wrote a comment added to the review, and
		   when, in tenken diff: "hanako, 2026-04-01 10:00 JST". */
		snprintf(who, sizeof who, _("%s, %s"), d->comments[k].user, when);
		ops->comment(out, who, d->comments[k].text);
	}
}

/* Writes the sentences of the counts to buf (len bytes): "3 items
 * changed. 41 items unchanged." */
static void counts(char *buf, size_t len, size_t changed, size_t unchanged)
{
	int n = snprintf(buf, len, ngettext("%zu item changed.", "%zu items changed.", changed),
			 changed);

	if (n > 0 && (size_t)n + 1 < len)
		snprintf(buf + n, len - (size_t)n, " ");
	if (n > 0 && (size_t)n + 1 < len)
		snprintf(buf + n + 1, len - (size_t)n - 1,
			 ngettext("%zu item unchanged.", "%zu items unchanged.", unchanged),
			 unchanged);
}

/* "(empty)" for an answer nobody wrote, else the text. */
static const char *or_empty(const char *text)
{
	return *text ? text : _("(empty)");
}

/* Walks the diff d, calling ops. */
static int diff_walk(FILE *out, const struct diff_report *d, const struct diff_ops *ops)
{
	const struct checklist *cl = d->cl;
	size_t changed = 0;
	char heading[640];

	ops->begin(out, d, text_get(&cl->title, d->lang));
	for (size_t i = 0; i < cl->n_items; i++) {
		struct diff_item di = connectors_diff_item(d->old, d->new_, i);
		const struct item *it = &cl->items[i];
		if (!item_changed(d, i))
			continue;
		changed++;
		/* TRANSLATORS: the heading of an item in tenken diff: its 通番,
		   then its section's number and name (No. 7  2. 外部委託管理). */
		snprintf(heading, sizeof heading, _("No. %s  (%d. %s)"), it->label,
			 cl->sections[it->section].number,
			 text_get(&cl->sections[it->section].name, d->lang));
		textwidth_cut(heading);
		ops->item(out, d, i, heading);
		if (di.status)
			ops->status(out, d->old->status[i], d->new_->status[i]);
		for (size_t c = 0; c < cl->n_columns; c++)
			if (connectors_diff_text(d->old, d->new_, i, c))
				ops->text(out, text_get(&cl->columns[c].name, d->lang),
					  answers_text(d->old, i, c), answers_text(d->new_, i, c));
		walk_review(out, d, i, ops);
		ops->item_end(out);
	}
	ops->end(out, changed, cl->n_items - changed);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

/* ---- Text ---- */

/* The width of the text: diff_text sets it before the walk. */
static int text_width = 80;

/* Writes s sanitized on one line. */
static void put_line(FILE *out, const char *s)
{
	char *clean = textwidth_sanitize_line(s);

	fputs(clean ? clean : "", out);
	free(clean);
}

static void text_begin(FILE *out, const struct diff_report *d, const char *title)
{
	put_line(out, title);
	/* TRANSLATORS: tenken diff's lines naming the two answer files; the
	   labels are padded to the same width. */
	fprintf(out, "\n%s ", _("Old:"));
	put_line(out, d->old_path);
	fprintf(out, "\n%s ", _("New:"));
	put_line(out, d->new_path);
	fputc('\n', out);
}

static void text_item(FILE *out, const struct diff_report *d, size_t i, const char *heading)
{
	(void)d;
	(void)i;
	fputc('\n', out);
	put_line(out, heading);
	fputc('\n', out);
}

static void text_status(FILE *out, enum status old, enum status new_)
{
	fprintf(out, "  %s: %s -> %s\n", _("Status"), status_name(old), status_name(new_));
}

/* Writes "    label text", the text wrapped under itself. */
static void text_side(FILE *out, const char *label, const char *text)
{
	char *clean = textwidth_sanitize(text);
	int pad = *label ? (int)textwidth_str(label) + 1 : 0, width = text_width - 4 - pad;
	struct textwidth_line lines[256];
	size_t n;

	if (!clean)
		return;
	n = textwidth_wrap(clean, width < 20 ? 20 : width, lines, sizeof lines / sizeof lines[0]);
	for (size_t l = 0; l < n && l < sizeof lines / sizeof lines[0]; l++)
		fprintf(out, "    %s%*s%.*s\n", l ? "" : label, l || !pad ? pad : 1, "",
			(int)lines[l].len, clean + lines[l].start);
	free(clean);
}

static void text_text(FILE *out, const char *column, const char *old, const char *new_)
{
	fputs("  ", out);
	put_line(out, column);
	fputs(":\n", out);
	/* TRANSLATORS: before the old and the new text of an answer in tenken
	   diff's text output; give both the same width. */
	text_side(out, _("old:"), or_empty(old));
	text_side(out, _("new:"), or_empty(new_));
}

static void text_verdict(FILE *out, const char *old, const char *new_)
{
	/* TRANSLATORS: the review's verdict (確認済, 要確認, 指摘あり) in tenken
	   diff, before its old and new value. */
	fprintf(out, "  %s: %s -> %s\n", _("Verdict"), old, new_);
}

static void text_comment(FILE *out, const char *who, const char *text)
{
	fputs("  ", out);
	/* TRANSLATORS: tenken diff, before a comment added to the review;
	   who wrote it and when follow in parentheses. */
	put_line(out, _("New comment"));
	fputs(" (", out);
	put_line(out, who);
	fputs("):\n", out);
	text_side(out, "", text);
}

static void text_item_end(FILE *out)
{
	(void)out;
}

static void text_end(FILE *out, size_t changed, size_t unchanged)
{
	char line[256];

	counts(line, sizeof line, changed, unchanged);
	fprintf(out, "\n%s\n", line);
}

int diff_text(FILE *out, const struct diff_report *d, int width)
{
	static const struct diff_ops ops = {text_begin,   text_item,    text_status,   text_text,
					    text_verdict, text_comment, text_item_end, text_end};

	text_width = width < 40 ? 40 : width;
	return diff_walk(out, d, &ops);
}

/* ---- Markdown ---- */

static void md_begin(FILE *out, const struct diff_report *d, const char *title)
{
	char head[1024];

	fputs("# ", out);
	/* TRANSLATORS: the heading of tenken diff's Markdown and HTML; %s is
	   the checklist's title. */
	snprintf(head, sizeof head, _("Changes: %s"), title);
	textwidth_cut(head);
	export_md_text(out, head, NULL);
	fputs("\n\n- ", out);
	export_md_text(out, _("Old:"), NULL);
	fputc(' ', out);
	export_md_text(out, d->old_path, NULL);
	fputs("\n- ", out);
	export_md_text(out, _("New:"), NULL);
	fputc(' ', out);
	export_md_text(out, d->new_path, NULL);
	fputs("\n- ", out);
	export_md_text(out, _("Report date"), NULL);
	fputs(": ", out);
	export_md_text(out, d->date, NULL);
	fputc('\n', out);
}

static void md_item(FILE *out, const struct diff_report *d, size_t i, const char *heading)
{
	(void)d;
	(void)i;
	fputs("\n## ", out);
	export_md_text(out, heading, NULL);
	fputs("\n\n", out);
}

static void md_status(FILE *out, enum status old, enum status new_)
{
	fputs("- **", out);
	export_md_text(out, _("Status"), NULL);
	fputs("**: ", out);
	export_md_text(out, status_name(old), NULL);
	fputs(" → ", out);
	export_md_text(out, status_name(new_), NULL);
	fputc('\n', out);
}

static void md_text(FILE *out, const char *column, const char *old, const char *new_)
{
	fputs("- **", out);
	export_md_text(out, column, NULL);
	fputs("**\n  - ", out);
	export_md_text(out, _("old:"), NULL);
	fputc(' ', out);
	export_md_text(out, or_empty(old), "    ");
	fputs("\n  - ", out);
	export_md_text(out, _("new:"), NULL);
	fputc(' ', out);
	export_md_text(out, or_empty(new_), "    ");
	fputc('\n', out);
}

static void md_verdict(FILE *out, const char *old, const char *new_)
{
	fputs("- **", out);
	export_md_text(out, _("Verdict"), NULL);
	fputs("**: ", out);
	export_md_text(out, old, NULL);
	fputs(" → ", out);
	export_md_text(out, new_, NULL);
	fputc('\n', out);
}

static void md_comment(FILE *out, const char *who, const char *text)
{
	fputs("- **", out);
	export_md_text(out, _("New comment"), NULL);
	fputs("** (", out);
	export_md_text(out, who, NULL);
	fputs(")\n  - ", out);
	export_md_text(out, text, "    ");
	fputc('\n', out);
}

static void md_end(FILE *out, size_t changed, size_t unchanged)
{
	char line[256];

	counts(line, sizeof line, changed, unchanged);
	fputc('\n', out);
	export_md_text(out, line, NULL);
	fputc('\n', out);
}

int diff_md(FILE *out, const struct diff_report *d)
{
	static const struct diff_ops ops = {md_begin,   md_item,    md_status,     md_text,
					    md_verdict, md_comment, text_item_end, md_end};

	return diff_walk(out, d, &ops);
}

/* ---- HTML ---- */

static const char style[] =
	":root{color-scheme:light dark}\n"
	"body{margin:0 auto;max-width:60em;padding:1em;line-height:1.6;"
	"font-family:system-ui,-apple-system,\"Segoe UI\",\"Hiragino Sans\","
	"\"Hiragino Kaku Gothic ProN\",\"Yu Gothic\",Meiryo,\"Noto Sans CJK JP\",sans-serif}\n"
	"h1{font-size:1.5em;margin:0 0 .5em}\n"
	"h2{font-size:1.1em;margin:1.5em 0 .5em;border-bottom:1px solid}\n"
	"h1,h2{overflow-wrap:anywhere}\n"
	"dt{font-weight:bold}\n"
	"dd{margin:0 0 .5em 1em;white-space:pre-wrap;overflow-wrap:anywhere}\n"
	"del,ins{display:block;text-decoration:none;padding:.1em .4em}\n"
	"del{border-left:.3em solid #c62828}ins{border-left:.3em solid #2e7d32}\n"
	".side{font-weight:bold}\n"
	".ctl{font-family:ui-monospace,monospace;border:1px dotted}\n"
	"@page{margin:15mm}\n"
	"@media print{body{max-width:none;padding:0;font-size:10pt}"
	".section{break-before:page;page-break-before:always}"
	".item{break-inside:avoid;page-break-inside:avoid}}\n";

static void html_begin(FILE *out, const struct diff_report *d, const char *title)
{
	char head[1024];

	snprintf(head, sizeof head, _("Changes: %s"), title);
	textwidth_cut(head);
	fprintf(out,
		"<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		d->lang == LANG_EN ? "en" : "ja");
	export_html_element(out, "title", head);
	fprintf(out, "\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", style);
	export_html_element(out, "h1", head);
	fputs("\n<dl>\n", out);
	export_html_element(out, "dt", _("Old:"));
	export_html_element(out, "dd", d->old_path);
	export_html_element(out, "dt", _("New:"));
	export_html_element(out, "dd", d->new_path);
	export_html_element(out, "dt", _("Report date"));
	export_html_element(out, "dd", d->date);
	fputs("\n</dl>\n</header>\n<main>\n", out);
}

static void html_item(FILE *out, const struct diff_report *d, size_t i, const char *heading)
{
	fprintf(out, "<article class=\"item\" id=\"item-%s\">\n", d->cl->items[i].label);
	export_html_element(out, "h2", heading);
	fputs("\n<dl>\n", out);
}

static void html_status(FILE *out, enum status old, enum status new_)
{
	export_html_element(out, "dt", _("Status"));
	fputs("<dd>", out);
	export_html_text(out, status_name(old));
	fputs(" → ", out);
	export_html_text(out, status_name(new_));
	fputs("</dd>\n", out);
}

static void html_text(FILE *out, const char *column, const char *old, const char *new_)
{
	export_html_element(out, "dt", column);
	fputs("<dd><del><span class=\"side\">", out);
	export_html_text(out, _("old:"));
	fputs("</span> ", out);
	export_html_text(out, or_empty(old));
	fputs("</del><ins><span class=\"side\">", out);
	export_html_text(out, _("new:"));
	fputs("</span> ", out);
	export_html_text(out, or_empty(new_));
	fputs("</ins></dd>\n", out);
}

static void html_verdict(FILE *out, const char *old, const char *new_)
{
	export_html_element(out, "dt", _("Verdict"));
	fputs("<dd>", out);
	export_html_text(out, old);
	fputs(" → ", out);
	export_html_text(out, new_);
	fputs("</dd>\n", out);
}

static void html_comment(FILE *out, const char *who, const char *text)
{
	export_html_element(out, "dt", _("New comment"));
	fputs("<dd><ins><span class=\"side\">", out);
	export_html_text(out, who);
	fputs("</span> ", out);
	export_html_text(out, text);
	fputs("</ins></dd>\n", out);
}

static void html_item_end(FILE *out)
{
	fputs("</dl>\n</article>\n", out);
}

static void html_end(FILE *out, size_t changed, size_t unchanged)
{
	char line[256];

	counts(line, sizeof line, changed, unchanged);
	fputs("<p class=\"counts\">", out);
	export_html_text(out, line);
	fputs("</p>\n</main>\n</body>\n</html>\n", out);
}

int diff_html(FILE *out, const struct diff_report *d)
{
	static const struct diff_ops ops = {html_begin,   html_item,    html_status,   html_text,
					    html_verdict, html_comment, html_item_end, html_end};

	return diff_walk(out, d, &ops);
}
