/* checklist_yaml: reads a checklist file into the model.
 *
 * Two passes. The first turns libyaml's events into a small tree of nodes
 * that remember their line and column, refusing aliases, anchors, deep
 * nesting and oversized scalars as soon as the event arrives (libyaml has no
 * nesting limit of its own and slows down badly on deep nesting, so the
 * parse stops at the first event past the limit). The second walks the tree
 * against the schema of data/README.md and builds the model. */
#include "config.h"

#include "checklist_yaml.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>
#include <yaml.h>

#include "checklist_cache.h"
#include "fileio.h"
#include "paths.h"
#include "gettext.h"
#include "textwidth.h"

enum ytype { Y_SCALAR, Y_SEQ, Y_MAP };

struct ynode {
	enum ytype type;
	size_t line, col;  /* 1-based */
	const char *value; /* scalars */
	size_t len;
	int quoted;
	struct ynode *first, *last, *next; /* children; a map alternates key, value */
	size_t n;                          /* children */
	struct ynode *parent;
};

struct loader {
	const char *name;
	const char *buf;
	size_t len;
	struct checklist *cl;
	struct arena *arena; /* the checklist's: values that outlive the load */
	struct arena tree;   /* the node tree, freed after the load */
	char *err;
	size_t errlen;
	int failed;
	const struct ynode **item_nodes; /* each item's node, for messages */
};

static void fail_at(struct loader *ld, size_t line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fail_at(struct loader *ld, size_t line, size_t col, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	if (ld->failed)
		return;
	ld->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(ld->err, ld->errlen, "%s:%zu:%zu: %s", ld->name, line, col, msg);
	if (ld->errlen)
		textwidth_cut(ld->err); /* a long value quoted is cut between characters */
}

/* Line and column (1-based, column in characters) of a byte offset. */
static void offset_to_mark(const struct loader *ld, size_t off, size_t *line, size_t *col)
{
	size_t l = 1, c = 1;

	for (size_t i = 0; i < off && i < ld->len; i++) {
		if (ld->buf[i] == '\n')
			l++, c = 1;
		else if (((unsigned char)ld->buf[i] & 0xC0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

/* Checks a scalar's value: valid UTF-8, no control characters but newline. */
static int check_scalar(struct loader *ld, const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length, bad;
	size_t line = ev->start_mark.line + 1, col = ev->start_mark.column + 1;
	uint32_t cp;

	if (len > CHECKLIST_MAX_SCALAR) {
		fail_at(ld, line, col, _("text longer than %d bytes"), CHECKLIST_MAX_SCALAR);
		return 0;
	}
	switch (textwidth_storable(s, len, &bad, &cp)) {
	case TEXTWIDTH_TEXT:
		return 1;
	case TEXTWIDTH_INVALID:
		fail_at(ld, line, col, _("invalid UTF-8 in text (byte %zu of the value)"), bad + 1);
		return 0;
	default:
		fail_at(ld, line, col, _("control character U+%04X in text"), (unsigned)cp);
		return 0;
	}
}

static struct ynode *new_node(struct loader *ld, struct ynode *parent, enum ytype type,
			      const yaml_event_t *ev)
{
	struct ynode *n = arena_alloc(&ld->tree, sizeof *n);

	if (!n) {
		fail_at(ld, ev->start_mark.line + 1, ev->start_mark.column + 1, _("out of memory"));
		return NULL;
	}
	n->type = type;
	n->line = ev->start_mark.line + 1;
	n->col = ev->start_mark.column + 1;
	n->parent = parent;
	if (parent) {
		if (parent->last)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
		parent->n++;
	}
	return n;
}

static int has_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor != NULL;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor != NULL;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor != NULL;
	default:
		return 0;
	}
}

static void parser_error(struct loader *ld, const yaml_parser_t *p)
{
	size_t line, col;
	const char *what = p->problem ? p->problem : _("malformed YAML");

	if (p->error == YAML_READER_ERROR) {
		offset_to_mark(ld, p->problem_offset, &line, &col);
		if (p->problem && strstr(p->problem, "UTF-8"))
			fail_at(ld, line, col, _("invalid UTF-8 (%s)"), p->problem);
		else if (p->problem && strstr(p->problem, "control"))
			fail_at(ld, line, col, _("control character in the file (%s)"), p->problem);
		else
			fail_at(ld, line, col, "%s", what);
		return;
	}
	line = p->problem_mark.line + 1;
	col = p->problem_mark.column + 1;
	if (p->context)
		fail_at(ld, line, col, "%s %s", p->context, what);
	else
		fail_at(ld, line, col, "%s", what);
}

/* Handles one event; returns the node to attach the next event to, or sets
 * ld->failed. *root receives the document's top node. */
static struct ynode *on_event(struct loader *ld, struct ynode *cur, const yaml_event_t *ev,
			      size_t *depth, struct ynode **root)
{
	size_t line = ev->start_mark.line + 1, col = ev->start_mark.column + 1;
	struct ynode *n;

	if (ev->type == YAML_ALIAS_EVENT || has_anchor(ev)) {
		fail_at(ld, line, col,
			_("YAML anchors and aliases are not allowed in a checklist"));
		return cur;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (!check_scalar(ld, ev))
			return cur;
		n = new_node(ld, cur, Y_SCALAR, ev);
		if (!n)
			return cur;
		n->value = arena_strndup(ld->arena, (const char *)ev->data.scalar.value,
					 ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		if (!n->value)
			fail_at(ld, line, col, _("out of memory"));
		if (!*root)
			*root = n;
		return cur;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (++*depth > CHECKLIST_MAX_DEPTH) {
			fail_at(ld, line, col, _("nesting deeper than %d levels"),
				CHECKLIST_MAX_DEPTH);
			return cur;
		}
		n = new_node(ld, cur, ev->type == YAML_SEQUENCE_START_EVENT ? Y_SEQ : Y_MAP, ev);
		if (n && !*root)
			*root = n;
		return n ? n : cur;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		--*depth;
		return cur ? cur->parent : NULL;
	case YAML_DOCUMENT_START_EVENT:
		if (*root)
			fail_at(ld, line, col, _("a checklist file holds one YAML document"));
		return cur;
	default:
		return cur;
	}
}

static struct ynode *parse_tree(struct loader *ld)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct ynode *root = NULL, *cur = NULL;
	size_t depth = 0;
	int done = 0;

	if (!yaml_parser_initialize(&parser)) {
		fail_at(ld, 1, 1, _("out of memory"));
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)ld->buf, ld->len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && !ld->failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(ld, &parser);
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		cur = on_event(ld, cur, &ev, &depth, &root);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (!ld->failed && !root)
		fail_at(ld, 1, 1, _("the file is empty"));
	return ld->failed ? NULL : root;
}

/* ---- The schema ---- */

static const char *type_name(enum ytype t)
{
	switch (t) {
	case Y_SCALAR:
		return _("a value");
	case Y_SEQ:
		return _("a list");
	default:
		return _("a mapping");
	}
}

static int expect(struct loader *ld, const struct ynode *n, enum ytype t, const char *what)
{
	if (n->type == t)
		return 1;
	/* TRANSLATORS: "%s: expected a list, found a value" */
	fail_at(ld, n->line, n->col, _("%s: expected %s, found %s"), what, type_name(t),
		type_name(n->type));
	return 0;
}

/* The keys a mapping allows, and which of them it requires. */
struct keyspec {
	const char *key;
	int required;
};

/* Looks up key in map; NULL if absent. */
static const struct ynode *get(const struct ynode *map, const char *key)
{
	for (const struct ynode *k = map->first; k && k->next; k = k->next->next)
		if (k->type == Y_SCALAR && strcmp(k->value, key) == 0)
			return k->next;
	return NULL;
}

/* Checks that map has only known keys, each once, and every required one. */
static int check_keys(struct loader *ld, const struct ynode *map, const struct keyspec *spec,
		      const char *what)
{
	for (const struct ynode *k = map->first; k && k->next; k = k->next->next) {
		size_t i;
		if (k->type != Y_SCALAR) {
			fail_at(ld, k->line, k->col, _("%s: a key must be a plain value"), what);
			return 0;
		}
		for (i = 0; spec[i].key; i++)
			if (strcmp(spec[i].key, k->value) == 0)
				break;
		if (!spec[i].key) {
			fail_at(ld, k->line, k->col, _("%s: unknown key \"%s\""), what, k->value);
			return 0;
		}
		for (const struct ynode *o = map->first; o != k; o = o->next->next)
			if (strcmp(o->value, k->value) == 0) {
				fail_at(ld, k->line, k->col, _("%s: key \"%s\" appears twice"),
					what, k->value);
				return 0;
			}
	}
	for (size_t i = 0; spec[i].key; i++)
		if (spec[i].required && !get(map, spec[i].key)) {
			fail_at(ld, map->line, map->col, _("%s: missing required key \"%s\""), what,
				spec[i].key);
			return 0;
		}
	return 1;
}

static int to_text(struct loader *ld, const struct ynode *n, struct text *t, const char *what)
{
	static const struct keyspec spec[] = {{"ja", 1}, {"en", 0}, {NULL, 0}};
	const struct ynode *ja, *en;

	if (n->type == Y_SCALAR) {
		t->ja = n->value;
		return 1;
	}
	if (!expect(ld, n, Y_MAP, what) || !check_keys(ld, n, spec, what))
		return 0;
	ja = get(n, "ja");
	en = get(n, "en");
	if (!expect(ld, ja, Y_SCALAR, what) || (en && !expect(ld, en, Y_SCALAR, what)))
		return 0;
	t->ja = ja->value;
	t->en = en && *en->value ? en->value : NULL;
	return 1;
}

/* Reads an optional text field of map into t (left empty if absent). */
static int opt_text(struct loader *ld, const struct ynode *map, const char *key, struct text *t,
		    const char *what)
{
	const struct ynode *n = get(map, key);

	t->ja = "";
	t->en = NULL;
	return !n || to_text(ld, n, t, what);
}

static int to_int(struct loader *ld, const struct ynode *n, int min, int *out, const char *what)
{
	char *end;
	long v;

	if (!expect(ld, n, Y_SCALAR, what))
		return 0;
	errno = 0;
	v = strtol(n->value, &end, 10);
	if (n->quoted || !*n->value || *end || errno || v < min || v > INT_MAX) {
		fail_at(ld, n->line, n->col,
			_("%s: expected a whole number of at least %d, found \"%s\""), what, min,
			n->value);
		return 0;
	}
	*out = (int)v;
	return 1;
}

static int valid_id(const char *s)
{
	if (!*s || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static int to_id(struct loader *ld, const struct ynode *n, const char **out, const char *what)
{
	if (!expect(ld, n, Y_SCALAR, what))
		return 0;
	if (!valid_id(n->value)) {
		fail_at(ld, n->line, n->col,
			_("%s: \"%s\" is not an id (lower-case letters, digits and -)"), what,
			n->value);
		return 0;
	}
	*out = n->value;
	return 1;
}

/* Allocates an array for the n children of a sequence. */
static void *alloc_array(struct loader *ld, const struct ynode *seq, size_t size)
{
	void *p = arena_alloc(ld->arena, size * (seq->n ? seq->n : 1));

	if (!p)
		fail_at(ld, seq->line, seq->col, _("out of memory"));
	return p;
}

static int to_entries(struct loader *ld, const struct ynode *seq, struct entry **out, size_t *n_out,
		      int level);

static int to_entry(struct loader *ld, const struct ynode *n, struct entry *e, int level)
{
	static const struct keyspec spec[] = {{"label", 0}, {"text", 1}, {"entries", 0}, {NULL, 0}};
	const struct ynode *label, *sub;

	if (!expect(ld, n, Y_MAP, _("entry")) || !check_keys(ld, n, spec, _("entry")))
		return 0;
	label = get(n, "label");
	if (label && !expect(ld, label, Y_SCALAR, _("entry label")))
		return 0;
	e->label = label ? label->value : "";
	if (!to_text(ld, get(n, "text"), &e->text, _("entry text")))
		return 0;
	sub = get(n, "entries");
	return !sub || to_entries(ld, sub, &e->entries, &e->n_entries, level + 1);
}

static int to_entries(struct loader *ld, const struct ynode *seq, struct entry **out, size_t *n_out,
		      int level)
{
	if (!expect(ld, seq, Y_SEQ, _("entries")))
		return 0;
	if (level > 3) {
		fail_at(ld, seq->line, seq->col, _("entries nested more than 3 levels deep"));
		return 0;
	}
	if (!(*out = alloc_array(ld, seq, sizeof **out)))
		return 0;
	for (const struct ynode *c = seq->first; c; c = c->next)
		if (!to_entry(ld, c, &(*out)[(*n_out)++], level))
			return 0;
	return 1;
}

static int to_method(struct loader *ld, const struct ynode *n, struct method *m)
{
	static const struct keyspec spec[] = {
		{"number", 0}, {"text", 1}, {"notes", 0}, {"entries", 0}, {NULL, 0}};
	const struct ynode *num, *notes, *entries;

	if (!expect(ld, n, Y_MAP, _("method")) || !check_keys(ld, n, spec, _("method")))
		return 0;
	num = get(n, "number");
	if (num && !to_int(ld, num, 1, &m->number, _("method number")))
		return 0;
	if (!to_text(ld, get(n, "text"), &m->text, _("method text")))
		return 0;
	notes = get(n, "notes");
	if (notes) {
		if (!expect(ld, notes, Y_SEQ, _("method notes")) ||
		    !(m->notes = alloc_array(ld, notes, sizeof *m->notes)))
			return 0;
		for (const struct ynode *c = notes->first; c; c = c->next)
			if (!to_int(ld, c, 1, &m->notes[m->n_notes++], _("note reference")))
				return 0;
	}
	entries = get(n, "entries");
	return !entries || to_entries(ld, entries, &m->entries, &m->n_entries, 1);
}

static int to_group(struct loader *ld, const struct ynode *n, struct method_group *g)
{
	static const struct keyspec spec[] = {{"heading", 0}, {"methods", 1}, {NULL, 0}};
	const struct ynode *ms;

	if (!expect(ld, n, Y_MAP, _("method group")) ||
	    !check_keys(ld, n, spec, _("method group")) ||
	    !opt_text(ld, n, "heading", &g->heading, _("heading")))
		return 0;
	ms = get(n, "methods");
	if (!expect(ld, ms, Y_SEQ, _("methods")) ||
	    !(g->methods = alloc_array(ld, ms, sizeof *g->methods)))
		return 0;
	for (const struct ynode *c = ms->first; c; c = c->next)
		if (!to_method(ld, c, &g->methods[g->n_methods++]))
			return 0;
	return 1;
}

static int to_note(struct loader *ld, const struct ynode *n, struct note *note)
{
	static const struct keyspec spec[] = {
		{"number", 1}, {"title", 0}, {"text", 0}, {"entries", 0}, {NULL, 0}};
	const struct ynode *entries;

	if (!expect(ld, n, Y_MAP, _("note")) || !check_keys(ld, n, spec, _("note")) ||
	    !to_int(ld, get(n, "number"), 1, &note->number, _("note number")) ||
	    !opt_text(ld, n, "title", &note->title, _("note title")) ||
	    !opt_text(ld, n, "text", &note->text, _("note text")))
		return 0;
	entries = get(n, "entries");
	return !entries || to_entries(ld, entries, &note->entries, &note->n_entries, 1);
}

static int to_reference(struct loader *ld, const struct ynode *n, struct reference *r)
{
	static const struct keyspec spec[] = {{"source", 1}, {"location", 0}, {NULL, 0}};

	return expect(ld, n, Y_MAP, _("reference")) && check_keys(ld, n, spec, _("reference")) &&
	       to_text(ld, get(n, "source"), &r->source, _("reference source")) &&
	       opt_text(ld, n, "location", &r->location, _("reference location"));
}

/* Takes the marks <u> and </u> out of the scalar n into spans (*out, *n_out,
 * allocated here); returns the text without them, or NULL with an error. */
static const char *unmark(struct loader *ld, const struct ynode *n, struct span **out,
			  size_t *n_out, const char *what)
{
	const char *s = n->value;
	size_t len = strlen(s), o = 0, start = 0, max = 1;
	char *text = arena_alloc(ld->arena, len + 1);
	int in = 0;

	for (const char *p = s; (p = strstr(p, "<u>")) != NULL; p += 3)
		max++;
	*out = arena_alloc(ld->arena, max * sizeof **out);
	*n_out = 0;
	if (!text || !*out) {
		fail_at(ld, n->line, n->col, _("out of memory"));
		return NULL;
	}
	for (size_t i = 0; i < len;) {
		if (strncmp(s + i, "<u>", 3) == 0) {
			if (in) {
				/* TRANSLATORS: <u> marks the text a review added; keep it. */
				fail_at(ld, n->line, n->col, _("%s: <u> inside an added run"),
					what);
				return NULL;
			}
			in = 1;
			start = o;
			i += 3;
		} else if (strncmp(s + i, "</u>", 4) == 0) {
			if (!in || o == start) {
				fail_at(ld, n->line, n->col,
					in ? _("%s: <u></u> marks nothing")
					   : _("%s: </u> without <u> before it"),
					what);
				return NULL;
			}
			if (*n_out && (*out)[*n_out - 1].end == start)
				(*out)[*n_out - 1].end = o; /* <u>a</u><u>b</u> is one run */
			else
				(*out)[(*n_out)++] = (struct span){start, o};
			in = 0;
			i += 4;
		} else {
			text[o++] = s[i++];
		}
	}
	text[o] = '\0';
	if (in) {
		fail_at(ld, n->line, n->col, _("%s: <u> is not closed by </u>"), what);
		return NULL;
	}
	return text;
}

/* Reads a text in which <u>…</u> marks what a review added, in each
 * language; the English must mark added text where the Japanese does. */
static int to_marked(struct loader *ld, const struct ynode *n, struct marked *m, const char *what)
{
	const struct ynode *ja = n->type == Y_SCALAR ? n : get(n, "ja");
	const struct ynode *en = n->type == Y_SCALAR ? NULL : get(n, "en");

	if (!to_text(ld, n, &m->text, what) ||
	    !(m->text.ja = unmark(ld, ja, &m->added[LANG_JA], &m->n_added[LANG_JA], what)))
		return 0;
	if (!m->text.en)
		return 1;
	if (!(m->text.en = unmark(ld, en, &m->added[LANG_EN], &m->n_added[LANG_EN], what)))
		return 0;
	if (!m->n_added[LANG_JA] != !m->n_added[LANG_EN]) {
		fail_at(ld, en->line, en->col,
			m->n_added[LANG_JA]
				? _("%s: the English marks no added text; the Japanese does")
				: _("%s: the English marks added text; the Japanese marks none"),
			what);
		return 0;
	}
	return 1;
}

/* Reads an optional marked text of map (left empty if absent). */
static int opt_marked(struct loader *ld, const struct ynode *map, const char *key, struct marked *m,
		      const char *what)
{
	const struct ynode *n = get(map, key);

	memset(m, 0, sizeof *m);
	m->text.ja = "";
	return !n || to_marked(ld, n, m, what);
}

/* An answer column may not take a name the answer file's history uses for
 * something else: the status, the review's verdict and its comments. */
static int free_column_ids(struct loader *ld, const struct ynode *seq, const struct named *a,
			   size_t n)
{
	static const char *const taken[] = {"status", "verdict", "comment"};
	const struct ynode *node = seq->first;

	for (size_t i = 0; i < n; i++, node = node->next)
		for (size_t k = 0; k < sizeof taken / sizeof taken[0]; k++)
			if (strcmp(a[i].id, taken[k]) == 0) {
				fail_at(ld, node->line, node->col,
					_("columns: id \"%s\" is reserved; choose another"),
					a[i].id);
				return 0;
			}
	return 1;
}

static int valid_date(const char *s);

/* Reads an optional date of map into *out (NULL if absent). */
static int opt_date(struct loader *ld, const struct ynode *map, const char *key, const char **out)
{
	const struct ynode *date = get(map, key);

	*out = NULL;
	if (!date)
		return 1;
	if (date->type != Y_SCALAR || !valid_date(date->value)) {
		fail_at(ld, date->line, date->col, _("date: expected YYYY-MM-DD"));
		return 0;
	}
	*out = date->value;
	return 1;
}

static int to_revision(struct loader *ld, const struct ynode *n, struct revision *r)
{
	static const struct keyspec spec[] = {{"review", 1},  {"date", 0},   {"standard", 0},
					      {"passage", 0}, {"change", 0}, {NULL, 0}};

	if (!expect(ld, n, Y_MAP, _("revision")) || !check_keys(ld, n, spec, _("revision")) ||
	    !to_text(ld, get(n, "review"), &r->review, _("revision review")) ||
	    !opt_date(ld, n, "date", &r->date) ||
	    !opt_marked(ld, n, "standard", &r->standard, _("revision standard")) ||
	    !opt_marked(ld, n, "passage", &r->passage, _("revision passage")) ||
	    !opt_text(ld, n, "change", &r->change, _("revision change")))
		return 0;
	if (!*r->passage.text.ja && !*r->change.ja) {
		fail_at(ld, n->line, n->col, _("revision: a passage or a change is required"));
		return 0;
	}
	return 1;
}

static int to_plain_text(struct loader *ld, const struct ynode *n, struct text *t)
{
	return to_text(ld, n, t, _("text"));
}

/* Each (注N) a method refers to must exist in the item; note numbers are
 * unique within the item. */
static int check_note_refs(struct loader *ld, const struct ynode *n, const struct item *it)
{
	for (size_t i = 0; i < it->n_notes; i++)
		for (size_t j = 0; j < i; j++)
			if (it->notes[i].number == it->notes[j].number) {
				fail_at(ld, n->line, n->col, _("item %s: note %d appears twice"),
					it->label, it->notes[i].number);
				return 0;
			}
	for (size_t g = 0; g < it->n_groups; g++)
		for (size_t m = 0; m < it->groups[g].n_methods; m++) {
			const struct method *me = &it->groups[g].methods[m];
			for (size_t r = 0; r < me->n_notes; r++) {
				size_t k;
				for (k = 0; k < it->n_notes; k++)
					if (it->notes[k].number == me->notes[r])
						break;
				if (k == it->n_notes) {
					fail_at(ld, n->line, n->col,
						_("item %s: a method refers to note %d, which the "
						  "item does not have"),
						it->label, me->notes[r]);
					return 0;
				}
			}
		}
	return 1;
}

/* Reads the optional list under key of map into an array via fn. */
#define READ_LIST(ld, map, key, arr, count, fn)                                                    \
	do {                                                                                       \
		const struct ynode *seq_ = get(map, key);                                          \
		if (!seq_)                                                                         \
			break;                                                                     \
		if (!expect(ld, seq_, Y_SEQ, key) ||                                               \
		    !((arr) = alloc_array(ld, seq_, sizeof *(arr))))                               \
			return 0;                                                                  \
		for (const struct ynode *c_ = seq_->first; c_; c_ = c_->next)                      \
			if (!fn(ld, c_, &(arr)[(count)++]))                                        \
				return 0;                                                          \
	} while (0)

static int find_target(const struct checklist *cl, const char *id, size_t *out)
{
	for (size_t i = 0; i < cl->n_targets; i++)
		if (strcmp(cl->targets[i].id, id) == 0) {
			*out = i;
			return 1;
		}
	return 0;
}

/* Reads an item's number (a base checklist's) and makes it its label. */
static int to_item_number(struct loader *ld, const struct ynode *n, struct item *it)
{
	char num[16];

	if (!to_int(ld, n, 1, &it->number, _("item number")))
		return 0;
	if (it->number >= CHECKLIST_KEY_BASE) {
		fail_at(ld, n->line, n->col, _("item number: %d is too large"), it->number);
		return 0;
	}
	snprintf(num, sizeof num, "%d", it->number);
	if (!(it->label = arena_strndup(ld->arena, num, strlen(num)))) {
		fail_at(ld, n->line, n->col, _("out of memory"));
		return 0;
	}
	return 1;
}

/* Reads an item's fields but its number (the caller's: a checklist's
 * items and an overlay's are numbered differently); spec lists the keys
 * the item may have. */
static int to_item_body(struct loader *ld, const struct ynode *n, struct item *it,
			const struct keyspec *spec)
{
	const struct ynode *target;

	if (!check_keys(ld, n, spec, _("item")) ||
	    !to_text(ld, get(n, "goal"), &it->goal, _("goal")) ||
	    !opt_text(ld, n, "references-note", &it->refs_note, _("references note")) ||
	    !opt_text(ld, n, "remarks", &it->remarks, _("remarks")))
		return 0;
	target = get(n, "target");
	if (!expect(ld, target, Y_SCALAR, _("target")))
		return 0;
	if (!find_target(ld->cl, target->value, &it->target)) {
		fail_at(ld, target->line, target->col,
			_("item %s: target \"%s\" is not one of the file's targets"), it->label,
			target->value);
		return 0;
	}
	READ_LIST(ld, n, "methods", it->groups, it->n_groups, to_group);
	READ_LIST(ld, n, "notes", it->notes, it->n_notes, to_note);
	READ_LIST(ld, n, "references", it->refs, it->n_refs, to_reference);
	READ_LIST(ld, n, "revisions", it->revisions, it->n_revisions, to_revision);
	READ_LIST(ld, n, "warnings", it->warnings, it->n_warnings, to_plain_text);
	return check_note_refs(ld, n, it);
}

static int to_item(struct loader *ld, const struct ynode *n, struct item *it)
{
	static const struct keyspec spec[] = {
		{"number", 1},          {"goal", 1},    {"target", 1},
		{"methods", 0},         {"notes", 0},   {"references", 0},
		{"references-note", 0}, {"remarks", 0}, {"revisions", 0},
		{"warnings", 0},        {NULL, 0}};

	return expect(ld, n, Y_MAP, _("item")) && check_keys(ld, n, spec, _("item")) &&
	       to_item_number(ld, get(n, "number"), it) && to_item_body(ld, n, it, spec);
}

/* Counts the items of all sections, to size the flat item array. */
static int count_items(struct loader *ld, const struct ynode *sections, size_t *total)
{
	*total = 0;
	for (const struct ynode *s = sections->first; s; s = s->next) {
		const struct ynode *items;
		if (!expect(ld, s, Y_MAP, _("section")))
			return 0;
		items = get(s, "items");
		if (items && items->type == Y_SEQ)
			*total += items->n;
	}
	if (*total > CHECKLIST_MAX_ITEMS) {
		fail_at(ld, sections->line, sections->col, _("more than %d items"),
			CHECKLIST_MAX_ITEMS);
		return 0;
	}
	return 1;
}

static int to_section(struct loader *ld, const struct ynode *n, size_t index)
{
	static const struct keyspec spec[] = {{"number", 1},  {"name", 1},    {"name-supplied", 0},
					      {"purpose", 0}, {"sources", 0}, {"warnings", 0},
					      {"items", 1},   {NULL, 0}};
	struct checklist *cl = ld->cl;
	struct section *s = &cl->sections[index];
	const struct ynode *items;

	if (!check_keys(ld, n, spec, _("section")) ||
	    !to_int(ld, get(n, "number"), 1, &s->number, _("section number")) ||
	    !to_text(ld, get(n, "name"), &s->name, _("section name")) ||
	    !opt_text(ld, n, "name-supplied", &s->name_supplied, _("section name-supplied")) ||
	    !opt_text(ld, n, "purpose", &s->purpose, _("section purpose")))
		return 0;
	READ_LIST(ld, n, "sources", s->sources, s->n_sources, to_plain_text);
	READ_LIST(ld, n, "warnings", s->warnings, s->n_warnings, to_plain_text);
	for (size_t i = 0; i < index; i++)
		if (cl->sections[i].number == s->number) {
			fail_at(ld, n->line, n->col, _("section number %d appears twice"),
				s->number);
			return 0;
		}
	items = get(n, "items");
	if (!expect(ld, items, Y_SEQ, _("items")))
		return 0;
	s->first_item = cl->n_items;
	for (const struct ynode *c = items->first; c; c = c->next) {
		struct item *it = &cl->items[cl->n_items];
		if (!to_item(ld, c, it))
			return 0;
		it->section = index;
		ld->item_nodes[cl->n_items++] = c;
		s->n_items++;
	}
	return 1;
}

static int to_named(struct loader *ld, const struct ynode *n, struct named *out)
{
	static const struct keyspec spec[] = {{"id", 1}, {"name", 1}, {NULL, 0}};

	return expect(ld, n, Y_MAP, _("entry")) && check_keys(ld, n, spec, _("entry")) &&
	       to_id(ld, get(n, "id"), &out->id, "id") &&
	       to_text(ld, get(n, "name"), &out->name, _("name"));
}

static int unique_ids(struct loader *ld, const struct ynode *seq, const struct named *a, size_t n,
		      const char *what)
{
	const struct ynode *node = seq->first;

	if (n == 0) {
		fail_at(ld, seq->line, seq->col, _("%s: the list is empty"), what);
		return 0;
	}
	for (size_t i = 0; i < n; i++, node = node->next)
		for (size_t j = 0; j < i; j++)
			if (strcmp(a[i].id, a[j].id) == 0) {
				fail_at(ld, node->line, node->col, _("%s: id \"%s\" appears twice"),
					what, a[i].id);
				return 0;
			}
	return 1;
}

static int valid_date(const char *s)
{
	int y, m, d;
	char tail;

	return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
}

static int to_history(struct loader *ld, const struct ynode *n, struct history *h)
{
	static const struct keyspec spec[] = {
		{"date", 1}, {"text", 1}, {"revisions", 0}, {NULL, 0}};

	if (!expect(ld, n, Y_MAP, _("history")) || !check_keys(ld, n, spec, _("history")) ||
	    !opt_date(ld, n, "date", &h->date) ||
	    !to_text(ld, get(n, "text"), &h->text, _("history")))
		return 0;
	READ_LIST(ld, n, "revisions", h->revisions, h->n_revisions, to_revision);
	return 1;
}

/* Indexes the items by number and refuses a number given twice, at the
 * later of the two. */
static int index_items(struct loader *ld)
{
	struct checklist *cl = ld->cl;

	if (checklist_index(cl) != 0) {
		fail_at(ld, 1, 1, _("out of memory"));
		return 0;
	}
	for (size_t k = 1; k < cl->n_items; k++) {
		const struct item_key *a = &cl->by_number[k - 1], *b = &cl->by_number[k];
		size_t later = a->index > b->index ? a->index : b->index;
		const struct ynode *at = ld->item_nodes[later];
		const char *x = cl->items[a->index].label, *y = cl->items[b->index].label;
		if (a->number != b->number)
			continue;
		if (strcmp(x, y) == 0)
			fail_at(ld, at ? at->line : 1, at ? at->col : 1,
				_("item number %s appears twice"), x);
		else
			fail_at(ld, at ? at->line : 1, at ? at->col : 1,
				_("items %s and %s would be kept under the same key in the answer "
				  "file; rename one of them"),
				x, y);
		return 0;
	}
	return 1;
}

static int to_checklist(struct loader *ld, const struct ynode *root)
{
	static const struct keyspec spec[] = {
		{"format", 1},        {"id", 1},       {"title", 1},
		{"edition", 0},       {"date", 0},     {"publisher", 0},
		{"source", 0},        {"remarks", 0},  {"references-note", 0},
		{"examples-from", 0}, {"history", 0},  {"targets", 1},
		{"columns", 1},       {"sections", 1}, {NULL, 0}};
	struct checklist *cl = ld->cl;
	const struct ynode *format, *date, *sections;
	size_t total;

	if (!expect(ld, root, Y_MAP, _("checklist")) || !check_keys(ld, root, spec, _("checklist")))
		return 0;
	format = get(root, "format");
	if (format->type != Y_SCALAR || strcmp(format->value, "tenken-checklist 1") != 0) {
		fail_at(ld, format->line, format->col,
			_("format: expected \"tenken-checklist 1\"; this file is not a checklist "
			  "tenken can read"));
		return 0;
	}
	if (!to_id(ld, get(root, "id"), &cl->id, "id") ||
	    !to_text(ld, get(root, "title"), &cl->title, _("title")) ||
	    !opt_text(ld, root, "edition", &cl->edition, _("edition")) ||
	    !opt_text(ld, root, "publisher", &cl->publisher, _("publisher")) ||
	    !opt_text(ld, root, "source", &cl->source, _("source")) ||
	    !opt_text(ld, root, "remarks", &cl->remarks, _("remarks")) ||
	    !opt_text(ld, root, "references-note", &cl->refs_note, _("references note")))
		return 0;
	if (get(root, "examples-from") &&
	    !to_id(ld, get(root, "examples-from"), &cl->examples_from, "examples-from"))
		return 0;
	READ_LIST(ld, root, "history", cl->history, cl->n_history, to_history);
	date = get(root, "date");
	if (date) {
		if (date->type != Y_SCALAR || !valid_date(date->value)) {
			fail_at(ld, date->line, date->col, _("date: expected YYYY-MM-DD"));
			return 0;
		}
		cl->date = date->value;
	}
	READ_LIST(ld, root, "targets", cl->targets, cl->n_targets, to_named);
	if (!unique_ids(ld, get(root, "targets"), cl->targets, cl->n_targets, "targets"))
		return 0;
	READ_LIST(ld, root, "columns", cl->columns, cl->n_columns, to_named);
	if (!unique_ids(ld, get(root, "columns"), cl->columns, cl->n_columns, "columns") ||
	    !free_column_ids(ld, get(root, "columns"), cl->columns, cl->n_columns))
		return 0;
	sections = get(root, "sections");
	if (!expect(ld, sections, Y_SEQ, "sections") || !count_items(ld, sections, &total) ||
	    !(cl->sections = alloc_array(ld, sections, sizeof *cl->sections)))
		return 0;
	cl->items = arena_alloc(ld->arena, sizeof *cl->items * (total ? total : 1));
	ld->item_nodes = arena_alloc(&ld->tree, sizeof *ld->item_nodes * (total ? total : 1));
	if (!cl->items || !ld->item_nodes) {
		fail_at(ld, sections->line, sections->col, _("out of memory"));
		return 0;
	}
	for (const struct ynode *s = sections->first; s; s = s->next)
		if (!to_section(ld, s, cl->n_sections++))
			return 0;
	return index_items(ld);
}

/* ---- Overlays: a bank's own checklist made from a base ---- */

/* Non-zero while an overlay's base is read. */
static int loading_base;

/* An item an overlay adds, before it takes its place. */
struct added {
	struct item item;
	int section;               /* the section's number */
	const struct ynode *after; /* the label it follows, or NULL: the section's end */
	const struct ynode *node;
};

/* What an overlay's items are built into. */
struct overlay {
	const struct checklist *base;
	struct added *added;
	size_t n_added;
	unsigned char *dropped; /* per base item */
};

/* An overlay's item number: letters, digits, - _ and ., with at least
 * one letter, so that it cannot be taken for a 通番 of the base. */
static int to_label(struct loader *ld, const struct overlay *ov, const struct ynode *n,
		    struct item *it)
{
	int letter = 0, ok = n->type == Y_SCALAR && n->len >= 1 && n->len <= 16;

	for (size_t i = 0; ok && i < n->len; i++) {
		char c = n->value[i];
		letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
		ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		     c == '-' || c == '_' || c == '.';
	}
	if (ok && !letter && checklist_find_label(ov->base, n->value) >= 0) {
		fail_at(ld, n->line, n->col,
			_("item number %s is the base checklist's item %s: number the bank's "
			  "items in a scheme of their own, such as A-1"),
			n->value, n->value);
		return 0;
	}
	if (!ok || !letter) {
		fail_at(ld, n->line, n->col,
			_("item number: expected up to 16 letters, digits, - _ or ., with at least "
			  "one letter (such as A-1), found \"%s\""),
			n->type == Y_SCALAR ? n->value : "");
		return 0;
	}
	it->label = n->value;
	it->number = checklist_label_key(it->label);
	it->added = 1;
	return 1;
}

static int to_added(struct loader *ld, struct overlay *ov, const struct ynode *n, struct added *a)
{
	static const struct keyspec spec[] = {
		{"number", 1},  {"section", 1},         {"after", 0},    {"goal", 1},
		{"target", 1},  {"methods", 0},         {"notes", 0},    {"references", 0},
		{"remarks", 0}, {"references-note", 0}, {"warnings", 0}, {NULL, 0}};

	a->node = n;
	if (!expect(ld, n, Y_MAP, _("item")) || !check_keys(ld, n, spec, _("item")) ||
	    !to_label(ld, ov, get(n, "number"), &a->item) ||
	    !to_int(ld, get(n, "section"), 1, &a->section, _("section number")) ||
	    !to_item_body(ld, n, &a->item, spec))
		return 0;
	a->after = get(n, "after");
	return !a->after || expect(ld, a->after, Y_SCALAR, _("after"));
}

static int to_not_asked(struct loader *ld, struct overlay *ov, const struct ynode *n,
			struct not_asked *na)
{
	static const struct keyspec spec[] = {{"number", 1}, {"reason", 1}, {NULL, 0}};
	const struct ynode *num;
	int number;
	long i;

	if (!expect(ld, n, Y_MAP, _("not-asked")) || !check_keys(ld, n, spec, _("not-asked")) ||
	    !to_int(ld, (num = get(n, "number")), 1, &number, _("item number")) ||
	    !to_text(ld, get(n, "reason"), &na->reason, _("reason")))
		return 0;
	if ((i = checklist_find_item(ov->base, number)) < 0) {
		fail_at(ld, num->line, num->col, _("not-asked: the base checklist has no item %d"),
			number);
		return 0;
	}
	if (ov->dropped[i]) {
		fail_at(ld, num->line, num->col, _("not-asked: item %d appears twice"), number);
		return 0;
	}
	ov->dropped[i] = 1;
	na->item = &ov->base->items[i];
	return 1;
}

/* A section the overlay adds: like a checklist's, without items (the
 * overlay's items name their section). */
static int to_new_section(struct loader *ld, const struct ynode *n, struct section *s)
{
	static const struct keyspec spec[] = {{"number", 1},  {"name", 1},     {"purpose", 0},
					      {"sources", 0}, {"warnings", 0}, {NULL, 0}};
	struct checklist *cl = ld->cl;

	if (!expect(ld, n, Y_MAP, _("section")) || !check_keys(ld, n, spec, _("section")) ||
	    !to_int(ld, get(n, "number"), 1, &s->number, _("section number")) ||
	    !to_text(ld, get(n, "name"), &s->name, _("section name")) ||
	    !opt_text(ld, n, "purpose", &s->purpose, _("section purpose")))
		return 0;
	READ_LIST(ld, n, "sources", s->sources, s->n_sources, to_plain_text);
	READ_LIST(ld, n, "warnings", s->warnings, s->n_warnings, to_plain_text);
	s->name_supplied = (struct text){"", NULL};
	for (size_t i = 0; i < cl->n_sections; i++)
		if (cl->sections[i].number == s->number) {
			fail_at(ld, n->line, n->col, _("section number %d appears twice"),
				s->number);
			return 0;
		}
	cl->n_sections++;
	return 1;
}

/* Finds the base checklist named id: ID.yaml beside the overlay, else the
 * bundled one. */
static int find_base(struct loader *ld, const struct ynode *n, char *path, size_t len)
{
	const char *slash = strrchr(ld->name, '/');
	int dir = slash ? (int)(slash - ld->name) : 1;

	snprintf(path, len, "%.*s/%s.yaml", dir, slash ? ld->name : ".", n->value);
	if (access(path, R_OK) == 0 || paths_checklist(n->value, path, len) == 0)
		return 1;
	fail_at(ld, n->line, n->col,
		_("base: no checklist \"%s\" beside the overlay or among the bundled ones (%s)"),
		n->value, paths_datadir());
	return 0;
}

/* Loads the base the overlay names and checks it is the version the
 * overlay was written for. */
static struct checklist *load_base(struct loader *ld, const struct ynode *base)
{
	static const struct keyspec spec[] = {{"id", 1}, {"sha256", 1}, {NULL, 0}};
	const struct ynode *id, *sum;
	char path[PATH_MAX], err[1024];
	const char *base_id;
	struct checklist *b;

	if (!expect(ld, base, Y_MAP, "base") || !check_keys(ld, base, spec, "base") ||
	    !to_id(ld, (id = get(base, "id")), &base_id, "base id") ||
	    !expect(ld, (sum = get(base, "sha256")), Y_SCALAR, "sha256") ||
	    !find_base(ld, id, path, sizeof path))
		return NULL;
	loading_base++;
	b = checklist_load_file(path, err, sizeof err);
	loading_base--;
	if (!b) {
		fail_at(ld, id->line, id->col, _("base: %s"), err);
		return NULL;
	}
	if (strcmp(b->id, base_id) != 0 || strcmp(b->hash, sum->value) != 0) {
		if (strcmp(b->id, base_id) != 0)
			fail_at(ld, id->line, id->col,
				_("base: %s is the checklist \"%s\", not \"%s\""), path, b->id,
				base_id);
		else
			fail_at(ld, sum->line, sum->col,
				_("base: %s is not the version the overlay was written for (its "
				  "SHA-256 is %s); compare the two and update sha256"),
				path, b->hash);
		checklist_free(b);
		return NULL;
	}
	return b;
}

/* Where an added item goes in section s's list of n items: after the
 * item its after: names, else at the end. */
static long insert_at(struct loader *ld, const struct added *a, struct item *list, size_t n)
{
	if (!a->after)
		return (long)n;
	for (size_t k = 0; k < n; k++)
		if (strcmp(list[k].label, a->after->value) == 0)
			return (long)k + 1;
	fail_at(ld, a->after->line, a->after->col,
		_("after: section %d has no item %s before this one"), a->section, a->after->value);
	return -1;
}

/* Builds section index's items: the base's, less those not asked, with
 * the overlay's added in their places. */
static int merge_section(struct loader *ld, struct overlay *ov, size_t index)
{
	struct checklist *cl = ld->cl;
	struct section *s = &cl->sections[index];
	struct item *list = &cl->items[cl->n_items];
	const struct ynode **nodes = &ld->item_nodes[cl->n_items];
	long bs = index < ov->base->n_sections ? (long)index : -1;
	size_t n = 0;

	if (bs >= 0)
		for (size_t i = 0; i < s->n_items; i++) {
			size_t k = ov->base->sections[bs].first_item + i;
			if (!ov->dropped[k])
				nodes[n] = NULL, list[n++] = ov->base->items[k];
		}
	for (size_t a = 0; a < ov->n_added; a++) {
		long at;
		if (ov->added[a].section != s->number)
			continue;
		if ((at = insert_at(ld, &ov->added[a], list, n)) < 0)
			return 0;
		memmove(&list[at + 1], &list[at], (n - (size_t)at) * sizeof *list);
		memmove(&nodes[at + 1], &nodes[at], (n - (size_t)at) * sizeof *nodes);
		list[at] = ov->added[a].item;
		nodes[at] = ov->added[a].node;
		n++;
	}
	for (size_t i = 0; i < n; i++)
		list[i].section = index;
	s->first_item = cl->n_items;
	s->n_items = n;
	cl->n_items += n;
	return 1;
}

/* Each added item names a section the result has. */
static int check_sections(struct loader *ld, const struct overlay *ov)
{
	for (size_t a = 0; a < ov->n_added; a++) {
		const struct ynode *sec = get(ov->added[a].node, "section");
		if (checklist_find_section(ld->cl, ov->added[a].section) < 0) {
			fail_at(ld, sec->line, sec->col,
				_("item %s: there is no section %d in the base or the overlay"),
				ov->added[a].item.label, ov->added[a].section);
			return 0;
		}
	}
	return 1;
}

/* The answer columns: the base's, then the overlay's. */
static int overlay_columns(struct loader *ld, const struct ynode *root,
			   const struct checklist *base)
{
	struct checklist *cl = ld->cl;
	const struct ynode *seq = get(root, "columns");
	size_t n = base->n_columns + (seq && seq->type == Y_SEQ ? seq->n : 0);

	if (seq && !expect(ld, seq, Y_SEQ, "columns"))
		return 0;
	if (!(cl->columns = arena_alloc(ld->arena, sizeof *cl->columns * n))) {
		fail_at(ld, root->line, root->col, _("out of memory"));
		return 0;
	}
	memcpy(cl->columns, base->columns, sizeof *cl->columns * base->n_columns);
	cl->n_columns = base->n_columns;
	if (!seq)
		return 1;
	for (const struct ynode *c = seq->first; c; c = c->next)
		if (!to_named(ld, c, &cl->columns[cl->n_columns++]))
			return 0;
	const struct ynode *c = seq->first;
	for (size_t i = base->n_columns; i < cl->n_columns; i++, c = c->next)
		if (checklist_find_column(cl, cl->columns[i].id) != (long)i) {
			fail_at(ld, c->line, c->col,
				_("columns: id \"%s\" is the base checklist's or appears twice"),
				cl->columns[i].id);
			return 0;
		}
	return free_column_ids(ld, seq, cl->columns + base->n_columns,
			       cl->n_columns - base->n_columns);
}

/* The overlay's own fields, and what it takes from its base. */
static int overlay_header(struct loader *ld, const struct ynode *root, const struct checklist *b)
{
	static const struct keyspec spec[] = {{"format", 1},    {"id", 1},       {"title", 1},
					      {"base", 1},      {"date", 0},     {"remarks", 0},
					      {"columns", 0},   {"sections", 0}, {"items", 0},
					      {"not-asked", 0}, {NULL, 0}};
	struct checklist *cl = ld->cl;

	if (!check_keys(ld, root, spec, _("overlay")) ||
	    !to_id(ld, get(root, "id"), &cl->id, "id") ||
	    !to_text(ld, get(root, "title"), &cl->title, _("title")) ||
	    !opt_text(ld, root, "remarks", &cl->remarks, _("remarks")) ||
	    !opt_date(ld, root, "date", &cl->date))
		return 0;
	if (strcmp(cl->id, b->id) == 0) {
		fail_at(ld, get(root, "id")->line, get(root, "id")->col,
			_("id: an overlay needs an id of its own, not its base's"));
		return 0;
	}
	if (!*cl->remarks.ja)
		cl->remarks = b->remarks;
	if (!cl->date)
		cl->date = b->date;
	cl->edition = b->edition;
	cl->publisher = b->publisher;
	cl->source = b->source;
	cl->refs_note = b->refs_note;
	cl->examples_from = b->examples_from;
	cl->history = b->history;
	cl->n_history = b->n_history;
	cl->targets = b->targets;
	cl->n_targets = b->n_targets;
	return overlay_columns(ld, root, b);
}

/* Allocates n elements in the checklist's arena, failing at node n. */
static void *overlay_alloc(struct loader *ld, const struct ynode *at, size_t n, size_t size)
{
	void *p = arena_alloc(ld->arena, size * (n ? n : 1));

	if (!p)
		fail_at(ld, at->line, at->col, _("out of memory"));
	return p;
}

/* Reads the overlay's added sections, items and items not asked. */
static int overlay_lists(struct loader *ld, const struct ynode *root, struct overlay *ov)
{
	struct checklist *cl = ld->cl;
	const struct checklist *b = ov->base;
	const struct ynode *secs = get(root, "sections"), *items = get(root, "items"),
			   *drop = get(root, "not-asked");
	size_t n_secs = secs && secs->type == Y_SEQ ? secs->n : 0;

	if ((secs && !expect(ld, secs, Y_SEQ, "sections")) ||
	    (items && !expect(ld, items, Y_SEQ, "items")) ||
	    (drop && !expect(ld, drop, Y_SEQ, "not-asked")) ||
	    !(cl->sections =
		      overlay_alloc(ld, root, b->n_sections + n_secs, sizeof *cl->sections)) ||
	    !(ov->dropped = overlay_alloc(ld, root, b->n_items, 1)) ||
	    (items && !(ov->added = overlay_alloc(ld, items, items->n, sizeof *ov->added))) ||
	    (drop && !(cl->not_asked = overlay_alloc(ld, drop, drop->n, sizeof *cl->not_asked))))
		return 0;
	memset(ov->dropped, 0, b->n_items);
	memcpy(cl->sections, b->sections, sizeof *cl->sections * b->n_sections);
	cl->n_sections = b->n_sections;
	for (const struct ynode *s = secs ? secs->first : NULL; s; s = s->next)
		if (!to_new_section(ld, s, &cl->sections[cl->n_sections]))
			return 0;
	for (const struct ynode *i = items ? items->first : NULL; i; i = i->next)
		if (!to_added(ld, ov, i, &ov->added[ov->n_added++]))
			return 0;
	for (const struct ynode *d = drop ? drop->first : NULL; d; d = d->next)
		if (!to_not_asked(ld, ov, d, &cl->not_asked[cl->n_not_asked++]))
			return 0;
	return check_sections(ld, ov);
}

/* Builds the checklist an overlay describes from its base. */
static int to_overlay(struct loader *ld, const struct ynode *root)
{
	struct checklist *cl = ld->cl;
	struct overlay ov = {0};
	size_t total;

	if (!(cl->base = load_base(ld, get(root, "base"))))
		return 0;
	ov.base = cl->base;
	if (!overlay_header(ld, root, cl->base) || !overlay_lists(ld, root, &ov))
		return 0;
	total = cl->base->n_items + ov.n_added;
	if (total > CHECKLIST_MAX_ITEMS) {
		fail_at(ld, root->line, root->col, _("more than %d items"), CHECKLIST_MAX_ITEMS);
		return 0;
	}
	if (!(cl->items = overlay_alloc(ld, root, total, sizeof *cl->items)) ||
	    !(ld->item_nodes =
		      arena_alloc(&ld->tree, sizeof *ld->item_nodes * (total ? total : 1))))
		return 0;
	for (size_t s = 0; s < cl->n_sections; s++) {
		cl->sections[s].n_items =
			s < cl->base->n_sections ? cl->base->sections[s].n_items : 0;
		if (!merge_section(ld, &ov, s))
			return 0;
	}
	return index_items(ld);
}

static void hash_buffer(const char *buf, size_t len, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)buf);
	sha256_digest(&ctx, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* Whether root is an overlay's (format: tenken-overlay 1); refused where
 * an overlay's base is being read, so that overlays do not stack. */
static int is_overlay(struct loader *ld, const struct ynode *root)
{
	const struct ynode *f = root->type == Y_MAP ? get(root, "format") : NULL;

	if (!f || f->type != Y_SCALAR || strcmp(f->value, "tenken-overlay 1") != 0)
		return 0;
	if (loading_base) {
		fail_at(ld, f->line, f->col,
			_("an overlay's base must be a checklist, not another overlay"));
		return 0;
	}
	return 1;
}

struct checklist *checklist_load_buffer(const char *name, const char *buf, size_t len, char *err,
					size_t errlen)
{
	struct checklist *cl = calloc(1, sizeof *cl);
	struct loader ld = {
		.name = name, .buf = buf, .len = len, .cl = cl, .err = err, .errlen = errlen};
	struct ynode *root;

	if (!cl) {
		snprintf(err, errlen, "%s: %s", name, _("out of memory"));
		return NULL;
	}
	ld.arena = &cl->arena;
	if (len > CHECKLIST_MAX_FILE) {
		fail_at(&ld, 1, 1, _("the file is larger than %d bytes"), CHECKLIST_MAX_FILE);
		checklist_free(cl);
		return NULL;
	}
	root = parse_tree(&ld);
	if (!root || !(is_overlay(&ld, root) ? to_overlay(&ld, root) : to_checklist(&ld, root))) {
		arena_free(&ld.tree);
		checklist_free(cl);
		return NULL;
	}
	arena_free(&ld.tree);
	cl->path = arena_strndup(&cl->arena, name, strlen(name));
	hash_buffer(buf, len, cl->hash);
	return cl;
}

/* Reads the open file f (path) into a new buffer (NUL-terminated); *len
 * gets its size, *sb its status. Returns the buffer, or NULL with a
 * message in err. */
static char *read_file(FILE *f, const char *path, size_t *len, struct stat *sb, char *err,
		       size_t errlen)
{
	char *buf;

	if (fstat(fileno(f), sb) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (sb->st_size > CHECKLIST_MAX_FILE) {
		snprintf(err, errlen, _("%s:1:1: the file is larger than %d bytes"), path,
			 CHECKLIST_MAX_FILE);
		return NULL;
	}
	buf = malloc((size_t)sb->st_size + 1);
	if (!buf) {
		snprintf(err, errlen, "%s: %s", path, _("out of memory"));
		return NULL;
	}
	*len = fread(buf, 1, (size_t)sb->st_size, f);
	if (ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		free(buf);
		return NULL;
	}
	buf[*len] = '\0';
	return buf;
}

struct checklist *checklist_load_file(const char *path, char *err, size_t errlen)
{
	FILE *f = fileio_fopen_read(path, err, errlen);
	struct checklist *cl = NULL;
	struct stat sb;
	size_t len;
	char *buf;

	if (!f)
		return NULL;
	/* The compiled form, if it is this file's: no parse, no hash. */
	if (fstat(fileno(f), &sb) == 0 && (cl = checklist_cache_load(path, &sb))) {
		fclose(f);
		return cl;
	}
	buf = read_file(f, path, &len, &sb, err, errlen);
	fclose(f);
	if (!buf)
		return NULL;
	cl = checklist_load_buffer(path, buf, len, err, errlen);
	free(buf);
	if (cl && (size_t)sb.st_size == len)
		checklist_cache_store(path, &sb, cl);
	return cl;
}

/* ---- Mapping files ---- */

static int to_number_list(struct loader *ld, const struct ynode *seq, int **out, size_t *n)
{
	if (!expect(ld, seq, Y_SEQ, "from"))
		return 0;
	*n = 0;
	if (!(*out = alloc_array(ld, seq, sizeof **out)))
		return 0;
	for (const struct ynode *c = seq->first; c; c = c->next)
		if (!to_int(ld, c, 1, &(*out)[(*n)++], _("item number")))
			return 0;
	return 1;
}

static int to_link(struct loader *ld, const struct ynode *n, struct mapping_link *l)
{
	static const struct keyspec spec[] = {{"to", 1}, {"from", 1}, {"why", 1}, {NULL, 0}};

	return expect(ld, n, Y_MAP, _("link")) && check_keys(ld, n, spec, _("link")) &&
	       to_int(ld, get(n, "to"), 1, &l->to, _("item number")) &&
	       to_number_list(ld, get(n, "from"), &l->from, &l->n_from) &&
	       to_text(ld, get(n, "why"), &l->why, "why");
}

static int to_drop(struct loader *ld, const struct ynode *n, struct mapping_drop *d)
{
	static const struct keyspec spec[] = {{"from", 1}, {"why", 1}, {NULL, 0}};

	return expect(ld, n, Y_MAP, _("dropped item")) &&
	       check_keys(ld, n, spec, _("dropped item")) &&
	       to_int(ld, get(n, "from"), 1, &d->from, _("item number")) &&
	       to_text(ld, get(n, "why"), &d->why, "why");
}

static int to_mapping(struct loader *ld, const struct ynode *root, struct mapping *m)
{
	static const struct keyspec spec[] = {{"format", 1}, {"from", 1},    {"to", 1},
					      {"links", 1},  {"dropped", 0}, {NULL, 0}};
	const struct ynode *format;

	if (!expect(ld, root, Y_MAP, _("mapping")) || !check_keys(ld, root, spec, _("mapping")))
		return 0;
	format = get(root, "format");
	if (format->type != Y_SCALAR || strcmp(format->value, "tenken-mapping 1") != 0) {
		fail_at(ld, format->line, format->col, _("format: expected \"tenken-mapping 1\""));
		return 0;
	}
	if (!to_id(ld, get(root, "from"), &m->from, "from") ||
	    !to_id(ld, get(root, "to"), &m->to, "to"))
		return 0;
	READ_LIST(ld, root, "links", m->links, m->n_links, to_link);
	READ_LIST(ld, root, "dropped", m->dropped, m->n_dropped, to_drop);
	return 1;
}

/* Reads the file at path into a new buffer (NUL-terminated); *len gets
 * its size. Returns the buffer, or NULL with a message in err. */
static char *read_path(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fileio_fopen_read(path, err, errlen);
	struct stat sb;
	char *buf;

	if (!f)
		return NULL;
	buf = read_file(f, path, len, &sb, err, errlen);
	fclose(f);
	return buf;
}

struct mapping *mapping_load_file(const char *path, char *err, size_t errlen)
{
	size_t len = 0;
	char *buf = read_path(path, &len, err, errlen);
	struct mapping *m = buf ? calloc(1, sizeof *m) : NULL;
	struct loader ld = {.name = path, .buf = buf, .len = len, .err = err, .errlen = errlen};
	struct ynode *root;

	if (!m) {
		if (buf)
			snprintf(err, errlen, "%s: %s", path, _("out of memory"));
		free(buf);
		return NULL;
	}
	ld.arena = &m->arena;
	root = parse_tree(&ld);
	if (!root || !to_mapping(&ld, root, m)) {
		arena_free(&ld.tree);
		free(buf);
		mapping_free(m);
		return NULL;
	}
	arena_free(&ld.tree);
	free(buf);
	m->path = arena_strndup(&m->arena, path, strlen(path));
	return m;
}
