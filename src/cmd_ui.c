/* cmd_ui: tenken ui, the full-screen interface. */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "gettext.h"
#include "ui.h"

void cmd_ui_usage(FILE *out)
{
	fputs(_("Usage: tenken ui [--section N] [--item N] [-R] [-f FILE] [--checklist ID|FILE]\n"
		"Open the full-screen interface: browse the sections, open an item, set its\n"
		"status and type the answers. Every change is saved at once; text being typed\n"
		"is kept as a draft if the connection drops. Press ? in it for the keys.\n"
		"  -R, --read-only  review only: no key changes an answer\n"),
	      out);
}

int cmd_ui(struct cmd *c, int argc, char **argv)
{
	struct ui_options o = {0};
	char err[1024];

	if (cmd_getopt_none(c, argc, argv) != 0)
		return c->exit;
	if (cmd_open(c) != 0 || (c->g.section && cmd_section_index(c) < 0) ||
	    (c->g.item && cmd_item_index(c) < 0))
		return EXIT_FAILURE;
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
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
