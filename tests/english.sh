#!/bin/sh
# The bundled checklists' English: one English for one Japanese text and
# for each term of tools/glossary-en.tsv (tests/english.py says what is
# checked); and the 2018 edition's Japanese is what tools/fisc2018.py, the
# record of how it was made, writes.
set -u
: "${TENKEN:=./src/tenken}"
srcdir=${srcdir:-.}
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is not installed"
	exit 77
fi
fail=0
python3 "$srcdir/tests/english.py" "$TENKEN" "$srcdir" || fail=1
if python3 "$srcdir/tools/fisc2018.py" --check "$srcdir/data/fisc-api-2018.yaml"; then
	echo "ok: data/fisc-api-2018.yaml's Japanese is what tools/fisc2018.py writes"
else
	fail=1
fi
exit $fail
