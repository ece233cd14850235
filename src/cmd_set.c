/* cmd_set: tenken set, the status and answers of one item, several (3,5,12-16)
 * or a section's from the command line. Every argument is checked before
 * anything is written, and everything is written in one transaction. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gettext.h"
#include "textwidth.h"

/* The command being run, for its usage: the answer columns it lists are
 * those of the checklist the options name. */
static const struct cmd *set_cmd;

/* Prints the answer columns of the checklist c names: id and names. */
static void usage_columns(const struct cmd *c, FILE *out)
{
	struct cmd_data d = {0};

	if (!c || cmd_load_checklist(c, &d, c->g.file, c->g.checklist) != 0)
		return;
	/* TRANSLATORS: %s is a checklist's id, such as fisc-api-2018. */
	fprintf(out, _("Answer columns of %s (COLUMN is the id or the name):\n"), d.cl->id);
	for (size_t i = 0; i < d.cl->n_columns; i++) {
		const struct text *name = &d.cl->columns[i].name;
		fprintf(out, "  %-10s %s", d.cl->columns[i].id, text_get(name, LANG_JA));
		if (c->g.lang == LANG_EN && name->en && *name->en)
			fprintf(out, " (%s)", name->en);
		fputc('\n', out);
	}
	cmd_data_free(&d);
}

void cmd_set_usage(FILE *out)
{
	fputs(_("Usage: tenken set ITEMS [--status KEY] [--field COLUMN=TEXT]... [-q]\n"
		"                  [-f FILE] [--checklist ID|FILE]\n"
		"       tenken set --section N [--status KEY] [--field COLUMN=TEXT]... [-q]\n"
		"Set the status and answers of the items ITEMS -- a 通番 (5), a range (12-16)\n"
		"or a list of them (3,5,12-16) -- or of every item of section N. Every\n"
		"argument is checked first; then all the changes are committed to the answer\n"
		"file in one transaction, each recorded in its history: if one fails, none\n"
		"is kept. set says what it changed unless -q (--quiet) is given. An empty\n"
		"TEXT clears the answer.\n"
		"Status keys: unanswered, implemented, partial, not-implemented,\n"
		"             not-applicable\n"
		"A value another session changed while set ran is not written over unless\n"
		"--force is given.\n"),
	      out);
	usage_columns(set_cmd, out);
}

/* One --field COLUMN=TEXT: the column's index and the text. */
struct field_arg {
	char *arg; /* COLUMN=TEXT as given; the = becomes the column's end */
	long column;
	const char *text;
};

/* What set was asked to do. */
struct set_args {
	const char *items;  /* ITEMS as given, or NULL for --section */
	const char *status; /* --status, or NULL */
	int st;             /* its status, or -1 */
	struct field_arg *fields;
	size_t n_fields;
	int force;             /* --force: write over a value changed since tenken read it */
	int quiet;             /* -q: say nothing of what changed */
	unsigned char *chosen; /* per item index: 1 if set works on it */
};

/* Parses set's own options and its argument into s (fields allocated for
 * argc). Returns 0, or -1 to exit with c->exit. */
static int set_options(struct cmd *c, int argc, char **argv, struct set_args *s)
{
	static const struct option opts[] = {{"status", required_argument, NULL, 's'},
					     {"field", required_argument, NULL, 'F'},
					     {"force", no_argument, NULL, 'W'},
					     {"quiet", no_argument, NULL, 'q'},
					     {NULL, 0, NULL, 0}};
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "s:F:q", opts)) > 0) {
		if (opt == 's')
			s->status = optarg;
		else if (opt == 'W')
			s->force = 1;
		else if (opt == 'q')
			s->quiet = 1;
		else
			s->fields[s->n_fields++].arg = optarg;
	}
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (optind + (c->g.section ? 0 : 1) != argc) {
		cmd_error("%s",
			  c->g.section ? _("set: give items or --section, not both")
			  : optind == argc
				  ? _("set: which items? (tenken set ITEMS …, such as "
				      "tenken set 12-16 …)")
				  : _("set: give the items as one argument, such as 3,5,12-16"));
		return -1;
	}
	s->items = c->g.section ? NULL : argv[optind];
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

/* Marks the items of one part of ITEMS: N or N-M. Returns 0, or the
 * status to exit with (the error printed). */
static int choose_part(const struct checklist *cl, const char *part, unsigned char *chosen)
{
	char first[32], *dash;
	long from, to, one = checklist_find_label(cl, part);

	if (one >= 0) { /* an item: 12, or an overlay's A-1 */
		chosen[one] = 1;
		return 0;
	}
	snprintf(first, sizeof first, "%s", part);
	dash = strchr(first, '-');
	if (dash)
		*dash = '\0';
	from = cmd_number(first);
	to = dash ? cmd_number(dash + 1) : from;
	if (strlen(part) >= sizeof first || from < 0 || to < 0 || to < from) {
		cmd_error(_("set: \"%s\" is not an item or a range of items (such as 5 or 12-16)"),
			  part);
		return EXIT_USAGE;
	}
	if (checklist_find_item(cl, (int)from) < 0 || checklist_find_item(cl, (int)to) < 0) {
		/* TRANSLATORS: %ld is an item's number, the first %s a checklist's
		   id, the others its first and last 通番. */
		cmd_error(_("there is no item %ld in %s (its items are %s to %s)"),
			  checklist_find_item(cl, (int)from) < 0 ? from : to, cl->id,
			  cl->items[0].label, cl->items[cl->n_items - 1].label);
		return EXIT_FAILURE;
	}
	for (size_t i = 0; i < cl->n_items; i++)
		if (!cl->items[i].added && cl->items[i].number >= from && cl->items[i].number <= to)
			chosen[i] = 1;
	return 0;
}

/* Marks the items ITEMS or --section names in s->chosen. Returns 0, or the
 * status to exit with (the error printed). */
static int choose_items(const struct cmd *c, struct set_args *s)
{
	const struct checklist *cl = c->d.cl;
	char *list, *part, *save = NULL;
	long sec;
	int rc = 0;

	if (!s->items) {
		if ((sec = cmd_section_index(c)) < 0)
			return EXIT_FAILURE;
		for (size_t i = 0; i < cl->sections[sec].n_items; i++)
			s->chosen[cl->sections[sec].first_item + i] = 1;
		return 0;
	}
	if (!(list = strdup(s->items))) {
		cmd_error("%s", _("out of memory"));
		return EXIT_FAILURE;
	}
	for (part = strtok_r(list, ",", &save); part && rc == 0; part = strtok_r(NULL, ",", &save))
		rc = choose_part(cl, part, s->chosen);
	if (rc == 0 && !memchr(s->chosen, 1, cl->n_items)) {
		cmd_error(_("set: \"%s\" names no item"), s->items);
		rc = EXIT_USAGE;
	}
	free(list);
	return rc;
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

/* Says that the checklist has no column called name, and which it has. */
static void unknown_column(const struct checklist *cl, const char *name)
{
	char list[1024] = "";
	size_t len = 0;

	for (size_t i = 0; i < cl->n_columns && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s (%s)", i ? ", " : "",
					cl->columns[i].id, text_get(&cl->columns[i].name, LANG_JA));
	/* TRANSLATORS: the first %s is what was given, the third a list such
	   as "current (現在の対応状況), issues (課題認識)". */
	cmd_error(_("--field: %s has no answer column \"%s\" (one of %s)"), cl->id, name, list);
}

/* Checks each --field against the checklist: COLUMN=TEXT, a column it has
 * (by id or name), a text that can be stored. Returns 0, or the status to
 * exit with. */
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
		f->column = checklist_find_column_named(cl, f->arg);
		f->text = eq + 1;
		if (f->column < 0) {
			unknown_column(cl, f->arg);
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
	cmd_error(_("item %s's %s was changed by another session while set ran (it is now "
		    "\"%s\"); nothing was written: give --force to write over it"),
		  d->cl->items[item].label, what, now);
}

/* Writes the status and the answers to item index item, inside the
 * transaction; notes in changed[0] whether the status changed and in
 * changed[1 + f] whether field f did. Returns 0 or -1 (error printed). */
static int set_write(struct cmd_data *d, const struct set_args *s, size_t item,
		     unsigned char *changed)
{
	int flags = s->force ? STORE_FORCE : 0, rc;
	char err[1024];

	if (s->st >= 0) {
		changed[0] = d->a->status[item] != (enum status)s->st;
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
		changed[1 + i] = strcmp(answers_text(d->a, item, col), s->fields[i].text) != 0;
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

/* Says what set did to item index item: changed as set_write noted it. */
static void report_item(const struct cmd *c, const struct set_args *s, size_t item,
			const unsigned char *changed)
{
	const char *n = c->d.cl->items[item].label;

	if (s->st >= 0 && changed[0])
		/* TRANSLATORS: the first %s is the item's 通番, the second a status's name. */
		printf(_("Item %s: status set to %s\n"), n, status_name((enum status)s->st));
	else if (s->st >= 0)
		printf(_("Item %s: status already %s\n"), n, status_name((enum status)s->st));
	for (size_t i = 0; i < s->n_fields; i++) {
		const char *name = text_get(&c->d.cl->columns[s->fields[i].column].name, c->g.lang);
		if (!changed[1 + i])
			/* TRANSLATORS: the first %s is the item's 通番, the second an
			   answer column's name. */
			printf(_("Item %s: %s unchanged\n"), n, name);
		else if (*s->fields[i].text)
			printf(_("Item %s: %s saved\n"), n, name);
		else
			printf(_("Item %s: %s cleared\n"), n, name);
	}
}

/* Writes every chosen item in one transaction, then says what changed.
 * Returns 0 or -1 (error printed; nothing kept). */
static int set_all(struct cmd *c, const struct set_args *s, unsigned char *changed)
{
	struct cmd_data *d = &c->d;
	size_t per = 1 + s->n_fields;
	char err[1024];

	if (store_begin(d->st, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return -1;
	}
	for (size_t i = 0; i < d->cl->n_items; i++)
		if (s->chosen[i] && set_write(d, s, i, changed + i * per) != 0) {
			store_rollback(d->st);
			cmd_error("%s", _("set: nothing was changed"));
			return -1;
		}
	if (store_commit(d->st, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return -1;
	}
	for (size_t i = 0; i < d->cl->n_items && !s->quiet; i++)
		if (s->chosen[i])
			report_item(c, s, i, changed + i * per);
	return 0;
}

/* Checks every argument against the checklist, then opens the answer file,
 * creating it, and writes. Returns the exit status. */
static int set_run(struct cmd *c, struct set_args *s)
{
	unsigned char *changed;
	int rc;

	if (cmd_load_checklist(c, &c->d, c->g.file, c->g.checklist) != 0)
		return EXIT_FAILURE;
	s->chosen = calloc(c->d.cl->n_items, 1);
	changed = calloc(c->d.cl->n_items, 1 + s->n_fields);
	if (!s->chosen || !changed) {
		free(changed);
		cmd_error("%s", _("out of memory"));
		return EXIT_FAILURE;
	}
	if ((rc = choose_items(c, s)) == 0 && (rc = check_fields(c->d.cl, s)) == 0)
		rc = cmd_open_answers(&c->d, c->g.file, 0) != 0 || set_all(c, s, changed) != 0
			     ? EXIT_FAILURE
			     : EXIT_SUCCESS;
	free(changed);
	return rc;
}

int cmd_set(struct cmd *c, int argc, char **argv)
{
	struct set_args s = {.st = -1, .fields = calloc((size_t)argc, sizeof *s.fields)};
	int rc;

	if (!s.fields) {
		cmd_error("%s", _("out of memory"));
		return EXIT_FAILURE;
	}
	set_cmd = c;
	rc = set_options(c, argc, argv, &s) == 0 ? set_run(c, &s) : c->exit;
	free(s.fields);
	free(s.chosen);
	return rc;
}
