/* cmd_print: tenken print, the checklist with its answers as text. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd.h"
#include "examples.h"
#include "gettext.h"
#include "print.h"

void cmd_print_usage(FILE *out)
{
	fputs(_("Usage: tenken print [--section N] [--item N] [--width COLUMNS] [-f FILE]\n"
		"                    [--checklist ID|FILE]\n"
		"Print the checklist with everything expanded (goal, target, methods, notes,\n"
		"references, remarks) and the current answers, wrapped at the terminal's\n"
		"width (80 columns when the output is not a terminal).\n"),
	      out);
}

/* The terminal's width, or 80 when the output is not a terminal. */
static int terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* Parses print's own options: --width. Returns 0, or -1 to exit with
 * c->exit. */
static int print_options(struct cmd *c, int argc, char **argv, int *width)
{
	static const struct option opts[] = {{"width", required_argument, NULL, 'w'},
					     {NULL, 0, NULL, 0}};
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "w:", opts)) == 'w') {
		*width = (int)cmd_number(optarg);
		if (*width < 20 || *width > 1000) {
			cmd_error(_("--width: expected a number of columns from 20 to 1000, not "
				    "\"%s\""),
				  optarg);
			c->exit = EXIT_USAGE;
			return -1;
		}
	}
	if (opt == 0 && optind < argc) {
		c->exit = cmd_unexpected(c, argv[optind]);
		return -1;
	}
	return opt;
}

int cmd_print(struct cmd *c, int argc, char **argv)
{
	struct print_filter filter = {-1, -1};
	struct examples_set *examples;
	int width = terminal_width(), rc, saved_errno;
	char err[1024];

	if (print_options(c, argc, argv, &width) != 0)
		return c->exit;
	if (cmd_open(c) != 0 || (c->g.section && (filter.section = cmd_section_index(c)) < 0) ||
	    (c->g.item && (filter.item = cmd_item_index(c)) < 0))
		return EXIT_FAILURE;
	if (!(examples = examples_load(c->d.cl, err, sizeof err)) && *err)
		cmd_error("%s", err);
	rc = print_checklist_ex(stdout, c->d.cl, c->d.a, examples ? &examples->ex : NULL, filter,
				c->g.lang, width);
	saved_errno = errno;
	examples_free(examples);
	if (rc != 0) {
		cmd_error(_("cannot write the output: %s"), strerror(saved_errno));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
