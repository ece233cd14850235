/* Times as tenken stores them (UTC, ISO 8601: 2026-12-01T18:54:38.166Z) and
 * as it shows them to a person: in the local time zone (TZ), to the minute,
 * with the zone's name -- 2026-12-02 03:54 JST. */
#ifndef TENKEN_TIMEFMT_H
#define TENKEN_TIMEFMT_H

#include <stddef.h>
#include <time.h>

/* Reads a stored time (YYYY-MM-DDTHH:MM[:SS[.fff]]Z, or with a space for the
 * T and no Z, as SQLite's datetime() writes it; always UTC) into *t.
 * Returns 0, or -1 if iso is not such a time. */
int timefmt_parse(const char *iso, time_t *t);

/* Writes the stored time iso as local time, "YYYY-MM-DD HH:MM ZONE", to out
 * (outlen bytes; 32 hold any). A text that is not a stored time is copied
 * as it is, so that nothing is hidden. Returns out. */
char *timefmt_local(const char *iso, char *out, size_t outlen);

/* Reads a date or time given on the command line (--since): YYYY-MM-DD
 * (midnight), YYYY-MM-DD HH:MM or YYYY-MM-DDTHH:MM[:SS], in local time, or
 * a stored time ending in Z (UTC). Writes it as a stored time (UTC, as
 * timefmt_parse reads) to out (outlen bytes, at least 25). Returns 0, or -1
 * if text is none of these. */
int timefmt_arg(const char *text, char *out, size_t outlen);

#endif
