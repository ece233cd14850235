/* store: the answer file, an SQLite database. */
#include "config.h"

#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fileio.h"
#include "gettext.h"

struct store {
	sqlite3 *db;
	const struct checklist *cl;
	char *path; /* as the user gave it: the name in messages */
	char *real; /* the same with its folder resolved: the name SQLite opens */
	char user[64];
	char *source;           /* where the changes come from, for the history; NULL: here */
	char session[128];      /* this session: host:pid:time, which its drafts carry */
	int registered;         /* its row in the session table (the interface's) */
	long long data_version; /* PRAGMA data_version when last looked at */
	int readonly;
	int checklist_changed;
	int in_batch;           /* inside store_begin/store_commit: one transaction */
	long long last_change;  /* the history id of the last change recorded here */
	long long batch_change; /* last_change when the batch began */
};

/* Schema migrations, applied in order in one transaction: migrations[v]
 * takes a file from user_version v to v + 1. Never edit a released entry;
 * append a new one. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
	"CREATE TABLE status (item INTEGER PRIMARY KEY, status TEXT NOT NULL"
	"  CHECK (status IN ('unanswered','implemented','partial','not-implemented',"
	"'not-applicable')), time TEXT NOT NULL, user TEXT NOT NULL);\n"
	"CREATE TABLE answer (item INTEGER NOT NULL, field TEXT NOT NULL,"
	"  text TEXT NOT NULL, time TEXT NOT NULL, user TEXT NOT NULL,"
	"  PRIMARY KEY (item, field));\n"
	"CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  item INTEGER NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT,"
	"  time TEXT NOT NULL, user TEXT NOT NULL);\n"
	"CREATE INDEX history_item ON history (item);\n"
	"CREATE TRIGGER history_no_update BEFORE UPDATE ON history"
	"  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;\n"
	"CREATE TRIGGER history_no_delete BEFORE DELETE ON history"
	"  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;\n",
	/* 1 -> 2: text being typed in the editor, kept until it is saved or
	 * dropped, so that a dropped connection loses nothing. */
	"CREATE TABLE draft (item INTEGER NOT NULL, field TEXT NOT NULL,"
	"  text TEXT NOT NULL, time TEXT NOT NULL, user TEXT NOT NULL,"
	"  PRIMARY KEY (item, field));\n",
	/* 2 -> 3: where a change came from (an imported workbook), when not
	 * typed here. */
	"ALTER TABLE history ADD COLUMN source TEXT;\n",
	/* 3 -> 4: drafts per session, so that two sessions typing in one
	 * column each keep theirs; the sessions of the interface now open. */
	"CREATE TABLE draft4 (item INTEGER NOT NULL, field TEXT NOT NULL,"
	"  session TEXT NOT NULL, text TEXT NOT NULL, time TEXT NOT NULL,"
	"  user TEXT NOT NULL, PRIMARY KEY (item, field, session));\n"
	"INSERT INTO draft4 SELECT item, field, '', text, time, user FROM draft;\n"
	"DROP TABLE draft;\n"
	"ALTER TABLE draft4 RENAME TO draft;\n"
	"CREATE TABLE session (id TEXT PRIMARY KEY, host TEXT NOT NULL,"
	"  pid INTEGER NOT NULL, user TEXT NOT NULL, started TEXT NOT NULL);\n",
	/* 4 -> 5: the review -- the reviewing side's verdict on each item,
	 * and a thread of comments that is only ever added to. */
	"CREATE TABLE verdict (item INTEGER PRIMARY KEY, verdict TEXT NOT NULL"
	"  CHECK (verdict IN ('confirmed','query','finding')),"
	"  time TEXT NOT NULL, user TEXT NOT NULL);\n"
	"CREATE TABLE comment (id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  item INTEGER NOT NULL, text TEXT NOT NULL, time TEXT NOT NULL,"
	"  user TEXT NOT NULL, source TEXT);\n"
	"CREATE INDEX comment_item ON comment (item);\n"
	"CREATE TRIGGER comment_no_update BEFORE UPDATE ON comment"
	"  BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;\n"
	"CREATE TRIGGER comment_no_delete BEFORE DELETE ON comment"
	"  BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;\n",
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION, "one migration per schema version");

static void set_err(char *err, size_t errlen, const char *path, const char *msg)
{
	snprintf(err, errlen, "%s: %s", path, msg);
}

/* Writes the message for SQLite's result rc on db about the file path: a
 * full disk said so, whatever SQLite calls it (a -shm that cannot grow is
 * an I/O error, a journal that cannot be made cannot be opened), else
 * SQLite's words. */
static void sql_err(char *err, size_t errlen, const char *path, sqlite3 *db, int rc)
{
	int primary = rc & 0xff;

	if (!db)
		set_err(err, errlen, path, _("out of memory"));
	else if (primary == SQLITE_FULL ||
		 ((primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) &&
		  fileio_disk_full(sqlite3_system_errno(db))))
		fileio_full_err(err, errlen, path);
	else
		set_err(err, errlen, path, sqlite3_errmsg(db));
}

static void db_err(struct store *st, char *err, size_t errlen)
{
	sql_err(err, errlen, st->path, st->db, sqlite3_extended_errcode(st->db));
}

/* Runs a query that returns one integer; returns 0 or an SQLite code. */
static int query_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

static int exec(struct store *st, const char *sql, char *err, size_t errlen)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_err(st, err, errlen);
		return -1;
	}
	return 0;
}

/* Runs sql with the text parameters params[0..n) and steps it to the end. */
static int run(struct store *st, const char *sql, const char *const *params, int n)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(s, i + 1, params[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads a meta value into out (outlen bytes); returns 1 if found. */
static int meta_get(struct store *st, const char *key, char *out, size_t outlen)
{
	sqlite3_stmt *s;
	int found = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = ?", -1, &s, NULL) !=
	    SQLITE_OK)
		return 0;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(s, 0));
		found = 1;
	}
	sqlite3_finalize(s);
	return found;
}

static int meta_set(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", -1,
			       &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Records the items the checklist asks, by label, one a line: what a
 * changed overlay is compared with (store_recorded_items). */
static int record_items(struct store *st)
{
	size_t len = 1;
	char *list, *p;
	int rc;

	for (size_t i = 0; i < st->cl->n_items; i++)
		len += strlen(st->cl->items[i].label) + 1;
	if (!(p = list = malloc(len)))
		return -1;
	*p = '\0';
	for (size_t i = 0; i < st->cl->n_items; i++)
		p += sprintf(p, "%s%s", i ? "\n" : "", st->cl->items[i].label);
	rc = meta_set(st, "checklist_items", list);
	free(list);
	return rc;
}

/* Records the checklist file's full path, so that a checklist that is not
 * bundled (a bank's overlay) is found again without --checklist. */
static int record_path(struct store *st)
{
	char *full = st->cl->path ? realpath(st->cl->path, NULL) : NULL;
	int rc = full ? meta_set(st, "checklist_path", full) : 0;

	free(full);
	return rc;
}

/* Brings a file of schema version `from` up to date, in one transaction. */
static int migrate(struct store *st, long long from, char *err, size_t errlen)
{
	char sql[64];

	if (exec(st, "BEGIN IMMEDIATE", err, errlen) != 0)
		return -1;
	for (size_t v = (size_t)from; v < N_MIGRATIONS; v++)
		if (exec(st, migrations[v], err, errlen) != 0)
			goto fail;
	if (from == 0) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d", STORE_APPLICATION_ID);
		if (exec(st, sql, err, errlen) != 0 || meta_set(st, "checklist_id", st->cl->id) ||
		    meta_set(st, "checklist_hash", st->cl->hash) || record_items(st) ||
		    record_path(st) || meta_set(st, "created_by", "tenken " PACKAGE_VERSION)) {
			db_err(st, err, errlen);
			goto fail;
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	if (exec(st, sql, err, errlen) != 0 || exec(st, "COMMIT", err, errlen) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* A name for this session unlike any other's: host, process, time. */
static void session_id(char *out, size_t len)
{
	char host[200] = "";
	struct timespec now;

	gethostname(host, sizeof host - 1);
	clock_gettime(CLOCK_REALTIME, &now);
	snprintf(out, len, "%s:%ld:%lld.%09ld", host, (long)getpid(), (long long)now.tv_sec,
		 now.tv_nsec);
}

static void who(char *out, size_t len)
{
	const struct passwd *pw = getpwuid(getuid());
	const char *name = pw ? pw->pw_name : getenv("USER");

	snprintf(out, len, "%s", name && *name ? name : "?");
}

/* Opens the database at path with the settings every connection needs:
 * extended result codes, and waiting up to 5 s for another tenken holding
 * the file (a commit, or the checkpoint when a session closes) rather than
 * failing at once. Returns an SQLite result code; *db is set either way. */
static int open_db(const char *path, int flags, sqlite3 **db)
{
	int rc = sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOFOLLOW, NULL);

	if (*db) {
		sqlite3_extended_result_codes(*db, 1);
		sqlite3_busy_timeout(*db, 5000);
	}
	return rc;
}

/* Writes the message for a query that failed on the file path just
 * opened: a damaged or foreign file only when SQLite says so. */
static void query_failed(char *err, size_t errlen, const char *path, sqlite3 *db, int rc)
{
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		set_err(err, errlen, path,
			_("not an SQLite database, or a damaged one; it was left untouched"));
	else if (rc == SQLITE_READONLY_CANTINIT) /* a -wal left over, no -shm, none can be made */
		set_err(err, errlen, path,
			_("its folder cannot be written and the file was not closed cleanly (a "
			  "-wal file is beside it); open it once where its folder can be written"));
	else
		sql_err(err, errlen, path, db, rc);
}

/* quick_check returns its verdict as text: "ok" or a list of problems. */
static int quick_check_ok(sqlite3 *db)
{
	sqlite3_stmt *s;
	int ok = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &s, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
	sqlite3_finalize(s);
	return ok;
}

/* Checks that the open file is a tenken answer file this tenken can use,
 * without writing to it. Returns its schema version or -1. */
static long long check_file(struct store *st, char *err, size_t errlen)
{
	long long app = 0, version = 0, tables = 0;
	const struct checklist *answers = st->cl; /* the checklist the file answers */
	char id[128], msg[512];
	int rc;

	if ((rc = query_int(st->db, "PRAGMA application_id", &app)) != SQLITE_OK ||
	    (rc = query_int(st->db, "PRAGMA user_version", &version)) != SQLITE_OK ||
	    (rc = query_int(st->db, "SELECT count(*) FROM sqlite_master", &tables)) != SQLITE_OK) {
		query_failed(err, errlen, st->path, st->db, rc);
		return -1;
	}
	if (app != STORE_APPLICATION_ID) {
		set_err(err, errlen, st->path,
			_("not a tenken answer file; it was left untouched"));
		return -1;
	}
	if (version > STORE_SCHEMA_VERSION) {
		snprintf(msg, sizeof msg,
			 _("written by a newer tenken (schema %lld; this tenken reads up to %d); "
			   "it was left untouched"),
			 version, STORE_SCHEMA_VERSION);
		set_err(err, errlen, st->path, msg);
		return -1;
	}
	if (!quick_check_ok(st->db)) {
		set_err(err, errlen, st->path, _("the file is damaged; it was left untouched"));
		return -1;
	}
	if (!meta_get(st, "checklist_id", id, sizeof id)) {
		set_err(err, errlen, st->path,
			_("the file does not say which checklist it answers"));
		return -1;
	}
	/* An overlay opens the answers of its base: the items they share
	 * keep their numbers. */
	if (st->cl->base && strcmp(id, st->cl->base->id) == 0)
		answers = st->cl->base;
	if (strcmp(id, answers->id) != 0) {
		snprintf(msg, sizeof msg,
			 _("this file answers the checklist \"%s\", not \"%s\"; open it with "
			   "--checklist %s, or carry its answers over with tenken migrate"),
			 id, st->cl->id, id);
		set_err(err, errlen, st->path, msg);
		return -1;
	}
	if (meta_get(st, "checklist_hash", id, sizeof id))
		st->checklist_changed = strcmp(id, answers->hash) != 0;
	return version;
}

/* ---- Finding, making and opening the file ---- */

/* Writes "PATH is ..." for what cannot be an answer file: a symbolic link
 * (which could lead the answers where nobody meant them to go: SQLite is
 * told to follow none), a directory, a FIFO or a device. */
static void refuse_kind(const struct store *st, mode_t mode, char *err, size_t errlen)
{
	if (S_ISLNK(mode))
		snprintf(err, errlen, _("%s is a symbolic link; give the real path with -f"),
			 st->path);
	else if (S_ISDIR(mode))
		snprintf(err, errlen, _("%s is a directory"), st->path);
	else
		snprintf(err, errlen, _("%s is not a regular file"), st->path);
}

/* Writes the folder of path (path up to its last '/', "." if none) to dir
 * (PATH_MAX bytes). Returns 0, or -1 (errno ENAMETOOLONG) if it does not
 * fit. */
static int folder_of(const char *path, char *dir)
{
	const char *slash = strrchr(path, '/');
	size_t len = !slash ? 0 : slash == path ? 1 : (size_t)(slash - path);

	if (len >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (!slash)
		strcpy(dir, ".");
	else
		snprintf(dir, PATH_MAX, "%.*s", (int)len, path);
	return 0;
}

/* Sets st->real, the name SQLite opens: st->path with its folder resolved
 * (SQLITE_OPEN_NOFOLLOW refuses a symbolic link anywhere in a name, and a
 * home reached through one is common) and its last component as given,
 * which must be a regular file or nothing. Returns 0 for a regular file, 1
 * for none, or -1 with a message in err. */
static int locate(struct store *st, char *err, size_t errlen)
{
	const char *base = strrchr(st->path, '/') ? strrchr(st->path, '/') + 1 : st->path;
	char dir[PATH_MAX], real[PATH_MAX];
	struct stat sb;
	int exists = lstat(st->path, &sb) == 0;

	if (!exists && errno != ENOENT) {
		set_err(err, errlen, st->path, strerror(errno));
		return -1;
	}
	if (exists && !S_ISREG(sb.st_mode)) {
		refuse_kind(st, sb.st_mode, err, errlen);
		return -1;
	}
	if (folder_of(st->path, dir) != 0 || !realpath(dir, real)) {
		set_err(err, errlen, st->path, strerror(errno));
		return -1;
	}
	free(st->real);
	if (!(st->real = malloc(strlen(real) + strlen(base) + 2))) {
		set_err(err, errlen, st->path, _("out of memory"));
		return -1;
	}
	sprintf(st->real, "%s%s%s", real, strcmp(real, "/") ? "/" : "", base);
	return !exists;
}

/* Whether this process may write the file and make its journal (-wal,
 * -shm) beside it: the file and its folder are writable. (A folder that is
 * not, holding a -wal and a -shm that are, is taken as read-only too.) */
static int writable_here(const struct store *st)
{
	char dir[PATH_MAX];

	return access(st->real, W_OK) == 0 && folder_of(st->real, dir) == 0 &&
	       access(dir, W_OK) == 0;
}

/* Whether the file has a -wal beside it: a connection has it open now, or
 * one ended without cleaning up. */
static int has_wal(const struct store *st)
{
	char wal[PATH_MAX + 8];

	snprintf(wal, sizeof wal, "%s-wal", st->real);
	return access(wal, F_OK) == 0;
}

/* Opens st->real read-only and immutable: SQLite makes no -wal or -shm
 * beside it. A reader that cannot write the file must not: a folder it
 * cannot write refuses them, and made with the file's mode they would keep
 * the file's owner from writing it later. Only for a file that no
 * connection has open (no -wal). Returns an SQLite result code. */
static int open_immutable(struct store *st)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = malloc(3 * strlen(st->real) + 32), *q;
	int rc;

	if (!uri)
		return SQLITE_NOMEM;
	q = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)st->real; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			*q++ = (char)*p;
		} else {
			*q++ = '%';
			*q++ = hex[*p >> 4];
			*q++ = hex[*p & 15];
		}
	strcpy(q, "?immutable=1");
	rc = open_db(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &st->db);
	free(uri);
	return rc;
}

/* Writes "PATH is read-only", saying why when it is the folder. */
static void refuse_read_only(const struct store *st, char *err, size_t errlen)
{
	if (access(st->real, W_OK) == 0 && !(st->db && sqlite3_db_readonly(st->db, "main") == 1))
		snprintf(err, errlen, _("%s is read-only (its folder cannot be written)"),
			 st->path);
	else
		snprintf(err, errlen, _("%s is read-only"), st->path);
}

/* Opens the existing file: for writing, unless flags say STORE_READONLY
 * or the file cannot be written, which STORE_OR_READONLY accepts (opening
 * it read-only) and else is an error. Returns 0 or -1. */
static int open_existing(struct store *st, int flags, char *err, size_t errlen)
{
	int writable = writable_here(st), rc;

	if (!writable && !(flags & (STORE_READONLY | STORE_OR_READONLY))) {
		refuse_read_only(st, err, errlen);
		return -1;
	}
	st->readonly = (flags & STORE_READONLY) || !writable;
	if (!st->readonly)
		rc = open_db(st->real, SQLITE_OPEN_READWRITE, &st->db);
	else if ((!writable || (flags & STORE_NOTOUCH)) && !has_wal(st))
		rc = open_immutable(st);
	else
		rc = open_db(st->real, SQLITE_OPEN_READONLY, &st->db);
	if (rc != SQLITE_OK) {
		sql_err(err, errlen, st->path, st->db, rc);
		return -1;
	}
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
		/* access() allowed what the file system does not (mounted
		 * read-only, say): SQLite opened it read-only. */
		if (!(flags & STORE_OR_READONLY)) {
			refuse_read_only(st, err, errlen);
			return -1;
		}
		st->readonly = 1;
	}
	return 0;
}

/* Writes the schema of a new answer file into the empty file tmp and
 * closes it in WAL mode. Returns 0 or -1. */
static int build_new(struct store *st, const char *tmp, char *err, size_t errlen)
{
	int rc = open_db(tmp, SQLITE_OPEN_READWRITE, &st->db);

	if (rc != SQLITE_OK) {
		sql_err(err, errlen, st->path, st->db, rc);
		rc = -1;
	} else if (migrate(st, 0, err, errlen) != 0 ||
		   exec(st, "PRAGMA journal_mode = WAL", err, errlen) != 0) {
		/* The schema went in under the rollback journal, into the
		 * file itself; WAL, which the header records, only then. */
		rc = -1;
	}
	if (sqlite3_close(st->db) != SQLITE_OK && rc == 0) {
		db_err(st, err, errlen);
		rc = -1;
	}
	st->db = NULL;
	return rc;
}

/* Removes the temporary file tmp and whatever SQLite left beside it. */
static void remove_temporary(const char *tmp)
{
	static const char *const sides[] = {"", "-journal", "-wal", "-shm"};
	char name[PATH_MAX + 80];

	for (size_t k = 0; k < sizeof sides / sizeof sides[0]; k++) {
		snprintf(name, sizeof name, "%s%s", tmp, sides[k]);
		unlink(name);
	}
}

/* Syncs the file or folder at path to disk. Returns 0 or -1 (errno set). */
static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Gives the file tmp the name path too, unless path exists already (then
 * another tenken made the file first, and theirs is the file). Returns 0,
 * or -1 with errno set. */
static int put_in_place(const char *tmp, const char *path)
{
	if (link(tmp, path) == 0 || errno == EEXIST)
		return 0;
#ifdef RENAME_NOREPLACE
	/* A file system without hard links (FAT on a USB stick): a rename
	 * that replaces nothing instead. */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0 || errno == EEXIST)
		return 0;
#endif
	return -1;
}

/* Makes a new answer file at st->real, whole or not at all: under a
 * temporary name in its folder, mode 0600 (the file describes a company's
 * security weaknesses), with its schema, synced, then given its name. A
 * tenken that finds the name never sees a file half made; of two making it
 * at once, the first to name it wins and the other opens that one.
 * Returns 0 or -1. */
static int create_file(struct store *st, char *err, size_t errlen)
{
	char tmp[PATH_MAX + 64], dir[PATH_MAX];
	int fd = -1, rc = -1;

	for (unsigned k = 0; fd < 0 && k < 100; k++) {
		snprintf(tmp, sizeof tmp, "%s.new-%ld-%u", st->real, (long)getpid(), k);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		fileio_errno_err(err, errlen, st->path, errno);
		return -1;
	}
	close(fd);
	if (build_new(st, tmp, err, errlen) != 0) {
		/* the message is set */
	} else if (sync_path(tmp) != 0 || put_in_place(tmp, st->real) != 0 ||
		   folder_of(st->real, dir) != 0 || sync_path(dir) != 0) {
		fileio_errno_err(err, errlen, st->path, errno);
	} else {
		rc = 0;
	}
	remove_temporary(tmp);
	return rc;
}

struct store *store_open(const char *path, const struct checklist *cl, int flags, char *err,
			 size_t errlen)
{
	struct store *st = calloc(1, sizeof *st);
	long long version;
	int found;

	if (!st || !(st->path = strdup(path))) {
		free(st);
		set_err(err, errlen, path, _("out of memory"));
		return NULL;
	}
	st->cl = cl;
	st->readonly = flags & STORE_READONLY;
	who(st->user, sizeof st->user);
	session_id(st->session, sizeof st->session);
	if ((found = locate(st, err, errlen)) < 0)
		goto fail;
	if (found == 1 && st->readonly) {
		set_err(err, errlen, st->path, _("there is no such answer file"));
		goto fail;
	}
	if (found == 1 && (create_file(st, err, errlen) != 0 || locate(st, err, errlen) != 0))
		goto fail;
	if (open_existing(st, flags, err, errlen) != 0 ||
	    (version = check_file(st, err, errlen)) < 0)
		goto fail;
	if (!st->readonly) {
		/* Durability: WAL with synchronous=FULL syncs the log once per
		 * commit (about 0.15 ms measured), against four syncs for the
		 * rollback journal (about 0.8 ms), and a commit that returned is
		 * on disk even if the power fails a moment later. NORMAL would
		 * risk losing the last answers on power loss; OFF, the file. */
		if (exec(st, "PRAGMA journal_mode = WAL", err, errlen) != 0 ||
		    exec(st, "PRAGMA synchronous = FULL", err, errlen) != 0)
			goto fail;
		if (version < STORE_SCHEMA_VERSION && migrate(st, version, err, errlen) != 0)
			goto fail;
	} else if (version < STORE_SCHEMA_VERSION) {
		set_err(err, errlen, path,
			_("the file needs an upgrade; open it once without --read-only"));
		goto fail;
	}
	/* Changes from here on are others': store_changed_elsewhere. */
	query_int(st->db, "PRAGMA data_version", &st->data_version);
	return st;
fail:
	store_close(st);
	return NULL;
}

int store_readonly(const struct store *st)
{
	return st->readonly;
}

int store_peek_checklist(const char *path, char *id, size_t idlen, char *err, size_t errlen)
{
	return store_peek(path, "checklist_id", id, idlen, err, errlen);
}

int store_peek(const char *path, const char *key, char *id, size_t idlen, char *err, size_t errlen)
{
	struct store st = {.path = strdup(path)};
	long long app = 0;
	int rc = -1, qrc, found = st.path ? locate(&st, err, errlen) : -1;

	if (!st.path)
		set_err(err, errlen, path, _("out of memory"));
	if (found == 1)
		set_err(err, errlen, path, strerror(ENOENT));
	if (found != 0 || open_existing(&st, STORE_READONLY | STORE_NOTOUCH, err, errlen) != 0) {
		/* the message is set */
	} else if ((qrc = query_int(st.db, "PRAGMA application_id", &app)) != SQLITE_OK) {
		query_failed(err, errlen, path, st.db, qrc);
	} else if (app != STORE_APPLICATION_ID) {
		set_err(err, errlen, path, _("not a tenken answer file; it was left untouched"));
	} else if (!meta_get(&st, key, id, idlen)) {
		set_err(err, errlen, path, _("the file does not say which checklist it answers"));
	} else {
		rc = 0;
	}
	sqlite3_close(st.db);
	free(st.real);
	free(st.path);
	return rc;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->in_batch)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (st->registered) {
		const char *p[1] = {st->session};
		run(st, "DELETE FROM session WHERE id = ?1", p, 1);
	}
	sqlite3_close(st->db);
	free(st->source);
	free(st->path);
	free(st->real);
	free(st);
}

int store_set_source(struct store *st, const char *source)
{
	char *copy = source ? strdup(source) : NULL;

	if (source && !copy)
		return -1;
	free(st->source);
	st->source = copy;
	return 0;
}

int store_begin(struct store *st, char *err, size_t errlen)
{
	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	if (exec(st, "BEGIN IMMEDIATE", err, errlen) != 0)
		return -1;
	st->in_batch = 1;
	st->batch_change = st->last_change;
	return 0;
}

int store_commit(struct store *st, char *err, size_t errlen)
{
	st->in_batch = 0;
	if (exec(st, "COMMIT", err, errlen) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		st->last_change = st->batch_change;
		return -1;
	}
	return 0;
}

void store_rollback(struct store *st)
{
	if (st->in_batch) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		st->last_change = st->batch_change;
	}
	st->in_batch = 0;
}

long long store_last_change(const struct store *st)
{
	return st->last_change;
}

int store_item_times(struct store *st, char (*times)[32])
{
	sqlite3_stmt *s;

	for (size_t i = 0; i < st->cl->n_items; i++)
		times[i][0] = '\0';
	if (sqlite3_prepare_v2(st->db, "SELECT item, max(time) FROM history GROUP BY item", -1, &s,
			       NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(s) == SQLITE_ROW) {
		long i = checklist_find_item(st->cl, sqlite3_column_int(s, 0));
		const unsigned char *t = sqlite3_column_text(s, 1);
		if (i >= 0 && t)
			snprintf(times[i], sizeof times[i], "%s", (const char *)t);
	}
	sqlite3_finalize(s);
	return 0;
}

int store_checklist_changed(const struct store *st)
{
	return st->checklist_changed;
}

char *store_recorded_items(struct store *st)
{
	sqlite3_stmt *s;
	char *list = NULL;

	if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'checklist_items'", -1,
			       &s, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		list = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return list;
}

/* Reads each item's verdict and latest comment into a. */
static int load_review(struct store *st, struct answers *a, char *err, size_t errlen)
{
	static const char *const sql[] = {
		"SELECT item, verdict FROM verdict",
		"SELECT item, text FROM comment ORDER BY id",
	};
	sqlite3_stmt *s;

	for (size_t q = 0; q < 2; q++) {
		if (sqlite3_prepare_v2(st->db, sql[q], -1, &s, NULL) != SQLITE_OK) {
			db_err(st, err, errlen);
			return -1;
		}
		while (sqlite3_step(s) == SQLITE_ROW) {
			long i = checklist_find_item(st->cl, sqlite3_column_int(s, 0));
			const char *v = (const char *)sqlite3_column_text(s, 1);
			int verdict = q == 0 && v ? verdict_parse(v) : -1;
			if (i < 0 || !v)
				continue;
			if (q == 0 && verdict > 0)
				a->verdict[i] = (enum verdict)verdict;
			if (q == 1 && answers_set_comment(a, (size_t)i, v) != 0) {
				sqlite3_finalize(s);
				set_err(err, errlen, st->path, _("out of memory"));
				return -1;
			}
		}
		sqlite3_finalize(s);
	}
	return 0;
}

int store_load(struct store *st, struct answers *a, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	const struct checklist *cl = st->cl;

	if (sqlite3_prepare_v2(st->db, "SELECT item, status FROM status", -1, &s, NULL) !=
	    SQLITE_OK) {
		db_err(st, err, errlen);
		return -1;
	}
	while (sqlite3_step(s) == SQLITE_ROW) {
		long i = checklist_find_item(cl, sqlite3_column_int(s, 0));
		int status = status_parse((const char *)sqlite3_column_text(s, 1));
		if (i >= 0 && status >= 0)
			a->status[i] = (enum status)status;
	}
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(st->db, "SELECT item, field, text FROM answer", -1, &s, NULL) !=
	    SQLITE_OK) {
		db_err(st, err, errlen);
		return -1;
	}
	while (sqlite3_step(s) == SQLITE_ROW) {
		long i = checklist_find_item(cl, sqlite3_column_int(s, 0));
		long c = checklist_find_column(cl, (const char *)sqlite3_column_text(s, 1));
		if (i >= 0 && c >= 0 &&
		    answers_set_text(a, (size_t)i, (size_t)c,
				     (const char *)sqlite3_column_text(s, 2)) != 0) {
			sqlite3_finalize(s);
			set_err(err, errlen, st->path, _("out of memory"));
			return -1;
		}
	}
	sqlite3_finalize(s);
	return load_review(st, a, err, errlen);
}

/* A column of the current row, newly allocated (NULL if it is NULL). */
static char *dup_column(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t ? strdup((const char *)t) : NULL;
}

/* Reads the value the file holds now for item's field (the status key, or
 * the text; NULL when there is none) into *out, newly allocated. Returns 0
 * or -1. */
static int file_value(struct store *st, const char *num, const char *field, char **out)
{
	int is_status = strcmp(field, "status") == 0, is_verdict = strcmp(field, "verdict") == 0;
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	if (sqlite3_prepare_v2(st->db,
			       is_status ? "SELECT status FROM status WHERE item = ?1"
			       : is_verdict
				       ? "SELECT verdict FROM verdict WHERE item = ?1"
				       : "SELECT text FROM answer WHERE item = ?1 AND field = ?2",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, num, -1, SQLITE_STATIC);
	if (!is_status && !is_verdict)
		sqlite3_bind_text(s, 2, field, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = dup_column(s, 0);
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW && !*out)
		return -1;
	if (!*out && is_status && !(*out = strdup(status_key(STATUS_UNANSWERED))))
		return -1;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int session_running(struct store *st, const char *session);

/* Deletes the drafts of item number num's field kept by this session or by
 * sessions that have ended. Returns 0 or -1. */
static int drop_stale_drafts(struct store *st, const char *num, const char *field)
{
	sqlite3_stmt *s;
	char **stale = NULL;
	size_t n = 0;
	int rc = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT session FROM draft WHERE item = ?1 AND field = ?2",
			       -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, num, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, field, -1, SQLITE_STATIC);
	while (rc == 0 && sqlite3_step(s) == SQLITE_ROW) {
		char **more = realloc(stale, (n + 1) * sizeof *stale);
		if (!more || !(more[n] = dup_column(s, 0)))
			rc = -1;
		if (more)
			stale = more, n += rc == 0;
	}
	sqlite3_finalize(s);
	for (size_t k = 0; k < n; k++) {
		const char *p[3] = {num, field, stale[k]};
		if (rc == 0 && !session_running(st, stale[k]))
			rc = run(
				st,
				"DELETE FROM draft WHERE item = ?1 AND field = ?2 AND session = ?3",
				p, 3);
		free(stale[k]);
	}
	free(stale);
	return rc;
}

/* Records one change in one transaction (or the batch's): reads what the
 * file holds now; unless STORE_FORCE, writes nothing and returns
 * STORE_CHANGED (the file's value in *now) when that is not `expected`,
 * the value this session read; else writes new_value (NULL deletes) and a
 * history row whose old value is the file's. Returns 0, -1 or
 * STORE_CHANGED. */
static int record(struct store *st, int item, const char *field, const char *expected,
		  const char *new_value, int flags, char **now, char *err, size_t errlen)
{
	static const char time_now[] = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
	int is_status = strcmp(field, "status") == 0, is_verdict = strcmp(field, "verdict") == 0;
	int rc = -1;
	long long before = st->last_change;
	char num[16], sql[256], *held = NULL;
	const char *p[4];

	*now = NULL;
	if (errlen)
		err[0] = '\0'; /* set below by what fails, or by db_err */
	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	snprintf(num, sizeof num, "%d", item);
	if (!st->in_batch && exec(st, "BEGIN IMMEDIATE", err, errlen) != 0)
		return -1;
	if (file_value(st, num, field, &held) != 0)
		goto fail;
	if (!same(held, expected) && !(flags & STORE_FORCE)) {
		if (!st->in_batch)
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		*now = held;
		return STORE_CHANGED;
	}
	if (!same(held, new_value)) {
		p[0] = num, p[1] = field, p[2] = new_value, p[3] = st->user;
		if (is_status)
			snprintf(sql, sizeof sql,
				 "INSERT OR REPLACE INTO status (item, status, time, user)"
				 " VALUES (?1, ?3, %s, ?4)",
				 time_now);
		else if (is_verdict && new_value)
			snprintf(sql, sizeof sql,
				 "INSERT OR REPLACE INTO verdict (item, verdict, time, user)"
				 " VALUES (?1, ?3, %s, ?4)",
				 time_now);
		else if (is_verdict)
			snprintf(sql, sizeof sql, "DELETE FROM verdict WHERE item = ?1");
		else if (new_value)
			snprintf(sql, sizeof sql,
				 "INSERT OR REPLACE INTO answer (item, field, text, time, user)"
				 " VALUES (?1, ?2, ?3, %s, ?4)",
				 time_now);
		else
			snprintf(sql, sizeof sql,
				 "DELETE FROM answer WHERE item = ?1 AND field = ?2");
		if (run(st, sql, p, is_status || new_value ? 4 : is_verdict ? 1 : 2) != 0)
			goto fail;
		const char *hp[6] = {num, field, held, new_value, st->user, st->source};
		snprintf(sql, sizeof sql,
			 "INSERT INTO history (item, field, old, new, time, user, source)"
			 " VALUES (?1, ?2, ?3, ?4, %s, ?5, ?6)",
			 time_now);
		if (run(st, sql, hp, 6) != 0)
			goto fail;
		st->last_change = sqlite3_last_insert_rowid(st->db);
	}
	/* The saved text supersedes this session's draft of it, and those of
	 * sessions that have ended; a running session keeps its own. */
	if (!is_status && !is_verdict && drop_stale_drafts(st, num, field) != 0)
		goto fail;
	if (!st->in_batch && exec(st, "COMMIT", err, errlen) != 0)
		goto fail;
	rc = 0;
fail:
	if (rc != 0) {
		if (!*err)
			db_err(st, err, errlen);
		if (!st->in_batch) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			st->last_change = before;
		}
	}
	free(held);
	return rc;
}

int store_set_status_flags(struct store *st, struct answers *a, size_t i, enum status s, int flags,
			   char *err, size_t errlen)
{
	char *now;
	int rc;

	if (a->status[i] == s && !(flags & STORE_FORCE))
		return 0;
	rc = record(st, st->cl->items[i].number, "status", status_key(a->status[i]), status_key(s),
		    flags, &now, err, errlen);
	if (rc == STORE_CHANGED) {
		int held = status_parse(now);
		a->status[i] = held >= 0 ? (enum status)held : STATUS_UNANSWERED;
		free(now);
		return STORE_CHANGED;
	}
	if (rc == 0)
		a->status[i] = s;
	return rc;
}

int store_set_status(struct store *st, struct answers *a, size_t i, enum status s, char *err,
		     size_t errlen)
{
	return store_set_status_flags(st, a, i, s, 0, err, errlen);
}

int store_set_text_flags(struct store *st, struct answers *a, size_t i, size_t c, const char *text,
			 int flags, char *err, size_t errlen)
{
	const char *old = answers_text(a, i, c);
	char *now;
	int rc;

	if (!text)
		text = "";
	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	rc = record(st, st->cl->items[i].number, st->cl->columns[c].id, *old ? old : NULL,
		    *text ? text : NULL, flags, &now, err, errlen);
	if (rc == STORE_CHANGED) {
		/* What the file holds now: the caller shows it beside the text. */
		if (answers_set_text(a, i, c, now) != 0)
			rc = -1;
		free(now);
		return rc;
	}
	if (rc == 0 && answers_set_text(a, i, c, text) != 0) {
		set_err(err, errlen, st->path, _("out of memory"));
		return -1;
	}
	return rc;
}

int store_set_text(struct store *st, struct answers *a, size_t i, size_t c, const char *text,
		   char *err, size_t errlen)
{
	return store_set_text_flags(st, a, i, c, text, 0, err, errlen);
}

int store_set_verdict(struct store *st, struct answers *a, size_t i, enum verdict v, int flags,
		      char *err, size_t errlen)
{
	const char *old = a->verdict[i] ? verdict_info(a->verdict[i])->key : NULL;
	char *now;
	int rc;

	if (a->verdict[i] == v && !(flags & STORE_FORCE))
		return 0;
	rc = record(st, st->cl->items[i].number, "verdict", old, v ? verdict_info(v)->key : NULL,
		    flags, &now, err, errlen);
	if (rc == STORE_CHANGED) {
		int held = now ? verdict_parse(now) : VERDICT_NONE;
		a->verdict[i] = held > 0 ? (enum verdict)held : VERDICT_NONE;
		free(now);
		return STORE_CHANGED;
	}
	if (rc == 0)
		a->verdict[i] = v;
	return rc;
}

int store_add_comment(struct store *st, struct answers *a, size_t i, const char *text, char *err,
		      size_t errlen)
{
	static const char time_now[] = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
	char num[16], sql[256];

	if (errlen)
		err[0] = '\0';
	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	if (!text || !*text) {
		set_err(err, errlen, st->path, _("a comment may not be empty"));
		return -1;
	}
	snprintf(num, sizeof num, "%d", st->cl->items[i].number);
	if (!st->in_batch && exec(st, "BEGIN IMMEDIATE", err, errlen) != 0)
		return -1;
	const char *p[4] = {num, text, st->user, st->source};
	snprintf(sql, sizeof sql,
		 "INSERT INTO comment (item, text, time, user, source) VALUES (?1, ?2, %s, ?3, ?4)",
		 time_now);
	if (run(st, sql, p, 4) != 0)
		goto fail;
	/* In the history like every change: nothing replaced. */
	const char *hp[5] = {num, "comment", text, st->user, st->source};
	snprintf(sql, sizeof sql,
		 "INSERT INTO history (item, field, old, new, time, user, source)"
		 " VALUES (?1, ?2, NULL, ?3, %s, ?4, ?5)",
		 time_now);
	if (run(st, sql, hp, 5) != 0)
		goto fail;
	/* The thread and the history, together or not at all. */
	if (!st->in_batch && exec(st, "COMMIT", err, errlen))
		goto fail;
	if (answers_set_comment(a, i, text) != 0) {
		set_err(err, errlen, st->path, _("out of memory"));
		return -1;
	}
	return 0;
fail:
	if (!*err)
		db_err(st, err, errlen);
	if (!st->in_batch)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

struct store_comment *store_comments(struct store *st, int item, size_t *n)
{
	sqlite3_stmt *s;
	struct store_comment *c = NULL;
	const char *sql = item ? "SELECT item, text, time, user, source FROM comment"
				 " WHERE item = ?1 ORDER BY id"
			       : "SELECT item, text, time, user, source FROM comment ORDER BY id";

	*n = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	if (item)
		sqlite3_bind_int(s, 1, item);
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct store_comment *more = realloc(c, (*n + 1) * sizeof *c);
		if (!more)
			break;
		c = more;
		memset(&c[*n], 0, sizeof c[*n]);
		c[*n].item = sqlite3_column_int(s, 0);
		c[*n].text = dup_column(s, 1);
		snprintf(c[*n].time, sizeof c[*n].time, "%s", sqlite3_column_text(s, 2));
		snprintf(c[*n].user, sizeof c[*n].user, "%s", sqlite3_column_text(s, 3));
		c[*n].source = dup_column(s, 4);
		if (!c[*n].text)
			break;
		(*n)++;
	}
	sqlite3_finalize(s);
	if (!*n) {
		free(c);
		return NULL;
	}
	return c;
}

void store_comments_free(struct store_comment *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].text);
		free(c[i].source);
	}
	free(c);
}

/* Reads the history rows that stmt s selects (id, item, field, old, new,
 * time, user, source), oldest first. */
static struct store_change *read_changes(sqlite3_stmt *s, size_t *n)
{
	struct store_change *out = NULL;
	size_t cap = 0;

	while (sqlite3_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			struct store_change *bigger;
			cap = cap ? cap * 2 : 16;
			bigger = realloc(out, cap * sizeof *out);
			if (!bigger)
				break;
			out = bigger;
		}
		struct store_change *c = &out[(*n)++];
		c->id = sqlite3_column_int64(s, 0);
		c->item = sqlite3_column_int(s, 1);
		snprintf(c->field, sizeof c->field, "%s", sqlite3_column_text(s, 2));
		c->old_value = dup_column(s, 3);
		c->new_value = dup_column(s, 4);
		snprintf(c->time, sizeof c->time, "%s", sqlite3_column_text(s, 5));
		snprintf(c->user, sizeof c->user, "%s", sqlite3_column_text(s, 6));
		c->source = dup_column(s, 7);
	}
	sqlite3_finalize(s);
	return out;
}

struct store_change *store_history(struct store *st, int item, size_t *n)
{
	sqlite3_stmt *s;

	*n = 0;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT id, item, field, old, new, time, user, source FROM history"
			       " WHERE ?1 = 0 OR item = ?1 ORDER BY id",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int(s, 1, item);
	return read_changes(s, n);
}

struct store_change *store_history_range(struct store *st, long long first, long long last,
					 size_t *n)
{
	sqlite3_stmt *s;

	*n = 0;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT id, item, field, old, new, time, user, source FROM history"
			       " WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(s, 1, first);
	sqlite3_bind_int64(s, 2, last);
	return read_changes(s, n);
}

void store_changes_free(struct store_change *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].old_value);
		free(c[i].new_value);
		free(c[i].source);
	}
	free(c);
}

int store_save_draft(struct store *st, size_t i, size_t c, const char *text, char *err,
		     size_t errlen)
{
	char num[16];
	const char *p[5];

	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	snprintf(num, sizeof num, "%d", st->cl->items[i].number);
	p[0] = num, p[1] = st->cl->columns[c].id, p[2] = text ? text : "", p[3] = st->user;
	p[4] = st->session;
	if (run(st,
		"INSERT OR REPLACE INTO draft (item, field, session, text, time, user)"
		" VALUES (?1, ?2, ?5, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?4)",
		p, 5) != 0) {
		db_err(st, err, errlen);
		return -1;
	}
	return 0;
}

/* Deletes the draft of item number num, field, session. */
static int delete_draft(struct store *st, const char *num, const char *field, const char *session,
			char *err, size_t errlen)
{
	const char *p[3] = {num, field, session};

	if (st->readonly)
		return 0;
	if (run(st, "DELETE FROM draft WHERE item = ?1 AND field = ?2 AND session = ?3", p, 3) !=
	    0) {
		db_err(st, err, errlen);
		return -1;
	}
	return 0;
}

int store_drop_draft(struct store *st, size_t i, size_t c, char *err, size_t errlen)
{
	char num[16];

	snprintf(num, sizeof num, "%d", st->cl->items[i].number);
	return delete_draft(st, num, st->cl->columns[c].id, st->session, err, errlen);
}

int store_forget_draft(struct store *st, const struct store_draft *d, char *err, size_t errlen)
{
	char num[16];

	snprintf(num, sizeof num, "%d", st->cl->items[d->item].number);
	return delete_draft(st, num, st->cl->columns[d->column].id, d->session, err, errlen);
}

/* Whether process pid of this host is alive: it exists and, where /proc
 * tells, is not a zombie (killed, its parent not yet told). */
static int process_alive(pid_t pid)
{
	char path[64], buf[256];
	FILE *f;
	char *close_paren;

	if (kill(pid, 0) != 0 && errno != EPERM)
		return 0;
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if (!(f = fopen(path, "r")))
		return 1;
	buf[fgets(buf, sizeof buf, f) ? sizeof buf - 1 : 0] = '\0';
	fclose(f);
	close_paren = strrchr(buf, ')');
	return !(close_paren && close_paren[1] == ' ' && close_paren[2] == 'Z');
}

/* Whether session, another of the interface's, is still running: it has
 * its row, and on this host its process is alive (another host's cannot be
 * told, so it is taken as running while its row is there). */
static int session_running(struct store *st, const char *session)
{
	sqlite3_stmt *s;
	int running = 0;
	char host[256] = "";

	if (!strcmp(session, st->session) ||
	    sqlite3_prepare_v2(st->db, "SELECT host, pid FROM session WHERE id = ?1", -1, &s,
			       NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(s, 1, session, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		pid_t pid = (pid_t)sqlite3_column_int64(s, 1);
		gethostname(host, sizeof host - 1);
		running = strcmp((const char *)sqlite3_column_text(s, 0), host) != 0 ||
			  (pid != getpid() && process_alive(pid));
	}
	sqlite3_finalize(s);
	return running;
}

struct store_draft *store_drafts(struct store *st, size_t *n)
{
	sqlite3_stmt *s;
	struct store_draft *out = NULL;
	size_t cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT item, field, text, time, session FROM draft ORDER BY time",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		long i = checklist_find_item(st->cl, sqlite3_column_int(s, 0));
		long c = checklist_find_column(st->cl, (const char *)sqlite3_column_text(s, 1));
		const char *session = (const char *)sqlite3_column_text(s, 4);
		if (i < 0 || c < 0 || session_running(st, session))
			continue; /* not in this checklist, or another session's: left alone */
		if (*n == cap) {
			struct store_draft *bigger;
			cap = cap ? cap * 2 : 4;
			bigger = realloc(out, cap * sizeof *out);
			if (!bigger)
				break;
			out = bigger;
		}
		struct store_draft *d = &out[(*n)++];
		d->item = (size_t)i;
		d->column = (size_t)c;
		d->text = dup_column(s, 2);
		snprintf(d->time, sizeof d->time, "%s", sqlite3_column_text(s, 3));
		snprintf(d->session, sizeof d->session, "%s", session);
		if (!d->text)
			(*n)--;
	}
	sqlite3_finalize(s);
	return out;
}

int store_begin_session(struct store *st, char *err, size_t errlen)
{
	char host[256] = "", pid[32];
	const char *p[4] = {st->session, host, pid, st->user};

	if (st->readonly)
		return 0;
	gethostname(host, sizeof host - 1);
	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	if (run(st,
		"INSERT OR REPLACE INTO session (id, host, pid, user, started)"
		" VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
		p, 4) != 0) {
		db_err(st, err, errlen);
		return -1;
	}
	st->registered = 1;
	return 0;
}

int store_changed_elsewhere(struct store *st)
{
	long long v = 0;

	if (query_int(st->db, "PRAGMA data_version", &v) != SQLITE_OK || v == st->data_version)
		return 0;
	st->data_version = v;
	return 1;
}

/* Whether item index i differs between a and b. */
static int item_differs(const struct checklist *cl, const struct answers *a,
			const struct answers *b, size_t i)
{
	if (a->status[i] != b->status[i] || a->verdict[i] != b->verdict[i] ||
	    strcmp(answers_comment(a, i), answers_comment(b, i)) != 0)
		return 1;
	for (size_t c = 0; c < cl->n_columns; c++)
		if (strcmp(answers_text(a, i, c), answers_text(b, i, c)) != 0)
			return 1;
	return 0;
}

long store_refresh(struct store *st, struct answers *a, size_t *changed, size_t max, char *who,
		   size_t wholen, char *err, size_t errlen)
{
	struct answers *b = answers_new(st->cl);
	sqlite3_stmt *s;
	long n = 0;

	if (!b || store_load(st, b, err, errlen) != 0) {
		answers_free(b);
		return -1;
	}
	for (size_t i = 0; i < st->cl->n_items; i++) {
		if (!item_differs(st->cl, a, b, i))
			continue;
		if ((size_t)n < max)
			changed[n] = i;
		n++;
		a->status[i] = b->status[i];
		a->verdict[i] = b->verdict[i];
		if (answers_set_comment(a, i, answers_comment(b, i)) != 0) {
			set_err(err, errlen, st->path, _("out of memory"));
			answers_free(b);
			return -1;
		}
		for (size_t c = 0; c < st->cl->n_columns; c++)
			if (answers_set_text(a, i, c, answers_text(b, i, c)) != 0) {
				set_err(err, errlen, st->path, _("out of memory"));
				answers_free(b);
				return -1;
			}
	}
	answers_free(b);
	if (wholen)
		who[0] = '\0';
	if (sqlite3_prepare_v2(st->db, "SELECT user FROM history ORDER BY id DESC LIMIT 1", -1, &s,
			       NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW && wholen)
			snprintf(who, wholen, "%s", sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	return n;
}

void store_drafts_free(struct store_draft *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i].text);
	free(d);
}

int store_connector(struct store *st, char *out, size_t outlen)
{
	if (outlen)
		out[0] = '\0';
	return meta_get(st, "connector", out, outlen);
}

int store_set_connector(struct store *st, const char *name, char *err, size_t errlen)
{
	static const char history[] = "INSERT INTO history (item, field, old, new, time, user,"
				      " source) VALUES (0, 'connector', ?1, ?2,"
				      " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?3, ?4)";
	char held[STORE_CONNECTOR_MAX];
	int had;

	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	if (exec(st, "BEGIN IMMEDIATE", err, errlen) != 0)
		return -1;
	had = meta_get(st, "connector", held, sizeof held);
	if (!same(had ? held : NULL, *name ? name : NULL)) {
		const char *p[4] = {had ? held : NULL, *name ? name : NULL, st->user, st->source},
			   *key[1] = {"connector"};
		if ((*name ? meta_set(st, "connector", name)
			   : run(st, "DELETE FROM meta WHERE key = ?1", key, 1)) != 0 ||
		    run(st, history, p, 4) != 0) {
			db_err(st, err, errlen);
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	return exec(st, "COMMIT", err, errlen);
}
