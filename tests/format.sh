#!/bin/sh
# The C sources follow the repository's .clang-format: clang-format 14, the
# version Debian 12 ships (another version formats some constructs
# otherwise, so the check pins it; quickstart.sh installs it).
set -u
srcdir=${srcdir:-.}
cf=$(command -v clang-format-14 || true)
if [ -z "$cf" ]; then
	echo "FAIL: clang-format-14 is not installed (apt-get install clang-format-14)"
	exit 1
fi
cd "$srcdir" || exit 1
fail=0
for f in src/*.c src/*.h tests/*.c tests/*.h tests/fuzz/*.c tests/fuzz/*.h bench/*.c; do
	[ -f "$f" ] || continue
	if ! "$cf" --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
		echo "FAIL: $f is not formatted: $cf -i $f"
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "ok: every C source is formatted"
exit $fail
