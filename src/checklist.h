/* checklist: the model of a checklist document: sections, items, 手法例
 * (method groups and methods), 注記 (notes), references, answer columns.
 * Knows nothing of YAML, SQLite or curses. */
#ifndef TENKEN_CHECKLIST_H
#define TENKEN_CHECKLIST_H

#include <stddef.h>

#include "arena.h"

/* A bilingual text: the Japanese original and its English translation.
 * ja is never NULL (it may be ""); en is NULL when there is none. */
struct text {
	const char *ja;
	const char *en;
};

/* Which language to show content in. */
enum lang { LANG_JA, LANG_EN };

/* An entry of a note or method: ① text, with a. b. sub-entries. */
struct entry {
	const char *label;
	struct text text;
	struct entry *entries;
	size_t n_entries;
};

struct method {
	int number; /* 0 if the method has none */
	struct text text;
	int *notes; /* numbers of the notes the method refers to */
	size_t n_notes;
	struct entry *entries;
	size_t n_entries;
};

struct method_group {
	struct text heading; /* ja is "" when the group has no heading */
	struct method *methods;
	size_t n_methods;
};

struct note {
	int number;
	struct text title;
	struct text text;
	struct entry *entries;
	size_t n_entries;
};

struct reference {
	struct text source;   /* 関連規定 */
	struct text location; /* 関連規定箇所 */
};

/* A byte range [start, end) of a text. */
struct span {
	size_t start, end;
};

/* A text in which a review marks what it added (the publisher underlines
 * it): the text without the marks, and for each language (LANG_JA, LANG_EN)
 * the ranges of the added runs, in order and apart. */
struct marked {
	struct text text;
	struct span *added[2];
	size_t n_added[2];
};

/* A note of an edition's review on a 基準: which one changed, the changed
 * passage as the review quotes it, and how the publisher labels the
 * change. */
struct revision {
	struct text review;     /* e.g. 2025年度見直し */
	const char *date;       /* YYYY-MM-DD of the review's document, or NULL */
	struct marked standard; /* the changed 基準 */
	struct marked passage;  /* its changed text, the added runs marked */
	struct text change;     /* the publisher's label: 【追加】… */
};

/* One line of an edition's revision history, with the review's notes on
 * 基準 that no item cites. */
struct history {
	const char *date; /* YYYY-MM-DD */
	struct text text;
	struct revision *revisions;
	size_t n_revisions;
};

struct item {
	int number;        /* 通番; for an overlay's item, a key made from its label */
	const char *label; /* the number as shown and typed: "12", or an overlay's "A-1" */
	int added;         /* 1 if a bank's overlay added the item */
	size_t section;    /* index into checklist.sections */
	size_t target;     /* index into checklist.targets */
	struct text goal;
	struct method_group *groups;
	size_t n_groups;
	struct note *notes;
	size_t n_notes;
	struct reference *refs;
	size_t n_refs;
	struct text refs_note; /* where the references are known from; ja "" if none */
	struct text remarks;
	struct revision *revisions;
	size_t n_revisions;
	struct text *warnings; /* what not to do (行うべきでないこと) */
	size_t n_warnings;
};

struct section {
	int number;
	struct text name;
	struct text name_supplied; /* why the name is not the publisher's; ja "" if it is */
	struct text purpose;
	struct text *sources; /* the documents the section draws on */
	size_t n_sources;
	struct text *warnings; /* what not to do (行うべきでないこと) */
	size_t n_warnings;
	size_t first_item; /* index into checklist.items */
	size_t n_items;
};

/* A target (対象者) or an answer column: an id and a name. */
struct named {
	const char *id;
	struct text name;
};

/* A base item an overlay does not ask, with the bank's reason. */
struct not_asked {
	const struct item *item; /* in the base checklist */
	struct text reason;
};

/* An item's number and its index in checklist.items. */
struct item_key {
	int number;
	size_t index;
};

struct checklist {
	struct arena arena;
	const char *path; /* the file it was loaded from */
	char hash[65];    /* SHA-256 of the file's bytes, hex */
	const char *id;
	const char *date; /* YYYY-MM-DD or NULL */
	struct text title, edition, publisher, source, remarks;
	struct text refs_note;     /* for items with no references and no note of their own */
	const char *examples_from; /* id of a checklist whose 手法例 stand in, or NULL */
	struct history *history;
	size_t n_history;
	struct named *targets;
	size_t n_targets;
	struct named *columns;
	size_t n_columns;
	struct section *sections;
	size_t n_sections;
	struct item *items; /* all items, section by section */
	size_t n_items;
	struct item_key *by_number; /* the items sorted by number: checklist_find_item */
	/* An overlay (a bank's own checklist made from a base): the base it
	 * was made from (owned), and the base items it does not ask. */
	struct checklist *base;
	struct not_asked *not_asked;
	size_t n_not_asked;
	void *image; /* loaded from the cache: the image everything is in (owned) */
};

/* Frees a checklist and everything in it. NULL is allowed. */
void checklist_free(struct checklist *cl);

/* Returns the index of the item with number 通番 n, or -1. */
long checklist_find_item(const struct checklist *cl, int n);

/* Returns the index of the item labelled s ("12", an overlay's "A-1"), or
 * -1. Leading and trailing blanks are ignored. */
long checklist_find_label(const struct checklist *cl, const char *s);

/* Finishes a checklist built by a loader: gives every item its label (the
 * number, for items without one) and builds the index checklist_find_item
 * uses. Returns 0, or -1 if memory runs out. */
int checklist_index(struct checklist *cl);

/* The storage key of an overlay item labelled label: a number above any
 * published 通番 (CHECKLIST_KEY_BASE and up), the same for the same label
 * in every file. */
int checklist_label_key(const char *label);

enum { CHECKLIST_KEY_BASE = 0x40000000 };

/* Compares the items cl asks with recorded (labels one a line, as an
 * answer file keeps them): *added gets the labels cl asks that recorded
 * does not have, *gone those recorded has that cl does not ask, each as
 * "A-2, 17" in cl's order (recorded's for *gone), newly allocated, ""
 * if none. Returns 0, or -1 if memory runs out. */
int checklist_compare_labels(const struct checklist *cl, const char *recorded, char **added,
			     char **gone);

/* Returns the label of the item whose number (or key) is n, as the answer
 * file's history names it: the item's, the base's for an item an overlay
 * does not ask, else n in decimal, written to buf. */
const char *checklist_key_label(const struct checklist *cl, int n, char buf[16]);

/* Returns the index of the section numbered n, or -1. */
long checklist_find_section(const struct checklist *cl, int n);

/* Returns the index of the answer column with the given id, or -1. */
long checklist_find_column(const struct checklist *cl, const char *id);

/* Returns the index of the answer column whose id, Japanese name or English
 * name is name (課題認識 as well as issues), or -1. */
long checklist_find_column_named(const struct checklist *cl, const char *name);

/* Returns the text in lang, falling back to Japanese where there is no
 * English. Never NULL. */
const char *text_get(const struct text *t, enum lang lang);

/* Receives one run of a marked text: len bytes at s, and whether the
 * review added them. */
typedef void (*marked_fn)(void *ctx, const char *s, size_t len, int added);

/* Calls fn for each run of m in lang, in order (the Japanese where there is
 * no English), none of them empty. */
void marked_runs(const struct marked *m, enum lang lang, marked_fn fn, void *ctx);

/* Returns m's text in lang with each added run between open and close
 * (print's 【追加部分】…, HTML's <u>…</u>), newly allocated; NULL if memory
 * runs out. */
char *marked_format(const struct marked *m, enum lang lang, const char *open, const char *close);

/* Returns the number of added runs of m in lang. */
size_t marked_n_added(const struct marked *m, enum lang lang);

/* Returns the note on item it's references: its own, else the checklist's
 * when the item has no references, else NULL. */
const struct text *checklist_refs_note(const struct checklist *cl, const struct item *it);

/* Returns the number of methods in an item, over all its groups. */
size_t checklist_item_methods(const struct item *it);

#endif
