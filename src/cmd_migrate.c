/* cmd_migrate: tenken migrate, the answers of one edition carried into a new
 * answer file for another, along the bundled mapping between the two. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checklist_yaml.h"
#include "cmd.h"
#include "gettext.h"
#include "mapping.h"
#include "migrate.h"
#include "paths.h"

void cmd_migrate_usage(FILE *out)
{
	fputs(_("Usage: tenken migrate --from FILE --to ID|FILE -o NEWFILE\n"
		"Carry the answers in FILE into a new answer file NEWFILE for the checklist\n"
		"ID (for example fisc-api-2018), along the bundled mapping between the two,\n"
		"and report what went where and what needs review. FILE is only read;\n"
		"NEWFILE must not exist yet.\n"),
	      out);
}

/* What migrate was asked: --from, --to and -o. */
struct migrate_args {
	const char *from, *to, *out;
};

/* Parses migrate's own options; all three are required. Returns 0, or -1
 * to exit with c->exit. */
static int migrate_options(struct cmd *c, int argc, char **argv, struct migrate_args *m)
{
	static const struct option opts[] = {{"from", required_argument, NULL, 'F'},
					     {"to", required_argument, NULL, 'T'},
					     {"output", required_argument, NULL, 'o'},
					     {NULL, 0, NULL, 0}};
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "o:", opts)) > 0)
		*(opt == 'F' ? &m->from : opt == 'T' ? &m->to : &m->out) = optarg;
	if (opt != 0)
		return -1;
	if (!m->from || !m->to || !m->out || optind < argc) {
		cmd_migrate_usage(stderr);
		c->exit = EXIT_USAGE;
		return -1;
	}
	return 0;
}

/* Loads the mapping from checklist from to checklist to and checks it. */
static struct mapping *load_mapping(const struct checklist *from, const struct checklist *to)
{
	char path[PATH_MAX], err[1024];
	struct mapping *m;

	if (paths_mapping(from->id, to->id, path, sizeof path) != 0) {
		cmd_error(_("tenken has no mapping from %s to %s"), from->id, to->id);
		return NULL;
	}
	if (!(m = mapping_load_file(path, err, sizeof err)) ||
	    mapping_check(m, from, to, err, sizeof err) != 0) {
		cmd_error("%s", err);
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
		cmd_error(_("%s already exists: migrate writes a new file and overwrites nothing"),
			  access(path, F_OK) == 0 ? path : partial);
		return NULL;
	}
	if (!(st = store_open(partial, cl, 0, err, sizeof err)))
		cmd_error("%s", err);
	return st;
}

/* Carries old's answers into new (opened at partial) and renames it to
 * out, reporting on standard output in lang. Returns 0 or -1 (error
 * printed). */
static int migrate_write(struct cmd_data *old, struct cmd_data *new, const struct mapping *m,
			 const char *partial, const char *out, enum lang lang)
{
	char err[1024];
	int review;

	printf(_("From %s (%s) to %s (%s):\n"), old->path, old->cl->id, out, new->cl->id);
	review = migrate_answers(old->cl, old->a, new->cl, new->a, new->st, m, lang, stdout, err,
				 sizeof err);
	store_close(new->st);
	new->st = NULL;
	if (review < 0 || rename(partial, out) != 0) {
		cmd_error("%s", review < 0 ? err : strerror(errno));
		unlink(partial);
		return -1;
	}
	printf(ngettext("%s written; %d item needs review.\n",
			"%s written; %d items need review.\n", (unsigned long)review),
	       out, review);
	return 0;
}

/* A bank's overlay is migrated to through its base: the published
 * mappings lead to published editions. The new file answers the base, and
 * the overlay opens it (its own items start unanswered). */
static int to_base(struct cmd_data *d, const char *out)
{
	struct checklist *base = d->cl->base;

	if (!base)
		return 0;
	/* TRANSLATORS: the first %s is the new answer file, the second a
	   published checklist's id, the third an overlay's id, the fourth the
	   overlay's file. */
	cmd_error(_("note: %s will answer %s, the checklist the overlay %s is made from; open it "
		    "with --checklist %s"),
		  out, base->id, d->cl->id, d->cl->path);
	d->cl->base = NULL;
	checklist_free(d->cl);
	d->cl = base;
	return 0;
}

int cmd_migrate(struct cmd *c, int argc, char **argv)
{
	struct migrate_args args = {0};
	struct cmd_data old = {0}, new = {0};
	char partial[PATH_MAX + 16];
	struct mapping *m = NULL;
	int rc = EXIT_FAILURE;

	if (migrate_options(c, argc, argv, &args) != 0)
		return c->exit;
	if (access(args.from, F_OK) != 0) {
		cmd_error("%s: %s", args.from, strerror(errno));
		return EXIT_FAILURE;
	}
	if (cmd_load_checklist(c, &old, args.from, NULL) == 0 &&
	    cmd_open_answers(&old, args.from, STORE_READONLY) == 0 &&
	    cmd_load_checklist(c, &new, NULL, args.to) == 0 && to_base(&new, args.out) == 0 &&
	    (m = load_mapping(old.cl, new.cl)) && (new.a = answers_new(new.cl)) &&
	    (new.st = create_new(args.out, new.cl, partial, sizeof partial)) &&
	    migrate_write(&old, &new, m, partial, args.out, c->g.lang) == 0)
		rc = EXIT_SUCCESS;
	mapping_free(m);
	cmd_data_free(&old);
	cmd_data_free(&new);
	return rc;
}
