/* ui_menu: the status menu over the view below: the five statuses with
 * their marks, chosen by number, or by j/k and Enter; and the same for the
 * review's four verdicts. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"
#include "textwidth.h"
#include "ui_view.h"

struct menu_state {
	WINDOW *w;
	size_t item;
	int choice;
	int marked;  /* the items marked: the status is for them all */
	int verdict; /* the menu of the review's verdict, not of the status */
};

/* The number of choices the menu offers. */
static int choices(const struct menu_state *m)
{
	return m->verdict ? VERDICT_COUNT : STATUS_COUNT;
}

static void *menu_open(struct ui *u, const struct request *req)
{
	struct menu_state *m = calloc(1, sizeof *m);

	if (m) {
		m->item = req->item;
		m->verdict = req->type == REQ_VERDICT_MENU;
		m->choice =
			m->verdict ? (int)u->a->verdict[req->item] : (int)u->a->status[req->item];
		m->marked = m->verdict ? 0 : req->number;
	}
	return m;
}

static void menu_close(struct ui *u, void *state)
{
	struct menu_state *m = state;

	(void)u;
	if (m->w)
		delwin(m->w);
	free(m);
}

static void menu_title(const struct ui *u, const struct menu_state *m, char *out, size_t len)
{
	if (m->verdict)
		snprintf(out, len, _("Review verdict of item %s"), u->cl->items[m->item].label);
	else if (m->marked)
		snprintf(out, len,
			 ngettext("Status of %d marked item", "Status of %d marked items",
				  (unsigned long)m->marked),
			 m->marked);
	else
		snprintf(out, len, _("Status of item %s"), u->cl->items[m->item].label);
}

static void menu_layout(struct ui *u, void *state)
{
	struct menu_state *m = state;
	char title[128];
	int w = 36;

	menu_title(u, m, title, sizeof title);
	if ((int)textwidth_str(title) + 4 > w)
		w = (int)textwidth_str(title) + 4;
	if (m->w)
		delwin(m->w);
	m->w = ui_dialog_window(u, w, choices(m) + 4);
}

static void menu_draw(struct ui *u, void *state)
{
	struct menu_state *m = state;
	char title[128], num[8], mark[4];
	int w = getmaxx(m->w);

	werase(m->w);
	ui_box(m->w);
	menu_title(u, m, title, sizeof title);
	ui_put(m->w, 1, 2, title, strlen(title), w - 4, A_BOLD);
	for (int s = 0; s < choices(m); s++) {
		char shown[128];
		const char *name = m->verdict ? verdict_shown((enum verdict)s, shown, sizeof shown)
					      : status_name((enum status)s);
		int sel = s == m->choice ? A_REVERSE : 0;
		if (m->verdict)
			mark[0] = '\0';
		else
			status_mark((enum status)s, mark);
		snprintf(num, sizeof num, "%d ", s + 1);
		if (sel) {
			wattrset(m->w, A_REVERSE);
			mvwhline(m->w, 2 + s, 1, ' ', w - 2);
		}
		ui_put(m->w, 2 + s, 2, num, strlen(num), 2, sel);
		if (m->verdict) {
			ui_put(m->w, 2 + s, 4, name, strlen(name), w - 6, sel);
			continue;
		}
		ui_put(m->w, 2 + s, 4, mark, 3, 3, u->attrs[ATTR_STATUS + s] | sel);
		ui_put(m->w, 2 + s, 8, name, strlen(name), w - 10, sel);
	}
	wnoutrefresh(m->w);
}

static int menu_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct menu_state *m = state;

	(void)u;
	switch (act) {
	case ACT_DOWN:
		m->choice = (m->choice + 1) % choices(m);
		return UI_HANDLED | UI_REDRAW;
	case ACT_UP:
		m->choice = (m->choice + choices(m) - 1) % choices(m);
		return UI_HANDLED | UI_REDRAW;
	case ACT_CHOOSE:
		if (key - '1' >= choices(m))
			return UI_HANDLED;
		m->choice = key - '1';
		/* fall through */
	case ACT_ACCEPT:
		req->type = m->verdict ? REQ_SET_VERDICT : REQ_SET_STATUS;
		req->item = m->item;
		req->number = m->choice;
		return UI_HANDLED | UI_CLOSE;
	case ACT_CANCEL:
		return UI_HANDLED | UI_CLOSE;
	default:
		return UI_HANDLED; /* the menu keeps the keys from the view below */
	}
}

static const char *menu_hints(struct ui *u, void *state)
{
	(void)u;
	return ((struct menu_state *)state)->verdict
		       ? _("1-4:set  j k:choose  Enter:set  Esc:cancel")
		       : _("1-5:set  j k:choose  Enter:set  Esc:cancel");
}

const struct view_ops ui_menu_ops = {
	.name = "status menu",
	.where = IN_MENU,
	.flags = VIEW_OVERLAY,
	.open = menu_open,
	.close = menu_close,
	.layout = menu_layout,
	.draw = menu_draw,
	.key = menu_key,
	.hints = menu_hints,
};
