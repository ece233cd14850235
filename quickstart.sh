#!/bin/sh
# Quick start: installs the missing Debian/Ubuntu build dependencies, builds
# tenken and starts it, with any arguments given (./quickstart.sh --lang ja
# passes --lang ja to tenken). "./quickstart.sh check" builds, then runs the whole
# test suite: the tests, then the same tests again from the distribution
# tarball built with AddressSanitizer and UndefinedBehaviorSanitizer, then
# the fuzz targets for 20 seconds each (FUZZ_TIME).
# (less is for `make bench`, which compares tenken with it; python3, sqlite3
# and strace are for the tests: the mutation table, reading the answer file
# and its history, and the syncs a commit makes; python3-openpyxl writes the
# workbooks that the XLSX reader's tests read and reads the exported ones;
# clang-format-14 checks the sources' formatting; clang and libclang-rt-dev
# (its libFuzzer) build the fuzz targets; binutils' readelf checks the
# hardened binary.)
set -eu
cd "$(dirname "$0")"

pkgs="autoconf automake autopoint gettext pkg-config make gcc libncurses-dev libyaml-dev libsqlite3-dev nettle-dev libxxhash-dev libzip-dev libexpat1-dev libxlsxwriter-dev libcmocka-dev tmux groff-base less python3 python3-openpyxl sqlite3 strace clang-format-14 clang libclang-rt-dev binutils"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "quickstart: installing$missing" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
[ -x configure ] || ./autogen.sh
werror=""
[ "${CI:-}" = "true" ] && werror="--enable-werror"
[ -f Makefile ] || ./configure -q $werror
make -s -j"$jobs"

case "${1:-}" in
check)
	make -s -j"$jobs" check
	make -s -j"$jobs" distcheck DISTCHECK_CONFIGURE_FLAGS="--enable-sanitizers --enable-werror"
	# Then each fuzz target for FUZZ_TIME seconds (20 unless set), built
	# with clang from the tarball distcheck made.
	version=$(sed -n 's/^VERSION = //p' Makefile)
	fuzz=$(mktemp -d "${TMPDIR:-/tmp}/tenken-fuzz.XXXXXX")
	tar -xzf "tenken-$version.tar.gz" -C "$fuzz"
	if (cd "$fuzz/tenken-$version" && ./configure -q --enable-fuzz CC=clang --enable-werror &&
		make -s -j"$jobs" fuzz FUZZ_TIME="${FUZZ_TIME:-20}"); then
		rm -rf "$fuzz"
	else
		echo "quickstart: make fuzz failed; what it found is in $fuzz/tenken-$version/tests/fuzz/artifacts" >&2
		exit 1
	fi
	;;
*)
	# Anything else is tenken's: ./quickstart.sh --lang ja
	exec ./src/tenken "$@"
	;;
esac
