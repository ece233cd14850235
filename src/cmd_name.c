/* cmd_name: tenken name, the name of the API connector whose answers the
 * file holds -- shown by tenken DIR, report and status instead of the
 * file's name -- set, removed or shown. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "connectors.h"
#include "gettext.h"
#include "textwidth.h"

void cmd_name_usage(FILE *out)
{
	fputs(_("Usage: tenken name [NAME] [-f FILE] [--checklist ID|FILE]\n"
		"The name of the API connector whose answers the file holds (株式会社サンプル\n"
		"ペイ, say), kept in the answer file: tenken DIR, tenken report and tenken\n"
		"status show it instead of the file's name. With NAME, keeps it (recorded\n"
		"in the history); an empty NAME (\"\") removes it. Without, prints it. A\n"
		"name is one line of at most 100 characters, without control characters.\n"),
	      out);
}

/* Prints the name the file keeps, or says on stderr that it keeps none. */
static int name_show(struct cmd_data *d)
{
	char name[STORE_CONNECTOR_MAX], *clean;

	if (!store_connector(d->st, name, sizeof name)) {
		/* TRANSLATORS: tenken name, when the file has none; %s is the
		   answer file. */
		cmd_error(_("%s keeps no connector's name (tenken name NAME sets one)"), d->path);
		return EXIT_SUCCESS;
	}
	clean = textwidth_sanitize_line(name);
	printf("%s\n", clean ? clean : "");
	free(clean);
	return EXIT_SUCCESS;
}

/* Keeps name in the file and says so. */
static int name_set(struct cmd_data *d, const char *name)
{
	char err[1024], *clean;

	if (store_set_connector(d->st, name, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return EXIT_FAILURE;
	}
	if (!*name) {
		printf("%s\n", _("The connector's name is removed: the file's name is shown."));
		return EXIT_SUCCESS;
	}
	clean = textwidth_sanitize_line(name);
	printf(_("The connector's name is now %s\n"), clean ? clean : "");
	free(clean);
	return EXIT_SUCCESS;
}

int cmd_name(struct cmd *c, int argc, char **argv)
{
	const char *name;
	char err[512];

	if (cmd_getopt(c, argc, argv, "", NULL) != 0)
		return c->exit;
	if (argc - optind > 1)
		return cmd_unexpected(c, argv[optind + 1]);
	name = optind < argc ? argv[optind] : NULL;
	if (name && connectors_check_name(name, err, sizeof err) != 0) {
		cmd_error(_("name: %s"), err);
		return EXIT_FAILURE;
	}
	if (cmd_load_checklist(c, &c->d, c->g.file, c->g.checklist) != 0 ||
	    cmd_open_answers(&c->d, c->g.file, name ? 0 : STORE_READONLY | CMD_MUST_EXIST) != 0)
		return EXIT_FAILURE;
	return name ? name_set(&c->d, name) : name_show(&c->d);
}
