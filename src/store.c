/* store: the answer file, an SQLite database. */
#include "config.h"

#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "gettext.h"

struct store {
	sqlite3 *db;
	const struct checklist *cl;
	char *path;
	char user[64];
	char *source; /* where the changes come from, for the history; NULL: here */
	int readonly;
	int checklist_changed;
	int in_batch; /* inside store_begin/store_commit: one transaction */
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
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

_Static_assert(N_MIGRATIONS == STORE_SCHEMA_VERSION, "one migration per schema version");

static void set_err(char *err, size_t errlen, const char *path, const char *msg)
{
	snprintf(err, errlen, "%s: %s", path, msg);
}

static void db_err(struct store *st, char *err, size_t errlen)
{
	set_err(err, errlen, st->path, sqlite3_errmsg(st->db));
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
		    meta_set(st, "checklist_hash", st->cl->hash) ||
		    meta_set(st, "created_by", "tenken " PACKAGE_VERSION)) {
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

/* Creates an empty file with mode 0600, so the database never exists with
 * wider permissions (it describes a company's security weaknesses). */
static int create_private(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		set_err(err, errlen, path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
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

/* The message for a query that failed on a file just opened: a damaged or
 * foreign file only when SQLite says so, else what SQLite says. */
static const char *query_failed(sqlite3 *db, int rc)
{
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return _("not an SQLite database, or a damaged one; it was left untouched");
	return sqlite3_errmsg(db);
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
static long long check_file(struct store *st, int created, char *err, size_t errlen)
{
	long long app = 0, version = 0, tables = 0;
	char id[128], msg[512];
	int rc;

	if ((rc = query_int(st->db, "PRAGMA application_id", &app)) != SQLITE_OK ||
	    (rc = query_int(st->db, "PRAGMA user_version", &version)) != SQLITE_OK ||
	    (rc = query_int(st->db, "SELECT count(*) FROM sqlite_master", &tables)) != SQLITE_OK) {
		set_err(err, errlen, st->path, query_failed(st->db, rc));
		return -1;
	}
	if (created)
		return 0;
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
	if (strcmp(id, st->cl->id) != 0) {
		snprintf(msg, sizeof msg,
			 _("this file answers the checklist \"%s\", not \"%s\"; open it with "
			   "--checklist %s, or carry its answers over with tenken migrate"),
			 id, st->cl->id, id);
		set_err(err, errlen, st->path, msg);
		return -1;
	}
	if (meta_get(st, "checklist_hash", id, sizeof id))
		st->checklist_changed = strcmp(id, st->cl->hash) != 0;
	return version;
}

/* Finds the answer file, or creates it empty (mode 0600) unless opening
 * read-only. Returns 1 if it was created, 0 if it exists, -1 on error. */
static int find_or_create(struct store *st, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(st->path, &sb) == 0) {
		if (S_ISREG(sb.st_mode))
			return 0;
		set_err(err, errlen, st->path, _("not a regular file"));
		return -1;
	}
	if (errno != ENOENT) {
		set_err(err, errlen, st->path, strerror(errno));
		return -1;
	}
	if (st->readonly) {
		set_err(err, errlen, st->path, _("there is no such answer file"));
		return -1;
	}
	return create_private(st->path, err, errlen) == 0 ? 1 : -1;
}

struct store *store_open(const char *path, const struct checklist *cl, int flags, char *err,
			 size_t errlen)
{
	struct store *st = calloc(1, sizeof *st);
	int created = 0, oflags;
	long long version;

	if (!st || !(st->path = strdup(path))) {
		free(st);
		set_err(err, errlen, path, _("out of memory"));
		return NULL;
	}
	st->cl = cl;
	st->readonly = flags & STORE_READONLY;
	who(st->user, sizeof st->user);
	if ((created = find_or_create(st, err, errlen)) < 0) {
		created = 0;
		goto fail;
	}
	oflags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (open_db(path, oflags, &st->db) != SQLITE_OK) {
		db_err(st, err, errlen);
		goto fail;
	}
	version = check_file(st, created, err, errlen);
	if (version < 0)
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
	return st;
fail:
	if (created)
		unlink(path);
	store_close(st);
	return NULL;
}

int store_peek_checklist(const char *path, char *id, size_t idlen, char *err, size_t errlen)
{
	struct store st = {0};
	long long app = 0;
	int rc = -1, qrc;

	if (access(path, R_OK) != 0) {
		set_err(err, errlen, path, strerror(errno));
		return -1;
	}
	if (open_db(path, SQLITE_OPEN_READONLY, &st.db) != SQLITE_OK) {
		set_err(err, errlen, path, sqlite3_errmsg(st.db));
	} else if ((qrc = query_int(st.db, "PRAGMA application_id", &app)) != SQLITE_OK) {
		set_err(err, errlen, path, query_failed(st.db, qrc));
	} else if (app != STORE_APPLICATION_ID) {
		set_err(err, errlen, path, _("not a tenken answer file; it was left untouched"));
	} else if (!meta_get(&st, "checklist_id", id, idlen)) {
		set_err(err, errlen, path, _("the file does not say which checklist it answers"));
	} else {
		rc = 0;
	}
	sqlite3_close(st.db);
	return rc;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	if (st->in_batch)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(st->db);
	free(st->source);
	free(st->path);
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
	return 0;
}

int store_commit(struct store *st, char *err, size_t errlen)
{
	st->in_batch = 0;
	if (exec(st, "COMMIT", err, errlen) != 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

void store_rollback(struct store *st)
{
	if (st->in_batch)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_batch = 0;
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

/* Records one change: the new value (NULL deletes) and a history row, in
 * one transaction. */
static int record(struct store *st, int item, const char *field, const char *old_value,
		  const char *new_value, char *err, size_t errlen)
{
	static const char now[] = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
	int is_status = strcmp(field, "status") == 0;
	char num[16], sql[256];
	const char *p[4];

	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	snprintf(num, sizeof num, "%d", item);
	if (!st->in_batch && exec(st, "BEGIN IMMEDIATE", err, errlen) != 0)
		return -1;
	p[0] = num, p[1] = field, p[2] = new_value, p[3] = st->user;
	if (is_status)
		snprintf(sql, sizeof sql,
			 "INSERT OR REPLACE INTO status (item, status, time, user)"
			 " VALUES (?1, ?3, %s, ?4)",
			 now);
	else if (new_value)
		snprintf(sql, sizeof sql,
			 "INSERT OR REPLACE INTO answer (item, field, text, time, user)"
			 " VALUES (?1, ?2, ?3, %s, ?4)",
			 now);
	else
		snprintf(sql, sizeof sql, "DELETE FROM answer WHERE item = ?1 AND field = ?2");
	if (run(st, sql, p, is_status || new_value ? 4 : 2) != 0)
		goto fail;
	const char *hp[6] = {num, field, old_value, new_value, st->user, st->source};
	snprintf(sql, sizeof sql,
		 "INSERT INTO history (item, field, old, new, time, user, source)"
		 " VALUES (?1, ?2, ?3, ?4, %s, ?5, ?6)",
		 now);
	if (run(st, sql, hp, 6) != 0)
		goto fail;
	/* The saved text supersedes any draft of it. */
	if (!is_status && run(st, "DELETE FROM draft WHERE item = ?1 AND field = ?2", p, 2) != 0)
		goto fail;
	if (!st->in_batch && exec(st, "COMMIT", err, errlen) != 0)
		goto fail;
	return 0;
fail:
	if (!*err)
		db_err(st, err, errlen);
	if (!st->in_batch)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int store_set_status(struct store *st, struct answers *a, size_t i, enum status s, char *err,
		     size_t errlen)
{
	if (a->status[i] == s)
		return 0;
	if (record(st, st->cl->items[i].number, "status", status_key(a->status[i]), status_key(s),
		   err, errlen) != 0)
		return -1;
	a->status[i] = s;
	return 0;
}

int store_set_text(struct store *st, struct answers *a, size_t i, size_t c, const char *text,
		   char *err, size_t errlen)
{
	const char *old = answers_text(a, i, c);

	if (!text)
		text = "";
	if (strcmp(old, text) == 0)
		return st->readonly ? 0 : store_drop_draft(st, i, c, err, errlen);
	if (record(st, st->cl->items[i].number, st->cl->columns[c].id, *old ? old : NULL,
		   *text ? text : NULL, err, errlen) != 0)
		return -1;
	if (answers_set_text(a, i, c, text) != 0) {
		set_err(err, errlen, st->path, _("out of memory"));
		return -1;
	}
	return 0;
}

static char *dup_column(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);

	return t ? strdup((const char *)t) : NULL;
}

struct store_change *store_history(struct store *st, int item, size_t *n)
{
	sqlite3_stmt *s;
	struct store_change *out = NULL;
	size_t cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT item, field, old, new, time, user, source FROM history"
			       " WHERE ?1 = 0 OR item = ?1 ORDER BY id",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int(s, 1, item);
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
		c->item = sqlite3_column_int(s, 0);
		snprintf(c->field, sizeof c->field, "%s", sqlite3_column_text(s, 1));
		c->old_value = dup_column(s, 2);
		c->new_value = dup_column(s, 3);
		snprintf(c->time, sizeof c->time, "%s", sqlite3_column_text(s, 4));
		snprintf(c->user, sizeof c->user, "%s", sqlite3_column_text(s, 5));
		c->source = dup_column(s, 6);
	}
	sqlite3_finalize(s);
	return out;
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
	const char *p[4];

	if (st->readonly) {
		set_err(err, errlen, st->path, _("opened read-only"));
		return -1;
	}
	snprintf(num, sizeof num, "%d", st->cl->items[i].number);
	p[0] = num, p[1] = st->cl->columns[c].id, p[2] = text ? text : "", p[3] = st->user;
	if (run(st,
		"INSERT OR REPLACE INTO draft (item, field, text, time, user)"
		" VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?4)",
		p, 4) != 0) {
		db_err(st, err, errlen);
		return -1;
	}
	return 0;
}

int store_drop_draft(struct store *st, size_t i, size_t c, char *err, size_t errlen)
{
	char num[16];
	const char *p[2];

	if (st->readonly)
		return 0;
	snprintf(num, sizeof num, "%d", st->cl->items[i].number);
	p[0] = num, p[1] = st->cl->columns[c].id;
	if (run(st, "DELETE FROM draft WHERE item = ?1 AND field = ?2", p, 2) != 0) {
		db_err(st, err, errlen);
		return -1;
	}
	return 0;
}

struct store_draft *store_drafts(struct store *st, size_t *n)
{
	sqlite3_stmt *s;
	struct store_draft *out = NULL;
	size_t cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT item, field, text, time FROM draft ORDER BY time",
			       -1, &s, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(s) == SQLITE_ROW) {
		long i = checklist_find_item(st->cl, sqlite3_column_int(s, 0));
		long c = checklist_find_column(st->cl, (const char *)sqlite3_column_text(s, 1));
		if (i < 0 || c < 0)
			continue; /* not in this checklist: left in the file */
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
		if (!d->text)
			(*n)--;
	}
	sqlite3_finalize(s);
	return out;
}

void store_drafts_free(struct store_draft *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i].text);
	free(d);
}
