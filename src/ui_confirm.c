/* ui_confirm: a yes-or-no question on the footer line, over the view that
 * asked it; a yes goes back to that view as ACT_YES. */
#include "config.h"

#include <stdlib.h>

#include "ui_view.h"

struct confirm_state {
	const char *question; /* translated, static */
};

static void *confirm_open(struct ui *u, const struct request *req)
{
	struct confirm_state *c = calloc(1, sizeof *c);

	(void)u;
	if (c)
		c->question = req->text;
	return c;
}

static void confirm_close(struct ui *u, void *state)
{
	(void)u;
	free(state);
}

static int confirm_key(struct ui *u, void *state, int key, enum action act, struct request *req)
{
	(void)u;
	(void)state;
	(void)key;
	if (act == ACT_YES) {
		req->type = REQ_REPLY;
		req->action = ACT_YES;
		return UI_HANDLED | UI_CLOSE;
	}
	return act == ACT_NO ? UI_HANDLED | UI_CLOSE : UI_HANDLED;
}

static const char *confirm_hints(struct ui *u, void *state)
{
	(void)u;
	return ((struct confirm_state *)state)->question;
}

const struct view_ops ui_confirm_ops = {
	.name = "question",
	.where = IN_CONFIRM,
	.flags = VIEW_OVERLAY,
	.open = confirm_open,
	.close = confirm_close,
	.key = confirm_key,
	.hints = confirm_hints,
};
