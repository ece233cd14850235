/* cmd_checklists: tenken checklists, the bundled checklists, newest first. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "checklist_yaml.h"
#include "cmd.h"
#include "gettext.h"
#include "paths.h"
#include "textwidth.h"

void cmd_checklists_usage(FILE *out)
{
	fputs(_("Usage: tenken checklists\n"
		"List the bundled checklists, newest first: id, date, number of items, title.\n"
		"The one marked * is used when no --checklist is given.\n"),
	      out);
}

/* One line of the list. */
struct bundled {
	char id[128];
	char date[16];
	size_t items;
	char *title; /* sanitized */
};

static int by_date_desc(const void *a, const void *b)
{
	const struct bundled *x = a, *y = b;

	return strcmp(y->date, x->date);
}

/* Reads the checklist file name in dir into b. Returns 0, or -1 if it is
 * not a checklist (a mapping, another file) or cannot be read (said). */
static int read_bundled(const char *dir, const char *name, enum lang lang, struct bundled *b)
{
	size_t len = strlen(name);
	char path[PATH_MAX], err[1024];
	struct checklist *cl;

	/* Checklists are ID.yaml; mappings FROM.to.TO.yaml. */
	if (len < 6 || strcmp(name + len - 5, ".yaml") || strstr(name, ".to."))
		return -1;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!(cl = checklist_load_file(path, err, sizeof err))) {
		cmd_error("%s", err);
		return -1;
	}
	snprintf(b->id, sizeof b->id, "%s", cl->id);
	snprintf(b->date, sizeof b->date, "%s", cl->date ? cl->date : "");
	b->items = cl->n_items;
	b->title = textwidth_sanitize(text_get(&cl->title, lang));
	checklist_free(cl);
	return 0;
}

int cmd_checklists(struct cmd *c, int argc, char **argv)
{
	const char *dir = paths_datadir(), *def = c->g.settings.checklist[0]
							  ? c->g.settings.checklist
							  : PATHS_DEFAULT_CHECKLIST;
	struct bundled list[64];
	size_t n = 0;
	struct dirent *e;
	DIR *d;

	if (cmd_getopt_none(c, argc, argv) != 0)
		return c->exit;
	if (!(d = opendir(dir))) {
		cmd_error("%s: %s", dir, strerror(errno));
		return EXIT_FAILURE;
	}
	while ((e = readdir(d)) != NULL && n < sizeof list / sizeof list[0])
		if (read_bundled(dir, e->d_name, c->g.lang, &list[n]) == 0)
			n++;
	closedir(d);
	qsort(list, n, sizeof list[0], by_date_desc);
	for (size_t i = 0; i < n; i++) {
		printf("%s %-22s %-10s %4zu  %s\n", strcmp(list[i].id, def) ? " " : "*", list[i].id,
		       list[i].date, list[i].items, list[i].title ? list[i].title : "");
		free(list[i].title);
	}
	return EXIT_SUCCESS;
}
