#!/bin/sh
# The Japanese catalogue compiles, and every message is translated: no
# untranslated and no fuzzy entries.
set -u
srcdir=${srcdir:-.}
if ! command -v msgfmt >/dev/null 2>&1; then
	echo "SKIP: msgfmt is not installed"
	exit 77
fi
fail=0
for po in "$srcdir"/po/*.po; do
	stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$po" 2>&1) || fail=1
	echo "$po: $stats"
	case $stats in
	*untranslated* | *fuzzy*) echo "FAIL: $po is not completely translated"; fail=1 ;;
	esac
done
# Every source file with translatable strings is in POTFILES.in.
for f in "$srcdir"/src/*.c; do
	rel=src/${f##*/}
	if grep -q '_("\|N_("\|ngettext(' "$f" && ! grep -qx "$rel" "$srcdir/po/POTFILES.in"; then
		echo "FAIL: $rel has messages but is not in po/POTFILES.in"
		fail=1
	fi
done
exit $fail
