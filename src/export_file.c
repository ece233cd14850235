/* export_file: the formats tenken exports, and writing one to a file. */
#include "config.h"

#include "export_file.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "export.h"
#include "export_html.h"
#include "export_md.h"
#include "export_xlsx.h"
#include "fileio.h"
#include "gettext.h"

/* The CSV: the checklist, or with --history its history, oldest first. */
static int write_csv(const struct export_job *j, FILE *out)
{
	struct store_change *ch;
	size_t n = 0;
	int rc;

	if (!j->history)
		return export_csv_lang(out, j->cl, j->a, j->lang);
	ch = j->st ? store_history(j->st, 0, &n) : NULL;
	rc = export_csv_history(out, j->cl, ch, n);
	store_changes_free(ch, n);
	return rc;
}

static int write_json(const struct export_job *j, FILE *out)
{
	return export_json(out, j->cl, j->a);
}

/* The report of j as md and html write it, dated today (local time), with
 * the connector's name the file keeps. Its text is in the language tenken
 * shows the checklist in, not in the official forms' Japanese: a report is
 * read, not filed in the official form, and its labels, through gettext,
 * follow that same language. */
static void report_of(const struct export_job *j, struct report *r, char date[16],
		      char name[STORE_CONNECTOR_MAX])
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm) || !strftime(date, 16, "%Y-%m-%d", &tm))
		date[0] = '\0';
	if (!j->st || !store_connector(j->st, name, STORE_CONNECTOR_MAX))
		name[0] = '\0';
	*r = (struct report){j->cl, j->a, j->answer_file, date, j->report_lang, j->filter, name};
}

static int write_md(const struct export_job *j, FILE *out)
{
	struct report r;
	char date[16], name[STORE_CONNECTOR_MAX];

	report_of(j, &r, date, name);
	return export_md(out, &r);
}

static int write_html(const struct export_job *j, FILE *out)
{
	struct report r;
	char date[16], name[STORE_CONNECTOR_MAX];

	report_of(j, &r, date, name);
	return export_html(out, &r);
}

/* The workbook, with each item's last change when the answer file exists. */
static int write_xlsx(const struct export_job *j, const char *path, char *err, size_t errlen)
{
	struct export_xlsx_opts o = {.lang = j->lang, .history = j->history};
	struct store_change *changes = NULL;
	int rc = -1;

	clock_gettime(CLOCK_REALTIME, &o.when);
	if (j->history && j->st)
		o.changes = changes = store_history(j->st, 0, &o.n_changes);
	if (j->st && !(o.times = calloc(j->cl->n_items + 1, sizeof *o.times)))
		snprintf(err, errlen, "%s", _("out of memory"));
	else if (j->st && store_item_times(j->st, o.times) != 0)
		snprintf(err, errlen, "%s", _("cannot read when the answers last changed"));
	else
		rc = export_xlsx(path, j->cl, j->a, &o, err, errlen);
	free(o.times);
	store_changes_free(changes, o.n_changes);
	return rc;
}

/* The formats: each writes the whole export to a stream (write), or to the
 * file it names (write_path: the workbook, which libxlsxwriter writes to a
 * file), returning 0, or -1 with a message in err; filters: it takes
 * --section and --status. */
static const struct export_format {
	const char *name;
	int (*write)(const struct export_job *j, FILE *out);
	int (*write_path)(const struct export_job *j, const char *path, char *err, size_t errlen);
	int filters;
} formats[] = {
	{"csv", write_csv, NULL, 0}, {"json", write_json, NULL, 0}, {"xlsx", NULL, write_xlsx, 0},
	{"md", write_md, NULL, 1},   {"html", write_html, NULL, 1},
};

static const struct export_format *find_format(const char *name)
{
	for (size_t k = 0; name && k < sizeof formats / sizeof formats[0]; k++)
		if (strcmp(formats[k].name, name) == 0)
			return &formats[k];
	return NULL;
}

int export_format_known(const char *name)
{
	return find_format(name) != NULL;
}

int export_format_filters(const char *name)
{
	return find_format(name) && find_format(name)->filters;
}

int export_format_streams(const char *name)
{
	return find_format(name) && find_format(name)->write;
}

const char *export_format_names(char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < sizeof formats / sizeof formats[0] && len < size; k++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", k ? ", " : "",
					formats[k].name);
	return buf;
}

/* Writes a stream format to the temporary file open as fd, syncs and
 * closes it. Returns 1 if all went well. */
static int write_stream(const struct export_job *j, const struct export_format *fmt, int fd)
{
	FILE *f = fdopen(fd, "w");
	int ok;

	if (!f) {
		close(fd);
		return 0;
	}
	ok = fmt->write(j, f) == 0;
	ok = fsync(fd) == 0 && ok;
	return fclose(f) == 0 && ok;
}

/* Has a format that writes a named file write the temporary file tmp
 * (open as fd, which then holds what was written), syncs and closes it.
 * Returns 1 if all went well. */
static int write_named(const struct export_job *j, const struct export_format *fmt, int fd,
		       const char *tmp, char *err, size_t errlen)
{
	int ok = fmt->write_path(j, tmp, err, errlen) == 0 && fsync(fd) == 0;

	return close(fd) == 0 && ok;
}

int export_to_path(const char *format, const struct export_job *j, const char *path, char *err,
		   size_t errlen)
{
	const struct export_format *fmt = find_format(format);
	char tmp[PATH_MAX], why[1024] = "";
	int fd, ok;

	if (!fmt) {
		snprintf(err, errlen, _("%s: no format called \"%s\""), path, format);
		return -1;
	}
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	ok = fmt->write ? write_stream(j, fmt, fd) : write_named(j, fmt, fd, tmp, why, sizeof why);
	if (!ok || rename(tmp, path) != 0) {
		/* A full disk said so, whatever the writer called it. */
		if (*why && !fileio_disk_full(errno))
			snprintf(err, errlen, "%s: %s", path, why);
		else
			fileio_errno_err(err, errlen, path, errno);
		unlink(tmp);
		return -1;
	}
	return 0;
}

int export_to_stream(const char *format, const struct export_job *j, FILE *out, char *err,
		     size_t errlen)
{
	const struct export_format *fmt = find_format(format);

	if (!fmt || !fmt->write) {
		snprintf(err, errlen, _("--format %s writes a file: give -o FILE"), format);
		return -1;
	}
	if (fmt->write(j, out) != 0) {
		snprintf(err, errlen, _("cannot write the output: %s"), strerror(errno));
		return -1;
	}
	return 0;
}
