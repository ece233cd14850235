/* main: options, subcommands, locale and gettext. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers.h"
#include "checklist.h"
#include "checklist_yaml.h"
#include "examples.h"
#include "export.h"
#include "gettext.h"
#include "migrate.h"
#include "paths.h"
#include "print.h"
#include "store.h"
#include "textwidth.h"
#include "settings.h"
#include "ui.h"

enum { EXIT_USAGE = 2 };

/* The character set of the user's own locale, before tenken switched to
 * C.UTF-8 for itself: the terminal speaks it. */
static char user_ctype[128];
static int user_ctype_utf8;

/* The settings file's values. */
static struct settings settings;

/* The language of the checklist's text: the interface's by default. */
static enum lang content_lang = LANG_JA;

/* Set when --lang was given: only then do exports add English, since the
 * bank expects the official Japanese format. */
static int lang_option;

/* Makes the interface speak lang ("ja" or "en") whatever the locale, even
 * where no ja_JP locale was generated: gettext reads LANGUAGE as long as
 * the message locale is not "C". Returns 0, or -1 for another language. */
static int apply_lang(const char *lang)
{
	const char *msg = setlocale(LC_MESSAGES, NULL);

	if (strcmp(lang, "ja") != 0 && strcmp(lang, "en") != 0)
		return -1;
	setenv("LANGUAGE", lang, 1);
	if (!msg || !strcmp(msg, "C") || !strcmp(msg, "POSIX"))
		setlocale(LC_MESSAGES, "C.UTF-8");
	else
		setlocale(LC_MESSAGES, msg); /* tells gettext the language changed */
	content_lang = lang[0] == 'e' ? LANG_EN : LANG_JA;
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

/* What every command works on: the checklist, the answer file, the answers. */
struct ctx {
	const char *file;      /* -f */
	const char *checklist; /* --checklist */
	char path[PATH_MAX];   /* the answer file */
	struct checklist *cl;
	struct store *st;      /* NULL when read-only and the file does not exist */
	struct answers *a;
	/* The older edition whose 手法例 the checklist shows, if it names one. */
	struct examples_set *examples;
};

/* Options every command accepts. */
#define COMMON_OPTS                                                                       \
	{"file", required_argument, NULL, 'f'}, {"checklist", required_argument, NULL, 'c'}, \
		{"lang", required_argument, NULL, 'L'}, {"help", no_argument, NULL, 'h'},    \
		{"version", no_argument, NULL, 'V'}

/* Prints an error: "tenken: message", sanitized, to stderr. */
static void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void error(const char *fmt, ...)
{
	char msg[1024], *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	clean = textwidth_sanitize(msg);
	fprintf(stderr, "tenken: %s\n", clean ? clean : msg);
	free(clean);
}

static void usage_main(FILE *out)
{
	fprintf(out, _("Usage: %s [OPTION]... [COMMAND [ARG]...]\n"), "tenken");
	fputs(_("Fill in the FISC API connection checklist (API接続チェックリスト).\n"), out);
	fputs(_("\n"
		"Commands:\n"
		"  print      print the checklist with its answers\n"
		"  status     show progress per section and overall\n"
		"  set ITEM   set the status or an answer of one item\n"
		"  export     write the checklist and answers as CSV or JSON\n"
		"  ui         the full-screen interface\n"
		"  checklists list the bundled checklists\n"
		"  migrate    carry answers into a new file for another edition\n"
		"Without a command, tenken opens the full-screen interface on a terminal\n"
		"and prints the checklist otherwise.\n"), out);
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
		"  -V, --version            show the version and exit\n"), out);
	fputs(_("\nRun 'tenken COMMAND --help' for a command's options.\n"), out);
}

static int version(void)
{
	printf("tenken %s\n", PACKAGE_VERSION);
	return EXIT_SUCCESS;
}

/* Handles an option every command shares; returns 1 if it was one. */
static int common_option(struct ctx *c, int opt)
{
	switch (opt) {
	case 'f':
		c->file = optarg;
		return 1;
	case 'c':
		c->checklist = optarg;
		return 1;
	case 'L':
		if (apply_lang(optarg) != 0) {
			error(_("--lang: expected ja or en, not \"%s\""), optarg);
			exit(EXIT_USAGE);
		}
		lang_option = 1;
		return 1;
	default:
		return 0;
	}
}

static void ctx_free(struct ctx *c)
{
	examples_free(c->examples);
	answers_free(c->a);
	store_close(c->st);
	checklist_free(c->cl);
}

/* Decides which checklist to load: --checklist, else the one the answer
 * file says it answers, else the default. */
static int load_checklist(struct ctx *c)
{
	char path[PATH_MAX], err[1024], id[128];
	const char *arg = c->checklist;

	if (!arg && c->file && access(c->file, F_OK) == 0) {
		if (store_peek_checklist(c->file, id, sizeof id, err, sizeof err) != 0) {
			error("%s", err);
			return -1;
		}
		arg = id;
	}
	if (!arg && settings.checklist[0])
		arg = settings.checklist;
	if (!arg)
		arg = PATHS_DEFAULT_CHECKLIST;
	if (paths_checklist(arg, path, sizeof path) != 0) {
		error(_("no bundled checklist is called \"%s\" (looked in %s)"), arg, paths_datadir());
		return -1;
	}
	c->cl = checklist_load_file(path, err, sizeof err);
	if (!c->cl) {
		error("%s", err);
		return -1;
	}
	return 0;
}

/* Loads the checklist and opens the answers; writable opens create the file.
 * Returns 0 or -1 (the error already printed). */
static int ctx_open(struct ctx *c, int writable)
{
	char err[1024];

	if (load_checklist(c) != 0)
		return -1;
	if (c->file)
		snprintf(c->path, sizeof c->path, "%s", c->file);
	else if (paths_default_answers(c->cl->id, writable, c->path, sizeof c->path) != 0) {
		error(_("cannot use the default answer file: %s"), strerror(errno));
		return -1;
	}
	if (!(c->a = answers_new(c->cl))) {
		error("%s", _("out of memory"));
		return -1;
	}
	if (!writable && access(c->path, F_OK) != 0 && errno == ENOENT)
		return 0; /* nothing answered yet: the empty answers stand */
	c->st = store_open(c->path, c->cl, writable ? 0 : STORE_READONLY, err, sizeof err);
	if (!c->st || store_load(c->st, c->a, err, sizeof err) != 0) {
		error("%s", err);
		return -1;
	}
	if (store_checklist_changed(c->st))
		error(_("warning: %s was answered against another version of the checklist \"%s\""),
		      c->path, c->cl->id);
	return 0;
}

/* Parses a positive number; returns it or -1. */
static long parse_number(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	return *s && !*end && !errno && v > 0 && v <= INT_MAX ? v : -1;
}

static int terminal_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static void usage_print(FILE *out)
{
	fputs(_("Usage: tenken print [--section N] [--item N] [--width COLUMNS] [-f FILE]\n"
		"                    [--checklist ID|FILE]\n"
		"Print the checklist with everything expanded (goal, target, methods, notes,\n"
		"references, remarks) and the current answers, wrapped at the terminal's\n"
		"width (80 columns when the output is not a terminal).\n"), out);
}

static int cmd_print(int argc, char **argv)
{
	static const struct option opts[] = {
		{"section", required_argument, NULL, 's'}, {"item", required_argument, NULL, 'i'},
		{"width", required_argument, NULL, 'w'}, COMMON_OPTS, {NULL, 0, NULL, 0}};
	struct ctx c = {0};
	const char *section = NULL, *item = NULL;
	char err[1024];
	struct print_filter filter = {-1, -1};
	int opt, width = terminal_width(), rc = EXIT_FAILURE;

	while ((opt = getopt_long(argc, argv, "f:c:s:i:w:hV", opts, NULL)) != -1) {
		if (common_option(&c, opt))
			continue;
		switch (opt) {
		case 's':
			section = optarg;
			break;
		case 'i':
			item = optarg;
			break;
		case 'w':
			width = (int)parse_number(optarg);
			if (width < 20 || width > 1000) {
				error(_("--width: expected a number of columns from 20 to 1000, not \"%s\""),
				      optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			usage_print(stdout);
			return EXIT_SUCCESS;
		case 'V':
			return version();
		default:
			usage_print(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		error(_("print: unexpected argument \"%s\""), argv[optind]);
		return EXIT_USAGE;
	}
	if (ctx_open(&c, 0) != 0)
		goto out;
	if (section && (filter.section = checklist_find_section(c.cl, (int)parse_number(section))) < 0) {
		error(_("there is no section %s (the checklist has %zu)"), section, c.cl->n_sections);
		goto out;
	}
	if (item && (filter.item = checklist_find_item(c.cl, (int)parse_number(item))) < 0) {
		error(_("there is no item %s"), item);
		goto out;
	}
	if (!(c.examples = examples_load(c.cl, err, sizeof err)) && *err)
		error("%s", err);
	if (print_checklist_ex(stdout, c.cl, c.a, c.examples ? &c.examples->ex : NULL, filter,
			       content_lang, width) != 0) {
		error(_("cannot write the output: %s"), strerror(errno));
		goto out;
	}
	rc = EXIT_SUCCESS;
out:
	ctx_free(&c);
	return rc;
}

static void usage_status(FILE *out)
{
	fputs(_("Usage: tenken status [-f FILE] [--checklist ID|FILE]\n"
		"Show how many items are answered, per section and overall, and how many\n"
		"have each status.\n"), out);
}

/* Pads s with spaces to width columns (display width, not bytes). */
/* Prints s right-aligned in width columns (by display width, so that a
 * translated heading lines up too). */
static void put_right(const char *s, size_t width)
{
	size_t w = textwidth_str(s);

	for (; w < width; w++)
		putchar(' ');
	fputs(s, stdout);
}

static void put_padded(const char *s, size_t width)
{
	char *clean = textwidth_sanitize(s);
	size_t w;

	if (!clean)
		return;
	w = textwidth_str(clean);
	fputs(clean, stdout);
	for (; w < width; w++)
		putchar(' ');
	free(clean);
}

/* The status table's headings and their widths: at least 7 and 5 columns,
 * wider if a translation needs it. */
static const char *status_heads[STATUS_COUNT];
static size_t status_widths[STATUS_COUNT];

static void status_headings(void)
{
	/* TRANSLATORS: column headings of `tenken status`: answered items, then
	   the count of each status. The columns widen to fit. */
	const char *h[STATUS_COUNT] = {_("Done"), _("Impl"), _("Part"), _("Not"), _("N/A")};

	for (int s = 0; s < STATUS_COUNT; s++) {
		size_t min = s == 0 ? 7 : 5, w = textwidth_str(h[s]);
		status_heads[s] = h[s];
		status_widths[s] = w > min ? w : min;
	}
}

static void status_counts(const size_t counts[STATUS_COUNT], size_t total, size_t name_width,
			  const char *name)
{
	char num[32];

	put_padded(name, name_width);
	snprintf(num, sizeof num, "%zu/%zu", total - counts[STATUS_UNANSWERED], total);
	put_right(num, status_widths[0] + 1);
	for (int s = STATUS_IMPLEMENTED; s < STATUS_COUNT; s++) {
		snprintf(num, sizeof num, "%zu", counts[s]);
		put_right(num, status_widths[s] + 1);
	}
	putchar('\n');
}

static int cmd_status(int argc, char **argv)
{
	static const struct option opts[] = {COMMON_OPTS, {NULL, 0, NULL, 0}};
	struct ctx c = {0};
	size_t counts[STATUS_COUNT], name_width = 0;
	int opt;

	while ((opt = getopt_long(argc, argv, "f:c:hV", opts, NULL)) != -1) {
		if (common_option(&c, opt))
			continue;
		if (opt == 'h') {
			usage_status(stdout);
			return EXIT_SUCCESS;
		}
		if (opt == 'V')
			return version();
		usage_status(stderr);
		return EXIT_USAGE;
	}
	if (optind < argc) {
		error(_("status: unexpected argument \"%s\""), argv[optind]);
		return EXIT_USAGE;
	}
	if (ctx_open(&c, 0) != 0) {
		ctx_free(&c);
		return EXIT_FAILURE;
	}
	for (size_t s = 0; s < c.cl->n_sections; s++) {
		size_t w = textwidth_str(text_get(&c.cl->sections[s].name, content_lang)) + 4;
		if (w > name_width)
			name_width = w;
	}
	if (name_width > 44)
		name_width = 44;
	put_padded(text_get(&c.cl->title, content_lang), 0);
	printf("\n%s: %s\n\n", _("Answer file"), c.path);
	put_padded("", name_width);
	status_headings();
	for (int s = 0; s < STATUS_COUNT; s++)
		put_right(status_heads[s], status_widths[s] + 1);
	putchar('\n');
	for (size_t s = 0; s < c.cl->n_sections; s++) {
		const struct section *sec = &c.cl->sections[s];
		char name[512];
		snprintf(name, sizeof name, "%2d. %s", sec->number, text_get(&sec->name, content_lang));
		answers_count(c.a, sec->first_item, sec->n_items, counts);
		status_counts(counts, sec->n_items, name_width, name);
	}
	answers_count(c.a, 0, c.cl->n_items, counts);
	status_counts(counts, c.cl->n_items, name_width, _("Total"));
	printf("\n");
	for (int s = 0; s < STATUS_COUNT; s++)
		printf("%s: %zu\n", status_name((enum status)s), counts[s]);
	ctx_free(&c);
	return EXIT_SUCCESS;
}

static void usage_set(FILE *out)
{
	fputs(_("Usage: tenken set ITEM [--status KEY] [--field COLUMN=TEXT]... [-f FILE]\n"
		"                  [--checklist ID|FILE]\n"
		"Set the status and answers of item ITEM (its 通番). Each change is committed\n"
		"to the answer file at once and recorded in its history. An empty TEXT clears\n"
		"the answer.\n"
		"Status keys: unanswered, implemented, partial, not-implemented,\n"
		"             not-applicable\n"
		"COLUMN is the id the checklist gives an answer column (for the trial\n"
		"edition: current, plan, remarks).\n"), out);
}

/* Checks an answer typed on the command line: valid UTF-8, and no control
 * characters but newline and tab. Returns 0 or -1 (error printed). */
static int check_answer(const char *column, const char *text)
{
	size_t bad;
	uint32_t cp;

	switch (textwidth_storable(text, strlen(text), &bad, &cp)) {
	case TEXTWIDTH_TEXT:
		return 0;
	case TEXTWIDTH_INVALID:
		error(_("--field %s: invalid UTF-8 at byte %zu"), column, bad + 1);
		return -1;
	default:
		error(_("--field %s: control character U+%04X at byte %zu"), column, (unsigned)cp,
		      bad + 1);
		return -1;
	}
}

struct field_arg {
	long column;
	const char *text;
};

static int cmd_set(int argc, char **argv)
{
	static const struct option opts[] = {
		{"status", required_argument, NULL, 's'}, {"field", required_argument, NULL, 'F'},
		COMMON_OPTS, {NULL, 0, NULL, 0}};
	struct ctx c = {0};
	const char *status = NULL;
	char **fields = calloc((size_t)argc, sizeof *fields), err[1024];
	struct field_arg *parsed = calloc((size_t)argc, sizeof *parsed);
	size_t n_fields = 0;
	int opt, st = -1, rc = EXIT_USAGE;
	long item;

	if (!fields || !parsed) {
		error("%s", _("out of memory"));
		goto out;
	}
	while ((opt = getopt_long(argc, argv, "f:c:s:F:hV", opts, NULL)) != -1) {
		if (common_option(&c, opt))
			continue;
		switch (opt) {
		case 's':
			status = optarg;
			break;
		case 'F':
			fields[n_fields++] = optarg;
			break;
		case 'h':
			usage_set(stdout);
			rc = EXIT_SUCCESS;
			goto out;
		case 'V':
			rc = version();
			goto out;
		default:
			usage_set(stderr);
			goto out;
		}
	}
	if (optind + 1 != argc) {
		error("%s", optind == argc ? _("set: which item? (tenken set ITEM …)")
					   : _("set: give exactly one item"));
		goto out;
	}
	if (!status && !n_fields) {
		error("%s", _("set: nothing to set (give --status or --field)"));
		goto out;
	}
	if (status && (st = status_parse(status)) < 0) {
		error(_("--status: unknown status \"%s\" (one of unanswered, implemented, partial, not-implemented, not-applicable)"),
		      status);
		goto out;
	}
	rc = EXIT_FAILURE;
	if (load_checklist(&c) != 0)
		goto out;
	if ((item = checklist_find_item(c.cl, (int)parse_number(argv[optind]))) < 0) {
		error(_("there is no item %s in %s"), argv[optind], c.cl->id);
		goto out;
	}
	/* Check every argument before anything is written. */
	for (size_t i = 0; i < n_fields; i++) {
		char *eq = strchr(fields[i], '=');
		if (!eq) {
			error(_("--field: expected COLUMN=TEXT, not \"%s\""), fields[i]);
			rc = EXIT_USAGE;
			goto out;
		}
		*eq = '\0';
		parsed[i].column = checklist_find_column(c.cl, fields[i]);
		parsed[i].text = eq + 1;
		if (parsed[i].column < 0) {
			error(_("--field: the checklist has no answer column \"%s\""), fields[i]);
			rc = EXIT_USAGE;
			goto out;
		}
		if (check_answer(fields[i], parsed[i].text) != 0)
			goto out;
	}
	checklist_free(c.cl);
	c.cl = NULL;
	if (ctx_open(&c, 1) != 0)
		goto out;
	if (st >= 0 &&
	    store_set_status(c.st, c.a, (size_t)item, (enum status)st, err, sizeof err) != 0) {
		error("%s", err);
		goto out;
	}
	for (size_t i = 0; i < n_fields; i++)
		if (store_set_text(c.st, c.a, (size_t)item, (size_t)parsed[i].column, parsed[i].text,
				   err, sizeof err) != 0) {
			error("%s", err);
			goto out;
		}
	rc = EXIT_SUCCESS;
out:
	free(fields);
	free(parsed);
	ctx_free(&c);
	return rc;
}

static void usage_export(FILE *out)
{
	fputs(_("Usage: tenken export --format csv|json [-o FILE] [-f FILE]\n"
		"                     [--checklist ID|FILE]\n"
		"Write the checklist with its answers. CSV has the official column order and\n"
		"Japanese headers, UTF-8 with a byte order mark so that Excel reads it; JSON\n"
		"holds the whole checklist and every answer. The output file is created with\n"
		"mode 0600 and appears only when complete.\n"), out);
}

/* Writes the export to path through a temporary file renamed into place. */
static int export_to_file(const struct ctx *c, int json, const char *path)
{
	char tmp[PATH_MAX];
	int fd, ok;
	FILE *f;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0) {
		error("%s: %s", path, strerror(errno));
		return -1;
	}
	if (!(f = fdopen(fd, "w"))) {
		error("%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	ok = (json ? export_json(f, c->cl, c->a) : export_csv_lang(f, c->cl, c->a, lang_option ? content_lang : LANG_JA)) == 0;
	ok = fsync(fd) == 0 && ok;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		error("%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

static int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'F'}, {"output", required_argument, NULL, 'o'},
		COMMON_OPTS, {NULL, 0, NULL, 0}};
	struct ctx c = {0};
	const char *format = NULL, *output = NULL;
	int opt, json, rc = EXIT_FAILURE;

	while ((opt = getopt_long(argc, argv, "f:c:F:o:hV", opts, NULL)) != -1) {
		if (common_option(&c, opt))
			continue;
		switch (opt) {
		case 'F':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			usage_export(stdout);
			return EXIT_SUCCESS;
		case 'V':
			return version();
		default:
			usage_export(stderr);
			return EXIT_USAGE;
		}
	}
	if (!format || (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)) {
		error("%s", _("export: give --format csv or --format json"));
		return EXIT_USAGE;
	}
	if (optind < argc) {
		error(_("export: unexpected argument \"%s\""), argv[optind]);
		return EXIT_USAGE;
	}
	json = strcmp(format, "json") == 0;
	if (ctx_open(&c, 0) == 0) {
		if (output && strcmp(output, "-") != 0)
			rc = export_to_file(&c, json, output) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
		else if ((json ? export_json(stdout, c.cl, c.a)
			       : export_csv_lang(stdout, c.cl, c.a,
						 lang_option ? content_lang : LANG_JA)) == 0)
			rc = EXIT_SUCCESS;
		else
			error(_("cannot write the output: %s"), strerror(errno));
	}
	ctx_free(&c);
	return rc;
}

static void usage_migrate(FILE *out)
{
	fputs(_("Usage: tenken migrate --from FILE --to ID|FILE -o NEWFILE\n"
		"Carry the answers in FILE into a new answer file NEWFILE for the checklist\n"
		"ID (for example fisc-api-2018), along the bundled mapping between the two,\n"
		"and report what went where and what needs review. FILE is only read;\n"
		"NEWFILE must not exist yet.\n"), out);
}

/* Loads the mapping from checklist from to checklist to and checks it. */
static struct mapping *load_mapping(const struct checklist *from, const struct checklist *to)
{
	char path[PATH_MAX], err[1024];
	struct mapping *m;

	if (paths_mapping(from->id, to->id, path, sizeof path) != 0) {
		error(_("tenken has no mapping from %s to %s"), from->id, to->id);
		return NULL;
	}
	if (!(m = mapping_load_file(path, err, sizeof err)) ||
	    mapping_check(m, from, to, err, sizeof err) != 0) {
		error("%s", err);
		mapping_free(m);
		return NULL;
	}
	return m;
}

/* Opens a new answer file at path.partial for checklist cl. */
static struct store *create_new(const char *path, const struct checklist *cl, char *partial,
				size_t len)
{
	char err[1024];
	struct store *st;

	snprintf(partial, len, "%s.partial", path);
	if (access(path, F_OK) == 0 || access(partial, F_OK) == 0) {
		error(_("%s already exists: migrate writes a new file and overwrites nothing"),
		      access(path, F_OK) == 0 ? path : partial);
		return NULL;
	}
	if (!(st = store_open(partial, cl, 0, err, sizeof err)))
		error("%s", err);
	return st;
}

static int cmd_migrate(int argc, char **argv)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, 'F'}, {"to", required_argument, NULL, 'T'},
		{"output", required_argument, NULL, 'o'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	struct ctx old = {0}, new = {0};
	const char *out = NULL;
	char partial[PATH_MAX + 16], err[1024];
	struct mapping *m = NULL;
	int opt, rc = EXIT_FAILURE, review;

	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'F':
			old.file = optarg;
			break;
		case 'T':
			new.checklist = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'h':
			usage_migrate(stdout);
			return EXIT_SUCCESS;
		default:
			usage_migrate(stderr);
			return EXIT_USAGE;
		}
	}
	if (!old.file || !new.checklist || !out || optind < argc) {
		usage_migrate(stderr);
		return EXIT_USAGE;
	}
	if (access(old.file, F_OK) != 0) {
		error("%s: %s", old.file, strerror(errno));
		return EXIT_FAILURE;
	}
	if (ctx_open(&old, 0) != 0 || load_checklist(&new) != 0 ||
	    !(m = load_mapping(old.cl, new.cl)) ||
	    !(new.a = answers_new(new.cl)) ||
	    !(new.st = create_new(out, new.cl, partial, sizeof partial)))
		goto done;
	printf(_("From %s (%s) to %s (%s):\n"), old.path, old.cl->id, out, new.cl->id);
	review = migrate_answers(old.cl, old.a, new.cl, new.a, new.st, m, stdout, err, sizeof err);
	store_close(new.st);
	new.st = NULL;
	if (review < 0 || rename(partial, out) != 0) {
		error("%s", review < 0 ? err : strerror(errno));
		unlink(partial);
		goto done;
	}
	printf(ngettext("%s written; %d item needs review.\n",
			"%s written; %d items need review.\n", (unsigned long)review),
	       out, review);
	rc = EXIT_SUCCESS;
done:
	mapping_free(m);
	ctx_free(&old);
	ctx_free(&new);
	return rc;
}

static void usage_checklists(FILE *out)
{
	fputs(_("Usage: tenken checklists\n"
		"List the bundled checklists, newest first: id, date, number of items, title.\n"
		"The one marked * is used when no --checklist is given.\n"), out);
}

struct bundled {
	char id[128];
	char date[16];
	size_t items;
	char *title;
};

static int by_date_desc(const void *a, const void *b)
{
	const struct bundled *x = a, *y = b;

	return strcmp(y->date, x->date);
}

static int cmd_checklists(int argc, char **argv)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	const char *dir = paths_datadir(), *def = settings.checklist[0] ? settings.checklist
								       : PATHS_DEFAULT_CHECKLIST;
	struct bundled list[64];
	size_t n = 0;
	struct dirent *e;
	DIR *d;
	int opt;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == 'h') {
			usage_checklists(stdout);
			return EXIT_SUCCESS;
		}
		usage_checklists(stderr);
		return EXIT_USAGE;
	}
	if (!(d = opendir(dir))) {
		error("%s: %s", dir, strerror(errno));
		return EXIT_FAILURE;
	}
	while ((e = readdir(d)) != NULL && n < sizeof list / sizeof list[0]) {
		size_t len = strlen(e->d_name);
		char path[PATH_MAX], err[1024];
		struct checklist *cl;
		/* Checklists are ID.yaml; mappings FROM.to.TO.yaml. */
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") || strstr(e->d_name, ".to."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (!(cl = checklist_load_file(path, err, sizeof err))) {
			error("%s", err);
			continue;
		}
		snprintf(list[n].id, sizeof list[n].id, "%s", cl->id);
		snprintf(list[n].date, sizeof list[n].date, "%s", cl->date ? cl->date : "");
		list[n].items = cl->n_items;
		list[n].title = textwidth_sanitize(text_get(&cl->title, content_lang));
		n++;
		checklist_free(cl);
	}
	closedir(d);
	qsort(list, n, sizeof list[0], by_date_desc);
	for (size_t i = 0; i < n; i++) {
		printf("%s %-22s %-10s %4zu  %s\n", strcmp(list[i].id, def) ? " " : "*", list[i].id,
		       list[i].date, list[i].items, list[i].title ? list[i].title : "");
		free(list[i].title);
	}
	return EXIT_SUCCESS;
}

static void usage_ui(FILE *out)
{
	fputs(_("Usage: tenken ui [--section N] [--item N] [-R] [-f FILE] [--checklist ID|FILE]\n"
		"Open the full-screen interface: browse the sections, open an item, set its\n"
		"status and type the answers. Every change is saved at once; text being typed\n"
		"is kept as a draft if the connection drops. Press ? in it for the keys.\n"
		"  -R, --read-only  review only: no key changes an answer\n"), out);
}

static int cmd_ui(int argc, char **argv)
{
	static const struct option opts[] = {
		{"section", required_argument, NULL, 's'}, {"item", required_argument, NULL, 'i'},
		{"read-only", no_argument, NULL, 'R'}, COMMON_OPTS, {NULL, 0, NULL, 0}};
	struct ctx c = {0};
	struct ui_options o = {0};
	char err[1024];
	int opt, rc = EXIT_FAILURE;
	const char *section = NULL, *item = NULL;

	while ((opt = getopt_long(argc, argv, "f:c:s:i:RhV", opts, NULL)) != -1) {
		if (common_option(&c, opt))
			continue;
		switch (opt) {
		case 's':
			section = optarg;
			break;
		case 'i':
			item = optarg;
			break;
		case 'R':
			o.read_only = 1;
			break;
		case 'h':
			usage_ui(stdout);
			return EXIT_SUCCESS;
		case 'V':
			return version();
		default:
			usage_ui(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		error(_("ui: unexpected argument \"%s\""), argv[optind]);
		return EXIT_USAGE;
	}
	if (!user_ctype_utf8) {
		error(_("the full-screen interface needs a UTF-8 locale, and the locale is \"%s\"; "
			"run it as LANG=C.UTF-8 tenken, or set LANG to a UTF-8 locale such as "
			"ja_JP.UTF-8"),
		      user_ctype);
		return EXIT_FAILURE;
	}
	if (ctx_open(&c, !o.read_only) != 0)
		goto out;
	if (section && checklist_find_section(c.cl, o.section = (int)parse_number(section)) < 0) {
		error(_("there is no section %s (the checklist has %zu)"), section, c.cl->n_sections);
		goto out;
	}
	if (item && checklist_find_item(c.cl, o.item = (int)parse_number(item)) < 0) {
		error(_("there is no item %s"), item);
		goto out;
	}
	o.cl = c.cl;
	o.a = c.a;
	o.st = c.st;
	o.path = c.path;
	o.lang = content_lang;
	if (ui_run(&o, err, sizeof err) != 0) {
		error("%s", err);
		goto out;
	}
	rc = EXIT_SUCCESS;
out:
	ctx_free(&c);
	return rc;
}

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"print", cmd_print},
	{"status", cmd_status},
	{"set", cmd_set},
	{"export", cmd_export},
	{"ui", cmd_ui},
	{"checklists", cmd_checklists},
	{"migrate", cmd_migrate},
};

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"section", required_argument, NULL, 's'}, {"item", required_argument, NULL, 'i'},
		{"read-only", no_argument, NULL, 'R'},
		{"ambiguous-width", required_argument, NULL, 'A'}, COMMON_OPTS, {NULL, 0, NULL, 0}};
	static char print_cmd[] = "print", ui_cmd[] = "ui", opt_f[] = "-f", opt_c[] = "-c",
		    opt_s[] = "-s", opt_i[] = "-i", opt_r[] = "-R";
	char *file = NULL, *checklist = NULL, *section = NULL, *item = NULL, **cargv;
	int read_only = 0, ambiguous = 0, lang_given = 0;
	char spath[PATH_MAX], warn[PATH_MAX + 256];
	int opt, cargc, rc;

	setlocale(LC_ALL, "");
	snprintf(user_ctype, sizeof user_ctype, "%s", setlocale(LC_CTYPE, NULL));
	user_ctype_utf8 = strstr(user_ctype, "UTF-8") || strstr(user_ctype, "utf8");
	/* Widths need a UTF-8 character type whatever the user's locale. */
	if (!user_ctype_utf8)
		setlocale(LC_CTYPE, "C.UTF-8");
	bindtextdomain(PACKAGE, paths_localedir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	content_lang = locale_lang();
	while ((opt = getopt_long(argc, argv, "+f:c:s:i:RhV", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			section = optarg;
			break;
		case 'i':
			item = optarg;
			break;
		case 'R':
			read_only = 1;
			break;
		case 'f':
			file = optarg;
			break;
		case 'c':
			checklist = optarg;
			break;
		case 'L':
			if (apply_lang(optarg) != 0) {
				error(_("--lang: expected ja or en, not \"%s\""), optarg);
				return EXIT_USAGE;
			}
			lang_given = lang_option = 1;
			break;
		case 'A':
			if (!(ambiguous = settings_parse_ambiguous(optarg))) {
				error(_("--ambiguous-width: expected 1 or 2, not \"%s\""), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			usage_main(stdout);
			return EXIT_SUCCESS;
		case 'V':
			return version();
		default:
			usage_main(stderr);
			return EXIT_USAGE;
		}
	}
	if (settings_path(spath, sizeof spath) == 0 &&
	    (settings_load(spath, &settings, warn, sizeof warn) != 0 || warn[0]))
		error(_("warning: %s"), warn);
	if (!ambiguous)
		ambiguous = settings.ambiguous_width ? settings.ambiguous_width : 1;
	if (!lang_given && settings.lang[0])
		apply_lang(settings.lang);
	textwidth_set_ambiguous(ambiguous);
	/* Global -f and --checklist are passed on to the command. */
	cargv = calloc((size_t)argc + 10, sizeof *cargv);
	if (!cargv)
		return EXIT_FAILURE;
	cargc = 0;
	/* Without a command: the interface on a terminal, else the text. */
	cargv[cargc++] = optind < argc ? argv[optind]
		       : isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) ? ui_cmd
								     : print_cmd;
	if (file)
		cargv[cargc++] = opt_f, cargv[cargc++] = file;
	if (checklist)
		cargv[cargc++] = opt_c, cargv[cargc++] = checklist;
	if (section)
		cargv[cargc++] = opt_s, cargv[cargc++] = section;
	if (item)
		cargv[cargc++] = opt_i, cargv[cargc++] = item;
	if (read_only && (!strcmp(cargv[0], "ui") || !strcmp(cargv[0], "set")))
		cargv[cargc++] = opt_r;
	for (int i = optind + 1; i < argc; i++)
		cargv[cargc++] = argv[i];
	rc = -1;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(cargv[0], commands[i].name) == 0) {
			optind = 0; /* 0: glibc re-initializes getopt */
			rc = commands[i].run(cargc, cargv);
		}
	if (rc < 0) {
		error(_("unknown command \"%s\" (try tenken --help)"), cargv[0]);
		rc = EXIT_USAGE;
	}
	free(cargv);
	return rc;
}
