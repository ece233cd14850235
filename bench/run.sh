#!/bin/sh
# bench/run.sh: tenken measured as a user over SSH feels it, side by side with
# less on the same text. `make bench` runs it; see BENCHMARKS.md.
#
# For each checklist (the bundled 2018 edition, and synthetic ones of 1,000
# and 10,000 items) with two items in three answered, it runs in an 80x24
# pseudo-terminal, BENCH_RUNS times (default 5):
#   tenken ui on the answer file, and less on `tenken print` of the same
#   checklist and answers;
# and reports each figure's median and 95th percentile over every sample,
# and the ratio tenken/less of the medians.
#
# Environment: TENKEN (the program; default src/tenken), BENCH_RUNS,
# BENCH_SIZES (default "1000 10000"), BENCH_OUT (work directory; default
# bench/out), srcdir (default .).
set -eu

srcdir=${srcdir:-.}
tenken=${TENKEN:-src/tenken}
runs=${BENCH_RUNS:-5}
sizes=${BENCH_SIZES-1000 10000}
out=${BENCH_OUT:-bench/out}
ptyrun=bench/ptyrun
answers=bench/answers

mkdir -p "$out/config"
# The same terminal, locale and settings for both programs; no user config,
# and no place remembered from the run before (see fresh).
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CONFIG_HOME="$out/config" \
	XDG_STATE_HOME="$out/state" XDG_DATA_HOME="$out/data" XDG_CACHE_HOME="$out/cache"
# The compiled checklists start empty: the first start of each checklist
# parses it (print, below, does), the runs measured read the cache.
rm -rf "$out/cache"
unset LANGUAGE LESS LESSOPEN LESSCLOSE VISUAL EDITOR NO_COLOR 2>/dev/null || true
export LESSHISTFILE=-

samples=$out/samples.tsv
: >"$samples"

# record PROGRAM CHECKLIST [PREFIX]: ptyrun's lines, labelled.
record() {
	awk -v p="$1" -v c="$2" -v x="${3:-}" -F '\t' \
		'{ print p "\t" c "\t" x $1 "\t" $2 "\t" $3 "\t" $4 }' >>"$samples"
}

# Keys as ptyrun reads them (printf, not echo: some shells' echo would
# turn \r into a carriage return here). tenken's page key in the list is
# Ctrl-F (its Space marks an item), less's is Space.
scenario_tenken=$out/tenken.keys
{
	printf '%s\n' "# one-line moves, then pages down and back, in the item list" \
		'j 30 j' '.top 1 g' 'page 3 \x06' 'pageup 3 b' '.first 1 j'
	for k in 1 2 3 4 5; do
		printf '%s\n' 'open 1 \r' 'close 1 h' '.next 1 j'
	done
	printf '%s\n' "# nothing typed: nothing should be sent" 'idle_list wait 2000'
	printf '%s\n' "# the search prompt: typing ASCII, then waiting" \
		'.search 1 /' 'type_prompt 10 a' 'idle_prompt wait 2000' '.cancel 1 \e'
	printf '%s\n' "# a search over every item (the first builds each item's text), then n" \
		'.find 1 /' 'search 1 \xe7\xae\xa1\xe7\x90\x86\r' 'n 10 n' '.back 1 g'
	printf '%s\n' "# the inline editor on an answer: typing, then Ctrl-X commits" \
		'.edit 1 e' 'type 20 あ' 'idle_editor wait 2000' 'commit 1 \x18' 'quit q'
} >"$scenario_tenken"

# fresh: no place remembered from the run before, so that every run starts
# on the first item.
fresh() {
	rm -rf "$out/state" "$out/data"
}

# count_syscalls CALLS KEYS PROGRAM [ARG]...: how many of CALLS (strace's
# -e trace= list) PROGRAM makes in ptyrun's terminal while KEYS (a
# scenario file) are typed. Counts do not depend on the machine's load.
count_syscalls() {
	calls=$1 keys=$2
	shift 2
	fresh
	$ptyrun -k "$keys" -- strace -f -qq -e trace="$calls" -e signal=none \
		-o "$out/strace.txt" "$@" >/dev/null || true
	grep -Ec "^([0-9]+ +)?($(echo "$calls" | tr , '|'))\(1?" "$out/strace.txt" || true
}

scenario_less=$out/less.keys
printf '%s\n' 'j 30 j' '.top 1 g' 'page 3 \s' 'pageup 3 b' 'quit q' >"$scenario_less"

# measure NAME CHECKLIST_FILE
measure() {
	name=$1 cl=$2
	db=$out/$name.db
	if [ ! -f "$db" ] || [ "$cl" -nt "$db" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		$answers fill "$cl" "$db"
	fi
	"$tenken" -c "$cl" -f "$db" print --lang ja --width 80 >"$out/$name.txt"
	for r in $(seq "$runs"); do
		cp "$db" "$out/run.db"
		rm -f "$out/run.db-wal" "$out/run.db-shm"
		fresh
		$ptyrun -k "$scenario_tenken" -- "$tenken" -c "$cl" -f "$out/run.db" --lang ja ui |
			record tenken "$name"
		$ptyrun -k "$scenario_less" -- less "$out/$name.txt" | record less "$name"
		if [ "$name" = fisc-api-2018 ]; then
			# Without colour (NO_COLOR), as on a slow link one might.
			cp "$db" "$out/run.db"
			rm -f "$out/run.db-wal" "$out/run.db-shm"
			fresh
			NO_COLOR=1 $ptyrun -k "$scenario_tenken" -- "$tenken" -c "$cl" \
				-f "$out/run.db" --lang ja ui | record tenken "$name" "NO_COLOR "
		fi
	done
	# A committed answer: the store's commit, and a whole `tenken set`.
	cp "$db" "$out/run.db"
	rm -f "$out/run.db-wal" "$out/run.db-shm"
	$answers commit "$cl" "$out/run.db" 50 |
		awk -v c="$name" '{ print "tenken\t" c "\tstore commit\t0\t" $1 }' >>"$samples"
	$ptyrun -t 20 -- "$tenken" -c "$cl" -f "$out/run.db" set 1 --field current=回答 |
		awk -v c="$name" '{ print "tenken\t" c "\ttenken set\t0\t" $1 }' >>"$samples"
	rm -f "$out/run.db" "$out/run.db-wal" "$out/run.db-shm"
	[ "$name" = fisc-api-2018 ] && count "$cl" "$db"
	return 0
}

# The figures that are counts, not times, on the bundled checklist: write()
# calls to the terminal (each may be a packet over SSH), fsyncs per
# committed answer, and instructions (callgrind) of a `tenken set`.
# Recorded with the less column where less has the figure.
count() {
	cl=$1 db=$2
	ui="$tenken -c $cl -f $out/run.db --lang ja ui"
	printf '%s\n' 'quit q' >"$out/c0.keys"
	printf '%s\n' 'j 3 j' 'page 1 \x06' 'quit q' >"$out/c1.keys"
	printf '%s\n' 'j 10 j' 'quit q' >"$out/cj.keys"
	printf '%s\n' 'page 3 \x06' 'quit q' >"$out/cp.keys"
	printf '%s\n' 'j 3 j' 'page 1 \s' 'quit q' >"$out/l1.keys"
	printf '%s\n' 'j 10 j' 'quit q' >"$out/lj.keys"
	printf '%s\n' 'page 3 \s' 'quit q' >"$out/lp.keys"
	for k in 1 2 3; do
		printf '%s\n' ".e$k 1 e" ".t$k 1 x" ".c$k 1 \x18" '.next 1 j'
	done >"$out/c3.keys"
	printf '%s\n' 'quit q' >>"$out/c3.keys"
	for p in tenken less; do
		if [ $p = tenken ]; then
			set -- c0 c1 cj cp
		else
			set -- c0 l1 lj lp
		fi
		for k in "$@"; do
			cp "$db" "$out/run.db"
			rm -f "$out/run.db-wal" "$out/run.db-shm"
			if [ $p = tenken ]; then
				n=$(count_syscalls write "$out/$k.keys" $ui)
			else
				n=$(count_syscalls write "$out/$k.keys" less "$out/fisc-api-2018.txt")
			fi
			eval "w_${p}_$k=$n"
		done
	done
	{
		printf 'tenken\tcounts\twrites start + 3 j + page + q\t%s\n' "$w_tenken_c1"
		printf 'less\tcounts\twrites start + 3 j + page + q\t%s\n' "$w_less_l1"
		printf 'tenken\tcounts\twrites start + q\t%s\n' "$w_tenken_c0"
		printf 'less\tcounts\twrites start + q\t%s\n' "$w_less_c0"
		printf 'tenken\tcounts\twrites per j\t%s\n' \
			"$(awk "BEGIN { print ($w_tenken_cj - $w_tenken_c0) / 10 }")"
		printf 'less\tcounts\twrites per j\t%s\n' \
			"$(awk "BEGIN { print ($w_less_lj - $w_less_c0) / 10 }")"
		printf 'tenken\tcounts\twrites per page\t%s\n' \
			"$(awk "BEGIN { print ($w_tenken_cp - $w_tenken_c0) / 3 }")"
		printf 'less\tcounts\twrites per page\t%s\n' \
			"$(awk "BEGIN { print ($w_less_lp - $w_less_c0) / 3 }")"
	} >>"$samples"
	# fsyncs: a whole `tenken set`, and per answer committed in the
	# interface (three commits less none).
	cp "$db" "$out/run.db"
	rm -f "$out/run.db-wal" "$out/run.db-shm"
	strace -f -qq -e trace=fsync,fdatasync -e signal=none -o "$out/strace.txt" \
		"$tenken" -c "$cl" -f "$out/run.db" set 1 --field current=回答 >/dev/null
	printf 'tenken\tcounts\tfsyncs per tenken set\t%s\n' \
		"$(grep -Ec '^([0-9]+ +)?f(data)?sync\(' "$out/strace.txt")" >>"$samples"
	cp "$db" "$out/run.db"
	rm -f "$out/run.db-wal" "$out/run.db-shm"
	f0=$(count_syscalls fsync,fdatasync "$out/c0.keys" $ui)
	cp "$db" "$out/run.db"
	rm -f "$out/run.db-wal" "$out/run.db-shm"
	f3=$(count_syscalls fsync,fdatasync "$out/c3.keys" $ui)
	printf 'tenken\tcounts\tfsyncs per answer committed in the interface\t%s\n' \
		"$(awk "BEGIN { print ($f3 - $f0) / 3 }")" >>"$samples"
	printf 'tenken\tcounts\tfsyncs, interface started and quit\t%s\n' "$f0" >>"$samples"
	if command -v valgrind >/dev/null; then
		cp "$db" "$out/run.db"
		rm -f "$out/run.db-wal" "$out/run.db-shm"
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$tenken" -c "$cl" \
			-f "$out/run.db" set 1 --field current=回答 2>"$out/callgrind.txt" >/dev/null
		printf 'tenken\tcounts\tinstructions per tenken set\t%s\n' \
			"$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$out/callgrind.txt")" >>"$samples"
	fi
	rm -f "$out/run.db" "$out/run.db-wal" "$out/run.db-shm"
}

measure fisc-api-2018 "$srcdir/data/fisc-api-2018.yaml"
for n in $sizes; do
	cl=$out/bench-$n.yaml
	if [ ! -f "$cl" ] || [ "$srcdir/bench/gen-checklist.sh" -nt "$cl" ]; then
		sh "$srcdir/bench/gen-checklist.sh" "$n" "$srcdir/data/fisc-api-2017-trial.yaml" >"$cl.tmp"
		mv "$cl.tmp" "$cl"
	fi
	measure "bench-$n" "$cl"
done

# The table: per checklist and figure, median and p95 of each program, and
# the ratio of the medians. Times in milliseconds, memory in MB.
awk -F '\t' '
function sortv(a, n,   i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
}
function stat(key, q,   n, i, v) {
	n = count[key]
	if (!n)
		return ""
	for (i = 1; i <= n; i++)
		v[i] = val[key, i]
	sortv(v, n)
	i = int(q * n + 0.999999)
	if (i < 1) i = 1
	return v[i]
}
function fmt(x, unit) {
	if (x == "")
		return "-"
	if (unit == "ms")
		return sprintf("%.2f", x / 1000)
	if (unit == "MB")
		return sprintf("%.1f", x / 1024)
	return sprintf("%d", x)
}
function num(x) {
	if (x == "")
		return "-"
	return x == int(x) ? sprintf("%d", x) : sprintf("%.2f", x)
}
function add(key, v) {
	val[key, ++count[key]] = v
}
{
	prog = $1; cl = $2; what = $3; bytes = $4; us = $5; ctl = $6
	if (!(cl in seen)) {
		seen[cl] = 1
		order[++ncl] = cl
	}
	if (cl == "counts") {
		cval[prog SUBSEP what] = bytes
		if (!(what in cseen)) {
			cseen[what] = 1
			corder[++ncount] = what
		}
		next
	}
	if (what ~ /^idle_/) {
		add(prog SUBSEP cl SUBSEP what " (bytes/s)", us > 0 ? bytes * 1000 / us : 0)
		next
	}
	if (what == "peak_kb") {
		add(prog SUBSEP cl SUBSEP "peak memory (MB)", bytes)
	} else if (what == "store commit" || what == "tenken set") {
		add(prog SUBSEP cl SUBSEP what " (ms)", us)
	} else {
		add(prog SUBSEP cl SUBSEP what " (ms)", us)
		add(prog SUBSEP cl SUBSEP what " (bytes)", bytes)
		add(prog SUBSEP cl SUBSEP what " (control bytes)", ctl)
	}
}
END {
	n = split("start (ms)|start (bytes)|start (control bytes)|j (ms)|j (bytes)|j (control bytes)|" \
		  "page (ms)|page (bytes)|page (control bytes)|pageup (ms)|pageup (bytes)|" \
		  "pageup (control bytes)|open (ms)|open (bytes)|close (ms)|close (bytes)|" \
		  "type (ms)|type (bytes)|type_prompt (bytes)|idle_list (bytes/s)|" \
		  "idle_prompt (bytes/s)|idle_editor (bytes/s)|search (ms)|n (ms)|" \
		  "NO_COLOR j (bytes)|NO_COLOR j (control bytes)|NO_COLOR page (bytes)|" \
		  "NO_COLOR page (control bytes)|NO_COLOR pageup (bytes)|" \
		  "commit (ms)|store commit (ms)|tenken set (ms)|peak memory (MB)", fig, "|")
	for (c = 1; c <= ncl; c++) {
		cl = order[c]
		if (cl == "counts")
			continue
		printf "\n### %s\n\n", cl
		print "| figure | tenken median | tenken p95 | less median | less p95 | tenken/less |"
		print "| --- | ---: | ---: | ---: | ---: | ---: |"
		for (f = 1; f <= n; f++) {
			unit = fig[f] ~ /ms\)$/ ? "ms" : fig[f] ~ /MB\)$/ ? "MB" : "bytes"
			kt = "tenken" SUBSEP cl SUBSEP fig[f]
			lf = fig[f]
			sub(/^NO_COLOR /, "", lf)
			kl = "less" SUBSEP cl SUBSEP lf
			if (!count[kt])
				continue
			tm = stat(kt, 0.5); lm = stat(kl, 0.5)
			ratio = (lm != "" && lm > 0) ? sprintf("%.2f", tm / lm) : "-"
			printf "| %s | %s | %s | %s | %s | %s |\n", fig[f], fmt(tm, unit),
			       fmt(stat(kt, 0.95), unit), fmt(lm, unit), fmt(stat(kl, 0.95), unit), ratio
		}
	}
	if (ncount) {
		print "\n### counts (fisc-api-2018)\n"
		print "| figure | tenken | less |"
		print "| --- | ---: | ---: |"
		for (c = 1; c <= ncount; c++) {
			w = corder[c]
			t = cval["tenken" SUBSEP w]; l = cval["less" SUBSEP w]
			printf "| %s | %s | %s |\n", w, num(t), num(l)
		}
	}
}' "$samples"
