/* connectors: many answer files of one checklist, and two compared. */
#include "config.h"

#include "connectors.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gettext.h"
#include "store.h"
#include "textwidth.h"

char *connectors_name(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t len;
	char *name;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".db") == 0)
		len -= 3;
	if (!(name = malloc(len + 1)))
		return NULL;
	memcpy(name, base, len);
	name[len] = '\0';
	return name;
}

int connectors_add(struct connectors *cs, const char *path)
{
	struct connector *files = realloc(cs->files, (cs->n + 1) * sizeof *files), *f;

	if (!files)
		return -1;
	cs->files = files;
	f = &files[cs->n];
	*f = (struct connector){.path = strdup(path), .file = connectors_name(path)};
	if (!f->path || !f->file || !(f->name = strdup(f->file))) {
		free(f->path);
		free(f->file);
		return -1;
	}
	cs->n++;
	return 0;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Whether name ends in .db and has something before it. */
static int is_db(const char *name)
{
	size_t len = strlen(name);

	return len > 3 && strcmp(name + len - 3, ".db") == 0;
}

/* Reads the names *.db of the folder d into a sorted array. Returns it
 * with its count in *n, or NULL (errno set; *n 0 for an empty folder). */
static char **db_names(DIR *d, size_t *n)
{
	char **names = NULL, **more;
	struct dirent *e;

	*n = 0;
	errno = 0;
	while ((e = readdir(d))) {
		if (!is_db(e->d_name))
			continue;
		if (!(more = realloc(names, (*n + 1) * sizeof *names)) ||
		    !(more[*n] = strdup(e->d_name))) {
			names = more ? more : names;
			break;
		}
		names = more;
		++*n;
		errno = 0;
	}
	if (errno) {
		for (size_t k = 0; k < *n; k++)
			free(names[k]);
		free(names);
		return NULL;
	}
	if (*n)
		qsort(names, *n, sizeof *names, by_name);
	return names;
}

long connectors_add_dir(struct connectors *cs, const char *dir, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	size_t n = 0, k;
	char **names, *path;
	long added = 0;

	if (!d || (!(names = db_names(d, &n)) && errno)) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		if (d)
			closedir(d);
		return -1;
	}
	closedir(d);
	for (k = 0; k < n; k++) {
		if (!(path = malloc(strlen(dir) + strlen(names[k]) + 2)))
			break;
		sprintf(path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[k]);
		if (connectors_add(cs, path) != 0) {
			free(path);
			break;
		}
		free(path);
		added++;
	}
	for (size_t j = 0; j < n; j++)
		free(names[j]);
	free(names);
	if (k < n) {
		snprintf(err, errlen, "%s: %s", dir, _("out of memory"));
		return -1;
	}
	return added;
}

/* Leaves f out of the report for the reason why (copied). */
static void leave_out(struct connector *f, const char *why)
{
	snprintf(f->why, sizeof f->why, "%s", why);
	textwidth_cut(f->why);
	answers_free(f->a);
	f->a = NULL;
}

/* The reason of a message "path: reason": what follows the path. */
static const char *reason(const char *err, const char *path)
{
	size_t len = strlen(path);

	return strncmp(err, path, len) == 0 && strncmp(err + len, ": ", 2) == 0 ? err + len + 2
										: err;
}

const char *connectors_peek(struct connectors *cs)
{
	char id[128], err[1024];
	const char *best = NULL;
	size_t best_n = 0;

	for (size_t k = 0; k < cs->n; k++) {
		struct connector *f = &cs->files[k];
		if (store_peek_checklist(f->path, id, sizeof id, err, sizeof err) != 0)
			leave_out(f, reason(err, f->path));
		else if (!(f->id = strdup(id)))
			leave_out(f, _("out of memory"));
	}
	for (size_t k = 0; k < cs->n; k++) {
		size_t n = 0;
		if (!cs->files[k].id)
			continue;
		for (size_t j = k; j < cs->n; j++)
			n += cs->files[j].id && strcmp(cs->files[j].id, cs->files[k].id) == 0;
		if (n > best_n) {
			best = cs->files[k].id;
			best_n = n;
		}
	}
	return best;
}

/* connectors_read, and the connector's name the file keeps into name
 * (namelen bytes; "" if none) unless name is NULL. */
static struct answers *read_named(const char *path, const struct checklist *cl, int *changed,
				  char *name, size_t namelen, char *err, size_t errlen)
{
	struct answers *a = answers_new(cl);
	struct store *st = NULL;

	if (!a) {
		snprintf(err, errlen, "%s: %s", path, _("out of memory"));
		return NULL;
	}
	st = store_open(path, cl, STORE_READONLY | STORE_NOTOUCH, err, errlen);
	if (!st || store_load(st, a, err, errlen) != 0) {
		store_close(st);
		answers_free(a);
		return NULL;
	}
	*changed = store_checklist_changed(st);
	if (name)
		store_connector(st, name, namelen);
	store_close(st);
	return a;
}

struct answers *connectors_read(const char *path, const struct checklist *cl, int *changed,
				char *err, size_t errlen)
{
	return read_named(path, cl, changed, NULL, 0, err, errlen);
}

/* Reads the answers of f for cl, and the connector's name it keeps. */
static void load_file(struct connector *f, const struct checklist *cl)
{
	char err[1024], name[STORE_CONNECTOR_MAX], *copy;

	if (!(f->a = read_named(f->path, cl, &f->changed, name, sizeof name, err, sizeof err))) {
		leave_out(f, reason(err, f->path));
		return;
	}
	if (!name[0])
		return;
	if (!(copy = strdup(name))) {
		leave_out(f, _("out of memory"));
		return;
	}
	free(f->name);
	f->name = copy;
	f->named = 1;
}

size_t connectors_load(struct connectors *cs, const struct checklist *cl)
{
	char why[512];
	size_t out = 0;

	cs->n_read = 0;
	for (size_t k = 0; k < cs->n; k++) {
		struct connector *f = &cs->files[k];
		if (f->why[0]) {
			out++;
			continue;
		}
		/* A bank's overlay reads its base's answer files too. */
		if (f->id && strcmp(f->id, cl->id) != 0 &&
		    !(cl->base && strcmp(f->id, cl->base->id) == 0)) {
			/* TRANSLATORS: why tenken report leaves a file out; the
			   first %s is the checklist the file answers, the second
			   the report's. */
			snprintf(why, sizeof why, _("it answers the checklist \"%s\", not \"%s\""),
				 f->id, cl->id);
			leave_out(f, why);
		} else {
			load_file(f, cl);
		}
		if (f->why[0])
			out++;
		else
			cs->n_read++;
	}
	return out;
}

void connectors_free(struct connectors *cs)
{
	for (size_t k = 0; k < cs->n; k++) {
		free(cs->files[k].path);
		free(cs->files[k].name);
		free(cs->files[k].file);
		free(cs->files[k].id);
		answers_free(cs->files[k].a);
	}
	free(cs->files);
	*cs = (struct connectors){0};
}

struct connector_tally connectors_tally(const struct answers *a)
{
	struct connector_tally t = {0};

	t.total = a->cl->n_items;
	for (size_t i = 0; i < t.total; i++) {
		t.answered += a->status[i] != STATUS_UNANSWERED;
		t.not_implemented += a->status[i] == STATUS_NOT_IMPLEMENTED;
		t.query += a->verdict[i] == VERDICT_QUERY;
		t.finding += a->verdict[i] == VERDICT_FINDING;
	}
	return t;
}

int connectors_any(const struct connectors *cs, size_t i, enum status s)
{
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a && cs->files[k].a->status[i] == s)
			return 1;
	return 0;
}

void connectors_count_item(const struct connectors *cs, size_t i, size_t counts[STATUS_COUNT])
{
	memset(counts, 0, STATUS_COUNT * sizeof *counts);
	for (size_t k = 0; k < cs->n; k++)
		if (cs->files[k].a)
			counts[cs->files[k].a->status[i]]++;
}

int connectors_gap(const struct connectors *cs, size_t i)
{
	return connectors_any(cs, i, STATUS_NOT_IMPLEMENTED) ||
	       connectors_any(cs, i, STATUS_UNANSWERED);
}

int connectors_diff_text(const struct answers *old, const struct answers *new_, size_t i, size_t c)
{
	return strcmp(answers_text(old, i, c), answers_text(new_, i, c)) != 0;
}

struct diff_item connectors_diff_item(const struct answers *old, const struct answers *new_,
				      size_t i)
{
	struct diff_item d = {old->status[i] != new_->status[i], 0,
			      old->verdict[i] != new_->verdict[i]};

	for (size_t c = 0; c < old->cl->n_columns; c++)
		d.n_text += (size_t)connectors_diff_text(old, new_, i, c);
	return d;
}

int connectors_check_name(const char *name, char *err, size_t errlen)
{
	size_t bad, len = strlen(name), chars = 0;
	uint32_t cp;

	switch (textwidth_storable(name, len, &bad, &cp)) {
	case TEXTWIDTH_TEXT:
		break;
	case TEXTWIDTH_INVALID:
		snprintf(err, errlen, _("invalid UTF-8 at byte %zu"), bad + 1);
		return -1;
	default:
		snprintf(err, errlen, _("control character U+%04X at byte %zu"), (unsigned)cp,
			 bad + 1);
		return -1;
	}
	if (strpbrk(name, "\n\t")) {
		snprintf(err, errlen, "%s", _("a connector's name is one line, without tabs"));
		return -1;
	}
	for (size_t i = 0; i < len; i += textwidth_decode(name + i, len - i, &cp))
		chars++;
	if (chars > CONNECTORS_NAME_MAX) {
		snprintf(err, errlen, _("a connector's name has at most %d characters, not %zu"),
			 CONNECTORS_NAME_MAX, chars);
		return -1;
	}
	return 0;
}

size_t connectors_fresh_comments(const struct store_comment *old, size_t n_old,
				 const struct store_comment *new_, size_t n_new,
				 unsigned char *fresh)
{
	unsigned char *used = n_old ? calloc(n_old, 1) : NULL;
	size_t n = 0;

	if (n_old && !used) { /* out of memory: none is shown as new */
		memset(fresh, 0, n_new);
		return 0;
	}
	for (size_t k = 0; k < n_new; k++) {
		size_t j = 0;
		while (j < n_old && (used[j] || old[j].item != new_[k].item ||
				     strcmp(old[j].text, new_[k].text) != 0))
			j++;
		fresh[k] = j == n_old;
		if (j < n_old)
			used[j] = 1;
		n += fresh[k];
	}
	free(used);
	return n;
}

int connectors_comments(const char *path, const struct checklist *cl, struct store_comment **c,
			size_t *n, char *err, size_t errlen)
{
	struct store *st = store_open(path, cl, STORE_READONLY | STORE_NOTOUCH, err, errlen);

	*c = NULL;
	*n = 0;
	if (!st)
		return -1;
	*c = store_comments(st, 0, n);
	store_close(st);
	return 0;
}
