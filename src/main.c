/* main: the locale and gettext, the global options, the settings file and
 * the table of commands. Each command lives in its own cmd_*.c. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "gettext.h"
#include "paths.h"
#include "settings.h"
#include "textwidth.h"

/* The commands, and which of the global options each takes. print, status
 * and export take -R too: they never change an answer anyway, and tenken -R
 * without a command prints when the output is not a terminal. */
static const struct command commands[] = {
	{"print", cmd_print, CMD_FILE | CMD_CHECKLIST | CMD_SECTION | CMD_ITEM | CMD_READ_ONLY,
	 cmd_print_usage},
	{"status", cmd_status, CMD_FILE | CMD_CHECKLIST | CMD_READ_ONLY, cmd_status_usage},
	{"set", cmd_set, CMD_FILE | CMD_CHECKLIST | CMD_SECTION | CMD_WRITES, cmd_set_usage},
	{"history", cmd_history, CMD_FILE | CMD_CHECKLIST | CMD_READ_ONLY | CMD_NEEDS_ANSWERS,
	 cmd_history_usage},
	{"export", cmd_export,
	 CMD_FILE | CMD_CHECKLIST | CMD_SECTION | CMD_READ_ONLY | CMD_NEEDS_ANSWERS,
	 cmd_export_usage},
	{"ui", cmd_ui,
	 CMD_FILE | CMD_CHECKLIST | CMD_SECTION | CMD_ITEM | CMD_READ_ONLY | CMD_WRITES | CMD_UTF8 |
		 CMD_COMPARE,
	 cmd_ui_usage},
	{"checklists", cmd_checklists, 0, cmd_checklists_usage},
	{"migrate", cmd_migrate, CMD_FROM_TO, cmd_migrate_usage},
	{"import", cmd_import, CMD_FILE | CMD_CHECKLIST | CMD_WRITES, cmd_import_usage},
	{"review", cmd_review, CMD_FILE | CMD_CHECKLIST | CMD_WRITES, cmd_review_usage},
	{"report", cmd_report, CMD_CHECKLIST | CMD_READ_ONLY, cmd_report_usage},
	{"diff", cmd_diff, CMD_CHECKLIST | CMD_READ_ONLY, cmd_diff_usage},
	{"name", cmd_name, CMD_FILE | CMD_CHECKLIST | CMD_WRITES, cmd_name_usage},
};

/* The global options: before the command's name, or after it for a command
 * whose flags take them. */
static const struct cmd_global globals[] = {
	{'f', 1, "file", required_argument, CMD_FILE},
	{'c', 1, "checklist", required_argument, CMD_CHECKLIST},
	{'s', 1, "section", required_argument, CMD_SECTION},
	{'i', 1, "item", required_argument, CMD_ITEM},
	{'R', 1, "read-only", no_argument, CMD_READ_ONLY},
	{'O', 0, "compare", required_argument, CMD_COMPARE},
	{'L', 0, "lang", required_argument, 0},
	{'A', 0, "ambiguous-width", required_argument, 0},
	{'h', 1, "help", no_argument, 0},
	{'V', 1, "version", no_argument, 0},
};

/* Makes the interface speak lang ("ja" or "en") whatever the locale, even
 * where no ja_JP locale was generated: gettext reads LANGUAGE as long as
 * the message locale is not "C". Returns 0, or -1 for another language. */
static int apply_lang(struct cmd_globals *g, const char *lang)
{
	const char *msg = setlocale(LC_MESSAGES, NULL);

	if (strcmp(lang, "ja") != 0 && strcmp(lang, "en") != 0)
		return -1;
	setenv("LANGUAGE", lang, 1);
	if (!msg || !strcmp(msg, "C") || !strcmp(msg, "POSIX"))
		setlocale(LC_MESSAGES, "C.UTF-8");
	else
		setlocale(LC_MESSAGES, msg); /* tells gettext the language changed */
	g->lang = lang[0] == 'e' ? LANG_EN : LANG_JA;
	return 0;
}

/* The interface language the locale asks for: Japanese if LANGUAGE or the
 * message locale starts with ja, else English. */
static enum lang locale_lang(void)
{
	const char *l = getenv("LANGUAGE"), *msg = setlocale(LC_MESSAGES, NULL);

	if (l && *l && msg && strcmp(msg, "C") && strcmp(msg, "POSIX"))
		return strncmp(l, "ja", 2) == 0 ? LANG_JA : LANG_EN;
	return msg && strncmp(msg, "ja", 2) == 0 ? LANG_JA : LANG_EN;
}

/* The user's locale, then C.UTF-8 for the character type if the user's is
 * not UTF-8 (widths need it), and the message catalogue. */
static void locale_init(struct cmd_globals *g)
{
	setlocale(LC_ALL, "");
	snprintf(g->user_ctype, sizeof g->user_ctype, "%s", setlocale(LC_CTYPE, NULL));
	g->user_ctype_utf8 = strstr(g->user_ctype, "UTF-8") || strstr(g->user_ctype, "utf8");
	if (!g->user_ctype_utf8)
		setlocale(LC_CTYPE, "C.UTF-8");
	bindtextdomain(PACKAGE, paths_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	g->lang = locale_lang();
}

/* Reads the settings file; the options given before the command override
 * it, and so do those after it, which are parsed later. A line it cannot
 * use is a warning; a file it cannot read is an error, since the settings
 * may name the checklist and so the answer file. Returns 0 or -1. */
static int settings_init(struct cmd_globals *g)
{
	char path[PATH_MAX], warn[PATH_MAX + 256];

	if (settings_path(path, sizeof path) == 0) {
		if (settings_load(path, &g->settings, warn, sizeof warn) != 0) {
			cmd_error(_("cannot read the settings file: %s"), warn);
			return -1;
		}
		if (warn[0])
			cmd_error(_("warning: %s"), warn);
	}
	if (!g->ambiguous)
		textwidth_set_ambiguous(g->settings.ambiguous_width ? g->settings.ambiguous_width
								    : 1);
	if (!g->lang_given && g->settings.lang[0])
		apply_lang(g, g->settings.lang);
	return 0;
}

static void usage_main(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), "tenken");
	fputs(_("Fill in the FISC API connection checklist (API接続チェックリスト).\n"), out);
	fputs(_("\n"
		"Commands:\n"
		"  print      print the checklist with its answers\n"
		"  status     show progress per section and overall\n"
		"  set ITEMS  set the status or the answers of items (5, 12-16, 3,5,12-16)\n"
		"  history [ITEM] the recorded changes, newest first, times in local time\n"
		"  export     write the checklist and answers: a workbook, CSV, JSON or a report\n"
		"  import FILE read the answers of a workbook or CSV back, showing the changes\n"
		"  review ITEM the bank's verdict and comments on an item, set or shown\n"
		"  ui         the full-screen interface\n"
		"  checklists list the bundled checklists\n"
		"  migrate    carry answers into a new file for another edition\n"
		"  report FILE...|DIR  many answer files side by side, only read\n"
		"  diff OLD NEW  what changed between two answer files\n"
		"  name [NAME] the connector's name kept in the answer file, set or shown\n"
		"Without a command, tenken opens the full-screen interface on a terminal\n"
		"and prints the checklist otherwise. tenken DIR (ui --dir DIR) shows the\n"
		"answer files of the folder DIR first, one per connector; Enter opens one.\n"),
	      out);
	fputs(_("\n"
		"Options:\n"
		"  -f, --file FILE          the answer file (default:\n"
		"                           $XDG_DATA_HOME/tenken/CHECKLIST.db)\n"
		"  -c, --checklist ID|FILE  a bundled checklist or a checklist file\n"
		"  -s, --section N          open at section N\n"
		"  -i, --item N             open item N\n"
		"  -R, --read-only          review without changing any answer\n"
		"      --lang ja|en         the language of the interface and the checklist\n"
		"                           (setting: lang; default: the locale's)\n"
		"      --ambiguous-width N  1 or 2: the columns the terminal gives to\n"
		"                           characters such as ① ※ ○ (setting: ambiguous-width)\n"
		"  -h, --help               show this help and exit\n"
		"  -V, --version            show the version and exit\n"),
	      out);
	fputs(_("\nRun 'tenken COMMAND --help' for a command's options.\n"), out);
}

/* The usage of the command, or tenken's before the command's name. */
static void usage(const struct cmd *c, FILE *out)
{
	if (c->command)
		c->command->usage(out);
	else
		usage_main(out);
}

/* Parses one global option into c->g (cmd.h's struct cmd says how it is
 * called). --lang and --ambiguous-width take effect at once. */
static int global_option(struct cmd *c, const struct cmd_global *o, const char *arg)
{
	struct cmd_globals *g = &c->g;

	switch (o ? o->key : '?') {
	case 'f':
		g->file = arg;
		return -1;
	case 'c':
		g->checklist = arg;
		return -1;
	case 's':
		g->section = arg;
		return -1;
	case 'i':
		g->item = arg;
		return -1;
	case 'R':
		g->read_only = 1;
		return -1;
	case 'O':
		g->compare = arg;
		return -1;
	case 'L':
		if (apply_lang(g, arg) != 0) {
			cmd_error(_("--lang: expected ja or en, not \"%s\""), arg);
			return EXIT_USAGE;
		}
		g->lang_given = 1;
		return -1;
	case 'A':
		if (!(g->ambiguous = settings_parse_ambiguous(arg))) {
			cmd_error(_("--ambiguous-width: expected 1 or 2, not \"%s\""), arg);
			return EXIT_USAGE;
		}
		textwidth_set_ambiguous(g->ambiguous);
		return -1;
	case 'h':
		usage(c, stdout);
		return EXIT_SUCCESS;
	case 'V':
		printf("tenken %s\n", PACKAGE_VERSION);
		return EXIT_SUCCESS;
	default:
		usage(c, stderr);
		return EXIT_USAGE;
	}
}

/* The command called name, or NULL. */
static const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	static struct cmd c = {
		.globals = globals,
		.n_globals = sizeof globals / sizeof globals[0],
		.global_option = global_option,
	};
	static char ui_cmd[] = "ui", print_cmd[] = "print", dir_opt[] = "--dir";
	char *alone[] = {NULL, NULL}, *dir_args[] = {ui_cmd, dir_opt, NULL, NULL}, **args;
	struct stat sb;
	int n, rc;

	locale_init(&c.g);
	if (cmd_getopt(&c, argc, argv, "+", NULL) != 0)
		return c.exit;
	if (settings_init(&c.g) != 0)
		return EXIT_FAILURE;
	args = argv + optind;
	n = argc - optind;
	if (n == 0) { /* without a command: the interface on a terminal, else the text */
		alone[0] = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) ? ui_cmd : print_cmd;
		args = alone;
		n = 1;
	}
	if (n == 1 && !command_find(args[0]) && stat(args[0], &sb) == 0 && S_ISDIR(sb.st_mode)) {
		dir_args[2] = args[0]; /* tenken DIR: the interface's files view */
		args = dir_args;
		n = 3;
	}
	if (!(c.command = command_find(args[0]))) {
		cmd_error(_("unknown command \"%s\" (try tenken --help)"), args[0]);
		return EXIT_USAGE;
	}
	rc = c.command->run(&c, n, args);
	cmd_data_free(&c.d);
	return rc;
}
