/* ui_keys: the key bindings as data, and the help view generated from
 * them, so that what ? shows is what the keys do. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gettext.h"
#include "ui_impl.h"

#define KC UI_KEYCODE

/* TRANSLATORS: the key descriptions of the help screen (?). Keep them short:
 * they follow the key names on one line of an 80-column screen. */
const struct binding ui_bindings[] = {
	{'j', ACT_DOWN, IN_BROWSE | IN_HELP, "j  Down", N_("next line or item")},
	{KC(KEY_DOWN), ACT_DOWN, IN_BROWSE | IN_HELP, NULL, NULL},
	{UI_CTRL('n'), ACT_DOWN, IN_BROWSE | IN_HELP, NULL, NULL},
	{'k', ACT_UP, IN_BROWSE | IN_HELP, "k  Up", N_("previous line or item")},
	{KC(KEY_UP), ACT_UP, IN_BROWSE | IN_HELP, NULL, NULL},
	{UI_CTRL('p'), ACT_UP, IN_BROWSE | IN_HELP, NULL, NULL},
	{' ', ACT_PAGE_DOWN, IN_BROWSE | IN_HELP, "Space  PgDn", N_("next page")},
	{KC(KEY_NPAGE), ACT_PAGE_DOWN, IN_BROWSE | IN_HELP, NULL, NULL},
	{UI_CTRL('f'), ACT_PAGE_DOWN, IN_BROWSE | IN_HELP, NULL, NULL},
	{KC(KEY_PPAGE), ACT_PAGE_UP, IN_BROWSE | IN_HELP, "PgUp  b", N_("previous page")},
	{'b', ACT_PAGE_UP, IN_BROWSE | IN_HELP, NULL, NULL},
	{UI_CTRL('b'), ACT_PAGE_UP, IN_BROWSE | IN_HELP, NULL, NULL},
	{'g', ACT_TOP, IN_BROWSE | IN_HELP, "g  Home", N_("top")},
	{KC(KEY_HOME), ACT_TOP, IN_BROWSE | IN_HELP, NULL, NULL},
	{'G', ACT_BOTTOM, IN_BROWSE | IN_HELP, "G  End", N_("bottom")},
	{KC(KEY_END), ACT_BOTTOM, IN_BROWSE | IN_HELP, NULL, NULL},
	{'\r', ACT_OPEN, IN_BROWSE, "Enter  l  Right",
	 N_("open the item; open or fold a note; edit the answer")},
	{'\n', ACT_OPEN, IN_BROWSE, NULL, NULL},
	{KC(KEY_ENTER), ACT_OPEN, IN_BROWSE, NULL, NULL},
	{'l', ACT_OPEN, IN_BROWSE, NULL, NULL},
	{KC(KEY_RIGHT), ACT_OPEN, IN_BROWSE, NULL, NULL},
	{'h', ACT_CLOSE, IN_BROWSE | IN_HELP, "h  Left  Esc", N_("close the item or this help")},
	{KC(KEY_LEFT), ACT_CLOSE, IN_BROWSE | IN_HELP, NULL, NULL},
	{UI_ESC, ACT_CLOSE, IN_BROWSE | IN_HELP, NULL, NULL},
	{']', ACT_TAB, IN_ITEM, "]  [", N_("next or previous item, without closing")},
	{'1', ACT_SECTION, IN_BROWSE, "1-9", N_("go to that section")},
	{'2', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'3', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'4', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'5', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'6', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'7', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'8', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'9', ACT_SECTION, IN_BROWSE, NULL, NULL},
	{'/', ACT_SEARCH, IN_BROWSE, "/",
	 N_("search goals, methods, notes and answers")},
	{'n', ACT_NEXT_MATCH, IN_BROWSE, "n  N", N_("next or previous match")},
	{'N', ACT_PREV_MATCH, IN_BROWSE, NULL, NULL},
	{'u', ACT_UNANSWERED, IN_BROWSE, "u", N_("next unanswered item")},
	{'f', ACT_FILTER, IN_BROWSE, "f",
	 N_("filter by target: all, each target with common")},
	{'s', ACT_STATUS, IN_BROWSE, "s", N_("set the status (then 1-5)")},
	{'e', ACT_EDIT, IN_BROWSE, "e", N_("edit the answer here (the first answer on an item)")},
	{'E', ACT_EXTERNAL, IN_BROWSE, "E", N_("edit it in $VISUAL or $EDITOR")},
	{'o', ACT_NOTES, IN_ITEM, "o", N_("open or fold all notes")},
	{'L', ACT_LANG, IN_BROWSE, "L",
	 N_("checklist text in Japanese or English (the Japanese is the original)")},
	{'J', ACT_ORIGINAL, IN_ITEM, "J",
	 N_("show the Japanese original under each English text of the item")},
	{'?', ACT_HELP, IN_BROWSE | IN_HELP, "?", N_("this help")},
	{'q', ACT_QUIT, IN_BROWSE | IN_HELP, "q", N_("quit (every answer is already saved)")},
	{UI_CTRL('c'), ACT_QUIT, IN_BROWSE | IN_HELP, NULL, NULL},
	{UI_CTRL('l'), ACT_REDRAW, IN_BROWSE | IN_HELP, "Ctrl-L", N_("redraw the screen")},
	/* The editor's keys, for the help only. */
	{0, ACT_NONE, IN_EDITOR, "Ctrl-X", N_("save the answer and close the editor")},
	{0, ACT_NONE, IN_EDITOR, "Esc", N_("close the editor (asks first if the text changed)")},
	{0, ACT_NONE, IN_EDITOR, "Enter", N_("new line")},
	{0, ACT_NONE, IN_EDITOR, "Home  Ctrl-A", N_("start of the line")},
	{0, ACT_NONE, IN_EDITOR, "End  Ctrl-E", N_("end of the line")},
	{0, ACT_NONE, IN_EDITOR, "Ctrl-K", N_("delete to the end of the line")},
	{0, ACT_NONE, IN_EDITOR, "Ctrl-U", N_("delete to the start of the line")},
};

const size_t ui_n_bindings = sizeof ui_bindings / sizeof ui_bindings[0];

enum action ui_key_action(int key, int where)
{
	if (key == '[' && (where & IN_ITEM))
		return ACT_TAB;
	for (size_t i = 0; i < ui_n_bindings; i++)
		if (ui_bindings[i].key == key && (ui_bindings[i].where & where))
			return ui_bindings[i].action;
	return ACT_NONE;
}

static void help_group(struct ui *u, const char *title, int where)
{
	char line[512];

	doc_block(&u->help, BLOCK_TEXT, 0, 0);
	doc_text(&u->help, 1, title, ATTR_HEADING);
	for (size_t i = 0; i < ui_n_bindings; i++) {
		const struct binding *b = &ui_bindings[i];
		if (!b->name || !(b->where & where) || (where != IN_EDITOR && b->where == IN_HELP))
			continue;
		if (where == IN_ITEM && (b->where & IN_LIST))
			continue;
		snprintf(line, sizeof line, "%s", _(b->help));
		doc_block(&u->help, BLOCK_TEXT, 0, 0);
		size_t r = doc_text(&u->help, 21, line, ATTR_NORMAL);
		doc_decorate(&u->help, r, 3, b->name, ATTR_BOLD, NULL);
	}
	doc_block(&u->help, BLOCK_TEXT, 0, 0);
	doc_text(&u->help, 0, "", ATTR_NORMAL);
}

void ui_help_build(struct ui *u)
{
	char marks[512], m[4];

	doc_clear(&u->help);
	u->help.width = u->cols;
	help_group(u, _("Lists and items"), IN_LIST);
	help_group(u, _("In an item"), IN_ITEM);
	help_group(u, _("In the editor"), IN_EDITOR);
	doc_block(&u->help, BLOCK_TEXT, 0, 0);
	doc_text(&u->help, 1, _("Status marks"), ATTR_HEADING);
	for (int s = 0; s < STATUS_COUNT; s++) {
		status_mark((enum status)s, m);
		snprintf(marks, sizeof marks, "%s", status_name((enum status)s));
		doc_block(&u->help, BLOCK_TEXT, 0, 0);
		size_t r = doc_text(&u->help, 21, marks, ATTR_NORMAL);
		doc_decorate(&u->help, r, 3, m, ATTR_STATUS + s, NULL);
	}
}

static void help_draw(struct ui *u)
{
	doc_draw(u, &u->help, u->body);
}

static void help_key(struct ui *u, int key)
{
	enum action act = ui_key_action(key, IN_HELP);

	switch (act) {
	case ACT_CLOSE:
	case ACT_HELP:
	case ACT_QUIT:
		ui_pop(u);
		break;
	default:
		doc_scroll_rows(&u->help, getmaxy(u->body), act);
	}
}

static const char *help_hints(struct ui *u)
{
	(void)u;
	return _("q Esc ?:close  j k Space:scroll");
}

const struct view ui_help_view = {IN_HELP, 0, help_draw, help_key, help_hints};
