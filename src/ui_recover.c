/* ui_recover: at start, each draft that a dropped connection left behind,
 * offered back: take it into the editor, drop it, or keep it for later. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "store.h"
#include "textwidth.h"
#include "timefmt.h"
#include "ui_view.h"

struct recover_state {
	WINDOW *w;
	struct store_draft *drafts;
	size_t n, at;
};

static void *recover_open(struct ui *u, const struct request *req)
{
	struct recover_state *r = calloc(1, sizeof *r);

	(void)req;
	if (!r)
		return NULL;
	if (u->st)
		r->drafts = store_drafts(u->st, &r->n);
	if (!r->n) {
		free(r);
		return NULL;
	}
	return r;
}

static void recover_close(struct ui *u, void *state)
{
	struct recover_state *r = state;

	(void)u;
	if (r->w)
		delwin(r->w);
	store_drafts_free(r->drafts, r->n);
	free(r);
}

static void recover_layout(struct ui *u, void *state)
{
	struct recover_state *r = state;

	if (r->w)
		delwin(r->w);
	r->w = ui_dialog_window(u, u->cols - 4 < 72 ? u->cols - 4 : 72, 12);
}

/* The draft's text, its first four rows. */
static void draw_text(struct recover_state *r, const char *text, int w)
{
	struct textwidth_line lines[4];
	char *clean = textwidth_sanitize(text);
	size_t n = clean ? textwidth_wrap(clean, w - 6, lines, 4) : 0;

	for (size_t k = 0; k < n && k < 4; k++)
		ui_put(r->w, 4 + (int)k, 3, clean + lines[k].start, lines[k].len, w - 6, A_DIM);
	if (n > 4)
		ui_put(r->w, 8, 3, "...", 3, 3, A_DIM);
	free(clean);
}

static void recover_draw(struct ui *u, void *state)
{
	struct recover_state *r = state;
	const struct store_draft *d = &r->drafts[r->at];
	const struct item *it = &u->cl->items[d->item];
	int w = getmaxx(r->w), h = getmaxy(r->w);
	char line[512], when[64];

	werase(r->w);
	ui_box(r->w);
	/* TRANSLATORS: offered, not yet taken: 下書きがあります. */
	snprintf(line, sizeof line, _("A draft is waiting (%zu of %zu)"), r->at + 1, r->n);
	ui_put(r->w, 1, 2, line, strlen(line), w - 4, A_BOLD);
	/* TRANSLATORS: item number, answer column, and when the draft was
	   kept, in local time with the zone (2026-12-02 03:54 JST). */
	snprintf(line, sizeof line, _("Item %s, %s, kept %s"), it->label,
		 text_get(&u->cl->columns[d->column].name, u->lang),
		 timefmt_local(d->time, when, sizeof when));
	ui_put(r->w, 2, 2, line, strlen(line), w - 4, A_NORMAL);
	draw_text(r, d->text, w);
	snprintf(line, sizeof line, "%s",
		 _("t: take it into the editor   d: drop it   Esc: later"));
	ui_put(r->w, h - 2, 2, line, strlen(line), w - 4, A_BOLD);
	wnoutrefresh(r->w);
}

/* On to the next draft; closes after the last. */
static int next_draft(struct recover_state *r)
{
	return ++r->at >= r->n ? UI_HANDLED | UI_CLOSE : UI_HANDLED | UI_REDRAW;
}

static int recover_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct recover_state *r = state;
	const struct store_draft *d = &r->drafts[r->at];
	char err[512] = "";

	(void)key;
	switch (act) {
	case ACT_TAKE:
		req->type = REQ_EDIT;
		req->item = d->item;
		req->column = d->column;
		req->text = d->text;
		req->modified = 1;
		req->draft = d;
		return next_draft(r);
	case ACT_DROP:
		if (store_forget_draft(u->st, d, err, sizeof err) != 0)
			ui_message(u, 1, "%s", err);
		else
			ui_message(u, 0, "%s", _("The draft was dropped."));
		return next_draft(r);
	case ACT_LATER:
		ui_message(u, 0, "%s", _("The drafts are kept for the next start."));
		return UI_HANDLED | UI_CLOSE;
	default:
		return UI_HANDLED;
	}
}

static const char *recover_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	return _("t:take  d:drop  Esc:later");
}

const struct view_ops ui_recover_ops = {
	.name = "drafts",
	.where = IN_RECOVER,
	.flags = VIEW_OVERLAY,
	.open = recover_open,
	.close = recover_close,
	.layout = recover_layout,
	.draw = recover_draw,
	.key = recover_key,
	.hints = recover_hints,
};
