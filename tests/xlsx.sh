#!/bin/sh
# export --format xlsx, end to end: the real binary writes workbooks of the
# bundled 2018 checklist and the trial edition, with answers set by
# `tenken set`, and tests/xlsx_check.py reads them with openpyxl against the
# JSON export of the same answers. Where LibreOffice is installed, the
# workbooks are also saved again by Calc (soffice --convert-to xlsx) and
# read back: what an import sees after a bank saves the workbook in Calc.
# Each check prints ok/FAIL; the last line counts them.
set -u
: "${TENKEN:=./src/tenken}"
srcdir=${srcdir:-.}
tmp=$(mktemp -d /tmp/tenken-xlsx.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg" XDG_CONFIG_HOME="$tmp/config" LC_ALL=C.UTF-8 LANGUAGE= TZ=UTC
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2"; }

# run NAME EXPECTED-STATUS COMMAND...: runs COMMAND, output in $tmp/out, $tmp/err.
run() {
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else bad "$name: exit $got, expected $want" "$tmp/err"; fi
}

has() { # has NAME FILE TEXT: FILE contains TEXT
	if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no \"$3\" in output" "$2"; fi
}

# python3-openpyxl is Debian's package: it is found by Debian's python3,
# which another python3 earlier on PATH may hide. Without it the workbook
# cannot be checked, and that is a failure, not a skip.
py=${PYTHON:-}
if [ -z "$py" ]; then
	if [ -x /usr/bin/python3 ]; then py=/usr/bin/python3; else py=python3; fi
fi
if ! "$py" -c 'import openpyxl' 2>"$tmp/err"; then
	bad "openpyxl: python3-openpyxl is not installed (apt-get install python3-openpyxl)" "$tmp/err"
	echo "$passed passed, $failed failed"
	exit 1
fi
version=$("$TENKEN" --version | sed -n '1s/^tenken //p')

# check NAME WORKBOOK ARGS...: xlsx_check.py's checks, counted here.
check() {
	name=$1
	shift
	"$py" "$srcdir/tests/xlsx_check.py" "$@" --version "$version" >"$tmp/check" 2>&1
	sed "s/^\(ok\|FAIL\) - /\1 - $name: /" "$tmp/check"
	passed=$((passed + $(grep -c '^ok - ' "$tmp/check")))
	failed=$((failed + $(grep -c '^FAIL - ' "$tmp/check")))
	if ! grep -q '^ok - ' "$tmp/check" || grep -q '^Traceback' "$tmp/check"; then
		failed=$((failed + 1))
		echo "FAIL - $name: xlsx_check.py did not run through"
	fi
}

# The 2018 checklist, the default: texts a spreadsheet would take for
# formulas, a line break and a tab, every status, the first and last item.
db2018="$tmp/xdg/tenken/fisc-api-2018.db"
run "set 1" 0 "$TENKEN" set 1 --status implemented \
	--field current='=HYPERLINK("http://example.com","x")' --field remarks='社内規程で定める'
run "set 2" 0 "$TENKEN" set 2 --status partial --field current='+81 3 1234 5678' \
	--field issues='-1 は未対応の件数' --field plan='@SUM(A1) の形の文字列'
run "set 3" 0 "$TENKEN" set 3 --status not-implemented --field plan="$(printf '一行目\n二行目\tタブのあと')"
run "set 10" 0 "$TENKEN" set 10 --status not-applicable --field current='当社は該当サービスを提供しない'
run "set 12" 0 "$TENKEN" set 12 --status partial --field issues='- 箇条書きの一行目'
run "set 44" 0 "$TENKEN" set 44 --status implemented --field current='最後の項目'
"$TENKEN" export --format json >"$tmp/2018.json"

run "2018: export --format xlsx" 0 "$TENKEN" export --format xlsx -o "$tmp/2018.xlsx"
run "2018: the workbook is 0600" 0 sh -c "[ \"\$(stat -c %a '$tmp/2018.xlsx')\" = 600 ]"
check "2018" "$tmp/2018.xlsx" --json "$tmp/2018.json" --db "$db2018" --changed "$tmp/2018-changed.xlsx"
run "2018: export --history" 0 env TZ=JST-9 "$TENKEN" export --format xlsx --history -o "$tmp/2018-h.xlsx"
check "2018 --history" "$tmp/2018-h.xlsx" --json "$tmp/2018.json" --db "$db2018" --history
run "export --history with json: refused" 2 "$TENKEN" export --format json --history
run "2018: export --lang en" 0 "$TENKEN" export --lang en --format xlsx -o "$tmp/2018-en.xlsx"
check "2018 --lang en" "$tmp/2018-en.xlsx" --json "$tmp/2018.json" --db "$db2018" --lang en

# The trial edition: 手法例 after 対象者, and its own answer columns.
trial="$tmp/trial.db"
run "trial: set 7" 0 "$TENKEN" -c fisc-api-2017-trial -f "$trial" set 7 --status implemented \
	--field current='データは解約後30日で消去する' --field plan='=1+1 は数式ではない' \
	--field remarks='年次で見直す'
run "trial: set 1" 0 "$TENKEN" -c fisc-api-2017-trial -f "$trial" set 1 --status partial
run "trial: set 60" 0 "$TENKEN" -f "$trial" set 60 --status not-applicable
"$TENKEN" -f "$trial" export --format json >"$tmp/trial.json"
run "trial: export --format xlsx" 0 "$TENKEN" -f "$trial" export --format xlsx -o "$tmp/trial.xlsx"
check "trial" "$tmp/trial.xlsx" --json "$tmp/trial.json" --db "$trial"
run "trial: export --lang en" 0 "$TENKEN" -f "$trial" export --lang en --format xlsx -o "$tmp/trial-en.xlsx"
check "trial --lang en" "$tmp/trial-en.xlsx" --json "$tmp/trial.json" --db "$trial" --lang en

# No answer file yet: every item unanswered, no times, and no file made.
run "no answer file: export refused" 1 "$TENKEN" -c fisc-api-2017-trial -f "$tmp/none.db" \
	export --format xlsx -o "$tmp/none.xlsx"
run "no answer file: no workbook" 0 test ! -e "$tmp/none.xlsx"
run "a blank form: export --blank" 0 "$TENKEN" -c fisc-api-2017-trial \
	export --blank --format xlsx -o "$tmp/none.xlsx"
"$TENKEN" -c fisc-api-2017-trial export --blank --format json >"$tmp/none.json"
check "no answer file" "$tmp/none.xlsx" --json "$tmp/none.json"
run "no answer file: none made" 0 test ! -e "$tmp/none.db"

# A workbook goes to a file: not to standard output.
run "xlsx without -o: refused" 2 "$TENKEN" export --format xlsx
has "xlsx without -o: the message asks for -o FILE" "$tmp/err" "-o FILE"
run "xlsx without -o: nothing written" 0 test ! -s "$tmp/out"
run "xlsx with -o -: refused" 2 "$TENKEN" export --format xlsx -o -
has "xlsx with -o -: the message names xlsx" "$tmp/err" "--format xlsx"
run "xlsx into a missing directory: fails" 1 "$TENKEN" export --format xlsx -o "$tmp/no/such/dir.xlsx"
has "xlsx into a missing directory: names the file" "$tmp/err" "$tmp/no/such/dir.xlsx"

# An existing file is replaced whole, 0600, and synced before the rename.
printf 'old\n' >"$tmp/old.xlsx"
chmod 644 "$tmp/old.xlsx"
run "xlsx replaces a file" 0 "$TENKEN" export --format xlsx -o "$tmp/old.xlsx"
run "the replaced file is 0600" 0 sh -c "[ \"\$(stat -c %a '$tmp/old.xlsx')\" = 600 ]"
run "the replaced file is a workbook" 0 "$py" -c "import openpyxl; openpyxl.load_workbook('$tmp/old.xlsx')"
run "no temporary file is left" 0 sh -c "! ls '$tmp'/*.xlsx.* 2>/dev/null | grep -q ."
strace -f -y -e trace=fsync,fdatasync,rename -o "$tmp/trace" \
	"$TENKEN" export --format xlsx -o "$tmp/sync.xlsx" >/dev/null 2>&1
if awk '/fsync\([0-9]*<[^>]*sync\.xlsx\.[A-Za-z0-9]*>\)/ { synced = 1 }
	/rename\(.*"[^"]*sync\.xlsx"\)/ { exit !synced } END { exit !synced }' "$tmp/trace"; then
	ok "xlsx: the file is synced before it is renamed into place"
else bad "xlsx: the file is synced before it is renamed into place" "$tmp/trace"; fi

# tenken import reads the workbook back: unchanged, it changes nothing; a
# bank's edits (cells rewritten, the metadata kept, as Excel keeps it) are
# changes; an item changed here since the export and there too is a
# conflict, by the times the workbook records; another checklist's
# workbook is refused, by the id it records.
edit() { "$py" "$srcdir/tests/xlsx_check.py" edit "$@"; }
imp="$tmp/import.db" # a copy: the checks of the workbook saved by Calc need the original
sqlite3 "$db2018" ".backup '$imp'"
run "import: the exported workbook" 0 "$TENKEN" -f "$imp" import --dry-run "$tmp/2018.xlsx"
has "import: the exported workbook changes nothing" "$tmp/out" "Nothing to import"
run "import: the exported workbook, --lang en" 0 "$TENKEN" -f "$imp" import --dry-run "$tmp/2018-en.xlsx"
has "import: --lang en changes nothing" "$tmp/out" "Nothing to import"
run "import: the trial's workbook" 0 "$TENKEN" -f "$trial" import --dry-run "$tmp/trial.xlsx"
has "import: the trial's workbook changes nothing" "$tmp/out" "Nothing to import"
edit "$tmp/2018.xlsx" "$tmp/bank.xlsx" K5=対象外 G5='銀行が記入した計画' E12='銀行が書き換えた回答'
run "import: a bank's edits" 0 "$TENKEN" -f "$imp" import --dry-run "$tmp/bank.xlsx"
has "import: the bank's status" "$tmp/out" "cell K5"
has "import: the bank's plan" "$tmp/out" "+ 銀行が記入した計画"
has "import: the bank's answer" "$tmp/out" "+ 銀行が書き換えた回答"
run "set 10 here after the export" 0 "$TENKEN" -f "$imp" set 10 --field current='ここで書き換えた回答'
run "import: a conflict" 0 "$TENKEN" -f "$imp" import --dry-run "$tmp/bank.xlsx"
has "import: item 10 is a conflict" "$tmp/out" "Conflicts:"
has "import: the conflict shows both" "$tmp/out" "here:     ここで書き換えた回答"
run "import: the bank's edits applied" 0 "$TENKEN" -f "$imp" import --yes "$tmp/bank.xlsx"
"$TENKEN" -f "$imp" export --format json >"$tmp/after.json"
run "import: item 3 as the bank left it" 0 "$py" -c "
import json, sys
items = {it['number']: it['answer'] for it in json.load(open('$tmp/after.json'))['items']}
want = ({'status': 'not-applicable', 'plan': '銀行が記入した計画'}, 'ここで書き換えた回答')
got = ({k: items[3][k] for k in ('status', 'plan')}, items[10]['current'])
if got != want:
    sys.exit(repr(got))"
run "import: another checklist's workbook" 1 "$TENKEN" -f "$imp" import --dry-run "$tmp/trial.xlsx"
has "import: refused by the checklist it records" "$tmp/err" "fisc-api-2017-trial"

# What the issue asks of the exchange, as the bank does it: it opens the
# workbook, changes one status and writes a question in 備考, saves; the
# firm imports it and sees exactly those two changes before they apply.
fresh="$tmp/fresh.db"
sqlite3 "$db2018" ".backup '$fresh'"
run "the firm exports" 0 "$TENKEN" -f "$fresh" export --format xlsx -o "$tmp/to-bank.xlsx"
edit "$tmp/to-bank.xlsx" "$tmp/from-bank.xlsx" K6=一部対応 J6='質問: 監査の頻度を教えてください'
run "the firm sees what the bank changed" 0 "$TENKEN" -f "$fresh" import --dry-run "$tmp/from-bank.xlsx"
has "exactly two changes" "$tmp/out" "2 changes would be applied"
has "the bank's status" "$tmp/out" "+ 一部対応"
has "the bank's question" "$tmp/out" "+ 質問: 監査の頻度を教えてください"
run "and applies them" 0 "$TENKEN" -f "$fresh" import --yes "$tmp/from-bank.xlsx"
run "applied, nothing left to import" 0 "$TENKEN" -f "$fresh" import --dry-run "$tmp/from-bank.xlsx"
has "a second import changes nothing" "$tmp/out" "Nothing to import"

# The review loop in one workbook: the bank picks 要確認 in 確認結果 and
# asks in 照会事項; the firm imports both, replies, and exports; the bank's
# copy of the answer file takes the reply back, and both files hold the
# whole thread.
"$TENKEN" -f "$fresh" export --format xlsx -o "$tmp/to-bank2.xlsx"
edit "$tmp/to-bank2.xlsx" "$tmp/query.xlsx" L6=要確認 M6='鍵の管理手順を提出してください'
run "review: the bank's verdict and question" 0 "$TENKEN" -f "$fresh" import --yes "$tmp/query.xlsx"
has "review: two changes imported" "$tmp/out" "2 changes imported"
"$TENKEN" -f "$fresh" review 4 --comment '手順書を添付します' >/dev/null
run "review: the firm's reply exported" 0 "$TENKEN" -f "$fresh" export --format xlsx -o "$tmp/reply.xlsx"
run "review: the reply in 照会事項, the verdict in 確認結果" 0 "$py" -c "
import openpyxl
ws = openpyxl.load_workbook('$tmp/reply.xlsx')['チェックリスト']
assert (ws['L2'].value, ws['M2'].value) == ('確認結果', '照会事項'), (ws['L2'].value, ws['M2'].value)
assert ws['L6'].value == '要確認', ws['L6'].value
assert ws['M6'].value == '手順書を添付します', ws['M6'].value
"
bank="$tmp/bank-side.db"
sqlite3 "$db2018" ".backup '$bank'"
"$TENKEN" -f "$bank" review 4 --verdict query --comment '鍵の管理手順を提出してください' >/dev/null
run "review: the bank imports the reply" 0 "$TENKEN" -f "$bank" import --yes "$tmp/reply.xlsx"
run "review: the bank's thread" 0 "$TENKEN" -f "$bank" review 4
has "review: the question" "$tmp/out" "鍵の管理手順を提出してください"
has "review: the reply, from the workbook" "$tmp/out" "手順書を添付します"
has "review: the reply names the workbook" "$tmp/out" "[import reply.xlsx]"

# Hostile workbooks: each refused with the place named, fast, and the
# answer file byte-identical afterwards.
mkdir -p "$tmp/hostile"
"$py" "$srcdir/tests/xlsx_fixtures.py" "$tmp/hostile" >/dev/null 2>&1
cp "$fresh" "$tmp/fresh.before"
for f in notzip encrypted noworkbook bomb lying rows entities bigcell malformed spread; do
	run "hostile $f.xlsx refused" 1 "$TENKEN" -f "$fresh" import --yes "$tmp/hostile/$f.xlsx"
	has "hostile $f.xlsx: the file named" "$tmp/err" "$f.xlsx"
	run "hostile $f.xlsx: the answer file untouched" 0 cmp "$fresh" "$tmp/fresh.before"
done

# An answer written by another program with hidden characters in it goes
# into the workbook with each shown visibly, as print shows it, none raw.
odd="$tmp/odd.db"
"$TENKEN" -f "$odd" set 1 --status partial >/dev/null 2>&1
sqlite3 "$odd" "INSERT OR REPLACE INTO answer (item, field, text, time, user) VALUES (13, 'current', 'a' || char(27) || '[2J' || char(155) || char(8238) || 'cba' || char(8203) || 'z', '2026-01-01T00:00:00Z', 'other')"
run "hidden characters: export" 0 "$TENKEN" -f "$odd" export --format xlsx -o "$tmp/odd.xlsx"
run "hidden characters: each shown visibly" 0 "$py" -c "
import openpyxl, sys
got = openpyxl.load_workbook('$tmp/odd.xlsx')['チェックリスト']['E15'].value
if got != 'a^[[2J<U+009B><U+202E>cba<U+200B>z':
    sys.exit(repr(got))"

# An answer longer than a cell holds (32,767 UTF-16 code units): the export
# fails, naming the item and the column, and leaves no file.
long=$("$py" -c 'print("あ" * 32767, end="")')
run "a full cell: set" 0 "$TENKEN" -f "$odd" set 20 --field plan="$long"
run "a full cell: exported" 0 "$TENKEN" -f "$odd" export --format xlsx -o "$tmp/full.xlsx"
run "too long for a cell: set" 0 "$TENKEN" -f "$odd" set 20 --field plan="$("$py" -c 'print("あ" * 32766 + "\U0001F600", end="")')"
run "too long for a cell: refused" 1 "$TENKEN" -f "$odd" export --format xlsx -o "$tmp/long.xlsx"
has "too long for a cell: the item and the column named" "$tmp/err" "item 20: the text of 課題への対応計画 is longer"
run "too long for a cell: no file left" 0 sh -c "! ls '$tmp'/long.xlsx* 2>/dev/null | grep -q ."

# Saved again by LibreOffice Calc: the metadata, the answers, the drop-down,
# the print set-up and the formulas are still there, and Calc's
# recalculation of a changed status gives the counts.
if command -v soffice >/dev/null 2>&1; then
	calc() { # calc FILE: saves FILE again with Calc, into $tmp/calc/
		timeout 300 soffice -env:UserInstallation="file://$tmp/lo" --headless \
			--convert-to xlsx --outdir "$tmp/calc" "$1" >"$tmp/soffice" 2>&1
		if [ -s "$tmp/calc/${1##*/}" ]; then ok "Calc saves ${1##*/}"; else bad "Calc saves ${1##*/}" "$tmp/soffice"; fi
	}
	calc "$tmp/2018.xlsx"
	check "2018 saved by Calc" "$tmp/calc/2018.xlsx" --json "$tmp/2018.json" --db "$db2018" --saved-by-calc
	calc "$tmp/trial-en.xlsx"
	check "trial --lang en saved by Calc" "$tmp/calc/trial-en.xlsx" --json "$tmp/trial.json" \
		--db "$trial" --lang en --saved-by-calc
	calc "$tmp/2018-changed.xlsx"
	check "2018, a status changed" "$tmp/calc/2018-changed.xlsx" --json "$tmp/2018.json" --counts-only
	# What Calc saved reads back: the trial's, unchanged, changes nothing; a
	# bank's edits saved by Calc are a change (item 1), a conflict where
	# tenken changed the item after the export (item 7: the times
	# survived), refused for the wrong checklist (the id survived).
	run "import what Calc saved" 0 "$TENKEN" -f "$trial" import --dry-run "$tmp/calc/trial-en.xlsx"
	has "import what Calc saved: nothing changes" "$tmp/out" "Nothing to import"
	edit "$tmp/trial.xlsx" "$tmp/trial-bank.xlsx" K3=未対応 F9='銀行の回答'
	calc "$tmp/trial-bank.xlsx"
	run "trial: set 7 after the export" 0 "$TENKEN" -f "$trial" set 7 --field current='手元の回答'
	run "import a bank's edit saved by Calc" 0 "$TENKEN" -f "$trial" import --dry-run "$tmp/calc/trial-bank.xlsx"
	has "import saved by Calc: the status is a change" "$tmp/out" "+ 未対応"
	has "import saved by Calc: the answer is a conflict" "$tmp/out" "workbook: 銀行の回答"
	run "import saved by Calc: another checklist's" 1 "$TENKEN" import --dry-run "$tmp/calc/trial-bank.xlsx"
else
	echo "# soffice is not installed: the round trip through LibreOffice Calc is not checked"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
