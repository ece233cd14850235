/* connectors: the answer files of many API connectors to one checklist,
 * read side by side for `tenken report`, and two answer files compared item
 * by item for `tenken diff`. Every file is only read: opened with
 * STORE_READONLY | STORE_NOTOUCH, nothing is written to it or made beside
 * it. Knows the model and the store; prints nothing. */
#ifndef TENKEN_CONNECTORS_H
#define TENKEN_CONNECTORS_H

#include <stddef.h>

#include "answers.h"
#include "checklist.h"
#include "store.h"

/* One answer file of the report. */
struct connector {
	char *path; /* as given, or DIR/NAME.db */
	char *file; /* the file's name without .db */
	/* the connector's name: the one the file keeps (tenken name), once its
	 * answers are read, else file's */
	char *name;
	int named;         /* the file keeps a connector's name */
	char *id;          /* the checklist the file says it answers, or NULL */
	struct answers *a; /* NULL when the file is left out */
	char why[512];     /* why it is left out (a sentence), or "" */
	int changed;       /* answered against another version of the checklist */
};

/* The answer files of a report, in the order given (a folder's sorted). */
struct connectors {
	struct connector *files;
	size_t n;
	size_t n_read; /* the files whose answers are read */
};

/* Returns the connector's name of the answer file at path: its last
 * component without a final ".db" (the whole component if that would leave
 * nothing). Newly allocated; NULL if memory runs out. */
char *connectors_name(const char *path);

/* Adds path to cs (paths are kept in the order added). Returns 0, or -1 if
 * memory runs out. */
int connectors_add(struct connectors *cs, const char *path);

/* Adds every entry named *.db in the folder dir (not its subfolders),
 * sorted by name (byte order). Returns the number added, or -1 with
 * "dir: why" in err. */
long connectors_add_dir(struct connectors *cs, const char *dir, char *err, size_t errlen);

/* Reads which checklist each file answers (store_peek_checklist); a file
 * that cannot say is left out with the reason. Returns the id most files
 * answer (the first file's of a tie), owned by cs, or NULL if none can be
 * read. */
const char *connectors_peek(struct connectors *cs);

/* Reads the answers of each file not yet left out for cl: a file that
 * answers another checklist, or cannot be opened or read (memory running
 * out included), is left out with the reason. Returns the number of files
 * left out. */
size_t connectors_load(struct connectors *cs, const struct checklist *cl);

/* Frees what cs holds and empties it. */
void connectors_free(struct connectors *cs);

/* The longest connector's name, in characters. */
enum { CONNECTORS_NAME_MAX = 100 };

/* Checks a connector's name as an answer is checked (textwidth): valid
 * UTF-8, no control or format character (a bidi override included), and
 * one line of at most CONNECTORS_NAME_MAX characters. Returns 0, or -1
 * with a sentence saying what is wrong in err. */
int connectors_check_name(const char *name, char *err, size_t errlen);

/* One file's progress as the files view of the interface shows it. */
struct connector_tally {
	size_t answered;        /* items with a status */
	size_t total;           /* the checklist's items */
	size_t not_implemented; /* 未対応 */
	size_t query;           /* the review's verdict 要確認 */
	size_t finding;         /* the review's verdict 指摘あり */
};

/* Counts a's items answered, not implemented, and under a query or a
 * finding of the review. Returns the counts. */
struct connector_tally connectors_tally(const struct answers *a);

/* Whether item index i has status s in any file read. */
int connectors_any(const struct connectors *cs, size_t i, enum status s);

/* Counts, over the files read, how many have item index i at each status,
 * into counts[STATUS_COUNT]. */
void connectors_count_item(const struct connectors *cs, size_t i, size_t counts[STATUS_COUNT]);

/* Whether a report lists item index i among the gaps: it is not
 * implemented, or not answered, in at least one file read. */
int connectors_gap(const struct connectors *cs, size_t i);

/* Reads the answer file at path for cl, read-only and touching nothing,
 * into new answers. Sets *changed when it was answered against another
 * version of the checklist. Returns the answers, or NULL with "path: why"
 * in err. */
struct answers *connectors_read(const char *path, const struct checklist *cl, int *changed,
				char *err, size_t errlen);

/* What a diff found of item index i between old and new answers. */
struct diff_item {
	int status;    /* the status differs */
	size_t n_text; /* the number of answer columns whose text differs */
	int verdict;   /* the review's verdict differs */
};

/* Compares item index i of old and new (answers to the same checklist). */
struct diff_item connectors_diff_item(const struct answers *old, const struct answers *new_,
				      size_t i);

/* Whether the text of item index i, column c differs between old and new. */
int connectors_diff_text(const struct answers *old, const struct answers *new_, size_t i, size_t c);

/* Marks in fresh[k] (n_new entries) whether comment new_[k] is new: one
 * that the old thread of its item does not hold. Threads only grow, but a
 * comment carried over by import has another time and author, so comments
 * are matched by item and text, each old comment matching one new one at
 * most. Returns the count of new comments. */
size_t connectors_fresh_comments(const struct store_comment *old, size_t n_old,
				 const struct store_comment *new_, size_t n_new,
				 unsigned char *fresh);

/* Reads the review's comments of the answer file at path, read-only and
 * touching nothing, oldest first, into *c (store_comments_free) and *n.
 * Returns 0, or -1 with "path: why" in err. */
int connectors_comments(const char *path, const struct checklist *cl, struct store_comment **c,
			size_t *n, char *err, size_t errlen);

#endif
