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
# The catalogue follows the sources: every message in them, extracted now,
# is in ja.po and translated (a message added without its translation fails
# here, not only after the next make update-po).
if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
	tmp=$(mktemp -d)
	(cd "$srcdir" && xgettext --from-code=UTF-8 --add-comments=TRANSLATORS: \
		--keyword=_ --keyword=N_ --keyword=ngettext:1,2 -o "$tmp/tenken.pot" \
		$(grep -v '^#' po/POTFILES.in)) || fail=1
	for po in "$srcdir"/po/*.po; do
		msgmerge -q -o "$tmp/merged.po" "$po" "$tmp/tenken.pot" || fail=1
		stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$tmp/merged.po" 2>&1)
		case $stats in
		*untranslated* | *fuzzy*)
			echo "FAIL: $po lacks translations of the current sources: $stats"
			msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | grep '^msgid' | head -20
			msgattrib --untranslated "$tmp/merged.po" 2>/dev/null | grep '^msgid' | head -20
			fail=1 ;;
		esac
	done
	rm -rf "$tmp"
fi
# Every source file with translatable strings is in POTFILES.in.
for f in "$srcdir"/src/*.c; do
	rel=src/${f##*/}
	if grep -q '_("\|N_("\|ngettext(' "$f" && ! grep -qx "$rel" "$srcdir/po/POTFILES.in"; then
		echo "FAIL: $rel has messages but is not in po/POTFILES.in"
		fail=1
	fi
done
exit $fail
