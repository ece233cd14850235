/* print: the checklist and its answers as plain text. */
#include "config.h"

#include "print.h"

#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "outline.h"
#include "textwidth.h"

int print_wrapped(FILE *out, int indent, const char *prefix, const char *text, int width)
{
	char *clean = textwidth_sanitize(text), *cprefix = textwidth_sanitize(prefix);
	int first = (int)textwidth_str(cprefix);
	struct textwidth_line stackbuf[64], *lines = stackbuf;
	size_t n;
	int avail = width - indent - (first > indent ? first - indent : 0);

	if (!clean || !cprefix) {
		free(clean);
		free(cprefix);
		return -1;
	}
	if (avail < 10 && first > indent) {
		/* A label too long for the width: it takes a line of its own. */
		size_t plen = strlen(cprefix);
		while (plen && cprefix[plen - 1] == ' ')
			plen--;
		fprintf(out, "%.*s\n", (int)plen, cprefix);
		cprefix[0] = '\0';
		first = 0;
		avail = width - indent;
	}
	if (avail < 10)
		avail = 10;
	n = textwidth_wrap(clean, avail, lines, 64);
	if (n > 64 && (lines = malloc(n * sizeof *lines)) != NULL)
		textwidth_wrap(clean, avail, lines, n);
	if (!lines) {
		free(clean);
		free(cprefix);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			fprintf(out, "%*s%s", indent > first ? indent - first : 0, "", cprefix);
		else
			fprintf(out, "%*s", indent > first ? indent : first, "");
		fwrite(clean + lines[i].start, 1, lines[i].len, out);
		fputc('\n', out);
	}
	if (lines != stackbuf)
		free(lines);
	free(clean);
	free(cprefix);
	return ferror(out) ? -1 : 0;
}

struct outline_ctx {
	FILE *out;
	int width;
};

static void print_line(void *ctx, enum outline_kind kind, int depth, const char *label,
		       const char *text)
{
	struct outline_ctx *c = ctx;
	int indent = 6 + 2 * depth;
	char prefix[48];

	if (kind == OUTLINE_HEADING) {
		char *h = malloc(strlen(text) + 3);
		if (!h)
			return;
		sprintf(h, "<%s>", text);
		print_wrapped(c->out, indent, "", h, c->width);
		free(h);
		return;
	}
	snprintf(prefix, sizeof prefix, "%*s%s%s", indent, "", label,
		 kind == OUTLINE_METHOD && *label ? " " : "");
	/* Continuation lines hang under the text, not the label. */
	print_wrapped(c->out, (int)textwidth_str(prefix), prefix, text, c->width);
}

static void print_field(FILE *out, const char *label, const char *text, int width)
{
	char prefix[600];

	snprintf(prefix, sizeof prefix, "    %s: ", label);
	print_wrapped(out, 6, prefix, text, width);
}

static void print_answers(FILE *out, const struct checklist *cl, const struct answers *a, size_t i,
			  enum lang lang, int width)
{
	fprintf(out, "    %s\n", _("Answers:"));
	{
		char prefix[256];
		snprintf(prefix, sizeof prefix, "      %s: ", _("Status"));
		print_wrapped(out, 8, prefix, status_name(a->status[i]), width);
	}
	for (size_t c = 0; c < cl->n_columns; c++) {
		char prefix[512];
		const char *t = answers_text(a, i, c);
		char *name = textwidth_sanitize(text_get(&cl->columns[c].name, lang));
		snprintf(prefix, sizeof prefix, "      %s: ", name ? name : "");
		free(name);
		/* TRANSLATORS: shown in place of an answer nobody has written. */
		print_wrapped(out, 8, prefix, *t ? t : _("(empty)"), width);
	}
	/* The review, once it has begun: the verdict and the latest comment
	 * (tenken review shows the whole thread). */
	if (a->verdict[i] != VERDICT_NONE || a->comment[i]) {
		char prefix[256], verdict[128];
		fprintf(out, "    %s\n", _("Review:"));
		snprintf(prefix, sizeof prefix, "      %s: ", _("Verdict"));
		if (a->verdict[i] != VERDICT_NONE)
			verdict_shown(a->verdict[i], verdict, sizeof verdict);
		else
			snprintf(verdict, sizeof verdict, "%s", _("none yet"));
		print_wrapped(out, 8, prefix, verdict, width);
		if (a->comment[i]) {
			snprintf(prefix, sizeof prefix, "      %s: ", _("Latest comment"));
			print_wrapped(out, 8, prefix, a->comment[i], width);
		}
	}
}

/* The older edition's 手法例 for item it, each of its items labelled. */
static void print_examples(FILE *out, const struct examples *ex, const struct item *it,
			   enum lang lang, int width)
{
	const struct mapping_link *l = mapping_link_to(ex->m, it->number);
	struct outline_ctx ctx = {out, width};
	char label[512];

	for (size_t k = 0; l && k < l->n_from; k++) {
		long j = checklist_find_item(ex->cl, l->from[k]);
		if (j < 0)
			continue;
		const struct item *old = &ex->cl->items[j];
		/* TRANSLATORS: the older edition's name and item number. */
		snprintf(label, sizeof label, _("Methods of %s, item %d, for reference"),
			 text_get(&ex->cl->edition, lang), old->number);
		print_field(out, label, text_get(&old->goal, lang), width);
		outline_item(old, lang, print_line, &ctx);
	}
}

/* A marked text with its added runs between print's marks, wrapped from
 * column indent. */
static void print_marked(FILE *out, int indent, const char *prefix, const struct marked *m,
			 enum lang lang, int width)
{
	/* TRANSLATORS: print's marks before and after the text a review added
	   (the publisher underlines it), as wdiff marks an insertion: {+…+}.
	   In Japanese 【追加部分】 and 【ここまで】. */
	char *s = marked_format(m, lang, _("{+"), _("+}"));

	if (s)
		print_wrapped(out, indent, prefix, s, width);
	free(s);
}

/* A review's note on a 基準: the review and its date, the 基準, the
 * changed passage and the publisher's label, from column indent. */
static void print_revision(FILE *out, const struct revision *rv, int indent, enum lang lang,
			   int width)
{
	char label[600], pad[32];

	snprintf(pad, sizeof pad, "%*s", indent + 4, "");
	if (rv->date)
		snprintf(label, sizeof label, "%*s%s (%s): ", indent, "",
			 text_get(&rv->review, lang), rv->date);
	else
		snprintf(label, sizeof label, "%*s%s: ", indent, "", text_get(&rv->review, lang));
	print_marked(out, indent + 2, label, &rv->standard, lang, width);
	if (*rv->passage.text.ja)
		print_marked(out, indent + 4, pad, &rv->passage, lang, width);
	if (*rv->change.ja)
		print_wrapped(out, indent + 4, pad, text_get(&rv->change, lang), width);
}

/* Whether a revision of revs marks added text in lang. */
static int any_added(const struct revision *revs, size_t n, enum lang lang)
{
	for (size_t r = 0; r < n; r++)
		if (marked_n_added(&revs[r].standard, lang) ||
		    marked_n_added(&revs[r].passage, lang))
			return 1;
	return 0;
}

/* Says, before revisions that mark added text, how print marks it. */
static void print_marks_legend(FILE *out, int indent, const struct revision *revs, size_t n,
			       enum lang lang, int width)
{
	char pad[32];

	if (!any_added(revs, n, lang))
		return;
	snprintf(pad, sizeof pad, "%*s", indent, "");
	/* TRANSLATORS: before the review notes of print; the marks are
	   those of "{+" and "+}". */
	print_wrapped(out, indent, pad,
		      _("(The text a review added, which the publisher underlines, is between {+ "
			"and +}.)"),
		      width);
}

static void print_revisions(FILE *out, const struct item *it, enum lang lang, int width)
{
	print_marks_legend(out, 4, it->revisions, it->n_revisions, lang, width);
	for (size_t r = 0; r < it->n_revisions; r++)
		print_revision(out, &it->revisions[r], 4, lang, width);
}

/* The item's references, and where they are known from. */
static void print_references(FILE *out, const struct checklist *cl, const struct item *it,
			     enum lang lang, int width)
{
	const struct text *note = checklist_refs_note(cl, it);

	for (size_t r = 0; r < it->n_refs; r++) {
		const struct reference *ref = &it->refs[r];
		char *both = malloc(strlen(text_get(&ref->source, lang)) +
				    strlen(text_get(&ref->location, lang)) + 4);
		if (!both)
			continue;
		sprintf(both, "%s  %s", text_get(&ref->source, lang),
			text_get(&ref->location, lang));
		/* TRANSLATORS: 関連規定, as in the CSV export's header. */
		print_field(out, _("Related regulations"), both, width);
		free(both);
	}
	if (note)
		print_field(out, _("About the references"), text_get(note, lang), width);
}

static void print_item(FILE *out, const struct checklist *cl, const struct answers *a,
		       const struct examples *ex, size_t i, enum lang lang, int width)
{
	const struct item *it = &cl->items[i];
	char prefix[32];
	struct outline_ctx ctx = {out, width};

	snprintf(prefix, sizeof prefix, "%3s  ", it->label);
	print_wrapped(out, 5, prefix, text_get(&it->goal, lang), width);
	if (it->added) {
		char mark[256];
		snprintf(mark, sizeof mark, _("The bank's own item, added by the overlay %s"),
			 cl->id);
		print_wrapped(out, 5, "     ", mark, width);
	}
	print_field(out, _("Target"), text_get(&cl->targets[it->target].name, lang), width);
	if (it->n_groups || it->n_notes) {
		/* TRANSLATORS: 手法例, as in the CSV export's header. */
		fprintf(out, "    %s:\n", _("Example methods"));
		outline_item(it, lang, print_line, &ctx);
	}
	print_references(out, cl, it, lang, width);
	if (*it->remarks.ja)
		print_field(out, _("Remarks"), text_get(&it->remarks, lang), width);
	for (size_t w = 0; w < it->n_warnings; w++)
		print_field(out, _("Do not"), text_get(&it->warnings[w], lang), width);
	print_revisions(out, it, lang, width);
	if (ex)
		print_examples(out, ex, it, lang, width);
	print_answers(out, cl, a, i, lang, width);
	fputc('\n', out);
}

static void print_section_heading(FILE *out, const struct checklist *cl, size_t s, enum lang lang,
				  int width)
{
	const struct section *sec = &cl->sections[s];
	char prefix[32];

	snprintf(prefix, sizeof prefix, "== %d. ", sec->number);
	if (*sec->name_supplied.ja) {
		char name[600];
		/* TRANSLATORS: a section name that is tenken's, not the publisher's. */
		snprintf(name, sizeof name, _("%s (name supplied by tenken)"),
			 text_get(&sec->name, lang));
		print_wrapped(out, 6, prefix, name, width);
		print_field(out, _("About the name"), text_get(&sec->name_supplied, lang), width);
	} else {
		print_wrapped(out, 6, prefix, text_get(&sec->name, lang), width);
	}
	if (*sec->purpose.ja)
		print_wrapped(out, 3, "   ", text_get(&sec->purpose, lang), width);
	for (size_t k = 0; k < sec->n_sources; k++)
		print_field(out, _("Source"), text_get(&sec->sources[k], lang), width);
	for (size_t k = 0; k < sec->n_warnings; k++)
		print_field(out, _("Do not"), text_get(&sec->warnings[k], lang), width);
	fputc('\n', out);
}

/* A line of the revision history, then the review's notes on 基準 that no
 * item cites; when only some items are printed, how many there are. */
static void print_history(FILE *out, const struct history *h, int all, enum lang lang, int width)
{
	char prefix[32], count[256];

	snprintf(prefix, sizeof prefix, "  %s  ", h->date);
	print_wrapped(out, 14, prefix, text_get(&h->text, lang), width);
	if (!h->n_revisions)
		return;
	if (!all) {
		snprintf(count, sizeof count,
			 /* TRANSLATORS: under a line of the revision history when
			    print --item or --section leaves the notes out. */
			 ngettext("(%zu change to a standard that no item cites: printed "
				  "with the whole checklist)",
				  "(%zu changes to standards that no item cites: printed "
				  "with the whole checklist)",
				  h->n_revisions),
			 h->n_revisions);
		print_wrapped(out, 14, "              ", count, width);
		return;
	}
	/* TRANSLATORS: the heading of a review's notes on 基準 that no item
	   of the checklist cites as 関連規定. */
	print_wrapped(out, 14, "              ", _("Changed standards that no item cites:"), width);
	print_marks_legend(out, 16, h->revisions, h->n_revisions, lang, width);
	for (size_t r = 0; r < h->n_revisions; r++)
		print_revision(out, &h->revisions[r], 16, lang, width);
}

int print_checklist(FILE *out, const struct checklist *cl, const struct answers *a,
		    struct print_filter filter, enum lang lang, int width)
{
	return print_checklist_ex(out, cl, a, NULL, filter, lang, width);
}

int print_checklist_ex(FILE *out, const struct checklist *cl, const struct answers *a,
		       const struct examples *ex, struct print_filter filter, enum lang lang,
		       int width)
{
	print_wrapped(out, 0, "", text_get(&cl->title, lang), width);
	if (cl->date)
		fprintf(out, "%s\n", cl->date);
	if (*cl->edition.ja)
		print_wrapped(out, 0, "", text_get(&cl->edition, lang), width);
	for (size_t h = 0; h < cl->n_history; h++)
		print_history(out, &cl->history[h], filter.section < 0 && filter.item < 0, lang,
			      width);
	if (*cl->remarks.ja)
		print_wrapped(out, 0, "", text_get(&cl->remarks, lang), width);
	fputc('\n', out);
	for (size_t s = 0; s < cl->n_sections; s++) {
		const struct section *sec = &cl->sections[s];
		int heading = 0;
		if (filter.section >= 0 && (size_t)filter.section != s)
			continue;
		for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++) {
			if (filter.item >= 0 && (size_t)filter.item != i)
				continue;
			if (!heading++)
				print_section_heading(out, cl, s, lang, width);
			print_item(out, cl, a, ex, i, lang, width);
		}
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
