#!/bin/sh
# The manual pages render without a single groff warning.
#
# The Japanese pages, man/ja/tenken.1 and man/ja/tenken-checklist.5, are
# hand-written UTF-8 roff kept in the repository, not generated: groff reads
# them through preconv (groff -k), as man-db does when it formats a page,
# so nothing is converted at build or install time.
set -u
srcdir=${srcdir:-.}
if ! command -v groff >/dev/null 2>&1; then
	echo "SKIP: groff is not installed"
	exit 77
fi
fail=0

for page in "$srcdir"/man/tenken.1 "$srcdir"/man/tenken-checklist.5 "$srcdir"/man/ja/tenken.1 \
	"$srcdir"/man/ja/tenken-checklist.5; do
	if out=$(LC_ALL=C.UTF-8 groff -k -ww -z -man -Tutf8 "$page" 2>&1) && [ -z "$out" ]; then
		echo "ok: $page renders without warnings"
	else
		echo "FAIL: $page:"
		echo "$out"
		fail=1
	fi
done
exit $fail
