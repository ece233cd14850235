/* checklist_cache: the compiled form of a checklist file, so that a start
 * does not parse YAML nor hash the file again.
 *
 * The cache file is the model as it lies in memory: one image in which
 * every structure and string of the checklist follows the last, each
 * pointer written as its offset in the image (0 for NULL). Loading reads
 * the image with one read() and turns the offsets back into pointers. The
 * header says what the image was made from: the format, the sizes of the
 * model's structures, and the checklist file's device, inode, size and
 * modification time; a 64-bit XXH3 checksum (libxxhash) covers the image.
 * (zlib's CRC-32 and Adler-32 cost 3.5 instructions a byte here, more than
 * everything else a start does at 10,000 items; XXH3 about a tenth.)
 *
 * Nothing in it is trusted beyond those checks: a file that is not this
 * user's own or that others can write, a header that does not match, a
 * checksum that differs, an offset or a count outside the image, a string
 * without its end, and the file is parsed again and the cache written
 * anew. (The texts were checked by the loader when the cache was made; the
 * checksum and the file's owner stand for that check.) It is written to a temporary file (0600)
 * renamed over the old one, and a cache that cannot be read or written only costs speed. */
#include "config.h"

#include "checklist_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "paths.h"

#define MAGIC "TENKENC\1"
enum { CACHE_FORMAT = 2 };

struct header {
	char magic[8];
	uint32_t format;
	uint32_t sizes; /* a digest of the structures' sizes */
	uint64_t dev, ino, size;
	int64_t mtime_sec, mtime_nsec;
	uint64_t image_size;
	uint64_t sum; /* XXH3 (64 bits) of the image */
};

/* The sizes of everything the image holds, so that a tenken built with
 * another model does not read it. */
static uint32_t sizes_digest(void)
{
	static const size_t s[] = {
		sizeof(struct text),         sizeof(struct entry),     sizeof(struct method),
		sizeof(struct method_group), sizeof(struct note),      sizeof(struct reference),
		sizeof(struct span),         sizeof(struct marked),    sizeof(struct revision),
		sizeof(struct history),      sizeof(struct item),      sizeof(struct section),
		sizeof(struct named),        sizeof(struct checklist), sizeof(void *)};
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		h = (h ^ (uint32_t)s[i]) * 16777619u;
	return h;
}

/* ---- Writing: the model into one image ---- */

struct out {
	char *buf;
	size_t len, cap;
	int failed;
	size_t *strings; /* offsets of the strings written, by hash (0: free) */
	size_t n_slots, n_strings;
};

#define OFF(off)         ((void *)(uintptr_t)(off))
#define AT(o, off, type) ((type *)(void *)((o)->buf + (off)))

/* Appends size bytes of p (aligned to align, a power of 2), returning
 * their offset; 0 for nothing (the image's first 8 bytes are never an
 * object). */
static size_t put_aligned(struct out *o, const void *p, size_t size, size_t align)
{
	size_t at = (o->len + align - 1) & ~(align - 1);

	if (!p || !size || o->failed)
		return 0;
	if (at + size > o->cap) {
		size_t cap = o->cap ? o->cap : 1 << 16;
		char *b;
		while (cap < at + size)
			cap *= 2;
		if (!(b = realloc(o->buf, cap))) {
			o->failed = 1;
			return 0;
		}
		o->buf = b;
		o->cap = cap;
	}
	memset(o->buf + o->len, 0, at - o->len);
	memcpy(o->buf + at, p, size);
	o->len = at + size;
	return at;
}

/* Appends a structure or an array of them: aligned to 8. */
static size_t put(struct out *o, const void *p, size_t size)
{
	return put_aligned(o, p, size, 8);
}

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Doubles the string table, placing every string again. */
static int grow_strings(struct out *o)
{
	size_t n = o->n_slots ? o->n_slots * 2 : 4096, *t = calloc(n, sizeof *t);

	if (!t)
		return -1;
	for (size_t i = 0; i < o->n_slots; i++)
		if (o->strings[i]) {
			size_t k = hash_str(o->buf + o->strings[i]) & (n - 1);
			while (t[k])
				k = (k + 1) & (n - 1);
			t[k] = o->strings[i];
		}
	free(o->strings);
	o->strings = t;
	o->n_slots = n;
	return 0;
}

/* Appends string s, or finds it written already: a text repeated (a
 * target's name, a heading, a method many items share) is kept once. */
static void *put_str(struct out *o, const char *s)
{
	size_t k;

	if (!s || o->failed)
		return NULL;
	if ((o->n_strings + 1) * 2 > o->n_slots && grow_strings(o) != 0) {
		o->failed = 1;
		return NULL;
	}
	for (k = hash_str(s) & (o->n_slots - 1); o->strings[k]; k = (k + 1) & (o->n_slots - 1))
		if (strcmp(o->buf + o->strings[k], s) == 0)
			return OFF(o->strings[k]);
	o->strings[k] = put_aligned(o, s, strlen(s) + 1, 1);
	o->n_strings++;
	return OFF(o->strings[k]);
}

/* The string a pointer field at offset field of the image points to:
 * written, and the field made its offset. */
static void out_str(struct out *o, size_t field)
{
	void *off = put_str(o, *AT(o, field, const char *));

	if (!o->failed)
		*AT(o, field, void *) = off;
}

static void out_text(struct out *o, size_t at)
{
	out_str(o, at + offsetof(struct text, ja));
	out_str(o, at + offsetof(struct text, en));
}

/* An array field: the pointer at offset field of the image, count n. */
static size_t out_array(struct out *o, size_t field, size_t n, size_t size)
{
	size_t arr = put(o, *AT(o, field, void *), n * size);

	if (!o->failed)
		*AT(o, field, void *) = OFF(arr);
	return arr;
}

static void out_texts(struct out *o, size_t field, size_t n)
{
	size_t arr = out_array(o, field, n, sizeof(struct text));

	for (size_t i = 0; i < n && !o->failed; i++)
		out_text(o, arr + i * sizeof(struct text));
}

static void out_entries(struct out *o, size_t field, size_t n)
{
	size_t arr = out_array(o, field, n, sizeof(struct entry));

	for (size_t i = 0; i < n && !o->failed; i++) {
		size_t e = arr + i * sizeof(struct entry);
		out_str(o, e + offsetof(struct entry, label));
		out_text(o, e + offsetof(struct entry, text));
		out_entries(o, e + offsetof(struct entry, entries),
			    AT(o, e, struct entry)->n_entries);
	}
}

static void out_marked(struct out *o, size_t at)
{
	out_text(o, at + offsetof(struct marked, text));
	for (int l = 0; l < 2; l++)
		out_array(o,
			  at + offsetof(struct marked, added) + (size_t)l * sizeof(struct span *),
			  AT(o, at, struct marked)->n_added[l], sizeof(struct span));
}

static void out_revisions(struct out *o, size_t field, size_t n)
{
	size_t arr = out_array(o, field, n, sizeof(struct revision));

	for (size_t i = 0; i < n && !o->failed; i++) {
		size_t r = arr + i * sizeof(struct revision);
		out_str(o, r + offsetof(struct revision, date));
		out_text(o, r + offsetof(struct revision, review));
		out_marked(o, r + offsetof(struct revision, standard));
		out_marked(o, r + offsetof(struct revision, passage));
		out_text(o, r + offsetof(struct revision, change));
	}
}

static void out_groups(struct out *o, size_t field, size_t n)
{
	size_t arr = out_array(o, field, n, sizeof(struct method_group));

	for (size_t g = 0; g < n && !o->failed; g++) {
		size_t at = arr + g * sizeof(struct method_group);
		size_t nm = AT(o, at, struct method_group)->n_methods;
		size_t ms = out_array(o, at + offsetof(struct method_group, methods), nm,
				      sizeof(struct method));
		out_text(o, at + offsetof(struct method_group, heading));
		for (size_t m = 0; m < nm && !o->failed; m++) {
			size_t me = ms + m * sizeof(struct method);
			out_text(o, me + offsetof(struct method, text));
			out_array(o, me + offsetof(struct method, notes),
				  AT(o, me, struct method)->n_notes, sizeof(int));
			out_entries(o, me + offsetof(struct method, entries),
				    AT(o, me, struct method)->n_entries);
		}
	}
}

static void out_item(struct out *o, size_t at)
{
	const struct item *it = AT(o, at, struct item);
	size_t n_notes = it->n_notes, n_refs = it->n_refs, notes, refs;

	out_str(o, at + offsetof(struct item, label));
	out_text(o, at + offsetof(struct item, goal));
	out_text(o, at + offsetof(struct item, refs_note));
	out_text(o, at + offsetof(struct item, remarks));
	out_groups(o, at + offsetof(struct item, groups), AT(o, at, struct item)->n_groups);
	notes = out_array(o, at + offsetof(struct item, notes), n_notes, sizeof(struct note));
	for (size_t k = 0; k < n_notes && !o->failed; k++) {
		size_t no = notes + k * sizeof(struct note);
		out_text(o, no + offsetof(struct note, title));
		out_text(o, no + offsetof(struct note, text));
		out_entries(o, no + offsetof(struct note, entries),
			    AT(o, no, struct note)->n_entries);
	}
	refs = out_array(o, at + offsetof(struct item, refs), n_refs, sizeof(struct reference));
	for (size_t k = 0; k < n_refs && !o->failed; k++) {
		out_text(o,
			 refs + k * sizeof(struct reference) + offsetof(struct reference, source));
		out_text(o, refs + k * sizeof(struct reference) +
				    offsetof(struct reference, location));
	}
	out_revisions(o, at + offsetof(struct item, revisions),
		      AT(o, at, struct item)->n_revisions);
	out_texts(o, at + offsetof(struct item, warnings), AT(o, at, struct item)->n_warnings);
}

static void out_named(struct out *o, size_t field, size_t n)
{
	size_t arr = out_array(o, field, n, sizeof(struct named));

	for (size_t i = 0; i < n && !o->failed; i++) {
		size_t at = arr + i * sizeof(struct named);
		out_str(o, at + offsetof(struct named, id));
		out_text(o, at + offsetof(struct named, name));
	}
}

static void out_checklist(struct out *o, size_t cl)
{
	static const size_t texts[] = {
		offsetof(struct checklist, title),     offsetof(struct checklist, edition),
		offsetof(struct checklist, publisher), offsetof(struct checklist, source),
		offsetof(struct checklist, remarks),   offsetof(struct checklist, refs_note)};
	struct checklist c = *AT(o, cl, struct checklist);
	size_t hist, secs, items;

	out_str(o, cl + offsetof(struct checklist, id));
	out_str(o, cl + offsetof(struct checklist, date));
	out_str(o, cl + offsetof(struct checklist, examples_from));
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		out_text(o, cl + texts[t]);
	hist = out_array(o, cl + offsetof(struct checklist, history), c.n_history,
			 sizeof(struct history));
	for (size_t h = 0; h < c.n_history && !o->failed; h++) {
		size_t at = hist + h * sizeof(struct history);
		out_str(o, at + offsetof(struct history, date));
		out_text(o, at + offsetof(struct history, text));
		out_revisions(o, at + offsetof(struct history, revisions),
			      AT(o, at, struct history)->n_revisions);
	}
	out_named(o, cl + offsetof(struct checklist, targets), c.n_targets);
	out_named(o, cl + offsetof(struct checklist, columns), c.n_columns);
	secs = out_array(o, cl + offsetof(struct checklist, sections), c.n_sections,
			 sizeof(struct section));
	for (size_t s = 0; s < c.n_sections && !o->failed; s++) {
		size_t at = secs + s * sizeof(struct section);
		out_text(o, at + offsetof(struct section, name));
		out_text(o, at + offsetof(struct section, name_supplied));
		out_text(o, at + offsetof(struct section, purpose));
		out_texts(o, at + offsetof(struct section, sources),
			  AT(o, at, struct section)->n_sources);
		out_texts(o, at + offsetof(struct section, warnings),
			  AT(o, at, struct section)->n_warnings);
	}
	items = out_array(o, cl + offsetof(struct checklist, items), c.n_items,
			  sizeof(struct item));
	for (size_t i = 0; i < c.n_items && !o->failed; i++)
		out_item(o, items + i * sizeof(struct item));
}

/* The cache file of the checklist file at path: named after a hash of its
 * full path. Returns 0, or -1 (no cache). */
static int cache_path(const char *path, int create, char *out, size_t len)
{
	char *full = realpath(path, NULL), name[64];
	uint64_t h = 1469598103934665603u; /* FNV-1a */

	if (!full)
		return -1;
	for (const unsigned char *p = (const unsigned char *)full; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	free(full);
	snprintf(name, sizeof name, "checklist-%016llx.bin", (unsigned long long)h);
	return paths_cache_file(name, create, out, len);
}

static void fill_header(struct header *h, const struct stat *sb, size_t image_size,
			const char *image)
{
	memset(h, 0, sizeof *h);
	memcpy(h->magic, MAGIC, sizeof h->magic);
	h->format = CACHE_FORMAT;
	h->sizes = sizes_digest();
	h->dev = (uint64_t)sb->st_dev;
	h->ino = (uint64_t)sb->st_ino;
	h->size = (uint64_t)sb->st_size;
	h->mtime_sec = (int64_t)sb->st_mtim.tv_sec;
	h->mtime_nsec = (int64_t)sb->st_mtim.tv_nsec;
	h->image_size = image_size;
	h->sum = XXH3_64bits(image, image_size);
}

/* Writes all of len bytes at p to fd. Returns 0 or -1. */
static int write_all(int fd, const void *p, size_t len)
{
	const char *c = p;

	while (len) {
		ssize_t n = write(fd, c, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		c += n;
		len -= (size_t)n;
	}
	return 0;
}

void checklist_cache_store(const char *path, const struct stat *sb, const struct checklist *cl)
{
	struct out o = {0};
	struct header h;
	char file[4096], tmp[4200];
	size_t at;
	int fd;

	if (cl->base || (uint64_t)sb->st_size == 0 || cache_path(path, 1, file, sizeof file) != 0)
		return;
	put(&o, "\0\0\0\0\0\0\0", 8); /* offset 0 is NULL */
	o.len = 8;
	at = put(&o, cl, sizeof *cl);
	if (at) { /* what only this process knows: not in the file */
		struct checklist *c = AT(&o, at, struct checklist);
		memset(&c->arena, 0, sizeof c->arena);
		c->path = NULL;
		c->by_number = NULL;
		c->image = NULL;
	}
	out_checklist(&o, at);
	put_aligned(&o, "", 1, 1); /* the image ends with a NUL: every string ends in it */
	free(o.strings);
	if (o.failed || at != 8 || o.len > UINT32_MAX) {
		free(o.buf);
		return;
	}
	fill_header(&h, sb, o.len, o.buf);
	snprintf(tmp, sizeof tmp, "%s.%ld.tmp", file, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0) {
		int ok = write_all(fd, &h, sizeof h) == 0 && write_all(fd, o.buf, o.len) == 0;
		if (close(fd) != 0 || !ok || rename(tmp, file) != 0)
			unlink(tmp);
	}
	free(o.buf);
}

/* ---- Reading: offsets back into pointers, each checked ---- */

struct in {
	char *buf;
	size_t len;
	int bad;
};

/* The string at offset p of the image, or NULL for 0; bad if it does not
 * start inside the image. (It ends inside it: the image's last byte is a
 * NUL, checked once.) */
static const char *in_str(struct in *in, const char *p)
{
	size_t off = (uintptr_t)p;

	if (!off)
		return NULL;
	if (off >= in->len) {
		in->bad = 1;
		return NULL;
	}
	return in->buf + off;
}

/* The array of n elements of size bytes at offset p, or NULL for none;
 * bad if it is not whole inside the image or not aligned. */
static void *in_arr(struct in *in, const void *p, size_t n, size_t size)
{
	size_t off = (uintptr_t)p;

	if (!off && !n)
		return NULL;
	if (!off || off % 8 || off >= in->len || n > (in->len - off) / size) {
		in->bad = 1;
		return NULL;
	}
	return in->buf + off;
}

static void in_text(struct in *in, struct text *t)
{
	t->ja = in_str(in, t->ja);
	t->en = in_str(in, t->en);
	if (!t->ja)
		in->bad = 1; /* the model's ja is never NULL */
}

static void in_texts(struct in *in, struct text **a, size_t n)
{
	*a = in_arr(in, *a, n, sizeof **a);
	for (size_t i = 0; i < n && !in->bad; i++)
		in_text(in, &(*a)[i]);
}

static void in_entries(struct in *in, struct entry **a, size_t n, int depth)
{
	if (depth > 20) {
		in->bad = 1;
		return;
	}
	*a = in_arr(in, *a, n, sizeof **a);
	for (size_t i = 0; i < n && !in->bad; i++) {
		struct entry *e = &(*a)[i];
		e->label = in_str(in, e->label);
		in_text(in, &e->text);
		in_entries(in, &e->entries, e->n_entries, depth + 1);
	}
}

/* A marked text: its added runs inside the text of their language, in
 * order, apart, none empty (what marked_runs relies on). */
static void in_marked(struct in *in, struct marked *m)
{
	in_text(in, &m->text);
	for (int l = 0; l < 2 && !in->bad; l++) {
		const char *t = l == LANG_EN ? m->text.en : m->text.ja;
		size_t len = t ? strlen(t) : 0, at = 0;
		m->added[l] = in_arr(in, m->added[l], m->n_added[l], sizeof *m->added[l]);
		for (size_t i = 0; i < m->n_added[l] && !in->bad; i++) {
			const struct span *sp = &m->added[l][i];
			if (sp->start < at || sp->start >= sp->end || sp->end > len)
				in->bad = 1;
			at = sp->end;
		}
	}
}

static void in_revisions(struct in *in, struct revision **a, size_t n)
{
	*a = in_arr(in, *a, n, sizeof **a);
	for (size_t i = 0; i < n && !in->bad; i++) {
		struct revision *r = &(*a)[i];
		r->date = in_str(in, r->date);
		in_text(in, &r->review);
		in_marked(in, &r->standard);
		in_marked(in, &r->passage);
		in_text(in, &r->change);
	}
}

static void in_groups(struct in *in, struct method_group **a, size_t n)
{
	*a = in_arr(in, *a, n, sizeof **a);
	for (size_t g = 0; g < n && !in->bad; g++) {
		struct method_group *gr = &(*a)[g];
		in_text(in, &gr->heading);
		gr->methods = in_arr(in, gr->methods, gr->n_methods, sizeof *gr->methods);
		for (size_t m = 0; m < gr->n_methods && !in->bad; m++) {
			struct method *me = &gr->methods[m];
			in_text(in, &me->text);
			me->notes = in_arr(in, me->notes, me->n_notes, sizeof *me->notes);
			in_entries(in, &me->entries, me->n_entries, 0);
		}
	}
}

static void in_item(struct in *in, struct item *it, const struct checklist *cl)
{
	it->label = in_str(in, it->label);
	if (!it->label || it->section >= cl->n_sections || it->target >= cl->n_targets) {
		in->bad = 1;
		return;
	}
	in_text(in, &it->goal);
	in_text(in, &it->refs_note);
	in_text(in, &it->remarks);
	in_groups(in, &it->groups, it->n_groups);
	it->notes = in_arr(in, it->notes, it->n_notes, sizeof *it->notes);
	for (size_t k = 0; k < it->n_notes && !in->bad; k++) {
		in_text(in, &it->notes[k].title);
		in_text(in, &it->notes[k].text);
		in_entries(in, &it->notes[k].entries, it->notes[k].n_entries, 0);
	}
	it->refs = in_arr(in, it->refs, it->n_refs, sizeof *it->refs);
	for (size_t k = 0; k < it->n_refs && !in->bad; k++) {
		in_text(in, &it->refs[k].source);
		in_text(in, &it->refs[k].location);
	}
	in_revisions(in, &it->revisions, it->n_revisions);
	in_texts(in, &it->warnings, it->n_warnings);
}

static void in_named(struct in *in, struct named **a, size_t n)
{
	*a = in_arr(in, *a, n, sizeof **a);
	for (size_t i = 0; i < n && !in->bad; i++) {
		if (!((*a)[i].id = in_str(in, (*a)[i].id)))
			in->bad = 1;
		in_text(in, &(*a)[i].name);
	}
}

/* Sections cover the items in order, each from where the last ended. */
static void in_sections(struct in *in, struct checklist *cl)
{
	size_t next = 0;

	cl->sections = in_arr(in, cl->sections, cl->n_sections, sizeof *cl->sections);
	for (size_t s = 0; s < cl->n_sections && !in->bad; s++) {
		struct section *sec = &cl->sections[s];
		if (sec->first_item != next || sec->n_items > cl->n_items - next) {
			in->bad = 1;
			return;
		}
		next += sec->n_items;
		in_text(in, &sec->name);
		in_text(in, &sec->name_supplied);
		in_text(in, &sec->purpose);
		in_texts(in, &sec->sources, sec->n_sources);
		in_texts(in, &sec->warnings, sec->n_warnings);
	}
	if (next != cl->n_items)
		in->bad = 1;
}

static void in_checklist(struct in *in, struct checklist *cl)
{
	struct text *texts[] = {&cl->title,  &cl->edition, &cl->publisher,
				&cl->source, &cl->remarks, &cl->refs_note};

	cl->id = in_str(in, cl->id);
	cl->date = in_str(in, cl->date);
	cl->examples_from = in_str(in, cl->examples_from);
	if (!cl->id || memchr(cl->hash, '\0', sizeof cl->hash) != cl->hash + 64)
		in->bad = 1;
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		in_text(in, texts[t]);
	cl->history = in_arr(in, cl->history, cl->n_history, sizeof *cl->history);
	for (size_t h = 0; h < cl->n_history && !in->bad; h++) {
		cl->history[h].date = in_str(in, cl->history[h].date);
		in_text(in, &cl->history[h].text);
		in_revisions(in, &cl->history[h].revisions, cl->history[h].n_revisions);
	}
	in_named(in, &cl->targets, cl->n_targets);
	in_named(in, &cl->columns, cl->n_columns);
	cl->items = in_arr(in, cl->items, cl->n_items, sizeof *cl->items);
	in_sections(in, cl);
	for (size_t i = 0; i < cl->n_items && !in->bad; i++)
		in_item(in, &cl->items[i], cl);
}

/* Reads exactly len bytes from fd into p. Returns 0 or -1. */
static int read_all(int fd, void *p, size_t len)
{
	char *c = p;

	while (len) {
		ssize_t n = read(fd, c, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		c += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads the cache file's header and image if they are the checklist
 * file's (sb) and whole. Returns the image (in->buf) or NULL. */
static char *read_image(const char *file, const struct stat *sb, struct in *in)
{
	struct header h, want;
	struct stat cs;
	int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	char *buf = NULL;

	if (fd < 0)
		return NULL;
	fill_header(&want, sb, 0, "");
	/* Only a file of this user's that no one else can write. */
	if (fstat(fd, &cs) == 0 && S_ISREG(cs.st_mode) && cs.st_uid == geteuid() &&
	    !(cs.st_mode & (S_IWGRP | S_IWOTH)) && read_all(fd, &h, sizeof h) == 0 &&
	    memcmp(h.magic, want.magic, sizeof h.magic) == 0 && h.format == want.format &&
	    h.sizes == want.sizes && h.dev == want.dev && h.ino == want.ino &&
	    h.size == want.size && h.mtime_sec == want.mtime_sec &&
	    h.mtime_nsec == want.mtime_nsec && h.image_size >= 8 + sizeof(struct checklist) &&
	    h.image_size == (uint64_t)cs.st_size - sizeof h && (buf = malloc(h.image_size)) &&
	    (read_all(fd, buf, h.image_size) != 0 || XXH3_64bits(buf, h.image_size) != h.sum)) {
		free(buf);
		buf = NULL;
	}
	close(fd);
	in->buf = buf;
	in->len = buf ? h.image_size : 0;
	return buf;
}

struct checklist *checklist_cache_load(const char *path, const struct stat *sb)
{
	struct in in = {0};
	char file[4096];

	if (cache_path(path, 0, file, sizeof file) != 0 || !read_image(file, sb, &in))
		return NULL;
	return checklist_cache_image(in.buf, in.len, path);
}

struct checklist *checklist_cache_image(char *image, size_t len, const char *path)
{
	struct in in = {image, len, 0};
	struct checklist *cl;

	if (len < 8 + sizeof *cl || image[len - 1] != '\0' || !(cl = malloc(sizeof *cl))) {
		free(image);
		return NULL;
	}
	memcpy(cl, in.buf + 8, sizeof *cl);
	memset(&cl->arena, 0, sizeof cl->arena);
	cl->by_number = NULL;
	cl->base = NULL;
	cl->not_asked = NULL;
	cl->n_not_asked = 0;
	cl->image = in.buf;
	in_checklist(&in, cl);
	if (in.bad || !(cl->path = arena_strndup(&cl->arena, path, strlen(path))) ||
	    checklist_index(cl) != 0) {
		checklist_free(cl);
		return NULL;
	}
	return cl;
}
