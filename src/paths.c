/* paths: where bundled checklists and answer files live. */
#include "config.h"

#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* True when the running binary sits in the build tree (next to the
 * config.status of the tree that built it). */
static int in_build_tree(void)
{
	char exe[PATH_MAX], probe[PATH_MAX + 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0'; /* .../src */
	snprintf(probe, sizeof probe, "%s/../config.status", exe);
	return access(probe, F_OK) == 0;
}

const char *paths_datadir(void)
{
	const char *env = getenv("TENKEN_DATADIR");

	if (env && *env)
		return env;
	if (in_build_tree() && access(SRCDATADIR, F_OK) == 0)
		return SRCDATADIR;
	return PKGDATADIR;
}

const char *paths_localedir(void)
{
	if (in_build_tree() && access(BUILDLOCALEDIR, F_OK) == 0)
		return BUILDLOCALEDIR;
	return LOCALEDIR;
}

int paths_checklist(const char *arg, char *out, size_t outlen)
{
	size_t len = strlen(arg);
	int n;

	if (strchr(arg, '/') || (len > 5 && strcmp(arg + len - 5, ".yaml") == 0)) {
		n = snprintf(out, outlen, "%s", arg);
		return n < 0 || (size_t)n >= outlen ? -1 : 0;
	}
	for (const char *p = arg; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return -1;
	n = snprintf(out, outlen, "%s/%s.yaml", paths_datadir(), arg);
	if (n < 0 || (size_t)n >= outlen || access(out, R_OK) != 0)
		return -1;
	return 0;
}

int paths_mapping(const char *from, const char *to, char *out, size_t outlen)
{
	int n = snprintf(out, outlen, "%s/%s.to.%s.yaml", paths_datadir(), from, to);

	return n < 0 || (size_t)n >= outlen || access(out, R_OK) != 0 ? -1 : 0;
}

/* mkdir -p with mode 0700 for the directories it creates. */
static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

/* Writes tenken's folder under the XDG base directory named by the
 * variable xdg_var (an absolute path), or else under $HOME/home_rel, and
 * then "/" and name, to out; makes the folder (mode 0700) if create. Returns
 * 0, or -1 with errno set. */
static int xdg_file(const char *xdg_var, const char *home_rel, const char *name, int create,
		    char *out, size_t outlen)
{
	const char *xdg = getenv(xdg_var), *home = getenv("HOME");
	char dir[PATH_MAX];
	int n;

	if (xdg && *xdg == '/')
		n = snprintf(dir, sizeof dir, "%s/tenken", xdg);
	else if (home && *home)
		n = snprintf(dir, sizeof dir, "%s/%s/tenken", home, home_rel);
	else {
		errno = ENOENT;
		return -1;
	}
	if (n < 0 || (size_t)n >= sizeof dir) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (create && make_dirs(dir) != 0)
		return -1;
	n = snprintf(out, outlen, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= outlen) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int paths_default_answers(const char *id, int create, char *out, size_t outlen)
{
	char name[PATH_MAX];
	int n = snprintf(name, sizeof name, "%s.db", id);

	if (n < 0 || (size_t)n >= sizeof name) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return xdg_file("XDG_DATA_HOME", ".local/share", name, create, out, outlen);
}

int paths_state_file(const char *name, int create, char *out, size_t outlen)
{
	return xdg_file("XDG_STATE_HOME", ".local/state", name, create, out, outlen);
}

int paths_cache_file(const char *name, int create, char *out, size_t outlen)
{
	return xdg_file("XDG_CACHE_HOME", ".cache", name, create, out, outlen);
}
