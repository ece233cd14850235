#!/bin/sh
# Every kind of file tenken may be given, with the real binary: a FIFO, a
# directory, a symbolic link, a file or folder that cannot be written, a
# full disk, a new file made by many at once. Each gets a clear message,
# promptly, and harms nothing. Each check prints ok/FAIL (or skip, when
# this machine cannot set the case up); the last line counts them.
set -u
: "${TENKEN:=./src/tenken}"
case $TENKEN in /*) ;; *) TENKEN=$(pwd)/$TENKEN ;; esac
tmp=$(mktemp -d /tmp/tenken-files.XXXXXX)
trap 'for s in "$tmp"/tmux.*.sock; do [ -S "$s" ] && tmux -S "$s" kill-server 2>/dev/null; done; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp" # another user reads here in the read-only checks
export XDG_DATA_HOME="$tmp/xdg" LC_ALL=C.UTF-8 LANGUAGE=
mkdir -p "$tmp/config/tenken"
echo "checklist = fisc-api-2017-trial" >"$tmp/config/tenken/config"
export XDG_CONFIG_HOME="$tmp/config"
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2"; }
skip() { echo "skip - $1"; }

# run NAME EXPECTED-STATUS COMMAND...: runs COMMAND (for at most 5 s: a
# FIFO must not make tenken wait), output in $tmp/out and $tmp/err.
run() {
	name=$1 want=$2
	shift 2
	timeout 5 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else bad "$name: exit $got, expected $want" "$tmp/err"; fi
}
has() { # has NAME FILE TEXT: FILE contains TEXT
	if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no \"$3\" in it" "$2"; fi
}
same() { # same NAME FILE COPY: FILE is byte for byte COPY
	if cmp -s "$2" "$3"; then ok "$1"; else bad "$1: $2 changed"; fi
}
absent() { # absent NAME PATH...: none of the paths exists
	name=$1
	shift
	for p in "$@"; do
		if [ -e "$p" ] || [ -L "$p" ]; then bad "$name: $p exists"; return; fi
	done
	ok "$name"
}

# --- 1. A FIFO (or a directory) where tenken reads a file.
mkfifo "$tmp/fifo"
mkdir "$tmp/dir.yaml"
run "checklist a FIFO" 1 "$TENKEN" -c "$tmp/fifo" print
has "says the checklist is not a regular file" "$tmp/err" "$tmp/fifo is not a regular file"
run "checklist a directory" 1 "$TENKEN" -c "$tmp/dir.yaml" print
has "says the checklist is a directory" "$tmp/err" "$tmp/dir.yaml is a directory"
run "answer file a FIFO: status" 1 "$TENKEN" -f "$tmp/fifo" status
has "says the answer file is not a regular file" "$tmp/err" "$tmp/fifo is not a regular file"
run "answer file a FIFO: set" 1 "$TENKEN" -f "$tmp/fifo" set 1 --status partial
has "set says it too" "$tmp/err" "$tmp/fifo is not a regular file"
run "answer file a FIFO: set -c" 1 "$TENKEN" -c fisc-api-2017-trial -f "$tmp/fifo" set 1 --status partial
has "set -c says it too" "$tmp/err" "$tmp/fifo is not a regular file"
"$TENKEN" -f "$tmp/im.db" set 1 --status partial >/dev/null 2>&1
run "import a FIFO" 1 "$TENKEN" -f "$tmp/im.db" import --yes "$tmp/fifo"
has "says the import file is not a regular file" "$tmp/err" "$tmp/fifo is not a regular file"
ln -s fifo "$tmp/fifo.xlsx"
run "import a FIFO named .xlsx" 1 "$TENKEN" -f "$tmp/im.db" import --yes "$tmp/fifo.xlsx"
has "says the workbook is not a regular file" "$tmp/err" "$tmp/fifo.xlsx is not a regular file"
run "import a directory" 1 "$TENKEN" -f "$tmp/im.db" import --yes "$tmp/dir.yaml"
has "says the import file is a directory" "$tmp/err" "$tmp/dir.yaml is a directory"
mkdir -p "$tmp/fifocfg/tenken"
mkfifo "$tmp/fifocfg/tenken/config"
run "settings a FIFO" 1 env XDG_CONFIG_HOME="$tmp/fifocfg" "$TENKEN" status
has "says the settings file cannot be read" "$tmp/err" "cannot read the settings file: $tmp/fifocfg/tenken/config is not a regular file"
run "settings a FIFO, in Japanese" 1 env XDG_CONFIG_HOME="$tmp/fifocfg" "$TENKEN" --lang ja status
has "says it in Japanese" "$tmp/err" "設定ファイルを読めません: $tmp/fifocfg/tenken/config は通常のファイルではありません"

# --- 2. Symbolic links: a folder reached through one is fine; the answer
# file itself one (the journal would be made beside the link) is refused.
mkdir "$tmp/realdir"
ln -s realdir "$tmp/linkdir"
run "-f through a linked folder: set" 0 "$TENKEN" -f "$tmp/linkdir/a.db" set 1 --status partial
run "-f through a linked folder: status" 0 "$TENKEN" -f "$tmp/linkdir/a.db" status
has "the answer is read back" "$tmp/out" "1/60"
run "the file is in the real folder" 0 test -f "$tmp/realdir/a.db"
ln -s realdir/a.db "$tmp/link.db"
cp "$tmp/realdir/a.db" "$tmp/a.before"
run "-f a symbolic link: set" 1 "$TENKEN" -f "$tmp/link.db" set 2 --status partial
has "says it is a link and what to do" "$tmp/err" "$tmp/link.db is a symbolic link; give the real path with -f"
same "the file it points to is untouched" "$tmp/realdir/a.db" "$tmp/a.before"
run "-f a symbolic link: status" 1 "$TENKEN" -f "$tmp/link.db" status
has "status says so too" "$tmp/err" "$tmp/link.db is a symbolic link"
run "-f a symbolic link, in Japanese" 1 "$TENKEN" --lang ja -f "$tmp/link.db" set 2 --status partial
has "says it in Japanese" "$tmp/err" "$tmp/link.db はシンボリックリンクです。実際のパスを -f で指定してください"
ln -s nowhere.db "$tmp/dangling.db"
run "-f a dangling link: set" 1 "$TENKEN" -f "$tmp/dangling.db" set 1 --status partial
has "says it is a link" "$tmp/err" "$tmp/dangling.db is a symbolic link; give the real path with -f"
absent "nothing made where it points" "$tmp/nowhere.db"
run "-f a dangling link: print" 1 "$TENKEN" -f "$tmp/dangling.db" print
has "print says so too" "$tmp/err" "$tmp/dangling.db is a symbolic link"
mkdir "$tmp/dir.db"
run "-f a directory: set" 1 "$TENKEN" -f "$tmp/dir.db" set 1 --status partial
has "says it is a directory" "$tmp/err" "$tmp/dir.db is a directory"
run "-f a directory: status" 1 "$TENKEN" -f "$tmp/dir.db" status
has "status says so too" "$tmp/err" "$tmp/dir.db is a directory"
run "-f a directory, in Japanese" 1 "$TENKEN" --lang ja -f "$tmp/dir.db" status
has "says it in Japanese" "$tmp/err" "$tmp/dir.db はディレクトリです"
# The default answer file under a HOME, or an XDG_DATA_HOME, reached
# through a symbolic link.
mkdir -p "$tmp/realhome"
ln -s realhome "$tmp/home"
run "HOME through a link: set" 0 env -u XDG_DATA_HOME HOME="$tmp/home" "$TENKEN" set 1 --status partial
run "HOME through a link: status" 0 env -u XDG_DATA_HOME HOME="$tmp/home" "$TENKEN" status
has "HOME through a link: the answer is there" "$tmp/out" "1/60"
run "the default file is under the real home" 0 test -f "$tmp/realhome/.local/share/tenken/fisc-api-2017-trial.db"
mkdir "$tmp/realxdg"
ln -s realxdg "$tmp/xdglink"
run "XDG_DATA_HOME through a link: set" 0 env XDG_DATA_HOME="$tmp/xdglink" "$TENKEN" set 1 --status partial
run "XDG_DATA_HOME through a link: status" 0 env XDG_DATA_HOME="$tmp/xdglink" "$TENKEN" status
has "XDG_DATA_HOME through a link: the answer is there" "$tmp/out" "1/60"
mkdir -p "$tmp/xdg3/tenken"
ln -s ../../realdir/a.db "$tmp/xdg3/tenken/fisc-api-2017-trial.db"
run "the default file a link" 1 env XDG_DATA_HOME="$tmp/xdg3" "$TENKEN" set 3 --status partial
has "says the default file is a link" "$tmp/err" "$tmp/xdg3/tenken/fisc-api-2017-trial.db is a symbolic link; give the real path with -f"
same "the file it points to is still untouched" "$tmp/realdir/a.db" "$tmp/a.before"

# --- 3. A file that cannot be written: refused for writing before anything
# else, read by print, status and export. Root writes any file whatever
# its mode, so as root these checks run as nobody ($AS: setpriv).
AS= owner= can_ro=1
why_not="running as root without setpriv: a read-only file cannot be made"
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then
		AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
		owner=65534:65534
		# nobody must reach the binary and its data: not through a
		# private folder (a home of mode 0700, a build in mktemp -d).
		if ! $AS "$TENKEN" -c fisc-api-2017-trial print --item 1 >/dev/null 2>&1; then
			can_ro=0
			why_not="nobody cannot run $TENKEN or read its data: a folder on the way is private"
		fi
	else
		can_ro=0
	fi
fi
ro_checks() { # ro_checks DIR WHAT: the checks on DIR/a.db, read-only
	d=$1 what=$2
	cp "$d/a.db" "$tmp/ro.before"
	run "$what: set" 1 $AS "$TENKEN" -f "$d/a.db" set 2 --status partial
	has "$what: set says it is read-only" "$tmp/err" "$d/a.db is read-only"
	same "$what: the file is untouched" "$d/a.db" "$tmp/ro.before"
	run "$what: status" 0 $AS "$TENKEN" -f "$d/a.db" status
	has "$what: status reads it" "$tmp/out" "1/60"
	run "$what: print" 0 $AS "$TENKEN" -f "$d/a.db" print --item 1
	run "$what: export" 0 $AS "$TENKEN" -f "$d/a.db" export --format csv -o "$tmp/outdir/$what.csv"
	has "$what: export wrote the answer" "$tmp/outdir/$what.csv" "\"一部対応\""
	absent "$what: no -wal or -shm left beside it" "$d/a.db-wal" "$d/a.db-shm"
}
# The interface on a terminal (tmux), as in tests/tui.sh.
n=0
sock=$tmp/tmux.0.sock
t() { tmux -S "$sock" "$@"; }
start() {
	t kill-server 2>/dev/null
	n=$((n + 1))
	sock="$tmp/tmux.$n.sock"
	t -f /dev/null new-session -d -x 80 -y 24 "$@"
}
wait_for() {
	i=0
	while [ $i -lt $((${TENKEN_TUI_WAIT:-10} * 10)) ]; do
		t capture-pane -p 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check() { # check NAME TEXT: TEXT comes on the screen
	if wait_for "$2"; then ok "$1"; else
		t capture-pane -p >"$tmp/screen" 2>&1
		bad "$1: \"$2\" not on the screen" "$tmp/screen"
	fi
}
lacks() { # lacks NAME TEXT: TEXT is not on the screen
	sleep 0.5
	if t capture-pane -p | grep -qF -- "$2"; then bad "$1: \"$2\" on the screen"; else ok "$1"; fi
}
if [ $can_ro = 1 ]; then
	mkdir "$tmp/ro" "$tmp/rodir" "$tmp/wdir" "$tmp/outdir"
	"$TENKEN" -f "$tmp/ro/a.db" set 1 --status partial >/dev/null
	cp "$tmp/ro/a.db" "$tmp/rodir/a.db"
	cp "$tmp/ro/a.db" "$tmp/wdir/a.db"
	[ -n "$owner" ] && chown -R "$owner" "$tmp/ro" "$tmp/rodir" "$tmp/wdir" "$tmp/outdir"
	chmod 400 "$tmp/ro/a.db" "$tmp/rodir/a.db"
	chmod 555 "$tmp/rodir" "$tmp/wdir"
	ro_checks "$tmp/ro" "read-only file"
	ro_checks "$tmp/rodir" "read-only file in a read-only folder"
	run "read-only, in Japanese" 1 $AS "$TENKEN" --lang ja -f "$tmp/ro/a.db" set 2 --status partial
	has "says it in Japanese" "$tmp/err" "$tmp/ro/a.db は読み取り専用です"
	run "read-only folder: set" 1 $AS "$TENKEN" -f "$tmp/wdir/a.db" set 2 --status partial
	has "says the folder cannot be written" "$tmp/err" "$tmp/wdir/a.db is read-only (its folder cannot be written)"
	run "read-only folder: status" 0 $AS "$TENKEN" -f "$tmp/wdir/a.db" status
	run "read-only folder: import" 1 $AS "$TENKEN" -f "$tmp/wdir/a.db" import --yes "$tmp/outdir/read-only file.csv"
	has "import says so" "$tmp/err" "$tmp/wdir/a.db is read-only"
	# Reviewed while read-only, the file is writable again afterwards.
	chmod 600 "$tmp/ro/a.db"
	run "writable again: set" 0 $AS "$TENKEN" -f "$tmp/ro/a.db" set 2 --status partial
	chmod 400 "$tmp/ro/a.db"
	# The interface: says so in the header and at once; no key edits.
	if command -v tmux >/dev/null 2>&1; then
		cp "$tmp/ro/a.db" "$tmp/ro.before"
		start $AS "$TENKEN" -f "$tmp/ro/a.db"
		check "ui, read-only file: the header says so" "[read-only]"
		check "ui, read-only file: told at once" "The answer file is read-only: answers cannot be changed"
		t send-keys j
		t send-keys e
		check "ui, read-only file: e refused" "The answer file is read-only"
		lacks "ui, read-only file: no editor opened" "Ctrl-X"
		t send-keys j s
		check "ui, read-only file: s refused" "The answer file is read-only"
		t send-keys q
		sleep 0.3
		same "the interface changed nothing" "$tmp/ro/a.db" "$tmp/ro.before"
		absent "the interface left no -wal or -shm" "$tmp/ro/a.db-wal" "$tmp/ro/a.db-shm"
		start $AS "$TENKEN" --lang ja -f "$tmp/rodir/a.db"
		check "ui in Japanese, read-only folder: the header" "[読み取り専用]"
		t send-keys e
		check "ui in Japanese: e refused" "回答ファイルが読み取り専用です: 回答は変更できません"
		lacks "ui in Japanese: no editor opened" "Ctrl-X"
		t send-keys q
		t kill-server 2>/dev/null
	else
		skip "tmux is not installed: the interface on a read-only file is not tried"
	fi
else
	skip "$why_not"
fi
# A file system mounted read-only stops root too.
if unshare -rm true 2>/dev/null; then
	mkdir "$tmp/rofs" && cp "$tmp/realdir/a.db" "$tmp/rofs/a.db"
	cp "$tmp/rofs/a.db" "$tmp/rofs.before"
	cat >"$tmp/rofs.sh" <<'EOF'
mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
shift
exec "$@"
EOF
	run "read-only file system: set" 1 unshare -rm sh "$tmp/rofs.sh" "$tmp/rofs" "$TENKEN" -f "$tmp/rofs/a.db" set 2 --status partial
	has "says it is read-only" "$tmp/err" "$tmp/rofs/a.db is read-only"
	run "read-only file system: status" 0 unshare -rm sh "$tmp/rofs.sh" "$tmp/rofs" "$TENKEN" -f "$tmp/rofs/a.db" status
	has "status reads it" "$tmp/out" "1/60"
	same "the file is untouched" "$tmp/rofs/a.db" "$tmp/rofs.before"
else
	skip "unshare -rm is not allowed here: a read-only file system is not tried"
fi

# --- 4. A full disk: said so, the file unharmed, nothing half written. A
# small tmpfs in a mount namespace of this script's own.
if unshare -rm true 2>/dev/null && command -v tmux >/dev/null 2>&1; then
	mkdir "$tmp/full"
	cat >"$tmp/full.sh" <<'EOF'
# Runs inside the namespace: prints "ok - ..." and "FAIL - ..." lines.
T=$1 F=$2 tmp=$3
mount -t tmpfs -o size=512k tmpfs "$F" || { echo "FAIL - cannot mount a tmpfs"; exit 0; }
say() { if [ "$1" = 0 ]; then echo "ok - $2"; else echo "FAIL - $2"; sed 's/^/    /' "$tmp/ferr"; fi; }
fill() { dd if=/dev/zero of="$F/fill" bs=4k >/dev/null 2>&1; }
"$T" -f "$F/a.db" set 1 --status partial >/dev/null 2>&1
fill
"$T" -f "$F/a.db" set 2 --status partial >/dev/null 2>"$tmp/ferr"
say $(( $? != 1 )) "full disk: set fails"
grep -qF "the disk is full; nothing was written to $F/a.db" "$tmp/ferr"
say $? "full disk: set says the disk is full"
"$T" --lang ja -f "$F/a.db" set 2 --status partial >/dev/null 2>"$tmp/ferr"
grep -qF "ディスクがいっぱいです。$F/a.db には何も書き込んでいません" "$tmp/ferr"
say $? "full disk: in Japanese"
"$T" -f "$F/b.db" set 1 --status partial >/dev/null 2>"$tmp/ferr"
grep -qF "the disk is full; nothing was written to $F/b.db" "$tmp/ferr"
say $? "full disk: a new file, said so"
ls "$F" | grep -q '^b\.db' && r=1 || r=0
say $r "full disk: no new file, nor a piece of one"
"$T" -f "$tmp/outside.db" set 1 --field current=外の回答 >/dev/null 2>&1
for f in csv xlsx html; do
	TMPDIR=$F "$T" -f "$tmp/outside.db" export --format $f -o "$F/x.$f" >/dev/null 2>"$tmp/ferr"
	grep -qF "the disk is full; nothing was written to $F/x.$f" "$tmp/ferr"
	say $? "full disk: export $f says the disk is full"
done
ls "$F" | grep -q '^x\.' && r=1 || r=0
say $r "full disk: no export file, nor a piece of one"
# The interface: the answer typed stays in the editor, and is saved once
# there is room.
rm -f "$F/fill"
sock=$tmp/tmux.full.sock
tmux -S "$sock" -f /dev/null new-session -d -x 80 -y 24 "$T" -f "$F/a.db"
scr() { tmux -S "$sock" capture-pane -p; }
waitfor() {
	i=0
	while [ $i -lt 100 ]; do scr | grep -qF -- "$1" && return 0; sleep 0.1; i=$((i + 1)); done
	scr | sed 's/^/    /'
	return 1
}
waitfor "1/60"
say $? "full disk, ui: starts"
tmux -S "$sock" send-keys j e
waitfor "Ctrl-X"
say $? "full disk, ui: the editor opens"
fill
tmux -S "$sock" send-keys -l "満杯のディスクに書く回答"
tmux -S "$sock" send-keys C-x
waitfor "the disk is full; nothing was written to"
say $? "full disk, ui: the save says the disk is full"
scr | grep -qF "満杯のディスクに書く回答" && scr | grep -qF "Item 2: Current status"
say $? "full disk, ui: the text stays in the editor"
rm -f "$F/fill"
tmux -S "$sock" send-keys C-x
waitfor "saved"
say $? "full disk, ui: saved once there is room"
tmux -S "$sock" send-keys q
sleep 0.5
tmux -S "$sock" kill-server 2>/dev/null
"$T" -f "$F/a.db" export --format json >"$tmp/fout" 2>"$tmp/ferr"
grep -qF '"current":"満杯のディスクに書く回答"' "$tmp/fout"
say $? "full disk, ui: the answer is in the file"
grep -qF '"status":"partial"' "$tmp/fout"
say $? "full disk: the answer saved before is still there"
[ "$(sqlite3 "$F/a.db" 'PRAGMA integrity_check')" = ok ]
say $? "full disk: the file is intact"
EOF
	unshare -rm sh "$tmp/full.sh" "$TENKEN" "$tmp/full" "$tmp" >"$tmp/full.log" 2>&1
	cat "$tmp/full.log"
	passed=$((passed + $(grep -c '^ok - ' "$tmp/full.log")))
	failed=$((failed + $(grep -c '^FAIL - ' "$tmp/full.log")))
	[ -s "$tmp/full.log" ] || bad "full disk: the checks printed nothing"
else
	skip "unshare -rm (or tmux) is not available here: a full disk is not tried"
fi

# --- 5. A new answer file made by many at once: each finds it whole, and
# every change is kept. Five rounds of 10 and five of 30.
for n in 10 10 10 10 10 30 30 30 30 30; do
	rm -f "$tmp/new.db" "$tmp/new.db-wal" "$tmp/new.db-shm"
	: >"$tmp/cerr"
	i=1
	while [ $i -le $n ]; do
		"$TENKEN" -f "$tmp/new.db" set $i --field current="同時$i" >/dev/null 2>>"$tmp/cerr" &
		i=$((i + 1))
	done
	wait
	kept=$(sqlite3 "$tmp/new.db" "SELECT count(DISTINCT new) FROM history WHERE new LIKE '同時%'" 2>&1)
	check=$(sqlite3 "$tmp/new.db" "PRAGMA integrity_check" 2>&1)
	if [ ! -s "$tmp/cerr" ] && [ "$kept" = "$n" ] && [ "$check" = ok ]; then
		ok "$n sets at once on a new file: all succeeded, $kept answers kept"
	else
		bad "$n sets at once on a new file: $kept of $n kept, integrity $check" "$tmp/cerr"
	fi
done
absent "no temporary file left" $(ls -d "$tmp"/new.db.* 2>/dev/null)

# --- 6. The file $EDITOR wrote, read back by its name: an editor that saves
# a new file and renames it over the old (emacs; vim with backupcopy=no)
# once had its answer read from the old file, and lost ("No change.").
if command -v tmux >/dev/null 2>&1; then
	mkdir -p "$tmp/edtmp"
	printf '#!/bin/sh\nprintf "改名して保存するエディタの回答\\n" >"$1.new" && mv "$1.new" "$1"\n' >"$tmp/rename-ed.sh"
	chmod +x "$tmp/rename-ed.sh"
	start env TMPDIR="$tmp/edtmp" EDITOR="$tmp/rename-ed.sh" VISUAL= "$TENKEN" -f "$tmp/ed.db"
	check "an editor that renames: started" "0/60"
	t send-keys E
	check "an editor that renames: saved" "saved"
	t send-keys q
	run "an editor that renames: the answer" 0 "$TENKEN" -f "$tmp/ed.db" export --format json
	has "an editor that renames: the answer is in the file" "$tmp/out" '"current":"改名して保存するエディタの回答"'
	absent "an editor that renames: no temporary file left" $(ls -A "$tmp/edtmp" | sed "s|^|$tmp/edtmp/|")
	t kill-server 2>/dev/null
else
	skip "tmux is not installed: reading back what \$EDITOR wrote is not tried"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
