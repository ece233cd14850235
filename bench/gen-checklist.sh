#!/bin/sh
# gen-checklist.sh N SOURCE.yaml: writes to standard output a synthetic
# checklist of N items for the benchmarks, made by repeating the items of a
# bundled checklist (goals, targets, 手法例, 注記, references, in both
# languages) so that its text has the lengths real items have. Sections
# are repeated in turn, each copy numbered on; every copy's goals carry the
# copy's number, so that no two items read the same. Its id is bench-N.
set -eu
n=${1:?usage: gen-checklist.sh N SOURCE.yaml}
src=${2:?usage: gen-checklist.sh N SOURCE.yaml}

awk -v want="$n" '
function flush_section(   i, line) {
	if (!nsec_lines)
		return
	sections[++nsections] = sec
	sec = ""
	nsec_lines = 0
}
# The header, up to "sections:", with the id and title made the bench ones.
!in_sections {
	if ($0 == "sections:") {
		in_sections = 1
		next
	}
	if ($0 ~ /^id: /)
		$0 = "id: bench-" want
	else if (prev == "title:" && $0 ~ /^  ja: /)
		$0 = $0 "(ベンチマーク用 " want " 項目)"
	else if (prev == "title:" && $0 ~ /^  en: "/)
		sub(/"$/, " (benchmark, " want " items)\"")
	if ($0 !~ /^  (ja|en): /)
		prev = $0
	header = header $0 "\n"
	next
}
/^  - number: / {
	flush_section()
	next
}
{
	sec = sec $0 "\n"
	nsec_lines++
}
END {
	flush_section()
	printf "%s", header
	print "sections:"
	item = 0
	for (copy = 1; item < want; copy++) {
		for (s = 1; s <= nsections && item < want; s++) {
			printf "  - number: %d\n", (copy - 1) * nsections + s
			nl = split(sections[s], lines, "\n")
			goal = 0
			for (k = 1; k < nl; k++) {
				line = lines[k]
				if (line ~ /^      - number: /) {
					if (item >= want)
						break
					line = "      - number: " ++item
				} else if (line == "        goal:") {
					goal = 2
				} else if (goal > 0 && line ~ /^          ja: /) {
					line = line "(" copy ")"
					goal--
				} else if (goal > 0 && line ~ /^          en: "/) {
					sub(/"$/, " (" copy ")\"", line)
					goal--
				}
				print line
			}
		}
	}
}
' "$src"
