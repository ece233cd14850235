/* fuzz_import: a table read from a file (CSV or workbook) taken through
 * the importer against the bundled fisc-api-2018, as tenken import does,
 * and what it would change checked. */
#ifndef TENKEN_FUZZ_IMPORT_H
#define TENKEN_FUZZ_IMPORT_H

#include "import.h"

/* Reads table against fisc-api-2018 and empty answers, with meta (NULL
 * for a CSV), and checks the result: every change to an item and column
 * that exist and to a text that may be stored, every message safe to show
 * on one line. */
void fuzz_import(const struct import_table *table, const struct import_meta *meta);

#endif
