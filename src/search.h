/* search: finds text in what the item view shows of an item (parts.h): the
 * section's name, goal and target, the answers, the references and their
 * note, the 手法例 and 注記 (the older edition's too), the remarks and
 * warnings, and the reviews' notes on 基準; in the interface's language and
 * the Japanese original. Knows the model only. */
#ifndef TENKEN_SEARCH_H
#define TENKEN_SEARCH_H

#include <stddef.h>

#include "answers.h"
#include "checklist.h"
#include "mapping.h"
#include "parts.h"

/* Returns the first occurrence of query in hay, or NULL (always for an
 * empty query or a NULL hay). ASCII letters match either case; everything
 * else matches exactly, so that an occurrence is strlen(query) bytes. */
const char *search_find(const char *hay, const char *query);

/* Returns how many times query occurs in hay, one occurrence after the end
 * of the one before (as the item view highlights them). */
size_t search_count(const char *hay, const char *query);

/* The texts of part p that search looks in, which are those the item view
 * shows for it in lang: out[0] the text in lang (an answer's text, if not
 * empty), and in English out[1] the Japanese original where it differs.
 * Returns how many (0-2). */
size_t search_part_texts(const struct part *p, enum lang lang, const char *out[2]);

/* Returns 1 if query occurs in what the item view shows of item index i in
 * lang (search_part_texts of each of its parts), else 0. a: its answers
 * (NULL: none); ex: the older edition whose 手法例 it shows (NULL: none).
 * An empty query matches nothing. */
int search_item_matches(const struct checklist *cl, const struct answers *a,
			const struct examples *ex, size_t i, enum lang lang, const char *query);

/* Each item's searchable text built once, for searching many items fast:
 * what search_item_matches looks in, ASCII letters lowered, the parts
 * apart (a match never spans two). Built for an item when a search first
 * looks at it, in the language of that search; forgotten when the item's
 * answers change (search_index_forget). */
struct search_index;

/* Returns a new, empty index for n_items items, or NULL. */
struct search_index *search_index_new(size_t n_items);

/* Frees the index. NULL is allowed. */
void search_index_free(struct search_index *si);

/* Forgets item i's text (its answers changed), or every item's if i is
 * n_items or more (the language or the older edition changed). */
void search_index_forget(struct search_index *si, size_t i);

/* Returns 1 if query occurs in what the item view shows of item i in lang,
 * as search_item_matches does, using (and building) item i's text; -1 if
 * memory runs out. */
int search_index_matches(struct search_index *si, const struct checklist *cl,
			 const struct answers *a, const struct examples *ex, size_t i,
			 enum lang lang, const char *query);

#endif
