/* cmd_ui: tenken ui, the full-screen interface. */
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
		"Open the full-screen interface: browse the sections, open an item, set its\n"
		"status and type the answers. Every change is saved at once; text being typed\n"
		"is kept as a draft if the connection drops. Press ? in it for the keys.\n"
		"  -R, --read-only  review only: no key changes an answer\n"
		"  --compare OLD.db  show last year's answer file of the same checklist\n"
		"                   (only read) dimmed under each answer that differs;\n"
		"                   C copies it into this year's\n"),
	      out);
}

/* Reads last year's answer file (--compare) for the open checklist, only
 * reading: refuses a missing file, or one of another checklist naming
 * both. Returns the answers, or NULL with the message printed. */
static struct answers *read_last(struct cmd *c)
{
	char id[128], err[1024];
	struct answers *last;
	int changed = 0;

	if (store_peek_checklist(c->g.compare, id, sizeof id, err, sizeof err) != 0) {
		cmd_error("--compare: %s", err);
		return NULL;
	}
	if (strcmp(id, c->d.cl->id) != 0) {
		/* TRANSLATORS: the first %s is last year's answer file, the
		   second the checklist it answers, the third the checklist
		   opened now. */
		cmd_error(_("--compare: %s answers the checklist \"%s\", not \"%s\" as this "
			    "answer file does: compare two answer files of the same checklist"),
			  c->g.compare, id, c->d.cl->id);
		return NULL;
	}
	if (!(last = connectors_read(c->g.compare, c->d.cl, &changed, err, sizeof err)))
		cmd_error("--compare: %s", err);
	return last;
}

int cmd_ui(struct cmd *c, int argc, char **argv)
{
	struct ui_options o = {0};
	char err[1024];
	struct answers *last = NULL;
	int rc = EXIT_SUCCESS;

	if (cmd_getopt_none(c, argc, argv) != 0)
		return c->exit;
	if (cmd_open(c) != 0 || (c->g.section && cmd_section_index(c) < 0) ||
	    (c->g.item && cmd_item_index(c) < 0))
		return EXIT_FAILURE;
	if (c->g.compare && !(last = read_last(c)))
		return EXIT_FAILURE;
	o.last = last;
	o.cl = c->d.cl;
	o.a = c->d.a;
	o.st = c->d.st;
	o.path = c->d.path;
	o.file_read_only = !c->g.read_only && c->d.st && store_readonly(c->d.st);
	o.read_only = c->g.read_only || o.file_read_only;
	o.lang = c->g.lang;
	o.section = c->g.section ? (int)cmd_number(c->g.section) : 0;
	o.item = c->g.item ? (int)cmd_number(c->g.item) : 0;
	o.remember_place = 1;
	if (ui_run(&o, err, sizeof err) != 0) {
		cmd_error("%s", err);
		rc = EXIT_FAILURE;
	}
	answers_free(last);
	return rc;
}
