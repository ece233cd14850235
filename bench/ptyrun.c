/* ptyrun: runs a full-screen program in a pseudo-terminal of a fixed size
 * and measures it as a user over SSH feels it: how long until the first
 * screen is complete, and for each key how many bytes the program sends
 * and how long until the last of them.
 *
 *   ptyrun [-s COLSxROWS] [-q QUIET_MS] -k SCENARIO -- PROGRAM [ARG]...
 *
 * A screen is complete when the output has been quiet for QUIET_MS
 * (default 60); the time reported is that of the last byte, so the quiet
 * wait adds to the run's length, never to a figure.
 *
 * SCENARIO is a file of lines "NAME REPEAT KEYS": the keys are sent REPEAT
 * times, each time measured and reported as NAME. KEYS take C escapes
 * (\r \e \t \xHH \\) and \s for a space. A NAME starting with '.' is sent
 * and waited for but not reported; the line "quit KEYS" ends the program.
 * '#' starts a comment. The line "NAME wait MS" sends nothing and counts
 * what the program writes in MS milliseconds on its own (a program that
 * is idle should send nothing); it is reported as NAME with MS in place
 * of the microseconds.
 *
 * With -o FILE, everything the program writes goes to FILE too, each
 * key's output after a line "=== NAME", to see what a figure is made of.
 *
 * Output, one sample per line, tab-separated:
 *   start   BYTES  MICROSECONDS  CONTROL
 *   NAME    BYTES  MICROSECONDS  CONTROL
 *   peak_kb KB     0             0        (VmHWM just before quitting)
 * where CONTROL is how many of the bytes were escape sequences and control
 * characters rather than text: the cost of drawing, apart from what is
 * shown.
 *
 * The program is run directly (no shell), so its process is the one whose
 * memory is read.
 *
 *   ptyrun -t N -- PROGRAM [ARG]...
 *
 * runs PROGRAM N times without a terminal (output to /dev/null) and prints
 * the microseconds each run took, exec to exit: a whole command as the
 * user waits for it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int master = -1;
static FILE *trace; /* -o: everything the program wrote, step by step */

/* Bytes that are not text: escape sequences and control characters, counted
 * across reads by a small state machine (ESC [ ... final, ESC ( x, ESC x). */
static long control;
static int esc_state; /* 0 text, 1 after ESC, 2 in CSI, 3 after ESC ( */

static void count_control(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		switch (esc_state) {
		case 0:
			if (c == 0x1b)
				esc_state = 1, control++;
			else if (c < 0x20 || c == 0x7f)
				control++;
			break;
		case 1:
			control++;
			esc_state = c == '[' ? 2 : c == '(' || c == ')' ? 3 : 0;
			break;
		case 2:
			control++;
			if (c >= 0x40 && c <= 0x7e)
				esc_state = 0;
			break;
		case 3:
			control++;
			esc_state = 0;
			break;
		}
	}
}
static pid_t child = -1;
static long quiet_ms = 60;

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void die(const char *what)
{
	fprintf(stderr, "ptyrun: %s: %s\n", what, strerror(errno));
	if (child > 0)
		kill(child, SIGKILL);
	exit(2);
}

/* Reads what the program writes for ms milliseconds. Returns the bytes. */
static long drain_for(long ms)
{
	char buf[65536];
	long total = 0;
	double end = now_us() + (double)ms * 1e3;

	for (;;) {
		double left = end - now_us();
		struct pollfd p = {master, POLLIN, 0};
		if (left <= 0)
			return total;
		int r = poll(&p, 1, (int)(left / 1e3) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("poll");
		if (r == 0)
			continue;
		ssize_t n = read(master, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return total;
		total += n;
		count_control((const unsigned char *)buf, (size_t)n);
		if (trace)
			fwrite(buf, 1, (size_t)n, trace);
	}
}

/* Reads what the program writes until it has been quiet for quiet_ms,
 * waiting up to first_ms for the first byte. Returns the bytes read; *last
 * gets the time of the last byte (0 if none came). */
static long drain(long first_ms, double *last)
{
	char buf[65536];
	long total = 0;

	*last = 0;
	for (;;) {
		struct pollfd p = {master, POLLIN, 0};
		int r = poll(&p, 1, total ? (int)quiet_ms : (int)first_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			die("poll");
		if (r == 0)
			return total;
		ssize_t n = read(master, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) /* EIO: the program has gone */
			return total;
		total += n;
		*last = now_us();
		count_control((const unsigned char *)buf, (size_t)n);
		if (trace)
			fwrite(buf, 1, (size_t)n, trace);
	}
}

static void send_keys(const char *keys, size_t len)
{
	while (len) {
		ssize_t n = write(master, keys, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("write");
		keys += n;
		len -= (size_t)n;
	}
}

/* Decodes the escapes of a scenario's KEYS in place; returns the length. */
static size_t unescape(char *s)
{
	char *o = s;

	for (char *p = s; *p; p++) {
		if (*p != '\\' || !p[1]) {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'r':
			*o++ = '\r';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 't':
			*o++ = '\t';
			break;
		case 'e':
			*o++ = 0x1b;
			break;
		case 's':
			*o++ = ' ';
			break;
		case 'x': {
			unsigned v = 0;
			int k = 0;
			while (k < 2 && p[1] && strchr("0123456789abcdefABCDEF", p[1])) {
				char c = *++p;
				v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
				k++;
			}
			*o++ = (char)v;
			break;
		}
		default:
			*o++ = *p;
		}
	}
	*o = '\0';
	return (size_t)(o - s);
}

static long peak_kb(void)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", (int)child);
	if (!(f = fopen(path, "r")))
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* Runs argv n times; prints each run's time. Returns 0 if every run
 * succeeded. */
static int time_runs(long n, char **argv)
{
	for (long k = 0; k < n; k++) {
		int status;
		double t = now_us();
		pid_t p = fork();
		if (p < 0)
			die("fork");
		if (p == 0) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0)
				dup2(fd, STDOUT_FILENO);
			execvp(argv[0], argv);
			_exit(127);
		}
		if (waitpid(p, &status, 0) < 0)
			die("waitpid");
		double us = now_us() - t;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "ptyrun: %s failed\n", argv[0]);
			return 1;
		}
		printf("%.0f\n", us);
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct winsize ws = {24, 80, 0, 0};
	long runs = 0;
	const char *scenario = NULL;
	int opt, status;
	char line[1024];
	FILE *sf;
	char quit[512];
	size_t quit_len = 0;
	double t0, last;
	long n;

	while ((opt = getopt(argc, argv, "s:q:k:t:o:")) != -1) {
		switch (opt) {
		case 'o':
			if (!(trace = fopen(optarg, "w"))) {
				fprintf(stderr, "ptyrun: %s: %s\n", optarg, strerror(errno));
				return 2;
			}
			break;
		case 't':
			runs = strtol(optarg, NULL, 10);
			break;
		case 's': {
			unsigned c, r;
			if (sscanf(optarg, "%ux%u", &c, &r) != 2 || c < 10 || r < 5 || c > 1000 ||
			    r > 1000) {
				fprintf(stderr, "ptyrun: -s: expected COLSxROWS, not \"%s\"\n",
					optarg);
				return 2;
			}
			ws.ws_col = (unsigned short)c;
			ws.ws_row = (unsigned short)r;
			break;
		}
		case 'q':
			quiet_ms = strtol(optarg, NULL, 10);
			if (quiet_ms < 5)
				quiet_ms = 5;
			break;
		case 'k':
			scenario = optarg;
			break;
		default:
			return 2;
		}
	}
	if (runs > 0 && optind < argc)
		return time_runs(runs, argv + optind);
	if (!scenario || optind >= argc) {
		fprintf(stderr,
			"usage: ptyrun [-s COLSxROWS] [-q QUIET_MS] [-o FILE] -k SCENARIO -- "
			"PROGRAM [ARG]...\n"
			"       ptyrun -t N -- PROGRAM [ARG]...\n");
		return 2;
	}
	if (!(sf = fopen(scenario, "r"))) {
		fprintf(stderr, "ptyrun: %s: %s\n", scenario, strerror(errno));
		return 2;
	}

	t0 = now_us();
	child = forkpty(&master, NULL, NULL, &ws);
	if (child < 0)
		die("forkpty");
	if (child == 0) {
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "ptyrun: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	n = drain(30000, &last);
	if (!n) {
		fprintf(stderr, "ptyrun: %s wrote nothing in 30 s\n", argv[optind]);
		kill(child, SIGKILL);
		return 1;
	}
	printf("start\t%ld\t%.0f\t%ld\n", n, last - t0, control);
	fflush(stdout);

	for (int lineno = 1; fgets(line, sizeof line, sf); lineno++) {
		char name[64], keys[512];
		int repeat;
		size_t len;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "quit %511s", keys) == 1) {
			long kb = peak_kb();
			printf("peak_kb\t%ld\t0\t0\n", kb);
			fflush(stdout);
			quit_len = unescape(keys);
			memcpy(quit, keys, quit_len);
			send_keys(quit, quit_len);
			break;
		}
		if (sscanf(line, "%63s wait %d", name, &repeat) == 2 && repeat > 0) {
			control = 0;
			if (trace)
				fprintf(trace, "\n=== %s\n", name);
			n = drain_for(repeat);
			printf("%s\t%ld\t%d\t%ld\n", name, n, repeat, control);
			continue;
		}
		if (sscanf(line, "%63s %d %511s", name, &repeat, keys) != 3 || repeat < 1) {
			fprintf(stderr, "ptyrun: %s:%d: expected NAME REPEAT KEYS\n", scenario,
				lineno);
			kill(child, SIGKILL);
			return 2;
		}
		len = unescape(keys);
		for (int k = 0; k < repeat; k++) {
			double sent = now_us();
			control = 0;
			if (trace)
				fprintf(trace, "\n=== %s\n", name);
			send_keys(keys, len);
			n = drain(1000, &last);
			if (name[0] != '.')
				printf("%s\t%ld\t%.0f\t%ld\n", name, n, n ? last - sent : 0.0,
				       control);
		}
	}
	fclose(sf);
	/* Give the program five seconds to leave, asking again after one, then
	 * tell it to stop. */
	for (int k = 0; k < 500; k++) {
		double ignored;
		drain(10, &ignored);
		if (waitpid(child, &status, WNOHANG) == child)
			return 0;
		if (k == 100 && quit_len)
			send_keys(quit, quit_len);
	}
	kill(child, SIGTERM);
	waitpid(child, &status, 0);
	fprintf(stderr, "ptyrun: %s did not quit; stopped\n", argv[optind]);
	return 1;
}
