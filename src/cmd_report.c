/* cmd_report: tenken report, many answer files of one checklist side by
 * side -- one per API connector -- only read. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cmd.h"
#include "connectors.h"
#include "gettext.h"
#include "outfile.h"
#include "report_many.h"

/* The exit status when the report was written without some files. */
enum { EXIT_LEFT_OUT = 3 };

/* The width of the text report. */
enum { REPORT_WIDTH = 80 };

void cmd_report_usage(FILE *out)
{
	fputs(_("Usage: tenken report [--format text|csv|xlsx|html] [-o FILE]\n"
		"                     [--checklist ID|FILE] FILE... | DIR\n"
		"Read the answer files of many API connectors to one checklist -- the\n"
		"files given, or every *.db in DIR (not its subfolders), sorted by name --\n"
		"and show side by side: the progress of each file, the status of each item\n"
		"in each file, and the items not implemented or not answered in some file.\n"
		"A connector is named by its file's name without .db. The files are only\n"
		"read: nothing is written to them or made beside them. The checklist is\n"
		"--checklist, else the one most of the files answer; a file that answers\n"
		"another, or cannot be read, is named with the reason and left out.\n"
		"The text fits 80 columns: up to 19 files one per column, more transposed\n"
		"(one row per file, one column per item). csv is the matrix; xlsx (to a\n"
		"file, -o FILE) has the matrix and a sheet per file; html is one page.\n"
		"Exit status: 0, 3 if files were left out, 1 on an error, 2 on a usage\n"
		"error.\n"),
	      out);
}

/* What a report is written as: text and csv, html to a stream, xlsx to a
 * file. */
static const char *const formats[] = {"text", "csv", "html", "xlsx"};

/* Parses report's options. Returns 0, or -1 to exit with c->exit. */
static int report_options(struct cmd *c, int argc, char **argv, const char **format,
			  const char **output)
{
	static const struct option opts[] = {{"format", required_argument, NULL, 'F'},
					     {"output", required_argument, NULL, 'o'},
					     {NULL, 0, NULL, 0}};
	size_t k;
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "F:o:", opts)) > 0)
		*(opt == 'F' ? format : output) = optarg;
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	for (k = 0; k < sizeof formats / sizeof formats[0]; k++)
		if (strcmp(*format, formats[k]) == 0)
			break;
	if (k == sizeof formats / sizeof formats[0]) {
		cmd_error(_("report: --format is one of text, csv, xlsx, html, not \"%s\""),
			  *format);
		return -1;
	}
	if (strcmp(*format, "xlsx") == 0 && (!*output || strcmp(*output, "-") == 0)) {
		/* TRANSLATORS: %s is the format, xlsx; FILE is a placeholder. */
		cmd_error(_("report: --format %s writes a file: give -o FILE"), *format);
		return -1;
	}
	if (optind >= argc) {
		cmd_error("%s", _("report: give the answer files, or a folder of them"));
		return -1;
	}
	return 0;
}

/* Adds each argument to cs: a folder's *.db files, or a file. Returns 0, or
 * -1 with the message printed. */
static int collect(struct connectors *cs, int argc, char **argv)
{
	char err[1024];
	struct stat sb;

	for (int k = optind; k < argc; k++) {
		long n;
		if (stat(argv[k], &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			if (connectors_add(cs, argv[k]) != 0) {
				cmd_error("%s", _("out of memory"));
				return -1;
			}
			continue;
		}
		if ((n = connectors_add_dir(cs, argv[k], err, sizeof err)) < 0) {
			cmd_error("%s", err);
			return -1;
		}
		if (n == 0) {
			cmd_error(_("%s: no answer file (*.db) in this folder"), argv[k]);
			return -1;
		}
	}
	return 0;
}

/* Loads the checklist --checklist names, else the one most files answer,
 * then reads the files' answers; names each file left out. Returns the
 * number left out, or -1 with the message printed. */
static long load(struct cmd *c, struct connectors *cs)
{
	const char *id = connectors_peek(cs);
	size_t out;

	if (!c->g.checklist && !id) {
		for (size_t k = 0; k < cs->n; k++)
			cmd_error("%s: %s", cs->files[k].path, cs->files[k].why);
		cmd_error("%s", _("report: none of the files can be read"));
		return -1;
	}
	if (cmd_load_connectors_checklist(c, &c->d, cs, id) != 0)
		return -1;
	out = connectors_load(cs, c->d.cl);
	for (size_t k = 0; k < cs->n; k++) {
		const struct connector *f = &cs->files[k];
		if (f->why[0])
			/* TRANSLATORS: a file tenken report leaves out, and why. */
			cmd_error(_("left out %s: %s"), f->path, f->why);
		else if (f->changed)
			cmd_error(_("warning: %s was answered against another version of the "
				    "checklist \"%s\""),
				  f->path, c->d.cl->id);
	}
	if (!cs->n_read) {
		cmd_error(_("report: no file answers the checklist \"%s\""), c->d.cl->id);
		return -1;
	}
	return (long)out;
}

/* What a report's writer is given. */
struct job {
	const char *format;
	const struct report_many *r;
	char *err;
	size_t errlen;
};

static int write_report(FILE *out, const char *tmp, void *ctx)
{
	const struct job *j = ctx;

	switch (j->format[0]) {
	case 't':
		return report_many_text(out, j->r, REPORT_WIDTH);
	case 'c':
		return report_many_csv(out, j->r);
	case 'h':
		return report_many_html(out, j->r);
	default:
		return report_many_xlsx(tmp, j->r, j->err, j->errlen);
	}
}

int cmd_report(struct cmd *c, int argc, char **argv)
{
	const char *format = "text", *output = NULL;
	struct connectors cs = {0};
	struct report_many r;
	char date[16], err[1024];
	struct job j = {.r = &r, .err = err, .errlen = sizeof err};
	time_t now = time(NULL);
	struct tm tm;
	long out;
	int rc;

	if (report_options(c, argc, argv, &format, &output) != 0)
		return c->exit;
	if (collect(&cs, argc, argv) != 0 || (out = load(c, &cs)) < 0) {
		connectors_free(&cs);
		return EXIT_FAILURE;
	}
	if (!localtime_r(&now, &tm) || !strftime(date, sizeof date, "%Y-%m-%d", &tm))
		date[0] = '\0';
	r = (struct report_many){c->d.cl, &cs, c->g.lang, date};
	j.format = format;
	if (output && strcmp(output, "-") != 0)
		rc = outfile_write(output, write_report, &j, err, sizeof err);
	else if ((rc = write_report(stdout, NULL, &j)) != 0)
		snprintf(err, sizeof err, _("cannot write the output: %s"), strerror(errno));
	if (rc != 0)
		cmd_error("%s", err);
	connectors_free(&cs);
	return rc != 0 ? EXIT_FAILURE : out ? EXIT_LEFT_OUT : EXIT_SUCCESS;
}
