/* cmd_diff: tenken diff, what changed between two answer files of the same
 * checklist, only read. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "connectors.h"
#include "diff.h"
#include "gettext.h"
#include "outfile.h"
#include "store.h"

/* The width of the text. */
enum { DIFF_WIDTH = 80 };

void cmd_diff_usage(FILE *out)
{
	fputs(_("Usage: tenken diff [--format text|md|html] [-o FILE] [--checklist ID|FILE]\n"
		"                   OLD.db NEW.db\n"
		"List, item by item, what changed from the answer file OLD to NEW (last\n"
		"year's and this year's, say): the status and each answer column, old and\n"
		"new, under the names the checklist gives them, and the review's verdict\n"
		"(確認済, 要確認, 指摘あり) and the comments added to its thread. Items that\n"
		"did not change are counted, not listed. Both files must answer the same\n"
		"checklist; they are only read. md (Markdown) and html write a document to\n"
		"read.\n"),
	      out);
}

/* Parses diff's options. Returns 0, or -1 to exit with c->exit. */
static int diff_options(struct cmd *c, int argc, char **argv, const char **format,
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
	if (strcmp(*format, "text") != 0 && strcmp(*format, "md") != 0 &&
	    strcmp(*format, "html") != 0) {
		cmd_error(_("diff: --format is one of text, md, html, not \"%s\""), *format);
		return -1;
	}
	if (argc - optind != 2) {
		if (argc - optind > 2)
			cmd_unexpected(c, argv[optind + 2]);
		else
			cmd_error("%s", _("diff: give two answer files, the old and the new"));
		return -1;
	}
	return 0;
}

/* Reads the checklists both files answer and refuses two different ones;
 * loads the checklist (--checklist, else theirs). Returns 0, or -1 with
 * the message printed. */
static int load_checklist(struct cmd *c, const char *old, const char *new_)
{
	char id_old[128], id_new[128], err[1024];

	if (store_peek_checklist(old, id_old, sizeof id_old, err, sizeof err) != 0 ||
	    store_peek_checklist(new_, id_new, sizeof id_new, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return -1;
	}
	if (strcmp(id_old, id_new) != 0) {
		/* TRANSLATORS: the %s are: a file, its checklist, the other file,
		   its checklist. */
		cmd_error(_("%s answers the checklist \"%s\" and %s the checklist \"%s\": diff "
			    "compares two answer files of the same checklist (tenken migrate "
			    "carries answers over to another edition)"),
			  old, id_old, new_, id_new);
		return -1;
	}
	/* The checklist the new file names: bundled, or the file it was made
	 * with (a bank's overlay). */
	return cmd_load_checklist(c, &c->d, c->g.checklist ? NULL : new_, c->g.checklist);
}

/* Reads the answers of path, warning if they were answered against another
 * version of the checklist. Returns them, or NULL with the message printed. */
static struct answers *read_answers(const struct cmd *c, const char *path)
{
	char err[1024];
	int changed = 0;
	struct answers *a = connectors_read(path, c->d.cl, &changed, err, sizeof err);

	if (!a)
		cmd_error("%s", err);
	else if (changed)
		cmd_error(_("warning: %s was answered against another version of the checklist "
			    "\"%s\""),
			  path, c->d.cl->id);
	return a;
}

/* The review's comments of both files, and which of the new file's are
 * new. */
struct threads {
	struct store_comment *old, *new_;
	size_t n_old, n_new;
	unsigned char *fresh;
};

/* Reads the comments of old and new into t. Returns 0, or -1 with the
 * message printed. */
static int read_threads(const struct cmd *c, const char *old, const char *new_, struct threads *t)
{
	char err[1024];

	if (connectors_comments(old, c->d.cl, &t->old, &t->n_old, err, sizeof err) != 0 ||
	    connectors_comments(new_, c->d.cl, &t->new_, &t->n_new, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return -1;
	}
	if (t->n_new && !(t->fresh = malloc(t->n_new))) {
		cmd_error("%s", _("out of memory"));
		return -1;
	}
	connectors_fresh_comments(t->old, t->n_old, t->new_, t->n_new, t->fresh);
	return 0;
}

static void threads_free(struct threads *t)
{
	store_comments_free(t->old, t->n_old);
	store_comments_free(t->new_, t->n_new);
	free(t->fresh);
}

/* What the writer is given: the format and the diff. */
struct job {
	const char *format;
	const struct diff_report *d;
};

static int write_diff(FILE *out, const char *tmp, void *ctx)
{
	const struct job *j = ctx;

	(void)tmp;
	if (strcmp(j->format, "md") == 0)
		return diff_md(out, j->d);
	if (strcmp(j->format, "html") == 0)
		return diff_html(out, j->d);
	return diff_text(out, j->d, DIFF_WIDTH);
}

int cmd_diff(struct cmd *c, int argc, char **argv)
{
	const char *format = "text", *output = NULL;
	struct answers *old = NULL, *new_ = NULL;
	struct threads t = {0};
	struct diff_report d;
	struct job j = {.d = &d};
	char date[16], err[1024];
	time_t now = time(NULL);
	struct tm tm;
	int rc = -1;

	if (diff_options(c, argc, argv, &format, &output) != 0)
		return c->exit;
	if (load_checklist(c, argv[optind], argv[optind + 1]) != 0 ||
	    !(old = read_answers(c, argv[optind])) || !(new_ = read_answers(c, argv[optind + 1])) ||
	    read_threads(c, argv[optind], argv[optind + 1], &t) != 0)
		goto done;
	if (!localtime_r(&now, &tm) || !strftime(date, sizeof date, "%Y-%m-%d", &tm))
		date[0] = '\0';
	d = (struct diff_report){c->d.cl,   old,  new_,   argv[optind], argv[optind + 1],
				 c->g.lang, date, t.new_, t.fresh,      t.n_new};
	j.format = format;
	if (output && strcmp(output, "-") != 0)
		rc = outfile_write(output, write_diff, &j, err, sizeof err);
	else if ((rc = write_diff(stdout, NULL, &j)) != 0)
		snprintf(err, sizeof err, _("cannot write the output: %s"), strerror(errno));
	if (rc != 0)
		cmd_error("%s", err);
done:
	threads_free(&t);
	answers_free(old);
	answers_free(new_);
	return rc != 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
