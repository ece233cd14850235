/* ui_external: an answer edited in $VISUAL or $EDITOR: written to a
 * private temporary file, the editor run with the terminal given back, the
 * text read back and saved, or handed to the inline editor for checking
 * when it holds control characters. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fileio.h"
#include "gettext.h"
#include "store.h"
#include "textwidth.h"
#include "ui_external.h"
#include "ui_view.h"

/* Whether text can be saved as it is: the rule for every stored text. */
static int clean_text(const char *s)
{
	return textwidth_storable(s, strlen(s), NULL, NULL) == TEXTWIDTH_TEXT;
}

/* The editor to run: $VISUAL, else $EDITOR, else vi; *var receives the
 * variable that chose it, or NULL for the default. */
static const char *choose_editor(const char **var)
{
	static const char *const vars[] = {"VISUAL", "EDITOR"};

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *ed = getenv(vars[i]);
		if (ed && *ed) {
			*var = vars[i];
			return ed;
		}
	}
	*var = NULL;
	return "vi";
}

/* Says that the editor ed, chosen by var (NULL: the default), failed with
 * the shell's status code (127: it could not be run). */
static void editor_failed(struct ui *u, const char *ed, const char *var, int code)
{
	if (var && code == 127)
		/* TRANSLATORS: the first %s is the command, the second VISUAL or EDITOR. */
		ui_message(u, 1,
			   _("The editor \"%s\" (from $%s) could not be run; nothing was saved."),
			   ed, var);
	else if (var)
		/* TRANSLATORS: the first %s is the command, the second VISUAL or EDITOR. */
		ui_message(
			u, 1,
			_("The editor \"%s\" (from $%s) failed with status %d; nothing was saved."),
			ed, var, code);
	else
		ui_message(u, 1,
			   _("The editor \"%s\" (the default: neither $VISUAL nor $EDITOR is set) "
			     "failed with status %d; nothing was saved."),
			   ed, code);
}

/* Runs the user's editor ed on path with the terminal given back to it.
 * Returns 0 if it exited successfully, else its status as the shell gives
 * it (127: not found, 128 + N: killed by signal N). */
static int run_editor(const char *ed, const char *path)
{
	pid_t pid;
	int status;

	def_prog_mode();
	endwin();
	pid = fork();
	if (pid == 0) {
		signal(SIGHUP, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		/* $EDITOR may carry arguments ("emacs -nw"): let the shell split it. */
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", ed, path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	reset_prog_mode();
	clearok(curscr, TRUE);
	if (pid <= 0)
		return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static char *read_all(int fd, size_t limit)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	ssize_t n;

	if (!buf || lseek(fd, 0, SEEK_SET) < 0) {
		free(buf);
		return NULL;
	}
	while ((n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (len + 1 == cap) {
			char *p = cap * 2 > limit ? NULL : realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				return NULL;
			}
			buf = p;
			cap *= 2;
		}
	}
	buf[len] = '\0';
	return n < 0 ? (free(buf), NULL) : buf;
}

/* Reads back what the editor wrote: from the file at path now, since an
 * editor may save a new file under the name (emacs does, and vim with
 * backupcopy=no), leaving fd on the old text; from fd if the name no
 * longer holds a regular file of this user's. NULL if it cannot be read. */
static char *read_back(int fd, const char *path)
{
	char why[256];
	struct stat sb;
	int now = fileio_open_read(path, why, sizeof why);
	char *text;

	if (now >= 0 && (fstat(now, &sb) != 0 || sb.st_uid != geteuid())) {
		close(now);
		now = -1;
	}
	text = read_all(now >= 0 ? now : fd, 16u << 20);
	if (now >= 0)
		close(now);
	return text;
}

/* What to do with the text the editor wrote: save it, or hand it to the
 * inline editor when it has control characters or tenken must stop. */
static enum external_result take_external(struct ui *u, size_t item, size_t column, char *text,
					  int stopped, char **out)
{
	size_t n = strlen(text);
	char err[1024] = "";

	if (n && text[n - 1] == '\n')
		text[--n] = '\0'; /* the newline every editor ends a file with */
	if (strcmp(text, answers_text(u->a, item, column)) == 0) {
		ui_message(u, 0, "%s", _("No change."));
		return EXTERNAL_NONE;
	}
	if (stopped || !clean_text(text)) {
		/* Into the inline editor (which drops control characters), kept as a
		 * draft at once: the user checks it and saves with Ctrl-X. */
		if (!stopped)
			ui_message(u, 1, "%s",
				   _("The text had control characters; they were removed. Check it "
				     "and save with Ctrl-X."));
		*out = strdup(text);
		return *out ? EXTERNAL_CHECK : EXTERNAL_NONE;
	}
	switch (store_set_text(u->st, u->a, item, column, text, err, sizeof err)) {
	case 0:
		break;
	case STORE_CHANGED:
		/* Changed in the file while it was edited: both are shown. */
		*out = strdup(text);
		return *out ? EXTERNAL_CHANGED : EXTERNAL_NONE;
	default:
		ui_message(u, 1, "%s", err);
		return EXTERNAL_NONE;
	}
	ui_message(u, 0, _("Item %s: %s saved"), u->cl->items[item].label,
		   text_get(&u->cl->columns[column].name, u->lang));
	return EXTERNAL_SAVED;
}

enum external_result ui_external_edit(struct ui *u, size_t item, size_t column, char **out)
{
	enum external_result r = EXTERNAL_NONE;
	const char *tmp = getenv("TMPDIR");
	char path[4096], *text;
	const char *old = answers_text(u->a, item, column);
	int fd;

	snprintf(path, sizeof path, "%s/tenken-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(path); /* 0600: the answer is confidential */
	if (fd < 0) {
		ui_message(u, 1, _("Cannot create a temporary file: %s"), strerror(errno));
		return EXTERNAL_NONE;
	}
	if (write(fd, old, strlen(old)) != (ssize_t)strlen(old) ||
	    (*old && write(fd, "\n", 1) != 1)) {
		ui_message(u, 1, _("Cannot write the temporary file: %s"), strerror(errno));
		close(fd);
		unlink(path);
		return EXTERNAL_NONE;
	}
	const char *var, *ed = choose_editor(&var);
	int code = run_editor(ed, path);
	text = read_back(fd, path);
	close(fd);
	unlink(path);
	if (!text) {
		ui_message(u, 1, "%s", _("Cannot read the text back from the editor."));
		return EXTERNAL_NONE;
	}
	if (code != 0 && !ui_stopping())
		editor_failed(u, ed, var, code);
	else
		r = take_external(u, item, column, text, ui_stopping(), out);
	free(text);
	return r;
}
