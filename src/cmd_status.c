/* cmd_status: tenken status, the progress per section and overall. */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "gettext.h"
#include "textwidth.h"

void cmd_status_usage(FILE *out)
{
	fputs(_("Usage: tenken status [-f FILE] [--checklist ID|FILE]\n"
		"Show how many items are answered, per section and overall, and how many\n"
		"have each status.\n"),
	      out);
}

/* Prints s right-aligned in width columns (by display width, so that a
 * translated heading lines up too). */
static void put_right(const char *s, size_t width)
{
	size_t w = textwidth_str(s);

	for (; w < width; w++)
		putchar(' ');
	fputs(s, stdout);
}

/* Prints s, sanitized, padded with spaces to width columns. */
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

/* The status table's headings and their widths: answered items, those
 * answered without a status ([?]), then each status; at least 7, 5 and 5
 * columns, wider if a translation needs it. */
enum { N_HEADS = STATUS_COUNT + 1 };
static const char *status_heads[N_HEADS];
static size_t status_widths[N_HEADS];

static void status_headings(void)
{
	/* TRANSLATORS: column headings of `tenken status`: items with a status,
	   items answered without a status ([?] in the interface), then the count
	   of each status. The columns widen to fit. */
	const char *h[N_HEADS] = {_("Done"), _("[?]"), _("Impl"), _("Part"), _("Not"), _("N/A")};

	for (int s = 0; s < N_HEADS; s++) {
		size_t min = s == 0 ? 7 : 5, w = textwidth_str(h[s]);
		status_heads[s] = h[s];
		status_widths[s] = w > min ? w : min;
	}
}

/* Prints one row: name, items with a status/total, those answered without
 * one, then the count of each status. */
static void status_counts(const struct answers *a, size_t first, size_t total, size_t name_width,
			  const char *name)
{
	size_t counts[STATUS_COUNT];
	char num[32];

	answers_count(a, first, total, counts);
	put_padded(name, name_width);
	snprintf(num, sizeof num, "%zu/%zu", total - counts[STATUS_UNANSWERED], total);
	put_right(num, status_widths[0] + 1);
	snprintf(num, sizeof num, "%zu", answers_count_no_status(a, first, total));
	put_right(num, status_widths[1] + 1);
	for (int s = STATUS_IMPLEMENTED; s < STATUS_COUNT; s++) {
		snprintf(num, sizeof num, "%zu", counts[s]);
		put_right(num, status_widths[s + 1] + 1);
	}
	putchar('\n');
}

/* The width of the section names' column: the longest, at most 44. */
static size_t name_column(const struct checklist *cl, enum lang lang)
{
	size_t name_width = 0;

	for (size_t s = 0; s < cl->n_sections; s++) {
		size_t w = textwidth_str(text_get(&cl->sections[s].name, lang)) + 4;
		if (w > name_width)
			name_width = w;
	}
	return name_width > 44 ? 44 : name_width;
}

/* The line of the connector's name the file keeps (tenken name), if any. */
static void put_connector(struct store *st)
{
	char name[STORE_CONNECTOR_MAX], *clean;

	if (!st || !store_connector(st, name, sizeof name))
		return;
	clean = textwidth_sanitize_line(name);
	/* TRANSLATORS: tenken status's line of the connector's name, under
	   the answer file's. */
	printf("%s: %s\n", _("Connector"), clean ? clean : "");
	free(clean);
}

int cmd_status(struct cmd *c, int argc, char **argv)
{
	const struct checklist *cl;
	size_t counts[STATUS_COUNT], name_width, no_status;
	char *path;

	if (cmd_getopt_none(c, argc, argv) != 0)
		return c->exit;
	if (cmd_open(c) != 0)
		return EXIT_FAILURE;
	cl = c->d.cl;
	name_width = name_column(cl, c->g.lang);
	put_padded(text_get(&cl->title, c->g.lang), 0);
	path = textwidth_sanitize_line(c->d.path);
	printf("\n%s: %s\n", _("Answer file"), path ? path : "");
	free(path);
	put_connector(c->d.st);
	putchar('\n');
	put_padded("", name_width);
	status_headings();
	for (int s = 0; s < N_HEADS; s++)
		put_right(status_heads[s], status_widths[s] + 1);
	putchar('\n');
	for (size_t s = 0; s < cl->n_sections; s++) {
		const struct section *sec = &cl->sections[s];
		char name[512];
		snprintf(name, sizeof name, "%2d. %s", sec->number,
			 text_get(&sec->name, c->g.lang));
		status_counts(c->d.a, sec->first_item, sec->n_items, name_width, name);
	}
	status_counts(c->d.a, 0, cl->n_items, name_width, _("Total"));
	answers_count(c->d.a, 0, cl->n_items, counts);
	no_status = answers_count_no_status(c->d.a, 0, cl->n_items);
	printf("\n%s: %zu\n", status_name(STATUS_UNANSWERED),
	       counts[STATUS_UNANSWERED] - no_status);
	/* TRANSLATORS: the count of items with an answer but no status ([?]). */
	printf("%s: %zu\n", _("Answered, status not set"), no_status);
	for (int s = STATUS_IMPLEMENTED; s < STATUS_COUNT; s++)
		printf("%s: %zu\n", status_name((enum status)s), counts[s]);
	return EXIT_SUCCESS;
}
