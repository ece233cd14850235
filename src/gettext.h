/* gettext.h: the project's gettext shorthands. */
#ifndef TENKEN_GETTEXT_H
#define TENKEN_GETTEXT_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

#endif
