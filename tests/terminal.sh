#!/bin/sh
# The interface on a real pseudo-terminal: every byte it sends, a paste, a
# signal with keys unread, the terminal going away (tests/terminal.py).
TENKEN=${TENKEN:-./src/tenken}
srcdir=${srcdir:-.}
if ! python3 -c 'import pty, sqlite3' 2>/dev/null; then
	echo "SKIP: python3 with pty and sqlite3 is needed"
	exit 77
fi
exec timeout -k 5 300 python3 "$srcdir/tests/terminal.py" "$TENKEN"
