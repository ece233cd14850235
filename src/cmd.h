/* cmd: what tenken's commands share. main.c parses the global options once
 * into struct cmd_globals and runs a command from its table of commands;
 * each command lives in its own cmd_*.c, parses its own options with
 * cmd_getopt (which takes the global options there too) and works on the
 * checklist and answers cmd_open gives it. */
#ifndef TENKEN_CMD_H
#define TENKEN_CMD_H

#include <getopt.h>
#include <limits.h>
#include <stdio.h>

#include "answers.h"
#include "checklist.h"
#include "connectors.h"
#include "settings.h"
#include "store.h"

/* The exit status of a usage error. */
enum { EXIT_USAGE = 2 };

/* A command's flags in the table: which global options it takes, and what
 * it needs. --lang, --ambiguous-width, --help and --version go with every
 * command. */
enum cmd_flags {
	CMD_FILE = 1 << 0,          /* -f: an answer file */
	CMD_CHECKLIST = 1 << 1,     /* -c: a checklist */
	CMD_SECTION = 1 << 2,       /* -s: a section to show (set: to change) */
	CMD_ITEM = 1 << 3,          /* -i: an item to show */
	CMD_READ_ONLY = 1 << 4,     /* -R: it honours read-only */
	CMD_WRITES = 1 << 5,        /* it writes the answer file (and creates it) */
	CMD_UTF8 = 1 << 6,          /* it needs a terminal that speaks UTF-8 */
	CMD_FROM_TO = 1 << 7,       /* it takes its files as --from and --to, not -f and -c */
	CMD_NEEDS_ANSWERS = 1 << 8, /* it only reads, and refuses even a missing default file */
	CMD_COMPARE = 1 << 9,       /* --compare: last year's answer file shown beside */
};

/* A flag of cmd_open_answers beside store_open's: a missing file is
 * refused, with the path and how to create one. */
enum { CMD_MUST_EXIST = 1 << 8 };

struct cmd;

/* A row of main.c's table of commands. */
struct command {
	const char *name;
	/* Runs the command on its arguments (argv[0] is its name); returns
	 * the exit status. */
	int (*run)(struct cmd *c, int argc, char **argv);
	unsigned flags;
	void (*usage)(FILE *out);
};

/* A global option, as main.c's table describes it. */
struct cmd_global {
	int key;          /* its short letter, or for a long-only option a letter of its own */
	int has_short;    /* 1: -KEY is its short form */
	const char *name; /* its long form, without the -- */
	int has_arg;      /* no_argument or required_argument */
	unsigned flag;    /* the CMD_ flag a command needs to take it; 0: every command */
};

/* The global options, parsed once wherever they stand on the command line,
 * and the settings file. */
struct cmd_globals {
	const char *file;      /* -f */
	const char *checklist; /* -c */
	const char *section;   /* -s */
	const char *item;      /* -i */
	int read_only;         /* -R */
	const char *compare;   /* --compare: last year's answer file, only read */
	int lang_given;        /* --lang given: only then do exports add English */
	enum lang lang;        /* the checklist's: --lang, the setting, the locale */
	int ambiguous;         /* --ambiguous-width, or 0 */
	unsigned given;        /* bit i: row i of the table of global options */
	struct settings settings;
	char user_ctype[128]; /* the user's LC_CTYPE, before C.UTF-8 */
	int user_ctype_utf8;  /* whether it is UTF-8: the terminal speaks it */
};

/* What a command works on: a checklist and the answers of one file. */
struct cmd_data {
	char path[PATH_MAX]; /* the answer file */
	struct checklist *cl;
	struct store *st; /* NULL when read-only and the file does not exist */
	struct answers *a;
	/* What opening the file warned about (a changed checklist), for the
	 * interface to show too; "" if nothing. */
	char notice[512];
};

/* Everything a command is given, and the state of its option parsing. */
struct cmd {
	const struct command *command; /* the row; NULL before the command's name */
	struct cmd_globals g;
	/* main.c's table of the global options, and its parser of one of
	 * them: returns -1 to go on, or the status tenken exits with (after
	 * --help, --version or a bad value). Called with o NULL for an
	 * option that getopt did not know, to show the usage. */
	const struct cmd_global *globals;
	size_t n_globals;
	int (*global_option)(struct cmd *c, const struct cmd_global *o, const char *arg);
	int exit;          /* the status to exit with when cmd_getopt returns -1 */
	struct cmd_data d; /* what cmd_open opened */
	/* cmd_getopt's tables: the command's own options, then the global ones */
	const char *own_short;
	struct option opts[32];
	char short_opts[64];
	int parsing;
};

/* Prints "tenken: MESSAGE" to standard error, sanitized: no control
 * character from a file name or a checklist reaches the terminal. */
void cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parses a positive number (at most INT_MAX); returns it or -1. */
long cmd_number(const char *s);

/* The next of the command's own options in argv, getopt_long style, with
 * the global options taken wherever they stand: own_short and own are the
 * command's (own may be NULL). Returns an own option, 0 when the options
 * are done (optind is the first argument) and the command may run, or -1
 * when tenken should exit with c->exit: --help or --version was given, an
 * option is unknown or does not go with the command, or the command needs
 * a UTF-8 terminal and has none. */
int cmd_getopt(struct cmd *c, int argc, char **argv, const char *own_short,
	       const struct option *own);

/* Parses a command that has no options of its own and takes no argument.
 * Returns 0, or -1 with c->exit set (the message printed). */
int cmd_getopt_none(struct cmd *c, int argc, char **argv);

/* Refuses an argument the command does not take: prints
 * "COMMAND: unexpected argument" and returns EXIT_USAGE. */
int cmd_unexpected(const struct cmd *c, const char *arg);

/* Loads the checklist into d: checklist (an id or a file) if not NULL,
 * else the one the existing answer file file answers, else the setting's,
 * else the default. Returns 0, or -1 with the error printed. */
int cmd_load_checklist(const struct cmd *c, struct cmd_data *d, const char *file,
		       const char *checklist);

/* Loads the checklist of a report or a files view: --checklist, else the
 * checklist id that most of the files cs answer, as the first of them was
 * made with (bundled, or a bank's overlay's file). Returns 0 or -1 (said). */
int cmd_load_connectors_checklist(const struct cmd *c, struct cmd_data *d,
				  const struct connectors *cs, const char *id);

/* Opens the answers of d's loaded checklist: file (the default answer file
 * if NULL) with store_open's flags: created unless STORE_READONLY, where a
 * missing file gives empty answers, or with CMD_MUST_EXIST is refused.
 * Returns 0, or -1 with the error printed. */
int cmd_open_answers(struct cmd_data *d, const char *file, int flags);

/* Loads the checklist and opens the answers the global options name into
 * c->d, writable if the command writes and -R was not given (read-only if
 * the file cannot be written and the command also reviews). Read-only, a
 * missing file given with -f is refused, and so is a missing default file
 * for a command flagged CMD_NEEDS_ANSWERS. Returns 0, or -1 with the error
 * printed. */
int cmd_open(struct cmd *c);

/* Closes what d holds; d may be empty. */
void cmd_data_free(struct cmd_data *d);

/* Finds the section --section names in c->d's checklist. Returns its
 * index, or -1 with the error printed. */
long cmd_section_index(const struct cmd *c);

/* Finds the item --item names in c->d's checklist. Returns its index, or
 * -1 with the error printed. */
long cmd_item_index(const struct cmd *c);

/* The commands, one file each. Each cmd_NAME runs tenken NAME on its
 * arguments (argv[0] is the name) and returns the exit status; each
 * cmd_NAME_usage prints its usage to out. */

/* print: the checklist with everything expanded and the answers, as text. */
int cmd_print(struct cmd *c, int argc, char **argv);
void cmd_print_usage(FILE *out);

/* status: the answered items per section and overall, and each status's count. */
int cmd_status(struct cmd *c, int argc, char **argv);
void cmd_status_usage(FILE *out);

/* set: the status and answers of one item, every argument checked first. */
int cmd_set(struct cmd *c, int argc, char **argv);
void cmd_set_usage(FILE *out);

/* history: the recorded changes, newest first, of one item or all. */
int cmd_history(struct cmd *c, int argc, char **argv);
void cmd_history_usage(FILE *out);

/* export: the checklist and answers as CSV, JSON or an Excel workbook, or a
 * report in Markdown or HTML, to a file or stdout (a workbook to a file). */
int cmd_export(struct cmd *c, int argc, char **argv);
void cmd_export_usage(FILE *out);

/* migrate: one edition's answers carried into a new file for another. */
int cmd_migrate(struct cmd *c, int argc, char **argv);
void cmd_migrate_usage(FILE *out);

/* report: many answer files of one checklist side by side, only read. */
int cmd_report(struct cmd *c, int argc, char **argv);
void cmd_report_usage(FILE *out);

/* diff: what changed between two answer files of one checklist, only read. */
int cmd_diff(struct cmd *c, int argc, char **argv);
void cmd_diff_usage(FILE *out);

/* import: a workbook's or CSV's answers read back, shown, then applied. */
int cmd_import(struct cmd *c, int argc, char **argv);
void cmd_import_usage(FILE *out);

/* review: the reviewing side's verdicts and comments, set and shown. */
int cmd_review(struct cmd *c, int argc, char **argv);
void cmd_review_usage(FILE *out);

/* name: the connector's name the answer file keeps, set or shown. */
int cmd_name(struct cmd *c, int argc, char **argv);
void cmd_name_usage(FILE *out);

/* checklists: the bundled checklists, newest first. */
int cmd_checklists(struct cmd *c, int argc, char **argv);
void cmd_checklists_usage(FILE *out);

/* ui: the full-screen interface. */
int cmd_ui(struct cmd *c, int argc, char **argv);
void cmd_ui_usage(FILE *out);

#endif
