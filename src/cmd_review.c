/* cmd_review: tenken review, the reviewing side's part of an answer file --
 * a verdict on each item and a thread of comments -- set and shown from the
 * command line. Every argument is checked before anything is written. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "gettext.h"
#include "textwidth.h"
#include "timefmt.h"

void cmd_review_usage(FILE *out)
{
	fputs(_("Usage: tenken review [ITEM] [--verdict KEY] [--comment TEXT] [--force]\n"
		"                     [-f FILE] [--checklist ID|FILE]\n"
		"The review of the answers, kept in the answer file apart from them: a\n"
		"verdict on each item and a thread of comments, each with its author and\n"
		"time. With --verdict or --comment, sets the verdict of item ITEM (its 通番)\n"
		"and adds the comment to its thread, in one transaction recorded in the\n"
		"history; a comment is never changed or removed. Without them, shows the\n"
		"verdict and the thread of ITEM, or of every item that has either.\n"
		"Verdict keys: confirmed (確認済), query (要確認), finding (指摘あり),\n"
		"              none (takes the verdict back)\n"
		"--comment - reads the comment from standard input. A verdict another\n"
		"session changed while review ran is not written over unless --force.\n"),
	      out);
}

struct review_args {
	const char *item;    /* ITEM as given, or NULL */
	const char *verdict; /* --verdict, or NULL */
	int v;               /* its verdict, or -1 */
	const char *comment; /* --comment, or NULL */
	char *read;          /* the comment read from standard input */
	int force;
};

static int review_options(struct cmd *c, int argc, char **argv, struct review_args *r)
{
	static const struct option opts[] = {{"verdict", required_argument, NULL, 'v'},
					     {"comment", required_argument, NULL, 'm'},
					     {"force", no_argument, NULL, 'W'},
					     {NULL, 0, NULL, 0}};
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "", opts)) > 0) {
		if (opt == 'v')
			r->verdict = optarg;
		else if (opt == 'm')
			r->comment = optarg;
		else
			r->force = 1;
	}
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (optind + 1 < argc) {
		cmd_error("%s", _("review: give at most one item"));
		return -1;
	}
	r->item = optind < argc ? argv[optind] : NULL;
	if ((r->verdict || r->comment) && !r->item) {
		cmd_error("%s", _("review: which item? (tenken review ITEM --verdict …)"));
		return -1;
	}
	if (r->verdict && (r->v = verdict_parse(r->verdict)) < 0) {
		cmd_error(_("--verdict: unknown verdict \"%s\" (one of confirmed, query, finding, "
			    "none)"),
			  r->verdict);
		return -1;
	}
	return 0;
}

/* Reads standard input whole into r->read for --comment -. Returns 0 or -1
 * (error printed). */
static int read_comment(struct review_args *r)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);

	while (buf) {
		size_t got = fread(buf + len, 1, cap - len - 1, stdin);
		len += got;
		if (got == 0)
			break;
		if (len + 1 == cap) {
			char *more = cap < ((size_t)1 << 24) ? realloc(buf, cap * 2) : NULL;
			if (!more) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = more;
			cap *= 2;
		}
	}
	if (!buf || ferror(stdin)) {
		free(buf);
		cmd_error("%s", _("--comment -: cannot read standard input"));
		return -1;
	}
	buf[len] = '\0';
	while (len && buf[len - 1] == '\n')
		buf[--len] = '\0';
	r->read = buf;
	r->comment = buf;
	return 0;
}

/* A comment must be text that can be stored, and not empty. Returns 0, or
 * the status to exit with (error printed). */
static int check_comment(const char *text)
{
	size_t bad;
	uint32_t cp;

	if (!*text) {
		cmd_error("%s", _("--comment: the comment is empty"));
		return EXIT_USAGE;
	}
	switch (textwidth_storable(text, strlen(text), &bad, &cp)) {
	case TEXTWIDTH_TEXT:
		return 0;
	case TEXTWIDTH_INVALID:
		cmd_error(_("--comment: invalid UTF-8 at byte %zu"), bad + 1);
		return EXIT_FAILURE;
	default:
		cmd_error(_("--comment: control character U+%04X at byte %zu"), (unsigned)cp,
			  bad + 1);
		return EXIT_FAILURE;
	}
}

/* Prints text indented, each line of it on a line of its own, sanitized. */
static void print_indented(const char *indent, const char *text)
{
	char *clean = textwidth_sanitize(text);

	for (const char *p = clean ? clean : ""; p;) {
		const char *nl = strchr(p, '\n');
		printf("%s%.*s\n", indent, nl ? (int)(nl - p) : (int)strlen(p), p);
		p = nl ? nl + 1 : NULL;
	}
	free(clean);
}

/* Shows item index i's verdict and the comments on it among c[0..n). */
static void show_item(const struct cmd_data *d, size_t i, const struct store_comment *c, size_t n)
{
	const struct item *it = &d->cl->items[i];
	enum verdict v = d->a->verdict[i];
	char when[48], shown[128], *user;

	if (v != VERDICT_NONE)
		printf(_("Item %s: %s\n"), it->label, verdict_shown(v, shown, sizeof shown));
	else
		printf(_("Item %s: no verdict\n"), it->label);
	for (size_t k = 0; k < n; k++) {
		if (c[k].item != it->number)
			continue;
		user = textwidth_sanitize_line(c[k].user);
		printf("  %s  %s", timefmt_local(c[k].time, when, sizeof when), user ? user : "");
		free(user);
		if (c[k].source) {
			char *src = textwidth_sanitize_line(c[k].source);
			printf("  [%s]", src ? src : "");
			free(src);
		}
		putchar('\n');
		print_indented("    ", c[k].text);
	}
}

/* Shows the review of item index item, or of every item with a verdict or
 * a comment (item -1). */
static int review_show(struct cmd_data *d, long item)
{
	struct store_comment *c;
	size_t n, shown = 0;

	c = store_comments(d->st, item >= 0 ? d->cl->items[item].number : 0, &n);
	for (size_t i = 0; i < d->cl->n_items; i++) {
		if (item >= 0 ? (long)i != item
			      : d->a->verdict[i] == VERDICT_NONE && !d->a->comment[i])
			continue;
		if (shown++)
			putchar('\n');
		show_item(d, i, c, n);
	}
	if (!shown)
		printf("%s\n", _("No item has a verdict or a comment yet."));
	store_comments_free(c, n);
	return EXIT_SUCCESS;
}

/* Sets the verdict and adds the comment, in one transaction. Returns the
 * exit status. */
static int review_write(struct cmd_data *d, const struct review_args *r, size_t item)
{
	char err[1024];
	int rc = 0;

	if (store_begin(d->st, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return EXIT_FAILURE;
	}
	if (r->v >= 0) {
		rc = store_set_verdict(d->st, d->a, item, (enum verdict)r->v,
				       r->force ? STORE_FORCE : 0, err, sizeof err);
		if (rc == STORE_CHANGED)
			cmd_error(_("item %s's verdict was changed by another session while review "
				    "ran (it is now \"%s\"); nothing was written: give --force to "
				    "write over it"),
				  d->cl->items[item].label, verdict_info(d->a->verdict[item])->key);
		else if (rc != 0)
			cmd_error("%s", err);
	}
	if (rc == 0 && r->comment &&
	    (rc = store_add_comment(d->st, d->a, item, r->comment, err, sizeof err)) != 0)
		cmd_error("%s", err);
	if (rc == 0 && (rc = store_commit(d->st, err, sizeof err)) != 0)
		cmd_error("%s", err);
	if (rc != 0) {
		store_rollback(d->st);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int review_run(struct cmd *c, struct review_args *r)
{
	int writes = r->v >= 0 || r->comment, rc;
	long item = -1;

	if (r->comment && !strcmp(r->comment, "-") && read_comment(r) != 0)
		return EXIT_FAILURE;
	if (r->comment && (rc = check_comment(r->comment)) != 0)
		return rc;
	if (cmd_load_checklist(c, &c->d, c->g.file, c->g.checklist) != 0)
		return EXIT_FAILURE;
	if (r->item && (item = checklist_find_label(c->d.cl, r->item)) < 0) {
		cmd_error(_("there is no item %s in %s"), r->item, c->d.cl->id);
		return EXIT_FAILURE;
	}
	if (cmd_open_answers(&c->d, c->g.file, writes ? 0 : STORE_READONLY) != 0)
		return EXIT_FAILURE;
	if (!c->d.st) {
		cmd_error(_("%s: there is no such answer file"), c->d.path);
		return EXIT_FAILURE;
	}
	return writes ? review_write(&c->d, r, (size_t)item) : review_show(&c->d, item);
}

int cmd_review(struct cmd *c, int argc, char **argv)
{
	struct review_args r = {.v = -1};
	int rc = review_options(c, argc, argv, &r) == 0 ? review_run(c, &r) : c->exit;

	free(r.read);
	return rc;
}
