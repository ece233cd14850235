/* ui_list: the sections and their items in one list: each section's
 * heading with its progress, then its items with 通番, a status mark, the
 * goal wrapped to the width, and the target. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gettext.h"
#include "search.h"
#include "textwidth.h"
#include "ui_impl.h"

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

static void build_section(struct ui *u, size_t s, int tw)
{
	const struct section *sec = &u->cl->sections[s];
	struct doc *d = &u->list;
	size_t counts[STATUS_COUNT], shown = 0;
	char head[64], progress[64], prefix[32];

	for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++)
		shown += ui_item_visible(u, i);
	if (!shown)
		return;
	answers_count(u->a, sec->first_item, sec->n_items, counts);
	snprintf(head, sizeof head, "%d", sec->number);
	snprintf(progress, sizeof progress, "%zu/%zu", sec->n_items - counts[STATUS_UNANSWERED],
		 sec->n_items);
	doc_block(d, BLOCK_SECTION, s, 0);
	size_t r = doc_text_right(d, 4, (int)strlen(progress) + 2, text_get(&sec->name, u->lang),
				  ATTR_HEADING);
	doc_decorate(d, r, 1, head, ATTR_HEADING, progress);
	for (size_t i = sec->first_item; i < sec->first_item + sec->n_items; i++) {
		const struct item *it = &u->cl->items[i];
		if (!ui_item_visible(u, i))
			continue;
		doc_block(d, BLOCK_ITEM, i, 1);
		snprintf(prefix, sizeof prefix, "%3d", it->number);
		r = doc_text_right(d, 9, tw + 2, text_get(&it->goal, u->lang), ATTR_NORMAL);
		doc_decorate(d, r, 1, prefix, ATTR_NORMAL,
			     text_get(&u->cl->targets[it->target].name, u->lang));
		d->rows[r].mark = (int)u->a->status[i] + 1;
		d->rows[r].mark_x = 5;
	}
}

void ui_list_build(struct ui *u)
{
	struct doc *d = &u->list;
	size_t keep = d->n_blocks ? d->blocks[d->cursor].ref : 0;
	int had = d->n_blocks > 0 && d->blocks[d->cursor].kind == BLOCK_ITEM;
	int tw = target_width(u);

	doc_clear(d);
	d->width = u->cols;
	for (size_t s = 0; s < u->cl->n_sections; s++)
		build_section(u, s, tw);
	if (!d->n_blocks) {
		doc_block(d, BLOCK_TEXT, 0, 0);
		doc_text(d, 1, _("No item matches the filter."), ATTR_DIM);
	}
	ui_list_select_item(u, had ? keep : 0);
}

void ui_list_select_item(struct ui *u, size_t item)
{
	struct doc *d = &u->list;
	size_t best = d->n_blocks;

	/* The item itself, or the next one shown after it, or the last. */
	for (size_t b = 0; b < d->n_blocks; b++) {
		if (d->blocks[b].kind != BLOCK_ITEM)
			continue;
		if (best == d->n_blocks || d->blocks[b].ref <= item || d->blocks[best].ref < item)
			best = b;
		if (d->blocks[b].ref >= item)
			break;
	}
	if (best < d->n_blocks)
		doc_select(d, u->body ? getmaxy(u->body) : 1, best);
}

size_t ui_list_current_item(const struct ui *u, int *ok)
{
	const struct doc *d = &u->list;

	*ok = d->n_blocks && d->blocks[d->cursor].kind == BLOCK_ITEM;
	return *ok ? d->blocks[d->cursor].ref : 0;
}

/* The item the user is on: the open one, else the one under the cursor. */
static int current_item(const struct ui *u, size_t *item)
{
	int ok = 1;

	if (u->notes_open && ui_top(u) != &ui_list_view)
		*item = u->item_index;
	else
		*item = ui_list_current_item(u, &ok);
	return ok;
}

/* Goes to item i: selects it in the list and, if an item is open, opens
 * it instead. */
static void go_to(struct ui *u, size_t i)
{
	ui_list_select_item(u, i);
	if (ui_top(u) == &ui_item_view)
		ui_item_open(u, i);
}

void ui_search_next(struct ui *u, int backwards)
{
	size_t n = u->cl->n_items, cur = 0, total = 0, pos = 0, found = n;

	if (!u->query[0]) {
		ui_message(u, 1, "%s", _("No search yet: press / to search"));
		return;
	}
	current_item(u, &cur);
	for (size_t k = 1; k <= n; k++) {
		size_t i = backwards ? (cur + n - k) % n : (cur + k) % n;
		if (!ui_item_visible(u, i) || !search_item_matches(u->cl, u->a, i, u->query))
			continue;
		if (found == n)
			found = i;
	}
	if (found == n) {
		ui_message(u, 1, _("Not found: %s"), u->query);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (ui_item_visible(u, i) && search_item_matches(u->cl, u->a, i, u->query)) {
			total++;
			if (i == found)
				pos = total;
		}
	go_to(u, found);
	/* TRANSLATORS: the search text, then which match of how many. */
	ui_message(u, 0, _("/%s: match %zu of %zu"), u->query, pos, total);
}

void ui_unanswered_next(struct ui *u)
{
	size_t n = u->cl->n_items, cur = 0;

	current_item(u, &cur);
	for (size_t k = 1; k <= n; k++) {
		size_t i = (cur + k) % n;
		if (ui_item_visible(u, i) && u->a->status[i] == STATUS_UNANSWERED) {
			go_to(u, i);
			return;
		}
	}
	ui_message(u, 0, "%s", _("Every item shown has a status."));
}

/* After an answer or status of item changed: its mark and its section's
 * progress, in place. The list's layout does not depend on the answers, so
 * a change costs the same with 60 items or 10,000. */
void ui_list_item_changed(struct ui *u, size_t item)
{
	struct doc *d = &u->list;
	size_t s = u->cl->items[item].section, counts[STATUS_COUNT];
	const struct section *sec = &u->cl->sections[s];
	char progress[64];

	answers_count(u->a, sec->first_item, sec->n_items, counts);
	snprintf(progress, sizeof progress, "%zu/%zu", sec->n_items - counts[STATUS_UNANSWERED],
		 sec->n_items);
	for (size_t b = 0; b < d->n_blocks; b++) {
		const struct block *bl = &d->blocks[b];
		struct row *r = &d->rows[bl->first];
		if (bl->kind == BLOCK_SECTION && bl->ref == s)
			doc_decorate(d, bl->first, r->prefix_x, r->prefix, r->prefix_attr, progress);
		else if (bl->kind == BLOCK_ITEM && bl->ref == item)
			r->mark = (int)u->a->status[item] + 1;
	}
	if (u->notes_open)
		ui_item_build(u);
}

void ui_set_status(struct ui *u, size_t item, enum status s)
{
	char err[1024] = "";

	if (store_set_status(u->st, u->a, item, s, err, sizeof err) != 0) {
		ui_message(u, 1, "%s", err);
		return;
	}
	ui_list_item_changed(u, item);
	ui_message(u, 0, _("Item %d: %s (saved)"), u->cl->items[item].number, status_name(s));
}

static void cycle_filter(struct ui *u)
{
	int ok;
	size_t keep = ui_list_current_item(u, &ok);

	do
		u->filter = (u->filter + 1) % (int)(u->cl->n_targets + 1);
	while (u->filter && strcmp(u->cl->targets[u->filter - 1].id, "common") == 0);
	ui_list_build(u);
	ui_list_select_item(u, ok ? keep : 0);
	if (!u->filter)
		ui_message(u, 0, "%s", _("Showing every item"));
	else
		ui_message(u, 0, _("Showing the items for %s and common"),
			   text_get(&u->cl->targets[u->filter - 1].name, u->lang));
}

/* Jumps to section number n: its first item shown, its heading on top. */
static void jump_section(struct ui *u, int n)
{
	struct doc *d = &u->list;

	for (size_t b = 0; b < d->n_blocks; b++) {
		if (d->blocks[b].kind != BLOCK_SECTION || u->cl->sections[d->blocks[b].ref].number != n)
			continue;
		if (b + 1 < d->n_blocks) {
			d->top = d->blocks[b].first;
			doc_select(d, getmaxy(u->body), b + 1);
		}
		return;
	}
	ui_message(u, 1, _("No section %d is shown"), n);
}

/* Acts on what both the list and an open item do. Returns 1 if handled. */
int ui_browse_action(struct ui *u, enum action act, int key)
{
	size_t item;

	switch (act) {
	case ACT_SEARCH:
		editor_free(&u->prompt);
		editor_init(&u->prompt, NULL);
		ui_push(u, &ui_prompt_view);
		return 1;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		ui_search_next(u, act == ACT_PREV_MATCH);
		return 1;
	case ACT_UNANSWERED:
		ui_unanswered_next(u);
		return 1;
	case ACT_FILTER:
		cycle_filter(u);
		if (ui_top(u) == &ui_item_view && !ui_item_visible(u, u->item_index))
			ui_pop(u);
		return 1;
	case ACT_SECTION:
		if (ui_top(u) == &ui_item_view)
			ui_pop(u);
		jump_section(u, key - '0');
		return 1;
	case ACT_HELP:
		ui_push(u, &ui_help_view);
		return 1;
	case ACT_LANG:
		u->lang = u->lang == LANG_JA ? LANG_EN : LANG_JA;
		ui_list_build(u);
		if (u->notes_open)
			ui_item_build(u);
		ui_message(u, 0, "%s",
			   u->lang == LANG_JA
				   ? _("Checklist text in Japanese, the original")
				   : _("Checklist text in English where translated; L shows the Japanese original"));
		return 1;
	case ACT_QUIT:
		u->quit = 1;
		return 1;
	case ACT_STATUS:
		if (current_item(u, &item) && ui_can_write(u))
			ui_menu_open(u, item);
		return 1;
	default:
		return 0;
	}
}

static void list_draw(struct ui *u)
{
	doc_draw(u, &u->list, u->body);
}

static void list_key(struct ui *u, int key)
{
	enum action act = ui_key_action(key, IN_LIST);
	int ok;
	size_t item = ui_list_current_item(u, &ok);

	if (ui_browse_action(u, act, key))
		return;
	switch (act) {
	case ACT_OPEN:
		if (ok)
			ui_item_open(u, item);
		break;
	case ACT_EDIT:
		if (ok && ui_can_write(u))
			ui_editor_open(u, item, 0, NULL, 0);
		break;
	case ACT_EXTERNAL:
		if (ok && ui_can_write(u))
			ui_external_edit(u, item, 0);
		break;
	default:
		doc_scroll_actions(&u->list, getmaxy(u->body), act);
	}
}

static const char *list_hints(struct ui *u)
{
	(void)u;
	/* TRANSLATORS: the footer of the list; keep it within 79 columns. */
	return _("Enter:open s:status e:edit /:search u:unanswered f:filter ?:help q:quit");
}

const struct view ui_list_view = {IN_LIST, 0, list_draw, list_key, list_hints};
