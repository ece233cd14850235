/* cmd_export: tenken export, the checklist and answers as CSV, JSON, an
 * Excel workbook, or a report in Markdown or HTML. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "export.h"
#include "export_html.h"
#include "export_md.h"
#include "export_xlsx.h"
#include "gettext.h"
#include "report.h"

void cmd_export_usage(FILE *out)
{
	fputs(_("Usage: tenken export --format csv|json|xlsx|md|html [-o FILE] [-f FILE]\n"
		"                     [--checklist ID|FILE] [--section N] [--status KEY]...\n"
		"Write the checklist with its answers. CSV has the official column order and\n"
		"Japanese headers, UTF-8 with a byte order mark so that Excel reads it; JSON\n"
		"holds the whole checklist and every answer. XLSX is an Excel workbook in the\n"
		"official layout, with a drop-down of the statuses and a sheet that counts\n"
		"them; it is written to a file only (-o FILE). md (Markdown) and html are a\n"
		"report to read: the progress by section, then each item's goal, target,\n"
		"status and answers; --section N keeps the items of section N, and --status\n"
		"KEY those with the status KEY (unanswered, implemented, partial,\n"
		"not-implemented, not-applicable; given more than once, any of them). The\n"
		"output file is created with mode 0600 and appears only when complete.\n"),
	      out);
}

/* What one export is asked for. */
struct export_job {
	const struct cmd *c;
	enum lang lang; /* the official Japanese, with English only when --lang was given */
	struct report_filter filter; /* md and html: --section and --status */
};

static int write_csv(const struct export_job *j, FILE *out)
{
	return export_csv_lang(out, j->c->d.cl, j->c->d.a, j->lang);
}

static int write_json(const struct export_job *j, FILE *out)
{
	return export_json(out, j->c->d.cl, j->c->d.a);
}

/* The report of j as md and html write it, dated today. Its text is in the
 * language tenken shows the checklist in (print's), not in the CSV's
 * official Japanese: a report is read, not filed in the official form, and
 * its labels, through gettext, follow that same language. */
static void report_of(const struct export_job *j, struct report *r, char date[16])
{
	time_t now = time(NULL);
	struct tm tm;

	if (!localtime_r(&now, &tm) || !strftime(date, 16, "%Y-%m-%d", &tm))
		date[0] = '\0';
	*r = (struct report){j->c->d.cl, j->c->d.a, j->c->d.path, date, j->c->g.lang, j->filter};
}

static int write_md(const struct export_job *j, FILE *out)
{
	struct report r;
	char date[16];

	report_of(j, &r, date);
	return export_md(out, &r);
}

static int write_html(const struct export_job *j, FILE *out)
{
	struct report r;
	char date[16];

	report_of(j, &r, date);
	return export_html(out, &r);
}

/* The workbook, with each item's last change when the answer file exists. */
static int write_xlsx(const struct export_job *j, const char *path, char *err, size_t errlen)
{
	const struct cmd_data *d = &j->c->d;
	struct export_xlsx_opts o = {.lang = j->lang};
	int rc = -1;

	clock_gettime(CLOCK_REALTIME, &o.when);
	if (d->st && !(o.times = calloc(d->cl->n_items + 1, sizeof *o.times)))
		snprintf(err, errlen, "%s", _("out of memory"));
	else if (d->st && store_item_times(d->st, o.times) != 0)
		snprintf(err, errlen, "%s", _("cannot read when the answers last changed"));
	else
		rc = export_xlsx(path, d->cl, d->a, &o, err, errlen);
	free(o.times);
	return rc;
}

/* The formats: each writes the whole export to a stream (write), or to the
 * file it names (write_path: a workbook, which libxlsxwriter writes to a
 * file), returning 0, or -1 with a message in err. */
static const struct export_format {
	const char *name;
	int (*write)(const struct export_job *j, FILE *out);
	int (*write_path)(const struct export_job *j, const char *path, char *err, size_t errlen);
} formats[] = {
	{"csv", write_csv, NULL}, {"json", write_json, NULL}, {"xlsx", NULL, write_xlsx},
	{"md", write_md, NULL},   {"html", write_html, NULL},
};

static const struct export_format *find_format(const char *name)
{
	for (size_t k = 0; name && k < sizeof formats / sizeof formats[0]; k++)
		if (strcmp(formats[k].name, name) == 0)
			return &formats[k];
	return NULL;
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

/* Writes the export to path through a temporary file (mode 0600) renamed
 * into place. */
static int export_to_file(const struct export_job *j, const struct export_format *fmt,
			  const char *path)
{
	char tmp[PATH_MAX], err[1024] = "";
	int fd, ok;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0) {
		cmd_error("%s: %s", path, strerror(errno));
		return -1;
	}
	ok = fmt->write ? write_stream(j, fmt, fd) : write_named(j, fmt, fd, tmp, err, sizeof err);
	if (!ok || rename(tmp, path) != 0) {
		cmd_error("%s: %s", path, *err ? err : strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* The names of the formats, "csv, json, …", into buf. */
static const char *format_names(char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < sizeof formats / sizeof formats[0] && len < size; k++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", k ? ", " : "",
					formats[k].name);
	return buf;
}

/* Refuses --section and --status with a format that does not take them:
 * only the reports do, which keep some items and show which. Returns 0, or
 * -1 with the message printed. */
static int check_filters(const struct cmd *c, const struct export_format *fmt, unsigned statuses)
{
	if (fmt->write == write_md || fmt->write == write_html || (!c->g.section && !statuses))
		return 0;
	/* TRANSLATORS: the first %s is --section or --status, the second a
	   format such as csv. */
	cmd_error(_("export: %s does not go with --format %s, only with --format md and "
		    "--format html"),
		  c->g.section ? "--section" : "--status", fmt->name);
	return -1;
}

/* Adds the status --status names to *statuses. Returns 0, or -1 with the
 * message printed for an unknown key. */
static int status_option(const char *key, unsigned *statuses)
{
	int st = status_parse(key);

	if (st < 0) {
		cmd_error(_("--status: unknown status \"%s\" (one of unanswered, implemented, "
			    "partial, not-implemented, not-applicable)"),
			  key);
		return -1;
	}
	*statuses |= 1u << st;
	return 0;
}

/* Parses export's own options: --format (required), --output and --status
 * (into *statuses). Returns 0, or -1 to exit with c->exit. */
static int export_options(struct cmd *c, int argc, char **argv, const char **format,
			  const char **output, unsigned *statuses)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'F'},
					     {"output", required_argument, NULL, 'o'},
					     {"status", required_argument, NULL, 'S'},
					     {NULL, 0, NULL, 0}};
	char names[64];
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "F:o:", opts)) > 0) {
		if (opt == 'S' && status_option(optarg, statuses) != 0) {
			c->exit = EXIT_USAGE;
			return -1;
		}
		if (opt != 'S')
			*(opt == 'F' ? format : output) = optarg;
	}
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (!find_format(*format)) {
		/* TRANSLATORS: %s lists the formats: csv, json, md, html. */
		cmd_error(_("export: give --format and one of %s"),
			  format_names(names, sizeof names));
		return -1;
	}
	if (check_filters(c, find_format(*format), *statuses) != 0)
		return -1;
	if (!find_format(*format)->write && (!*output || strcmp(*output, "-") == 0)) {
		/* TRANSLATORS: %s is the format, xlsx; FILE is a placeholder. */
		cmd_error(_("export: --format %s writes a file: give -o FILE"), *format);
		return -1;
	}
	if (optind < argc) {
		cmd_unexpected(c, argv[optind]);
		return -1;
	}
	return 0;
}

int cmd_export(struct cmd *c, int argc, char **argv)
{
	const char *format = NULL, *output = NULL;
	const struct export_format *fmt;
	struct export_job j = {c, LANG_JA, {-1, 0}};

	if (export_options(c, argc, argv, &format, &output, &j.filter.statuses) != 0)
		return c->exit;
	fmt = find_format(format);
	if (c->g.lang_given)
		j.lang = c->g.lang;
	if (cmd_open(c) != 0 || (c->g.section && (j.filter.section = cmd_section_index(c)) < 0))
		return EXIT_FAILURE;
	if (output && strcmp(output, "-") != 0)
		return export_to_file(&j, fmt, output) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
	if (fmt->write(&j, stdout) != 0) {
		cmd_error(_("cannot write the output: %s"), strerror(errno));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
