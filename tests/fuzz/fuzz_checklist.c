/* fuzz_checklist: the checklist loader (checklist_load_buffer) on any
 * bytes, and the mapping loader on the same bytes. A refused file gets a
 * message that names it; a loaded one holds only storable texts, items
 * where its sections say, marked runs inside their texts, and prints and
 * exports without a crash. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "checklist_yaml.h"
#include "export.h"
#include "fuzz.h"
#include "mapping.h"
#include "print.h"
#include "textwidth.h"

#define NAME "fuzz.yaml"

static void check_text(const struct text *t)
{
	FUZZ_ASSERT(t->ja != NULL);
	FUZZ_ASSERT(textwidth_storable(t->ja, strlen(t->ja), NULL, NULL) == TEXTWIDTH_TEXT);
	FUZZ_ASSERT(!t->en ||
		    textwidth_storable(t->en, strlen(t->en), NULL, NULL) == TEXTWIDTH_TEXT);
}

static void count_run(void *ctx, const char *s, size_t len, int added)
{
	(void)s, (void)added;
	FUZZ_ASSERT(len > 0);
	++*(size_t *)ctx;
}

/* A marked text: its runs in order, apart, inside the text, none empty. */
static void check_marked(const struct marked *m)
{
	const char *texts[2] = {m->text.ja, m->text.en};

	check_text(&m->text);
	for (int l = LANG_JA; l <= LANG_EN; l++) {
		size_t len = texts[l] ? strlen(texts[l]) : 0, prev = 0, runs = 0;
		for (size_t k = 0; k < m->n_added[l]; k++) {
			FUZZ_ASSERT(m->added[l][k].start < m->added[l][k].end);
			FUZZ_ASSERT(m->added[l][k].end <= len);
			FUZZ_ASSERT(k == 0 || m->added[l][k].start > prev);
			prev = m->added[l][k].end;
		}
		marked_runs(m, (enum lang)l, count_run, &runs);
		char *f = marked_format(m, (enum lang)l, "【", "】");
		FUZZ_ASSERT(f != NULL);
		free(f);
	}
}

static void check_entries(const struct entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		FUZZ_ASSERT(e[i].label != NULL);
		check_text(&e[i].text);
		check_entries(e[i].entries, e[i].n_entries);
	}
}

static void check_item(const struct checklist *cl, const struct item *it)
{
	FUZZ_ASSERT(it->section < cl->n_sections && it->target < cl->n_targets);
	FUZZ_ASSERT(checklist_find_item(cl, it->number) == it - cl->items);
	check_text(&it->goal);
	check_text(&it->remarks);
	check_text(&it->refs_note);
	for (size_t g = 0; g < it->n_groups; g++) {
		check_text(&it->groups[g].heading);
		for (size_t m = 0; m < it->groups[g].n_methods; m++) {
			check_text(&it->groups[g].methods[m].text);
			check_entries(it->groups[g].methods[m].entries,
				      it->groups[g].methods[m].n_entries);
		}
	}
	for (size_t k = 0; k < it->n_notes; k++) {
		check_text(&it->notes[k].title);
		check_text(&it->notes[k].text);
		check_entries(it->notes[k].entries, it->notes[k].n_entries);
	}
	for (size_t k = 0; k < it->n_revisions; k++) {
		check_marked(&it->revisions[k].standard);
		check_marked(&it->revisions[k].passage);
	}
}

/* The model of a loaded checklist, walked. */
static void check_model(const struct checklist *cl)
{
	size_t items = 0;

	FUZZ_ASSERT(cl->id && *cl->id && cl->n_targets > 0 && cl->n_columns > 0);
	FUZZ_ASSERT(strlen(cl->hash) == 64);
	check_text(&cl->title);
	for (size_t s = 0; s < cl->n_sections; s++) {
		const struct section *sec = &cl->sections[s];
		FUZZ_ASSERT(sec->first_item == items);
		FUZZ_ASSERT(checklist_find_section(cl, sec->number) == (long)s);
		check_text(&sec->name);
		for (size_t i = 0; i < sec->n_items; i++)
			FUZZ_ASSERT(cl->items[sec->first_item + i].section == s);
		items += sec->n_items;
	}
	FUZZ_ASSERT(items == cl->n_items);
	for (size_t i = 0; i < cl->n_items; i++)
		check_item(cl, &cl->items[i]);
	for (size_t h = 0; h < cl->n_history; h++)
		for (size_t k = 0; k < cl->history[h].n_revisions; k++)
			check_marked(&cl->history[h].revisions[k].passage);
}

/* Prints and exports the checklist, as tenken print and export do. */
static void render(const struct checklist *cl, int width)
{
	struct answers *a = answers_new(cl);
	struct print_filter all = {-1, -1};
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	FUZZ_ASSERT(a != NULL && out != NULL);
	FUZZ_ASSERT(print_checklist(out, cl, a, all, LANG_JA, width) == 0);
	FUZZ_ASSERT(print_checklist(out, cl, a, all, LANG_EN, width) == 0);
	FUZZ_ASSERT(export_csv(out, cl, a) == 0);
	FUZZ_ASSERT(export_json(out, cl, a) == 0);
	FUZZ_ASSERT(fclose(out) == 0);
	FUZZ_ASSERT(textwidth_valid_utf8(buf, len, NULL));
	free(buf);
	answers_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[1024] = "";
	struct checklist *cl;
	struct mapping *m;

	fuzz_init();
	cl = checklist_load_buffer(NAME, (const char *)data, size, err, sizeof err);
	if (cl) {
		check_model(cl);
		render(cl, 20 + (int)(size % 61));
		checklist_free(cl);
	} else {
		FUZZ_ASSERT(strncmp(err, NAME ":", strlen(NAME ":")) == 0);
		fuzz_check_message(err, 0);
	}
	err[0] = '\0';
	m = mapping_load_file(fuzz_file(data, size), err, sizeof err);
	if (m) {
		const struct checklist *to = fuzz_checklist();
		char why[1024] = "";
		if (mapping_check(m, to, to, why, sizeof why) != 0)
			fuzz_check_message(why, 0);
		mapping_free(m);
	} else {
		FUZZ_ASSERT(err[0] != '\0');
		fuzz_check_message(err, 0);
	}
	return 0;
}
