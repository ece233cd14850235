/* parts: an item's parts in the item view's order. */
#include "config.h"

#include "parts.h"

#include <string.h>

struct walk {
	part_fn fn;
	void *ctx;
	int folds; /* folds so far */
	int fold;  /* the fold being walked, -1 outside any */
	enum part_kind kind;
};

static void emit(struct walk *w, struct part *p)
{
	w->fn(w->ctx, p);
}

static void text_part(struct walk *w, enum part_kind kind, size_t index, const struct text *t)
{
	struct part p = {0};

	p.kind = kind;
	p.index = index;
	p.fold = -1;
	p.text = t;
	emit(w, &p);
}

/* One line of an outline. The item's own: a 注記 heads a fold that its
 * text and entries lie in; headings and methods lie in none. An older
 * item's: every line lies in the fold its goal heads. */
static void outline_line(void *ctx, enum outline_kind kind, int depth, const char *label,
			 const struct text *t)
{
	struct walk *w = ctx;
	struct part p = {0};

	p.kind = w->kind;
	p.line = kind;
	p.depth = depth;
	p.label = label;
	p.text = t;
	if (w->kind == PART_OUTLINE && kind == OUTLINE_NOTE) {
		w->fold = w->folds++;
		p.heads = 1;
	} else if (w->kind == PART_OUTLINE && (kind == OUTLINE_HEADING || kind == OUTLINE_METHOD)) {
		w->fold = -1;
	}
	p.fold = w->fold;
	emit(w, &p);
}

/* Last year's status or answer in column c (c < 0: the status) of item
 * index i, after this year's: only where last year's is set and differs,
 * so that what is shown is what copying it would change. */
static void last_part(struct walk *w, const struct answers *a, const struct answers *last, size_t i,
		      long c)
{
	struct part p = {0};

	if (!last)
		return;
	p.fold = -1;
	if (c < 0) {
		if (last->status[i] == STATUS_UNANSWERED || last->status[i] == a->status[i])
			return;
		p.kind = PART_LAST_STATUS;
		p.number = (int)last->status[i];
	} else {
		p.answer = answers_text(last, i, (size_t)c);
		if (!*p.answer || strcmp(p.answer, answers_text(a, i, (size_t)c)) == 0)
			return;
		p.kind = PART_LAST_ANSWER;
		p.index = (size_t)c;
	}
	emit(w, &p);
}

static void officer_parts(struct walk *w, const struct checklist *cl, const struct answers *a,
			  const struct answers *last, size_t i)
{
	const struct item *it = &cl->items[i];
	struct part p = {0};

	text_part(w, PART_GOAL, 0, &it->goal);
	text_part(w, PART_TARGET, 0, &cl->targets[it->target].name);
	if (!a)
		return;
	p.kind = PART_STATUS;
	p.fold = -1;
	emit(w, &p);
	last_part(w, a, last, i, -1);
	for (size_t c = 0; c < cl->n_columns; c++) {
		p.kind = PART_ANSWER;
		p.index = c;
		p.answer = answers_text(a, i, c);
		emit(w, &p);
		last_part(w, a, last, i, (long)c);
	}
	if (a->verdict[i] == VERDICT_NONE && !a->comment[i])
		return;
	p.kind = PART_VERDICT;
	p.index = 0;
	p.answer = NULL;
	emit(w, &p);
	if (a->comment[i]) {
		p.kind = PART_COMMENT;
		p.answer = a->comment[i];
		emit(w, &p);
	}
}

static void reference_parts(struct walk *w, const struct checklist *cl, const struct item *it)
{
	const struct text *note = checklist_refs_note(cl, it);

	for (size_t r = 0; r < it->n_refs; r++) {
		text_part(w, PART_REF_SOURCE, r, &it->refs[r].source);
		text_part(w, PART_REF_LOCATION, r, &it->refs[r].location);
	}
	if (note)
		text_part(w, PART_REFS_NOTE, 0, note);
}

/* The older edition's items that item it replaced, each heading a fold
 * with its 手法例 and 注記 in it. */
static void example_parts(struct walk *w, const struct examples *ex, const struct item *it)
{
	const struct mapping_link *l = ex ? mapping_link_to(ex->m, it->number) : NULL;
	size_t n = !l ? 0 : l->n_from < PARTS_MAX_EXAMPLES ? l->n_from : PARTS_MAX_EXAMPLES;

	for (size_t k = 0; k < n; k++) {
		long j = checklist_find_item(ex->cl, l->from[k]);
		struct part p = {0};
		if (j < 0)
			continue;
		const struct item *old = &ex->cl->items[j];
		p.kind = PART_EXAMPLE;
		p.index = k;
		p.fold = w->fold = w->folds++;
		p.heads = 1;
		p.text = &old->goal;
		p.from = ex->cl;
		p.number = old->number;
		emit(w, &p);
		w->kind = PART_EXAMPLE_LINE;
		outline_item_texts(old, outline_line, w);
	}
}

static int same_standard(const struct revision *a, const struct revision *b)
{
	return strcmp(a->standard.text.ja, b->standard.text.ja) == 0;
}

/* Whether a review's note has the review and date of the note before it. */
static int same_review(const struct revision *prev, const struct revision *rv)
{
	return prev && strcmp(prev->review.ja, rv->review.ja) == 0 &&
	       (prev->date == rv->date ||
		(prev->date && rv->date && strcmp(prev->date, rv->date) == 0));
}

/* The notes on the 基準 of revs[first], in order: each note's review (its
 * text only where it differs from the note before), passage and label. */
static void standard_notes(struct walk *w, const struct revision *revs, size_t n, size_t first)
{
	const struct revision *prev = NULL;

	for (size_t r = first; r < n; r++) {
		const struct revision *rv = &revs[r];
		struct part p = {0};
		if (!same_standard(rv, &revs[first]))
			continue;
		p.fold = w->fold;
		p.index = r;
		p.kind = PART_REVIEW;
		p.text = same_review(prev, rv) ? NULL : &rv->review;
		p.date = rv->date;
		emit(w, &p);
		prev = rv;
		if (*rv->passage.text.ja) {
			p.kind = PART_PASSAGE;
			p.marked = &rv->passage;
			p.text = &rv->passage.text;
			emit(w, &p);
		}
		if (*rv->change.ja) {
			p.kind = PART_CHANGE;
			p.marked = NULL;
			p.text = &rv->change;
			emit(w, &p);
		}
	}
}

/* The reviews' notes, one fold per 基準 in the order each first appears:
 * the 基準 heads it, once, with the number of notes under it. */
static void revision_parts(struct walk *w, const struct item *it)
{
	for (size_t r = 0; r < it->n_revisions; r++) {
		const struct revision *rv = &it->revisions[r];
		size_t seen = 0, count = 0;
		struct part p = {0};
		for (size_t q = 0; q < it->n_revisions; q++) {
			seen += q < r && same_standard(&it->revisions[q], rv);
			count += same_standard(&it->revisions[q], rv);
		}
		if (seen)
			continue;
		p.kind = PART_STANDARD;
		p.index = r;
		p.fold = w->fold = w->folds++;
		p.heads = 1;
		p.marked = &rv->standard;
		p.text = &rv->standard.text;
		p.count = count;
		emit(w, &p);
		standard_notes(w, it->revisions, it->n_revisions, r);
	}
}

int item_parts(const struct checklist *cl, const struct answers *a, const struct answers *last,
	       const struct examples *ex, size_t i, part_fn fn, void *ctx)
{
	const struct item *it = &cl->items[i];
	const struct section *sec = &cl->sections[it->section];
	struct walk w = {fn, ctx, 0, -1, PART_OUTLINE};

	text_part(&w, PART_SECTION, 0, &sec->name);
	if (*sec->name_supplied.ja)
		text_part(&w, PART_NAME_NOTE, 0, &sec->name_supplied);
	officer_parts(&w, cl, a, last, i);
	reference_parts(&w, cl, it);
	outline_item_texts(it, outline_line, &w);
	w.fold = -1;
	example_parts(&w, ex, it);
	w.fold = -1;
	if (*it->remarks.ja)
		text_part(&w, PART_REMARKS, 0, &it->remarks);
	for (size_t k = 0; k < it->n_warnings + sec->n_warnings; k++)
		text_part(&w, PART_WARNING, k,
			  k < it->n_warnings ? &it->warnings[k]
					     : &sec->warnings[k - it->n_warnings]);
	revision_parts(&w, it);
	return w.folds;
}
