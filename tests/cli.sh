#!/bin/sh
# End-to-end tests of the command line: the real binary, the bundled data,
# a real answer file. Each check prints ok/FAIL; the last line counts them.
set -u
: "${TENKEN:=./src/tenken}"
tmp=$(mktemp -d /tmp/tenken-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/xdg" LC_ALL=C.UTF-8 LANGUAGE=
# Most checks here use the trial edition, named once in the settings file.
mkdir -p "$tmp/config/tenken"
echo "checklist = fisc-api-2017-trial" >"$tmp/config/tenken/config"
export XDG_CONFIG_HOME="$tmp/config"
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

hasnt() {
	if grep -qF -- "$3" "$2"; then bad "$1: \"$3\" should not be in output" "$2"; else ok "$1"; fi
}

no_escape() { # the file holds no ESC or other C0 control but \n, \r, \t
	if LC_ALL=C grep -q "$(printf '[\001-\010\013\014\016-\037\177]')" "$2"; then
		bad "$1: a raw control character reached the output" "$2"
	else ok "$1"; fi
}

run "--help" 0 "$TENKEN" --help
has "--help lists the commands" "$tmp/out" "export"
run "--version" 0 "$TENKEN" --version
has "--version names tenken" "$tmp/out" "tenken "
for c in print status set export history; do
	run "$c --help" 0 "$TENKEN" "$c" --help
	has "$c --help shows its usage" "$tmp/out" "tenken $c"
done
run "unknown command" 2 "$TENKEN" frobnicate
has "unknown command is named" "$tmp/err" "frobnicate"
run "unknown option" 2 "$TENKEN" print --bogus

# print: item 7 complete and numbered 1, 2, 3 (the extraction lost them).
run "print --item 7" 0 "$TENKEN" print --lang ja --item 7
has "item 7 goal" "$tmp/out" "7  サービスの解約時およびシステムの廃棄にあたっては"
has "item 7 method 1" "$tmp/out" "1. 解約時のデータの返却有無及び方法を定めている(注1)。"
has "item 7 method 2" "$tmp/out" "2. サービス解約後のデータ消去の実施有無"
has "item 7 method 3" "$tmp/out" "3. 情報資産の廃棄計画を取り決めている(注2)。"
has "item 7 heading" "$tmp/out" "<情報資産の廃棄計画>"
has "item 7 note" "$tmp/out" "(注2)具体例"
has "item 7 reference" "$tmp/out" "銀行API報告書・セキュリティ原則"
hasnt "print --item 7 shows no other item" "$tmp/out" "  8  "
run "print at 40 columns" 0 "$TENKEN" print --item 1 --width 40
if LC_ALL=C.UTF-8 wc -L <"$tmp/out" | awk '{ exit !($1 <= 40) }'; then ok "no line wider than 40 columns"; else bad "a line is wider than 40 columns" "$tmp/out"; fi
run "print --section 3" 0 "$TENKEN" print --lang ja --section 3
has "section 3 name joined" "$tmp/out" "銀行・API接続先の協力体制"
run "print --item 61" 1 "$TENKEN" print --item 61
has "missing item is named" "$tmp/err" "61"
run "print --section 10" 1 "$TENKEN" print --section 10
run "print creates no answer file" 0 test ! -e "$tmp/xdg/tenken/fisc-api-2017-trial.db"

# A mistyped -f is refused by every command that only reads, with the path
# and how a file comes to be; nothing is created, and no blank form written.
for c in "print --item 1" "status" "export --format csv -o $tmp/typo.csv" "-R ui"; do
	# shellcheck disable=SC2086
	run "-f typo.db $c: refused" 1 "$TENKEN" -f "$tmp/typo.db" $c
	has "-f typo.db $c: names the path" "$tmp/err" "no answer file at $tmp/typo.db"
	has "-f typo.db $c: says how to make one" "$tmp/err" "tenken -f FILE set"
done
run "-f typo.db: nothing created" 0 test ! -e "$tmp/typo.db"
run "-f typo.db: no CSV written" 0 test ! -e "$tmp/typo.csv"
# An answer file of another checklist is refused too, named, and nothing written.
"$TENKEN" -c fisc-api-2018 -f "$tmp/other-cl.db" set 1 --status partial -q
for c in "print --item 1" "status" "export --format csv -o $tmp/other-cl.csv" "history"; do
	# shellcheck disable=SC2086
	run "another checklist's file: $c refused" 1 "$TENKEN" -c fisc-api-2017-trial -f "$tmp/other-cl.db" $c
	has "another checklist's file: $c names it" "$tmp/err" 'answers the checklist "fisc-api-2018"'
done
run "another checklist's file: no CSV written" 0 test ! -e "$tmp/other-cl.csv"
run "export without the default answer file: refused" 1 "$TENKEN" export --format csv
has "export: the default file is named" "$tmp/err" "no answer file at $tmp/xdg/tenken/fisc-api-2017-trial.db"
hasnt "export: no blank form on standard output" "$tmp/out" "通番"
run "export --blank: the blank form" 0 "$TENKEN" export --blank --format csv
has "export --blank: the items" "$tmp/out" "通番"
run "export --blank -f: refused" 2 "$TENKEN" -f "$tmp/typo.db" export --blank --format csv
run "export --blank creates no answer file" 0 test ! -e "$tmp/xdg/tenken/fisc-api-2017-trial.db"

# set, status, export.
run "set 50" 0 "$TENKEN" set 50 --status implemented \
	--field current='トークンは暗号化して保存し、有効期限は1時間。' --field plan='鍵の定期更新を導入する'
run "answer file is 0600" 0 sh -c "[ \"\$(stat -c %a '$tmp/xdg/tenken/fisc-api-2017-trial.db')\" = 600 ]"
run "status" 0 "$TENKEN" status
has "status counts item 50" "$tmp/out" "1/60"
has "status counts its section" "$tmp/out" "1/8"
run "print --item 50 shows the answer" 0 "$TENKEN" print --item 50
has "answer printed" "$tmp/out" "トークンは暗号化して保存し"
run "export csv" 0 "$TENKEN" export --format csv -o "$tmp/out.csv"
has "csv row of item 50" "$tmp/out.csv" "\"トークンは暗号化して保存し、有効期限は1時間。\",\"鍵の定期更新を導入する\""
has "csv status of item 50" "$tmp/out.csv" "\"対応済\""
run "export file is 0600" 0 sh -c "[ \"\$(stat -c %a '$tmp/out.csv')\" = 600 ]"
run "csv starts with a BOM" 0 sh -c "head -c 3 '$tmp/out.csv' | od -An -tx1 | grep -q 'ef bb bf'"
run "export json" 0 "$TENKEN" export --format json
has "json answer of item 50" "$tmp/out" "\"status\":\"implemented\",\"current\":\"トークンは暗号化して保存し"
run "export without --format" 2 "$TENKEN" export

# Bad answers are refused before anything is written.
cp "$tmp/xdg/tenken/fisc-api-2017-trial.db" "$tmp/before.db"
run "set: unknown status" 2 "$TENKEN" set 50 --status done
run "set: unknown column" 2 "$TENKEN" set 50 --field answer=x
run "set: no such item" 1 "$TENKEN" set 99 --status partial
run "set: escape sequence refused" 1 "$TENKEN" set 50 --field current="$(printf 'a\033[2Jb')"
no_escape "the refusal shows no raw escape" "$tmp/err"
run "set: invalid UTF-8 refused" 1 "$TENKEN" set 50 --field current="$(printf 'a\377b')"
run "refused sets changed nothing" 0 cmp "$tmp/before.db" "$tmp/xdg/tenken/fisc-api-2017-trial.db"
run "set: clear an answer" 0 "$TENKEN" set 50 --field plan=
run "status after clearing" 0 "$TENKEN" status
run "cleared answer is gone" 0 "$TENKEN" print --item 50
hasnt "plan no longer printed" "$tmp/out" "鍵の定期更新を導入する"

# Files that are not answer files are refused and left untouched.
printf 'not a database\n' >"$tmp/notdb.db"
cp "$tmp/notdb.db" "$tmp/notdb.orig"
run "non-SQLite file refused" 1 "$TENKEN" set 1 --status partial -f "$tmp/notdb.db"
has "says what is wrong" "$tmp/err" "not an SQLite database"
run "non-SQLite file untouched" 0 cmp "$tmp/notdb.db" "$tmp/notdb.orig"
run "-f with a new file" 0 "$TENKEN" set 3 --status partial -f "$tmp/other.db"
run "-f file knows its checklist" 0 "$TENKEN" status -f "$tmp/other.db"
has "-f file status" "$tmp/out" "1/60"

# A hostile checklist: escape sequences never reach the terminal.
printf 'format: tenken-checklist 1\nid: evil\ntitle: "\\e]0;owned\\a\\e[2J"\n' >"$tmp/evil.yaml"
run "checklist with escapes refused" 1 "$TENKEN" print --checklist "$tmp/evil.yaml"
has "error names file:line:column" "$tmp/err" "evil.yaml:3:8:"
no_escape "error shows no raw escape" "$tmp/err"
printf 'format: tenken-checklist 1\nid: evil\ntitle: "\033[2J"\n' >"$tmp/evil2.yaml"
run "raw escape in a checklist refused" 1 "$TENKEN" print --checklist "$tmp/evil2.yaml"
no_escape "its error shows no raw escape" "$tmp/err"
run "--checklist by id" 0 "$TENKEN" print --checklist fisc-api-2017-trial --item 1
run "--checklist unknown id" 1 "$TENKEN" print --checklist no-such-list
has "unknown checklist named" "$tmp/err" "no-such-list"

# The interface: refuses a non-UTF-8 locale with what to do, and a pipe.
run "ui under LC_ALL=C" 1 env LC_ALL=C "$TENKEN" ui
has "says how to fix the locale" "$tmp/err" "LANG=C.UTF-8"
run "ui without a terminal" 1 "$TENKEN" ui </dev/null
has "says it needs a terminal" "$tmp/err" "needs a terminal"

# Ambiguous width: option, settings file, bad values.
run "--ambiguous-width 3" 2 "$TENKEN" --ambiguous-width 3 status
has "--ambiguous-width 3 says what is expected" "$tmp/err" "expected 1 or 2"
"$TENKEN" print --item 1 --width 40 >"$tmp/amb1"
"$TENKEN" --ambiguous-width 2 print --item 1 --width 40 >"$tmp/amb2"
if cmp -s "$tmp/amb1" "$tmp/amb2"; then bad "ambiguous width 2 wraps ① as two columns"; else ok "ambiguous width 2 wraps ① as two columns"; fi
mkdir -p "$tmp/cfg/tenken"
printf 'checklist = fisc-api-2017-trial\nambiguous-width = 2\n' >"$tmp/cfg/tenken/config"
XDG_CONFIG_HOME="$tmp/cfg" "$TENKEN" print --item 1 --width 40 >"$tmp/amb3"
run "the setting acts as the option" 0 cmp "$tmp/amb2" "$tmp/amb3"
printf '# comment\n\nambiguous-width = 3\ncolour = on\n' >"$tmp/cfg/tenken/config"
run "a bad setting is not fatal" 0 env XDG_CONFIG_HOME="$tmp/cfg" "$TENKEN" status
has "a bad setting names file:line" "$tmp/err" "tenken/config:3: ambiguous-width must be 1 or 2"
# A comment longer than 1 KiB is a comment to its end: its tail is not a
# setting (settings.c read 1023 bytes at a time), and a long path is kept.
{ printf '# %01100d lang = ja\n' 0; printf 'checklist = %s\n' "$tmp/$(printf '%01100d' 0).yaml"; } >"$tmp/cfg/tenken/config"
run "a long line read whole" 0 env XDG_CONFIG_HOME="$tmp/cfg" "$TENKEN" --lang en status
has "a long comment's tail is no setting" "$tmp/err" "tenken/config:2: "
hasnt "a long comment's tail is no setting (2)" "$tmp/err" "tenken/config:1"

# Editions: the 2018年10月版 is bundled, listed and the default.
run "checklists" 0 env XDG_CONFIG_HOME="$tmp/none" "$TENKEN" checklists
has "checklists: the 2018 edition, default" "$tmp/out" "* fisc-api-2018          2018-10-12   44"
has "checklists: the trial edition" "$tmp/out" "fisc-api-2017-trial    2017-06-28   60"
cp "$tmp/out" "$tmp/none.list"
run "2018 by default" 0 env XDG_CONFIG_HOME="$tmp/none" XDG_DATA_HOME="$tmp/nodata" "$TENKEN" --lang ja status
has "2018: 44 items" "$tmp/out" "0/44"
has "2018: chapter 9" "$tmp/out" "9. API利用セキュリティ"
has "2018: chapter 3 is 金融機関・…" "$tmp/out" "金融機関・API接続先の協力体制"
run "2018: print" 0 "$TENKEN" print --lang ja -c fisc-api-2018
if [ -s "$tmp/err" ]; then bad "2018 loads with its mapping, no warning" "$tmp/err"; else ok "2018 loads with its mapping, no warning"; fi
has "2018: item 44's goal" "$tmp/out" "利用者のAPI接続に関する誤認・誤解を防ぐ。"
has "2018: item 38 is for 金融機関" "$tmp/out" "対象者: 金融機関"
run "2018: item 22" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --item 22
has "item 22: 2025 references" "$tmp/out" "FISC・安対基準  実1、実8、実9、実16、実26"
has "item 22: 2025 revision note" "$tmp/out" "実9 IDの不正防止機能を設けること。"
has "item 22: the trial's 29 as reference" "$tmp/out" "試行版の手法例・参考 (通番29)"
run "2018: item 3" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --item 3
has "item 3: trial item 3's methods" "$tmp/out" "試行版の手法例・参考 (通番3)"
has "item 3: trial item 4's methods" "$tmp/out" "試行版の手法例・参考 (通番4)"
has "item 3: 監1, as the 2025 review names it" "$tmp/out" "FISC・安対基準  統13、統14、監1"
hasnt "item 3: not the extraction's 整1" "$tmp/out" "整1"
run "2018: item 8 (連鎖接続)" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --item 8
hasnt "item 8 has no trial methods" "$tmp/out" "手法例・参考"
hasnt "item 8 has no invented references" "$tmp/out" "関連規定:"
has "item 8 says that its references are not known" "$tmp/out" "関連規定について: tenkenが拠る資料には、この項目の関連規定が載っていない"
run "2018: item 6" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --item 6
hasnt "item 6: no reference where the sources give none" "$tmp/out" "関連規定:"

# The reviews in full: what 実9 now requires, the added text marked; the 2021
# review's notes; references the reviews name, and where they are known from.
run "2018: item 22 unwrapped" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --item 22 --width 1000
has "item 22: what 実9 now requires" "$tmp/out" "2025年度見直し (2025-12-04): 実9 IDの不正防止機能を設けること。"
has "item 22: 実9's passage, marked as added" "$tmp/out" "【追加部分】2 機器（APIに認証情報を組み込むことを含む）及びユーザーのID及び認証情報を適切に管理することが必要である。"
has "item 22: 実9's measures" "$tmp/out" "(1)初期設定されたパスワードの変更 (2)パスワード強度の要件 (3)IDの自動失効 (4)システム責任者による定期的なアクセスレビュー【ここまで】"
has "item 22: only the added part of 実8 point 2 is marked" "$tmp/out" "複数の方法を組み合わせることが望ましい。【追加部分】FIDO認証やパスキー認証などを利用することも考えられる。【ここまで】"
has "item 22: the 2021 review's 実26" "$tmp/out" "2021年度見直し (2022-01-20): 実務基準26 パスワードが他人に知られないための措置を講じておくこと"
has "item 22: how the added text is marked" "$tmp/out" "(見直しで追加された部分(原文の下線部)は、【追加部分】と【ここまで】の間に示す。)"
has "item 22: the notes on standards no item cites are counted" "$tmp/out" "(どの項目も関連規定としていない基準の改訂が62件。"
hasnt "item 22: and not printed" "$tmp/out" "実153"
run "2018: item 22 in English" 0 "$TENKEN" print --lang en -c fisc-api-2018 --item 22 --width 1000
has "item 22 in English: the added text marked" "$tmp/out" "{+2 The IDs and authentication information of devices (including authentication information built into APIs) and of users need to be managed properly."
run "2018: item 21" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --item 21 --width 1000
has "item 21: 実27 and 実28 as references" "$tmp/out" "関連規定: FISC・安対基準  実27、実28"
has "item 21: where they are known from" "$tmp/out" "関連規定について: 実27は2021年度見直し(2022年1月20日)と"
has "item 21: the 2021 review's 実27" "$tmp/out" "2021年度見直し (2022-01-20): 実務基準27 各種資源、システム権限の付与、見直し手続を明確化すること"
has "item 21: the 2025 review's 実27" "$tmp/out" "2025年度見直し (2025-12-04): 実27 各種資源、システムへのアクセス権限の付与、見直し手続きを明確にすること。"
run "2018: item 10" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --item 10 --width 1000
has "item 10: the standards the 2025 review names" "$tmp/out" "関連規定: FISC・安対基準  統20、統21、統23"
has "item 10: 統21's two rows, both" "$tmp/out" "⑥セキュリティ管理方法及び体制"
has "item 10: 統21's first row" "$tmp/out" "⑤目的外使用の禁止"
run "2018: the whole checklist" 0 "$TENKEN" print --lang ja -c fisc-api-2018 --width 1000
has "the review's notes on standards no item cites" "$tmp/out" "どの項目も関連規定としていない基準の改訂:"
has "one of them, its standard marked as added" "$tmp/out" "2025年度見直し: 【追加部分】実153 AIの利用に係る教育、注意喚起等を行うこと。【ここまで】"
run "2018: CSV" 0 "$TENKEN" export -c fisc-api-2018 --blank --format csv -o "$tmp/2018.csv"
has "CSV: where item 10's references are known from, after them" "$tmp/2018.csv" "\"統20、統21、統23$(printf '\r')"

run "2018: CSV in the official column order" 0 "$TENKEN" export -c fisc-api-2018 --blank --format csv
has "2018 CSV header" "$tmp/out" '"通番","区分","セキュリティ対応目標","対象者","現在の対応状況","課題認識","課題への対応計画","関連規定","関連規定箇所","備考","回答状況"'

# The FinTech協会 guideline: do's are items, don'ts their section's warnings.
has "checklists: the FinTech guideline" "$tmp/none.list" "fintech-guideline-2016 2016-11-08   36"
run "guideline: print" 0 "$TENKEN" print --lang ja -c fintech-guideline-2016 --section 8
has "guideline: a do is an item" "$tmp/out" "多重対策・多重暗号化を図る"
has "guideline: a don't is a warning" "$tmp/out" "行うべきでないこと: セキュリティにおいてSPOFを許す"
run "guideline: the third section" 0 "$TENKEN" print --lang ja -c fintech-guideline-2016 --section 3 --width 1000
has "guideline: a name the source lost is marked as tenken's" "$tmp/out" "== 3. データ管理(区分名はtenkenによる補記)"
has "guideline: and why" "$tmp/out" "区分名について: この区分名は原資料のものではない。"
run "guideline: the first section in English" 0 "$TENKEN" print --lang en -c fintech-guideline-2016 --section 1
has "guideline: everything comes with a root account" "$tmp/out" "In the cloud, everything comes with a root account"
run "guideline: answer an item" 0 "$TENKEN" -c fintech-guideline-2016 -f "$tmp/g.db" set 36 --status implemented
run "guideline: status" 0 "$TENKEN" -f "$tmp/g.db" status
has "guideline: 1 of 36" "$tmp/out" "1/36"

# A mapping that names an item that does not exist: a warning, and the
# checklist still works.
mkdir -p "$tmp/data"
cp "${srcdir:-.}"/data/*.yaml "$tmp/data/"
sed -i 's/^  - to: 44$/  - to: 99/' "$tmp/data/fisc-api-2017-trial.to.fisc-api-2018.yaml"
run "broken mapping: still prints" 0 env TENKEN_DATADIR="$tmp/data" "$TENKEN" print -c fisc-api-2018 --item 1
has "broken mapping: says which item" "$tmp/err" "item 99 of fisc-api-2018"

# Migration: every answer of the trial edition is carried, none merged silently.
m="$tmp/mig.db"
for n in $(seq 1 60); do
	"$TENKEN" -c fisc-api-2017-trial -f "$m" set "$n" --status implemented \
		--field current="現状T${n}終" --field plan="予定P${n}終" >/dev/null 2>&1
done
cp "$m" "$tmp/mig.orig"
run "migrate" 0 "$TENKEN" migrate --from "$m" --to fisc-api-2018 -o "$tmp/new.db"
cp "$tmp/out" "$tmp/report"
run "migrate leaves the original untouched" 0 cmp "$m" "$tmp/mig.orig"
has "report: several items joined" "$tmp/report" "3 <- 3, 4, 9: Implemented; Current status of measures: 3 answers joined (review)"
run "migrate --lang ja" 0 "$TENKEN" --lang ja migrate --from "$m" --to fisc-api-2018 -o "$tmp/new-ja.db"
has "migrate --lang ja: a column by its Japanese name" "$tmp/out" "; 現在の対応状況: "
hasnt "migrate --lang ja: no column id" "$tmp/out" "; current"
hasnt "report: no trial item is left behind" "$tmp/report" "has no counterpart"
"$TENKEN" -f "$tmp/new.db" export --format json >"$tmp/new.json"
lost=""
for n in $(seq 1 60); do
	grep -q "現状T${n}終" "$tmp/new.json" && grep -q "予定P${n}終" "$tmp/new.json" || lost="$lost $n"
done
if [ -z "$lost" ]; then ok "migrate: no trial answer lost"; else bad "migrate: lost the answers of$lost"; fi
has "migrate: joined answers name their trial items" "$tmp/new.json" "[試行版 item 4]"
has "migrate: trial 9's certifications carried to item 3" "$tmp/new.json" "[試行版 item 9]"
has "migrate: trial 12's cloud checks carried to item 11" "$tmp/new.json" "[試行版 item 12]"
run "migrate: new file is 2018" 0 "$TENKEN" -f "$tmp/new.db" status
has "migrate: 43 items carried as implemented" "$tmp/out" "43/44"
run "migrate over an existing file" 1 "$TENKEN" migrate --from "$m" --to fisc-api-2018 -o "$tmp/new.db"
has "says it overwrites nothing" "$tmp/err" "overwrites nothing"
run "a trial file opened as 2018" 1 "$TENKEN" -c fisc-api-2018 -f "$m" status
has "refusal names migrate" "$tmp/err" "tenken migrate"

# Language: --lang works without a ja_JP locale (C.UTF-8 only).
run "--lang ja --help" 0 env LANGUAGE= LANG=C.UTF-8 LC_ALL=C.UTF-8 "$TENKEN" --lang ja --help
has "--lang ja: Japanese help" "$tmp/out" "使い方: tenken"
run "--lang en over LANGUAGE=ja" 0 env LANGUAGE=ja "$TENKEN" --lang en --help
has "--lang en: English help" "$tmp/out" "Usage: tenken"
run "LANGUAGE=ja follows the locale" 0 env LANGUAGE=ja "$TENKEN" status
has "LANGUAGE=ja: Japanese labels" "$tmp/out" "回答ファイル:"
run "print --lang ja" 0 "$TENKEN" print --lang ja --item 1
has "print --lang ja: Japanese labels" "$tmp/out" "対象者: API接続先"
has "print --lang ja: (未記入)" "$tmp/out" "(未記入)"
run "--lang fr" 2 "$TENKEN" --lang fr status
has "--lang fr says what is expected" "$tmp/err" "expected ja or en"
printf 'checklist = fisc-api-2017-trial\nlang = ja\n' >"$tmp/cfg/tenken/config"
run "lang setting" 0 env XDG_CONFIG_HOME="$tmp/cfg" "$TENKEN" status
has "lang = ja: Japanese labels" "$tmp/out" "回答済"

# English content: every Japanese text of these checklists has a translation.
for c in fisc-api-2018 fisc-api-2017-trial fintech-guideline-2016; do
	"$TENKEN" export -c "$c" --blank --format json >"$tmp/$c.json"
	if grep -q '"ja":"[^"][^"]*","en":null' "$tmp/$c.json"; then
		bad "$c: every text has English" "$tmp/$c.json"
		grep -o '"ja":"[^"][^"]*","en":null' "$tmp/$c.json" | head -5
	else ok "$c: every text has English"; fi
	# The same for a text with an escaped quote in it, which the grep above passes over.
	if grep -Eq '"ja":"([^"\\]|\\.)+","en":null' "$tmp/$c.json"; then
		bad "$c: every text with a quote has English" "$tmp/$c.json"
	else ok "$c: every text with a quote has English"; fi
	run "$c: the JSON parses" 0 python3 -m json.tool "$tmp/$c.json"
done
# The JSON holds the whole checklist, not only its items' goals and 手法例.
j="$tmp/fisc-api-2018.json"
has "json: the edition" "$j" '"edition":{"ja":"2018年10月版(2025年度見直し)","en":"October 2018 edition (FY2025 review)"}'
has "json: the publisher" "$j" '"publisher":{"ja":"オープンAPI有識者検討会 API接続チェックリストワーキンググループ",'
has "json: the document's remarks" "$j" '"remarks":{"ja":"※ 「銀行API報告書」における'
has "json: the older edition for 手法例" "$j" '"examples_from":"fisc-api-2017-trial"'
has "json: the history" "$j" '"history":[{"date":"2018-10-12","text":{"ja":"確定版は、'
has "json: a section's purpose and sources" "$j" '"purpose":{"ja":"API接続先の情報・セキュリティ管理態勢について確認する。","en":"Confirms the API connector'"'"'s information and security management framework."},"sources":[{"ja":"FISC安対基準",'
has "json: an item's revisions" "$j" '"revisions":[{"review":{"ja":"2025年度見直し","en":"FY2025 review"},"date":"2025-12-04","standard":{"ja":[{"text":"統1 システムの安全対策に係る重要事項を定めた規程を整備すること。","added":false}],'
has "json: a section's warnings" "$tmp/fintech-guideline-2016.json" '"warnings":[{"ja":"アカウント(ルートでなくても)を共有する(「誰が」が不明になるため)",'
run "print --lang en" 0 "$TENKEN" print --lang en -c fisc-api-2018 --item 22
has "--lang en: English goal" "$tmp/out" "Authenticate at system access."
has "--lang en: identifiers kept" "$tmp/out" "実1, 実8, 実9, 実16, 実26"

# Exports keep the official Japanese format; --lang en adds English to it.
run "export, English locale" 0 "$TENKEN" export -c fisc-api-2018 --blank --format csv
hasnt "export keeps Japanese-only headers" "$tmp/out" "Security goal"
run "export --lang en" 0 "$TENKEN" export --lang en -c fisc-api-2018 --blank --format csv
has "export --lang en: English headers added" "$tmp/out" "Security goal"
has "export --lang en: the Japanese goal stays" "$tmp/out" "システムアクセス時の認証を実施する。"
has "export --lang en: English goal added" "$tmp/out" "Authenticate at system access."

# --- What the mutation check (tests/mutate) found untested. ---

# Durability: a committed answer is synced (the write-ahead log, with
# synchronous=FULL); an export is synced before it is renamed into place.
"$TENKEN" -f "$tmp/sync.db" set 1 --status partial >/dev/null 2>&1
strace -f -y -e trace=fsync,fdatasync,rename -o "$tmp/trace" \
	"$TENKEN" -f "$tmp/sync.db" set 2 --status partial >/dev/null 2>&1
if grep -q 'sync([0-9]*<[^>]*sync\.db-wal>)' "$tmp/trace"; then ok "set syncs the answer to disk"; else bad "set syncs the answer to disk" "$tmp/trace"; fi
strace -f -y -e trace=fsync,fdatasync,rename -o "$tmp/trace" \
	"$TENKEN" -f "$tmp/sync.db" export --format csv -o "$tmp/sync.csv" >/dev/null 2>&1
if awk '/fsync\([0-9]*<[^>]*sync\.csv\.[A-Za-z0-9]*>\)/ { synced = 1 }
	/rename\(.*"[^"]*sync\.csv"\)/ { exit !synced } END { exit !synced }' "$tmp/trace"; then
	ok "export syncs the file before renaming it into place"
else bad "export syncs the file before renaming it into place" "$tmp/trace"; fi

# Two writers at once: each waits for the other instead of failing.
"$TENKEN" -f "$tmp/busy.db" set 1 --status partial >/dev/null 2>&1
for n in 2 3 4 5 6 7 8 9; do
	("$TENKEN" -f "$tmp/busy.db" set "$n" --status implemented --field current="同時$n" \
		>"$tmp/busy.$n.out" 2>&1; echo $? >"$tmp/busy.$n.rc") &
done
wait
busy_failed=""
for n in 2 3 4 5 6 7 8 9; do [ "$(cat "$tmp/busy.$n.rc")" = 0 ] || busy_failed="$busy_failed $n"; done
if [ -z "$busy_failed" ]; then ok "eight sets at once all succeed"; else bad "sets that failed at once:$busy_failed" "$tmp/busy.2.out"; fi
run "eight sets at once: all saved" 0 "$TENKEN" -f "$tmp/busy.db" status
has "eight sets at once: 9 answered" "$tmp/out" "9/60"

# Every status, end to end: set by its key, counted in its own column by
# status, named officially in the CSV; and taken back with unanswered.
st="$tmp/statuses.db"
for n in 1; do "$TENKEN" -f "$st" set "$n" --status implemented >/dev/null; done
for n in 2 3; do "$TENKEN" -f "$st" set "$n" --status partial >/dev/null; done
for n in 4 5 6; do "$TENKEN" -f "$st" set "$n" --status not-implemented >/dev/null; done
for n in 7 8 9 10; do "$TENKEN" -f "$st" set "$n" --status not-applicable >/dev/null; done
"$TENKEN" -f "$st" set 11 --status partial >/dev/null
run "set --status unanswered takes a status back" 0 "$TENKEN" -f "$st" set 11 --status unanswered
run "status of every kind" 0 "$TENKEN" -f "$st" status
if grep -Eq '^Total +10/60 +0 +1 +2 +3 +4$' "$tmp/out"; then ok "status: each count in its own column"; else bad "status: each count in its own column" "$tmp/out"; fi
has "status: the unanswered count" "$tmp/out" "Unanswered: 50"
# An answer without a status is counted as such, not as unanswered.
"$TENKEN" -f "$st" set 12 --field current="回答のみ" >/dev/null
run "status with an answer but no status" 0 "$TENKEN" -f "$st" status
if grep -Eq '^Total +10/60 +1 +1 +2 +3 +4$' "$tmp/out"; then ok "status: the [?] column"; else bad "status: the [?] column" "$tmp/out"; fi
has "status: unanswered leaves out the answered" "$tmp/out" "Unanswered: 49"
has "status: answered without a status" "$tmp/out" "Answered, status not set: 1"
run "export every status" 0 "$TENKEN" -f "$st" export --format csv -o "$tmp/statuses.csv"
python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
st = rows[0].index("回答状況")
for row in rows[1:]:
    print(row[0], row[st])' "$tmp/statuses.csv" >"$tmp/statuses.txt"
for want in "1 対応済" "2 一部対応" "4 未対応" "7 対象外" "11 未回答"; do
	if grep -qx "$want" "$tmp/statuses.txt"; then ok "CSV: item $want"; else bad "CSV: item $want" "$tmp/statuses.txt"; fi
done
"$TENKEN" -f "$st" set 1 --status implemented >/dev/null
run "a status set again adds no history" 0 sqlite3 "$st" "SELECT count(*) FROM history WHERE item = 1"
if [ "$(cat "$tmp/out")" = 1 ]; then ok "a status set again adds no history"; else bad "history rows for item 1: $(cat "$tmp/out")"; fi

# Control characters of every kind are refused in an answer: C0, DEL, C1.
for c in '\033' '\177' '\302\200' '\302\233' '\302\237'; do
	run "set refuses $c" 1 "$TENKEN" -f "$st" set 12 --field current="$(printf "a${c}b")"
	no_escape "the refusal of $c shows no raw control" "$tmp/err"
done
# Invisible format characters too: bidirectional overrides, zero-width.
for c in '\342\200\256' '\342\201\246' '\342\200\213' '\357\273\277' '\342\200\250'; do
	run "set refuses $c" 1 "$TENKEN" -f "$st" set 12 --field current="$(printf "a${c}b")"
	has "the refusal of $c says what" "$tmp/err" "control character U+"
done
run "no refused answer was kept" 0 "$TENKEN" -f "$st" print --item 12
has "item 12 still empty" "$tmp/out" "(empty)"

# An answer written by another program with hidden characters in it is
# printed with each shown visibly, none raw.
sqlite3 "$st" "INSERT OR REPLACE INTO answer (item, field, text, time, user) VALUES (13, 'current', 'a' || char(27) || '[2J' || char(155) || char(8238) || 'cba' || char(8203) || 'z', '2026-01-01T00:00:00Z', 'other')"
run "print an answer with hidden characters" 0 "$TENKEN" -f "$st" print --item 13
has "each hidden character shown" "$tmp/out" "a^[[2J<U+009B><U+202E>cba<U+200B>z"
no_escape "print sends no raw control" "$tmp/out"
if LC_ALL=C grep -q "$(printf '\342\200\256\|\342\200\213\|\302\233')" "$tmp/out"; then
	bad "print sends no raw bidi, zero-width or C1 character" "$tmp/out"
else ok "print sends no raw bidi, zero-width or C1 character"; fi

# Reports: export --format md and html, for a person to read.
# The item numbers a report holds: its Markdown headings, its HTML items.
md_items() { sed -n 's/^### No\. \([0-9]*\) .*/\1/p' "$1" | tr '\n' ' '; }
html_items() { grep -o 'id="item-[0-9]*"' "$1" | tr -dc '0-9\n' | tr '\n' ' '; }
same_items() { # same_items NAME GOT WANT FILE
	if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: items $2, expected $3" "$4"; fi
}
python3 -c 'import json, sys
print(" ".join(str(i["number"]) for i in json.load(open(sys.argv[1]))["items"] if i["section"] == 3) + " ")' \
	"$tmp/fisc-api-2017-trial.json" >"$tmp/sec3"
sec3=$(cat "$tmp/sec3")
for f in md html; do
	run "export $f -s 3" 0 "$TENKEN" -f "$st" export --format "$f" -s 3 -o "$tmp/s3.$f"
	same_items "$f: a section report holds that section's items and no other" \
		"$("${f}_items" "$tmp/s3.$f")" "$sec3" "$tmp/s3.$f"
	has "$f: the section report says which section" "$tmp/s3.$f" "Cooperation framework between banks and API connectors"
	hasnt "$f: its progress has no other section" "$tmp/s3.$f" "Outsourcing management"
	run "export $f --status partial --status not-implemented" 0 "$TENKEN" -f "$st" export \
		--format "$f" --status partial --status not-implemented -o "$tmp/st.$f"
	same_items "$f: --status keeps only those statuses" "$("${f}_items" "$tmp/st.$f")" "2 3 4 5 6 " "$tmp/st.$f"
	run "export $f -s 1 --status not-applicable" 0 "$TENKEN" -f "$st" -s 1 export \
		--format "$f" --status not-applicable -o "$tmp/sst.$f"
	same_items "$f: --section and --status together" "$("${f}_items" "$tmp/sst.$f")" "7 8 9 10 " "$tmp/sst.$f"
	run "export $f -s 2 --status partial: none" 0 "$TENKEN" -f "$st" export --format "$f" -s 2 \
		--status partial -o "$tmp/none.$f"
	has "$f: says that no item matches" "$tmp/none.$f" "No item matches."
	run "export $f --status done" 2 "$TENKEN" -f "$st" export --format "$f" --status done
	has "$f: names the unknown status" "$tmp/err" '--status: unknown status "done"'
	run "export $f -s 10" 1 "$TENKEN" -f "$st" export --format "$f" -s 10
done
has "md: each status counted in its own column" "$tmp/st.md" "| **Total** | 10/60 | 48 | 2 | 1 | 2 | 3 | 4 |"
has "html: the answered items of section 3" "$tmp/s3.html" '<td>0/6</td>'
# --section and --status go with the reports only: refused with csv and
# json, before the command or after it, naming the option and the format.
for f in csv json; do
	for o in "-s 3|--section" "--section 3|--section" "--status partial|--status"; do
		# shellcheck disable=SC2086 # the option and its value are two words
		run "export $f ${o%|*}: refused" 2 "$TENKEN" export --format "$f" ${o%|*}
		has "export $f ${o%|*}: names the option and the format" "$tmp/err" "${o#*|} does not go with --format $f"
	done
	run "-s 3 export $f: refused" 2 "$TENKEN" -s 3 export --format "$f"
	has "-s 3 export $f: names --section and the format" "$tmp/err" "--section does not go with --format $f"
done
has "the refusal says where they go" "$tmp/err" "only with --format md and --format html"
run "export --lang ja --format md" 0 "$TENKEN" --lang ja -f "$st" export --format md -s 1
has "md --lang ja: Japanese labels" "$tmp/out" "- **セキュリティ対応目標:** セキュリティ管理責任の所在と対象範囲を明確にする"
has "md --lang ja: the item's heading" "$tmp/out" '### 通番 2 `[/]` 一部対応'
has "md --lang ja: an empty answer is shown, not left out" "$tmp/out" "- **今後の対応予定:** *(未記入)*"

# A report of a checklist of our own, with | and markup in its texts and an
# answer holding controls, a bidi override and a script: every text comes
# out escaped, the HTML parses, the Markdown table keeps its cells.
cat >"$tmp/rep.yaml" <<'YAML'
format: tenken-checklist 1
id: rep
title: 報告書の試験 <b>太字</b>
targets:
  - id: connector
    name: API接続先
columns:
  - id: current
    name: 現在の対応状況
  - id: plan
    name: 今後の対応予定
sections:
  - number: 1
    name: "規程|体制 & 'その他'"
    items:
      - number: 1
        goal: "目標 *強調* `コード` [リンク](x)"
        target: connector
  - number: 2
    name: 第二章
    items:
      - number: 2
        goal: 二つ目の目標
        target: connector
YAML
rep() { "$TENKEN" -c "$tmp/rep.yaml" -f "$tmp/rep.db" "$@"; }
run "report: an answer with | and a script" 0 rep set 1 --status partial \
	--field current="$(printf 'a | b\n- 箇条書き\n<script>alert(1)</script>')"
sqlite3 "$tmp/rep.db" "INSERT OR REPLACE INTO answer (item, field, text, time, user) VALUES (1, 'plan', 'x' || char(27) || '[2J' || char(155) || char(8238) || 'cba' || char(8203) || '<script>alert(1)</script>|', '2026-01-01T00:00:00Z', 'other')"
run "report: md" 0 rep export --format md -o "$tmp/rep.md"
run "report: html" 0 rep export --format html -o "$tmp/rep.html"
run "report: the file is 0600" 0 sh -c "[ \"\$(stat -c %a '$tmp/rep.html')\" = 600 ]"
for f in md html; do
	no_escape "$f: no raw control character" "$tmp/rep.$f"
	if LC_ALL=C grep -q "$(printf '\342\200\256\|\342\200\213\|\302\233')" "$tmp/rep.$f"; then
		bad "$f: no raw bidi, zero-width or C1 character" "$tmp/rep.$f"
	else ok "$f: no raw bidi, zero-width or C1 character"; fi
	if grep -Eq '(^|[^\])<script' "$tmp/rep.$f"; then bad "$f: no script" "$tmp/rep.$f"; else ok "$f: no script"; fi
done
has "html: the script escaped" "$tmp/rep.html" "&lt;script&gt;alert(1)&lt;/script&gt;"
has "html: the controls shown visibly" "$tmp/rep.html" 'x<span class="ctl">^[</span>[2J<span class="ctl">&lt;U+009B&gt;</span><span class="ctl">&lt;U+202E&gt;</span>cba'
has "html: quotes escaped" "$tmp/rep.html" "規程|体制 &amp; &#39;その他&#39;"
has "html: the title's markup escaped" "$tmp/rep.html" "<title>報告書の試験 &lt;b&gt;太字&lt;/b&gt;</title>"
has "md: the script escaped" "$tmp/rep.md" '\<script\>alert(1)\</script\>'
has "md: the controls shown visibly" "$tmp/rep.md" 'x`^[`\[2J`<U+009B><U+202E>`cba`<U+200B>`\<script\>'
has "md: the goal's markup escaped" "$tmp/rep.md" '目標 \*強調\* \`コード\` \[リンク\](x)'
has "md: a line break kept as a hard break" "$tmp/rep.md" "$(printf 'a \\| b\\\n  \\- 箇条書き\\')"
has "md: | escaped in the table" "$tmp/rep.md" '| 1. 規程\|体制 & '"'"'その他'"'"' | 1/1 |'

# The HTML: a strict parse (every element closed in order), the doctype,
# the language, the charset and viewport, no script, nothing from outside,
# and a page break between sections on paper.
for h in "$tmp/rep.html" "$tmp/s3.html" "$tmp/st.html" "$tmp/none.html"; do
	run "html parses strictly, self-contained: ${h##*/}" 0 python3 "${srcdir:-.}/tests/check_html.py" "$h"
done
"$TENKEN" --lang ja -c fisc-api-2018 export --blank --format html -o "$tmp/2018.html"
run "html of the 2018 edition in Japanese parses" 0 python3 "${srcdir:-.}/tests/check_html.py" "$tmp/2018.html"
has "html --lang ja: lang=ja" "$tmp/2018.html" '<html lang="ja">'
has "html --lang ja: Japanese labels" "$tmp/2018.html" "<dt>回答ファイル</dt>"

# The Markdown tables: each row has as many cells as the heading row, with
# a | in a section's name; GitHub's own cmark-gfm renders them so if it is
# installed.
cat >"$tmp/mdcheck.py" <<'PY'
import re, sys
rows = [l for l in open(sys.argv[1], encoding="utf-8") if l.startswith("|")]
cells = [re.sub(r"\\.", "x", l).count("|") - 1 for l in rows]
print(cells)
sys.exit(0 if len(rows) >= 3 and len(set(cells)) == 1 else 1)
PY
for m in "$tmp/rep.md" "$tmp/st.md" "$tmp/s3.md"; do
	run "md table rows keep their cells: ${m##*/}" 0 python3 "$tmp/mdcheck.py" "$m"
done
if command -v cmark-gfm >/dev/null 2>&1; then
	cmark-gfm -e table "$tmp/rep.md" >"$tmp/rep.md.html"
	if python3 -c 'import re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r"<tr>(.*?)</tr>", doc, re.S)
sys.exit(not (len(rows) == 4 and all(len(re.findall("<t[hd]", r)) == 8 for r in rows)))' "$tmp/rep.md.html"
	then ok "md: cmark-gfm renders each table row with its 8 cells"; else bad "md: cmark-gfm renders each table row with its 8 cells" "$tmp/rep.md.html"; fi
	has "md: cmark-gfm shows the | in a section's name" "$tmp/rep.md.html" "1. 規程|体制"
	has "md: cmark-gfm shows the script as text" "$tmp/rep.md.html" "&lt;script&gt;alert(1)&lt;/script&gt;|"
	has "md: cmark-gfm keeps the line break" "$tmp/rep.md.html" "a | b<br />"
	has "md: cmark-gfm finds no markup in the goal" "$tmp/rep.md.html" "目標 *強調* \`コード\` [リンク](x)</li>"
	hasnt "md: cmark-gfm makes no list of an answer's line" "$tmp/rep.md.html" "<li>箇条書き"
else
	echo "skip - cmark-gfm is not installed: the Markdown is not rendered"
fi

# The default answer directory is private, like the file.
run "answer directory is 0700" 0 sh -c "[ \"\$(stat -c %a '$tmp/xdg/tenken')\" = 700 ]"

# A newer tenken's file is refused, one schema version on as well as many.
"$TENKEN" -f "$tmp/newer.db" set 1 --status partial >/dev/null
sqlite3 "$tmp/newer.db" "PRAGMA user_version = $(( $(sqlite3 "$tmp/newer.db" 'PRAGMA user_version') + 1 ))"
cp "$tmp/newer.db" "$tmp/newer.orig"
run "a file from a newer tenken is refused" 1 "$TENKEN" -f "$tmp/newer.db" set 2 --status partial
has "says it is newer" "$tmp/err" "newer tenken"
run "the newer file is untouched" 0 cmp "$tmp/newer.db" "$tmp/newer.orig"

# A small checklist of our own: the publisher's remarks, two references,
# a December date, print's filters and the CSV's cells.
cat >"$tmp/own.yaml" <<'YAML'
format: tenken-checklist 1
id: own
title: 自前のチェックリスト
date: 2026-12-31
targets:
  - id: connector
    name: API接続先
  - id: bank
    name: 銀行
columns:
  - id: current
    name: 現在の対応状況
  - id: remarks
    name: 備考
sections:
  - number: 1
    name: 第一章
    items:
      - number: 1
        goal: 一つ目の目標
        target: connector
        remarks: 発行者の備考です
        references:
          - source: 規定A
            location: 第1条
          - source: 規定B
            location: 第2条
  - number: 2
    name: 第二章
    items:
      - number: 2
        goal: 二つ目の目標
        target: bank
YAML
run "a checklist dated in December" 0 "$TENKEN" -c "$tmp/own.yaml" -f "$tmp/own.db" set 1 --field remarks=利用者の備考です
run "print shows the publisher's remarks" 0 "$TENKEN" --lang ja -c "$tmp/own.yaml" -f "$tmp/own.db" print
has "the publisher's remark printed" "$tmp/out" "発行者の備考です"
run "print --section 1" 0 "$TENKEN" --lang ja -c "$tmp/own.yaml" -f "$tmp/own.db" print --section 1
has "section 1 printed" "$tmp/out" "一つ目の目標"
hasnt "section 2 not printed" "$tmp/out" "二つ目の目標"
run "print --section 2" 0 "$TENKEN" --lang ja -c "$tmp/own.yaml" -f "$tmp/own.db" print --section 2
hasnt "section 1 not printed" "$tmp/out" "一つ目の目標"
run "own checklist: CSV" 0 "$TENKEN" -c "$tmp/own.yaml" -f "$tmp/own.db" export --format csv
has "CSV: the references one per line" "$tmp/out" "\"規定A$(printf '\r')"
has "CSV: the second reference on its own line" "$tmp/out" "規定B\",\"第1条"
has "CSV: the publisher's remark, then the firm's" "$tmp/out" "\"発行者の備考です$(printf '\r')"
has "CSV: the firm's remark on the next line" "$tmp/out" "利用者の備考です\",\""
sed 's/target: bank$/target: bankx/' "$tmp/own.yaml" >"$tmp/own-bad.yaml"
run "a mistyped target is refused" 1 "$TENKEN" -c "$tmp/own-bad.yaml" print
has "the mistyped target is named" "$tmp/err" 'target "bankx"'

# Migration: of three trial items joined into 2018 item 21, the middle one
# unanswered; statuses that differ where the first is unanswered (trial 3)
# and the others agree (4 and 9).
m2="$tmp/mig2.db"
"$TENKEN" -c fisc-api-2017-trial -f "$m2" set 27 --field current=権限設定T27 >/dev/null
"$TENKEN" -f "$m2" set 38 --field current=アクセス制限T38 >/dev/null
"$TENKEN" -f "$m2" set 4 --status implemented >/dev/null
"$TENKEN" -f "$m2" set 9 --status implemented >/dev/null
run "migrate with gaps" 0 "$TENKEN" migrate --from "$m2" --to fisc-api-2018 -o "$tmp/new2.db"
cp "$tmp/out" "$tmp/report2"
"$TENKEN" -f "$tmp/new2.db" export --format json >"$tmp/new2.json"
has "the answer after an empty one is carried" "$tmp/new2.json" "アクセス制限T38"
has "the answer before it too" "$tmp/new2.json" "権限設定T27"
has "statuses that differ are for review" "$tmp/report2" "3 <- 3, 4, 9: statuses differ, left unanswered (review)"
has "two items need review" "$tmp/report2" "2 items need review"

# A mapping that drops an item (the bundled one drops none; here trial 60,
# its 2018 item 44 made new): an answered dropped item is reported, an
# unanswered one is not asked about.
mkdir -p "$tmp/data3"
cp "${srcdir:-.}"/data/*.yaml "$tmp/data3/"
sed -i 's/^    from: \[60\]$/    from: []/' "$tmp/data3/fisc-api-2017-trial.to.fisc-api-2018.yaml"
printf 'dropped:\n  - from: 60\n    why:\n      ja: 試験のため\n' >>"$tmp/data3/fisc-api-2017-trial.to.fisc-api-2018.yaml"
run "migrate, a dropped item unanswered" 0 env TENKEN_DATADIR="$tmp/data3" "$TENKEN" migrate --from "$m2" --to fisc-api-2018 -o "$tmp/new4.db"
hasnt "an unanswered dropped item is not reported" "$tmp/out" "item 60 of"
"$TENKEN" -f "$m2" set 60 --status implemented >/dev/null
run "migrate, a dropped item answered" 0 env TENKEN_DATADIR="$tmp/data3" "$TENKEN" migrate --from "$m2" --to fisc-api-2018 -o "$tmp/new5.db"
has "an answered dropped item is reported" "$tmp/out" "item 60 of fisc-api-2017-trial has no counterpart"

# A mapping that forgets an old item is refused: migrate would leave that
# item's answers behind without a word.
mkdir -p "$tmp/data2"
cp "${srcdir:-.}"/data/*.yaml "$tmp/data2/"
sed -i 's/^    from: \[12, 22\]$/    from: [22]/' "$tmp/data2/fisc-api-2017-trial.to.fisc-api-2018.yaml"
run "a mapping that forgets an item" 1 env TENKEN_DATADIR="$tmp/data2" "$TENKEN" migrate --from "$m2" --to fisc-api-2018 -o "$tmp/new3.db"
has "says which item is forgotten" "$tmp/err" "item 12 of fisc-api-2017-trial must be linked or dropped"

# --- The command line: one table of commands, the global options parsed once. ---

"$TENKEN" --help >"$tmp/main-help"
for c in print status set export ui checklists migrate; do
	run "$c --help" 0 "$TENKEN" "$c" --help
	has "$c --help shows its usage" "$tmp/out" "tenken $c"
	has "tenken --help lists $c" "$tmp/main-help" "  $c "
done
run "--version after a command" 0 "$TENKEN" migrate --version
has "migrate --version names tenken" "$tmp/out" "tenken "

# What used to go wrong: a global option before a command that does not take
# it was handed to the command as one of the command's own options.
db="$tmp/xdg/tenken/fisc-api-2017-trial.db"
cp "$db" "$tmp/table.db"
run "-s 3 set: refused" 2 "$TENKEN" -s 3 set 5 --field current=hello
has "-s 3 set: --section is not taken with an item" "$tmp/err" "give items or --section, not both"
hasnt "-s 3 set: 3 is not taken for a status" "$tmp/err" "unknown status"
run "-R set: refused" 2 "$TENKEN" -R set 5 --field current=hello
has "-R set: names --read-only and set" "$tmp/err" "--read-only does not go with set"
has "-R set: says that set changes answers" "$tmp/err" "changes answers"
run "the refused sets changed nothing" 0 cmp "$tmp/table.db" "$db"
run "-s 3 status: refused" 2 "$TENKEN" -s 3 status
has "-s 3 status: names --section and status" "$tmp/err" "--section does not go with status"
run "-i 5 export: refused" 2 "$TENKEN" -i 5 export --format csv
has "-i 5 export: names --item and export" "$tmp/err" "--item does not go with export"
run "-f x migrate: refused" 2 "$TENKEN" -f x migrate
has "-f x migrate: names --file and migrate" "$tmp/err" "--file does not go with migrate"
has "-f x migrate: points to --from" "$tmp/err" "--from FILE"
run "--lang en checklists" 0 "$TENKEN" --lang en checklists
cp "$tmp/out" "$tmp/checklists.before"
run "checklists --lang en" 0 "$TENKEN" checklists --lang en
cp "$tmp/out" "$tmp/checklists.after"
run "checklists --lang en lists the same" 0 cmp "$tmp/checklists.before" "$tmp/checklists.after"
run "set's own -s is still --status" 0 "$TENKEN" -f "$tmp/own-s.db" set 2 -s partial
run "set -s: the status was set" 0 "$TENKEN" -f "$tmp/own-s.db" status
has "set -s: 1 answered" "$tmp/out" "1/60"

# Every global option a command takes gives the same result before the
# command and after it; and where the option shows in the result, the
# result is not the one without it. Lines: command|option|arguments|shows.
printf 'not a database\n' >"$tmp/ba-notdb.db"
# shellcheck disable=SC2086 # the option and the arguments are split into words
while IFS='|' read -r cmd opt args shows; do
	"$TENKEN" $opt "$cmd" $args >"$tmp/ba1.out" 2>"$tmp/ba1.err" </dev/null
	s1=$?
	"$TENKEN" "$cmd" $args $opt >"$tmp/ba2.out" 2>"$tmp/ba2.err" </dev/null
	s2=$?
	if [ "$s1" = "$s2" ] && cmp -s "$tmp/ba1.out" "$tmp/ba2.out" &&
		cmp -s "$tmp/ba1.err" "$tmp/ba2.err"; then
		ok "$cmd: $opt before and after the command (exit $s1)"
	else
		bad "$cmd: $opt before and after the command: exit $s1 and $s2" "$tmp/ba2.err"
	fi
	[ "$shows" = shows ] || continue
	"$TENKEN" "$cmd" $args >"$tmp/ba0.out" 2>"$tmp/ba0.err" </dev/null
	if cmp -s "$tmp/ba0.out" "$tmp/ba1.out" && cmp -s "$tmp/ba0.err" "$tmp/ba1.err"; then
		bad "$cmd: $opt makes a difference" "$tmp/ba1.err"
	else ok "$cmd: $opt makes a difference"; fi
done <<CASES
print|-f $tmp/ba-notdb.db|--item 1|shows
print|-c fisc-api-2018|--item 1|shows
print|-s 3|--width 60|shows
print|-i 7|--width 60|shows
print|-R|--item 50|
print|--lang ja|--item 1|shows
print|--ambiguous-width 2|--item 1 --width 40|shows
status|-f $tmp/other.db||shows
status|-c fisc-api-2018||shows
status|-R||
status|--lang ja||shows
status|--ambiguous-width 2||
set|-f $tmp/ba-notdb.db|1 --status partial|shows
set|-c fisc-api-2018|45 --status partial|shows
set|--lang ja|99 --status partial|shows
set|--ambiguous-width 2|1 --status partial -q -f $tmp/ba-set.db|
export|-f $tmp/ba-notdb.db|--format csv|shows
export|-c fisc-api-2018|--format csv|shows
export|-R|--format json|
export|--lang en|--format csv|shows
export|--ambiguous-width 2|--format json|
export|-s 3|--format md|shows
export|-s 3|--format html|shows
ui|-f $tmp/ba-notdb.db||shows
ui|-c no-such-list||shows
ui|-s 99||shows
ui|-i 999||shows
ui|-R|-f $tmp/ba-ui.db|
ui|--lang ja||shows
ui|--ambiguous-width 2||
checklists|--lang ja||shows
checklists|--ambiguous-width 2||
migrate|--lang ja|--from $tmp/none.db|shows
migrate|--ambiguous-width 2|--from $tmp/none.db|
CASES
run "ui -R creates no answer file" 0 test ! -e "$tmp/ba-ui.db"

# A global option that a command does not take is refused, before the
# command or after it, with one message that names both.
# shellcheck disable=SC2086 # the option and the arguments are split into words
while IFS='|' read -r where cmd opt long args; do
	if [ "$where" = before ]; then
		"$TENKEN" $opt "$cmd" $args >"$tmp/out" 2>"$tmp/err" </dev/null
	else
		"$TENKEN" "$cmd" $args $opt >"$tmp/out" 2>"$tmp/err" </dev/null
	fi
	got=$?
	if [ "$got" = 2 ] && grep -qF -- "$long does not go with $cmd" "$tmp/err" &&
		[ "$(wc -l <"$tmp/err")" = 1 ]; then
		ok "$opt $where $cmd: refused in one message that names both"
	else bad "$opt $where $cmd: exit $got, expected 2 and \"$long does not go with $cmd\"" "$tmp/err"; fi
done <<CASES
after|status|--section 3|--section|
after|export|-i 5|--item|--format csv
before|set|--item 5|--item|5 --status partial
after|set|-R|--read-only|5 --status partial
before|checklists|-f x|--file|
after|checklists|-c fisc-api-2018|--checklist|
after|migrate|-R|--read-only|--from x --to fisc-api-2018 -o y
after|migrate|-c fisc-api-2018|--checklist|--from x -o y
CASES

# --- import: the CSV back in. ---
im="$tmp/import.db"
"$TENKEN" -c fisc-api-2018 -f "$im" set 1 --status implemented --field current='暗号化して保存' >/dev/null
"$TENKEN" -f "$im" set 2 --field plan='=来期に検討' >/dev/null
run "export the CSV to import" 0 "$TENKEN" -f "$im" export --format csv -o "$tmp/im.csv"
run "import what was exported" 0 "$TENKEN" -f "$im" import --yes "$tmp/im.csv"
has "import of the export changes nothing" "$tmp/out" "Nothing to import"
python3 - "$tmp/im.csv" "$tmp/im2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
rows[3][rows[0].index("回答状況")] = "一部対応"
rows[1][rows[0].index("備考")] = "銀行からの質問: 鍵の保管場所は?"
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline=""), lineterminator="\r\n")
w.writerows(rows)
PY
cp "$im" "$tmp/im.before"
run "import --dry-run" 0 "$TENKEN" -f "$im" import --dry-run "$tmp/im2.csv"
has "dry run: the status change" "$tmp/out" "一部対応"
has "dry run: the question in 備考" "$tmp/out" "+ 銀行からの質問: 鍵の保管場所は?"
has "dry run: two changes" "$tmp/out" "2 changes would be applied"
run "--dry-run changed nothing" 0 cmp "$im" "$tmp/im.before"
run "import off a terminal without --yes" 2 "$TENKEN" -f "$im" import "$tmp/im2.csv"
has "says to give --yes" "$tmp/err" "--yes"
run "nothing imported without --yes" 0 cmp "$im" "$tmp/im.before"
run "import --yes" 0 "$TENKEN" -f "$im" import --yes "$tmp/im2.csv"
has "two changes imported" "$tmp/out" "2 changes imported"
run "the imported status" 0 "$TENKEN" -f "$im" export --format json
has "item 3 partly implemented" "$tmp/out" '"status":"partial"'
run "history names the file" 0 sqlite3 "$im" "SELECT count(*) FROM history WHERE source = 'import im2.csv'"
if [ "$(cat "$tmp/out")" = 2 ]; then ok "history names the file of each change"; else bad "history rows from the import: $(cat "$tmp/out")"; fi
# Another edition's CSV, a malformed CSV, Shift_JIS.
"$TENKEN" -c fisc-api-2017-trial -f "$tmp/trial.db" set 1 --field current=試行版 >/dev/null
"$TENKEN" -f "$tmp/trial.db" export --format csv -o "$tmp/trial.csv"
cp "$im" "$tmp/im.before"
run "another edition's CSV refused" 1 "$TENKEN" -f "$im" import --yes "$tmp/trial.csv"
has "says it is another checklist" "$tmp/err" "another checklist or edition"
run "the answer file untouched" 0 cmp "$im" "$tmp/im.before"
printf '通番,セキュリティ対応目標,現在の対応状況\r\n1,"x\r\n' >"$tmp/bad.csv"
run "a CSV with a bad quote" 1 "$TENKEN" -f "$im" import --yes "$tmp/bad.csv"
has "names line and column" "$tmp/err" "bad.csv:2:3: a quoted field is not closed"
run "the answer file untouched by it" 0 cmp "$im" "$tmp/im.before"
python3 - "$tmp/sjis.csv" <<'PY'
import sys
text = "通番,セキュリティ対応目標,現在の対応状況\r\n4,情報資産の管理を実施する。,台帳で管理\r\n"
open(sys.argv[1], "wb").write(text.encode("cp932"))
PY
run "a Shift_JIS CSV" 0 "$TENKEN" -f "$im" import --yes "$tmp/sjis.csv"
has "says it converted it" "$tmp/out" "Shift_JIS (CP932)"
run "the Shift_JIS answer" 0 "$TENKEN" --lang ja -f "$im" print --item 4
has "the Shift_JIS answer is in the file" "$tmp/out" "台帳で管理"

# The review: the bank's verdict and a thread of comments on an item, kept
# apart from the answers, in the history, and carried by the workbook both
# ways.
rv="$tmp/review.db"
"$TENKEN" -c fisc-api-2018 -f "$rv" set 5 --status implemented --field current=金庫で保管 >/dev/null
run "review: a verdict and a question" 0 "$TENKEN" -f "$rv" review 5 --verdict query --comment "鍵の保管場所は?"
run "review: an unknown verdict" 2 "$TENKEN" -f "$rv" review 5 --verdict maybe
has "review: the verdicts named" "$tmp/err" "confirmed, query, finding, none"
run "review: a comment with an escape" 1 "$TENKEN" -f "$rv" review 5 --comment "$(printf 'a\033[2Jb')"
has "review: the control named" "$tmp/err" "U+001B"
run "review: no such item" 1 "$TENKEN" -f "$rv" review 99 --verdict query
printf '回答:\nHSM で保管しています\n' | "$TENKEN" -f "$rv" review 5 --comment - >/dev/null 2>&1
run "review: the thread" 0 env TZ=JST-9 "$TENKEN" -f "$rv" review 5
has "review: the verdict shown" "$tmp/out" "Item 5: 要確認 (Query)"
has "review: the first comment" "$tmp/out" "    鍵の保管場所は?"
has "review: the reply from standard input, both lines" "$tmp/out" "    HSM で保管しています"
if grep -Eq '^  [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} JST  ' "$tmp/out"; then ok "review: each comment with its local time and author"; else bad "review: each comment with its local time and author" "$tmp/out"; fi
run "review: every item with a review" 0 "$TENKEN" -f "$rv" review
has "review: item 5 listed" "$tmp/out" "Item 5: 要確認"
hasnt "review: items without a review not listed" "$tmp/out" "Item 4"
run "review: print shows the verdict" 0 "$TENKEN" -f "$rv" print --item 5
has "print: the verdict" "$tmp/out" "Verdict: 要確認 (Query)"
has "print: the latest comment" "$tmp/out" "Latest comment: 回答:"
run "review: in the history" 0 sqlite3 "$rv" "SELECT field || '=' || new FROM history WHERE item = 5 AND field IN ('verdict', 'comment') ORDER BY id"
has "history: the verdict" "$tmp/out" "verdict=query"
has "history: the comment" "$tmp/out" "comment=鍵の保管場所は?"
run "review: a missing file is not made" 1 "$TENKEN" -f "$tmp/no-review.db" review
if [ -e "$tmp/no-review.db" ]; then bad "review made $tmp/no-review.db"; else ok "review: a missing file stays missing"; fi
# Through the CSV: the bank confirms item 5 and asks about item 6; the
# firm's import shows both and adds the question to item 6's thread.
run "review: export" 0 "$TENKEN" -f "$rv" export --format csv -o "$tmp/rv.csv"
python3 - "$tmp/rv.csv" "$tmp/rv2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
h = rows[0]
assert rows[5][h.index("確認結果")] == "要確認", rows[5]
assert rows[5][h.index("照会事項")].startswith("回答:"), rows[5]
rows[5][h.index("確認結果")] = "確認済"
rows[5][h.index("照会事項")] = ""  # cleared: takes no comment back
rows[6][h.index("確認結果")] = "指摘あり"
rows[6][h.index("照会事項")] = "アクセス権の見直し頻度は?"
w = csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline=""), lineterminator="\r\n")
w.writerows(rows)
PY
run "review: import --dry-run" 0 "$TENKEN" -f "$rv" import --dry-run "$tmp/rv2.csv"
has "import: the verdict change" "$tmp/out" "+ 確認済"
has "import: the new comment" "$tmp/out" "+ アクセス権の見直し頻度は?"
has "import: three changes" "$tmp/out" "3 changes would be applied"
run "review: import" 0 "$TENKEN" -f "$rv" import --yes "$tmp/rv2.csv"
run "review: the thread after import" 0 "$TENKEN" -f "$rv" review 6
has "import: item 6's verdict" "$tmp/out" "Item 6: 指摘あり (Finding)"
has "import: the comment names the file" "$tmp/out" "[import rv2.csv]"
run "review: importing again" 0 "$TENKEN" -f "$rv" import --yes "$tmp/rv2.csv"
has "import: the same file again adds nothing" "$tmp/out" "Nothing to import"

# No network, ever: not one network socket in a command that reads, writes,
# exports or imports (strace sees the libraries' calls too). The C
# library's name service may ask its local daemon for the login name that
# the history records, over a local (AF_UNIX) socket: that is the system's.
net="$tmp/net.db"
for cmd in "print" "status" "set 3 --status partial --field current=回答" \
	"export --format xlsx -o $tmp/net.xlsx" "export --format html -o $tmp/net.html" \
	"import --yes $tmp/net.xlsx" "checklists"; do
	# shellcheck disable=SC2086
	strace -f -e trace=%network -o "$tmp/net.trace" "$TENKEN" -c fisc-api-2018 -f "$net" $cmd \
		>/dev/null 2>&1
	if grep -e 'socket(' -e 'connect(' -e 'sendto(' "$tmp/net.trace" | grep -qv 'AF_UNIX'; then
		bad "tenken $cmd makes a network call" "$tmp/net.trace"
	else ok "tenken $cmd makes no network call"; fi
done
if [ -s "$net" ]; then ok "the commands traced did their work"; else bad "the traced commands made no answer file"; fi

# set on many items: a range, a list, a section; one transaction, each
# change in the history; it says what it changed unless -q.
many="$tmp/many.db"
m() { "$TENKEN" -c fisc-api-2018 -f "$many" "$@"; }
run "set 12-16" 0 m set 12-16 --status not-applicable
has "set 12-16: says item 12 changed" "$tmp/out" "Item 12: status set to Not applicable"
has "set 12-16: says item 16 changed" "$tmp/out" "Item 16: status set to Not applicable"
run "set 12-16: five statuses" 0 test "$(sqlite3 "$many" "SELECT count(*) FROM status WHERE status = 'not-applicable'")" = 5
run "set 12-16: five history rows" 0 test "$(sqlite3 "$many" "SELECT count(*) FROM history WHERE field = 'status'")" = 5
run "set 3,5,12-16 -q" 0 m set 3,5,12-16 -q --field issues=なし
run "set -q says nothing" 0 test ! -s "$tmp/out"
run "set 3,5,12-16: seven answers" 0 test "$(sqlite3 "$many" "SELECT count(*) FROM answer WHERE field = 'issues'")" = 7
run "set --section 2" 0 m set --section 2 --status partial
run "set --section 2: the section's items, 10 and 11" 0 test "$(sqlite3 "$many" "SELECT group_concat(item) FROM (SELECT item FROM status WHERE status = 'partial' ORDER BY item)")" = "10,11"
run "set: a column by its Japanese name" 0 m --lang ja set 5 --field 課題認識=特になし --field 現在の対応状況=実施中
has "set: says so in Japanese" "$tmp/out" "通番 5: 現在の対応状況 を保存しました"
run "set: the Japanese name's column" 0 test "$(sqlite3 "$many" "SELECT text FROM answer WHERE item = 5 AND field = 'issues'")" = 特になし
run "set: an unchanged value" 0 m set 5 --field issues=特になし
has "set: says it is unchanged" "$tmp/out" "Item 5: Issues identified unchanged"
run "set: an unknown column" 2 m set 5 --field bogus=x
has "set: the unknown column lists the valid ones" "$tmp/err" "one of current (現在の対応状況), issues (課題認識), plan (課題への対応計画), remarks (備考)"
run "set --help lists the columns" 0 "$TENKEN" -c fisc-api-2018 set --help
has "set --help: issues and its name" "$tmp/out" "issues     課題認識"
has "set --help: remarks" "$tmp/out" "remarks    備考"
run "set 40-50 on 44 items" 1 m set 40-50 --status partial
has "set 40-50: names the item and the range" "$tmp/err" "there is no item 50 in fisc-api-2018 (its items are 1 to 44)"
run "set 40-50: nothing changed" 0 test "$(sqlite3 "$many" "SELECT count(*) FROM status WHERE item >= 40")" = 0
run "set: items and --section" 2 m set 5 --section 3 --status partial
run "set: a bad range" 2 m set 16-12 --status partial
# A failure at item 14 (a trigger stands in for a full disk) keeps nothing.
sqlite3 "$many" "CREATE TRIGGER fail14 BEFORE UPDATE ON status WHEN NEW.item = 14 BEGIN SELECT RAISE(ABORT, 'no room'); END; CREATE TRIGGER fail14i BEFORE INSERT ON status WHEN NEW.item = 14 BEGIN SELECT RAISE(ABORT, 'no room'); END;"
before=$(sqlite3 "$many" "SELECT count(*) FROM history")
run "set 12-16 failing at 14" 1 m set 12-16 --status implemented
has "set: says nothing was changed" "$tmp/err" "nothing was changed"
run "set: item 12 and 13 untouched" 0 test "$(sqlite3 "$many" "SELECT count(*) FROM status WHERE status = 'implemented'")" = 0
run "set: no history of the failed set" 0 test "$(sqlite3 "$many" "SELECT count(*) FROM history")" = "$before"
sqlite3 "$many" "DROP TRIGGER fail14; DROP TRIGGER fail14i;"

# history: who, when in local time, what, before and after; newest first.
hist="$tmp/hist.db"
h() { TZ=JST-9 "$TENKEN" -c fisc-api-2018 -f "$hist" "$@"; }
run "history: no answer file" 1 h history
has "history: names the missing file" "$tmp/err" "no answer file at $hist"
h set 5 --status implemented -q
h set 5 --field current='一行目
二行目' -q
h set 7 --field plan=来期 -q
run "history" 0 h history
has "history: the time in local time" "$tmp/out" " JST  "
has "history: the item and the column's name" "$tmp/out" "item 5  Current status of measures"
has "history: the status by its name" "$tmp/out" "after:  Implemented"
has "history: a second line indented" "$tmp/out" "            二行目"
run "history: newest first" 0 test "$(sed -n 's/.*  item \([0-9]*\)  .*/\1/p' "$tmp/out" | tr '\n' ' ')" = "7 5 5 "
run "history 5 --oldest-first" 0 h history 5 --oldest-first
run "history 5: only item 5, oldest first" 0 test "$(sed -n 's/.*  item \([0-9]*\)  \(.*\)/\1 \2/p' "$tmp/out" | tr '\n' '|')" = "5 status|5 Current status of measures|"
run "history --since tomorrow" 0 h history --since "$(date -d tomorrow +%Y-%m-%d)"
has "history --since: nothing newer" "$tmp/out" "No change is recorded."
run "history --since today" 0 h history --since "$(TZ=JST-9 date +%Y-%m-%d)"
has "history --since today: today's changes" "$tmp/out" "item 7"
run "history --lang ja" 0 h --lang ja history 5
has "history --lang ja: Japanese" "$tmp/out" "通番 5  現在の対応状況"
run "export --format csv --history" 0 h export --format csv --history
has "history CSV: the headers" "$tmp/out" '"通番","項目","変更前","変更後","変更者","日時"'
has "history CSV: a status by its official name" "$tmp/out" '5,"回答状況","未回答","対応済",'
has "history CSV: a column by its name" "$tmp/out" '7,"課題への対応計画","","来期",'
has "history CSV: the time in local time" "$tmp/out" ' JST"'
run "history CSV: oldest first, a row per change" 0 test "$(sed -n 's/^\([0-9][0-9]*\),.*/\1/p' "$tmp/out" | tr '\n' ' ')" = "5 5 7 "
run "history --since a bad date" 2 h history --since yesterday
run "history 50 on 44 items" 1 h history 50
run "history: -f typo.db refused" 1 "$TENKEN" -f "$tmp/typo.db" history
run "history created nothing" 0 test ! -e "$tmp/typo.db"

# --- name: the connector's name an answer file keeps. ---
nm="$tmp/named.db"
run "name: a new file" 0 "$TENKEN" -f "$nm" name "株式会社サンプルペイ"
has "name: says what it kept" "$tmp/out" "The connector's name is now 株式会社サンプルペイ"
run "name: shown" 0 "$TENKEN" -f "$nm" name
run "name: printed alone" 0 test "$(cat "$tmp/out")" = "株式会社サンプルペイ"
run "status: the connector's name under the file's" 0 "$TENKEN" -f "$nm" status
has "status: the connector's line" "$tmp/out" "Connector: 株式会社サンプルペイ"
run "export md: the connector under the title" 0 "$TENKEN" -f "$nm" export --format md
has "export md: the connector" "$tmp/out" "株式会社サンプルペイ"
run "history: the change of the name" 0 "$TENKEN" -f "$nm" history
has "history: said as the connector's name" "$tmp/out" "the connector's name"
has "history: the name kept" "$tmp/out" "after:  株式会社サンプルペイ"
cp "$nm" "$tmp/named.before"
run "name: an escape refused" 1 "$TENKEN" -f "$nm" name "$(printf 'x[2J')"
has "name: says which character" "$tmp/err" "name: control character U+001B at byte 2"
no_escape "name: the escape not echoed" "$tmp/err"
run "name: a bidi override refused" 1 "$TENKEN" -f "$nm" name "$(printf 'a\342\200\256b')"
has "name: says it is U+202E" "$tmp/err" "U+202E"
run "name: two lines refused" 1 "$TENKEN" -f "$nm" name "$(printf 'a
b')"
has "name: says it is one line" "$tmp/err" "one line"
run "name: refused in Japanese" 1 "$TENKEN" --lang ja -f "$nm" name "$(printf 'a	b')"
has "name: says so in Japanese" "$tmp/err" "接続先の名前はタブを含まない1行です"
run "name: a refused name changes nothing" 0 cmp "$nm" "$tmp/named.before"
run "name: two names refused" 2 "$TENKEN" -f "$nm" name a b
run "name: removed" 0 "$TENKEN" -f "$nm" name ""
run "name: none kept" 0 "$TENKEN" -f "$nm" name
has "name: says the file keeps none" "$tmp/err" "keeps no connector's name"
run "status: no connector's line without a name" 0 "$TENKEN" -f "$nm" status
hasnt "status: no connector's line" "$tmp/out" "Connector:"
run "name: a missing file is refused when shown" 1 "$TENKEN" -f "$tmp/nameless.db" name
run "name: nothing made" 0 test ! -e "$tmp/nameless.db"
run "name -R refused" 2 "$TENKEN" -R -f "$nm" name x
esc_db="$tmp/$(printf 'x\033[2Jy').db"
"$TENKEN" -f "$esc_db" set -q 1 --status implemented
run "status: a file whose name holds an escape" 0 "$TENKEN" -f "$esc_db" status
no_escape "status: the escape in the file's name shown visibly" "$tmp/out"
has "status: as ^[" "$tmp/out" "x^[[2Jy.db"

# quickstart.sh passes what it is given to tenken, and "check" stays the
# test suite. Run on stubs: a make, a dpkg-query and a tenken that say what
# they were asked.
qs="$tmp/qs"
mkdir -p "$qs/bin" "$qs/src"
cp "${srcdir:-.}/quickstart.sh" "$qs/"
printf '#!/bin/sh\necho "install ok installed"\n' >"$qs/bin/dpkg-query"
printf '#!/bin/sh\necho "make $*" >>"%s/log"\n' "$qs" >"$qs/bin/make"
printf '#!/bin/sh\necho "tenken $*" >>"%s/log"\n' "$qs" >"$qs/src/tenken"
printf '#!/bin/sh\n' >"$qs/configure"
: >"$qs/Makefile"
chmod +x "$qs/bin/dpkg-query" "$qs/bin/make" "$qs/src/tenken" "$qs/configure"
run "quickstart.sh --lang ja" 0 env PATH="$qs/bin:$PATH" "$qs/quickstart.sh" --lang ja
has "quickstart.sh passes its arguments to tenken" "$qs/log" "tenken --lang ja"
: >"$qs/log"
env PATH="$qs/bin:$PATH" "$qs/quickstart.sh" check >/dev/null 2>&1
has "quickstart.sh check runs the tests" "$qs/log" "check"
hasnt "quickstart.sh check does not start tenken" "$qs/log" "tenken"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
