/* answers: a user's answers to one checklist. */
#include "config.h"

#include "answers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gettext.h"

/* The marks need no colour: plain ASCII, one column each. The SQL CHECK of
 * the status table in store.c lists the same keys (test_store checks). */
static const struct status_info statuses[STATUS_COUNT] = {
	/* TRANSLATORS: status of a checklist item nobody has answered yet. */
	{"unanswered", N_("Unanswered"), "未回答", ' '},
	/* TRANSLATORS: the firm has the control in place (対応済). */
	{"implemented", N_("Implemented"), "対応済", 'x'},
	{"partial", N_("Partly implemented"), "一部対応", '/'},
	{"not-implemented", N_("Not implemented"), "未対応", '!'},
	{"not-applicable", N_("Not applicable"), "対象外", '-'},
};

const struct status_info *status_info(enum status s)
{
	return &statuses[s];
}

const char *status_key(enum status s)
{
	return statuses[s].key;
}

const char *status_name(enum status s)
{
	return _(statuses[s].name);
}

const char *status_official(enum status s)
{
	return statuses[s].official;
}

void status_mark(enum status s, char out[4])
{
	out[0] = '[';
	out[1] = statuses[s].mark;
	out[2] = ']';
	out[3] = '\0';
}

int status_parse(const char *key)
{
	for (int i = 0; i < STATUS_COUNT; i++)
		if (strcmp(statuses[i].key, key) == 0)
			return i;
	return -1;
}

/* The SQL CHECK of the verdict table in store.c lists the same keys. */
static const struct verdict_info verdicts[VERDICT_COUNT] = {
	/* TRANSLATORS: no verdict of the review yet. */
	{"none", N_("Not reviewed"), ""},
	/* TRANSLATORS: the reviewing bank has checked the answer (確認済). */
	{"confirmed", N_("Confirmed"), "確認済"},
	/* TRANSLATORS: the reviewing bank has a question on the answer (要確認). */
	{"query", N_("Query"), "要確認"},
	/* TRANSLATORS: the reviewing bank found a shortcoming (指摘あり). */
	{"finding", N_("Finding"), "指摘あり"},
};

const struct verdict_info *verdict_info(enum verdict v)
{
	return &verdicts[v];
}

const char *verdict_name(enum verdict v)
{
	return _(verdicts[v].name);
}

char *verdict_shown(enum verdict v, char *out, size_t len)
{
	const char *name = verdict_name(v), *official = verdicts[v].official;

	if (!*official || !strcmp(official, name))
		snprintf(out, len, "%s", name);
	else
		snprintf(out, len, "%s (%s)", official, name);
	return out;
}

int verdict_parse(const char *key)
{
	for (int i = 0; i < VERDICT_COUNT; i++)
		if (strcmp(verdicts[i].key, key) == 0)
			return i;
	return -1;
}

int verdict_named(const char *text)
{
	char first[256];
	size_t n = strcspn(text, "\n");

	snprintf(first, sizeof first, "%.*s", (int)(n < sizeof first ? n : sizeof first - 1), text);
	if (!*first)
		return VERDICT_NONE;
	for (int v = 0; v < VERDICT_COUNT; v++)
		if ((*verdicts[v].official && !strcmp(first, verdicts[v].official)) ||
		    !strcmp(first, verdicts[v].key) || !strcmp(first, verdicts[v].name) ||
		    !strcmp(first, verdict_name((enum verdict)v)))
			return v;
	return -1;
}

struct answers *answers_new(const struct checklist *cl)
{
	struct answers *a = calloc(1, sizeof *a);
	size_t n = cl->n_items ? cl->n_items : 1;

	if (!a)
		return NULL;
	a->cl = cl;
	a->status = calloc(n, sizeof *a->status);
	a->text = calloc(n * (cl->n_columns ? cl->n_columns : 1), sizeof *a->text);
	a->verdict = calloc(n, sizeof *a->verdict);
	a->comment = calloc(n, sizeof *a->comment);
	if (!a->status || !a->text || !a->verdict || !a->comment) {
		answers_free(a);
		return NULL;
	}
	return a;
}

void answers_free(struct answers *a)
{
	if (!a)
		return;
	if (a->text)
		for (size_t i = 0; i < a->cl->n_items * a->cl->n_columns; i++)
			free(a->text[i]);
	free(a->text);
	if (a->comment)
		for (size_t i = 0; i < a->cl->n_items; i++)
			free(a->comment[i]);
	free(a->comment);
	free(a->verdict);
	free(a->status);
	free(a);
}

const char *answers_text(const struct answers *a, size_t i, size_t c)
{
	const char *t = a->text[i * a->cl->n_columns + c];

	return t ? t : "";
}

int answers_set_text(struct answers *a, size_t i, size_t c, const char *text)
{
	char **slot = &a->text[i * a->cl->n_columns + c];
	char *copy = NULL;

	if (text && *text && !(copy = strdup(text)))
		return -1;
	free(*slot);
	*slot = copy;
	return 0;
}

static int set_copy(char **slot, const char *text)
{
	char *copy = NULL;

	if (text && *text && !(copy = strdup(text)))
		return -1;
	free(*slot);
	*slot = copy;
	return 0;
}

int answers_set_comment(struct answers *a, size_t i, const char *text)
{
	return set_copy(&a->comment[i], text);
}

const char *answers_comment(const struct answers *a, size_t i)
{
	return a->comment[i] ? a->comment[i] : "";
}

void answers_count(const struct answers *a, size_t first_item, size_t n_items,
		   size_t counts[STATUS_COUNT])
{
	memset(counts, 0, STATUS_COUNT * sizeof counts[0]);
	for (size_t i = first_item; i < first_item + n_items; i++)
		counts[a->status[i]]++;
}

int answers_no_status(const struct answers *a, size_t i)
{
	if (a->status[i] != STATUS_UNANSWERED)
		return 0;
	for (size_t c = 0; c < a->cl->n_columns; c++)
		if (*answers_text(a, i, c))
			return 1;
	return 0;
}

size_t answers_count_no_status(const struct answers *a, size_t first_item, size_t n_items)
{
	size_t n = 0;

	for (size_t i = first_item; i < first_item + n_items; i++)
		n += (size_t)answers_no_status(a, i);
	return n;
}
