#!/bin/sh
# make fuzz: runs each fuzz target named in FUZZ_TARGETS for FUZZ_TIME
# seconds (60 unless set) on a copy of its corpus (tests/fuzz/corpus/NAME),
# one after another, and prints what each did. A crash or a broken
# invariant is kept in tests/fuzz/artifacts/ (of the build tree) and fails
# the run: add it to the corpus with the fix (tests/fuzz/README.md).
set -u
srcdir=${srcdir:-.}
time=${FUZZ_TIME:-60}
targets=${FUZZ_TARGETS:-checklist settings textwidth csv xlsx cache}
work=$(mktemp -d "${TMPDIR:-/tmp}/tenken-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
mkdir -p tests/fuzz/artifacts
failed=0
for t in $targets; do
	bin=tests/fuzz/fuzz_$t
	if [ ! -x "$bin" ]; then
		echo "FAIL - $t: $bin is not built (./configure --enable-fuzz CC=clang)"
		failed=$((failed + 1))
		continue
	fi
	mkdir -p "$work/$t"
	cp "$srcdir/tests/fuzz/corpus/$t"/* "$work/$t/"
	seeds=$(ls "$work/$t" | wc -l)
	dict=""
	[ -f "$srcdir/tests/fuzz/$t.dict" ] && dict="-dict=$srcdir/tests/fuzz/$t.dict"
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$time" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="tests/fuzz/artifacts/$t-" $dict \
		"$work/$t" >"$work/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -n 1)
	now=$(ls "$work/$t" | wc -l)
	if [ "$rc" -eq 0 ]; then
		echo "ok - $t: ${time}s, ${runs:-?} runs, ${cov:-cov: ?}, corpus $seeds -> $now"
	else
		failed=$((failed + 1))
		echo "FAIL - $t: exit $rc after ${runs:-?} runs; the input is in tests/fuzz/artifacts:"
		grep -E 'ERROR|fuzz: |SUMMARY|artifact' "$work/$t.log" | head -n 20 | sed 's/^/    /'
	fi
done
[ "$failed" -eq 0 ] && echo "fuzz: every target ran ${time}s without a crash"
exit $((failed > 0))
