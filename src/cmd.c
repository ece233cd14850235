/* cmd: what tenken's commands share: option parsing with the global options
 * taken before or after the command's name, the checklist and answer file
 * they work on, error messages and numbers. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checklist_yaml.h"
#include "cmd.h"
#include "gettext.h"
#include "paths.h"
#include "textwidth.h"

/* getopt_long's value for the global option of row i: above every char. */
enum { GLOBAL_BASE = 256 };

void cmd_error(const char *fmt, ...)
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

long cmd_number(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	return *s && !*end && !errno && v > 0 && v <= INT_MAX ? v : -1;
}

/* Whether getopt's opt is one of the command's own options. */
static int is_own(const struct cmd *c, const struct option *own, int opt)
{
	if (opt > 0 && opt < GLOBAL_BASE && opt != ':' && strchr(c->own_short, opt))
		return 1;
	for (; own && own->name; own++)
		if (own->val == opt)
			return 1;
	return 0;
}

/* The global option getopt's opt stands for, or NULL (an own option, or one
 * that getopt did not know). */
static const struct cmd_global *global_of(const struct cmd *c, const struct option *own, int opt)
{
	if (opt >= GLOBAL_BASE && (size_t)(opt - GLOBAL_BASE) < c->n_globals)
		return &c->globals[opt - GLOBAL_BASE];
	if (is_own(c, own, opt))
		return NULL;
	for (size_t i = 0; i < c->n_globals; i++)
		if (c->globals[i].has_short && c->globals[i].key == opt)
			return &c->globals[i];
	return NULL;
}

/* Builds getopt's tables: the command's own options, then the global ones
 * whose short letter the command does not use for one of its own. */
static void build_tables(struct cmd *c, const char *own_short, const struct option *own)
{
	size_t n = 0, len = strlen(own_short);

	c->own_short = own_short;
	memcpy(c->short_opts, own_short, len + 1);
	for (; own && own->name && n + 1 < sizeof c->opts / sizeof c->opts[0]; own++)
		c->opts[n++] = *own;
	for (size_t i = 0; i < c->n_globals; i++) {
		const struct cmd_global *o = &c->globals[i];
		if (n + 1 < sizeof c->opts / sizeof c->opts[0])
			c->opts[n++] =
				(struct option){o->name, o->has_arg, NULL, GLOBAL_BASE + (int)i};
		if (o->has_short && !strchr(own_short, o->key) && len + 3 < sizeof c->short_opts) {
			c->short_opts[len++] = (char)o->key;
			if (o->has_arg == required_argument)
				c->short_opts[len++] = ':';
			c->short_opts[len] = '\0';
		}
	}
	c->opts[n] = (struct option){NULL, 0, NULL, 0};
}

/* Prints why the global option o does not go with the command. */
static void refuse(const struct cmd *c, const struct cmd_global *o)
{
	const char *cmd = c->command->name;

	if (o->flag == CMD_READ_ONLY && (c->command->flags & CMD_WRITES))
		/* TRANSLATORS: %s is a command that writes answers, such as set. */
		cmd_error(_("--read-only does not go with %s, which changes answers: to review "
			    "without changing any, run tenken -R ui or tenken print"),
			  cmd);
	else if (o->flag == CMD_FILE && (c->command->flags & CMD_FROM_TO))
		/* TRANSLATORS: %s is the command migrate. */
		cmd_error(_("--file does not go with %s: give the answer file to carry over with "
			    "--from FILE"),
			  cmd);
	else if (o->flag == CMD_CHECKLIST && (c->command->flags & CMD_FROM_TO))
		/* TRANSLATORS: %s is the command migrate. */
		cmd_error(_("--checklist does not go with %s: give the checklist to carry the "
			    "answers to with --to ID|FILE"),
			  cmd);
	else
		/* TRANSLATORS: the first %s is an option such as --section, the
		   others a command such as status. */
		cmd_error(_("--%s does not go with %s (tenken %s --help lists its options)"),
			  o->name, cmd, cmd);
}

/* After the options: refuses a global option the command does not take,
 * and a terminal that does not speak UTF-8 to a command that needs one.
 * Returns 0, or -1 with c->exit set. */
static int check_options(struct cmd *c)
{
	unsigned flags = c->command->flags;

	for (size_t i = 0; i < c->n_globals; i++) {
		const struct cmd_global *o = &c->globals[i];
		if ((c->g.given & 1u << i) && o->flag && !(flags & o->flag)) {
			refuse(c, o);
			c->exit = EXIT_USAGE;
			return -1;
		}
	}
	if ((flags & CMD_UTF8) && !c->g.user_ctype_utf8) {
		cmd_error(_("the full-screen interface needs a UTF-8 locale, and the locale is "
			    "\"%s\"; "
			    "run it as LANG=C.UTF-8 tenken, or set LANG to a UTF-8 locale such as "
			    "ja_JP.UTF-8"),
			  c->g.user_ctype);
		c->exit = EXIT_FAILURE;
		return -1;
	}
	return 0;
}

int cmd_getopt(struct cmd *c, int argc, char **argv, const char *own_short,
	       const struct option *own)
{
	const struct cmd_global *o;
	int opt, rc;

	if (!c->parsing) {
		build_tables(c, own_short, own);
		optind = 0; /* 0: glibc starts afresh, as for a new argv */
		c->parsing = 1;
	}
	for (;;) {
		opt = getopt_long(argc, argv, c->short_opts, c->opts, NULL);
		if (opt == -1) {
			c->parsing = 0;
			return c->command ? check_options(c) : 0;
		}
		o = global_of(c, own, opt);
		if (!o && opt != '?')
			return opt;
		if (o)
			c->g.given |= 1u << (o - c->globals);
		if ((rc = c->global_option(c, o, optarg)) >= 0) {
			c->exit = rc;
			c->parsing = 0;
			return -1;
		}
	}
}

int cmd_getopt_none(struct cmd *c, int argc, char **argv)
{
	/* Without options of its own, cmd_getopt returns 0 or -1. */
	if (cmd_getopt(c, argc, argv, "", NULL) != 0)
		return -1;
	if (optind < argc) {
		c->exit = cmd_unexpected(c, argv[optind]);
		return -1;
	}
	return 0;
}

int cmd_unexpected(const struct cmd *c, const char *arg)
{
	/* TRANSLATORS: the first %s is a command such as print. */
	cmd_error(_("%s: unexpected argument \"%s\""), c->command->name, arg);
	return EXIT_USAGE;
}

int cmd_load_checklist(const struct cmd *c, struct cmd_data *d, const char *file,
		       const char *checklist)
{
	char path[PATH_MAX], recorded[PATH_MAX], err[1024], id[128];
	const char *arg = checklist;
	struct stat sb;

	if (!arg && file && lstat(file, &sb) == 0) {
		if (store_peek_checklist(file, id, sizeof id, err, sizeof err) != 0) {
			cmd_error("%s", err);
			return -1;
		}
		arg = id;
		/* Not bundled (a bank's overlay): the file it was made with. */
		if (paths_checklist(id, path, sizeof path) != 0 &&
		    store_peek(file, "checklist_path", recorded, sizeof recorded, err,
			       sizeof err) == 0 &&
		    access(recorded, R_OK) == 0)
			arg = recorded;
	}
	if (!arg && c->g.settings.checklist[0])
		arg = c->g.settings.checklist;
	if (!arg)
		arg = PATHS_DEFAULT_CHECKLIST;
	if (paths_checklist(arg, path, sizeof path) != 0) {
		cmd_error(_("no bundled checklist is called \"%s\" (looked in %s)"), arg,
			  paths_datadir());
		return -1;
	}
	d->cl = checklist_load_file(path, err, sizeof err);
	if (!d->cl) {
		cmd_error("%s", err);
		return -1;
	}
	return 0;
}

int cmd_load_connectors_checklist(const struct cmd *c, struct cmd_data *d,
				  const struct connectors *cs, const char *id)
{
	const char *file = NULL;

	for (size_t k = 0; !c->g.checklist && !file && k < cs->n; k++)
		if (cs->files[k].id && strcmp(cs->files[k].id, id) == 0)
			file = cs->files[k].path;
	return cmd_load_checklist(c, d, file, c->g.checklist);
}

/* Says that the answer file at path, given with -f if given, does not
 * exist, and how one comes to be. */
static void missing_answers(const char *path, int given)
{
	if (given)
		/* TRANSLATORS: %s is the path of the answer file given with -f;
		   FILE and … are placeholders the user fills in. */
		cmd_error(_("no answer file at %s: check the path (tenken -f FILE set … or the "
			    "interface, tenken -f FILE, creates one)"),
			  path);
	else
		/* TRANSLATORS: %s is the path of the default answer file. */
		cmd_error(_("nothing is answered yet: there is no answer file at %s (tenken set … "
			    "or the interface creates it)"),
			  path);
}

/* Warns that the answer file was made with another version of the
 * checklist (a bank's overlay changed, say), and which items it now asks
 * that it did not, and which it no longer asks. */
static void say_changed(struct cmd_data *d)
{
	char *recorded = store_recorded_items(d->st), *added = NULL, *gone = NULL;

	cmd_error(_("warning: %s was answered against another version of the checklist "
		    "\"%s\""),
		  d->path, d->cl->id);
	/* TRANSLATORS: shown in the interface's message line at the start. */
	snprintf(d->notice, sizeof d->notice,
		 _("The checklist changed since this file was made (tenken status says how)"));
	if (recorded && checklist_compare_labels(d->cl, recorded, &added, &gone) == 0) {
		if (*added)
			/* TRANSLATORS: %s is a list of items' 通番: A-2, 17. */
			cmd_error(_("  items it now asks: %s"), added);
		if (*gone)
			/* TRANSLATORS: %s is a list of items' 通番: A-2, 17. */
			cmd_error(_("  items it no longer asks (their answers are kept in the "
				    "file, not shown): %s"),
				  gone);
	}
	free(recorded);
	free(added);
	free(gone);
}

int cmd_open_answers(struct cmd_data *d, const char *file, int flags)
{
	int writable = !(flags & STORE_READONLY);
	char err[1024];
	struct stat sb;

	if (file)
		snprintf(d->path, sizeof d->path, "%s", file);
	else if (paths_default_answers(d->cl->id, writable, d->path, sizeof d->path) != 0) {
		cmd_error(_("cannot use the default answer file: %s"), strerror(errno));
		return -1;
	}
	if (!(d->a = answers_new(d->cl))) {
		cmd_error("%s", _("out of memory"));
		return -1;
	}
	if (!writable && lstat(d->path, &sb) != 0 && errno == ENOENT) {
		if (!(flags & CMD_MUST_EXIST))
			return 0; /* nothing answered yet: the empty answers stand */
		missing_answers(d->path, file != NULL);
		return -1;
	}
	d->st = store_open(d->path, d->cl, flags & ~CMD_MUST_EXIST, err, sizeof err);
	if (!d->st || store_load(d->st, d->a, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return -1;
	}
	if (store_checklist_changed(d->st))
		say_changed(d);
	return 0;
}

int cmd_open(struct cmd *c)
{
	unsigned flags = c->command->flags;
	int how = STORE_READONLY;

	/* A command that writes and also reviews (the interface) opens a
	 * file it cannot write read-only; one that only writes refuses it. */
	if ((flags & CMD_WRITES) && !c->g.read_only)
		how = flags & CMD_READ_ONLY ? STORE_OR_READONLY : 0;
	/* A command that only reads refuses a file given with -f that does
	 * not exist (a typing error must not give a blank form), and so does
	 * one that needs answers (export, history) for the default file. */
	if (how == STORE_READONLY && (c->g.file || (flags & CMD_NEEDS_ANSWERS)))
		how |= CMD_MUST_EXIST;
	if (cmd_load_checklist(c, &c->d, c->g.file, c->g.checklist) != 0)
		return -1;
	return cmd_open_answers(&c->d, c->g.file, how);
}

void cmd_data_free(struct cmd_data *d)
{
	answers_free(d->a);
	store_close(d->st);
	checklist_free(d->cl);
	d->a = NULL;
	d->st = NULL;
	d->cl = NULL;
}

long cmd_section_index(const struct cmd *c)
{
	long i = checklist_find_section(c->d.cl, (int)cmd_number(c->g.section));

	if (i < 0)
		cmd_error(_("there is no section %s (the checklist has %zu)"), c->g.section,
			  c->d.cl->n_sections);
	return i;
}

long cmd_item_index(const struct cmd *c)
{
	long i = checklist_find_label(c->d.cl, c->g.item);

	if (i < 0)
		cmd_error(_("there is no item %s"), c->g.item);
	return i;
}
