/* ui_external: editing an answer in the user's own editor ($VISUAL,
 * $EDITOR, vi) with the terminal given back to it. Called by the
 * dispatcher only. Private to ui*.c. */
#ifndef TENKEN_UI_EXTERNAL_H
#define TENKEN_UI_EXTERNAL_H

#include <stddef.h>

struct ui;

enum external_result {
	EXTERNAL_NONE,    /* nothing saved: no change, or a failure (the message says) */
	EXTERNAL_SAVED,   /* the text was saved as the answer */
	EXTERNAL_CHECK,   /* the text goes to tenken's editor to be checked: *text */
	EXTERNAL_CHANGED, /* the answer changed in the file meanwhile: *text, to show beside it */
};

/* Edits item's column in the user's editor. Saves clean text at once;
 * text with control characters, or text brought back when a signal asked
 * tenken to stop, is returned in *text (newly allocated) for the inline
 * editor. Sets the footer's message. */
enum external_result ui_external_edit(struct ui *u, size_t item, size_t column, char **text);

#endif
