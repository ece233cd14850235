/* fuzz_xlsx: the XLSX reader (xlsx_read) on any workbook, then the
 * importer on each visible sheet. An input that starts "PK" is the zip
 * file itself; any other is a list of parts, each "--- NAME" on a line of
 * its own and the part's bytes after it, which is packed into a zip (not
 * compressed) before it is read, so that the fuzzer's changes reach the
 * XML rather than break the zip's checksums:
 *
 *   --- xl/workbook.xml
 *   <workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>
 *   --- xl/_rels/workbook.xml.rels
 *   …
 *
 * A refused workbook gets a one-line message that names the file; a read
 * one has its cells in order, inside a sheet's bounds, each found where it
 * is, with a non-empty text of valid UTF-8. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "fuzz.h"
#include "fuzz_import.h"
#include "textwidth.h"
#include "xlsx_read.h"

#define SEP "--- "

/* Where the next part starts: the first line at or after from that starts
 * with SEP; size if none does. */
static size_t next_part(const char *data, size_t size, size_t from)
{
	for (size_t p = from; p + strlen(SEP) <= size; p++)
		if ((p == from || data[p - 1] == '\n') && !memcmp(data + p, SEP, strlen(SEP)))
			return p;
	return size;
}

/* Writes the parts listed in the size bytes at data to a zip at path. */
static void pack(const char *path, const char *data, size_t size)
{
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	size_t i = next_part(data, size, 0);

	FUZZ_ASSERT(z != NULL);
	while (i < size) {
		const char *nl = memchr(data + i, '\n', size - i);
		size_t name_end = nl ? (size_t)(nl - data) : size;
		size_t start = nl ? name_end + 1 : size, next = next_part(data, size, start);
		size_t end = next > start && next < size ? next - 1 : next;
		char *name = fuzz_string((const uint8_t *)data + i + strlen(SEP),
					 name_end - i - strlen(SEP));
		zip_source_t *src = zip_source_buffer(z, data + start, end - start, 0);
		zip_int64_t idx = src && *name ? zip_file_add(z, name, src,
							      ZIP_FL_OVERWRITE | ZIP_FL_ENC_GUESS)
					       : -1;
		if (idx >= 0)
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		else if (src)
			zip_source_free(src);
		free(name);
		i = next;
	}
	if (zip_close(z) != 0)
		zip_discard(z);
}

/* A sheet as xlsx_read.h describes it. */
static void check_sheet(const struct xlsx_sheet *sh)
{
	FUZZ_ASSERT(sh->name != NULL);
	for (size_t k = 0; k < sh->n_cells; k++) {
		const struct xlsx_cell *c = &sh->cells[k];
		FUZZ_ASSERT(c->row >= 1 && c->row <= 1048576 && c->col >= 1 && c->col <= 16384);
		FUZZ_ASSERT(k == 0 || c[-1].row < c->row ||
			    (c[-1].row == c->row && c[-1].col < c->col));
		FUZZ_ASSERT(c->text && *c->text);
		FUZZ_ASSERT(textwidth_valid_utf8(c->text, strlen(c->text), NULL));
		FUZZ_ASSERT(xlsx_cell_text(sh, c->row, c->col) == c->text);
	}
	for (size_t k = 0; k < sh->n_hidden_rows; k++) {
		FUZZ_ASSERT(sh->hidden_rows[k] >= 1 && sh->hidden_rows[k] <= 1048576);
		FUZZ_ASSERT(k == 0 || sh->hidden_rows[k - 1] < sh->hidden_rows[k]);
		FUZZ_ASSERT(xlsx_row_hidden(sh, sh->hidden_rows[k]));
	}
}

/* Imports each visible sheet, as tenken import tries them. */
static void import_book(const struct xlsx_book *book)
{
	struct import_meta meta;
	const char **times;
	char err[1024] = "";

	if (import_meta_xlsx(book, fuzz_checklist(), &meta, &times, err, sizeof err) != 0) {
		fuzz_check_message(err, 1);
		return;
	}
	for (size_t k = 0; k < book->n_sheets; k++) {
		struct import_table table;
		if (book->sheets[k].hidden)
			continue;
		int rc = import_table_xlsx(&table, &book->sheets[k], "fuzz.xlsx");
		FUZZ_ASSERT(rc == 0 || rc == IMPORT_TOO_LARGE);
		if (rc == 0)
			fuzz_import(&table, &meta);
		import_table_free(&table);
	}
	free(times);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[1024] = "";
	const char *path;
	struct xlsx_book *book;

	fuzz_init();
	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		path = fuzz_file(data, size);
	} else {
		path = fuzz_file(data, 0);
		pack(path, (const char *)data, size);
	}
	book = xlsx_read(path, err, sizeof err);
	if (!book) {
		FUZZ_ASSERT(strncmp(err, path, strlen(path)) == 0);
		fuzz_check_message(err, 1);
		return 0;
	}
	FUZZ_ASSERT(book->n_sheets >= 1 && book->n_sheets <= XLSX_MAX_SHEETS);
	for (size_t k = 0; k < book->n_sheets; k++)
		check_sheet(&book->sheets[k]);
	for (size_t k = 0; k < book->n_properties; k++)
		FUZZ_ASSERT(book->properties[k].name && book->properties[k].value);
	import_book(book);
	xlsx_free(book);
	return 0;
}
