/* arena: a bump allocator whose memory is all released at once. A loaded
 * checklist lives in one arena, so freeing it is one call. */
#ifndef TENKEN_ARENA_H
#define TENKEN_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
};

/* Returns size bytes of zeroed memory aligned for any type, or NULL if
 * memory runs out. */
void *arena_alloc(struct arena *a, size_t size);

/* Returns an arena copy of the len bytes at s with a NUL added, or NULL. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

/* Releases every allocation of the arena; the arena can be reused. */
void arena_free(struct arena *a);

#endif
