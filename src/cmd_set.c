/* cmd_set: tenken set, the status and answers of one item from the command
 * line. Every argument is checked before anything is written. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gettext.h"
#include "textwidth.h"

void cmd_set_usage(FILE *out)
{
	fputs(_("Usage: tenken set ITEM [--status KEY] [--field COLUMN=TEXT]... [-f FILE]\n"
		"                  [--checklist ID|FILE]\n"
		"Set the status and answers of item ITEM (its 通番). Each change is committed\n"
		"to the answer file at once and recorded in its history. An empty TEXT clears\n"
		"the answer.\n"
		"Status keys: unanswered, implemented, partial, not-implemented,\n"
		"             not-applicable\n"
		"COLUMN is the id the checklist gives an answer column (for the trial\n"
		"edition: current, plan, remarks). A value another session changed while\n"
		"set ran is not written over unless --force is given.\n"),
	      out);
}

/* One --field COLUMN=TEXT: the column's index and the text. */
struct field_arg {
	char *arg; /* COLUMN=TEXT as given; the = becomes the column's end */
	long column;
	const char *text;
};

/* What set was asked to do. */
struct set_args {
	const char *item;   /* ITEM as given */
	const char *status; /* --status, or NULL */
	int st;             /* its status, or -1 */
	struct field_arg *fields;
	size_t n_fields;
	int force; /* --force: write over a value changed since tenken read it */
};

/* Parses set's own options and its one argument into s (fields allocated
 * for argc). Returns 0, or -1 to exit with c->exit. */
static int set_options(struct cmd *c, int argc, char **argv, struct set_args *s)
{
	static const struct option opts[] = {{"status", required_argument, NULL, 's'},
					     {"field", required_argument, NULL, 'F'},
					     {"force", no_argument, NULL, 'W'},
					     {NULL, 0, NULL, 0}};
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "s:F:", opts)) > 0) {
		if (opt == 's')
			s->status = optarg;
		else if (opt == 'W')
			s->force = 1;
		else
			s->fields[s->n_fields++].arg = optarg;
	}
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (optind + 1 != argc) {
		cmd_error("%s", optind == argc ? _("set: which item? (tenken set ITEM …)")
					       : _("set: give exactly one item"));
		return -1;
	}
	s->item = argv[optind];
	if (!s->status && !s->n_fields) {
		cmd_error("%s", _("set: nothing to set (give --status or --field)"));
		return -1;
	}
	if (s->status && (s->st = status_parse(s->status)) < 0) {
		cmd_error(_("--status: unknown status \"%s\" (one of unanswered, implemented, "
			    "partial, not-implemented, not-applicable)"),
			  s->status);
		return -1;
	}
	return 0;
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
		cmd_error(_("--field %s: invalid UTF-8 at byte %zu"), column, bad + 1);
		return -1;
	default:
		cmd_error(_("--field %s: control character U+%04X at byte %zu"), column,
			  (unsigned)cp, bad + 1);
		return -1;
	}
}

/* Checks each --field against the checklist: COLUMN=TEXT, a column it has,
 * a text that can be stored. Returns 0, or the status to exit with. */
static int check_fields(const struct checklist *cl, struct set_args *s)
{
	for (size_t i = 0; i < s->n_fields; i++) {
		struct field_arg *f = &s->fields[i];
		char *eq = strchr(f->arg, '=');
		if (!eq) {
			cmd_error(_("--field: expected COLUMN=TEXT, not \"%s\""), f->arg);
			return EXIT_USAGE;
		}
		*eq = '\0';
		f->column = checklist_find_column(cl, f->arg);
		f->text = eq + 1;
		if (f->column < 0) {
			cmd_error(_("--field: the checklist has no answer column \"%s\""), f->arg);
			return EXIT_USAGE;
		}
		if (check_answer(f->arg, f->text) != 0)
			return EXIT_FAILURE;
	}
	return 0;
}

/* Says why a write was refused: the file changed after set read it. */
static void changed_meanwhile(const struct cmd_data *d, size_t item, const char *what,
			      const char *now)
{
	cmd_error(_("item %d's %s was changed by another session while set ran (it is now "
		    "\"%s\"); nothing was written: give --force to write over it"),
		  d->cl->items[item].number, what, now);
}

/* Writes the status and the answers to item index item. Returns 0 or -1
 * (error printed). */
static int set_write(struct cmd_data *d, const struct set_args *s, size_t item)
{
	int flags = s->force ? STORE_FORCE : 0, rc;
	char err[1024];

	if (s->st >= 0) {
		rc = store_set_status_flags(d->st, d->a, item, (enum status)s->st, flags, err,
					    sizeof err);
		if (rc == STORE_CHANGED)
			changed_meanwhile(d, item, _("status"), status_key(d->a->status[item]));
		else if (rc != 0)
			cmd_error("%s", err);
		if (rc != 0)
			return -1;
	}
	for (size_t i = 0; i < s->n_fields; i++) {
		size_t col = (size_t)s->fields[i].column;
		rc = store_set_text_flags(d->st, d->a, item, col, s->fields[i].text, flags, err,
					  sizeof err);
		if (rc == STORE_CHANGED)
			changed_meanwhile(d, item, d->cl->columns[col].id,
					  answers_text(d->a, item, col));
		else if (rc != 0)
			cmd_error("%s", err);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* Checks every argument against the checklist, then opens the answer file,
 * creating it, and writes. Returns the exit status. */
static int set_run(struct cmd *c, struct set_args *s)
{
	long item;
	int rc;

	if (cmd_load_checklist(c, &c->d, c->g.file, c->g.checklist) != 0)
		return EXIT_FAILURE;
	if ((item = checklist_find_item(c->d.cl, (int)cmd_number(s->item))) < 0) {
		cmd_error(_("there is no item %s in %s"), s->item, c->d.cl->id);
		return EXIT_FAILURE;
	}
	if ((rc = check_fields(c->d.cl, s)) != 0)
		return rc;
	if (cmd_open_answers(&c->d, c->g.file, 0) != 0 || set_write(&c->d, s, (size_t)item) != 0)
		return EXIT_FAILURE;
	return EXIT_SUCCESS;
}

int cmd_set(struct cmd *c, int argc, char **argv)
{
	struct set_args s = {.st = -1, .fields = calloc((size_t)argc, sizeof *s.fields)};
	int rc;

	if (!s.fields) {
		cmd_error("%s", _("out of memory"));
		return EXIT_FAILURE;
	}
	rc = set_options(c, argc, argv, &s) == 0 ? set_run(c, &s) : c->exit;
	free(s.fields);
	return rc;
}
