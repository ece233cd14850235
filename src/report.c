/* report: the parts of a report and their order, walked once for every
 * format. */
#include "config.h"

#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "gettext.h"

int report_keeps(const struct report_filter *f, const struct answers *a, size_t i)
{
	const struct checklist *cl = a->cl;

	if (f->section >= 0 && cl->items[i].section != (size_t)f->section)
		return 0;
	return !f->statuses || (f->statuses & 1u << a->status[i]);
}

/* Returns "3. name": a section's number and name. Newly allocated; NULL if
 * memory runs out. */
static char *section_name(const struct section *sec, enum lang lang)
{
	const char *name = text_get(&sec->name, lang);
	char *s = malloc(strlen(name) + 16);

	if (s)
		sprintf(s, "%d. %s", sec->number, name);
	return s;
}

/* Returns the checklist's edition and date, "試行版 (2017-06-28)": either
 * alone if the other is missing. Newly allocated; NULL if memory runs out. */
static char *edition(const struct checklist *cl, enum lang lang)
{
	const char *ed = text_get(&cl->edition, lang), *date = cl->date ? cl->date : "";
	char *s = malloc(strlen(ed) + strlen(date) + 4);

	if (s)
		sprintf(s, *ed && *date ? "%s (%s)" : "%s%s", ed, date);
	return s;
}

/* Returns the names of the statuses f keeps, in the status table's order.
 * Newly allocated; NULL if memory runs out. */
static char *statuses_kept(const struct report_filter *f)
{
	/* TRANSLATORS: between the names of the statuses a report shows. */
	const char *sep = _(", ");
	size_t len = 1;
	char *s;

	for (int k = 0; k < STATUS_COUNT; k++)
		len += strlen(status_name((enum status)k)) + strlen(sep);
	if (!(s = calloc(1, len)))
		return NULL;
	for (int k = 0; k < STATUS_COUNT; k++)
		if (f->statuses & 1u << k) {
			if (*s)
				strcat(s, sep);
			strcat(s, status_name((enum status)k));
		}
	return s;
}

/* The head: the title, then what the report is about -- the edition, the
 * answer file, the day, and the filter when there is one. */
static int write_head(FILE *out, const struct report *r, const struct report_ops *ops)
{
	const struct checklist *cl = r->cl;
	struct report_field about[6];
	char *ed = edition(cl, r->lang), *sec = NULL, *kept = NULL;
	size_t n = 0;
	int rc = -1;

	if (!ed)
		goto done;
	if (*ed)
		about[n++] = (struct report_field){_("Edition"), ed, 0};
	if (r->connector && *r->connector)
		about[n++] = (struct report_field){_("Connector"), r->connector, 0};
	about[n++] = (struct report_field){_("Answer file"), r->file, 0};
	about[n++] = (struct report_field){_("Report date"), r->date, 0};
	if (r->filter.section >= 0) {
		if (!(sec = section_name(&cl->sections[r->filter.section], r->lang)))
			goto done;
		about[n++] = (struct report_field){_("Section shown"), sec, 0};
	}
	if (r->filter.statuses) {
		if (!(kept = statuses_kept(&r->filter)))
			goto done;
		about[n++] = (struct report_field){_("Statuses shown"), kept, 0};
	}
	ops->begin(out, r, text_get(&cl->title, r->lang), about, n);
	rc = 0;
done:
	free(ed);
	free(sec);
	free(kept);
	return rc;
}

/* Whether the filter keeps an item of section s. */
static int section_kept(const struct report *r, size_t s)
{
	const struct section *sec = &r->cl->sections[s];

	for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++)
		if (report_keeps(&r->filter, r->a, i))
			return 1;
	return 0;
}

/* Fills a progress row with the counts of the items [first, first+n). */
static void count_row(struct report_row *row, const struct answers *a, size_t first, size_t n)
{
	size_t counts[STATUS_COUNT], no_status = answers_count_no_status(a, first, n);

	answers_count(a, first, n, counts);
	snprintf(row->cells[0], sizeof row->cells[0], "%zu/%zu", n - counts[STATUS_UNANSWERED], n);
	snprintf(row->cells[1], sizeof row->cells[1], "%zu", counts[STATUS_UNANSWERED] - no_status);
	snprintf(row->cells[2], sizeof row->cells[2], "%zu", no_status);
	for (int k = STATUS_IMPLEMENTED; k < STATUS_COUNT; k++)
		snprintf(row->cells[2 + k], sizeof row->cells[2 + k], "%zu", counts[k]);
}

/* The progress table: a row for each section the report is of (the one of
 * --section, or all), and the total when there are several. It counts every
 * item of those sections: --status chooses the items listed, not the
 * progress. */
static int write_progress(FILE *out, const struct report *r, const struct report_ops *ops)
{
	const struct checklist *cl = r->cl;
	struct report_progress p = {.heading = _("Progress")};
	struct report_row *rows = calloc(cl->n_sections + 1, sizeof *rows);
	char **names = calloc(cl->n_sections + 1, sizeof *names);
	int rc = rows && names ? 0 : -1;

	p.columns[0] = _("Section");
	/* TRANSLATORS: a report's column of answered items out of all (3/8). */
	p.columns[1] = _("Answered");
	p.columns[2] = status_name(STATUS_UNANSWERED);
	/* TRANSLATORS: a report's column of items with an answer but no status. */
	p.columns[3] = _("Answered, status not set");
	for (int k = STATUS_IMPLEMENTED; k < STATUS_COUNT; k++)
		p.columns[3 + k] = status_name((enum status)k);
	for (size_t s = 0; s < cl->n_sections && rc == 0; s++) {
		const struct section *sec = &cl->sections[s];
		struct report_row *row = &rows[p.n_rows];
		if (r->filter.section >= 0 && (size_t)r->filter.section != s)
			continue;
		if (!(row->name = names[p.n_rows] = section_name(sec, r->lang))) {
			rc = -1;
			break;
		}
		row->section = sec->number;
		row->shown = section_kept(r, s);
		count_row(row, r->a, sec->first_item, sec->n_items);
		p.n_rows++;
	}
	if (rc == 0 && p.n_rows > 1) {
		rows[p.n_rows].name = _("Total");
		count_row(&rows[p.n_rows++], r->a, 0, cl->n_items);
		p.total = 1;
	}
	p.rows = rows;
	if (rc == 0)
		ops->progress(out, &p);
	for (size_t k = 0; names && k < cl->n_sections; k++)
		free(names[k]);
	free(names);
	free(rows);
	return rc;
}

/* Writes item index i with its fields (room for 2 + the answer columns). */
static void write_item(FILE *out, const struct report *r, const struct report_ops *ops, size_t i,
		       struct report_field *fields)
{
	const struct checklist *cl = r->cl;
	const struct item *it = &cl->items[i];
	struct report_item ri = {it->label, NULL, r->a->status[i], answers_no_status(r->a, i),
				 NULL,      NULL, fields,          0};
	char heading[128], mark[4];

	status_mark(ri.status, mark);
	ri.mark = ri.no_status ? "[?]" : mark;
	ri.status_text = ri.no_status ? _("Answered, status not set") : status_name(ri.status);

	/* TRANSLATORS: the heading of an item in a report: its 通番 (No. 7). */
	snprintf(heading, sizeof heading, _("No. %s"), it->label);
	ri.heading = heading;
	fields[ri.n_fields++] =
		(struct report_field){_("Security goal"), text_get(&it->goal, r->lang), 0};
	fields[ri.n_fields++] = (struct report_field){
		_("Target"), text_get(&cl->targets[it->target].name, r->lang), 0};
	for (size_t c = 0; c < cl->n_columns; c++) {
		const char *text = answers_text(r->a, i, c);
		fields[ri.n_fields++] =
			(struct report_field){text_get(&cl->columns[c].name, r->lang),
					      *text ? text : _("(empty)"), !*text};
	}
	ops->item(out, &ri);
}

/* Each section with items the filter keeps, and those items. Returns 0 or
 * -1 if memory runs out. */
static int write_sections(FILE *out, const struct report *r, const struct report_ops *ops)
{
	const struct checklist *cl = r->cl;
	struct report_field *fields = calloc(2 + cl->n_columns, sizeof *fields);
	size_t kept = 0;

	if (!fields)
		return -1;
	for (size_t s = 0; s < cl->n_sections; s++) {
		const struct section *sec = &cl->sections[s];
		char *name;
		if (!section_kept(r, s))
			continue;
		if (!(name = section_name(sec, r->lang))) {
			free(fields);
			return -1;
		}
		ops->section(out, sec->number, name);
		free(name);
		for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++)
			if (report_keeps(&r->filter, r->a, i)) {
				write_item(out, r, ops, i, fields);
				kept++;
			}
		ops->section_end(out);
	}
	if (!kept)
		/* TRANSLATORS: said in a report, in place of its items, when no
		   item has the section and statuses asked for. */
		ops->none(out, _("No item matches."));
	free(fields);
	return 0;
}

int report_write(FILE *out, const struct report *r, const struct report_ops *ops)
{
	int rc = write_head(out, r, ops);

	if (rc == 0)
		rc = write_progress(out, r, ops);
	if (rc == 0)
		rc = write_sections(out, r, ops);
	if (rc == 0)
		ops->end(out);
	return rc == 0 && fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
