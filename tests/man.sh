#!/bin/sh
# The manual pages render without a single groff warning, and the Japanese
# pages name every option, command and checklist key the English pages do.
#
# The Japanese pages, man/ja/tenken.1 and man/ja/tenken-checklist.5, are
# hand-written UTF-8 roff kept in the repository, not generated: groff reads
# them through preconv (groff -k), as man-db does when it formats a page,
# so nothing is converted at build or install time.  They are translated
# by hand rather than through po4a: there are two pages, a change to one
# is reviewed in a diff, and the agreement checks below catch a Japanese
# page that falls behind its English one.
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

# The roff of a page without comments, with \- as -, and without font
# changes, \% and \&, so that \fB\-\-to\fR reads --to.
plain() {
	sed -e '/^\.\\"/d' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f(..//g' \
		-e 's/\\f\[[^]]*\]//g' -e 's/\\[%&]//g' "$1"
}
# Every option a page names: -x or --word, not inside a word.
options() {
	plain "$1" | grep -oE '(^|[^A-Za-z0-9_-])--?[A-Za-z][A-Za-z0-9_-]*' | sed 's/^[^-]*//' | sort -u
}
# The first word of every .TP tag: a command, status key, variable, ...
tags() {
	plain "$1" | sed -n '/^\.TP/{n;s/^\.[BI][RI]* "*\([a-z][a-z0-9_-]*\).*/\1/p;}' | sort -u
}
# The commands: the tags of the section COMMANDS.
commands() {
	plain "$1" | sed -n '/^\.SH COMMANDS/,/^\.SH /{/^\.TP/{n;s/^\.[BI][RI]* \([a-z][a-z-]*\).*/\1/p;};}' |
		sort -u
}
# The YAML keys: a word in bold alone (.B key, .BR key ..., .RB ( key )).
keys() {
	plain "$1" | sed -n -e 's/^\.B \([a-z][a-z-]*\)$/\1/p' -e 's/^\.BR \([a-z][a-z-]*\) .*/\1/p' \
		-e 's/^\.RB ( \([a-z][a-z-]*\) )$/\1/p' | sort -u
}
# Fails, naming them, if there are lines of file $2 that are not in $3.
agree() {
	missing=$(comm -23 "$2" "$3" | tr '\n' ' ')
	if [ ! -s "$2" ]; then
		echo "FAIL: $1: found none in the English page"
		fail=1
	elif [ -n "$missing" ]; then
		echo "FAIL: $1; missing: $missing"
		fail=1
	else
		echo "ok: $1"
	fi
}

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
options "$srcdir"/man/tenken.1 >"$tmp"/en
options "$srcdir"/man/ja/tenken.1 >"$tmp"/ja
agree "man/ja/tenken.1 names every option man/tenken.1 names" "$tmp"/en "$tmp"/ja
commands "$srcdir"/man/tenken.1 >"$tmp"/en
tags "$srcdir"/man/ja/tenken.1 >"$tmp"/ja
agree "man/ja/tenken.1 describes every command man/tenken.1 describes" "$tmp"/en "$tmp"/ja
# The keys are documented from "Text fields" (ja, en) to the mapping files.
sed -n '/^\.SS Text fields/,/^\.SH LIMITS/p' "$srcdir"/man/tenken-checklist.5 >"$tmp"/en.5
keys "$tmp"/en.5 >"$tmp"/en
keys "$srcdir"/man/ja/tenken-checklist.5 >"$tmp"/ja
agree "man/ja/tenken-checklist.5 names every key man/tenken-checklist.5 documents" "$tmp"/en "$tmp"/ja
exit $fail
