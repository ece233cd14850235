#!/bin/sh
# A bank's overlay through the real binary (data/examples/sample-bank-2018.yaml:
# the 2018 edition with item A-1 added in section 3 after item 13, items 17
# and 18 not asked, and a column ② 説明欄): set, print, status, the CSV and
# the workbook, the review's thread carried back by import, report over
# three connectors' files (one the base's, one another edition's), diff,
# a changed overlay said item by item, and the overlay's own errors with
# file:line:column. Each check prints ok/FAIL; the last line counts them.
set -u
: "${TENKEN:=./src/tenken}"
srcdir=${srcdir:-.}
tmp=$(mktemp -d /tmp/tenken-overlay.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" \
	LC_ALL=C.UTF-8 LANGUAGE=
passed=0 failed=0
ov=$srcdir/data/examples/sample-bank-2018.yaml

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2"; }
run() { # run NAME EXPECTED-STATUS COMMAND...: output in $tmp/out, $tmp/err
	name=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else bad "$name: exit $got, expected $want" "$tmp/err"; fi
}
has() { if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no \"$3\"" "$2"; fi; }
hasnt() { if grep -qF -- "$3" "$2"; then bad "$1: \"$3\" should not be there" "$2"; else ok "$1"; fi; }

# python3-openpyxl is Debian's package: Debian's python3 finds it.
py=${PYTHON:-}
if [ -z "$py" ]; then
	if [ -x /usr/bin/python3 ]; then py=/usr/bin/python3; else py=python3; fi
fi
d=$tmp/conn
mkdir -p "$d"
a=$d/alpha.db

# ---- the firm answers the bank's checklist ----
run "set the bank's item by its number" 0 "$TENKEN" --checklist "$ov" -f "$a" set A-1 \
	--status implemented --field current='同意の記録を保存している' --field explanation='説明'
has "said by its number" "$tmp/out" "Item A-1: status set to Implemented"
run "an item the bank does not ask is refused" 1 "$TENKEN" --checklist "$ov" -f "$a" set 17 --status implemented
has "as no item of the overlay" "$tmp/err" "there is no item 17 in sample-bank-2018"
run "a range covers the published numbers" 0 "$TENKEN" --checklist "$ov" -f "$a" set 12-14 --status partial -q
# Opened again without --checklist: the answer file knows the overlay's file.
run "status without --checklist" 0 "$TENKEN" --lang en -f "$a" status
has "progress over the 43 items asked" "$tmp/out" "Total                                           4/43"
has "section 3 with A-1: 6 items" "$tmp/out" "4/6"

run "print section 3" 0 "$TENKEN" --lang ja -f "$a" print --section 3
has "A-1 in its place, after 13" "$tmp/out" "$(printf ' 13  利用者からの相談')"
if awk '/^ 13  /{s=1} s && /^A-1  /{print "ok"; exit}' "$tmp/out" | grep -q ok &&
	! awk '/^ 14  /{s=1} s && /^A-1  /{print "x"; exit}' "$tmp/out" | grep -q x; then
	ok "A-1 printed between 13 and 14"; else bad "A-1 not between 13 and 14" "$tmp/out"; fi
has "marked as the bank's" "$tmp/out" "銀行独自の項目 (オーバーレイ sample-bank-2018 が追加)"
has "the bank's column" "$tmp/out" "② 説明欄: 説明"
run "print section 4: nothing asked" 0 "$TENKEN" --lang ja -f "$a" print --section 4
hasnt "17 is not printed" "$tmp/out" "コンピュータ設備面での情報漏洩対策を実施する。"

run "the CSV" 0 "$TENKEN" -f "$a" export --format csv -o "$tmp/a.csv"
has "the bank's column in the header" "$tmp/a.csv" '"② 説明欄"'
has "A-1's row" "$tmp/a.csv" '"A-1","金融機関・API接続先の協力体制"'
hasnt "no row of 17" "$tmp/a.csv" '"17",'
# The bank's item read back from the CSV: its 課題認識 (the 7th column) filled.
run "A-1's 課題認識 filled in the CSV" 0 "$py" -c "
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
col = rows[0].index('課題認識')
for r in rows:
    if r and r[0] == 'A-1':
        r[col] = 'CSVで追記'
with open(sys.argv[2], 'w', encoding='utf-8-sig', newline='') as f:
    csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator='\r\n').writerows(rows)
" "$tmp/a.csv" "$tmp/a2.csv"
run "import the CSV" 0 "$TENKEN" -f "$a" import --yes "$tmp/a2.csv"
run "A-1's answer from the CSV" 0 "$TENKEN" -f "$a" history A-1
has "in its history" "$tmp/out" "CSVで追記"
rows=$(grep -c '^"[0-9A]' "$tmp/a.csv")
if [ "$rows" -eq 43 ]; then ok "43 rows"; else bad "$rows rows, expected 43" "$tmp/a.csv"; fi

# ---- the bank's question, the firm's reply, back in one workbook ----
run "the bank asks about A-1" 0 "$TENKEN" -f "$a" review A-1 --verdict query --comment '同意記録の保存期間を教えてください'
run "the workbook" 0 "$TENKEN" -f "$a" export --format xlsx -o "$tmp/a.xlsx"
run "A-1 is a text cell, 照会事項 holds the question" 0 "$py" -c "
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
head = [c.value for c in ws[2]]
row = [r for r in ws.iter_rows(min_row=3) if r[0].value == 'A-1'][0]
assert row[0].data_type == 's', row[0].data_type
assert row[head.index('照会事項')].value == '同意記録の保存期間を教えてください', row[head.index('照会事項')].value
assert not [r for r in ws.iter_rows(min_row=3) if r[0].value in (17, 18)]
print(row[head.index('照会事項')].coordinate)
" "$tmp/a.xlsx"
cell=$(cat "$tmp/out")
run "the firm's reply in 照会事項" 0 "$py" "$srcdir/tests/xlsx_check.py" edit "$tmp/a.xlsx" "$tmp/reply.xlsx" "$cell=5年間保存しています"
run "imported back" 0 "$TENKEN" -f "$a" import --yes "$tmp/reply.xlsx"
run "the thread" 0 "$TENKEN" --lang en -f "$a" review A-1
has "the question" "$tmp/out" "同意記録の保存期間を教えてください"
has "the reply" "$tmp/out" "5年間保存しています"
has "the verdict" "$tmp/out" "Item A-1: "

# ---- three connectors side by side ----
"$TENKEN" -c fisc-api-2018 -f "$d/beta.db" set 1 --status implemented -q
"$TENKEN" -c fisc-api-2018 -f "$d/beta.db" set 17 --status not-implemented -q
"$TENKEN" -c fisc-api-2017-trial -f "$d/gamma.db" set 1 --status implemented -q
run "report with the overlay" 3 "$TENKEN" --lang en --checklist "$ov" report "$d"
has "the base's file is read" "$tmp/out" "Files: 2 read, 1 left out"
has "another edition's left out" "$tmp/err" "left out $d/gamma.db"
has "A-1 in the matrix" "$tmp/out" " A-1 [x] [ ]"
hasnt "17 not in the matrix" "$tmp/out" "  17 [ ] [!]"

# ---- this year against last ----
cp "$a" "$tmp/last.db"
"$TENKEN" -f "$a" set A-1 --status partial -q
run "diff" 0 "$TENKEN" --lang en diff "$tmp/last.db" "$a"
has "A-1's change" "$tmp/out" "No. A-1"

# ---- the bank changes its overlay ----
mkdir -p "$tmp/ov2"
sed -e 's/^not-asked:$/  - number: A-2\n    section: 9\n    target: common\n    goal: 追加の確認\nnot-asked:\n  - number: 19\n    reason: 理由/' \
	"$ov" >"$tmp/ov2/bank.yaml"
run "a changed overlay opens the file" 0 "$TENKEN" --checklist "$tmp/ov2/bank.yaml" -f "$a" status
has "it says so" "$tmp/err" "was answered against another version of the checklist \"sample-bank-2018\""
has "the item it now asks" "$tmp/err" "items it now asks: A-2"
has "the item it no longer asks" "$tmp/err" "no longer asks (their answers are kept in the file, not shown): 19"

# ---- last year's trial-edition answers carried into the bank's checklist ----
"$TENKEN" -c fisc-api-2017-trial -f "$tmp/trial.db" set 1-30 --status implemented -q
run "migrate to the overlay" 0 "$TENKEN" migrate --from "$tmp/trial.db" --to "$ov" -o "$tmp/m.db"
has "through its base, said" "$tmp/err" "will answer fisc-api-2018, the checklist the overlay sample-bank-2018 is made from"
run "the overlay opens the result" 0 "$TENKEN" --lang en --checklist "$ov" -f "$tmp/m.db" status
has "the carried answers counted over the items asked" "$tmp/out" "Total                                          18/43"

# ---- the overlay's errors, where they are ----
line=$(grep -n '^  - number: A-1$' "$ov" | cut -d: -f1)
sed 's/^  - number: A-1$/  - number: 12/' "$ov" >"$tmp/ov2/bad.yaml"
run "a number of the base's refused" 1 "$TENKEN" --checklist "$tmp/ov2/bad.yaml" print
has "at its line and column" "$tmp/err" "bad.yaml:$line:13: item number 12 is the base checklist's item 12"
sed 's/^  sha256: b/  sha256: c/' "$ov" >"$tmp/ov2/bad.yaml"
run "another version of the base refused" 1 "$TENKEN" --checklist "$tmp/ov2/bad.yaml" print
has "saying so" "$tmp/err" "is not the version the overlay was written for"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
