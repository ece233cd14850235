#!/usr/bin/env python3
"""Adds English translations to a checklist file: after every `ja: TEXT`
line whose TEXT the JSON file translates, writes (or replaces) the `en:`
line. Usage: tools/add-en.py CHECKLIST.yaml TRANSLATIONS.json
The Japanese stays the authoritative original; nothing else changes."""
import json
import re
import sys

path, tr_path = sys.argv[1], sys.argv[2]
tr = json.load(open(tr_path, encoding="utf-8"))
out, lines = [], open(path, encoding="utf-8").read().split("\n")
pat = re.compile(r'^(\s*)(- )?ja: (.*)$')
used, i = set(), 0
while i < len(lines):
    line = lines[i]
    out.append(line)
    m = pat.match(line)
    i += 1
    if not m:
        continue
    raw = m.group(3)
    text = json.loads(raw) if raw.startswith('"') else raw
    if i < len(lines) and re.match(r'^\s*en: ', lines[i]):
        i += 1  # replaced below (or dropped if no longer translated)
    if text in tr:
        used.add(text)
        indent = m.group(1) + ("  " if m.group(2) else "")
        out.append(f"{indent}en: {json.dumps(tr[text], ensure_ascii=False)}")
open(path, "w", encoding="utf-8").write("\n".join(out))
unused = set(tr) - used
if unused:
    sys.exit("unused translations: " + "; ".join(sorted(unused)))
