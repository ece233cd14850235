/* place: where the officer left each answer file -- the item the cursor
 * was on and whether it was open -- kept in $XDG_STATE_HOME/tenken/places
 * (not in the answer file: a read-only review keeps its place too, and
 * moving about never writes to the file others audit), so that the
 * interface opens there again, as less and vim do. */
#ifndef TENKEN_PLACE_H
#define TENKEN_PLACE_H

/* Reads the place saved for the answer file at path: the item number to
 * *item and 1 to *open if the item was open. Returns 0, or -1 if none is
 * saved. */
int place_load(const char *path, int *item, int *open);

/* Saves item number item (and whether it is open) as the place of the
 * answer file at path, replacing its earlier place; the places of the
 * most recent PLACE_MAX files are kept. Returns 0 or -1. */
int place_save(const char *path, int item, int open);

#define PLACE_MAX 100

#endif
