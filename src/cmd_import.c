/* cmd_import: tenken import, the answers of a workbook (XLSX) or CSV read
 * back into the answer file: what would change is shown first, asked on a
 * terminal, and applied in one transaction, each change in the history
 * with the file it came from. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "csv_read.h"
#include "fileio.h"
#include "gettext.h"
#include "import.h"
#include "textwidth.h"
#include "xlsx_read.h"

void cmd_import_usage(FILE *out)
{
	fputs(_("Usage: tenken import FILE.xlsx|FILE.csv [--dry-run|--yes] [--theirs|--ours]\n"
		"                     [-f FILE] [--checklist ID|FILE]\n"
		"Read the answers and statuses of a workbook or CSV back into the answer file:\n"
		"the one tenken exported, the same after the bank edited it in Excel or\n"
		"LibreOffice Calc, or the official form filled in by hand. What would change\n"
		"is shown first and asked on a terminal; all of it is applied in one\n"
		"transaction, each change recorded in the history with the file's name.\n"
		"  --dry-run  only show what would change\n"
		"  --yes      apply without asking\n"
		"  --theirs   where the answer file changed an item after the export too,\n"
		"             take the workbook's text (by default such conflicts are left)\n"
		"  --ours     keep the answer file's text in a conflict, without listing it\n"),
	      out);
}

struct import_args {
	const char *file;
	int dry_run, yes, theirs, ours;
};

static int import_options(struct cmd *c, int argc, char **argv, struct import_args *ia)
{
	static const struct option opts[] = {{"dry-run", no_argument, NULL, 'n'},
					     {"yes", no_argument, NULL, 'y'},
					     {"theirs", no_argument, NULL, 'T'},
					     {"ours", no_argument, NULL, 'O'},
					     {NULL, 0, NULL, 0}};
	int opt;

	while ((opt = cmd_getopt(c, argc, argv, "ny", opts)) > 0)
		*(opt == 'n'   ? &ia->dry_run
		  : opt == 'y' ? &ia->yes
		  : opt == 'T' ? &ia->theirs
			       : &ia->ours) = 1;
	if (opt != 0)
		return -1;
	c->exit = EXIT_USAGE;
	if (optind + 1 != argc) {
		cmd_error("%s", optind == argc ? _("import: which file? (tenken import FILE)")
					       : _("import: give exactly one file"));
		return -1;
	}
	if (ia->theirs && ia->ours) {
		cmd_error("%s", _("import: --theirs and --ours do not go together"));
		return -1;
	}
	ia->file = argv[optind];
	return 0;
}

/* Whether the file is a workbook: a zip, by its first bytes. A file that
 * cannot be read is not: reading it as CSV then says why. */
static int is_workbook(const char *path)
{
	char why[PATH_MAX + 128];
	FILE *f = fileio_fopen_read(path, why, sizeof why);
	char magic[4] = "";
	int zip;

	if (!f)
		return 0;
	zip = fread(magic, 1, 4, f) == 4 && !memcmp(magic, "PK\x03\x04", 4);
	fclose(f);
	return zip;
}

/* What was read: the table and what it came from. */
struct source {
	struct xlsx_book *book;
	struct csv_table *csv;
	struct import_table table;
	struct import_meta meta;
	const char **times; /* meta.times' storage */
};

static void source_free(struct source *s)
{
	import_table_free(&s->table);
	free(s->times);
	xlsx_free(s->book);
	csv_free(s->csv);
}

/* Reads the checklist's sheet of a workbook: the first visible sheet with a
 * header row of its columns. Fills res. Returns 0 or -1 (error printed). */
static int read_workbook(struct cmd *c, struct source *s, const char *path, char (*times)[32],
			 struct import_result *res)
{
	char err[1024] = "";

	if (!(s->book = xlsx_read(path, err, sizeof err)) ||
	    import_meta_xlsx(s->book, c->d.cl, &s->meta, &s->times, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return -1;
	}
	if (s->meta.checklist && strcmp(s->meta.checklist, c->d.cl->id) != 0) {
		cmd_error(
			_("%s: this workbook answers the checklist \"%s\", not \"%s\"; nothing was "
			  "imported"),
			path, s->meta.checklist, c->d.cl->id);
		return -1;
	}
	for (size_t k = 0; k < s->book->n_sheets; k++) {
		if (s->book->sheets[k].hidden)
			continue;
		import_table_free(&s->table);
		int rc = import_table_xlsx(&s->table, &s->book->sheets[k], path);
		if (rc == IMPORT_TOO_LARGE) {
			char *name = textwidth_sanitize_line(s->book->sheets[k].name);
			cmd_error(_("%s: sheet %s: its cells spread over more than %d places (rows "
				    "times columns); nothing was imported"),
				  path, name ? name : "", IMPORT_MAX_PLACES);
			free(name);
			return -1;
		}
		if (rc != 0) {
			cmd_error("%s", _("out of memory"));
			return -1;
		}
		if (import_table_read(&s->table, c->d.cl, c->d.a, &s->meta, times, res, err,
				      sizeof err) == 0)
			return 0;
	}
	cmd_error("%s", *err ? err : _("the workbook has no visible sheet"));
	return -1;
}

static int read_csv(struct cmd *c, struct source *s, const char *path, char (*times)[32],
		    struct import_result *res)
{
	char err[1024];

	if (!(s->csv = csv_read(path, err, sizeof err)) ||
	    import_table_csv(&s->table, s->csv, path) != 0) {
		cmd_error("%s", s->csv ? _("out of memory") : err);
		return -1;
	}
	if (s->csv->converted)
		printf(_("%s: read as Shift_JIS (CP932) and converted to UTF-8.\n"), path);
	if (import_table_read(&s->table, c->d.cl, c->d.a, NULL, times, res, err, sizeof err) != 0) {
		cmd_error("%s", err);
		return -1;
	}
	return 0;
}

/* Prints a text shown safely, each line after prefix. */
static void print_lines(const char *prefix, const char *text)
{
	char *clean = textwidth_sanitize(*text ? text : _("(empty)"));

	for (const char *p = clean ? clean : ""; p;) {
		const char *nl = strchr(p, '\n');
		printf("%s%.*s\n", prefix, nl ? (int)(nl - p) : (int)strlen(p), p);
		p = nl ? nl + 1 : NULL;
	}
	free(clean);
}

static const char *column_name(const struct cmd *c, long column)
{
	switch (column) {
	case IMPORT_STATUS:
		return _("Status");
	case IMPORT_VERDICT:
		return _("Review verdict");
	case IMPORT_COMMENT:
		return _("New comment");
	}
	return text_get(&c->d.cl->columns[column].name, c->g.lang);
}

static void print_change(const struct cmd *c, const struct import_change *ch, int conflict)
{
	printf(_("Item %s, %s (%s):\n"), c->d.cl->items[ch->item].label, column_name(c, ch->column),
	       ch->where);
	/* TRANSLATORS: in a conflict, the answer file's text, then the workbook's. */
	print_lines(conflict ? _("  here:     ") : "  - ", ch->old);
	print_lines(conflict ? _("  workbook: ") : "  + ", ch->new_value);
}

/* Shows what the file would change, the conflicts and what is not
 * imported. Returns how many changes would be applied. */
static size_t show(const struct cmd *c, const struct import_result *res,
		   const struct import_args *ia)
{
	size_t apply = 0, conflicts = 0;

	for (size_t k = 0; k < res->n_changes; k++) {
		const struct import_change *ch = &res->changes[k];
		if (ch->conflict && !ia->theirs) {
			conflicts++;
			continue;
		}
		print_change(c, ch, 0);
		apply++;
	}
	if (conflicts && !ia->ours) {
		printf("\n%s\n",
		       _("Conflicts: the answer file changed these after the workbook was "
			 "exported; they are left as they are (--theirs takes the workbook's):"));
		for (size_t k = 0; k < res->n_changes; k++)
			if (res->changes[k].conflict)
				print_change(c, &res->changes[k], 1);
	}
	if (res->n_notes) {
		printf("\n%s\n", _("Not imported:"));
		for (size_t k = 0; k < res->n_notes; k++)
			printf("  %s\n", res->notes[k].text);
	}
	return apply;
}

/* Asks on the terminal whether to apply n changes. */
static int confirmed(const char *answers, size_t n)
{
	char line[64];

	printf(ngettext("Apply %zu change to %s? [y/N] ", "Apply these %zu changes to %s? [y/N] ",
			(unsigned long)n),
	       n, answers);
	fflush(stdout);
	return fgets(line, sizeof line, stdin) && (line[0] == 'y' || line[0] == 'Y');
}

/* Applies the changes in one transaction, each recorded with its source. */
static int apply(struct cmd *c, const struct import_result *res, const struct import_args *ia)
{
	char err[1024], source[PATH_MAX + 16];
	const char *base = strrchr(ia->file, '/');
	struct cmd_data *d = &c->d;

	snprintf(source, sizeof source, "import %s", base ? base + 1 : ia->file);
	if (store_set_source(d->st, source) != 0 || store_begin(d->st, err, sizeof err) != 0)
		goto fail;
	for (size_t k = 0; k < res->n_changes; k++) {
		const struct import_change *ch = &res->changes[k];
		if (ch->conflict && !ia->theirs)
			continue;
		int rc;
		if (ch->column == IMPORT_STATUS)
			rc = store_set_status(d->st, d->a, ch->item, ch->status, err, sizeof err);
		else if (ch->column == IMPORT_VERDICT)
			rc = store_set_verdict(d->st, d->a, ch->item, ch->verdict, 0, err,
					       sizeof err);
		else if (ch->column == IMPORT_COMMENT)
			rc = store_add_comment(d->st, d->a, ch->item, ch->new_value, err,
					       sizeof err);
		else
			rc = store_set_text(d->st, d->a, ch->item, (size_t)ch->column,
					    ch->new_value, err, sizeof err);
		if (rc == STORE_CHANGED)
			snprintf(err, sizeof err,
				 _("item %s was changed by another session during the import"),
				 d->cl->items[ch->item].label);
		if (rc != 0)
			goto fail;
	}
	if (store_commit(d->st, err, sizeof err) == 0)
		return 0;
fail:
	store_rollback(d->st);
	cmd_error(_("%s; nothing was imported"), err);
	return -1;
}

static int import_run(struct cmd *c, const struct import_args *ia)
{
	struct source s = {0};
	struct import_result res = {0};
	char(*times)[32] = NULL;
	size_t n;
	int rc = EXIT_FAILURE;

	if (cmd_load_checklist(c, &c->d, c->g.file, c->g.checklist) != 0 ||
	    cmd_open_answers(&c->d, c->g.file, ia->dry_run ? STORE_READONLY : 0) != 0)
		return EXIT_FAILURE;
	if (!(times = calloc(c->d.cl->n_items ? c->d.cl->n_items : 1, sizeof *times)))
		goto done;
	if (c->d.st)
		store_item_times(c->d.st, times);
	if ((is_workbook(ia->file) ? read_workbook(c, &s, ia->file, times, &res)
				   : read_csv(c, &s, ia->file, times, &res)) != 0)
		goto done;
	n = show(c, &res, ia);
	rc = EXIT_SUCCESS;
	if (!n) {
		printf("%s\n",
		       _("Nothing to import: the answer file already says what the file says."));
	} else if (ia->dry_run) {
		printf(ngettext("%zu change would be applied (--dry-run: nothing was).\n",
				"%zu changes would be applied (--dry-run: nothing was).\n",
				(unsigned long)n),
		       n);
	} else if (!ia->yes && !isatty(STDIN_FILENO)) {
		cmd_error("%s", _("import: not on a terminal: give --yes to apply, or --dry-run"));
		rc = EXIT_USAGE;
	} else if (!ia->yes && !confirmed(c->d.path, n)) {
		printf("%s\n", _("Nothing was imported."));
		rc = EXIT_FAILURE;
	} else if (apply(c, &res, ia) != 0) {
		rc = EXIT_FAILURE;
	} else {
		printf(ngettext("%zu change imported into %s.\n", "%zu changes imported into %s.\n",
				(unsigned long)n),
		       n, c->d.path);
	}
done:
	import_result_free(&res);
	source_free(&s);
	free(times);
	return rc;
}

int cmd_import(struct cmd *c, int argc, char **argv)
{
	struct import_args ia = {0};

	if (import_options(c, argc, argv, &ia) != 0)
		return c->exit;
	return import_run(c, &ia);
}
