/* Stored times (UTC) shown to a person in local time. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "timefmt.h"

static void in_tokyo(void)
{
	setenv("TZ", "JST-9", 1);
	tzset();
}

/* The draft dialog's time, an officer in Tokyo: the next morning, JST. */
static void test_local_tokyo(void **state)
{
	char out[32];
	(void)state;
	in_tokyo();
	assert_string_equal(timefmt_local("2026-12-01T18:54:38.166Z", out, sizeof out),
			    "2026-12-02 03:54 JST");
	/* As SQLite's datetime() writes it. */
	assert_string_equal(timefmt_local("2026-12-31 15:00:00", out, sizeof out),
			    "2027-01-01 00:00 JST");
	/* A leap day, and the last second of a month. */
	assert_string_equal(timefmt_local("2028-02-28T15:30:00Z", out, sizeof out),
			    "2028-02-29 00:30 JST");
	assert_string_equal(timefmt_local("2026-04-30T23:59:59Z", out, sizeof out),
			    "2026-05-01 08:59 JST");
}

static void test_local_utc(void **state)
{
	char out[32];
	(void)state;
	setenv("TZ", "UTC0", 1);
	tzset();
	assert_string_equal(timefmt_local("2026-12-01T18:54:38.166Z", out, sizeof out),
			    "2026-12-01 18:54 UTC");
}

/* Not a stored time: shown as it is, never hidden or made up. */
static void test_not_a_time(void **state)
{
	static const char *const bad[] = {
		"",
		"yesterday",
		"2026-13-01T00:00:00Z",
		"2026-02-30T00:00:00Z",
		"2026-12-01T24:00:00Z",
		"2026-12-01T18:54:38Zextra",
		"2026-1-01T00:00Z",
		"2027-02-29T00:00:00Z",
	};
	char out[40];
	time_t t;
	(void)state;
	in_tokyo();
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(timefmt_parse(bad[i], &t), -1);
		assert_string_equal(timefmt_local(bad[i], out, sizeof out), bad[i]);
	}
}

/* --since: a date in local time, or a UTC time, to compare with stored
 * times. */
static void test_arg(void **state)
{
	char out[32];
	(void)state;
	in_tokyo();
	assert_int_equal(timefmt_arg("2026-12-02", out, sizeof out), 0);
	assert_string_equal(out, "2026-12-01T15:00:00.000Z");
	assert_int_equal(timefmt_arg("2026-12-02 09:30", out, sizeof out), 0);
	assert_string_equal(out, "2026-12-02T00:30:00.000Z");
	assert_int_equal(timefmt_arg("2026-12-02T09:30:15", out, sizeof out), 0);
	assert_string_equal(out, "2026-12-02T00:30:15.000Z");
	assert_int_equal(timefmt_arg("2026-12-01T18:54:38Z", out, sizeof out), 0);
	assert_string_equal(out, "2026-12-01T18:54:38.000Z");
	/* Stored times sort as text: this one is after the day began. */
	assert_true(strcmp("2026-12-01T18:54:38.166Z", "2026-12-01T15:00:00.000Z") > 0);
	assert_int_equal(timefmt_arg("12/02/2026", out, sizeof out), -1);
	assert_int_equal(timefmt_arg("2026-12-02 25:00", out, sizeof out), -1);
	assert_int_equal(timefmt_arg("2026-12-02x", out, sizeof out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_tokyo),
		cmocka_unit_test(test_local_utc),
		cmocka_unit_test(test_not_a_time),
		cmocka_unit_test(test_arg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
