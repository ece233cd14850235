/* ui: the full-screen interface. The screen code draws the model and turns
 * keys into calls on the store; it holds no answers of its own. */
#ifndef TENKEN_UI_H
#define TENKEN_UI_H

#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "checklist.h"
#include "connectors.h"
#include "mapping.h"
#include "store.h"

struct ui_options {
	struct checklist *cl;
	struct answers *a;
	struct store *st; /* NULL when read-only and no answer file exists */
	const char *path; /* the answer file, shown in the header */
	/* An older edition's 手法例 to show (tests), or NULL: then the
	 * interface reads those the checklist names when the first item is
	 * opened (examples.h), since most starts never need them. */
	const struct examples *ex;
	int read_only;      /* -R, or a file that cannot be written: no key changes an answer */
	int file_read_only; /* read-only because the file cannot be written, not -R */
	/* --compare: last year's answers to the same checklist, only read,
	 * shown dimmed under this year's where they differ (NULL: none). */
	const struct answers *last;
	enum lang lang;     /* the checklist's language to start with (L switches) */
	const char *notice; /* said in the message line at the start, or NULL */
	int section;        /* open at this section number (0: none) */
	int item;           /* open this item number (0: none) */
	/* Reopen where the officer left this answer file, unless section or
	 * item is given, and keep the place at the end (place.h). */
	int remember_place;
	/* Tests: play these keys instead of reading the terminal (see
	 * ui_script_next in ui.c for the notation), on a terminal of
	 * script_cols x script_rows that writes to /dev/null, then store
	 * the screen's text in *dump (newly allocated). */
	const char *script;
	int script_cols, script_rows;
	char **dump;
	/* Tests: the same screen with only its underlined characters (the
	 * text a review added), every other cell blank, in *dump_underlined. */
	char **dump_underlined;
	/* Tests: the same with only its characters in reverse video (the
	 * last search's matches, the cursor's bar), in *dump_reverse. */
	char **dump_reverse;
	FILE *script_out; /* where the terminal's bytes go (NULL: /dev/null) */
	/* Called at <Hook> in the script: a test's other session. */
	void (*script_hook)(void *ctx);
	void *script_ctx;
};

/* Runs the interface until the user quits, the terminal goes away or a
 * signal asks tenken to stop (a draft in the editor is kept first).
 * Returns 0, or -1 with a message in err. */
int ui_run(const struct ui_options *o, char *err, size_t errlen);

/* Returns whether a hang-up or termination signal asked tenken to stop. */
int ui_stopping(void);

/* The files view of tenken DIR (ui_files.c): a folder's answer files. */
struct ui_files {
	const char *dir;             /* the folder, shown in the title */
	const struct connectors *cs; /* its files, read by connectors_load */
	const char *msg;             /* a message for the footer, or NULL */
};

/* Shows the files of f, a row each, with the cursor on row *cursor, until
 * Enter chooses a file that can be opened (returns 1, *cursor its row) or
 * the user quits, the terminal goes or a signal asks to stop (returns 0,
 * *cursor where it was). Returns -1 with a message in err if the terminal
 * cannot be used. */
int ui_files_run(const struct ui_files *f, size_t *cursor, char *err, size_t errlen);

#endif
