/* export: CSV and JSON output of a checklist with its answers.
 *
 * The JSON is written by hand: it is output only, and the one subtle part,
 * string escaping, is export_json_string below. */
#include "config.h"

#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "textwidth.h"
#include "timefmt.h"

static int formula_like(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '@' ||
	       (s[0] == '-' && s[1] != '\0' && s[1] != ' ' && s[1] != '\n');
}

void export_csv_field(FILE *out, const char *text)
{
	char *clean = textwidth_sanitize(text);
	const char *s = clean ? clean : "";

	fputc('"', out);
	if (formula_like(s))
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		if (*s == '\n')
			fputc('\r', out); /* CRLF inside a cell too, as Excel writes it */
		fputc(*s, out);
	}
	fputc('"', out);
	free(clean);
}

static void csv_row_end(FILE *out)
{
	fputs("\r\n", out);
}

/* The export's columns in the official order. The row of kind EXPORT_ANSWER
 * stands for the checklist's answer columns, each in its own column but for
 * "remarks", which 備考 holds; 手法例 is there only for a checklist whose
 * items have some (the 2018 format has no such column). */
static const struct {
	const char *ja, *en;
	enum export_kind kind;
} column_table[] = {
	{"通番", "No.", EXPORT_NUMBER},
	{"区分", "Section", EXPORT_SECTION},
	{"セキュリティ対応目標", "Security goal", EXPORT_GOAL},
	{"対象者", "Target", EXPORT_TARGET},
	{"手法例", "Example methods", EXPORT_METHODS},
	{NULL, NULL, EXPORT_ANSWER},
	{"関連規定", "Related regulations", EXPORT_SOURCES},
	{"関連規定箇所", "Sections of the regulations", EXPORT_LOCATIONS},
	{"備考", "Remarks", EXPORT_REMARKS},
	{"回答状況", "Status", EXPORT_STATUS},
	{"確認結果", "Review", EXPORT_VERDICT},
	{"照会事項", "Query", EXPORT_QUERY},
};

#define N_COLUMN_TABLE (sizeof column_table / sizeof column_table[0])

static int has_methods(const struct checklist *cl)
{
	for (size_t i = 0; i < cl->n_items; i++)
		if (cl->items[i].n_groups || cl->items[i].n_notes)
			return 1;
	return 0;
}

struct export_column *export_columns(const struct checklist *cl, size_t *n)
{
	long remarks = checklist_find_column(cl, "remarks");
	int methods = has_methods(cl);
	struct export_column *cols = calloc(N_COLUMN_TABLE + cl->n_columns, sizeof *cols);

	*n = 0;
	if (!cols)
		return NULL;
	for (size_t t = 0; t < N_COLUMN_TABLE; t++) {
		enum export_kind kind = column_table[t].kind;
		if (kind == EXPORT_METHODS && !methods)
			continue;
		if (kind != EXPORT_ANSWER) {
			cols[*n].header.ja = column_table[t].ja;
			cols[*n].header.en = column_table[t].en;
			cols[*n].kind = kind;
			cols[(*n)++].answer = kind == EXPORT_REMARKS ? remarks : -1;
			continue;
		}
		for (size_t c = 0; c < cl->n_columns; c++)
			if ((long)c != remarks) {
				cols[*n].header = cl->columns[c].name;
				cols[*n].kind = kind;
				cols[(*n)++].answer = (long)c;
			}
	}
	return cols;
}

/* Returns a cell of a text: the Japanese, and with English, its translation
 * on a line after it (an empty one adds nothing). Newly allocated; NULL if
 * memory runs out. */
static char *text_cell(const struct text *t, enum lang lang)
{
	char *cell;

	if (lang != LANG_EN || !t->en || !*t->en)
		return strdup(t->ja);
	cell = malloc(strlen(t->ja) + strlen(t->en) + 2);
	if (cell)
		sprintf(cell, "%s\n%s", t->ja, t->en);
	return cell;
}

char *export_header(const struct export_column *col, enum lang lang)
{
	return text_cell(&col->header, lang);
}

/* Joins the texts of the item's references, one per line; after the
 * locations, on lines of its own, the note on where the references are
 * known from (with English, its translation after it). */
static char *join_refs(const struct checklist *cl, const struct item *it, int location,
		       enum lang lang)
{
	const struct text *note = location ? checklist_refs_note(cl, it) : NULL;
	char *cell = note ? text_cell(note, lang) : NULL;
	size_t len = 2 + (cell ? strlen(cell) : 0);
	char *s;

	if (note && !cell)
		return NULL;
	for (size_t r = 0; r < it->n_refs; r++)
		len += strlen(location ? it->refs[r].location.ja : it->refs[r].source.ja) + 1;
	s = calloc(1, len);
	if (!s) {
		free(cell);
		return NULL;
	}
	for (size_t r = 0; r < it->n_refs; r++) {
		if (r)
			strcat(s, "\n");
		strcat(s, location ? it->refs[r].location.ja : it->refs[r].source.ja);
	}
	if (cell)
		strcat(strcat(s, it->n_refs ? "\n" : ""), cell);
	free(cell);
	return s;
}

/* The 手法例 cell: the item's methods and notes as the publisher's table
 * has them, and with English, the same lines translated after them. */
static char *methods_cell(const struct item *it, enum lang lang)
{
	char *ja = outline_item_text(it, LANG_JA), *en = NULL, *cell = NULL;

	if (ja && (lang != LANG_EN || (en = outline_item_text(it, LANG_EN)))) {
		struct text t = {ja, en};
		cell = text_cell(&t, lang);
	}
	free(ja);
	free(en);
	return cell;
}

/* 備考: the publisher's remark, then the user's, one per line. */
static char *remarks_cell(const struct item *it, const char *user_rem)
{
	char *rem = malloc(strlen(it->remarks.ja) + strlen(user_rem) + 2);

	if (rem)
		sprintf(rem, "%s%s%s", it->remarks.ja, *it->remarks.ja && *user_rem ? "\n" : "",
			user_rem);
	return rem;
}

char *export_cell(const struct export_column *col, const struct checklist *cl,
		  const struct answers *a, size_t i, enum lang lang)
{
	const struct item *it = &cl->items[i];

	switch (col->kind) {
	case EXPORT_NUMBER:
		return strdup(it->label);
	case EXPORT_SECTION:
		return text_cell(&cl->sections[it->section].name, lang);
	case EXPORT_GOAL:
		return text_cell(&it->goal, lang);
	case EXPORT_TARGET:
		return text_cell(&cl->targets[it->target].name, lang);
	case EXPORT_METHODS:
		return methods_cell(it, lang);
	case EXPORT_ANSWER:
		return strdup(answers_text(a, i, (size_t)col->answer));
	case EXPORT_SOURCES:
		return join_refs(cl, it, 0, lang);
	case EXPORT_LOCATIONS:
		return join_refs(cl, it, 1, lang);
	case EXPORT_REMARKS:
		return remarks_cell(it, col->answer >= 0 ? answers_text(a, i, (size_t)col->answer)
							 : "");
	case EXPORT_STATUS:
		return strdup(status_official(a->status[i]));
	case EXPORT_VERDICT:
		return strdup(verdict_info(a->verdict[i])->official);
	case EXPORT_QUERY:
		return strdup(answers_comment(a, i));
	}
	return NULL;
}

/* Writes one CSV row of the columns: the headers when header is set, else
 * the cells of item index i. Returns 0, or -1 if memory runs out. */
static int csv_row(FILE *out, const struct export_column *cols, size_t n, int header,
		   const struct checklist *cl, const struct answers *a, size_t i, enum lang lang)
{
	for (size_t c = 0; c < n; c++) {
		char *cell = header ? export_header(&cols[c], lang)
				    : export_cell(&cols[c], cl, a, i, lang);
		if (!cell)
			return -1;
		if (c)
			fputc(',', out);
		export_csv_field(out, cell);
		free(cell);
	}
	csv_row_end(out);
	return 0;
}

int export_csv(FILE *out, const struct checklist *cl, const struct answers *a)
{
	return export_csv_lang(out, cl, a, LANG_JA);
}

int export_csv_lang(FILE *out, const struct checklist *cl, const struct answers *a, enum lang lang)
{
	size_t n;
	struct export_column *cols = export_columns(cl, &n);
	int rc = cols ? 0 : -1;

	if (cols) {
		fputs("\xEF\xBB\xBF", out);
		rc = csv_row(out, cols, n, 1, cl, a, 0, lang);
	}
	for (size_t i = 0; i < cl->n_items && rc == 0; i++)
		rc = csv_row(out, cols, n, 0, cl, a, i, lang);
	free(cols);
	return rc == 0 && fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

const char *const export_history_headers[6] = {"通番",   "項目",   "変更前",
					       "変更後", "変更者", "日時"};

void export_change_cells(const struct checklist *cl, const struct store_change *ch,
			 const char *cells[5], char when[64])
{
	int is_status = strcmp(ch->field, "status") == 0, st;
	long col = checklist_find_column(cl, ch->field);

	cells[0] = is_status  ? "回答状況"
		   : col >= 0 ? text_get(&cl->columns[col].name, LANG_JA)
			      : ch->field;
	cells[1] = ch->old_value ? ch->old_value : "";
	cells[2] = ch->new_value ? ch->new_value : "";
	for (int k = 1; k <= 2; k++)
		if (is_status && (st = status_parse(cells[k])) >= 0)
			cells[k] = status_official((enum status)st);
	cells[3] = ch->user;
	cells[4] = timefmt_local(ch->time, when, 64);
}

int export_csv_history(FILE *out, const struct checklist *cl, const struct store_change *ch,
		       size_t n)
{
	const char *cells[5];
	char when[64], num[16];

	fputs("\xEF\xBB\xBF", out);
	for (int k = 0; k < 6; k++) {
		fputs(k ? "," : "", out);
		export_csv_field(out, export_history_headers[k]);
	}
	fputs("\r\n", out);
	for (size_t i = 0; i < n; i++) {
		export_change_cells(cl, &ch[i], cells, when);
		fputs(checklist_key_label(cl, ch[i].item, num), out);
		for (int k = 0; k < 5; k++) {
			fputc(',', out);
			export_csv_field(out, cells[k]);
		}
		fputs("\r\n", out);
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

void export_json_string(FILE *out, const char *text)
{
	size_t len = strlen(text), i = 0;

	fputc('"', out);
	while (i < len) {
		uint32_t cp;
		size_t n = textwidth_decode(text + i, len - i, &cp);
		if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", out);
		else if (textwidth_kind(cp) != TEXTWIDTH_TEXT &&
			 textwidth_kind(cp) != TEXTWIDTH_INVALID)
			fprintf(out, "\\u%04x", (unsigned)cp); /* controls, separators, bidi */
		else if (cp == 0xFFFD && n == 1)
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(text + i, 1, n, out);
		i += n;
	}
	fputc('"', out);
}

static void json_key(FILE *out, const char *key)
{
	export_json_string(out, key);
	fputc(':', out);
}

/* A string, or null for NULL. */
static void json_string_or_null(FILE *out, const char *s)
{
	if (s)
		export_json_string(out, s);
	else
		fputs("null", out);
}

/* A text as {"ja":…,"en":…}, en null where there is no English. */
static void json_text_value(FILE *out, const struct text *t)
{
	fputs("{\"ja\":", out);
	export_json_string(out, t->ja);
	fputs(",\"en\":", out);
	json_string_or_null(out, t->en);
	fputc('}', out);
}

static void json_text(FILE *out, const char *key, const struct text *t)
{
	json_key(out, key);
	json_text_value(out, t);
}

/* A list of texts under key. */
static void json_texts(FILE *out, const char *key, const struct text *t, size_t n)
{
	json_key(out, key);
	fputc('[', out);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		json_text_value(out, &t[i]);
	}
	fputc(']', out);
}

static void json_entries(FILE *out, const struct entry *e, size_t n)
{
	fputs("\"entries\":[", out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",{" : "{", out);
		json_key(out, "label");
		export_json_string(out, e[i].label);
		fputc(',', out);
		json_text(out, "text", &e[i].text);
		fputc(',', out);
		json_entries(out, e[i].entries, e[i].n_entries);
		fputc('}', out);
	}
	fputc(']', out);
}

static void json_methods(FILE *out, const struct item *it)
{
	fputs("\"methods\":[", out);
	for (size_t g = 0; g < it->n_groups; g++) {
		const struct method_group *grp = &it->groups[g];
		fputs(g ? ",{" : "{", out);
		json_text(out, "heading", &grp->heading);
		fputs(",\"methods\":[", out);
		for (size_t m = 0; m < grp->n_methods; m++) {
			const struct method *me = &grp->methods[m];
			fprintf(out, "%s{\"number\":%d,", m ? "," : "", me->number);
			json_text(out, "text", &me->text);
			fputs(",\"notes\":[", out);
			for (size_t r = 0; r < me->n_notes; r++)
				fprintf(out, "%s%d", r ? "," : "", me->notes[r]);
			fputs("],", out);
			json_entries(out, me->entries, me->n_entries);
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputc(']', out);
}

static void json_notes(FILE *out, const struct item *it)
{
	fputs("\"notes\":[", out);
	for (size_t n = 0; n < it->n_notes; n++) {
		const struct note *no = &it->notes[n];
		fprintf(out, "%s{\"number\":%d,", n ? "," : "", no->number);
		json_text(out, "title", &no->title);
		fputc(',', out);
		json_text(out, "text", &no->text);
		fputc(',', out);
		json_entries(out, no->entries, no->n_entries);
		fputc('}', out);
	}
	fputc(']', out);
}

struct runs_ctx {
	FILE *out;
	int n;
};

static void json_run(void *ctx, const char *s, size_t len, int added)
{
	struct runs_ctx *c = ctx;
	char *text = strndup(s, len);

	fputs(c->n++ ? ",{\"text\":" : "{\"text\":", c->out);
	export_json_string(c->out, text ? text : "");
	fprintf(c->out, ",\"added\":%s}", added ? "true" : "false");
	free(text);
}

/* A marked text as {"ja":[runs],"en":[runs]}, each run {"text":…,"added":…}
 * (added: the review added it, the publisher underlines it); en null where
 * there is no English. */
static void json_marked(FILE *out, const char *key, const struct marked *m)
{
	struct runs_ctx c = {out, 0};

	json_key(out, key);
	fputs("{\"ja\":[", out);
	marked_runs(m, LANG_JA, json_run, &c);
	fputs("],\"en\":", out);
	if (m->text.en) {
		c.n = 0;
		fputc('[', out);
		marked_runs(m, LANG_EN, json_run, &c);
		fputc(']', out);
	} else {
		fputs("null", out);
	}
	fputc('}', out);
}

/* An edition's review notes on 基準. */
static void json_revisions(FILE *out, const struct revision *rv, size_t n)
{
	fputs("\"revisions\":[", out);
	for (size_t r = 0; r < n; r++) {
		fputs(r ? ",{" : "{", out);
		json_text(out, "review", &rv[r].review);
		fputs(",\"date\":", out);
		json_string_or_null(out, rv[r].date);
		fputc(',', out);
		json_marked(out, "standard", &rv[r].standard);
		fputc(',', out);
		json_marked(out, "passage", &rv[r].passage);
		fputc(',', out);
		json_text(out, "change", &rv[r].change);
		fputc('}', out);
	}
	fputc(']', out);
}

static void json_item(FILE *out, const struct checklist *cl, const struct answers *a, size_t i)
{
	const struct item *it = &cl->items[i];

	/* A bank's item has a label of its own and no published number. */
	if (it->added)
		fputs("{\"number\":null,\"added\":true", out);
	else
		fprintf(out, "{\"number\":%d", it->number);
	fputs(",\"label\":", out);
	export_json_string(out, it->label);
	fprintf(out, ",\"section\":%d,\"target\":", cl->sections[it->section].number);
	export_json_string(out, cl->targets[it->target].id);
	fputc(',', out);
	json_text(out, "goal", &it->goal);
	fputc(',', out);
	json_methods(out, it);
	fputc(',', out);
	json_notes(out, it);
	fputs(",\"references\":[", out);
	for (size_t r = 0; r < it->n_refs; r++) {
		fputs(r ? ",{" : "{", out);
		json_text(out, "source", &it->refs[r].source);
		fputc(',', out);
		json_text(out, "location", &it->refs[r].location);
		fputc('}', out);
	}
	fputs("],", out);
	json_text(out, "references_note", &it->refs_note);
	fputc(',', out);
	json_text(out, "remarks", &it->remarks);
	fputc(',', out);
	json_revisions(out, it->revisions, it->n_revisions);
	fputc(',', out);
	json_texts(out, "warnings", it->warnings, it->n_warnings);
	fputs(",\"answer\":{\"status\":", out);
	export_json_string(out, status_key(a->status[i]));
	for (size_t c = 0; c < cl->n_columns; c++) {
		fputc(',', out);
		json_key(out, cl->columns[c].id);
		export_json_string(out, answers_text(a, i, c));
	}
	fputs("},\"review\":{\"verdict\":", out);
	json_string_or_null(out, a->verdict[i] ? verdict_info(a->verdict[i])->key : NULL);
	fputs(",\"comment\":", out);
	json_string_or_null(out, a->comment[i]);
	fputs("}}", out);
}

static void json_named(FILE *out, const char *key, const struct named *n, size_t count)
{
	json_key(out, key);
	fputc('[', out);
	for (size_t i = 0; i < count; i++) {
		fputs(i ? ",{\"id\":" : "{\"id\":", out);
		export_json_string(out, n[i].id);
		fputc(',', out);
		json_text(out, "name", &n[i].name);
		fputc('}', out);
	}
	fputc(']', out);
}

static void json_section(FILE *out, const struct section *s)
{
	fprintf(out, "{\"number\":%d,", s->number);
	json_text(out, "name", &s->name);
	fputc(',', out);
	json_text(out, "name_supplied", &s->name_supplied);
	fputc(',', out);
	json_text(out, "purpose", &s->purpose);
	fputc(',', out);
	json_texts(out, "sources", s->sources, s->n_sources);
	fputc(',', out);
	json_texts(out, "warnings", s->warnings, s->n_warnings);
	fputc('}', out);
}

/* The checklist's own fields: what it is, who published it, its history. */
static void json_about(FILE *out, const struct checklist *cl)
{
	json_text(out, "title", &cl->title);
	fputc(',', out);
	json_text(out, "edition", &cl->edition);
	fputs(",\"date\":", out);
	json_string_or_null(out, cl->date);
	fputc(',', out);
	json_text(out, "publisher", &cl->publisher);
	fputc(',', out);
	json_text(out, "source", &cl->source);
	fputc(',', out);
	json_text(out, "remarks", &cl->remarks);
	fputc(',', out);
	json_text(out, "references_note", &cl->refs_note);
	fputs(",\"examples_from\":", out);
	json_string_or_null(out, cl->examples_from);
	fputs(",\"history\":[", out);
	for (size_t h = 0; h < cl->n_history; h++) {
		fputs(h ? ",{\"date\":" : "{\"date\":", out);
		export_json_string(out, cl->history[h].date);
		fputc(',', out);
		json_text(out, "text", &cl->history[h].text);
		fputc(',', out);
		json_revisions(out, cl->history[h].revisions, cl->history[h].n_revisions);
		fputc('}', out);
	}
	fputc(']', out);
}

int export_json(FILE *out, const struct checklist *cl, const struct answers *a)
{
	fputs("{\"checklist\":{\"id\":", out);
	export_json_string(out, cl->id);
	fputc(',', out);
	json_about(out, cl);
	fputs(",\"sha256\":", out);
	export_json_string(out, cl->hash);
	fputc(',', out);
	json_named(out, "targets", cl->targets, cl->n_targets);
	fputc(',', out);
	json_named(out, "columns", cl->columns, cl->n_columns);
	fputs(",\"sections\":[", out);
	for (size_t s = 0; s < cl->n_sections; s++) {
		if (s)
			fputc(',', out);
		json_section(out, &cl->sections[s]);
	}
	fputs("]},\"items\":[", out);
	for (size_t i = 0; i < cl->n_items; i++) {
		if (i)
			fputc(',', out);
		fputc('\n', out);
		json_item(out, cl, a, i);
	}
	fputs("\n]}\n", out);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
