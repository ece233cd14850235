/* report: what the reports of `tenken export --format md|html` hold and in
 * what order, walked once for both: the checklist's title and edition, the
 * answer file and the day of the report, the progress by section, then each
 * item the filter keeps with its goal, target, status and answers. A format
 * is a table of functions (struct report_ops) that writes each part in its
 * own markup; export_md and export_html are the two. */
#ifndef TENKEN_REPORT_H
#define TENKEN_REPORT_H

#include <stdio.h>

#include "answers.h"
#include "checklist.h"

/* Which items a report keeps: --section and --status. */
struct report_filter {
	long section;      /* a section index, or -1: every section */
	unsigned statuses; /* bit 1u << s keeps status s; 0: every status */
};

/* Returns whether f keeps item index i of a's checklist. */
int report_keeps(const struct report_filter *f, const struct answers *a, size_t i);

/* What a report is of, as its caller fills it in. */
struct report {
	const struct checklist *cl;
	const struct answers *a;
	const char *file; /* the answer file's path */
	const char *date; /* the day of the report, YYYY-MM-DD */
	enum lang lang;   /* the checklist's text in this language; the labels follow gettext */
	struct report_filter filter;
	const char *connector; /* the connector's name the file keeps (tenken name), or NULL */
};

/* A label and its text: a line of what the report is about, or a field of
 * an item. Both are as the checklist or the answer file holds them: the
 * format passes them through textwidth_sanitize and escapes them. */
struct report_field {
	const char *label;
	const char *text; /* never NULL */
	int empty;        /* an answer nobody has written: text is (empty), translated */
};

/* A row of the progress table: a section, or the total. */
struct report_row {
	const char *name; /* "3. 銀行・API接続先の協力体制", or Total */
	int section;      /* the section's number, or 0 for the total */
	int shown;        /* the report holds items of the section (a link can go there) */
	/* answered/total; the unanswered (neither status nor answer); those
	 * answered without a status; then the count of each status set */
	char cells[2 + STATUS_COUNT][32];
};

/* The progress table: its heading, the columns' headings, its rows. */
struct report_progress {
	const char *heading;
	/* Section, Answered, Unanswered, Answered without a status, each status set */
	const char *columns[3 + STATUS_COUNT];
	const struct report_row *rows;
	size_t n_rows;
	int total; /* the last row is the total */
};

/* One item as the report shows it. */
struct report_item {
	const char *number;  /* 通番 as shown: "12", an overlay's "A-1" */
	const char *heading; /* "No. 7", translated */
	enum status status;
	int no_status;                     /* answered, status not set */
	const char *mark;                  /* "[x]", or "[?]" when answered without a status */
	const char *status_text;           /* the status's name, or "Answered, status not set" */
	const struct report_field *fields; /* goal, target, then every answer column */
	size_t n_fields;
};

/* A format: what it writes for each part of the report, in this order:
 * begin, progress, then for each section with kept items section, item for
 * each, section_end; none if no item is kept; end. */
struct report_ops {
	/* The document's head: the title and what the report is about. */
	void (*begin)(FILE *out, const struct report *r, const char *title,
		      const struct report_field *about, size_t n_about);
	void (*progress)(FILE *out, const struct report_progress *p);
	/* A section's start: its number and heading ("3. name"). */
	void (*section)(FILE *out, int number, const char *heading);
	void (*item)(FILE *out, const struct report_item *it);
	void (*section_end)(FILE *out);
	/* A sentence said instead of the items when the filter keeps none. */
	void (*none)(FILE *out, const char *text);
	void (*end)(FILE *out);
};

/* Walks the report r, calling ops to write each part to out. Returns 0, or
 * -1 if memory runs out or out has an error. */
int report_write(FILE *out, const struct report *r, const struct report_ops *ops);

#endif
