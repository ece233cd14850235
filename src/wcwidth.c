/* wcwidth: tenken's wcwidth, standing in front of the C library's so that
 * curses counts East Asian Ambiguous characters (① ※ ○ ─) as wide as the
 * terminal draws them and as the rest of tenken counts them.
 *
 * It works because the program's own definition of a symbol comes before a
 * shared library's: libncursesw calls wcwidth through the dynamic linker,
 * and finds this one. configure checks that the mechanism works on the
 * build machine (TENKEN_WCWIDTH_OVERRIDE); the file is linked into the
 * programs that use curses, not into the text module, which stays plain C
 * library code. */
#include "config.h"

#include <dlfcn.h>
#include <stdint.h>
#include <wchar.h>

#include "textwidth.h"

/* The C library's wcwidth, which the one below stands in front of. */
static int (*libc_wcwidth)(wchar_t);

/* Returns the columns of wc: the C library's answer, or 2 for an East
 * Asian Ambiguous character when the ambiguous-width setting is 2. */
int wcwidth(wchar_t wc)
{
	int w;

	if (!libc_wcwidth)
		*(void **)&libc_wcwidth = dlsym(RTLD_NEXT, "wcwidth");
	if (!libc_wcwidth)
		return wc >= 0x20 && wc != 0x7f ? 1 : -1;
	w = libc_wcwidth(wc);
	if (w == 1 && textwidth_ambiguous() == 2 && textwidth_is_ambiguous((uint32_t)wc))
		return 2;
	return w;
}
