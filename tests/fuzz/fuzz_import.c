/* fuzz_import: the importer run on a table a fuzz target read. */
#include "config.h"

#include "fuzz_import.h"

#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "fuzz.h"
#include "textwidth.h"

void fuzz_import(const struct import_table *table, const struct import_meta *meta)
{
	const struct checklist *cl = fuzz_checklist();
	struct answers *a = answers_new(cl);
	char(*times)[32] = calloc(cl->n_items, sizeof *times);
	struct import_result res;
	char err[1024] = "";

	FUZZ_ASSERT(a != NULL && times != NULL);
	if (import_table_read(table, cl, a, meta, times, &res, err, sizeof err) != 0) {
		FUZZ_ASSERT(err[0] != '\0');
		fuzz_check_message(err, 1);
	} else {
		for (size_t k = 0; k < res.n_changes; k++) {
			const struct import_change *ch = &res.changes[k];
			const char *v = ch->new_value;
			FUZZ_ASSERT(ch->item < cl->n_items);
			FUZZ_ASSERT(ch->column >= -1 && ch->column < (long)cl->n_columns);
			FUZZ_ASSERT(v != NULL && (ch->column >= 0 || *v != '\0'));
			FUZZ_ASSERT(textwidth_storable(v, strlen(v), NULL, NULL) == TEXTWIDTH_TEXT);
			FUZZ_ASSERT(ch->column >= 0 || status_parse(status_key(ch->status)) >= 0);
			fuzz_check_message(ch->where, 1);
		}
		for (size_t k = 0; k < res.n_notes; k++)
			fuzz_check_message(res.notes[k].text, 1);
		import_result_free(&res);
	}
	free(times);
	answers_free(a);
}
