/* cmd_history: tenken history, every recorded change of the answer file --
 * who, when (in local time), which item and column, the old value and the
 * new -- newest first, for one item or all, since a date if asked. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gettext.h"
#include "textwidth.h"
#include "timefmt.h"

void cmd_history_usage(FILE *out)
{
	fputs(_("Usage: tenken history [ITEM] [--since DATE] [--oldest-first] [-f FILE]\n"
		"                      [--checklist ID|FILE]\n"
		"Print the recorded changes of the answer file, of item ITEM (its 通番) or of\n"
		"every item, newest first: when (in the local time zone, TZ), who, the item,\n"
		"the status or answer column, and the value before and after. --since DATE\n"
		"keeps the changes from DATE on (YYYY-MM-DD or \"YYYY-MM-DD HH:MM\", local\n"
		"time); --oldest-first prints them in the order they were made.\n"),
	      out);
}

/* What history was asked for. */
struct history_args {
	const char *label; /* the item's 通番 as typed, or NULL for all */
	int item;          /* its number, or 0 for all */
	time_t since;      /* 0: from the start */
	int oldest_first;  /* --oldest-first */
};

/* Parses history's own options and its argument. Returns 0, or -1 to exit
 * with c->exit. */
static int history_options(struct cmd *c, int argc, char **argv, struct history_args *h)
{
	static const struct option opts[] = {{"since", required_argument, NULL, 'S'},
					     {"oldest-first", no_argument, NULL, 'O'},
					     {NULL, 0, NULL, 0}};
	char utc[32];
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "", opts)) > 0) {
		if (opt == 'O') {
			h->oldest_first = 1;
		} else if (timefmt_arg(optarg, utc, sizeof utc) != 0 ||
			   timefmt_parse(utc, &h->since) != 0) {
			cmd_error(_("--since: expected a date such as 2026-12-01 or \"2026-12-01 "
				    "09:00\", not \"%s\""),
				  optarg);
			c->exit = EXIT_USAGE;
			return -1;
		}
	}
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (optind + 1 < argc) {
		cmd_unexpected(c, argv[optind + 1]);
		return -1;
	}
	if (optind < argc)
		h->label = argv[optind];
	return 0;
}

/* The name a change's field is shown by: the status, or the answer
 * column's name in lang (its id if the checklist no longer has it). */
static const char *field_name(const struct checklist *cl, const char *field, enum lang lang)
{
	long col;

	if (strcmp(field, "status") == 0)
		return _("status");
	col = checklist_find_column(cl, field);
	return col >= 0 ? text_get(&cl->columns[col].name, lang) : field;
}

/* A value as shown: a status by its name, a text as it is, sanitized,
 * continued lines indented; an absent or empty value as (empty). */
static void print_value(FILE *out, const char *label, const char *field, const char *v)
{
	char *clean;
	int st;

	fprintf(out, "    %s ", label);
	if (!v || !*v) {
		fprintf(out, "%s\n", _("(empty)"));
		return;
	}
	if (strcmp(field, "status") == 0 && (st = status_parse(v)) >= 0) {
		fprintf(out, "%s\n", status_name((enum status)st));
		return;
	}
	clean = textwidth_sanitize(v);
	for (const char *p = clean ? clean : v; *p; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1])
			fputs("            ", out);
	}
	fputc('\n', out);
	free(clean);
}

/* Prints one change: the line that says when, who, what; then before and
 * after. */
static void print_change(FILE *out, const struct cmd *c, const struct store_change *ch)
{
	char when[64], num[16], *who = textwidth_sanitize(ch->user), *src = NULL;

	timefmt_local(ch->time, when, sizeof when);
	if (ch->item == 0 && strcmp(ch->field, "connector") == 0)
		/* TRANSLATORS: a change of the connector's name (tenken name)
		   in the history: the time, then the user. */
		fprintf(out, _("%s  %s  the connector's name"), when, who ? who : ch->user);
	else
		/* TRANSLATORS: a change in the history: the time, the user, the
		   item's 通番 and the status or the answer column's name. */
		fprintf(out, _("%s  %s  item %s  %s"), when, who ? who : ch->user,
			checklist_key_label(c->d.cl, ch->item, num),
			field_name(c->d.cl, ch->field, c->g.lang));
	if (ch->source && (src = textwidth_sanitize(ch->source)))
		fprintf(out, "  (%s)", src);
	fputc('\n', out);
	/* TRANSLATORS: the labels of the old and the new value of a change,
	   padded to the same width. */
	print_value(out, _("before:"), ch->field, ch->old_value);
	print_value(out, _("after: "), ch->field, ch->new_value);
	free(who);
	free(src);
}

/* Whether the change ch was made at or after since (0: any). */
static int after(const struct store_change *ch, time_t since)
{
	time_t t;

	return !since || (timefmt_parse(ch->time, &t) == 0 && t >= since);
}

/* Prints the changes asked for. Returns the count printed. */
static size_t print_history(const struct cmd *c, const struct history_args *h,
			    const struct store_change *ch, size_t n)
{
	size_t shown = 0;

	for (size_t k = 0; k < n; k++) {
		const struct store_change *one = &ch[h->oldest_first ? k : n - 1 - k];
		if (after(one, h->since)) {
			print_change(stdout, c, one);
			shown++;
		}
	}
	return shown;
}

int cmd_history(struct cmd *c, int argc, char **argv)
{
	struct history_args h = {0};
	struct store_change *ch;
	size_t n = 0;

	if (history_options(c, argc, argv, &h) != 0)
		return c->exit;
	if (cmd_open(c) != 0)
		return EXIT_FAILURE;
	if (h.label) {
		long i = checklist_find_label(c->d.cl, h.label);
		if (i < 0) {
			cmd_error(_("there is no item %s in %s"), h.label, c->d.cl->id);
			return EXIT_FAILURE;
		}
		h.item = c->d.cl->items[i].number;
	}
	ch = store_history(c->d.st, h.item, &n);
	if (print_history(c, &h, ch, n) == 0)
		printf("%s\n", h.item ? _("No change of this item is recorded.")
				      : _("No change is recorded."));
	store_changes_free(ch, n);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error(_("cannot write the output: %s"), strerror(errno));
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}
