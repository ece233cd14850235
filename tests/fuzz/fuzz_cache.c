/* fuzz_cache: the compiled cache's image (checklist_cache_image) on any
 * bytes, as if a cache file's checksum had matched: every offset and count is
 * checked against the image, so a refused image is freed and a loaded one
 * walks (print and JSON export) without reading outside it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "checklist_cache.h"
#include "export.h"
#include "fuzz.h"
#include "print.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *image = malloc(size ? size : 1);
	struct checklist *cl;
	struct answers *a;
	FILE *null;

	fuzz_init();
	FUZZ_ASSERT(image != NULL);
	memcpy(image, data, size);
	if (!(cl = checklist_cache_image(image, size, "fuzz.yaml")))
		return 0;
	/* What the views rely on: sections cover the items in order. */
	for (size_t s = 0, next = 0; s < cl->n_sections; s++) {
		FUZZ_ASSERT(cl->sections[s].first_item == next);
		next += cl->sections[s].n_items;
	}
	for (size_t i = 0; i < cl->n_items; i++) {
		FUZZ_ASSERT(cl->items[i].label != NULL);
		FUZZ_ASSERT(checklist_find_item(cl, cl->items[i].number) >= 0);
	}
	a = answers_new(cl);
	null = fopen("/dev/null", "w");
	FUZZ_ASSERT(a != NULL && null != NULL);
	export_json(null, cl, a);
	print_checklist(null, cl, a, (struct print_filter){-1, -1}, LANG_JA, 80);
	print_checklist(null, cl, a, (struct print_filter){-1, -1}, LANG_EN, 80);
	fclose(null);
	answers_free(a);
	checklist_free(cl);
	return 0;
}
