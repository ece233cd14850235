/* migrate: answers carried from one checklist to another. */
#include "config.h"

#include "migrate.h"

#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "store.h"
#include "textwidth.h"

struct buf {
	char *s;
	size_t len, cap;
};

static int buf_add(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
	return 0;
}

/* The text for new column c: the old items' texts in that column, each
 * under its number when there are several. Newly allocated ("" if none). */
static char *joined(const struct checklist *from, const struct answers *a,
		    const struct mapping_link *l, long oc, int *n_texts)
{
	struct buf b = {NULL, 0, 0};
	char head[128];

	*n_texts = 0;
	if (buf_add(&b, "") != 0)
		return NULL;
	for (size_t k = 0; oc >= 0 && k < l->n_from; k++) {
		long i = checklist_find_item(from, l->from[k]);
		const char *t = i >= 0 ? answers_text(a, (size_t)i, (size_t)oc) : "";
		if (!*t)
			continue;
		if (l->n_from > 1) {
			/* TRANSLATORS: heads an answer carried from an older edition's item. */
			snprintf(head, sizeof head, _("[%s item %d]"),
				 text_get(&from->edition, LANG_JA), l->from[k]);
			if ((b.len && buf_add(&b, "\n")) || buf_add(&b, head) || buf_add(&b, "\n"))
				goto oom;
		}
		if (buf_add(&b, t) != 0)
			goto oom;
		(*n_texts)++;
	}
	return b.s;
oom:
	free(b.s);
	return NULL;
}

/* The status to carry: the old items' if they agree; else none (-1). */
static int agreed_status(const struct checklist *from, const struct answers *a,
			 const struct mapping_link *l)
{
	int s = -1;

	for (size_t k = 0; k < l->n_from; k++) {
		long i = checklist_find_item(from, l->from[k]);
		int t = i >= 0 ? (int)a->status[i] : STATUS_UNANSWERED;
		if (s >= 0 && t != s)
			return -1;
		s = t;
	}
	return s;
}

static void list_from(FILE *out, const struct mapping_link *l)
{
	for (size_t k = 0; k < l->n_from; k++)
		fprintf(out, "%s%d", k ? ", " : "", l->from[k]);
}

static int answered(const struct checklist *from, const struct answers *a, size_t i);

/* Whether any of the link's old items has an answer. */
static int any_answer(const struct checklist *from, const struct answers *a,
		      const struct mapping_link *l)
{
	for (size_t k = 0; k < l->n_from; k++) {
		long i = checklist_find_item(from, l->from[k]);
		if (i >= 0 && answered(from, a, (size_t)i))
			return 1;
	}
	return 0;
}

static int carry_item(const struct checklist *from, const struct answers *from_a,
		      const struct checklist *to, struct answers *to_a, struct store *st,
		      const struct mapping_link *l, enum lang lang, FILE *out, char *err,
		      size_t errlen)
{
	long ti = checklist_find_item(to, l->to);
	int review = 0, s;

	if (ti < 0 || !l->n_from || !any_answer(from, from_a, l))
		return 0;
	fprintf(out, "%3d <- ", l->to);
	list_from(out, l);
	fputc(':', out);
	s = agreed_status(from, from_a, l);
	if (s < 0) {
		fprintf(out, " %s", _("statuses differ, left unanswered (review)"));
		review = 1;
	} else if (s != STATUS_UNANSWERED) {
		if (store_set_status(st, to_a, (size_t)ti, (enum status)s, err, errlen) != 0)
			return -1;
		fprintf(out, " %s", status_name((enum status)s));
	}
	for (size_t c = 0; c < to->n_columns; c++) {
		long oc = checklist_find_column(from, to->columns[c].id);
		int n;
		char *t = joined(from, from_a, l, oc, &n);
		if (!t) {
			snprintf(err, errlen, "%s", _("out of memory"));
			return -1;
		}
		if (*t && store_set_text(st, to_a, (size_t)ti, c, t, err, errlen) != 0) {
			free(t);
			return -1;
		}
		free(t);
		if (n > 1) {
			fprintf(out, _("; %s: %d answers joined (review)"),
				text_get(&to->columns[c].name, lang), n);
			review = 1;
		} else if (n) {
			fprintf(out, "; %s", text_get(&to->columns[c].name, lang));
		}
	}
	fputc('\n', out);
	return review;
}

/* Whether old item index i has any answer. */
static int answered(const struct checklist *from, const struct answers *a, size_t i)
{
	if (a->status[i] != STATUS_UNANSWERED)
		return 1;
	for (size_t c = 0; c < from->n_columns; c++)
		if (*answers_text(a, i, c))
			return 1;
	return 0;
}

int migrate_answers(const struct checklist *from, const struct answers *from_a,
		    const struct checklist *to, struct answers *to_a, struct store *to_st,
		    const struct mapping *m, enum lang lang, FILE *out, char *err, size_t errlen)
{
	int review = 0;

	for (size_t i = 0; i < m->n_links; i++) {
		int r = carry_item(from, from_a, to, to_a, to_st, &m->links[i], lang, out, err,
				   errlen);
		if (r < 0)
			return -1;
		review += r;
	}
	for (size_t c = 0; c < from->n_columns; c++)
		if (checklist_find_column(to, from->columns[c].id) < 0)
			fprintf(out,
				_("column %s has no counterpart in %s: its texts were not carried "
				  "(review)\n"),
				text_get(&from->columns[c].name, lang), to->id);
	for (size_t d = 0; d < m->n_dropped; d++) {
		long i = checklist_find_item(from, m->dropped[d].from);
		if (i < 0 || !answered(from, from_a, (size_t)i))
			continue;
		char *why = textwidth_sanitize(text_get(&m->dropped[d].why, LANG_JA));
		fprintf(out,
			_("item %d of %s has no counterpart; its answers stay in the original file "
			  "only (review): %s\n"),
			m->dropped[d].from, from->id, why ? why : "");
		free(why);
		review++;
	}
	return review;
}
