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

/* Joins the texts of the item's references, one per line. */
static char *join_refs(const struct item *it, int location)
{
	size_t len = 1;
	char *s;

	for (size_t r = 0; r < it->n_refs; r++)
		len += strlen(location ? it->refs[r].location.ja : it->refs[r].source.ja) + 1;
	s = calloc(1, len);
	if (!s)
		return NULL;
	for (size_t r = 0; r < it->n_refs; r++) {
		if (r)
			strcat(s, "\n");
		strcat(s, location ? it->refs[r].location.ja : it->refs[r].source.ja);
	}
	return s;
}

/* Writes a header cell: the Japanese, and with English, the English too. */
static void header(FILE *out, const char *ja, const char *en, enum lang lang, int first)
{
	char cell[512];

	if (!first)
		fputc(',', out);
	if (lang == LANG_EN && en && *en) {
		snprintf(cell, sizeof cell, "%s\n%s", ja, en);
		export_csv_field(out, cell);
	} else {
		export_csv_field(out, ja);
	}
}

/* Writes a text cell of the checklist: the Japanese original, and with
 * English, its translation after a line break. */
static void text_cell(FILE *out, const struct text *t, enum lang lang)
{
	fputc(',', out);
	if (lang == LANG_EN && t->en) {
		char *cell = malloc(strlen(t->ja) + strlen(t->en) + 2);
		if (cell) {
			sprintf(cell, "%s\n%s", t->ja, t->en);
			export_csv_field(out, cell);
			free(cell);
			return;
		}
	}
	export_csv_field(out, t->ja);
}

int export_csv(FILE *out, const struct checklist *cl, const struct answers *a)
{
	return export_csv_lang(out, cl, a, LANG_JA);
}

int export_csv_lang(FILE *out, const struct checklist *cl, const struct answers *a,
		    enum lang lang)
{
	long remarks = checklist_find_column(cl, "remarks");
	int has_methods = 0;

	/* The 2018 format has no 手法例 column: only a checklist with 手法例
	 * gets one. */
	for (size_t i = 0; i < cl->n_items; i++)
		has_methods |= cl->items[i].n_groups || cl->items[i].n_notes;
	fputs("\xEF\xBB\xBF", out);
	header(out, "通番", "No.", lang, 1);
	header(out, "区分", "Section", lang, 0);
	header(out, "セキュリティ対応目標", "Security goal", lang, 0);
	header(out, "対象者", "Target", lang, 0);
	if (has_methods)
		header(out, "手法例", "Example methods", lang, 0);
	for (size_t c = 0; c < cl->n_columns; c++)
		if ((long)c != remarks)
			header(out, cl->columns[c].name.ja, cl->columns[c].name.en, lang, 0);
	header(out, "関連規定", "Related regulations", lang, 0);
	header(out, "関連規定箇所", "Sections of the regulations", lang, 0);
	header(out, "備考", "Remarks", lang, 0);
	header(out, "回答状況", "Status", lang, 0);
	csv_row_end(out);
	for (size_t i = 0; i < cl->n_items; i++) {
		const struct item *it = &cl->items[i];
		char num[16], *methods = outline_item_text(it, LANG_JA);
		char *src = join_refs(it, 0), *loc = join_refs(it, 1), *rem;
		const char *user_rem = remarks >= 0 ? answers_text(a, i, (size_t)remarks) : "";

		snprintf(num, sizeof num, "%d", it->number);
		export_csv_field(out, num);
		text_cell(out, &cl->sections[it->section].name, lang);
		text_cell(out, &it->goal, lang);
		text_cell(out, &cl->targets[it->target].name, lang);
		if (has_methods) {
			char *en = lang == LANG_EN ? outline_item_text(it, LANG_EN) : NULL;
			struct text t = {methods ? methods : "", en};
			text_cell(out, &t, lang);
			free(en);
		}
		for (size_t c = 0; c < cl->n_columns; c++)
			if ((long)c != remarks) {
				fputc(',', out);
				export_csv_field(out, answers_text(a, i, c));
			}
		fputc(',', out);
		export_csv_field(out, src ? src : "");
		fputc(',', out);
		export_csv_field(out, loc ? loc : "");
		/* 備考: the publisher's remark, then the user's, one per line. */
		rem = malloc(strlen(it->remarks.ja) + strlen(user_rem) + 2);
		if (rem) {
			sprintf(rem, "%s%s%s", it->remarks.ja,
				*it->remarks.ja && *user_rem ? "\n" : "", user_rem);
			fputc(',', out);
			export_csv_field(out, rem);
		}
		fputc(',', out);
		export_csv_field(out, status_official(a->status[i]));
		csv_row_end(out);
		free(methods);
		free(src);
		free(loc);
		free(rem);
		if (!rem || !methods || !src || !loc)
			return -1;
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
		else if (textwidth_kind(cp) != TEXTWIDTH_TEXT && textwidth_kind(cp) != TEXTWIDTH_INVALID)
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

static void json_text(FILE *out, const char *key, const struct text *t)
{
	json_key(out, key);
	fputs("{\"ja\":", out);
	export_json_string(out, t->ja);
	fputs(",\"en\":", out);
	if (t->en)
		export_json_string(out, t->en);
	else
		fputs("null", out);
	fputc('}', out);
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

static void json_item(FILE *out, const struct checklist *cl, const struct answers *a, size_t i)
{
	const struct item *it = &cl->items[i];

	fprintf(out, "{\"number\":%d,\"section\":%d,\"target\":", it->number,
		cl->sections[it->section].number);
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
	json_text(out, "remarks", &it->remarks);
	fputs(",\"answer\":{\"status\":", out);
	export_json_string(out, status_key(a->status[i]));
	for (size_t c = 0; c < cl->n_columns; c++) {
		fputc(',', out);
		json_key(out, cl->columns[c].id);
		export_json_string(out, answers_text(a, i, c));
	}
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

int export_json(FILE *out, const struct checklist *cl, const struct answers *a)
{
	fputs("{\"checklist\":{\"id\":", out);
	export_json_string(out, cl->id);
	fputc(',', out);
	json_text(out, "title", &cl->title);
	fputs(",\"date\":", out);
	if (cl->date)
		export_json_string(out, cl->date);
	else
		fputs("null", out);
	fputs(",\"sha256\":", out);
	export_json_string(out, cl->hash);
	fputc(',', out);
	json_named(out, "targets", cl->targets, cl->n_targets);
	fputc(',', out);
	json_named(out, "columns", cl->columns, cl->n_columns);
	fputs(",\"sections\":[", out);
	for (size_t s = 0; s < cl->n_sections; s++) {
		fprintf(out, "%s{\"number\":%d,", s ? "," : "", cl->sections[s].number);
		json_text(out, "name", &cl->sections[s].name);
		fputc('}', out);
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
