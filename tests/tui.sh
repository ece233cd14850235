#!/bin/sh
# End-to-end tests of the full-screen interface on a real terminal (tmux):
# the binary as shipped, real signals, a dropped connection, resize, the
# user's own editor.
set -u
TENKEN=${TENKEN:-./src/tenken}
case $TENKEN in /*) ;; *) TENKEN=$(pwd)/$TENKEN ;; esac
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed"
	exit 77
fi
tmp=$(mktemp -d)
n=0
sock="$tmp/tmux.0.sock"
export XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" LC_ALL=C.UTF-8 LANGUAGE= TMPDIR="$tmp/tmpdir"
mkdir -p "$TMPDIR" "$tmp/config/tenken"
# These checks use the trial edition, named once in the settings file.
echo "checklist = fisc-api-2017-trial" >"$tmp/config/tenken/config"
export XDG_CONFIG_HOME="$tmp/config"
pass=0 fail=0
trap 'reap >/dev/null; rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); echo "ok: $1"; }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }

t() { tmux -S "$sock" "$@"; }
start() { # start command...: each on a server of its own, so that one
	# shutting down after its program quit cannot race with the next
	t kill-server 2>/dev/null
	# The one before has ended (it keeps its place as it goes): up to 5 s.
	i=0
	while [ -n "${last_pid:-}" ] && kill -0 "$last_pid" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	# Each check starts where a new user would, unless it is of the place
	# kept across starts (keep_place=1).
	[ -n "${keep_place:-}" ] || rm -f "$XDG_STATE_HOME/tenken/places"
	n=$((n + 1))
	sock="$tmp/tmux.$n.sock"
	t -f /dev/null new-session -d -x 80 -y 24 "$@"
	t set-option -g remain-on-exit off >/dev/null
	last_pid=$(pid_of 2>/dev/null)
	echo "$last_pid" >>"$tmp/pids"
}
# reap: ends every tmux server started here, and waits for each program they
# ran to end with its terminal; one still running 5 s later is a bug (it
# would run on for ever, its terminal gone): it is killed and counted.
reap() {
	for s in "$tmp"/tmux.*.sock; do tmux -S "$s" kill-server 2>/dev/null; done
	[ -f "$tmp/pids" ] || return 0
	for p in $(cat "$tmp/pids"); do
		i=0
		while kill -0 "$p" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		if kill -0 "$p" 2>/dev/null; then
			kill -KILL "$p" 2>/dev/null
			bad "process $p still ran 5 s after its terminal went away"
		fi
	done
	: >"$tmp/pids"
}
screen() { t capture-pane -p 2>/dev/null; }
# wait_for TEXT: waits up to $TENKEN_TUI_WAIT seconds (10 unless set; the
# mutation check sets 3, so that a check of a broken build fails fast) for
# TEXT on the screen.
wait_for() {
	i=0
	while [ $i -lt $((${TENKEN_TUI_WAIT:-10} * 10)) ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
check() { # check NAME TEXT
	if wait_for "$2"; then ok "$1"; else bad "$1: \"$2\" not on the screen:"; screen; fi
}
keys() { t send-keys "$@"; }
pid_of() { t display-message -p '#{pane_pid}'; }
answers() { "$TENKEN" export --format json; }

# --- The first screen.
start "$TENKEN"
check "first screen: title" "API Connection Checklist (Trial Edition)"
check "first screen: progress" "0/60"
check "first screen: an item" "Make clear who is responsible for security management"

# --- Status and an answer typed in Japanese, saved at once.
keys s 3
check "status set from the menu" "1/60"
keys e
check "editor opens" "Ctrl-X"
keys -l "責任者を任命済み"
keys C-x
check "answer saved" "saved"
if answers | grep -q '"current":"責任者を任命済み"'; then ok "the answer is in the file"; else bad "the answer is not in the file"; fi
keys q
sleep 0.3

# --- A dropped connection (the terminal goes away: SIGHUP) while typing.
start "$TENKEN"
check "restart" "1/60"
keys j e
check "editor on item 2" "Ctrl-X"
keys -l "回線が切れる前の文"
check "typed before the hang-up" "回線が切れる前の文"
t kill-server
sleep 0.5
start env TZ=JST-9 "$TENKEN"
check "draft offered after a hang-up" "A draft is waiting"
check "draft: kept when, in local time" " JST"
if screen | grep -q "UTC\|[0-9]T[0-9]"; then bad "draft: a UTC time shown"; screen; else ok "draft: no UTC time shown"; fi
check "draft text shown" "回線が切れる前の文"
keys t
check "draft taken into the editor" "回線が切れる前の文"
keys C-x
check "draft saved" "saved"
if answers | grep -q '"current":"回線が切れる前の文"'; then ok "the recovered draft is in the file"; else bad "the recovered draft is not in the file"; fi

# --- SIGTERM while typing.
keys j j e
keys -l "終了前の文"
check "typed before SIGTERM" "終了前の文"
kill -TERM "$(pid_of)"
sleep 0.5
start "$TENKEN"
check "draft recovered after SIGTERM" "終了前の文"
keys d
check "draft dropped" "dropped"
keys q

# --- Read-only review says so and changes nothing.
start "$TENKEN" -R --section 3
check "read-only in the header" "[read-only]"
check "--section opens at section 3" "Cooperation framework between banks and API"
keys s
check "read-only refuses a status" "read-only (-R)"
keys q

# --- --item opens the item.
start "$TENKEN" --item 29
check "--item opens item 29" "Item 29"
keys q

# --- Resize redraws; too small says so.
start "$TENKEN"
check "before resize: goals wrap at 80 columns" "Make employees aware of information"
t resize-window -x 120 -y 30
check "resize to 120x30: the goal on one row" "Make employees aware of information management methods and raise their security ethics"
t resize-window -x 30 -y 8
check "too small says so" "too small"
t resize-window -x 80 -y 24
check "back to 80x24" "Make clear who is responsible"
keys q

# --- --lang ja: the interface in Japanese on a C.UTF-8 locale.
start env LANG=C.UTF-8 "$TENKEN" --lang ja
check "--lang ja: Japanese footer" "Enter:開く"
keys Enter
check "--lang ja: Japanese labels in an item" "セキュリティ対応目標"
check "--lang ja: the checklist in Japanese" "セキュリティ管理責任の所在と対象範囲を明確にする"
keys L
check "L: the checklist text in English" "Make clear who is responsible for security management"
keys q

# --- vt100 without colours, and NO_COLOR.
start env TERM=vt100 "$TENKEN"
check "TERM=vt100" "API Connection Checklist (Trial Edition)"
keys q
start env NO_COLOR=1 "$TENKEN"
check "NO_COLOR" "API Connection Checklist (Trial Edition)"
keys q

# --- Search in the 2018 edition, in Japanese: it finds the words of the
# review notes an item shows, and highlights them in reverse video.
start "$TENKEN" -R -c fisc-api-2018 --lang ja
check "2018: first screen" "0/44"
keys / 暗号 Enter
check "search: an item with the word in a review note" "/暗号: "
keys Enter n
check "search: n goes to the first match in the item" "通番 2 の 2 件中 1 件目"
if t capture-pane -p -e | grep -qF "$(printf '\033[7m暗号')"; then
	ok "search: the match in reverse video"
else bad "search: the match not in reverse video"; t capture-pane -p -e; fi
keys n n
check "search: n goes on to the next item" "項目中 2 項目目)"
keys q

# --- $EDITOR: a private temporary file, removed afterwards.
cat >"$tmp/ed.sh" <<'EOF'
#!/bin/sh
stat -c %a "$1" >"$TMPDIR/../mode"
printf '外部エディタで書いた回答\n二行目\n' >"$1"
EOF
chmod +x "$tmp/ed.sh"
start env EDITOR="$tmp/ed.sh" VISUAL= "$TENKEN"
check "start for E" "1/60"
keys j j j E
check "external edit saved" "saved"
if [ "$(cat "$tmp/mode" 2>/dev/null)" = 600 ]; then ok "temporary file is 0600"; else bad "temporary file mode: $(cat "$tmp/mode" 2>/dev/null)"; fi
if [ -z "$(ls -A "$TMPDIR")" ]; then ok "temporary file removed"; else bad "left behind: $(ls "$TMPDIR")"; fi
if answers | grep -q '"current":"外部エディタで書いた回答\\n二行目"'; then ok "external text in the file"; else bad "external text not in the file"; fi
keys q

# --- A session killed outright (SIGKILL: no handler runs) keeps what was
# typed before the last idle pause: the draft is written after 1.5 s idle.
start "$TENKEN"
check "start for kill -9" "API Connection Checklist"
keys 5 e
check "editor for kill -9" "Ctrl-X"
keys -l "強制終了前に入力"
check "typed before SIGKILL" "強制終了前に入力"
sleep 2.5
kill -KILL "$(pid_of)"
sleep 0.3
start "$TENKEN"
check "draft recovered after SIGKILL" "強制終了前に入力"
keys d
keys q

# --- A failing editor is named, with the variable that chose it.
start env EDITOR=false VISUAL= "$TENKEN"
check "start for a failing EDITOR" "API Connection Checklist"
keys 6 E
check "a failing EDITOR is named" 'The editor "false" (from $EDITOR) failed with status 1'
keys q
start env VISUAL=no-such-editor-tk EDITOR=false "$TENKEN"
check "start for a missing VISUAL" "API Connection Checklist"
keys 6 E
check "a missing VISUAL is named" 'The editor "no-such-editor-tk" (from $VISUAL) could not be run'
keys q

# --- A control character written in $EDITOR is not saved as it is: the
# text goes into tenken's editor with the control removed, for checking.
cat >"$tmp/ed-del.sh" <<'EOF'
#!/bin/sh
printf 'ab\177cd\n' >"$1"
EOF
chmod +x "$tmp/ed-del.sh"
start env EDITOR="$tmp/ed-del.sh" VISUAL= "$TENKEN"
check "start for E with DEL" "API Connection Checklist"
keys 6 E
check "DEL from the editor: said so" "control characters"
keys C-x
check "DEL from the editor: saved once checked" "saved"
if answers | grep -q '"current":"abcd"'; then ok "DEL from the editor: removed"; else bad "DEL from the editor: not removed"; fi
keys q

# --- Two sessions on one answer file: an idle session shows a change a
# script made (within the second it looks), with who made it; a save over
# an answer changed meanwhile shows both texts and overwrites nothing
# without being told.
rm -f "$XDG_DATA_HOME/tenken/fisc-api-2017-trial.db"*
start "$TENKEN"
check "two sessions: the first" "0/60"
"$TENKEN" set 3 --status not-applicable >/dev/null 2>&1
check "two sessions: the other's status shows unasked" "  3 [-] "
check "two sessions: who changed it" "changed by"
keys e
check "two sessions: editing item 1" "Ctrl-X"
keys -l "一人目の回答"
"$TENKEN" set 1 --field current=二人目の回答 >/dev/null 2>&1
sleep 1.5
keys C-x
check "two sessions: told the answer changed meanwhile" "Theirs, in the file now:"
check "two sessions: theirs shown" "二人目の回答"
check "two sessions: yours shown" "一人目の回答"
if answers | grep -q '"current":"二人目の回答"'; then ok "two sessions: nothing overwritten yet"; else bad "two sessions: overwritten before asked"; fi
keys m
check "two sessions: yours saved when asked" "saved"
if answers | grep -q '"current":"一人目の回答"'; then ok "two sessions: yours in the file"; else bad "two sessions: yours not in the file"; fi
if [ "$(sqlite3 "$XDG_DATA_HOME/tenken/fisc-api-2017-trial.db" "SELECT old FROM history WHERE item = 1 AND field = 'current' ORDER BY id DESC LIMIT 1")" = 二人目の回答 ]; then
	ok "two sessions: the history says what was replaced"
else bad "two sessions: the history's old value is wrong"; fi
keys q

# --- The place is kept: tenken reopens on the item left open; --item wins.
start "$TENKEN"
check "place: first start" "Outsourcing management"
keys j j j Enter
check "place: item 4 open" "Item 4"
keys q
keep_place=1
start "$TENKEN"
check "place: reopened on item 4" "Item 4"
keys q
start "$TENKEN" --item 7
check "place: --item goes where it says" "Item 7"
keys Escape
check "place: back in the list" "Enter:open"
keys q
start "$TENKEN"
check "place: the list on item 7" ">  7 ["
keys q
keep_place=
if [ -s "$XDG_STATE_HOME/tenken/places" ]; then ok "place: kept under XDG_STATE_HOME"; else bad "place: no file under XDG_STATE_HOME"; fi

# --- 60x20 in Japanese: the footer keeps q:終了; the path is shortened.
t kill-server 2>/dev/null
rm -f "$XDG_STATE_HOME/tenken/places"
n=$((n + 1))
sock="$tmp/tmux.$n.sock"
t -f /dev/null new-session -d -x 60 -y 20 "$TENKEN" --lang ja
pid_of >>"$tmp/pids" 2>/dev/null
check "60x20 ja: the footer keeps q:終了" "q:終了"
check "60x20 ja: the path shortened with …" "…"
keys m m
check "60x20 ja: two marked" "2 件選択"
keys s 5
check "60x20 ja: both set at once" "2 件: 対象外"
keys U
check "60x20 ja: undone whole" "元に戻しました: 直前の 2 件の変更"
keys H
check "60x20 ja: the history of the item" "変更履歴"
keys q q

# --- The review in the item view: the verdict and the latest comment, after
# the answers, and found by search.
"$TENKEN" review 4 --verdict finding --comment 'The access log is not kept' >/dev/null
"$TENKEN" review 4 --comment 'Kept for a year from April' >/dev/null
start "$TENKEN" --item 4
check "review: the verdict in the item" "Review verdict"
check "review: the verdict's name" "指摘あり (Finding)"
check "review: the latest comment" "Kept for a year from April"
keys q
# (A state of its own: the run before left item 4 open, and its place
# would open it again.)
start env XDG_STATE_HOME="$tmp/state-search" "$TENKEN"
keys / "from April" Enter
check "review: search finds the latest comment" "/from April: match 1 of 1"
keys q q
# The reviewer in the interface: v and a number set the verdict, c a
# comment on the footer line; both in the file, the thread growing.
start "$TENKEN" --item 6
check "review: item 6 open" "Item 6"
keys v
check "review: the verdict menu" "Review verdict of item 6"
keys 3
check "review: the verdict saved" "Item 6: verdict 要確認 (Query) (saved)"
keys c
keys -l "Who approves the change?"
check "review: the comment typed on the footer" "Comment on item 6: Who approves the change?"
keys Enter
check "review: the comment added" "Item 6: comment added to the review (saved)"
check "review: the comment in the item" "Who approves the change?"
keys q q
if "$TENKEN" review 6 | grep -q "Who approves the change?"; then ok "review: the comment in the file"; else bad "review: the comment not in the file"; fi

# --- tenken DIR: the files view. Two answer files of the 2018 edition, one
# of the trial edition (the settings' checklist) and a copy whose name holds
# an escape; Enter opens a, a status set there shows in a's row back in the
# files view, q there quits.
dir="$tmp/connectors"
mkdir -p "$dir"
"$TENKEN" -c fisc-api-2018 -f "$dir/a.db" set 1 --status implemented >/dev/null
"$TENKEN" -c fisc-api-2018 -f "$dir/a.db" set 2 --status not-implemented >/dev/null
"$TENKEN" -c fisc-api-2018 -f "$dir/a.db" review 2 --verdict query >/dev/null
"$TENKEN" -c fisc-api-2018 -f "$dir/b.db" set 3 --status partial >/dev/null
"$TENKEN" -f "$dir/trial.db" set 1 --status implemented >/dev/null
cp "$dir/b.db" "$dir/$(printf 'x\033[2Jy').db"
start "$TENKEN" "$dir"
check "files: the title" "4 answer files"
check "files: the headings" "Connector   Answered  Not impl.  Query  Finding  Checklist"
check "files: a's progress, 未対応 and query" " a               2/44          1      1        0  fisc-api-2018"
check "files: b's progress" " b               1/44          0      0        0  fisc-api-2018"
check "files: the other edition's file and why" ' trial      it answers the checklist "fisc-api-2017-trial", not "fisc-api-2018"'
check "files: an escape in a name shown visibly" " x^[[2Jy"
check "files: the footer names the help" "Enter opens the file  ? help  q quits"
keys '?'
check "files: ? shows the files view's keys" "   Enter  l  Right   open the answer file in the interface; q there comes back"
check "files: the help has the moving keys" "   j  Down           next line or item"
check "files: the help says what * marks" "   *                 answered against another version of the checklist: items"
if screen | grep -qF "edit the answer"; then bad "files: the help lists keys the files view does not have"; screen; else ok "files: only the files view's keys"; fi
keys Escape
check "files: Esc closes the help" "Connector   Answered  Not impl.  Query  Finding  Checklist"
keys j j Enter
check "files: the odd file is not opened" "Cannot open it: it answers the checklist"
keys g Enter
check "files: Enter opens a in the interface" "October 2018 Edition"
check "files: a's path in the header" "connectors/a.db"
keys j s 2
check "files: a status set in a" "Item 2: Implemented (saved)"
keys q
check "files: back, a's row updated" " a               2/44          0      1        0  fisc-api-2018"
keys q
i=0
while t has-session 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if ! t has-session 2>/dev/null; then ok "files: q quits"; else bad "files: q did not quit"; fi
start "$TENKEN" --lang ja ui --dir "$dir"
t resize-window -x 60 -y 20
check "files: 60x20 in Japanese" "回答済  未対応  要確認  指摘あり  チェックリス…"
check "files: 60x20, a row whole" " x^[[2Jy       1/44       0       0         0  fisc-api-2018"
check "files: Japanese footer" "Enter: ファイルを開く  ?: ヘルプ  q: 終了"
keys '?'
check "files: the help in Japanese" "   Enter  l  Right   回答ファイルを操作画面で開く"
check "files: the help's title in Japanese" "ファイル一覧のキー"
keys q
check "files: q closes the help" "回答済  未対応  要確認  指摘あり"
keys q
# A file that keeps a connector's name (tenken name): the name in the
# Connector column, the file's name in a column of its own.
"$TENKEN" -f "$dir/b.db" name "株式会社サンプルペイ" >/dev/null
start "$TENKEN" --lang en "$dir"
check "files: the File column when a file keeps a name" " Connector             File      Answered  Not impl."
check "files: the connector's name and its file" " 株式会社サンプルペイ  b             1/44"
check "files: a file without a name keeps its file's" " a                     a             2/44"
keys q
"$TENKEN" -f "$dir/b.db" name "" >/dev/null
# The terminal going away in the files view, after a file was opened and
# closed: tenken ends (reap below checks that every tenken did).
start "$TENKEN" "$dir"
keys Enter
check "files: a opened again" "October 2018 Edition"
keys q
check "files: back in the files view" "4 answer files"
t kill-server
if "$TENKEN" ui --dir "$dir" -f "$dir/a.db" 2>&1 | grep -q "does not go with -f"; then ok "files: --dir with -f refused"; else bad "files: --dir with -f not refused"; fi
# --- This year against last year: --compare shows last year's answer
# dimmed under this year's column, C copies it, and the history has it.
"$TENKEN" -f "$tmp/old.db" set -q 3 --status implemented --field current="昨年の回答" >/dev/null
"$TENKEN" -f "$tmp/old.db" set -q 4 --status partial >/dev/null
start "$TENKEN" -f "$tmp/this.db" --compare "$tmp/old.db" --item 3
check "compare: last year's answer under the column" "Last time: 昨年の回答"
check "compare: last year's status under the status" "Last time: Implemented"
if t capture-pane -p -e | grep -F "Last time:" | grep -F "昨年の回答" | grep -qE "$(printf '\033')\[(0;)?2m"; then
	ok "compare: last year's answer dimmed"
else bad "compare: last year's answer not dimmed"; t capture-pane -p -e; fi
keys j j j j C
check "compare: C copies it" "copied from last time (saved)"
keys q q
if "$TENKEN" -f "$tmp/this.db" history 3 | grep -q "after:  昨年の回答"; then
	ok "compare: the copy in the history"
else bad "compare: the copy not in the history"; "$TENKEN" -f "$tmp/this.db" history 3; fi
if [ -z "$(ls "$tmp" | grep 'old.db-')" ]; then ok "compare: nothing made beside last year's file"; else bad "compare: left beside old.db: $(ls "$tmp")"; fi
if "$TENKEN" -f "$tmp/this.db" ui --compare "$tmp/none.db" 2>"$tmp/err" </dev/null; then
	bad "compare: a missing file accepted"
elif grep -qF "$tmp/none.db" "$tmp/err"; then ok "compare: a missing file refused with its path"
else bad "compare: the refusal does not name the file: $(cat "$tmp/err")"; fi
"$TENKEN" -c fisc-api-2018 -f "$tmp/2018.db" set -q 1 --status implemented >/dev/null
if "$TENKEN" -f "$tmp/this.db" ui --compare "$tmp/2018.db" 2>"$tmp/err" </dev/null; then
	bad "compare: another checklist's file accepted"
elif grep -q 'fisc-api-2018.*fisc-api-2017-trial.*same checklist' "$tmp/err"; then ok "compare: another checklist refused, both named"
else bad "compare: the refusal does not name both checklists: $(cat "$tmp/err")"; fi

# --- A bank's overlay: its item in its place, the items it does not ask on D.
ov=$srcdir/data/examples/sample-bank-2018.yaml
start "$TENKEN" --checklist "$ov" -f "$tmp/bank.db"
keys 3
check "overlay: the bank's item by its number" "A-1 [ ] (Example) Use the account information"
if screen | grep -A3 -F " 13 [ ]" | grep -qF "A-1 [ ]"; then ok "overlay: A-1 after item 13"
else bad "overlay: A-1 not after item 13"; screen; fi
if screen | grep -qF "Take measures against information leakage through computer"; then
	bad "overlay: an item not asked is shown before D"; screen
else ok "overlay: the items not asked are hidden"; fi
keys D 4
check "overlay: D shows item 17 with its reason" "Reason: (Example) The connector runs only on a cloud"
check "overlay: marked as not asked" " 17 --- Take measures against information leakage"
keys D
check "overlay: D again hides them" "Hiding the 2 items the overlay does not ask"
keys q
# The bank changed its overlay: said on the message line, not only on
# the terminal the interface then covers.
sed 's/^not-asked:$/  - number: A-2\n    section: 9\n    target: common\n    goal: 追加\nnot-asked:/' "$ov" >"$tmp/ov2.yaml"
start "$TENKEN" --checklist "$tmp/ov2.yaml" -f "$tmp/bank.db"
check "overlay: a changed overlay said in the interface" "The checklist changed since this file was made"
keys q
# A folder of connectors' files answered with the overlay: the files view
# finds the overlay each file was made with.
mkdir -p "$tmp/bankdir"
"$TENKEN" --checklist "$ov" -f "$tmp/bankdir/alpha.db" set -q A-1 --status implemented >/dev/null
start "$TENKEN" "$tmp/bankdir"
check "overlay: the files view with the overlay's checklist" "sample-bank-2018"
check "overlay: the file's progress over the items asked" "1/43"
keys q

before=$fail
reap
[ "$fail" -ne "$before" ] || ok "every tenken started here ended with its terminal"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
