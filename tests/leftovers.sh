#!/bin/sh
# The suite's last check: no tenken that a test started is still running.
# Every process the tests start inherits TENKEN_SUITE (set for the suite in
# Makefile.am); this runs after every other test (a dependency of its log)
# and looks for a live process of this build holding it. Any it finds is
# killed after being named, so that nothing runs on after the suite.
: "${TENKEN_SUITE:?TENKEN_SUITE is set by make check}"
if [ ! -d /proc/self ]; then
	echo "SKIP: no /proc to look at processes"
	exit 77
fi
found=0
for d in /proc/[0-9]*; do
	p=${d#/proc/}
	[ "$p" = $$ ] && continue
	{ tr '\0' '\n' <"$d/environ"; } 2>/dev/null | grep -qxF "TENKEN_SUITE=$TENKEN_SUITE" || continue
	cmd=$({ tr '\0' ' ' <"$d/cmdline"; } 2>/dev/null)
	case $cmd in
	*tenken*) ;;
	*) continue ;;
	esac
	case $(readlink "$d/exe" 2>/dev/null) in
	*/tenken | */tenken" (deleted)") ;;
	*) continue ;;
	esac
	echo "FAIL: tenken (pid $p) is still running: $cmd"
	found=$((found + 1))
	kill -KILL "$p" 2>/dev/null
done
if [ "$found" -eq 0 ]; then
	echo "ok: no tenken started by the tests is still running"
	exit 0
fi
exit 1
