/* examples: an older edition's 手法例 and the mapping to the newer one. */
#include "config.h"

#include "examples.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "checklist_yaml.h"
#include "gettext.h"
#include "paths.h"

struct examples_set *examples_load(const struct checklist *cl, char *err, size_t errlen)
{
	/* An overlay shows its base's examples beside the base's items. */
	const struct checklist *to = cl->base ? cl->base : cl;
	const char *from = cl->examples_from;
	char path[PATH_MAX], why[1024] = "";
	struct examples_set *set;

	if (errlen)
		err[0] = '\0';
	if (!from)
		return NULL;
	if (!(set = calloc(1, sizeof *set))) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return NULL;
	}
	if (paths_checklist(from, path, sizeof path) != 0 ||
	    !(set->cl = checklist_load_file(path, why, sizeof why)) ||
	    paths_mapping(from, to->id, path, sizeof path) != 0 ||
	    !(set->m = mapping_load_file(path, why, sizeof why)) ||
	    mapping_check(set->m, set->cl, to, why, sizeof why) != 0) {
		if (!set->cl || !set->m)
			snprintf(why, sizeof why, _("no mapping from %s to %s was found"), from,
				 to->id);
		snprintf(err, errlen, _("warning: the %s examples are not shown: %s"), from, why);
		examples_free(set);
		return NULL;
	}
	set->ex.cl = set->cl;
	set->ex.m = set->m;
	return set;
}

void examples_free(struct examples_set *set)
{
	if (!set)
		return;
	mapping_free(set->m);
	checklist_free(set->cl);
	free(set);
}
