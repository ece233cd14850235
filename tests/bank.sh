#!/bin/sh
# The bank's commands through the real binary: tenken report over many
# answer files (the matrix, the gaps, a file of another edition and an
# unreadable one named and left out; text, CSV, XLSX, HTML) and tenken diff
# of two answer files. Nothing they read is changed or has a file made
# beside it. Each check prints ok/FAIL; the last line counts them.
set -u
: "${TENKEN:=./src/tenken}"
srcdir=${srcdir:-.}
tmp=$(mktemp -d /tmp/tenken-bank.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg" XDG_CONFIG_HOME="$tmp/config" LC_ALL=C.UTF-8 LANGUAGE=
passed=0 failed=0

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
clean_terminal() { # no C0 control but \n, no DEL, no C1, no bidi or zero-width format character
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$2" ||
		grep -qP '[\x{80}-\x{9F}\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]' "$2"; then
		bad "$1: a control or bidi character reached the terminal" "$2"
	else ok "$1"; fi
}

d=$tmp/conn
mkdir -p "$d"
set2018() { "$TENKEN" -c fisc-api-2018 -f "$@" >/dev/null; }
set2018 "$d/alpha.db" set 1 --status implemented --field current='責任者を任命している'
set2018 "$d/alpha.db" set 2 --status not-implemented
set2018 "$d/beta.db" set 1 --status partial
set2018 "$d/beta.db" set 3 --status not-applicable --field current='<script>alert(1)</script> & "q"'
"$TENKEN" -c fisc-api-2017-trial -f "$d/gamma.db" set 1 --status implemented >/dev/null
# A name another program chose: an escape sequence and a bidi override.
hostile=$(printf 'h\033[31m\342\200\256<b>')
cp "$d/beta.db" "$d/$hostile.db"
ls -a "$d" >"$tmp/before"

# ---- report: three files, one of the trial edition ----
run "report over three files, one of another edition" 3 "$TENKEN" report --lang en \
	"$d/alpha.db" "$d/beta.db" "$d/gamma.db"
has "the progress of alpha" "$tmp/out" "  1 alpha        2/44     1     0     1     0"
has "the matrix: item 1" "$tmp/out" "   1 [x] [/]"
has "the matrix: item 2" "$tmp/out" "   2 [!] [ ]"
has "the matrix: item 3" "$tmp/out" "   3 [ ] [-]"
has "the gaps: item 2 not implemented in alpha" "$tmp/out" \
	"   2  Not implemented (1): alpha; Unanswered (1): beta"
hasnt "item 1 is no gap" "$tmp/out" "   1  Unanswered"
has "the odd file named in the report" "$tmp/out" "$d/gamma.db:"
has "with why" "$tmp/out" "    it answers the checklist \"fisc-api-2017-trial\", not \"fisc-api-2018\""
has "the odd file named on stderr" "$tmp/err" "left out $d/gamma.db"
has "the counts of files" "$tmp/out" "Files: 2 read, 1 left out"
if awk '{ if (length($0) > 80) exit 1 }' "$tmp/out"; then ok "the text fits 80 columns"; else bad "a line wider than 80" "$tmp/out"; fi

run "the checklist named: the majority is left out" 3 "$TENKEN" report --checklist fisc-api-2017-trial \
	"$d/alpha.db" "$d/beta.db" "$d/gamma.db"
has "then alpha is the odd one" "$tmp/err" "left out $d/alpha.db"

# The review across connectors: the items with a query or a finding open in
# some file, and which; none listed where no file has one.
rv=$tmp/reviewed
mkdir -p "$rv"
cp "$d/alpha.db" "$d/beta.db" "$rv/"
"$TENKEN" -f "$rv/alpha.db" review 3 --verdict query --comment '根拠資料は?' >/dev/null
"$TENKEN" -f "$rv/beta.db" review 3 --verdict finding --comment '未整備' >/dev/null
"$TENKEN" -f "$rv/beta.db" review 1 --verdict confirmed >/dev/null
run "report: the review" 0 "$TENKEN" report --lang en "$rv"
has "report: item 3's finding and query" "$tmp/out" "   3  指摘あり (1): beta; 要確認 (1): alpha"
hasnt "report: a confirmed item is not open" "$tmp/out" "   1  確認済"
run "report: no review yet" 3 "$TENKEN" report --lang en "$d/alpha.db" "$d/beta.db" "$d/gamma.db"
hasnt "report: no review section without a verdict" "$tmp/out" "Items with a query"

# ---- a folder: every *.db, sorted; an unreadable file ----
echo "not a database" >"$d/zz.db"
run "report DIR" 3 "$TENKEN" report "$d"
cp "$tmp/out" "$tmp/dir.txt"
has "a folder's files in order" "$tmp/out" "  3 h^[[31m<U+202E><b>"
has "an unreadable file named" "$tmp/out" "$d/zz.db:"
has "with why" "$tmp/out" "    not an SQLite database"
clean_terminal "a hostile file name reaches the terminal only visibly" "$tmp/out"
clean_terminal "nor through stderr" "$tmp/err"
rm "$d/zz.db"

# ---- many files: transposed ----
mkdir -p "$tmp/many"
for n in $(seq -w 1 25); do cp "$d/alpha.db" "$tmp/many/c$n.db"; done
run "25 files" 0 "$TENKEN" report --lang en "$tmp/many"
has "transposed: a row per file" "$tmp/out" "Status per item: a row per file"
has "a file's row of marks" "$tmp/out" " 25 c25          x!........ "
if awk '{ if (length($0) > 80) exit 1 }' "$tmp/out"; then ok "transposed fits 80 columns"; else bad "a line wider than 80" "$tmp/out"; fi

# ---- formats ----
run "report --format csv" 0 "$TENKEN" report --format csv "$d/alpha.db" "$d/beta.db"
has "CSV header" "$tmp/out" '"通番","区分","alpha","beta"'
has "CSV row of item 2" "$tmp/out" '2,"情報・セキュリティ管理態勢","未対応","未回答"'
run "report --format html" 3 "$TENKEN" report --format html -o "$tmp/r.html" "$d"
run "the HTML parses strictly, self-contained" 0 python3 "$srcdir/tests/check_html.py" "$tmp/r.html"
hasnt "a hostile name is escaped in HTML" "$tmp/r.html" "<b>"
has "as text" "$tmp/r.html" "&lt;b&gt;"
run "report --format xlsx without -o" 2 "$TENKEN" report --format xlsx "$d"
run "report --format xlsx" 3 "$TENKEN" report --format xlsx -o "$tmp/r.xlsx" "$d"
py=${PYTHON:-}
[ -z "$py" ] && { if [ -x /usr/bin/python3 ]; then py=/usr/bin/python3; else py=python3; fi; }
cat >"$tmp/check.py" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
assert names[0] == "一覧" and names[1] == "1 alpha" and names[2] == "2 beta", names
assert names[3].startswith("3 h_") and names[-1] == "対象外ファイル", names
m = wb["一覧"]
assert [c.value for c in m[1]][:5] == ["通番", "区分", "セキュリティ対応目標", "alpha", "beta"]
assert [c.value for c in m[2]][3:5] == ["対応済", "一部対応"]
assert [c.value for c in m[3]][3:5] == ["未対応", "未回答"]
assert m.max_row == 45, m.max_row
b = wb["2 beta"]
head = [c.value for c in b[1]]
assert head[0] == "通番" and "回答状況" in head and head[-1] == "照会事項" and "現在の対応状況" in head, head
row = [c.value for c in b[4]]
assert row[0] == 3 and row[head.index("回答状況")] == "対象外", row
assert row[head.index("現在の対応状況")] == '<script>alert(1)</script> & "q"', row
x = wb["対象外ファイル"]
assert "gamma.db" in x["A2"].value and "fisc-api-2017-trial" in x["B2"].value
print("ok")
PY
run "the workbook: the matrix, a sheet per file, the file left out" 0 "$py" "$tmp/check.py" "$tmp/r.xlsx"
[ "$failed" -gt 0 ] && cat "$tmp/err"
# 株 is U+682A: its low byte is '*', which a sheet's name may not hold.
mkdir -p "$tmp/kanji"
cp "$d/alpha.db" "$tmp/kanji/株式会社あ.db"
run "report --format xlsx: a kanji name" 0 "$TENKEN" report --format xlsx -o "$tmp/k.xlsx" "$tmp/kanji"
run "the sheet is named with the kanji whole" 0 "$py" -c 'import sys, openpyxl; n = openpyxl.load_workbook(sys.argv[1]).sheetnames; assert n[1] == "1 株式会社あ", n' "$tmp/k.xlsx"

# ---- the connector's name an answer file keeps (tenken name) ----
mkdir -p "$tmp/named"
cp "$d/alpha.db" "$tmp/named/alpha.db"
cp "$d/beta.db" "$tmp/named/beta.db"
run "name: set" 0 "$TENKEN" -f "$tmp/named/beta.db" name "株式会社サンプルペイ"
ls -a "$tmp/named" >"$tmp/named-before"
run "report: named" 0 "$TENKEN" report --lang en "$tmp/named"
has "report: the progress names the connector" "$tmp/out" "  2 株式会社サンプルペイ    2/44"
has "report: a file without a name goes by the file's" "$tmp/out" "  1 alpha "
has "report: the gaps name the connector" "$tmp/out" "Unanswered (1): 株式会社サンプルペイ"
run "report: named, CSV" 0 "$TENKEN" report --format csv "$tmp/named"
has "CSV: the connector's name heads its column" "$tmp/out" '"通番","区分","alpha","株式会社サンプルペイ"'
run "report: named, HTML" 0 "$TENKEN" report --format html -o "$tmp/named.html" "$tmp/named"
has "HTML: the connector's name" "$tmp/named.html" "株式会社サンプルペイ"
run "report: named, XLSX" 0 "$TENKEN" report --format xlsx -o "$tmp/named.xlsx" "$tmp/named"
cat >"$tmp/named.py" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[:3] == ["一覧", "1 alpha", "2 株式会社サンプルペイ"], wb.sheetnames
assert [c.value for c in wb["一覧"][1]][3:5] == ["alpha", "株式会社サンプルペイ"]
print("ok")
PY
run "XLSX: the connector's name names its sheet and column" 0 "$py" "$tmp/named.py" "$tmp/named.xlsx"
ls -a "$tmp/named" >"$tmp/named-after"
if cmp -s "$tmp/named-before" "$tmp/named-after"; then ok "report of named files made nothing beside them"; else bad "report made files beside named ones"; fi

# ---- errors ----
run "report without files" 2 "$TENKEN" report
run "report --format pdf" 2 "$TENKEN" report --format pdf "$d"
mkdir -p "$tmp/empty"
run "a folder without answer files" 1 "$TENKEN" report "$tmp/empty"
has "says so" "$tmp/err" "no answer file (*.db)"
run "report -f is refused" 2 "$TENKEN" report -f "$d/alpha.db" "$d"

# ---- diff ----
cp "$d/alpha.db" "$tmp/old.db"
set2018 "$tmp/new.db" set 1 --status implemented --field current='責任者を任命している'
cp "$tmp/old.db" "$tmp/new.db"
set2018 "$tmp/new.db" set 2 --status partial
set2018 "$tmp/new.db" set 1 --field current='責任者と副責任者を任命している'
set2018 "$tmp/new.db" set 5 --field plan='<script>x</script>'
ls -a "$tmp" | grep -F .db >"$tmp/before-diff"
run "diff" 0 "$TENKEN" diff --lang en "$tmp/old.db" "$tmp/new.db"
has "a changed status" "$tmp/out" "  Status: Not implemented -> Partly implemented"
has "a changed text: the column's name" "$tmp/out" "  Current status of measures:"
has "the old text" "$tmp/out" "    old: 責任者を任命している"
has "the new text" "$tmp/out" "    new: 責任者と副責任者を任命している"
hasnt "an unchanged item is not listed" "$tmp/out" "No. 3 "
has "the unchanged are counted" "$tmp/out" "3 items changed. 41 items unchanged."
clean_terminal "diff: nothing raw reaches the terminal" "$tmp/out"
run "diff in Japanese" 0 "$TENKEN" diff --lang ja "$tmp/old.db" "$tmp/new.db"
has "the column as the checklist names it" "$tmp/out" "現在の対応状況"
has "the status in Japanese" "$tmp/out" "未対応 -> 一部対応"
run "diff --format md" 0 "$TENKEN" diff --lang en --format md "$tmp/old.db" "$tmp/new.db"
has "Markdown: an item's heading" "$tmp/out" "## No. 2"
has "Markdown: the script escaped" "$tmp/out" '\<script\>'
run "diff --format html" 0 "$TENKEN" diff --format html -o "$tmp/d.html" "$tmp/old.db" "$tmp/new.db"
run "the diff's HTML parses strictly" 0 python3 "$srcdir/tests/check_html.py" "$tmp/d.html"
hasnt "a hostile answer is escaped" "$tmp/d.html" "<script>"
has "shown as text" "$tmp/d.html" "&lt;script&gt;x&lt;/script&gt;"
run "diff of two checklists is refused" 1 "$TENKEN" diff "$tmp/old.db" "$d/gamma.db"
has "saying which each answers" "$tmp/err" "answers the checklist \"fisc-api-2018\" and $d/gamma.db the checklist \"fisc-api-2017-trial\""
run "diff of a missing file" 1 "$TENKEN" diff "$tmp/old.db" "$tmp/none.db"
has "names it" "$tmp/err" "$tmp/none.db"
run "diff of one file" 2 "$TENKEN" diff "$tmp/old.db"

# ---- diff: the review ----
mkdir -p "$tmp/rv"
set2018 "$tmp/rv/rold.db" set 1 --status implemented
"$TENKEN" -f "$tmp/rv/rold.db" review 1 --verdict query --comment "承認者は誰ですか" >/dev/null
"$TENKEN" -f "$tmp/rv/rold.db" review 4 --verdict finding >/dev/null
cp "$tmp/rv/rold.db" "$tmp/rv/rnew.db"
"$TENKEN" -f "$tmp/rv/rnew.db" review 1 --verdict confirmed --comment "部長が承認します" >/dev/null
"$TENKEN" -f "$tmp/rv/rnew.db" review 3 --comment '<script>y</script>' >/dev/null
run "diff: the review" 0 "$TENKEN" diff --lang en "$tmp/rv/rold.db" "$tmp/rv/rnew.db"
has "diff: a changed verdict" "$tmp/out" "  Verdict: 要確認 (Query) -> 確認済 (Confirmed)"
has "diff: a new comment" "$tmp/out" "  New comment ("
has "diff: its text" "$tmp/out" "    部長が承認します"
hasnt "diff: an old comment is not new" "$tmp/out" "承認者は誰ですか"
hasnt "diff: an unchanged verdict is not listed" "$tmp/out" "No. 4 "
has "diff: a comment alone makes an item changed" "$tmp/out" "No. 3 "
has "diff: the review counted like answers" "$tmp/out" "2 items changed. 42 items unchanged."
run "diff: the review in Japanese" 0 "$TENKEN" diff --lang ja "$tmp/rv/rold.db" "$tmp/rv/rnew.db"
has "diff: the verdict in Japanese" "$tmp/out" "要確認 -> 確認済"
run "diff: the review in Markdown" 0 "$TENKEN" diff --lang en --format md "$tmp/rv/rold.db" "$tmp/rv/rnew.db"
has "Markdown: the verdict" "$tmp/out" "- **Verdict**: 要確認 (Query) → 確認済 (Confirmed)"
has "Markdown: the comment escaped" "$tmp/out" '\<script\>y'
run "diff: the review in HTML" 0 "$TENKEN" diff --lang en --format html -o "$tmp/rd.html" "$tmp/rv/rold.db" "$tmp/rv/rnew.db"
run "the review's HTML parses strictly" 0 python3 "$srcdir/tests/check_html.py" "$tmp/rd.html"
has "HTML: the new comment" "$tmp/rd.html" "<dt>New comment</dt><dd><ins>"
hasnt "HTML: the comment escaped" "$tmp/rd.html" "<script>y"

# ---- nothing read was touched ----
ls -a "$d" >"$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then ok "report made nothing beside the files"; else
	diff "$tmp/before" "$tmp/after" >"$tmp/ls.diff"; bad "report made files" "$tmp/ls.diff"; fi
ls -a "$tmp" | grep -F .db >"$tmp/after-diff"
if cmp -s "$tmp/before-diff" "$tmp/after-diff"; then ok "diff made nothing beside the files"; else
	diff "$tmp/before-diff" "$tmp/after-diff" >"$tmp/ls.diff"; bad "diff made files" "$tmp/ls.diff"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
