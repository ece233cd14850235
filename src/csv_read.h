/* csv_read: reads a CSV file (RFC 4180) into rows of fields: the CSV that
 * tenken exports, or one a person saved from Excel, UTF-8 with or without a
 * byte order mark, or Shift_JIS (CP932, which Excel writes on Japanese
 * Windows), converted with iconv. Sizes are bounded; a malformed file is
 * refused with file:line:column. Input layer: knows the text module only. */
#ifndef TENKEN_CSV_READ_H
#define TENKEN_CSV_READ_H

#include <stddef.h>

/* Bounds on what is read from outside. */
enum {
	CSV_MAX_BYTES = 64 * 1024 * 1024,
	CSV_MAX_ROWS = 100000,
	CSV_MAX_FIELDS = 1000,       /* in one row */
	CSV_MAX_FIELD = 1024 * 1024, /* bytes of one field */
};

struct csv_row {
	char **fields; /* UTF-8, NUL-terminated; a line break in a field is "\n" */
	size_t n;
	size_t line; /* the line the row starts on, 1-based */
};

struct csv_table {
	struct csv_row *rows;
	size_t n_rows;
	int converted; /* 1 if the file was Shift_JIS (CP932) and was converted */
};

/* Reads the CSV file at path. Returns the table (free it with csv_free), or
 * NULL with "path:line:column: what" (or "path: what") in err. */
struct csv_table *csv_read(const char *path, char *err, size_t errlen);

/* Reads a CSV held in memory (len bytes); name is used in messages. */
struct csv_table *csv_read_buffer(const char *name, const char *buf, size_t len, char *err,
				  size_t errlen);

/* Frees a table; NULL is allowed. */
void csv_free(struct csv_table *t);

#endif
