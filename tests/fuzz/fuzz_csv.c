/* fuzz_csv: the CSV reader (csv_read_buffer) on any bytes, then the
 * importer on what it read. A refused file gets a one-line message naming
 * the file; a read one has every row and field within the bounds of
 * csv_read.h, rows in line order. */
#include "config.h"

#include <string.h>

#include "csv_read.h"
#include "fuzz.h"
#include "fuzz_import.h"

#define NAME "fuzz.csv"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[1024] = "";
	struct csv_table *t;
	struct import_table table;

	fuzz_init();
	t = csv_read_buffer(NAME, (const char *)data, size, err, sizeof err);
	if (!t) {
		FUZZ_ASSERT(strncmp(err, NAME ":", strlen(NAME ":")) == 0);
		fuzz_check_message(err, 1);
		return 0;
	}
	FUZZ_ASSERT(t->n_rows <= CSV_MAX_ROWS);
	for (size_t r = 0; r < t->n_rows; r++) {
		FUZZ_ASSERT(t->rows[r].n >= 1 && t->rows[r].n <= CSV_MAX_FIELDS);
		FUZZ_ASSERT(r == 0 || t->rows[r].line >= t->rows[r - 1].line);
		for (size_t f = 0; f < t->rows[r].n; f++)
			FUZZ_ASSERT(strlen(t->rows[r].fields[f]) <= CSV_MAX_FIELD);
	}
	FUZZ_ASSERT(import_table_csv(&table, t, NAME) == 0);
	fuzz_import(&table, NULL);
	import_table_free(&table);
	csv_free(t);
	return 0;
}
