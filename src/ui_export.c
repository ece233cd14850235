/* ui_export: the export dialog (x): a format -- the workbook or the CSV in
 * the official form, or a report in HTML or Markdown -- and a file name,
 * proposed from the checklist and the date and editable; an existing file
 * is not replaced without asking. Says where the file went. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "editor.h"
#include "export_file.h"
#include "gettext.h"
#include "textwidth.h"
#include "ui_view.h"

/* The formats offered, in order, with what each is. */
static const struct {
	const char *format;
	const char *what; /* N_() */
} choices[] = {
	{"xlsx", N_("Workbook in the official form (Excel, LibreOffice)")},
	{"csv", N_("CSV in the official form")},
	{"html", N_("Report to read (HTML)")},
	{"md", N_("Report to read (Markdown)")},
};

enum { N_CHOICES = sizeof choices / sizeof choices[0], NAME_MAX_CHARS = 240 };

struct export_state {
	WINDOW *w;
	size_t choice;
	struct editor name;
	char question[PATH_MAX + 128]; /* while asking whether to replace a file */
};

/* Proposes CHECKLIST-YYYY-MM-DD.EXT in the current directory. */
static void propose(struct ui *u, struct export_state *x)
{
	char name[256], date[16] = "";
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm))
		strftime(date, sizeof date, "%Y-%m-%d", &tm);
	snprintf(name, sizeof name, "%s-%s.%s", u->cl->id, date, choices[x->choice].format);
	editor_free(&x->name);
	editor_init(&x->name, name);
}

/* Changes the format, and the name's extension with it. */
static void choose(struct ui *u, struct export_state *x, size_t choice)
{
	char *name = editor_text(&x->name), *dot, fixed[PATH_MAX];

	x->choice = choice;
	if (!name)
		return;
	dot = strrchr(name, '.');
	if (dot && strchr(dot, '/') == NULL)
		*dot = '\0';
	if (*name) {
		snprintf(fixed, sizeof fixed, "%s.%s", name, choices[choice].format);
		editor_free(&x->name);
		editor_init(&x->name, fixed);
	} else {
		propose(u, x);
	}
	free(name);
}

static void *export_open(struct ui *u, const struct request *req)
{
	struct export_state *x = calloc(1, sizeof *x);

	(void)req;
	if (x)
		propose(u, x);
	return x;
}

static void export_close(struct ui *u, void *state)
{
	struct export_state *x = state;

	(void)u;
	if (x->w)
		delwin(x->w);
	editor_free(&x->name);
	free(x);
}

static void export_layout(struct ui *u, void *state)
{
	struct export_state *x = state;

	if (x->w)
		delwin(x->w);
	x->w = ui_dialog_window(u, u->cols - 4 < 72 ? u->cols - 4 : 72, N_CHOICES + 7);
	leaveok(x->w, FALSE);
}

static void export_draw(struct ui *u, void *state)
{
	struct export_state *x = state;
	int w = getmaxx(x->w), y = 1, col;
	char *name = editor_text(&x->name), line[512];
	const char *shown;
	size_t row;

	(void)u;
	werase(x->w);
	ui_box(x->w);
	snprintf(line, sizeof line, "%s", _("Export the checklist and its answers"));
	ui_put(x->w, y++, 2, line, strlen(line), w - 4, A_BOLD);
	y++;
	for (size_t k = 0; k < N_CHOICES; k++, y++) {
		int sel = k == x->choice ? A_REVERSE : 0;
		snprintf(line, sizeof line, "%-5s %s", choices[k].format, _(choices[k].what));
		if (sel) {
			wattrset(x->w, A_REVERSE);
			mvwhline(x->w, y, 1, ' ', w - 2);
		}
		ui_put(x->w, y, 2, line, strlen(line), w - 4, sel);
	}
	y++;
	snprintf(line, sizeof line, "%s", _("File: "));
	col = ui_put(x->w, y, 2, line, strlen(line), w - 4, A_BOLD);
	/* The end of a name longer than the line. */
	shown = name ? name : "";
	while ((int)textwidth_str(shown) > w - 5 - col) {
		uint32_t cp;
		shown += textwidth_decode(shown, strlen(shown), &cp);
	}
	ui_put(x->w, y, 2 + col, shown, strlen(shown), w - 4 - col, A_NORMAL);
	editor_cursor_pos(&x->name, 1 << 20, &row, &col);
	{
		int hidden = name ? (int)textwidth_str(name) - (int)textwidth_str(shown) : 0;
		int c = col - hidden;
		wmove(x->w, y, 2 + (int)textwidth_str(_("File: ")) + (c > 0 ? c : 0));
	}
	free(name);
	wnoutrefresh(x->w);
}

/* Writes the export to the file named; says where it went. */
static int write_it(struct ui *u, struct export_state *x)
{
	struct export_job job = {u->cl, u->a, u->o->st, u->o->path, LANG_JA, u->lang, {-1, 0}, 0};
	char *name = editor_text(&x->name), path[PATH_MAX], err[1024];

	if (!name || !*name) {
		free(name);
		ui_message(u, 1, "%s", _("Give the file a name."));
		return UI_HANDLED | UI_REDRAW;
	}
	if (name[0] == '/' || !getcwd(path, sizeof path))
		snprintf(path, sizeof path, "%s", name);
	else
		snprintf(path + strlen(path), sizeof path - strlen(path), "/%s", name);
	free(name);
	if (export_to_path(choices[x->choice].format, &job, path, err, sizeof err) != 0) {
		ui_message(u, 1, "%s", err);
		return UI_HANDLED | UI_REDRAW;
	}
	ui_message(u, 0, _("Exported: %s"), path);
	return UI_HANDLED | UI_CLOSE;
}

/* Enter: the file, unless it exists and replacing it has not been said. */
static int accept(struct ui *u, struct export_state *x, enum action act, struct request *req)
{
	char *name = editor_text(&x->name);
	int exists = name && *name && access(name, F_OK) == 0;

	if (exists && act != ACT_YES) {
		/* TRANSLATORS: the file's name, then the keys. */
		snprintf(x->question, sizeof x->question,
			 _("%s exists: replace it? y: replace  n: keep it"), name);
		free(name);
		req->type = REQ_CONFIRM;
		req->text = x->question;
		return UI_HANDLED;
	}
	free(name);
	return write_it(u, x);
}

static int export_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	struct export_state *x = state;

	switch (act) {
	case ACT_DOWN:
		choose(u, x, (x->choice + 1) % N_CHOICES);
		break;
	case ACT_UP:
		choose(u, x, (x->choice + N_CHOICES - 1) % N_CHOICES);
		break;
	case ACT_ACCEPT:
	case ACT_YES:
		return accept(u, x, act, req);
	case ACT_CANCEL:
		return UI_HANDLED | UI_CLOSE;
	case ACT_BACKSPACE:
		editor_backspace(&x->name);
		break;
	case ACT_LEFT:
		editor_left(&x->name);
		break;
	case ACT_RIGHT:
		editor_right(&x->name);
		break;
	case ACT_KILL_TO_START:
		editor_kill_to_start(&x->name);
		break;
	default:
		if (key < UI_KEYCODE(0) && textwidth_kind((uint32_t)key) == TEXTWIDTH_TEXT &&
		    x->name.len < NAME_MAX_CHARS)
			editor_insert(&x->name, (wchar_t)key);
	}
	return UI_HANDLED | UI_REDRAW;
}

static const char *export_hints(struct ui *u, void *state)
{
	(void)u;
	(void)state;
	/* TRANSLATORS: the footer of the export dialog; keep it within 79 columns. */
	return _("Up Down:format  type the file's name  Enter:export  Esc:cancel");
}

const struct view_ops ui_export_ops = {
	.name = "export",
	.where = IN_EXPORT,
	.flags = VIEW_OVERLAY | VIEW_TYPING,
	.open = export_open,
	.close = export_close,
	.layout = export_layout,
	.draw = export_draw,
	.key = export_key,
	.hints = export_hints,
};
