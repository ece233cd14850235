/* Tests of the answer store: round trip, history, permissions, and the
 * files it must refuse without touching them. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "answers.h"
#include "checklist_yaml.h"
#include "fixtures.h"
#include "store.h"

struct fx {
	char dir[64];
	char path[128];
	struct checklist *cl;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char err[512];

	if (!f)
		return -1;
	strcpy(f->dir, "/tmp/tenken-test-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/answers.db", f->dir);
	f->cl = checklist_load_buffer("mini.yaml", FIXTURE_YAML, strlen(FIXTURE_YAML), err,
				      sizeof err);
	*state = f;
	return f->cl ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	checklist_free(f->cl);
	free(f);
	return 0;
}

static struct store *open_ok(struct fx *f, int flags)
{
	char err[512] = "";
	struct store *st = store_open(f->path, f->cl, flags, err, sizeof err);
	if (!st)
		fail_msg("store_open: %s", err);
	return st;
}

static void test_round_trip(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl), *b = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	char err[512];

	assert_int_equal(store_set_status(st, a, 0, STATUS_PARTIAL, err, sizeof err), 0);
	assert_int_equal(
		store_set_text(st, a, 0, 0, "責任者を任命済み。\n規程は未整備。", err, sizeof err),
		0);
	assert_int_equal(store_set_text(st, a, 2, 1, "来期に対応", err, sizeof err), 0);
	store_close(st);

	st = open_ok(f, STORE_READONLY);
	assert_int_equal(store_load(st, b, err, sizeof err), 0);
	assert_int_equal(b->status[0], STATUS_PARTIAL);
	assert_int_equal(b->status[1], STATUS_UNANSWERED);
	assert_string_equal(answers_text(b, 0, 0), "責任者を任命済み。\n規程は未整備。");
	assert_string_equal(answers_text(b, 2, 1), "来期に対応");
	assert_string_equal(answers_text(b, 1, 0), "");
	store_close(st);
	answers_free(a);
	answers_free(b);
}

static void test_file_is_private(void **state)
{
	struct fx *f = *state;
	struct stat sb;
	mode_t old = umask(0);
	struct store *st = open_ok(f, 0);

	umask(old);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	store_close(st);
}

/* A new answer file is made whole beside the path and then linked to it,
 * so that a tenken killed meanwhile leaves no empty file there that the
 * next would refuse (tests/kill9.sh kills it so): the file at the path is
 * complete as soon as it exists, and nothing is left beside it. */
static void test_created_whole(void **state)
{
	struct fx *f = *state;
	struct store *st = open_ok(f, 0);
	char cmd[256], line[256];
	FILE *ls;
	sqlite3 *db;
	sqlite3_stmt *s;

	store_close(st);
	snprintf(cmd, sizeof cmd, "ls -A '%s'", f->dir);
	ls = popen(cmd, "r");
	assert_non_null(ls);
	while (fgets(line, sizeof line, ls))
		if (strncmp(line, "answers.db\n", 11) && strncmp(line, "answers.db-", 11))
			fail_msg("left beside the answer file: %s", line);
	pclose(ls);
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'checklist_id'",
					    -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "mini");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static void test_history(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	struct store_change *h;
	char err[512];
	size_t n;

	assert_int_equal(store_set_text(st, a, 0, 0, "一回目", err, sizeof err), 0);
	assert_int_equal(store_set_text(st, a, 0, 0, "二回目", err, sizeof err), 0);
	assert_int_equal(store_set_text(st, a, 0, 0, "二回目", err, sizeof err), 0); /* no change */
	assert_int_equal(store_set_text(st, a, 0, 0, "", err, sizeof err), 0);
	assert_int_equal(store_set_status(st, a, 1, STATUS_NOT_APPLICABLE, err, sizeof err), 0);
	h = store_history(st, 1, &n);
	assert_int_equal(n, 3);
	assert_string_equal(h[0].field, "current");
	assert_null(h[0].old_value);
	assert_string_equal(h[0].new_value, "一回目");
	assert_string_equal(h[1].old_value, "一回目");
	assert_string_equal(h[1].new_value, "二回目");
	assert_string_equal(h[2].old_value, "二回目");
	assert_null(h[2].new_value);
	assert_true(strlen(h[0].time) >= 20 && h[0].time[4] == '-');
	assert_true(strlen(h[0].user) > 0);
	store_changes_free(h, n);
	h = store_history(st, 2, &n);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].field, "status");
	assert_string_equal(h[0].old_value, "unanswered");
	assert_string_equal(h[0].new_value, "not-applicable");
	store_changes_free(h, n);
	store_close(st);
	answers_free(a);
}

/* The history can be added to, never rewritten, even with plain SQL. */
static void test_history_append_only(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	char err[512];
	sqlite3 *db;

	assert_int_equal(store_set_text(st, a, 0, 0, "記録", err, sizeof err), 0);
	store_close(st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE history SET new = 'x'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM history", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	answers_free(a);
}

static void test_read_only_never_creates(void **state)
{
	struct fx *f = *state;
	char err[512];

	assert_null(store_open(f->path, f->cl, STORE_READONLY, err, sizeof err));
	assert_int_not_equal(access(f->path, F_OK), 0);
}

/* Reads a whole file, to show that a refused file was left untouched. */
static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	*len = (size_t)ftell(fp);
	rewind(fp);
	buf = malloc(*len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, *len, fp), *len);
	fclose(fp);
	return buf;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void expect_refused_untouched(struct fx *f, const char *what)
{
	size_t len0, len1;
	char *before = slurp(f->path, &len0), *after, err[512] = "";
	struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);

	if (st)
		fail_msg("opened, but expected \"%s\"", what);
	if (!strstr(err, what) || strncmp(err, f->path, strlen(f->path)) != 0)
		fail_msg("error \"%s\", expected the path and \"%s\"", err, what);
	after = slurp(f->path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(before);
	free(after);
	/* No journal or WAL was left beside it either. */
	char side[160];
	snprintf(side, sizeof side, "%s-wal", f->path);
	assert_int_not_equal(access(side, F_OK), 0);
}

static void test_not_sqlite_refused(void **state)
{
	struct fx *f = *state;
	write_file(f->path, "現在の対応状況,今後の対応予定\nこれはCSVです\n");
	expect_refused_untouched(f, "not an SQLite database");
}

static void test_foreign_sqlite_refused(void **state)
{
	struct fx *f = *state;
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(
		sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	expect_refused_untouched(f, "not a tenken answer file");
}

static void test_newer_schema_refused(void **state)
{
	struct fx *f = *state;
	sqlite3 *db;

	store_close(open_ok(f, 0));
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	expect_refused_untouched(f, "newer tenken (schema 99");
}

static void test_corrupt_refused(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	char err[512];
	FILE *fp;

	for (int i = 0; i < 200; i++)
		store_set_text(st, a, (size_t)i % 3, 0, i % 2 ? "対応済みである。" : "未対応", err,
			       sizeof err);
	store_close(st);
	/* Scribble over the second page (a b-tree page), keep the header. */
	fp = fopen(f->path, "r+b");
	assert_non_null(fp);
	fseek(fp, 4096 + 8, SEEK_SET);
	for (int i = 0; i < 64; i++)
		fputc(0xA5, fp);
	fclose(fp);
	expect_refused_untouched(f, "damaged");
	answers_free(a);
}

static void test_other_checklist_refused(void **state)
{
	struct fx *f = *state;
	char err[512];
	char *other_yaml = strdup(FIXTURE_YAML);
	struct checklist *other;

	store_close(open_ok(f, 0));
	memcpy(strstr(other_yaml, "id: mini"), "id: midi", 8);
	other = checklist_load_buffer("midi.yaml", other_yaml, strlen(other_yaml), err, sizeof err);
	assert_non_null(other);
	assert_null(store_open(f->path, other, 0, err, sizeof err));
	assert_non_null(strstr(err, "answers the checklist \"mini\", not \"midi\""));
	checklist_free(other);
	free(other_yaml);
}

static void test_peek(void **state)
{
	struct fx *f = *state;
	char id[64], err[512];

	store_close(open_ok(f, 0));
	assert_int_equal(store_peek_checklist(f->path, id, sizeof id, err, sizeof err), 0);
	assert_string_equal(id, "mini");
}

/* A file at schema version 0 (an empty database) is brought up to date. */
static void test_migration_from_empty(void **state)
{
	struct fx *f = *state;
	sqlite3 *db;
	sqlite3_stmt *s;

	write_file(f->path, "");
	chmod(f->path, 0600);
	/* An empty file is a valid, empty SQLite database of version 0 — but
	 * not a tenken file: it is refused rather than taken over. */
	expect_refused_untouched(f, "not a tenken answer file");
	unlink(f->path);
	store_close(open_ok(f, 0));
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), STORE_SCHEMA_VERSION);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* A draft survives closing the file, is not an answer, and is gone once
 * the text is saved. */
static void test_draft_kept_until_saved(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	struct store_draft *d;
	size_t n;
	char err[512];

	assert_int_equal(store_save_draft(st, 2, 1, "入力途中の", err, sizeof err), 0);
	assert_int_equal(store_save_draft(st, 2, 1, "入力途中の回答", err, sizeof err), 0);
	store_close(st);

	st = open_ok(f, 0);
	assert_int_equal(store_load(st, a, err, sizeof err), 0);
	assert_string_equal(answers_text(a, 2, 1), "");
	d = store_drafts(st, &n);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].item, 2);
	assert_int_equal(d[0].column, 1);
	assert_string_equal(d[0].text, "入力途中の回答");
	store_drafts_free(d, n);

	assert_int_equal(store_set_text(st, a, 2, 1, "入力途中の回答", err, sizeof err), 0);
	d = store_drafts(st, &n);
	assert_int_equal(n, 0);
	store_drafts_free(d, n);
	store_close(st);
	answers_free(a);
}

/* Dropping a draft leaves the saved answer as it was. */
static void test_draft_dropped(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	struct store_draft *d;
	size_t n;
	char err[512];

	assert_int_equal(store_set_text(st, a, 0, 0, "保存済み", err, sizeof err), 0);
	assert_int_equal(store_save_draft(st, 0, 0, "保存済みに追記", err, sizeof err), 0);
	assert_int_equal(store_drop_draft(st, 0, 0, err, sizeof err), 0);
	d = store_drafts(st, &n);
	assert_int_equal(n, 0);
	store_drafts_free(d, n);
	assert_string_equal(answers_text(a, 0, 0), "保存済み");
	store_close(st);
	answers_free(a);
}

/* A file of schema version 1 (before drafts) is upgraded in place, its
 * answers intact. */
/* The schema of released answer files, as they were written: version 1,
 * and version 2, which added drafts. */
#define SCHEMA_V1                                                                                  \
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"                           \
	"CREATE TABLE status (item INTEGER PRIMARY KEY, status TEXT NOT NULL"                      \
	"  CHECK (status IN ('unanswered','implemented','partial','not-implemented',"              \
	"'not-applicable')), time TEXT NOT NULL, user TEXT NOT NULL);"                             \
	"CREATE TABLE answer (item INTEGER NOT NULL, field TEXT NOT NULL,"                         \
	"  text TEXT NOT NULL, time TEXT NOT NULL, user TEXT NOT NULL,"                            \
	"  PRIMARY KEY (item, field));"                                                            \
	"CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT,"                              \
	"  item INTEGER NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT,"                        \
	"  time TEXT NOT NULL, user TEXT NOT NULL);"                                               \
	"CREATE INDEX history_item ON history (item);"                                             \
	"CREATE TRIGGER history_no_update BEFORE UPDATE ON history"                                \
	"  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;"                          \
	"CREATE TRIGGER history_no_delete BEFORE DELETE ON history"                                \
	"  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;"
#define SCHEMA_V2                                                                                  \
	SCHEMA_V1 "CREATE TABLE draft (item INTEGER NOT NULL, field TEXT NOT NULL,"                \
		  "  text TEXT NOT NULL, time TEXT NOT NULL, user TEXT NOT NULL,"                  \
		  "  PRIMARY KEY (item, field));"

/* Writes an answer file of an older schema, with one answer and its
 * history row, as that tenken would have. */
static void write_old_file(struct fx *f, const char *schema, int version)
{
	char sql[4096];
	sqlite3 *db;

	snprintf(sql, sizeof sql,
		 "%s PRAGMA application_id = %d; PRAGMA user_version = %d;"
		 "INSERT INTO meta VALUES ('checklist_id', '%s'), ('checklist_hash', '%s');"
		 "INSERT INTO answer VALUES (1, 'current', '古い版の回答', '2024-01-01T00:00:00Z', "
		 "'u');"
		 "INSERT INTO history (item, field, old, new, time, user)"
		 " VALUES (1, 'current', NULL, '古い版の回答', '2024-01-01T00:00:00Z', 'u');",
		 schema, STORE_APPLICATION_ID, version, f->cl->id, f->cl->hash);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* A file of each older schema is brought up to date in place: its answers
 * and history kept, drafts and the history's source working. */
static void test_migration_from_older_schemas(void **state)
{
	static const struct {
		const char *schema;
		int version;
	} old[] = {{SCHEMA_V1, 1}, {SCHEMA_V2, 2}};
	struct fx *f = *state;
	char err[512];

	for (size_t k = 0; k < sizeof old / sizeof old[0]; k++) {
		struct answers *a = answers_new(f->cl);
		struct store *st;
		struct store_change *h;
		size_t n;
		unlink(f->path);
		write_old_file(f, old[k].schema, old[k].version);
		st = open_ok(f, 0);
		assert_int_equal(store_load(st, a, err, sizeof err), 0);
		assert_string_equal(answers_text(a, 0, 0), "古い版の回答");
		assert_int_equal(store_save_draft(st, 0, 0, "下書き", err, sizeof err), 0);
		assert_int_equal(store_set_source(st, "import a.xlsx"), 0);
		assert_int_equal(store_set_text(st, a, 0, 0, "新しい回答", err, sizeof err), 0);
		h = store_history(st, 1, &n);
		assert_int_equal(n, 2);
		assert_null(h[0].source);
		assert_string_equal(h[1].source, "import a.xlsx");
		assert_string_equal(h[1].old_value, "古い版の回答");
		store_changes_free(h, n);
		store_close(st);
		answers_free(a);
	}
}

/* A batch is one transaction: all its changes are in the file after
 * store_commit, none after store_rollback. */
static void test_batch_all_or_none(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl), *b;
	struct store *st = open_ok(f, 0);
	char err[512], times[3][32];

	assert_int_equal(store_begin(st, err, sizeof err), 0);
	assert_int_equal(store_set_text(st, a, 0, 0, "一", err, sizeof err), 0);
	assert_int_equal(store_set_status(st, a, 2, STATUS_PARTIAL, err, sizeof err), 0);
	store_rollback(st);
	store_close(st);
	b = answers_new(f->cl);
	st = open_ok(f, 0);
	assert_int_equal(store_load(st, b, err, sizeof err), 0);
	assert_string_equal(answers_text(b, 0, 0), "");
	assert_int_equal(b->status[2], STATUS_UNANSWERED);
	answers_free(a);
	a = answers_new(f->cl);
	assert_int_equal(store_begin(st, err, sizeof err), 0);
	assert_int_equal(store_set_text(st, a, 0, 0, "一", err, sizeof err), 0);
	assert_int_equal(store_set_status(st, a, 2, STATUS_PARTIAL, err, sizeof err), 0);
	assert_int_equal(store_commit(st, err, sizeof err), 0);
	assert_int_equal(store_item_times(st, times), 0);
	assert_true(times[0][0] != '\0');
	assert_string_equal(times[1], "");
	assert_true(times[2][0] != '\0');
	store_close(st);
	answers_free(b);
	b = answers_new(f->cl);
	st = open_ok(f, STORE_READONLY);
	assert_int_equal(store_load(st, b, err, sizeof err), 0);
	assert_string_equal(answers_text(b, 0, 0), "一");
	assert_int_equal(b->status[2], STATUS_PARTIAL);
	store_close(st);
	answers_free(a);
	answers_free(b);
}

/* The answer file's CHECK on statuses and the status table agree: every
 * status of the table can be stored and read back, and the CHECK names no
 * key the table lacks. */
static void test_status_table_and_check_agree(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl), *b = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	char err[512];
	sqlite3 *db;
	sqlite3_stmt *q;
	const char *sql, *p;
	int quoted = 0;

	for (int s = STATUS_COUNT - 1; s >= 0; s--) {
		assert_int_equal(store_set_status(st, a, 0, (enum status)s, err, sizeof err), 0);
		assert_int_equal(store_load(st, b, err, sizeof err), 0);
		assert_int_equal(b->status[0], s);
		assert_int_equal(status_parse(status_key((enum status)s)), s);
	}
	store_close(st);
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					    "SELECT sql FROM sqlite_master WHERE name = 'status'",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	sql = (const char *)sqlite3_column_text(q, 0);
	p = strstr(sql, "CHECK");
	assert_non_null(p);
	for (; *p && *p != ')'; p++) {
		char key[64];
		size_t n;
		if (*p != '\'')
			continue;
		n = strcspn(p + 1, "'");
		assert_true(n < sizeof key);
		memcpy(key, p + 1, n);
		key[n] = '\0';
		if (status_parse(key) < 0)
			fail_msg("the CHECK allows \"%s\", which the status table lacks", key);
		quoted++;
		p += n + 1;
	}
	assert_int_equal(quoted, STATUS_COUNT);
	sqlite3_finalize(q);
	sqlite3_close(db);
	answers_free(a);
	answers_free(b);
}

/* Two sessions on one file never overwrite each other's saved text: a
 * write compares with the file in its transaction, refuses when the file
 * changed after the session read it, and with STORE_FORCE records in the
 * history the value it replaced. */
static void test_two_sessions_never_overwrite(void **state)
{
	struct fx *f = *state;
	struct answers *a1 = answers_new(f->cl), *a2 = answers_new(f->cl);
	struct store *s1 = open_ok(f, 0), *s2 = open_ok(f, 0);
	struct store_change *h;
	char err[512];
	size_t n;

	assert_int_equal(store_set_text(s1, a1, 0, 0, "ORIGINAL", err, sizeof err), 0);
	assert_int_equal(store_load(s2, a2, err, sizeof err), 0);
	assert_int_equal(store_set_text(s1, a1, 0, 0, "ORIGINAL A-EDIT", err, sizeof err), 0);
	/* B read ORIGINAL; the file holds A's edit now. */
	assert_int_equal(store_set_text(s2, a2, 0, 0, "ORIGINAL B-EDIT", err, sizeof err),
			 STORE_CHANGED);
	assert_string_equal(answers_text(a2, 0, 0), "ORIGINAL A-EDIT");
	/* Saving unchanged text read before A's edit is a conflict too. */
	answers_set_text(a2, 0, 0, "ORIGINAL");
	assert_int_equal(store_set_text(s2, a2, 0, 0, "ORIGINAL", err, sizeof err), STORE_CHANGED);
	/* Forced, the history's old value is what the file held. */
	assert_int_equal(
		store_set_text_flags(s2, a2, 0, 0, "ORIGINAL B-EDIT", STORE_FORCE, err, sizeof err),
		0);
	h = store_history(s1, 1, &n);
	assert_int_equal(n, 3);
	assert_string_equal(h[1].old_value, "ORIGINAL");
	assert_string_equal(h[1].new_value, "ORIGINAL A-EDIT");
	assert_string_equal(h[2].old_value, "ORIGINAL A-EDIT");
	assert_string_equal(h[2].new_value, "ORIGINAL B-EDIT");
	store_changes_free(h, n);
	/* Statuses alike. */
	assert_int_equal(store_set_status(s1, a1, 1, STATUS_PARTIAL, err, sizeof err), 0);
	assert_int_equal(store_set_status(s2, a2, 1, STATUS_IMPLEMENTED, err, sizeof err),
			 STORE_CHANGED);
	assert_int_equal(a2->status[1], STATUS_PARTIAL);
	store_close(s1);
	store_close(s2);
	answers_free(a1);
	answers_free(a2);
}

/* The review: a verdict compared with the file like a status, a thread
 * that only grows, both in the history, both read back and noticed by
 * another session. */
static void test_review(void **state)
{
	struct fx *f = *state;
	struct answers *a1 = answers_new(f->cl), *a2 = answers_new(f->cl), *b = answers_new(f->cl);
	struct store *s1 = open_ok(f, 0), *s2 = open_ok(f, 0);
	struct store_comment *c;
	struct store_change *h;
	size_t n, changed[4];
	char err[512], who[64];
	sqlite3 *db;

	assert_int_equal(store_load(s2, a2, err, sizeof err), 0);
	assert_int_equal(store_set_verdict(s1, a1, 1, VERDICT_QUERY, 0, err, sizeof err), 0);
	assert_int_equal(store_add_comment(s1, a1, 1, "鍵の保管場所は?", err, sizeof err), 0);
	assert_int_equal(store_add_comment(s1, a1, 1, "HSM に保管しています", err, sizeof err), 0);
	assert_int_equal(store_add_comment(s1, a1, 0, "", err, sizeof err), -1);
	/* The other session read no verdict: its verdict is refused. */
	assert_int_equal(store_set_verdict(s2, a2, 1, VERDICT_CONFIRMED, 0, err, sizeof err),
			 STORE_CHANGED);
	assert_int_equal(a2->verdict[1], VERDICT_QUERY);
	assert_int_equal(store_set_verdict(s2, a2, 1, VERDICT_CONFIRMED, 0, err, sizeof err), 0);
	/* s1 notices it, and reads the verdict and the latest comment. */
	assert_int_equal(store_changed_elsewhere(s1), 1);
	assert_int_equal(store_refresh(s1, a1, changed, 4, who, sizeof who, err, sizeof err), 1);
	assert_int_equal(changed[0], 1);
	assert_int_equal(a1->verdict[1], VERDICT_CONFIRMED);
	assert_int_equal(store_load(s1, b, err, sizeof err), 0);
	assert_int_equal(b->verdict[1], VERDICT_CONFIRMED);
	assert_int_equal(b->verdict[0], VERDICT_NONE);
	assert_string_equal(answers_comment(b, 1), "HSM に保管しています");
	assert_string_equal(answers_comment(b, 0), "");
	c = store_comments(s1, f->cl->items[1].number, &n);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].text, "鍵の保管場所は?");
	assert_string_equal(c[1].text, "HSM に保管しています");
	assert_int_equal(c[0].item, f->cl->items[1].number);
	assert_true(strlen(c[0].time) > 10 && c[0].user[0]);
	store_comments_free(c, n);
	h = store_history(s1, f->cl->items[1].number, &n);
	assert_int_equal(n, 4);
	assert_string_equal(h[0].field, "verdict");
	assert_null(h[0].old_value);
	assert_string_equal(h[0].new_value, "query");
	assert_string_equal(h[1].field, "comment");
	assert_string_equal(h[1].new_value, "鍵の保管場所は?");
	assert_string_equal(h[3].old_value, "query");
	assert_string_equal(h[3].new_value, "confirmed");
	store_changes_free(h, n);
	/* Taken back: no verdict row, the thread stays. */
	assert_int_equal(store_set_verdict(s1, a1, 1, VERDICT_NONE, 0, err, sizeof err), 0);
	answers_free(b);
	b = answers_new(f->cl);
	assert_int_equal(store_load(s1, b, err, sizeof err), 0);
	assert_int_equal(b->verdict[1], VERDICT_NONE);
	assert_string_equal(answers_comment(b, 1), "HSM に保管しています");
	store_close(s1);
	store_close(s2);
	/* Comments are never changed or removed, whoever tries. */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE comment SET text = 'x'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM comment", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO verdict VALUES (1, 'maybe', 't', 'u')",
					  NULL, NULL, NULL),
			     SQLITE_OK);
	sqlite3_close(db);
	answers_free(a1);
	answers_free(a2);
	answers_free(b);
}

/* A session notices another's commit without reading the data, then reads
 * the answers again and says which items changed and who changed them. */
static void test_changes_elsewhere_noticed(void **state)
{
	struct fx *f = *state;
	struct answers *a1 = answers_new(f->cl), *a2 = answers_new(f->cl);
	struct store *s1 = open_ok(f, 0), *s2 = open_ok(f, 0);
	char err[512], who[64];
	size_t changed[4];

	assert_int_equal(store_changed_elsewhere(s1), 0);
	assert_int_equal(store_set_text(s1, a1, 0, 0, "自分の変更", err, sizeof err), 0);
	assert_int_equal(store_changed_elsewhere(s1), 0); /* its own commit */
	assert_int_equal(store_set_status(s2, a2, 2, STATUS_NOT_APPLICABLE, err, sizeof err), 0);
	assert_int_equal(store_changed_elsewhere(s1), 1);
	assert_int_equal(store_changed_elsewhere(s1), 0);
	assert_int_equal(store_refresh(s1, a1, changed, 4, who, sizeof who, err, sizeof err), 1);
	assert_int_equal(changed[0], 2);
	assert_int_equal(a1->status[2], STATUS_NOT_APPLICABLE);
	assert_string_equal(answers_text(a1, 0, 0), "自分の変更");
	assert_true(who[0] != '\0');
	store_close(s1);
	store_close(s2);
	answers_free(a1);
	answers_free(a2);
}

/* Two sessions typing in one column keep a draft each; a session that is
 * still running keeps its drafts to itself; once it has ended, they are
 * offered. */
static void test_drafts_per_session(void **state)
{
	struct fx *f = *state;
	struct store *s1 = open_ok(f, 0), *s2 = open_ok(f, 0), *s3;
	struct store_draft *d;
	char err[512];
	int ready[2], done[2];
	size_t n;
	pid_t child;

	assert_int_equal(store_save_draft(s1, 0, 0, "一人目の下書き", err, sizeof err), 0);
	assert_int_equal(store_save_draft(s2, 0, 0, "二人目の下書き", err, sizeof err), 0);
	store_close(s1);
	store_close(s2);
	s3 = open_ok(f, 0);
	d = store_drafts(s3, &n);
	assert_int_equal(n, 2);
	store_drafts_free(d, n);
	store_close(s3);

	/* Another process, an interface session still running. */
	assert_int_equal(pipe(ready), 0);
	assert_int_equal(pipe(done), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		char c = 0;
		struct store *st = store_open(f->path, f->cl, 0, err, sizeof err);
		if (!st || store_begin_session(st, err, sizeof err) != 0 ||
		    store_save_draft(st, 1, 0, "動いている人の下書き", err, sizeof err) != 0)
			_exit(1);
		if (write(ready[1], "x", 1) != 1 || read(done[0], &c, 1) < 0)
			_exit(1);
		store_close(st);
		_exit(0);
	}
	{
		char c;
		int status;
		assert_int_equal(read(ready[0], &c, 1), 1);
		s3 = open_ok(f, 0);
		d = store_drafts(s3, &n);
		assert_int_equal(n, 2); /* the running session's is not offered */
		store_drafts_free(d, n);
		kill(child, SIGKILL); /* it ends without closing */
		waitpid(child, &status, 0);
		d = store_drafts(s3, &n);
		assert_int_equal(n, 3);
		store_drafts_free(d, n);
		store_close(s3);
	}
	close(ready[0]), close(ready[1]), close(done[0]), close(done[1]);
}

/* What cannot be an answer file is refused at once, named, and nothing is
 * made: a directory, a FIFO (which once made tenken wait for ever), a
 * symbolic link (SQLite would keep the journal beside the link), one that
 * points nowhere. */
static void test_kinds_refused(void **state)
{
	struct fx *f = *state;
	char err[512], target[160], real[160];
	static const struct {
		const char *kind, *msg;
	} cases[] = {
		{"dir", "is a directory"},
		{"fifo", "is not a regular file"},
		{"link", "is a symbolic link; give the real path with -f"},
		{"dangling", "is a symbolic link; give the real path with -f"},
	};

	snprintf(real, sizeof real, "%s/real.db", f->dir);
	snprintf(target, sizeof target, "%s/nowhere.db", f->dir);
	store_close(store_open(real, f->cl, 0, err, sizeof err));
	assert_int_equal(mkdir(f->path, 0700), 0);
	alarm(10); /* a FIFO opened for reading would wait for a writer */
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		rmdir(f->path);
		unlink(f->path);
		if (k == 0)
			assert_int_equal(mkdir(f->path, 0700), 0);
		else if (k == 1)
			assert_int_equal(mkfifo(f->path, 0600), 0);
		else
			assert_int_equal(symlink(k == 2 ? real : target, f->path), 0);
		for (int flags = 0; flags <= STORE_OR_READONLY; flags++) {
			err[0] = '\0';
			if (store_open(f->path, f->cl, flags, err, sizeof err))
				fail_msg("%s opened with flags %d", cases[k].kind, flags);
			if (strncmp(err, f->path, strlen(f->path)) || !strstr(err, cases[k].msg))
				fail_msg("%s: \"%s\", expected \"%s\"", cases[k].kind, err,
					 cases[k].msg);
		}
		assert_int_equal(store_peek_checklist(f->path, err, 64, err + 64, sizeof err - 64),
				 -1);
		assert_non_null(strstr(err + 64, cases[k].msg));
	}
	alarm(0);
	assert_int_not_equal(access(target, F_OK), 0);
	unlink(f->path);
}

/* A folder reached through a symbolic link is fine (a home often is). */
static void test_folder_through_link(void **state)
{
	struct fx *f = *state;
	char real[128], link[128], path[160], err[512], id[64];
	struct answers *a = answers_new(f->cl);
	struct store *st;

	snprintf(real, sizeof real, "%s/real", f->dir);
	snprintf(link, sizeof link, "%s/link", f->dir);
	snprintf(path, sizeof path, "%s/answers.db", link);
	assert_int_equal(mkdir(real, 0700), 0);
	assert_int_equal(symlink(real, link), 0);
	st = store_open(path, f->cl, 0, err, sizeof err);
	if (!st)
		fail_msg("store_open: %s", err);
	assert_int_equal(store_set_status(st, a, 0, STATUS_PARTIAL, err, sizeof err), 0);
	store_close(st);
	snprintf(path, sizeof path, "%s/answers.db", real);
	assert_int_equal(access(path, F_OK), 0);
	snprintf(path, sizeof path, "%s/answers.db", link);
	assert_int_equal(store_peek_checklist(path, id, sizeof id, err, sizeof err), 0);
	assert_string_equal(id, "mini");
	answers_free(a);
}

/* A write that fails says why, whatever the caller's buffer held: the
 * message once came out as whatever bytes the buffer had. */
static void test_failed_write_says_why(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	sqlite3 *db;
	char err[512];

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TRIGGER refuse BEFORE INSERT ON status BEGIN"
				      " SELECT RAISE(FAIL, 'refused by a test'); END",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	memset(err, 'Z', sizeof err - 1);
	err[sizeof err - 1] = '\0';
	assert_int_equal(store_set_status(st, a, 0, STATUS_PARTIAL, err, sizeof err), -1);
	if (strncmp(err, f->path, strlen(f->path)) || !strstr(err, "refused by a test"))
		fail_msg("the message: \"%.80s\"", err);
	assert_int_equal(a->status[0], STATUS_UNANSWERED);
	store_close(st);
	answers_free(a);
}

/* Runs fn in a child process as a user who does not own the test's files
 * (root overrides file modes), and fails if fn returns non-zero. */
static void as_other_user(struct fx *f, int (*fn)(struct fx *f))
{
	pid_t pid;
	int status;

	if (geteuid() == 0)
		assert_int_equal(chmod(f->dir, 0755), 0);
	if ((pid = fork()) == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(99);
		_exit(fn(f));
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	if (WEXITSTATUS(status) != 0)
		fail_msg("the check as another user failed at step %d", WEXITSTATUS(status));
}

/* The file cannot be written: refused for writing with the file's name,
 * opened read-only when that is allowed, and read without leaving a -wal
 * or -shm behind (made with the file's mode, they kept its owner from
 * writing once the file was writable again). */
static int read_only_checks(struct fx *f)
{
	char err[512] = "", side[160];
	struct answers *a = answers_new(f->cl);
	struct store *st;

	if (store_open(f->path, f->cl, 0, err, sizeof err) || !strstr(err, "is read-only"))
		return 1;
	if (!(st = store_open(f->path, f->cl, STORE_OR_READONLY, err, sizeof err)) ||
	    !store_readonly(st))
		return 2;
	if (store_load(st, a, err, sizeof err) != 0 || a->status[0] != STATUS_PARTIAL)
		return 3;
	if (store_set_status(st, a, 1, STATUS_PARTIAL, err, sizeof err) != -1 ||
	    !strstr(err, "opened read-only"))
		return 4;
	store_close(st);
	if (!(st = store_open(f->path, f->cl, STORE_READONLY, err, sizeof err)))
		return 5;
	store_close(st);
	snprintf(side, sizeof side, "%s-shm", f->path);
	if (access(side, F_OK) == 0)
		return 6;
	if (chmod(f->path, 0600) != 0 || !(st = store_open(f->path, f->cl, 0, err, sizeof err)) ||
	    store_readonly(st) || store_set_status(st, a, 1, STATUS_PARTIAL, err, sizeof err) != 0)
		return 7;
	store_close(st);
	answers_free(a);
	return 0;
}

static void test_read_only_file(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	char err[512];

	assert_int_equal(store_set_status(st, a, 0, STATUS_PARTIAL, err, sizeof err), 0);
	store_close(st);
	assert_int_equal(chmod(f->path, 0400), 0);
	if (geteuid() == 0) { /* the other user owns the file and may write its folder */
		assert_int_equal(chown(f->path, 65534, 65534), 0);
		assert_int_equal(chown(f->dir, 65534, 65534), 0);
	}
	as_other_user(f, read_only_checks);
	answers_free(a);
}

/* A file in a folder that cannot be written: SQLite cannot make the -shm
 * it needs to read a WAL file, so it is read as it is. */
static int read_only_folder_checks(struct fx *f)
{
	char err[512] = "";
	struct answers *a = answers_new(f->cl);
	struct store *st;

	if (store_open(f->path, f->cl, 0, err, sizeof err) ||
	    !strstr(err, "is read-only (its folder cannot be written)"))
		return 1;
	if (!(st = store_open(f->path, f->cl, STORE_READONLY, err, sizeof err)))
		return 2;
	if (store_load(st, a, err, sizeof err) != 0 || a->status[0] != STATUS_PARTIAL)
		return 3;
	store_close(st);
	answers_free(a);
	return 0;
}

static void test_read_only_folder(void **state)
{
	struct fx *f = *state;
	struct answers *a = answers_new(f->cl);
	struct store *st = open_ok(f, 0);
	char err[512];

	assert_int_equal(store_set_status(st, a, 0, STATUS_PARTIAL, err, sizeof err), 0);
	store_close(st);
	if (geteuid() == 0) /* the other user owns the file, not its folder */
		assert_int_equal(chown(f->path, 65534, 65534), 0);
	else
		assert_int_equal(chmod(f->dir, 0555), 0);
	as_other_user(f, read_only_folder_checks);
	assert_int_equal(chmod(f->dir, 0700), 0);
	answers_free(a);
}

/* Processes making the same new file at once: each finds it whole (none
 * "not a tenken answer file"), and every change is kept. */
static void test_new_file_made_whole(void **state)
{
	struct fx *f = *state;
	enum { N = 12 };
	pid_t pids[N];
	struct store *st;
	struct store_change *h;
	char err[512];
	size_t n;
	int status;

	for (int k = 0; k < N; k++) {
		if ((pids[k] = fork()) == 0) {
			struct answers *a = answers_new(f->cl);
			char text[32], why[512];
			snprintf(text, sizeof text, "child %d", k);
			st = store_open(f->path, f->cl, 0, why, sizeof why);
			if (!st) {
				fprintf(stderr, "child %d: %s\n", k, why);
				_exit(1);
			}
			_exit(store_set_text_flags(st, a, 0, 0, text, STORE_FORCE, why,
						   sizeof why) != 0);
		}
		assert_true(pids[k] > 0);
	}
	for (int k = 0; k < N; k++) {
		assert_int_equal(waitpid(pids[k], &status, 0), pids[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	st = open_ok(f, STORE_READONLY);
	h = store_history(st, 0, &n);
	assert_int_equal(n, N);
	store_changes_free(h, n);
	store_close(st);
	(void)err;
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_round_trip),
		T(test_file_is_private),
		T(test_created_whole),
		T(test_history),
		T(test_history_append_only),
		T(test_read_only_never_creates),
		T(test_not_sqlite_refused),
		T(test_foreign_sqlite_refused),
		T(test_newer_schema_refused),
		T(test_corrupt_refused),
		T(test_other_checklist_refused),
		T(test_peek),
		T(test_migration_from_empty),
		T(test_draft_kept_until_saved),
		T(test_draft_dropped),
		T(test_migration_from_older_schemas),
		T(test_batch_all_or_none),
		T(test_status_table_and_check_agree),
		T(test_two_sessions_never_overwrite),
		T(test_review),
		T(test_changes_elsewhere_noticed),
		T(test_drafts_per_session),
		T(test_kinds_refused),
		T(test_folder_through_link),
		T(test_failed_write_says_why),
		T(test_read_only_file),
		T(test_read_only_folder),
		T(test_new_file_made_whole),
	};
	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
