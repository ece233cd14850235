/* cmd_ui: tenken ui, the full-screen interface, and tenken DIR (ui --dir),
 * which shows the folder's answer files first and opens the one chosen. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "connectors.h"
#include "gettext.h"
#include "ui.h"

void cmd_ui_usage(FILE *out)
{
	fputs(_("Usage: tenken ui [--section N] [--item N] [-R] [-f FILE] [--checklist ID|FILE]\n"
		"                 [--compare OLD.db]\n"
		"       tenken ui --dir DIR   (or tenken DIR)\n"
		"Open the full-screen interface: browse the sections, open an item, set its\n"
		"status and type the answers. Every change is saved at once; text being typed\n"
		"is kept as a draft if the connection drops. Press ? in it for the keys.\n"
		"  -R, --read-only  review only: no key changes an answer\n"
		"      --dir DIR    first the answer files (*.db) of the folder DIR, one per\n"
		"                   connector, with their progress and the review's open\n"
		"                   verdicts; Enter opens one, q in it comes back\n"
		"  --compare OLD.db  show last year's answer file of the same checklist\n"
		"                   (only read) dimmed under each answer that differs;\n"
		"                   C copies it into this year's\n"),
	      out);
}

/* Reads last year's answer file (--compare) for the open checklist, only
 * reading: refuses a missing file, or one of another checklist naming
 * both. Returns the answers, or NULL with the message printed. */
static struct answers *read_last(struct cmd *c, struct cmd_data *d)
{
	char id[128], err[1024];
	struct answers *last;
	int changed = 0;

	if (store_peek_checklist(c->g.compare, id, sizeof id, err, sizeof err) != 0) {
		cmd_error("--compare: %s", err);
		return NULL;
	}
	if (strcmp(id, d->cl->id) != 0) {
		/* TRANSLATORS: the first %s is last year's answer file, the
		   second the checklist it answers, the third the checklist
		   opened now. */
		cmd_error(_("--compare: %s answers the checklist \"%s\", not \"%s\" as this "
			    "answer file does: compare two answer files of the same checklist"),
			  c->g.compare, id, d->cl->id);
		return NULL;
	}
	if (!(last = connectors_read(c->g.compare, d->cl, &changed, err, sizeof err)))
		cmd_error("--compare: %s", err);
	return last;
}

/* Runs the interface on what d opened. Returns 0, or -1 with the message
 * printed. */
static int run(struct cmd *c, struct cmd_data *d, int section, int item)
{
	struct ui_options o = {0};
	char err[1024];
	struct answers *last = NULL;
	int rc = 0;

	if (c->g.compare && !(last = read_last(c, d)))
		return -1;
	o.last = last;
	o.cl = d->cl;
	o.a = d->a;
	o.st = d->st;
	o.path = d->path;
	o.file_read_only = !c->g.read_only && d->st && store_readonly(d->st);
	o.read_only = c->g.read_only || o.file_read_only;
	o.lang = c->g.lang;
	o.notice = d->notice;
	o.section = section;
	o.item = item;
	o.remember_place = 1;
	if (ui_run(&o, err, sizeof err) != 0) {
		cmd_error("%s", err);
		rc = -1;
	}
	answers_free(last);
	return rc;
}

/* Reads the folder's answer files into cs for the files view, against
 * --checklist or the checklist most of them answer (loaded into d), as
 * tenken report does. Returns 0, or -1 with the message printed. */
static int read_dir(struct cmd *c, const char *dir, struct connectors *cs, struct cmd_data *d)
{
	char err[1024];
	const char *id;

	if (connectors_add_dir(cs, dir, err, sizeof err) < 0) {
		cmd_error("%s", err);
		return -1;
	}
	id = connectors_peek(cs);
	if (!c->g.checklist && !id)
		return 0; /* no file can be read: each row says why */
	if (cmd_load_connectors_checklist(c, d, cs, id) != 0)
		return -1;
	connectors_load(cs, d->cl);
	return 0;
}

/* Opens the answer file path as tenken -f path would, and runs the
 * interface on it. Returns 0, or -1 with the message printed. */
static int open_file(struct cmd *c, const char *path)
{
	struct cmd_data d = {0};
	int how = c->g.read_only ? STORE_READONLY | CMD_MUST_EXIST : STORE_OR_READONLY, rc = -1;

	if (cmd_load_checklist(c, &d, path, c->g.checklist) == 0 &&
	    cmd_open_answers(&d, path, how) == 0)
		rc = run(c, &d, 0, 0);
	cmd_data_free(&d);
	return rc;
}

/* tenken DIR: the files view, then the interface on the file chosen, and
 * back, until q in the files view. Returns the exit status. */
static int run_dir(struct cmd *c, const char *dir)
{
	char err[1024], *path = NULL;
	size_t cursor = 0;

	for (;;) {
		struct connectors cs = {0};
		struct cmd_data d = {0};
		struct ui_files f = {dir, &cs, NULL};
		int rc = read_dir(c, dir, &cs, &d);

		if (rc == 0 && (rc = ui_files_run(&f, &cursor, err, sizeof err)) < 0)
			cmd_error("%s", err);
		if (rc > 0 && !(path = strdup(cs.files[cursor].path)))
			rc = -1, cmd_error("%s", _("out of memory"));
		connectors_free(&cs);
		cmd_data_free(&d);
		if (rc <= 0)
			return rc < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
		rc = open_file(c, path);
		free(path);
		path = NULL;
		if (rc != 0)
			return EXIT_FAILURE;
		if (ui_stopping())
			return EXIT_SUCCESS;
	}
}

int cmd_ui(struct cmd *c, int argc, char **argv)
{
	static const struct option opts[] = {{"dir", required_argument, NULL, 'D'},
					     {NULL, 0, NULL, 0}};
	const char *dir = NULL;
	long item = -1;
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "", opts)) > 0)
		dir = optarg;
	if (opt != 0)
		return c->exit;
	if (optind < argc)
		return cmd_unexpected(c, argv[optind]);
	if (dir && (c->g.file || c->g.section || c->g.item || c->g.compare)) {
		cmd_error("%s", _("ui: --dir shows a folder's files: it does not go with -f, "
				  "--section, --item or --compare"));
		return EXIT_USAGE;
	}
	if (dir)
		return run_dir(c, dir);
	if (cmd_open(c) != 0 || (c->g.section && cmd_section_index(c) < 0) ||
	    (c->g.item && (item = cmd_item_index(c)) < 0))
		return EXIT_FAILURE;
	return run(c, &c->d, c->g.section ? (int)cmd_number(c->g.section) : 0,
		   item >= 0 ? c->d.cl->items[item].number : 0) == 0
		       ? EXIT_SUCCESS
		       : EXIT_FAILURE;
}
