/* ui_list: the sections and their items in one list: each section's
 * heading with its progress, then its items with 通番, a status mark, the
 * goal wrapped to the width, and the target. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "textwidth.h"
#include "ui_doc.h"
#include "ui_view.h"

/* The list's columns: the numbers' width (the widest label, 3 at least),
 * then a space or *, the status mark, and the goal; the target at the
 * right, tw wide. */
struct cols {
	int label, tw;
};

/* The list is laid out a section at a time, as far as it is looked at:
 * the first screens at a start, more as the cursor goes down, all of it
 * for G. So a start, a new search or a switch of language costs the same
 * with 60 items or 10,000. */
struct list_state {
	struct cols cols; /* as last built */
	WINDOW *w;
	struct doc doc;
	size_t next_section; /* the first section not laid out yet */
};

static int rows_of(const struct list_state *l)
{
	return l->w ? getmaxy(l->w) : 1;
}

/* The widest target name: the column the targets take at the right. */
static int target_width(const struct ui *u)
{
	int w = 0;

	for (size_t t = 0; t < u->cl->n_targets; t++) {
		int tw = (int)textwidth_str(text_get(&u->cl->targets[t].name, u->lang));
		if (tw > w)
			w = tw;
	}
	return w;
}

/* The widest item number (a bank's A-1 or Sec-12 too), 3 at least. */
static int label_width(const struct checklist *cl)
{
	size_t w = 3;

	for (size_t i = 0; i < cl->n_items; i++)
		if (strlen(cl->items[i].label) > w)
			w = strlen(cl->items[i].label);
	return (int)w;
}

static void progress_text(const struct ui *u, size_t s, char *out, size_t len)
{
	const struct section *sec = &u->cl->sections[s];

	ui_progress(u, sec->first_item, sec->n_items, out, len);
}

static int mark_x(const struct cols *c)
{
	return 1 + c->label + 1;
}

static int text_x(const struct cols *c)
{
	return 1 + c->label + 5;
}

/* An item's number and marks on its first row r: * when it is marked for
 * a bulk status; the status's mark, or [?] for an answer without a status
 * (in the prefix: the document draws only the statuses' marks). */
static void mark_item(struct ui *u, struct doc *d, size_t r, size_t i, const struct cols *c)
{
	char prefix[48];
	int no_status = answers_no_status(u->a, i);

	snprintf(prefix, sizeof prefix, "%*s%c%s", c->label, u->cl->items[i].label,
		 u->marked[i] ? '*' : ' ', no_status ? "[?]" : "");
	doc_decorate(d, r, 1, prefix, ATTR_NORMAL, d->rows[r].suffix);
	d->rows[r].mark = no_status ? 0 : (int)u->a->status[i] + 1;
	d->rows[r].mark_x = mark_x(c);
}

static void build_item(struct ui *u, struct doc *d, size_t i, const struct cols *c)
{
	const struct item *it = &u->cl->items[i];

	struct ui_runs rs = {0};

	doc_block(d, BLOCK_ITEM, i, 1);
	/* The goal, what the last search found in it highlighted. */
	ui_runs_text(u, &rs, text_get(&it->goal, u->lang), NULL, u->lang, ATTR_NORMAL, ATTR_NORMAL);
	size_t r = ui_runs_lay(d, text_x(c), c->tw + 2, &rs, ATTR_NORMAL);
	ui_runs_free(&rs);
	doc_decorate(d, r, 1, NULL, ATTR_NORMAL,
		     text_get(&u->cl->targets[it->target].name, u->lang));
	mark_item(u, d, r, i, c);
}

/* The reason the overlay gives for not asking base item k, or NULL if it
 * asks it. */
static const struct text *not_asked_reason(const struct checklist *cl, size_t k)
{
	for (size_t n = 0; n < cl->n_not_asked; n++)
		if (cl->not_asked[n].item == &cl->base->items[k])
			return &cl->not_asked[n].reason;
	return NULL;
}

/* The base's items from *next up to (not including) end that the overlay
 * does not ask, dimmed, with the bank's reason; *next moves to end. */
static void build_not_asked(struct ui *u, struct doc *d, size_t *next, size_t end,
			    const struct cols *c)
{
	char line[1024], prefix[48];

	for (; *next < end; ++*next) {
		const struct item *it = &u->cl->base->items[*next];
		const struct text *why = not_asked_reason(u->cl, *next);
		if (!why)
			continue;
		doc_block(d, BLOCK_TEXT, 0, 0);
		size_t r = doc_text_right(d, text_x(c), c->tw + 2, text_get(&it->goal, u->lang),
					  ATTR_DIM);
		snprintf(prefix, sizeof prefix, "%*s ---", c->label, it->label);
		/* TRANSLATORS: shown in the list for an item a bank's overlay
		   does not ask, then the bank's reason. */
		doc_decorate(d, r, 1, prefix, ATTR_DIM, _("not asked"));
		snprintf(line, sizeof line, _("Reason: %s"), text_get(why, u->lang));
		doc_text(d, text_x(c), line, ATTR_DIM);
	}
}

/* The base section s's items range [*next, *end), when the list shows the
 * items the overlay does not ask (D); else an empty range. */
static void base_range(const struct ui *u, size_t s, size_t *next, size_t *end)
{
	const struct checklist *b = u->cl->base;

	*next = *end = 0;
	if (u->show_not_asked && u->cl->n_not_asked && s < b->n_sections) {
		*next = b->sections[s].first_item;
		*end = *next + b->sections[s].n_items;
	}
}

static void section_heading(struct ui *u, struct doc *d, size_t s)
{
	const struct section *sec = &u->cl->sections[s];
	char head[64], progress[64], name[512];

	/* Padded to where the name starts: the heading is one run of its
	   attribute, not two with a gap between. */
	snprintf(head, sizeof head, "%-3d", sec->number);
	progress_text(u, s, progress, sizeof progress);
	doc_block(d, BLOCK_SECTION, s, 0);
	if (*sec->name_supplied.ja)
		snprintf(name, sizeof name, _("%s (name supplied by tenken)"),
			 text_get(&sec->name, u->lang));
	else
		snprintf(name, sizeof name, "%s", text_get(&sec->name, u->lang));
	size_t r = doc_text_right(d, 4, (int)strlen(progress) + 2, name, ATTR_HEADING);
	doc_decorate(d, r, 1, head, ATTR_HEADING, progress);
}

/* A section: its heading and its items shown; with D, the base's items the
 * overlay does not ask, each in its place among the base's others. */
static void build_section(struct ui *u, struct doc *d, size_t s, const struct cols *c)
{
	const struct section *sec = &u->cl->sections[s];
	size_t shown = 0, next, end;

	base_range(u, s, &next, &end);
	for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++)
		shown += ui_item_visible(u, i);
	for (size_t k = next; k < end; k++)
		shown += not_asked_reason(u->cl, k) != NULL;
	if (!shown)
		return;
	section_heading(u, d, s);
	for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++) {
		const struct item *it = &u->cl->items[i];
		long k = end && !it->added ? checklist_find_item(u->cl->base, it->number) : -1;
		if (k >= 0)
			build_not_asked(u, d, &next, (size_t)k, c);
		if (ui_item_visible(u, i))
			build_item(u, d, i, c);
		if (k >= 0)
			next = (size_t)k + 1;
	}
	build_not_asked(u, d, &next, end, c);
}

/* Lays out the next section; at the end, says so if nothing is shown. */
static void build_next(struct ui *u, struct list_state *l)
{
	struct doc *d = &l->doc;

	build_section(u, d, l->next_section++, &l->cols);
	if (l->next_section == u->cl->n_sections && !d->n_blocks) {
		doc_block(d, BLOCK_TEXT, 0, 0);
		doc_text(d, 1, _("No item matches the filter."), ATTR_DIM);
	}
}

/* Lays out sections until the list has at least rows rows, or all. */
static void build_rows(struct ui *u, struct list_state *l, size_t rows)
{
	while (l->next_section < u->cl->n_sections && l->doc.n_rows < rows)
		build_next(u, l);
}

/* Lays out sections up to item's (index), and a screen more. */
static void build_to_item(struct ui *u, struct list_state *l, size_t item)
{
	size_t s = item < u->cl->n_items ? u->cl->items[item].section : u->cl->n_sections;

	while (l->next_section < u->cl->n_sections && l->next_section <= s)
		build_next(u, l);
	build_rows(u, l, l->doc.n_rows + 2 * (size_t)rows_of(l));
}

/* Selects item, or the next one shown after it, or the last. */
static void select_item(struct ui *u, struct list_state *l, size_t item)
{
	struct doc *d = &l->doc;
	size_t best;
	int reached;

	build_to_item(u, l, item);
	for (;;) { /* until an item at or after it is laid out, or all are */
		best = d->n_blocks;
		reached = 0;
		for (size_t b = 0; b < d->n_blocks && !reached; b++) {
			if (d->blocks[b].kind != BLOCK_ITEM)
				continue;
			if (best == d->n_blocks || d->blocks[b].ref <= item ||
			    d->blocks[best].ref < item)
				best = b;
			reached = d->blocks[b].ref >= item;
		}
		if (reached || l->next_section >= u->cl->n_sections)
			break;
		build_next(u, l);
	}
	if (best < d->n_blocks)
		doc_select(d, rows_of(l), best);
}

static int list_current(struct ui *u, void *state, size_t *item)
{
	const struct doc *d = &((struct list_state *)state)->doc;

	(void)u;
	if (!d->n_blocks || d->blocks[d->cursor].kind != BLOCK_ITEM)
		return 0;
	*item = d->blocks[d->cursor].ref;
	return 1;
}

/* Builds the list for the width and the filter, keeping the item the
 * cursor was on. */
static void build(struct ui *u, struct list_state *l)
{
	struct doc *d = &l->doc;
	size_t keep = 0, top = d->top;
	int had = list_current(u, l, &keep);

	l->cols = (struct cols){label_width(u->cl), target_width(u)};
	doc_clear(d);
	d->width = u->cols;
	l->next_section = 0;
	build_rows(u, l, top + 3 * (size_t)rows_of(l));
	select_item(u, l, had ? keep : 0);
}

/* After an answer or status of item changed: its mark and its section's
 * progress, in place. The list's layout does not depend on the answers, so
 * a change costs the same with 60 items or 10,000. */
static int list_changed(struct ui *u, void *state, size_t item)
{
	struct list_state *l = state;
	struct doc *d = &l->doc;
	size_t s;
	char progress[64];

	if (item == UI_ALL_ITEMS) {
		build(u, l);
		return UI_REDRAW;
	}
	s = u->cl->items[item].section;
	progress_text(u, s, progress, sizeof progress);
	for (size_t b = 0; b < d->n_blocks; b++) {
		const struct block *bl = &d->blocks[b];
		struct row *r = &d->rows[bl->first];
		if (bl->kind == BLOCK_SECTION && bl->ref == s)
			doc_decorate(d, bl->first, r->prefix_x, r->prefix, r->prefix_attr,
				     progress);
		else if (bl->kind == BLOCK_ITEM && bl->ref == item)
			mark_item(u, d, bl->first, item, &l->cols);
	}
	return UI_REDRAW;
}

/* Jumps to section number n: its first item shown, its heading on top. */
static void jump_section(struct ui *u, struct list_state *l, int n)
{
	struct doc *d = &l->doc;
	long s = checklist_find_section(u->cl, n);

	if (s >= 0 && u->cl->sections[s].n_items)
		build_to_item(u, l, u->cl->sections[s].first_item);
	else if (s >= 0)
		while (l->next_section < u->cl->n_sections && l->next_section <= (size_t)s)
			build_next(u, l);
	for (size_t b = 0; b < d->n_blocks; b++) {
		if (d->blocks[b].kind != BLOCK_SECTION ||
		    u->cl->sections[d->blocks[b].ref].number != n)
			continue;
		if (b + 1 < d->n_blocks) {
			d->top = d->blocks[b].first;
			doc_select(d, rows_of(l), b + 1);
		}
		return;
	}
	ui_message(u, 1, _("No section %d is shown"), n);
}

static int list_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct list_state *l = state;
	size_t item;
	int on_item = list_current(u, l, &item);

	switch (act) {
	case ACT_OPEN:
	case ACT_EDIT:
	case ACT_EXTERNAL:
		if (!on_item)
			return UI_HANDLED;
		req->type = act == ACT_OPEN   ? REQ_OPEN_ITEM
			    : act == ACT_EDIT ? REQ_EDIT
					      : REQ_EXTERNAL;
		req->item = item;
		req->column = 0;
		return UI_HANDLED;
	case ACT_SECTION:
		jump_section(u, l, key - '0');
		return UI_HANDLED | UI_REDRAW;
	default:
		/* What the move may reach is laid out first: all of it for G. */
		build_rows(u, l,
			   act == ACT_BOTTOM ? (size_t)-1 : l->doc.top + 3 * (size_t)rows_of(l));
		return doc_scroll_actions(&l->doc, rows_of(l), act) ? UI_HANDLED | UI_REDRAW : 0;
	}
}

static int list_go_to(struct ui *u, void *state, size_t item)
{
	select_item(u, state, item);
	return UI_REDRAW;
}

static void *list_open(struct ui *u, const struct request *req)
{
	(void)u;
	(void)req;
	return calloc(1, sizeof(struct list_state));
}

static void list_close(struct ui *u, void *state)
{
	struct list_state *l = state;

	(void)u;
	if (l->w)
		delwin(l->w);
	doc_free(&l->doc);
	free(l);
}

static void list_layout(struct ui *u, void *state)
{
	struct list_state *l = state;

	if (l->w)
		delwin(l->w);
	l->w = ui_body_window(u, 0);
	build(u, l);
}

static void list_draw(struct ui *u, void *state)
{
	struct list_state *l = state;

	doc_draw(u->attrs, &l->doc, l->w);
	wnoutrefresh(l->w);
}

static const char *list_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	/* TRANSLATORS: the footer of the list; keep it within 79 columns. */
	return _("Enter:open s:status e:edit /:search u:unanswered f:filter ?:help q:quit");
}

const struct view_ops ui_list_ops = {
	.name = "list",
	.where = IN_LIST,
	.open = list_open,
	.close = list_close,
	.layout = list_layout,
	.draw = list_draw,
	.key = list_key,
	.changed = list_changed,
	.go_to = list_go_to,
	.current = list_current,
	.hints = list_hints,
};
