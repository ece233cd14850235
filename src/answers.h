/* answers: a user's answers to one checklist: a status and one text per
 * answer column for every item. Knows nothing of SQLite or curses. */
#ifndef TENKEN_ANSWERS_H
#define TENKEN_ANSWERS_H

#include <stddef.h>

#include "checklist.h"

enum status {
	STATUS_UNANSWERED,
	STATUS_IMPLEMENTED,
	STATUS_PARTIAL,
	STATUS_NOT_IMPLEMENTED,
	STATUS_NOT_APPLICABLE,
	STATUS_COUNT
};

/* The reviewing side's verdict on an item (the bank's, reading a firm's
 * answers): none yet, confirmed, a query open, a finding. */
enum verdict { VERDICT_NONE, VERDICT_CONFIRMED, VERDICT_QUERY, VERDICT_FINDING, VERDICT_COUNT };

struct answers {
	const struct checklist *cl;
	enum status *status;   /* per item index */
	char **text;           /* per item index * n_columns + column; NULL = empty */
	enum verdict *verdict; /* per item index */
	char **comment;        /* per item index: the latest comment of the review; NULL = none */
};

/* The one table of statuses: everything tenken says about each. */
struct status_info {
	const char *key;      /* stored in the answer file and given to set --status */
	const char *name;     /* N_(): the interface's name, translated */
	const char *official; /* the name in the official (Japanese) exports: 対応済 */
	char mark;            /* between the brackets of the list's mark: [x] */
};

/* Returns the table's row of status s. */
const struct status_info *status_info(enum status s);

/* Returns the stored key of a status ("implemented", …). */
const char *status_key(enum status s);

/* Returns the translated name of a status for display (Implemented …). */
const char *status_name(enum status s);

/* Returns the status's name in the official Japanese format (対応済 …). */
const char *status_official(enum status s);

/* Writes the status's mark, "[x]", to out. */
void status_mark(enum status s, char out[4]);

/* Returns the status whose key is key, or -1. */
int status_parse(const char *key);

/* The one table of verdicts, as of statuses. */
struct verdict_info {
	const char *key;      /* stored in the answer file and given to review --verdict */
	const char *name;     /* N_(): the interface's name, translated */
	const char *official; /* the name in the official (Japanese) exports: 確認済 */
};

/* Returns the table's row of verdict v. */
const struct verdict_info *verdict_info(enum verdict v);

/* Returns the translated name of a verdict for display. */
const char *verdict_name(enum verdict v);

/* Writes verdict v as a person reads it to out (len bytes): its official
 * name, and its name in the interface's language after it when that
 * differs -- "要確認 (Query)", or in Japanese "要確認". Returns out. */
char *verdict_shown(enum verdict v, char *out, size_t len);

/* Returns the verdict whose key is key, or -1. */
int verdict_parse(const char *key);

/* Returns the verdict a cell or an argument names -- its key, its official
 * name or its name in either language, on the first line -- or -1. The
 * empty text names VERDICT_NONE. */
int verdict_named(const char *text);

/* Replaces the latest comment of item index i with a copy of text (NULL or
 * "" for none). Returns 0, or -1 if memory runs out. */
int answers_set_comment(struct answers *a, size_t i, const char *text);

/* Returns the latest comment of item index i: never NULL ("" if none). */
const char *answers_comment(const struct answers *a, size_t i);

/* Returns new, empty answers for cl, or NULL if memory runs out. */
struct answers *answers_new(const struct checklist *cl);

/* Frees answers. NULL is allowed. */
void answers_free(struct answers *a);

/* Returns the text of item index i, column c: never NULL ("" if empty). */
const char *answers_text(const struct answers *a, size_t i, size_t c);

/* Replaces the text of item index i, column c with a copy of text (NULL or
 * "" empties it). Returns 0, or -1 if memory runs out. */
int answers_set_text(struct answers *a, size_t i, size_t c, const char *text);

/* Counts the items of sections [first, first+n) by status into
 * counts[STATUS_COUNT]. */
void answers_count(const struct answers *a, size_t first_item, size_t n_items,
		   size_t counts[STATUS_COUNT]);

/* Returns 1 if item index i has text in an answer column but no status
 * ("answered, status not set": [?] in the list), else 0. */
int answers_no_status(const struct answers *a, size_t i);

/* Counts the items [first_item, first_item+n_items) answered without a
 * status (answers_no_status). */
size_t answers_count_no_status(const struct answers *a, size_t first_item, size_t n_items);

#endif
