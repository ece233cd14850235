#!/bin/sh
# The hardened build (configure.ac): reads src/tenken with readelf and
# checks what each flag leaves in the binary. PIE: an ELF of type DYN
# flagged PIE. BIND_NOW: FLAGS BIND_NOW or FLAGS_1 NOW. RELRO: a GNU_RELRO
# segment. The stack protector: __stack_chk_fail imported. _FORTIFY_SOURCE:
# a *_chk function imported (not with the sanitizers, whose own checks
# configure leaves it out for). Skipped after ./configure --disable-hardening.
set -u
: "${TENKEN:=./src/tenken}"
passed=0 failed=0
tmp=$(mktemp -d /tmp/tenken-hardening.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && head -n 15 "$2" | sed 's/^/    /'; }

if [ "${TENKEN_HARDENING:-yes}" = no ]; then
	echo "SKIP: configured with --disable-hardening"
	exit 77
fi
if ! command -v readelf >/dev/null 2>&1; then
	echo "FAIL: readelf is not installed (apt-get install binutils)"
	exit 1
fi
LC_ALL=C readelf -h "$TENKEN" >"$tmp/header" 2>&1 || { bad "readelf -h $TENKEN" "$tmp/header"; exit 1; }
LC_ALL=C readelf -d "$TENKEN" >"$tmp/dynamic" 2>&1
LC_ALL=C readelf -lW "$TENKEN" >"$tmp/segments" 2>&1
LC_ALL=C readelf --dyn-syms -W "$TENKEN" >"$tmp/symbols" 2>&1

# check NAME FILE REGEX: the line of FILE that REGEX matches is printed.
check() {
	line=$(grep -E -m 1 -- "$3" "$2")
	if [ -n "$line" ]; then ok "$1: $(echo "$line" | sed 's/^ *//; s/  */ /g')"; else bad "$1: no line matches /$3/" "$2"; fi
}

check "PIE: ELF type DYN" "$tmp/header" '^ *Type: *DYN'
check "PIE: FLAGS_1 PIE" "$tmp/dynamic" '\(FLAGS_1\).*PIE'
check "BIND_NOW" "$tmp/dynamic" '\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW'
check "RELRO: a GNU_RELRO segment" "$tmp/segments" '^ *GNU_RELRO'
check "stack protector: __stack_chk_fail imported" "$tmp/symbols" ' UND __stack_chk_fail'
if [ "${TENKEN_FORTIFY:-yes}" = yes ]; then
	check "_FORTIFY_SOURCE: a *_chk function imported" "$tmp/symbols" ' UND __[a-z0-9_]*_chk(@|$)'
else
	echo "ok - _FORTIFY_SOURCE not checked: configure left it out (a sanitizer build, or no optimisation)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
