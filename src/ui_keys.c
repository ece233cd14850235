/* ui_keys: the key bindings as data. Every key of every view, dialog and
 * the editor is a row here, so that the help (ui_help.c), generated from
 * this table, shows what the keys do. */
#include "config.h"

#include <curses.h>

#include "gettext.h"
#include "ui_keys.h"

#define KC UI_KEYCODE

/* TRANSLATORS: the key descriptions of the help screen (?). Keep them short:
 * they follow the key names on one line of an 80-column screen. */
const struct binding ui_bindings[] = {
	/* Lists and items */
	{'j', ACT_DOWN, IN_BROWSE | IN_HELP | IN_FILES, 0, "j  Down", N_("next line or item")},
	{KC(KEY_DOWN), ACT_DOWN, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{UI_CTRL('n'), ACT_DOWN, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{'k', ACT_UP, IN_BROWSE | IN_HELP | IN_FILES, 0, "k  Up", N_("previous line or item")},
	{KC(KEY_UP), ACT_UP, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{UI_CTRL('p'), ACT_UP, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{KC(KEY_NPAGE), ACT_PAGE_DOWN, IN_BROWSE | IN_HELP | IN_FILES, 0, "PgDn  Ctrl-F",
	 N_("next page")},
	{UI_CTRL('f'), ACT_PAGE_DOWN, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	/* Space marks in the list (below); it pages where nothing is marked. */
	{' ', ACT_PAGE_DOWN, IN_ITEM | IN_HELP, 0, "Space", N_("next page")},
	{KC(KEY_PPAGE), ACT_PAGE_UP, IN_BROWSE | IN_HELP | IN_FILES, 0, "PgUp  b",
	 N_("previous page")},
	{'b', ACT_PAGE_UP, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{UI_CTRL('b'), ACT_PAGE_UP, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{'g', ACT_TOP, IN_BROWSE | IN_HELP | IN_FILES, 0, "g  Home", N_("top")},
	{KC(KEY_HOME), ACT_TOP, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{'G', ACT_BOTTOM, IN_BROWSE | IN_HELP | IN_FILES, 0, "G  End", N_("bottom")},
	{KC(KEY_END), ACT_BOTTOM, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{'\r', ACT_OPEN, IN_BROWSE, 0, "Enter  l  Right",
	 N_("open the item; open or fold a note; edit the answer")},
	{'\n', ACT_OPEN, IN_BROWSE, 0, NULL, NULL},
	{KC(KEY_ENTER), ACT_OPEN, IN_BROWSE, 0, NULL, NULL},
	{'l', ACT_OPEN, IN_BROWSE, 0, NULL, NULL},
	{KC(KEY_RIGHT), ACT_OPEN, IN_BROWSE, 0, NULL, NULL},
	/* The files view of tenken DIR */
	{'\r', ACT_OPEN, IN_FILES, 0, "Enter  l  Right",
	 N_("open the answer file in the interface; q there comes back here")},
	{'\n', ACT_OPEN, IN_FILES, 0, NULL, NULL},
	{KC(KEY_ENTER), ACT_OPEN, IN_FILES, 0, NULL, NULL},
	{'l', ACT_OPEN, IN_FILES, 0, NULL, NULL},
	{KC(KEY_RIGHT), ACT_OPEN, IN_FILES, 0, NULL, NULL},
	{'h', ACT_CLOSE, IN_BROWSE | IN_HELP, 0, "h  Left  Esc", N_("close the item or this help")},
	{KC(KEY_LEFT), ACT_CLOSE, IN_BROWSE | IN_HELP, 0, NULL, NULL},
	{UI_ESC, ACT_CLOSE, IN_BROWSE | IN_HELP, 0, NULL, NULL},
	{']', ACT_NEXT_ITEM, IN_ITEM, 0, "]", N_("next item, without closing this one")},
	{'[', ACT_PREV_ITEM, IN_ITEM, 0, "[", N_("previous item, without closing this one")},
	{'1', ACT_SECTION, IN_BROWSE, 0, "1-9", N_("go to that section")},
	{'2', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'3', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'4', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'5', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'6', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'7', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'8', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'9', ACT_SECTION, IN_BROWSE, 0, NULL, NULL},
	{'/', ACT_SEARCH, IN_BROWSE, 0, "/", N_("search everything an item shows")},
	{'n', ACT_NEXT_MATCH, IN_BROWSE, 0, "n", N_("next match")},
	{'N', ACT_PREV_MATCH, IN_BROWSE, 0, "N", N_("previous match")},
	{'u', ACT_UNANSWERED, IN_BROWSE, 0, "u", N_("next unanswered item")},
	{'f', ACT_FILTER, IN_BROWSE, 0, "f", N_("filter by target: all, each target with common")},
	{' ', ACT_MARK, IN_LIST, 0, "Space  m",
	 N_("mark or unmark the item and go to the next; s then sets every marked item")},
	{'m', ACT_MARK, IN_BROWSE, 0, NULL, NULL},
	{'s', ACT_STATUS, IN_BROWSE, NEEDS_WRITE, "s",
	 N_("set the status (then 1-5), of every marked item if any")},
	{'v', ACT_VERDICT, IN_BROWSE, NEEDS_WRITE, "v",
	 N_("the review's verdict on the item (then 1-4: none, 確認済, 要確認, 指摘あり)")},
	{'c', ACT_COMMENT, IN_BROWSE, NEEDS_WRITE, "c",
	 N_("add a comment to the item's review thread (one line; Enter adds it)")},
	{'U', ACT_UNDO, IN_BROWSE, NEEDS_WRITE, "U",
	 N_("undo your last change, a bulk status whole; U again redoes it")},
	{'e', ACT_EDIT, IN_BROWSE, NEEDS_WRITE, "e",
	 N_("edit the answer here (the first answer on an item)")},
	{'E', ACT_EXTERNAL, IN_BROWSE, NEEDS_WRITE, "E", N_("edit it in $VISUAL or $EDITOR")},
	{'C', ACT_COPY_LAST, IN_ITEM, NEEDS_WRITE, "C",
	 N_("copy last year's answer or status here (--compare)")},
	{'x', ACT_EXPORT, IN_BROWSE, 0, "x",
	 N_("export: the workbook or CSV for the bank, or a report")},
	{'D', ACT_NOT_ASKED, IN_BROWSE, 0, "D",
	 N_("show or hide the items a bank's overlay does not ask, with its reasons")},
	{'H', ACT_HISTORY, IN_BROWSE, 0, "H",
	 N_("the item's history: who changed what, when, newest first")},
	{'o', ACT_NOTES, IN_ITEM, 0, "o", N_("open or fold all notes")},
	{'L', ACT_LANG, IN_BROWSE, 0, "L",
	 N_("checklist text in Japanese or English (the Japanese is the original)")},
	{'J', ACT_ORIGINAL, IN_ITEM, 0, "J",
	 N_("show the Japanese original under each English text of the item")},
	{'?', ACT_HELP, IN_BROWSE | IN_HELP | IN_FILES, 0, "?", N_("this help")},
	{'q', ACT_QUIT, IN_BROWSE | IN_HELP | IN_FILES, 0, "q",
	 N_("quit (every answer is already saved)")},
	{UI_CTRL('c'), ACT_QUIT, IN_BROWSE | IN_HELP | IN_FILES, 0, NULL, NULL},
	{UI_CTRL('l'), ACT_REDRAW,
	 IN_BROWSE | IN_HELP | IN_EDITOR | IN_PROMPT | IN_MENU | IN_CONFIRM | IN_RECOVER |
		 IN_CONFLICT | IN_EXPORT | IN_FILES,
	 0, "Ctrl-L", N_("redraw the screen")},

	/* The editor */
	{UI_CTRL('x'), ACT_SAVE, IN_EDITOR, 0, "Ctrl-X",
	 N_("save the answer and close the editor")},
	{UI_ESC, ACT_CANCEL, IN_EDITOR, 0, "Esc  Ctrl-C",
	 N_("close the editor (asks first if the text changed)")},
	{UI_CTRL('c'), ACT_CANCEL, IN_EDITOR, 0, NULL, NULL},
	{'\r', ACT_NEWLINE, IN_EDITOR, 0, "Enter", N_("new line")},
	{'\n', ACT_NEWLINE, IN_EDITOR, 0, NULL, NULL},
	{KC(KEY_ENTER), ACT_NEWLINE, IN_EDITOR, 0, NULL, NULL},
	{KC(KEY_BACKSPACE), ACT_BACKSPACE, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, "BS  Ctrl-H",
	 N_("delete the character before the cursor")},
	{0x7f, ACT_BACKSPACE, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, NULL, NULL},
	{UI_CTRL('h'), ACT_BACKSPACE, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, NULL, NULL},
	{KC(KEY_DC), ACT_DELETE, IN_EDITOR, 0, "Del  Ctrl-D",
	 N_("delete the character under the cursor")},
	{UI_CTRL('d'), ACT_DELETE, IN_EDITOR, 0, NULL, NULL},
	{KC(KEY_LEFT), ACT_LEFT, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, "Left  Ctrl-B",
	 N_("previous character")},
	{UI_CTRL('b'), ACT_LEFT, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, NULL, NULL},
	{KC(KEY_RIGHT), ACT_RIGHT, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, "Right  Ctrl-F",
	 N_("next character")},
	{UI_CTRL('f'), ACT_RIGHT, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, NULL, NULL},
	{KC(KEY_UP), ACT_UP, IN_EDITOR, 0, "Up  Ctrl-P", N_("previous row")},
	{UI_CTRL('p'), ACT_UP, IN_EDITOR, 0, NULL, NULL},
	{KC(KEY_DOWN), ACT_DOWN, IN_EDITOR, 0, "Down  Ctrl-N", N_("next row")},
	{UI_CTRL('n'), ACT_DOWN, IN_EDITOR, 0, NULL, NULL},
	{KC(KEY_HOME), ACT_LINE_START, IN_EDITOR, 0, "Home  Ctrl-A", N_("start of the line")},
	{UI_CTRL('a'), ACT_LINE_START, IN_EDITOR, 0, NULL, NULL},
	{KC(KEY_END), ACT_LINE_END, IN_EDITOR, 0, "End  Ctrl-E", N_("end of the line")},
	{UI_CTRL('e'), ACT_LINE_END, IN_EDITOR, 0, NULL, NULL},
	{UI_CTRL('k'), ACT_KILL_TO_END, IN_EDITOR, 0, "Ctrl-K",
	 N_("delete to the end of the line")},
	{UI_CTRL('u'), ACT_KILL_TO_START, IN_EDITOR | IN_PROMPT | IN_EXPORT, 0, "Ctrl-U",
	 N_("delete to the start of the line")},

	/* The search prompt */
	{'\r', ACT_ACCEPT, IN_PROMPT, 0, "Enter", N_("search (an empty search repeats the last)")},
	{'\n', ACT_ACCEPT, IN_PROMPT, 0, NULL, NULL},
	{KC(KEY_ENTER), ACT_ACCEPT, IN_PROMPT, 0, NULL, NULL},
	{UI_ESC, ACT_CANCEL, IN_PROMPT, 0, "Esc  Ctrl-C", N_("cancel")},
	{UI_CTRL('c'), ACT_CANCEL, IN_PROMPT, 0, NULL, NULL},

	/* The status menu */
	{'1', ACT_CHOOSE, IN_MENU, 0, "1-5", N_("set that status")},
	{'2', ACT_CHOOSE, IN_MENU, 0, NULL, NULL},
	{'3', ACT_CHOOSE, IN_MENU, 0, NULL, NULL},
	{'4', ACT_CHOOSE, IN_MENU, 0, NULL, NULL},
	{'5', ACT_CHOOSE, IN_MENU, 0, NULL, NULL},
	{'j', ACT_DOWN, IN_MENU, 0, "j  Down", N_("choose the next status")},
	{KC(KEY_DOWN), ACT_DOWN, IN_MENU, 0, NULL, NULL},
	{'k', ACT_UP, IN_MENU, 0, "k  Up", N_("choose the previous status")},
	{KC(KEY_UP), ACT_UP, IN_MENU, 0, NULL, NULL},
	{'\r', ACT_ACCEPT, IN_MENU, 0, "Enter", N_("set the chosen status")},
	{'\n', ACT_ACCEPT, IN_MENU, 0, NULL, NULL},
	{KC(KEY_ENTER), ACT_ACCEPT, IN_MENU, 0, NULL, NULL},
	{UI_ESC, ACT_CANCEL, IN_MENU, 0, "Esc  q  h  Left", N_("cancel")},
	{'q', ACT_CANCEL, IN_MENU, 0, NULL, NULL},
	{'h', ACT_CANCEL, IN_MENU, 0, NULL, NULL},
	{UI_CTRL('c'), ACT_CANCEL, IN_MENU, 0, NULL, NULL},
	{KC(KEY_LEFT), ACT_CANCEL, IN_MENU, 0, NULL, NULL},

	/* Dropping changed text */
	{'y', ACT_YES, IN_CONFIRM, 0, "y", N_("drop the changes")},
	{'Y', ACT_YES, IN_CONFIRM, 0, NULL, NULL},
	{'n', ACT_NO, IN_CONFIRM, 0, "n  Esc", N_("keep editing")},
	{'N', ACT_NO, IN_CONFIRM, 0, NULL, NULL},
	{UI_ESC, ACT_NO, IN_CONFIRM, 0, NULL, NULL},
	{UI_CTRL('c'), ACT_NO, IN_CONFIRM, 0, NULL, NULL},

	/* Drafts found at start */
	{'t', ACT_TAKE, IN_RECOVER, 0, "t  Enter", N_("take the draft into the editor")},
	{'\r', ACT_TAKE, IN_RECOVER, 0, NULL, NULL},
	{'\n', ACT_TAKE, IN_RECOVER, 0, NULL, NULL},
	{'d', ACT_DROP, IN_RECOVER, 0, "d", N_("drop the draft")},
	{UI_ESC, ACT_LATER, IN_RECOVER, 0, "Esc  q", N_("keep the drafts for the next start")},
	{'q', ACT_LATER, IN_RECOVER, 0, NULL, NULL},

	/* The export dialog */
	{KC(KEY_DOWN), ACT_DOWN, IN_EXPORT, 0, "Down  Tab", N_("the next format")},
	{'\t', ACT_DOWN, IN_EXPORT, 0, NULL, NULL},
	{KC(KEY_UP), ACT_UP, IN_EXPORT, 0, "Up", N_("the previous format")},
	{'\r', ACT_ACCEPT, IN_EXPORT, 0, "Enter", N_("export to the file named")},
	{'\n', ACT_ACCEPT, IN_EXPORT, 0, NULL, NULL},
	{KC(KEY_ENTER), ACT_ACCEPT, IN_EXPORT, 0, NULL, NULL},
	{UI_ESC, ACT_CANCEL, IN_EXPORT, 0, "Esc  Ctrl-C", N_("cancel")},
	{UI_CTRL('c'), ACT_CANCEL, IN_EXPORT, 0, NULL, NULL},

	/* The answer changed in the file while it was edited */
	{'m', ACT_KEEP_MINE, IN_CONFLICT, 0, "m", N_("save yours over theirs")},
	{'t', ACT_TAKE_THEIRS, IN_CONFLICT, 0, "t", N_("take theirs and drop yours")},
	{'e', ACT_MERGE, IN_CONFLICT, 0, "e", N_("edit the two together")},
	{UI_ESC, ACT_CANCEL, IN_CONFLICT, 0, "Esc", N_("back to editing yours")},
};

const size_t ui_n_bindings = sizeof ui_bindings / sizeof ui_bindings[0];

const struct help_group ui_help_groups[] = {
	{N_("Lists and items"), IN_LIST},
	{N_("In an item"), IN_ITEM},
	{N_("In the editor"), IN_EDITOR},
	{N_("In the search prompt"), IN_PROMPT},
	{N_("In the status menu"), IN_MENU},
	{N_("When asked to drop changed text"), IN_CONFIRM},
	{N_("When drafts are found"), IN_RECOVER},
	{N_("When an answer changed while you edited it"), IN_CONFLICT},
	{N_("In the export dialog"), IN_EXPORT},
};

const size_t ui_n_help_groups = sizeof ui_help_groups / sizeof ui_help_groups[0];

const struct binding *ui_binding(int key, int where)
{
	for (size_t i = 0; i < ui_n_bindings; i++)
		if (ui_bindings[i].key == key && (ui_bindings[i].where & where))
			return &ui_bindings[i];
	return NULL;
}
