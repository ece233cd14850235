/* checklist_cache: the compiled form of a checklist file under
 * $XDG_CACHE_HOME/tenken/checklist-HASH.bin, read at a start instead of parsing
 * the YAML and hashing the file, written after a parse. */
#ifndef TENKEN_CHECKLIST_CACHE_H
#define TENKEN_CHECKLIST_CACHE_H

#include <stddef.h>
#include <sys/stat.h>

#include "checklist.h"

/* Returns the checklist the cache holds for the file at path, if the cache
 * was made from that file as sb describes it (device, inode, size,
 * modification time) and is whole; NULL otherwise (then parse the file). */
struct checklist *checklist_cache_load(const char *path, const struct stat *sb);

/* Writes cl, loaded from the file at path (sb), to its cache, atomically,
 * mode 0600. An overlay (made from a base) is not kept; a failure only
 * means the next start parses again. */
void checklist_cache_store(const char *path, const struct stat *sb, const struct checklist *cl);

/* Makes a checklist of a cache's image (len bytes at image, which it takes
 * and frees with the checklist), every offset checked against the image;
 * path is the checklist file's. Returns NULL if the image is not sound.
 * For checklist_cache_load and the fuzz target. */
struct checklist *checklist_cache_image(char *image, size_t len, const char *path);

#endif
