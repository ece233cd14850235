#!/bin/sh
# bench/report.sh: tenken report over many answer files of the 2018 edition,
# as a bank with one file per API connector runs it. `make bench-report`
# runs it (and `make bench` after the interface's figures); see
# BENCHMARKS.md.
#
# It makes BENCH_FILES answer files (default 300): one filled by
# bench/answers fill (two items in three with a status and a Japanese
# sentence, committed through the store), copied under the other names,
# then times `tenken report DIR` BENCH_RUNS times (default 5) and prints
# the median and the slowest, and the instructions it executes as counted
# by valgrind --tool=callgrind, where valgrind is installed.
#
# Environment: TENKEN (default src/tenken), BENCH_FILES, BENCH_RUNS,
# BENCH_OUT (work directory; default bench/out), srcdir (default .).
set -eu

srcdir=${srcdir:-.}
tenken=${TENKEN:-src/tenken}
files=${BENCH_FILES:-300}
runs=${BENCH_RUNS:-5}
out=${BENCH_OUT:-bench/out}
cl=$srcdir/data/fisc-api-2018.yaml
dir=$out/connectors

mkdir -p "$out/config" "$out/data"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data"
unset LANGUAGE 2>/dev/null || true

if [ ! -d "$dir" ] || [ "$(ls "$dir" | wc -l)" -ne "$files" ] || [ "$cl" -nt "$dir" ]; then
	rm -rf "$dir"
	mkdir -p "$dir"
	bench/answers fill "$cl" "$dir/c0001.db"
	for n in $(seq 2 "$files"); do
		cp "$dir/c0001.db" "$dir/c$(printf %04d "$n").db"
	done
fi

# Milliseconds of one run of the command, exec to exit (bash's or GNU
# date's clock: nanoseconds).
ms() {
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || [ $? -eq 3 ]
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}

"$tenken" report "$dir" >"$out/report.txt"
: >"$out/report-times"
for r in $(seq "$runs"); do
	ms "$tenken" report "$dir" >>"$out/report-times"
done
sort -n "$out/report-times" | awk -v files="$files" '
	{ v[NR] = $1 }
	END {
		printf "| figure | value |\n| --- | ---: |\n"
		printf "| tenken report DIR, %d files: median (ms) | %.1f |\n", files, v[int((NR + 1) / 2)] / 1000
		printf "| tenken report DIR, %d files: slowest (ms) | %.1f |\n", files, v[NR] / 1000
	}'
if command -v valgrind >/dev/null 2>&1; then
	valgrind --tool=callgrind --callgrind-out-file="$out/report.callgrind" \
		"$tenken" report "$dir" >/dev/null 2>"$out/report.valgrind" || [ $? -eq 3 ]
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/report.valgrind" |
		awk -v files="$files" '{ printf "| tenken report DIR, %d files: instructions | %d |\n", files, $1 }'
fi
