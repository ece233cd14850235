/* cmd_export: tenken export, the checklist and answers as CSV or JSON. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "export.h"
#include "gettext.h"

void cmd_export_usage(FILE *out)
{
	fputs(_("Usage: tenken export --format csv|json [-o FILE] [-f FILE]\n"
		"                     [--checklist ID|FILE]\n"
		"Write the checklist with its answers. CSV has the official column order and\n"
		"Japanese headers, UTF-8 with a byte order mark so that Excel reads it; JSON\n"
		"holds the whole checklist and every answer. The output file is created with\n"
		"mode 0600 and appears only when complete.\n"),
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

/* The formats: each writes the whole export to out. */
static const struct export_format {
	const char *name;
	int (*write)(const struct export_job *j, FILE *out);
} formats[] = {
	{"csv", write_csv},
	{"json", write_json},
};

static const struct export_format *find_format(const char *name)
{
	for (size_t k = 0; name && k < sizeof formats / sizeof formats[0]; k++)
		if (strcmp(formats[k].name, name) == 0)
			return &formats[k];
	return NULL;
}

/* Writes the export to path through a temporary file renamed into place. */
static int export_to_file(const struct export_job *j, const struct export_format *fmt,
			  const char *path)
{
	char tmp[PATH_MAX];
	int fd, ok;
	FILE *f;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0) {
		cmd_error("%s: %s", path, strerror(errno));
		return -1;
	}
	if (!(f = fdopen(fd, "w"))) {
		cmd_error("%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	ok = fmt->write(j, f) == 0;
	ok = fsync(fd) == 0 && ok;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		cmd_error("%s: %s", path, strerror(errno));
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
		cmd_error("%s", _("export: give --format csv or --format json"));
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
