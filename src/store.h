/* store: the answer file, an SQLite database. Every change is committed at
 * once in its own transaction and appended to a history that is never
 * rewritten. Knows the model, not curses. */
#ifndef TENKEN_STORE_H
#define TENKEN_STORE_H

#include <stddef.h>

#include "answers.h"
#include "checklist.h"

/* The schema version this tenken writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 5

/* PRAGMA application_id of a tenken answer file: "TKNK". */
#define STORE_APPLICATION_ID 0x544B4E4B

enum store_flags {
	STORE_READONLY = 1,    /* never write; a missing file is an error */
	STORE_OR_READONLY = 2, /* read-only if the file or its folder cannot be written */
	/* With STORE_READONLY: nothing is made beside the file either (no
	 * -wal, no -shm) -- it is read as immutable unless a connection has
	 * it open (a -wal exists), whose -wal and -shm are then read. */
	STORE_NOTOUCH = 4,
};

struct store;

/* Opens the answer file at path for checklist cl, creating it (mode 0600,
 * whole or not at all) unless STORE_READONLY. A file that is not a tenken
 * answer file, is corrupt, is from a newer tenken or answers another
 * checklist is refused and left untouched; so are a symbolic link, a
 * directory or another kind of file at path (its folders may be reached
 * through links). A file that cannot be written (or whose folder cannot)
 * is refused as read-only, unless STORE_OR_READONLY opens it read-only.
 * Returns the store, or NULL with a message in err. */
struct store *store_open(const char *path, const struct checklist *cl, int flags, char *err,
			 size_t errlen);

/* Returns 1 if the store was opened read-only (asked for, or the file
 * cannot be written), else 0. */
int store_readonly(const struct store *st);

/* Reads which checklist the answer file at path answers, without changing
 * the file or making one beside it (STORE_NOTOUCH): writes its id to id (idlen bytes). Returns 0,
 * or -1 with a message in err if the file cannot be read or is not a tenken file. */
int store_peek_checklist(const char *path, char *id, size_t idlen, char *err, size_t errlen);

/* Like store_peek_checklist, but writes the meta value key (checklist_path:
 * the checklist file the answer file was made with) to out. */
int store_peek(const char *path, const char *key, char *out, size_t outlen, char *err,
	       size_t errlen);

/* Closes the store. NULL is allowed. */
void store_close(struct store *st);

/* Returns 1 if the file was made for a different version of the checklist's
 * content (same id, other hash), else 0. */
int store_checklist_changed(const struct store *st);

/* Returns the labels of the items the checklist asked when the file was
 * made, one a line, newly allocated; NULL if the file does not say (made
 * by an older tenken) or memory runs out. */
char *store_recorded_items(struct store *st);

/* Reads every answer into a (which must be new or cleared). Returns 0, or
 * -1 with a message in err. */
int store_load(struct store *st, struct answers *a, char *err, size_t errlen);

/* What a write returns when the file no longer holds what this session
 * read (another session or a script changed it): nothing was written, and
 * the answers hold the file's value now, to show beside the text. */
#define STORE_CHANGED 1

/* Flags of a write. */
enum {
	STORE_FORCE = 1, /* write even over a value changed elsewhere */
};

/* Sets the status of item index i, committing at once and recording the
 * change in the history, whose old value is always what the file held.
 * The file's value is compared with a's in the same transaction: returns
 * 0 (also when nothing changed), -1 on error, or STORE_CHANGED. */
int store_set_status(struct store *st, struct answers *a, size_t i, enum status s, char *err,
		     size_t errlen);

/* The same, with flags (STORE_FORCE). */
int store_set_status_flags(struct store *st, struct answers *a, size_t i, enum status s, int flags,
			   char *err, size_t errlen);

/* Sets the text of item index i, column c likewise. Returns 0, -1 or
 * STORE_CHANGED (then a holds the file's text). */
int store_set_text(struct store *st, struct answers *a, size_t i, size_t c, const char *text,
		   char *err, size_t errlen);

/* The same, with flags (STORE_FORCE). */
int store_set_text_flags(struct store *st, struct answers *a, size_t i, size_t c, const char *text,
			 int flags, char *err, size_t errlen);

/* Sets the review's verdict on item index i (VERDICT_NONE takes it back),
 * as store_set_status_flags sets a status: compared with the file in the
 * same transaction, recorded in the history as field "verdict". Returns 0,
 * -1 or STORE_CHANGED (then a holds the file's verdict). */
int store_set_verdict(struct store *st, struct answers *a, size_t i, enum verdict v, int flags,
		      char *err, size_t errlen);

/* Adds text to the review's thread of item index i, with this user and
 * the time, and to the history as field "comment" (nothing replaced). A
 * comment is never changed or taken back: a thread only grows. Returns 0
 * or -1. */
int store_add_comment(struct store *st, struct answers *a, size_t i, const char *text, char *err,
		      size_t errlen);

/* One comment of a review's thread. */
struct store_comment {
	int item; /* the item's number */
	char *text;
	char time[32]; /* UTC, ISO 8601 */
	char user[64];
	char *source; /* where it came from (an imported file), or NULL */
};

/* Reads the comments on item number item (all items if 0), oldest first,
 * into a newly allocated array; *n receives the count. Returns the array
 * (free with store_comments_free) or NULL with *n = 0 on error or none. */
struct store_comment *store_comments(struct store *st, int item, size_t *n);

/* Frees an array returned by store_comments. */
void store_comments_free(struct store_comment *c, size_t n);

/* Returns 1 if another connection has committed a change to the file since
 * the last call (or the open), else 0. Costs no read of the data. */
int store_changed_elsewhere(struct store *st);

/* Reads the answers again into a, writing the indices of the items whose
 * status or text changed to changed (at most max; the count may exceed
 * it) and the user who made the file's last change to who. Returns the
 * count, or -1 with a message in err. */
long store_refresh(struct store *st, struct answers *a, size_t *changed, size_t max, char *who,
		   size_t wholen, char *err, size_t errlen);

/* Registers this store as a session of the interface, so that its drafts
 * are not offered to another session while it runs; store_close ends it.
 * Returns 0 or -1. */
int store_begin_session(struct store *st, char *err, size_t errlen);

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
	long long id; /* its place in the history: later changes have higher ids */
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

/* Reads the changes whose history ids are first..last, oldest first, like
 * store_history. */
struct store_change *store_history_range(struct store *st, long long first, long long last,
					 size_t *n);

/* Returns the history id of the last change this store recorded (since it
 * was opened; a batch given up does not count), or 0 if none. */
long long store_last_change(const struct store *st);

/* Frees an array returned by store_history. */
void store_changes_free(struct store_change *c, size_t n);

/* A draft: text typed in the editor and not yet saved. */
struct store_draft {
	size_t item;   /* item index */
	size_t column; /* answer column index */
	char *text;
	char time[32];     /* when it was kept, UTC, ISO 8601 */
	char session[128]; /* the session that kept it */
};

/* Keeps text as this session's draft of item index i, column c, replacing
 * its earlier draft (another session's stays); it is not an answer and not
 * in the history. Returns 0 or -1. */
int store_save_draft(struct store *st, size_t i, size_t c, const char *text, char *err,
		     size_t errlen);

/* Forgets this session's draft of item index i, column c, if any. Returns
 * 0 or -1. */
int store_drop_draft(struct store *st, size_t i, size_t c, char *err, size_t errlen);

/* Forgets draft d (a draft store_drafts gave, of whichever session).
 * Returns 0 or -1. */
int store_forget_draft(struct store *st, const struct store_draft *d, char *err, size_t errlen);

/* Reads the drafts this session may take -- its own, and those of sessions
 * that have ended (closed, or their process gone) -- oldest first, into a
 * newly allocated array; *n receives the count. Free with
 * store_drafts_free. */
struct store_draft *store_drafts(struct store *st, size_t *n);

/* Frees an array returned by store_drafts. */
void store_drafts_free(struct store_draft *d, size_t n);

/* The longest connector's name an answer file keeps, in bytes with its
 * NUL (connectors_check_name allows 100 characters). */
#define STORE_CONNECTOR_MAX 512

/* Reads the name of the API connector whose answers the file holds (kept
 * in its meta table) into out. Returns 1 if the file names one, else 0
 * (out ""). */
int store_connector(struct store *st, char *out, size_t outlen);

/* Keeps name as the file's connector's name ("" removes it), in one
 * transaction with a line of the history (item 0, field "connector").
 * The name is not checked here: see connectors_check_name. Returns 0 or
 * -1 with a message in err. */
int store_set_connector(struct store *st, const char *name, char *err, size_t errlen);

#endif
