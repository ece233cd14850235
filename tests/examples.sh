#!/bin/sh
# The examples run as written: every tenken command in README.md's shell
# blocks and in the man pages' EXAMPLES, in order, on the default checklist,
# in a fresh home (XDG_DATA_HOME under it, so that ~/.local/share/tenken is
# the answer files' folder), each exiting 0.
set -u
srcdir=${srcdir:-.}
TENKEN=${TENKEN:-./src/tenken}
case $TENKEN in /*) ;; *) TENKEN=$(pwd)/$TENKEN ;; esac
tmp=$(mktemp -d /tmp/tenken-examples.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
mkdir -p "$tmp/bin"
ln -s "$TENKEN" "$tmp/bin/tenken"

# examples_md FILE: the commands of FILE's ```sh blocks that start with
# tenken, one a line (continued lines joined).
examples_md() {
	awk '/^```sh/ { on = 1; next } /^```/ { on = 0 } on' "$1" |
		sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | grep '^tenken'
}

# examples_man FILE: the same for the .EX blocks of FILE's EXAMPLES (or
# 例) section, roff escapes undone.
examples_man() {
	sed -n '/^\.SH \(EXAMPLES\|例\)/,/^\.SH /p' "$1" |
		awk '/^\.EX/ { on = 1; next } /^\.EE/ { on = 0 } on' |
		sed -e 's/\\-/-/g' -e "s/\\\\(aq/'/g" -e 's/\\(ti/~/g' -e 's/\\e/\\/g' |
		sed -e ':a' -e '/\\$/N; s/\\\n//; ta' -e ':b' -e '/|$/N; s/|\n/|/; tb' | grep '^tenken'
}

# run_all NAME: runs the commands in $tmp/cmds in a fresh home, in order.
run_all() {
	home="$tmp/home-$1"
	rm -rf "$home"
	mkdir -p "$home/work" "$home/.local/share/tenken" "$home/.config"
	# The examples run in the source tree: data/examples is there.
	ln -s "$(cd "$srcdir" && pwd)/data" "$home/work/data"
	# What the migrate example starts from: answers to the trial edition.
	HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
		"$TENKEN" -c fisc-api-2017-trial set 1-3 --status implemented -q
	while IFS= read -r cmd; do
		case $cmd in *'| jq '*) command -v jq >/dev/null 2>&1 || continue ;; esac
		if (cd "$home/work" && env HOME="$home" XDG_DATA_HOME="$home/.local/share" \
			XDG_CONFIG_HOME="$home/.config" PATH="$tmp/bin:$PATH" LC_ALL=C.UTF-8 \
			LANGUAGE= sh -c "$cmd" </dev/null >"$tmp/out" 2>"$tmp/err"); then
			passed=$((passed + 1))
			echo "ok - $1: $cmd"
		else
			failed=$((failed + 1))
			echo "FAIL - $1: $cmd"
			sed 's/^/    /' "$tmp/err"
		fi
	done <"$tmp/cmds"
}

examples_md "$srcdir/README.md" >"$tmp/cmds"
if [ "$(wc -l <"$tmp/cmds")" -ge 10 ]; then
	passed=$((passed + 1))
	echo "ok - README: its examples found"
else
	failed=$((failed + 1))
	echo "FAIL - README: fewer than 10 examples found"
fi
run_all README
for man in man/tenken.1 man/ja/tenken.1; do
	examples_man "$srcdir/$man" >"$tmp/cmds"
	if [ "$(wc -l <"$tmp/cmds")" -ge 10 ]; then
		passed=$((passed + 1))
		echo "ok - $man: its examples found"
	else
		failed=$((failed + 1))
		echo "FAIL - $man: fewer than 10 examples found"
	fi
	run_all "$(echo "$man" | tr / -)"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
