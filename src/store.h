/* store: the answer file, an SQLite database. Every change is committed at
 * once in its own transaction and appended to a history that is never
 * rewritten. Knows the model, not curses. */
#ifndef TENKEN_STORE_H
#define TENKEN_STORE_H

#include <stddef.h>

#include "answers.h"
#include "checklist.h"

/* The schema version this tenken writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 3

/* PRAGMA application_id of a tenken answer file: "TKNK". */
#define STORE_APPLICATION_ID 0x544B4E4B

enum store_flags {
	STORE_READONLY = 1, /* never write; a missing file is an error */
};

struct store;

/* Opens the answer file at path for checklist cl, creating it (mode 0600)
 * unless STORE_READONLY. A file that is not a tenken answer file, is corrupt,
 * is from a newer tenken or answers another checklist is refused and left
 * untouched. Returns the store, or NULL with a message in err. */
struct store *store_open(const char *path, const struct checklist *cl, int flags, char *err,
			 size_t errlen);

/* Reads which checklist the answer file at path answers, without changing
 * the file: writes its id to id (idlen bytes). Returns 0, or -1 with a
 * message in err if the file cannot be read or is not a tenken file. */
int store_peek_checklist(const char *path, char *id, size_t idlen, char *err, size_t errlen);

/* Closes the store. NULL is allowed. */
void store_close(struct store *st);

/* Returns 1 if the file was made for a different version of the checklist's
 * content (same id, other hash), else 0. */
int store_checklist_changed(const struct store *st);

/* Reads every answer into a (which must be new or cleared). Returns 0, or
 * -1 with a message in err. */
int store_load(struct store *st, struct answers *a, char *err, size_t errlen);

/* Sets the status of item index i, committing at once and recording the
 * change in the history. Returns 0 (also when nothing changed), or -1. */
int store_set_status(struct store *st, struct answers *a, size_t i, enum status s, char *err,
		     size_t errlen);

/* Sets the text of item index i, column c likewise. Returns 0 or -1. */
int store_set_text(struct store *st, struct answers *a, size_t i, size_t c, const char *text,
		   char *err, size_t errlen);

/* Names where the changes that follow come from, recorded with each in the
 * history ("import answers.xlsx"); NULL for changes made here. Returns 0,
 * or -1 if memory runs out. */
int store_set_source(struct store *st, const char *source);

/* Starts a batch: the changes until store_commit are one transaction, all
 * or none in the file. Returns 0 or -1 with a message in err. */
int store_begin(struct store *st, char *err, size_t errlen);

/* Commits the batch. Returns 0, or -1 (nothing of it is kept). */
int store_commit(struct store *st, char *err, size_t errlen);

/* Gives the batch up: none of its changes are kept (the answers in memory
 * that the changes set are not restored: read them again). */
void store_rollback(struct store *st);

/* Writes the time of each item's last recorded change (UTC, ISO 8601) to
 * times[item index], "" for an item never changed. Returns 0 or -1. */
int store_item_times(struct store *st, char (*times)[32]);

/* One recorded change. */
struct store_change {
	int item;
	char field[72];              /* "status" or the column id */
	char *old_value, *new_value; /* NULL when absent */
	char time[32];
	char user[64];
	char *source; /* where it came from (an imported file), or NULL */
};

/* Reads the history of item number item (all items if 0), oldest first,
 * into a newly allocated array; *n receives the count. Returns the array
 * (free with store_changes_free) or NULL with *n = 0 on error or none. */
struct store_change *store_history(struct store *st, int item, size_t *n);

/* Frees an array returned by store_history. */
void store_changes_free(struct store_change *c, size_t n);

/* A draft: text typed in the editor and not yet saved. */
struct store_draft {
	size_t item;   /* item index */
	size_t column; /* answer column index */
	char *text;
	char time[32]; /* when it was kept, UTC, ISO 8601 */
};

/* Keeps text as the draft of item index i, column c, replacing any earlier
 * draft; it is not an answer and not in the history. Returns 0 or -1. */
int store_save_draft(struct store *st, size_t i, size_t c, const char *text, char *err,
		     size_t errlen);

/* Forgets the draft of item index i, column c, if any. Returns 0 or -1. */
int store_drop_draft(struct store *st, size_t i, size_t c, char *err, size_t errlen);

/* Reads the drafts of this checklist's items, oldest first, into a newly
 * allocated array; *n receives the count. Free with store_drafts_free. */
struct store_draft *store_drafts(struct store *st, size_t *n);

/* Frees an array returned by store_drafts. */
void store_drafts_free(struct store_draft *d, size_t n);

#endif
