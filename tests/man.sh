#!/bin/sh
# The manual pages render without a single groff warning.
set -u
srcdir=${srcdir:-.}
fail=0
for page in "$srcdir"/man/tenken.1 "$srcdir"/man/tenken-checklist.5 "$srcdir"/man/ja/tenken.1 \
	"$srcdir"/man/ja/tenken-checklist.5; do
	if ! command -v groff >/dev/null 2>&1; then
		echo "SKIP: groff is not installed"
		exit 77
	fi
	out=$(LC_ALL=C.UTF-8 groff -ww -z -man -Tutf8 "$page" 2>&1)
	if [ -n "$out" ]; then
		echo "FAIL: $page:"
		echo "$out"
		fail=1
	else
		echo "ok: $page"
	fi
done
exit $fail
