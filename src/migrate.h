/* migrate: carries the answers to one checklist into a new answer file for
 * another, item by item along a mapping, and reports what went where. The
 * original file is only read. Knows the model and the store. */
#ifndef TENKEN_MIGRATE_H
#define TENKEN_MIGRATE_H

#include <stdio.h>

#include "answers.h"
#include "checklist.h"
#include "mapping.h"
#include "store.h"

/* Writes into the new, empty answers `to_a` (held in the store `to_st`) the
 * answers `from_a` to checklist `from`, along m:
 * - a column goes to the column with the same id (current → current,
 *   plan → plan, remarks → remarks); a column with no such id is reported;
 * - one old item: its status and texts as they are;
 * - several: each text prefixed with its old item number, joined, so that
 *   nothing is merged silently; the status carried only if they agree;
 * - a dropped item's answers are reported, never written anywhere.
 * Prints the report to out, naming columns in lang. Returns the number of items that need review,
 * or -1 with a message in err if the store fails. */
int migrate_answers(const struct checklist *from, const struct answers *from_a,
		    const struct checklist *to, struct answers *to_a, struct store *to_st,
		    const struct mapping *m, enum lang lang, FILE *out, char *err, size_t errlen);

#endif
