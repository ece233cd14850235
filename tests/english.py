#!/usr/bin/env python3
"""One Japanese, one English, across the bundled checklists.

Reads the JSON that `tenken export` writes for each bundled checklist (the
whole checklist, every text with its Japanese and English) and
tools/glossary-en.tsv, and fails, saying where, when

  * one Japanese text has two English renderings (a final 。 or . aside);
  * a text whose Japanese holds a glossary term does not hold the term's
    English (a plural or singular form of its last word is the same term);
  * a glossary term is used in other checklists than its row says;
  * a label row of the glossary (where: labels) is not the CSV export's
    header (src/export.c) and print's and the interface's label (the
    Japanese catalogue, po/ja.po, translates the English to the Japanese);
  * an English text keeps Japanese that its translation should carry:
    (注N) for (Note N), the Japanese comma 、, or quotes around the whole
    text.

Usage: tests/english.py TENKEN SRCDIR
"""

import json
import re
import subprocess
import sys

CHECKLISTS = ["fisc-api-2017-trial", "fisc-api-2018", "fintech-guideline-2016"]


def texts(node, out):
    """Collects every (ja, en) pair of the exported JSON; a marked text's
    runs are joined."""
    if isinstance(node, dict):
        if set(node) == {"ja", "en"}:
            ja, en = node["ja"], node["en"]
            if isinstance(ja, list):
                ja = "".join(r["text"] for r in ja)
                en = "".join(r["text"] for r in en) if en is not None else None
            if ja:
                out.append((ja, en))
            return
        for v in node.values():
            texts(v, out)
    elif isinstance(node, list):
        for v in node:
            texts(v, out)


def forms(term):
    """A regular expression for term, its last word singular or plural."""
    words = term.split(" ")
    last = words[-1]
    alts = {last, last + "s", last + "es"}
    if last.endswith("y"):
        alts.add(last[:-1] + "ies")
    if last.endswith("ies"):
        alts.add(last[:-3] + "y")
    if last.endswith("s"):
        alts.add(last[:-1])
    head = "".join(re.escape(w) + r"\s+" for w in words[:-1])
    return re.compile(head + "(?:" + "|".join(re.escape(a) for a in sorted(alts)) + r")\b",
                      re.IGNORECASE)


def main():
    tenken, srcdir = sys.argv[1], sys.argv[2]
    failures = []
    pairs = {}
    for cid in CHECKLISTS:
        out = subprocess.run([tenken, "export", "-c", cid, "--blank", "--format", "json"],
                             capture_output=True, check=True, text=True).stdout
        found = []
        texts(json.loads(out)["checklist"], found)
        texts(json.loads(out)["items"], found)
        pairs[cid] = found

    # One Japanese text, one English.
    seen = {}
    for cid, found in pairs.items():
        for ja, en in found:
            key = ja.rstrip("。 ")
            seen.setdefault(key, {}).setdefault((en or "").rstrip(". "), cid)
    for ja, ens in seen.items():
        if len(ens) > 1:
            failures.append("one Japanese, two English: %s\n%s" % (
                ja, "".join("    %s: %s\n" % (cid, en) for en, cid in ens.items())))

    # The glossary.
    for n, line in enumerate(open(srcdir + "/tools/glossary-en.tsv", encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 3:
            failures.append("tools/glossary-en.tsv:%d: expected 3 columns" % n)
            continue
        ja, en, where = cols
        if where == "labels":
            export_c = open(srcdir + "/src/export.c", encoding="utf-8").read()
            if '{"%s", "%s",' % (ja, en) not in export_c:
                failures.append("glossary %s: the CSV header (src/export.c) is not \"%s\"" % (ja, en))
            po = open(srcdir + "/po/ja.po", encoding="utf-8").read()
            for msgstr in re.findall(r'^msgid "%s"\nmsgstr "(.*)"$' % re.escape(en), po, re.M):
                if msgstr != ja:
                    failures.append("glossary %s: po/ja.po translates the label \"%s\" as %s" % (
                        ja, en, msgstr))
            continue
        used = set()
        pattern = forms(en)
        for cid, found in pairs.items():
            for tja, ten in found:
                if ja not in tja:
                    continue
                used.add(cid)
                if ten is not None and not pattern.search(ten):
                    failures.append("glossary %s (%s), %s:\n    %s\n    %s" % (ja, en, cid, tja, ten))
        if used != set(where.split()):
            failures.append("tools/glossary-en.tsv:%d: %s is used in %s, the row says %s" % (
                n, ja, " ".join(sorted(used)) or "none", where))

    # Japanese the English should carry.
    for cid, found in pairs.items():
        for ja, en in found:
            if en is None:
                continue
            if "(注" in en or "（注" in en:
                failures.append("%s: (注N) in English, not (Note N): %s" % (cid, en))
            if "、" in en:
                failures.append("%s: a Japanese comma in English: %s" % (cid, en))
            if len(en) > 1 and en[0] in "'\"" and en[-1] == en[0] and en.count(en[0]) == 2:
                failures.append("%s: quotes around the English: %s" % (cid, en))

    for f in failures:
        print("FAIL: " + f)
    print("%d texts in %d checklists, %d failures" % (
        sum(len(f) for f in pairs.values()), len(pairs), len(failures)))
    return 1 if failures else 0


sys.exit(main())
