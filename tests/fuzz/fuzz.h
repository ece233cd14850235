/* fuzz: what the fuzz targets share. Each target is one
 * LLVMFuzzerTestOneInput, built with libFuzzer by `make fuzz` (configure
 * --enable-fuzz CC=clang) and with the standalone replay.c by make check,
 * which runs it on every file of its corpus. A broken invariant aborts,
 * so both report it as a crash. */
#ifndef TENKEN_FUZZ_H
#define TENKEN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "checklist.h"

/* The entry point libFuzzer calls with each input; returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with "fuzz: file:line: what failed" unless cond holds. */
#define FUZZ_ASSERT(cond)                                                                          \
	do {                                                                                       \
		if (!(cond))                                                                       \
			fuzz_fail(__FILE__, __LINE__, #cond);                                      \
	} while (0)

/* Prints where an invariant failed and aborts. */
_Noreturn void fuzz_fail(const char *file, int line, const char *what);

/* Sets the locale to C.UTF-8 (wcwidth needs a UTF-8 one), once. */
void fuzz_init(void);

/* Returns a NUL-terminated copy of the size bytes at data (an embedded NUL
 * ends the string early). Never NULL: aborts if memory runs out. */
char *fuzz_string(const uint8_t *data, size_t size);

/* Writes the size bytes at data to this process's scratch file, replacing
 * what it held, and returns its path (for the readers that take one). */
const char *fuzz_file(const uint8_t *data, size_t size);

/* Returns the bundled checklist fisc-api-2018, loaded once. */
const struct checklist *fuzz_checklist(void);

/* Checks a message meant for the terminal: valid UTF-8 with no control or
 * format character but, unless one_line, line breaks and tabs. */
void fuzz_check_message(const char *msg, int one_line);

#endif
