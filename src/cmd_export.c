/* cmd_export: tenken export, the checklist and answers as CSV, JSON or an
 * Excel workbook. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "export.h"
#include "export_xlsx.h"
#include "gettext.h"

void cmd_export_usage(FILE *out)
{
	fputs(_("Usage: tenken export --format csv|json|xlsx [-o FILE] [-f FILE]\n"
		"                     [--checklist ID|FILE]\n"
		"Write the checklist with its answers. CSV has the official column order and\n"
		"Japanese headers, UTF-8 with a byte order mark so that Excel reads it; JSON\n"
		"holds the whole checklist and every answer. XLSX is an Excel workbook in the\n"
		"official layout, with a drop-down of the statuses and a sheet that counts\n"
		"them; it is written to a file only (-o FILE). The output file is created\n"
		"with mode 0600 and appears only when complete.\n"),
	      out);
}

/* What one export is asked for. */
struct export_job {
	const struct cmd *c;
	enum lang lang; /* the official Japanese, with English only when --lang was given */
};

static int write_csv(const struct export_job *j, FILE *out)
{
	return export_csv_lang(out, j->c->d.cl, j->c->d.a, j->lang);
}

static int write_json(const struct export_job *j, FILE *out)
{
	return export_json(out, j->c->d.cl, j->c->d.a);
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
	{"csv", write_csv, NULL},
	{"json", write_json, NULL},
	{"xlsx", NULL, write_xlsx},
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

/* Parses export's own options: --format (required) and --output. Returns
 * 0, or -1 to exit with c->exit. */
static int export_options(struct cmd *c, int argc, char **argv, const char **format,
			  const char **output)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'F'},
					     {"output", required_argument, NULL, 'o'},
					     {NULL, 0, NULL, 0}};
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "F:o:", opts)) > 0)
		*(opt == 'F' ? format : output) = optarg;
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (!find_format(*format)) {
		cmd_error("%s", _("export: give --format csv, json or xlsx"));
		return -1;
	}
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
	struct export_job j = {c, LANG_JA};

	if (export_options(c, argc, argv, &format, &output) != 0)
		return c->exit;
	fmt = find_format(format);
	if (c->g.lang_given)
		j.lang = c->g.lang;
	if (cmd_open(c) != 0)
		return EXIT_FAILURE;
	if (output && strcmp(output, "-") != 0)
		return export_to_file(&j, fmt, output) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
	if (fmt->write(&j, stdout) != 0) {
		cmd_error(_("cannot write the output: %s"), strerror(errno));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
