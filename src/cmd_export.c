/* cmd_export: tenken export, the checklist and answers as CSV, JSON, an
 * Excel workbook, or a report in Markdown or HTML. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "export_file.h"
#include "gettext.h"
#include "report.h"

void cmd_export_usage(FILE *out)
{
	fputs(_("Usage: tenken export --format csv|json|xlsx|md|html [-o FILE] [-f FILE]\n"
		"                     [--checklist ID|FILE] [--section N] [--status KEY]...\n"
		"                     [--blank] [--history]\n"
		"Write the checklist with its answers. CSV has the official column order and\n"
		"Japanese headers, UTF-8 with a byte order mark so that Excel reads it; JSON\n"
		"holds the whole checklist and every answer. XLSX is an Excel workbook in the\n"
		"official layout, with a drop-down of the statuses and a sheet that counts\n"
		"them, and with --history a sheet 変更履歴 of every recorded change; it is\n"
		"written to a file only (-o FILE). With --history, CSV is that history\n"
		"instead of the checklist. md (Markdown) and html are a\n"
		"report to read: the progress by section, then each item's goal, target,\n"
		"status and answers; --section N keeps the items of section N, and --status\n"
		"KEY those with the status KEY (unanswered, implemented, partial,\n"
		"not-implemented, not-applicable; given more than once, any of them). The\n"
		"output file is created with mode 0600 and appears only when complete.\n"
		"The answer file must exist (a mistyped -f FILE is refused, not exported as a\n"
		"blank form); --blank writes the checklist without answers, as a blank form.\n"),
	      out);
}

/* Refuses --section and --status with a format that does not take them:
 * only the reports do, which keep some items and show which. Returns 0, or
 * -1 with the message printed. */
static int check_filters(const struct cmd *c, const char *format, unsigned statuses)
{
	if (export_format_filters(format) || (!c->g.section && !statuses))
		return 0;
	/* TRANSLATORS: the first %s is --section or --status, the second a
	   format such as csv. */
	cmd_error(_("export: %s does not go with --format %s, only with --format md and "
		    "--format html"),
		  c->g.section ? "--section" : "--status", format);
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
			  const char **output, unsigned *statuses, int *blank, int *history)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'F'}, {"output", required_argument, NULL, 'o'},
		{"status", required_argument, NULL, 'S'}, {"blank", no_argument, NULL, 'B'},
		{"history", no_argument, NULL, 'H'},      {NULL, 0, NULL, 0}};
	char names[64];
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "F:o:", opts)) > 0) {
		if (opt == 'S' && status_option(optarg, statuses) != 0) {
			c->exit = EXIT_USAGE;
			return -1;
		}
		if (opt == 'B')
			*blank = 1;
		else if (opt == 'H')
			*history = 1;
		else if (opt != 'S')
			*(opt == 'F' ? format : output) = optarg;
	}
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (*blank && c->g.file) {
		cmd_error("%s", _("export: --blank writes a form without answers and does not go "
				  "with --file"));
		return -1;
	}
	if (!export_format_known(*format)) {
		/* TRANSLATORS: %s lists the formats: csv, json, md, html. */
		cmd_error(_("export: give --format and one of %s"),
			  export_format_names(names, sizeof names));
		return -1;
	}
	if (check_filters(c, *format, *statuses) != 0)
		return -1;
	if (*history && strcmp(*format, "xlsx") != 0 && strcmp(*format, "csv") != 0) {
		/* TRANSLATORS: %s is a format such as json. */
		cmd_error(_("export: --history does not go with --format %s, only with --format "
			    "xlsx or csv (tenken history prints it)"),
			  *format);
		return -1;
	}
	if (!export_format_streams(*format) && (!*output || strcmp(*output, "-") == 0)) {
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

/* Loads the checklist with no answers, for --blank: no answer file is
 * opened. Returns 0, or -1 with the error printed. */
static int open_blank(struct cmd *c)
{
	if (cmd_load_checklist(c, &c->d, NULL, c->g.checklist) != 0)
		return -1;
	if (!(c->d.a = answers_new(c->d.cl))) {
		cmd_error("%s", _("out of memory"));
		return -1;
	}
	return 0;
}

int cmd_export(struct cmd *c, int argc, char **argv)
{
	const char *format = NULL, *output = NULL;
	struct export_job j = {.lang = LANG_JA, .filter = {-1, 0}};
	char err[1024];
	int blank = 0;

	if (export_options(c, argc, argv, &format, &output, &j.filter.statuses, &blank,
			   &j.history) != 0)
		return c->exit;
	if (c->g.lang_given)
		j.lang = c->g.lang;
	if ((blank ? open_blank(c) : cmd_open(c)) != 0 ||
	    (c->g.section && (j.filter.section = cmd_section_index(c)) < 0))
		return EXIT_FAILURE;
	j.cl = c->d.cl;
	j.a = c->d.a;
	j.st = c->d.st;
	/* TRANSLATORS: where a report names its answer file, for --blank. */
	j.answer_file = blank ? _("none (a blank form)") : c->d.path;
	j.report_lang = c->g.lang;
	if (output && strcmp(output, "-") != 0
		    ? export_to_path(format, &j, output, err, sizeof err)
		    : export_to_stream(format, &j, stdout, err, sizeof err)) {
		cmd_error("%s", err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
