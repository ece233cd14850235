/* Stored times (UTC) shown in local time; see timefmt.h. */
#include "config.h"

#include "timefmt.h"

#include <stdio.h>
#include <string.h>

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil): timegm() without its global state. */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads "YYYY-MM-DD", then optionally [T ]HH:MM[:SS[.fff]], then the rest
 * into *rest. Returns the number of fields read (3, 5 or 6) or -1. */
static int read_fields(const char *s, int f[6], const char **rest)
{
	int n = 0, got;

	f[3] = f[4] = f[5] = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &f[0], &f[1], &f[2], &n) != 3 || n != 10)
		return -1;
	got = 3;
	s += n;
	if (*s == 'T' || *s == ' ') {
		if (sscanf(s + 1, "%2d:%2d%n", &f[3], &f[4], &n) != 2 || n != 5)
			return -1;
		got = 5;
		s += 1 + n;
		if (*s == ':') {
			if (sscanf(s + 1, "%2d%n", &f[5], &n) != 1 || n != 2)
				return -1;
			got = 6;
			s += 1 + n;
			if (*s == '.') {
				s++;
				while (*s >= '0' && *s <= '9')
					s++;
			}
		}
	}
	if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > days_in_month(f[0], f[1]) || f[3] > 23 ||
	    f[4] > 59 || f[5] > 60 || f[3] < 0 || f[4] < 0 || f[5] < 0)
		return -1;
	*rest = s;
	return got;
}

int timefmt_parse(const char *iso, time_t *t)
{
	int f[6];
	const char *rest;

	if (!iso || read_fields(iso, f, &rest) < 5)
		return -1;
	if (*rest == 'Z')
		rest++;
	if (*rest)
		return -1;
	*t = (time_t)(days_from_civil(f[0], (unsigned)f[1], (unsigned)f[2]) * 86400 + f[3] * 3600 +
		      f[4] * 60 + f[5]);
	return 0;
}

char *timefmt_local(const char *iso, char *out, size_t outlen)
{
	time_t t;
	struct tm tm;

	if (!outlen)
		return out;
	if (timefmt_parse(iso, &t) != 0 || !localtime_r(&t, &tm) ||
	    strftime(out, outlen, "%Y-%m-%d %H:%M %Z", &tm) == 0)
		snprintf(out, outlen, "%s", iso ? iso : "");
	return out;
}

int timefmt_arg(const char *text, char *out, size_t outlen)
{
	int f[6], got;
	const char *rest;
	struct tm tm;
	time_t t;

	if (outlen < 25 || !text || (got = read_fields(text, f, &rest)) < 0)
		return -1;
	if (*rest == 'Z' && got >= 5 && !rest[1]) {
		t = (time_t)(days_from_civil(f[0], (unsigned)f[1], (unsigned)f[2]) * 86400 +
			     f[3] * 3600 + f[4] * 60 + f[5]);
	} else {
		if (*rest)
			return -1;
		memset(&tm, 0, sizeof tm);
		tm.tm_year = f[0] - 1900;
		tm.tm_mon = f[1] - 1;
		tm.tm_mday = f[2];
		tm.tm_hour = f[3];
		tm.tm_min = f[4];
		tm.tm_sec = f[5];
		tm.tm_isdst = -1;
		if ((t = mktime(&tm)) == (time_t)-1)
			return -1;
	}
	if (!gmtime_r(&t, &tm) || strftime(out, outlen, "%Y-%m-%dT%H:%M:%S.000Z", &tm) == 0)
		return -1;
	return 0;
}
