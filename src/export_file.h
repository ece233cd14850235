/* export_file: the formats tenken exports, by name -- csv, json, xlsx, md,
 * html -- each written to a file through a temporary file (mode 0600)
 * synced and renamed into place, so that a file appears only whole, or
 * (all but the workbook) to a stream. What `tenken export` and the
 * interface's export dialog both write. Output layer. */
#ifndef TENKEN_EXPORT_FILE_H
#define TENKEN_EXPORT_FILE_H

#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "checklist.h"
#include "report.h"
#include "store.h"

/* What an export is of. */
struct export_job {
	const struct checklist *cl;
	const struct answers *a;
	struct store *st;            /* each item's last change, for the workbook; may be NULL */
	const char *answer_file;     /* the path the reports name */
	enum lang lang;              /* the official forms': LANG_JA, or LANG_EN to add English */
	enum lang report_lang;       /* the reports' text: the language tenken shows */
	struct report_filter filter; /* the reports' items */
	int history;                 /* the workbook: add the sheet 変更履歴 */
};

/* Returns whether name is a format tenken writes. */
int export_format_known(const char *name);

/* Returns whether the format keeps only some items (--section, --status). */
int export_format_filters(const char *name);

/* Returns whether the format can be written to a stream (the workbook is
 * written to a file only). */
int export_format_streams(const char *name);

/* Writes the formats' names, "csv, json, …", to buf; returns buf. */
const char *export_format_names(char *buf, size_t size);

/* Writes job's export in format to path. Returns 0, or -1 with "path:
 * what" in err (the file is then as it was). */
int export_to_path(const char *format, const struct export_job *job, const char *path, char *err,
		   size_t errlen);

/* Writes job's export in format to out. Returns 0, or -1 with a message
 * in err. */
int export_to_stream(const char *format, const struct export_job *job, FILE *out, char *err,
		     size_t errlen);

#endif
