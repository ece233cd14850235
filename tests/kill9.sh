#!/bin/sh
# Nothing lost at kill -9: runs `tenken set` again and again on one answer
# file, each with a text no other round sets, and kills it with SIGKILL
# after a random delay, from a fraction of a millisecond to a little more
# than a set takes, so that kills land everywhere: while the checklist
# loads, while SQLite opens, inside the transaction, during the commit,
# after it. A set that exited 0 was acknowledged. Every KILL9_EVERY rounds
# and at the end it checks the file:
#   - sqlite3 PRAGMA integrity_check says ok, and tenken status opens it;
#   - every acknowledged answer is in the history;
#   - each item and field holds the value of its last acknowledged round,
#     or of a later round that was killed (it may have committed first);
#   - the history is one chain per item and field: in id order, each row's
#     old value is the new value of the row before (the first's is empty,
#     or unanswered for a status), rounds in the order they ran, none
#     recorded that was never set, and the file holds the last row's value.
# Then KILL9_CREATES rounds kill a set that is creating a new answer file,
# and check that the next set can use the file.
# KILL9_ROUNDS (300) and KILL9_SEED choose the rounds; make soak runs 5000.
set -u
: "${TENKEN:=./src/tenken}"
rounds=${KILL9_ROUNDS:-300}
# Under tests/mutate (every mutant runs the suite) a shorter run.
[ -n "${TENKEN_MUTATING:-}" ] && [ -z "${KILL9_ROUNDS:-}" ] && rounds=60
every=${KILL9_EVERY:-100}
creates=${KILL9_CREATES:-$((rounds / 10))}
seed=${KILL9_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
checklist=fisc-api-2017-trial
tmp=$(mktemp -d /tmp/tenken-kill9.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export XDG_DATA_HOME="$tmp/xdg" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" LC_ALL=C.UTF-8 LANGUAGE=
db=$tmp/answers.db
passed=0 failed=0

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() { failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && head -n 20 "$2" | sed 's/^/    /'; }

for tool in sqlite3 timeout od awk; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "FAIL: $tool is not installed (apt-get install sqlite3 coreutils)"
		exit 1
	fi
done
echo "# kill9: $rounds rounds and $creates new files, seed $seed (KILL9_SEED=$seed repeats them)"

now_us() { echo $(($(date +%s%N) / 1000)); }

# set FILE ITEM ARG...: tenken set on FILE, killed after $delay seconds
# unless it ends first; $rc is its exit status (124 or 137: killed).
# --foreground: timeout kills tenken alone and reaps it before it exits
# (without it, timeout kills its process group, itself too, and may be
# gone while tenken still holds its lock on the file).
set_killed() {
	file=$1 item=$2
	shift 2
	timeout --foreground -s KILL "$delay" "$TENKEN" -f "$file" --checklist "$checklist" set "$item" "$@" \
		>/dev/null 2>"$tmp/err"
	rc=$?
}

# How long an uninterrupted set takes here (the median of five), so that
# the kills are spread over all of it.
start=$(now_us)
times=""
for i in 1 2 3 4 5; do
	t0=$(now_us)
	"$TENKEN" -f "$tmp/timing.db" --checklist "$checklist" set 1 --field current="timing $i" \
		>/dev/null 2>"$tmp/err" || bad "an uninterrupted set works" "$tmp/err"
	times="$times $(($(now_us) - t0))"
done
median=$(echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | sed -n 3p)
max=$((median * 13 / 10))
echo "# an uninterrupted set takes ${median} us here; kills land from 0.05 ms to ${max} us"

# The rounds, drawn at once: item (1-6), field or status, its value and
# the delay (one in ten under a millisecond).
awk -v seed="$seed" -v n="$rounds" -v max="$max" 'BEGIN {
	srand(seed)
	split("current plan remarks", fields, " ")
	split("implemented partial not-implemented not-applicable unanswered", statuses, " ")
	for (i = 1; i <= n; i++) {
		item = 1 + int(rand() * 6)
		if (rand() < 0.2) {
			field = "status"; value = statuses[1 + int(rand() * 5)]
		} else {
			field = fields[1 + int(rand() * 3)]
			value = sprintf("点検%d-%d 回目の回答", seed, i)
			if (i % 7 == 0)
				for (k = 0; k < 40; k++) value = value " 長い回答の続き"
		}
		us = rand() < 0.1 ? 50 + int(rand() * 950) : 1000 + int(rand() * (max - 1000))
		printf "%d %s %s %d.%06d %s\n", item, field, (field == "status" ? value : "-"),
			int(us / 1000000), us % 1000000, value
	}
}' >"$tmp/plan"

: >"$tmp/log.sql"
acked=0 killed=0 unexpected=0

# check ROUND: the checks of the header, on the file as the rounds left it.
check() {
	if [ "$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)" = ok ]; then
		ok "after round $1: sqlite3 PRAGMA integrity_check says ok"
	else
		sqlite3 "$db" 'PRAGMA integrity_check' >"$tmp/out" 2>&1
		bad "after round $1: integrity_check" "$tmp/out"
	fi
	if "$TENKEN" -f "$db" --checklist "$checklist" status >/dev/null 2>"$tmp/err"; then
		ok "after round $1: tenken status opens the file"
	else
		bad "after round $1: tenken status fails" "$tmp/err"
	fi
	sqlite3 -bail :memory: >"$tmp/problems" 2>&1 <<EOF
CREATE TABLE rounds (round INTEGER, item INTEGER, field TEXT, value TEXT, acked INTEGER);
.read $tmp/log.sql
ATTACH '$db' AS a;
CREATE TEMP VIEW held AS
  SELECT item, field, text AS v FROM a.answer UNION ALL SELECT item, 'status', status FROM a.status;
SELECT 'history of item ' || item || ' ' || field || ', row ' || id || ': old ' || quote(old)
  || ' is not the new value before it, ' || quote(prev)
  FROM (SELECT id, item, field, old, lag(new) OVER w AS prev, row_number() OVER w AS n
        FROM a.history WINDOW w AS (PARTITION BY item, field ORDER BY id))
  WHERE (n = 1 AND old IS NOT (CASE field WHEN 'status' THEN 'unanswered' END))
     OR (n > 1 AND old IS NOT prev);
SELECT 'item ' || h.item || ' ' || h.field || ' holds ' || quote(v) || ', its history ends at '
  || quote(h.new)
  FROM a.history h LEFT JOIN held USING (item, field)
  WHERE h.id = (SELECT max(id) FROM a.history x WHERE x.item = h.item AND x.field = h.field)
    AND v IS NOT h.new;
SELECT 'item ' || item || ' ' || field || ' holds an answer no history row gave it'
  FROM held s WHERE NOT EXISTS
    (SELECT 1 FROM a.history h WHERE h.item = s.item AND h.field = s.field);
SELECT 'round ' || round || ': acknowledged ' || field || ' of item ' || item
  || ' is not in the history'
  FROM rounds r WHERE acked AND field != 'status' AND NOT EXISTS
    (SELECT 1 FROM a.history h WHERE h.item = r.item AND h.field = r.field AND h.new = r.value);
SELECT 'item ' || l.item || ' ' || l.field || ' holds ' || quote(v) || ', not the value of round '
  || l.last || ' (acknowledged) or of a round after it'
  FROM (SELECT item, field, max(round) AS last FROM rounds WHERE acked GROUP BY item, field) l
  LEFT JOIN held USING (item, field)
  WHERE coalesce(v, CASE l.field WHEN 'status' THEN 'unanswered' END) IS NULL
     OR coalesce(v, CASE l.field WHEN 'status' THEN 'unanswered' END) NOT IN
       (SELECT value FROM rounds r WHERE r.item = l.item AND r.field = l.field AND r.round >= l.last);
SELECT 'history row ' || id || ': ' || quote(new) || ' was never set'
  FROM a.history h WHERE field != 'status' AND NOT EXISTS
    (SELECT 1 FROM rounds r WHERE r.item = h.item AND r.field = h.field AND r.value = h.new);
SELECT 'history row ' || id || ': round ' || round || ' recorded after round ' || prev
  FROM (SELECT h.id, r.round, lag(r.round) OVER (PARTITION BY h.item, h.field ORDER BY h.id) AS prev
        FROM a.history h JOIN rounds r
          ON r.item = h.item AND r.field = h.field AND r.value = h.new
        WHERE h.field != 'status')
  WHERE prev >= round;
EOF
	if [ -s "$tmp/problems" ]; then
		bad "after round $1: the answers and the history" "$tmp/problems"
	else
		committed=$(sqlite3 "$db" "SELECT count(*) FROM history" 2>&1)
		ok "after round $1: $acked acknowledged sets all kept, $killed killed; $committed history rows, one chain per item and field, the file holding each chain's last value"
	fi
}

round=0
while read -r item field status delay value; do
	round=$((round + 1))
	if [ "$field" = status ]; then
		set_killed "$db" "$item" --status "$status"
	else
		set_killed "$db" "$item" --field "$field=$value"
	fi
	case $rc in
	0) a=1 acked=$((acked + 1)) ;;
	124 | 137) a=0 killed=$((killed + 1)) ;;
	*)
		a=0 unexpected=$((unexpected + 1))
		bad "round $round: set exited $rc, not 0 or killed" "$tmp/err"
		;;
	esac
	echo "INSERT INTO rounds VALUES ($round, $item, '$field', '$value', $a);" >>"$tmp/log.sql"
	[ $((round % every)) -eq 0 ] || [ "$round" -eq "$rounds" ] && check "$round"
done <"$tmp/plan"
[ "$unexpected" -eq 0 ] && ok "$rounds rounds: every set exited 0 or was killed"

# A set killed while it creates the answer file leaves one the next set
# uses: the file is created whole or not at all.
made=0 lost=0
i=0
while [ "$i" -lt "$creates" ]; do
	i=$((i + 1))
	file=$tmp/new$i.db
	delay=$(awk -v s="$seed" -v i="$i" -v max="$max" 'BEGIN { srand(s + i); printf "%.6f", (50 + rand() * max) / 1000000 }')
	set_killed "$file" 1 --field current="created $i"
	[ "$rc" -eq 0 ] && made=$((made + 1))
	if "$TENKEN" -f "$file" --checklist "$checklist" set 2 --field current="after $i" \
		>/dev/null 2>"$tmp/err"; then
		if [ "$rc" -eq 0 ] && [ "$(sqlite3 "$file" "SELECT text FROM answer WHERE item = 1")" != "created $i" ]; then
			lost=$((lost + 1))
			bad "new file $i: the acknowledged answer is missing"
		fi
	else
		lost=$((lost + 1))
		bad "new file $i: a set killed after $delay s while creating it leaves a file the next set refuses" "$tmp/err"
	fi
done
[ "$lost" -eq 0 ] && ok "$creates sets killed while creating a new answer file ($made finished first): each file usable after"
echo "# kill9: $rounds rounds and $creates new files in $((($(now_us) - start) / 1000000)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
