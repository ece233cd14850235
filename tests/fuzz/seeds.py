#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/.

The record of how the committed seeds were made, run by hand (not by the
build): excerpts of the bundled checklists, the workbook and CSV that
tenken exports, the workbooks of tests/xlsx_fixtures.py, and inputs that
are hostile on purpose. Inputs the fuzzers found, and the cases a fix
added, are committed beside these and are not written here: this script
replaces only the files it writes.

It needs PyYAML and openpyxl (python3-yaml, python3-openpyxl), a built
src/tenken (or TENKEN=path) and iconv.

Usage: tests/fuzz/seeds.py
"""
import codecs
import importlib.util
import os
import subprocess
import sys
import tempfile
import zipfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
TENKEN = os.environ.get("TENKEN", os.path.join(TOP, "src", "tenken"))


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def data_file(name):
    with open(os.path.join(TOP, "data", name), "rb") as f:
        return f.read()


# ---- checklists ----

def excerpt(name, sections, items, history):
    """The checklist with its first sections and items only: a seed small
    enough to mutate quickly, with every kind of field the file has."""
    doc = yaml.safe_load(data_file(name))
    doc["sections"] = doc["sections"][:sections]
    for s in doc["sections"]:
        s["items"] = s["items"][:items]
    if "history" in doc:
        doc["history"] = doc["history"][:history]
        for h in doc["history"]:
            if "revisions" in h:
                h["revisions"] = h["revisions"][:2]
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)


MINIMAL = """format: tenken-checklist 1
id: mini
title: 最小
targets:
  - id: bank
    name: 銀行
columns:
  - id: current
    name: {ja: 現在の対応状況, en: Current}
sections:
  - number: 1
    name: 第一
    items:
      - number: 1
        goal: 目標
        target: bank
        methods:
          - heading: 見出し
            methods:
              - number: 1
                text: 手法
                notes: [1]
                entries:
                  - label: ①
                    text: 項目
                    entries:
                      - {label: a., text: 下位}
        notes:
          - number: 1
            title: 注
            text: 注記
        references:
          - {source: FISC・安対基準, location: 実1}
        revisions:
          - review: 2025年度見直し
            date: 2025-12-04
            standard: 統4
            passage: {ja: "前<u>追加</u>後", en: "before <u>added</u> after"}
            change: 【追加】
        warnings: [しないこと]
"""

HOSTILE_YAML = {
    "anchors.yaml": "a: &x [1, 2]\nb: *x\n",
    "laughs.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join("%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n"
              % ((chr(98 + i), chr(98 + i)) + (chr(97 + i),) * 9) for i in range(8)),
    "deep.yaml": "[" * 200 + "]" * 200 + "\n",
    "deepmap.yaml": "".join("  " * i + "k:\n" for i in range(60)) + "  " * 60 + "v\n",
    "control.yaml": MINIMAL.replace("goal: 目標", 'goal: "目標\\e[2J\\x85\\u202e"'),
    "invalid-utf8.yaml": MINIMAL.encode().replace("目標".encode(), b"\xe7\x9b\xae\xff"),
    "bom.yaml": "\ufeff" + MINIMAL,
    "twodocs.yaml": MINIMAL + "---\n" + MINIMAL,
    "tabs.yaml": "format:\ttenken-checklist 1\n\tid: x\n",
    "bignumber.yaml": MINIMAL.replace("number: 1\n    name", "number: 99999999999999999999\n    name"),
    "duplicate-key.yaml": MINIMAL.replace("id: mini\n", "id: mini\nid: mini\n"),
    "key-not-scalar.yaml": "format: tenken-checklist 1\n[a]: b\n",
    "unclosed-u.yaml": MINIMAL.replace("前<u>追加</u>後", "前<u>追加後"),
    "empty-u.yaml": MINIMAL.replace("前<u>追加</u>後", "前<u></u>後"),
    "en-marks.yaml": MINIMAL.replace("before <u>added</u> after", "before added after"),
    "empty.yaml": "",
    "comment.yaml": "# nothing but a comment\n",
    "same-item.yaml": MINIMAL.replace("        warnings: [しないこと]\n",
                                      "      - {number: 1, goal: x, target: bank}\n"),
    "missing-note.yaml": MINIMAL.replace("notes: [1]", "notes: [2]"),
    "quoted-key.yaml": 'format: tenken-checklist 1\n"a\\nb\\tc": 1\n',
    "long-key.yaml": "format: tenken-checklist 1\n" + "鍵" * 300 + ": 1\n",
    "scalar.yaml": "tenken-checklist 1\n",
    "nul.yaml": MINIMAL.replace("最小", "最\0小"),
    "mapping-bad.yaml": "format: tenken-mapping 1\nfrom: a\nto: b\nlinks:\n"
    "  - {to: 1, from: [1, 2], why: x}\n  - {to: 1, from: [], why: y}\n"
    "dropped:\n  - {from: 9, why: z}\n",
}


def checklists():
    write("checklist", "fintech-guideline-2016.yaml", data_file("fintech-guideline-2016.yaml"))
    write("checklist", "trial-to-2018.yaml",
          data_file("fisc-api-2017-trial.to.fisc-api-2018.yaml"))
    write("checklist", "excerpt-2018.yaml", excerpt("fisc-api-2018.yaml", 2, 2, 2))
    write("checklist", "excerpt-trial.yaml", excerpt("fisc-api-2017-trial.yaml", 1, 3, 1))
    write("checklist", "minimal.yaml", MINIMAL)
    for name, text in HOSTILE_YAML.items():
        write("checklist", "hostile-" + name, text)


# ---- settings ----

SETTINGS = {
    "typical": "# tenken\nchecklist = fisc-api-2018\nlang = ja\nambiguous-width = 2\n",
    "crlf": "checklist = /home/officer/チェックリスト.yaml\r\nlang = en\r\n",
    "spaces": "  \t lang\t=\tja  \n\n   # comment = 1\nambiguous-width=1",
    "bad": "lang = fr\nambiguous-width = 3\nchecklist =\nnothing here\ncolour = red\n",
    "last-wins": "lang = ja\nlang = en\nlang = de\n",
    "nul": "lang = ja\0\nchecklist = a\0b\n",
    "empty": "",
    "long": "checklist = " + "a" * 1000 + "\n",
}


# ---- text ----

TEXTS = {
    "japanese": "\x00" + "セキュリティ管理に関する責任者を明確化し、職務範囲を認識している。",
    "ambiguous": "\x01" + "①②③ ○×△ ※ ・ ─━│ ΑΒΓ Ё",
    "controls": "\x0a" + "a\x1b[2Jb\x07c\x7fd\x85e\x9bf\u202eg\u2066h\u200bi\ufeffj\u2028k\tl\r\nm",
    "invalid": b"\x14" + b"ok\xff\xfe\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe3\x81",
    "combining": "\x06" + "e\u0301 か\u3099 \u0915\u094d\u0937 👨‍👩‍👧 🇯🇵",
    "wrap": "\x10" + "word " * 20 + "とても長い日本語の文が、句読点。「括弧」（全角）ー続く。",
    "spaces": "\x03" + "   leading\n\n  trailing   \n" + " " * 40 + "\n",
    "long-word": "\x08" + "x" * 200 + " " + "あ" * 100,
    "kinsoku": "\x02" + "あ、い。う）え」お」、。！？ー々",
}


# ---- CSV ----

def export(fmt, out, dbdir):
    env = dict(os.environ, LC_ALL="C.UTF-8", XDG_DATA_HOME=dbdir, XDG_CONFIG_HOME=dbdir)
    db = os.path.join(dbdir, "answers.db")
    base = [TENKEN, "-f", db, "--checklist", "fisc-api-2018"]
    if not os.path.exists(db):
        for args in (["set", "1", "--status", "implemented",
                      "--field", "current=トークンは暗号化して保存し、有効期限は1時間。"],
                     ["set", "3", "--status", "partial", "--field", "plan=鍵の定期更新を導入する"],
                     ["set", "5", "--status", "not-applicable"]):
            subprocess.run(base + args, env=env, check=True)
    subprocess.run(base + ["export", "--format", fmt, "-o", out], env=env, check=True)
    with open(out, "rb") as f:
        return f.read()


HEADER = "通番,区分,セキュリティ対応目標,対象者,回答状況,現在の対応状況,今後の対応予定,備考\r\n"

CSVS = {
    "hand.csv": HEADER + '1,,,,対応済,"二行\r\nの回答",,\r\n2,,,,未対応,,予定,\r\n',
    "guard.csv": HEADER + "1,,,,対応済,'=cmd|' /C calc'!A0,'+1,'-x\r\n",
    "controls.csv": HEADER + '1,,,,対応済,"\x1b[2J\u202e",\x85,\r\n',
    "unknown.csv": HEADER.replace("備考", "色") + "999,,,,謎,,,\r\nx,,,,,,,\r\n１２,,,,,,,\r\n",
    "unclosed.csv": HEADER + '1,"open,\r\n',
    "quote-inside.csv": HEADER + '1,a"b,\r\n',
    "after-quote.csv": HEADER + '1,"a"b,\r\n',
    "cr-only.csv": HEADER.replace("\r\n", "\r") + "1,,,,対応済\r2,,,,未対応\r",
    "bom-invalid.csv": b"\xef\xbb\xbf" + HEADER.encode() + b"1,,,,\xff\xfe,\xe3\x81\r\n",
    "empty.csv": "",
    "wide.csv": ",".join(["x"] * 300) + "\n",
}


def csvs(dbdir):
    text = export("csv", os.path.join(dbdir, "e.csv"), dbdir)
    write("csv", "export.csv", text)
    body = codecs.decode(text[3:], "utf-8")
    write("csv", "export-sjis.csv", body.encode("cp932", errors="replace"))
    for name, data in CSVS.items():
        write("csv", name, data)


# ---- XLSX ----

def parts(path, keep=None, cut=None):
    """A workbook as the parts list fuzz_xlsx.c packs: "--- NAME" lines, the
    XML parts the reader reads after each; a sheet cut to its first cut
    bytes' rows if cut is given."""
    out = []
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name = info.filename
            if not (name.startswith("xl/") or name == "docProps/custom.xml"):
                continue
            if name.endswith((".png", "theme1.xml", "styles.xml")) or (keep and name not in keep):
                continue
            data = z.read(name)
            if cut and "worksheets/" in name and len(data) > cut:
                end = data.rfind(b"</row>", 0, cut) + len(b"</row>")
                data = data[:end] + b"</sheetData></worksheet>"
            out.append(b"--- " + name.encode() + b"\n" + data)
    return b"\n".join(out) + b"\n"


HAND_PARTS = {
    "inline.txt": """--- xl/workbook.xml
<workbook xmlns:r="r"><sheets><sheet name="チェックリスト" r:id="rId1"/><sheet name="meta" r:id="rId2" state="hidden"/></sheets></workbook>
--- xl/_rels/workbook.xml.rels
<Relationships><Relationship Id="rId1" Target="worksheets/a.xml"/><Relationship Id="rId2" Target="/xl/worksheets/../worksheets/./b.xml"/><Relationship Id="rId3" Type="x/sharedStrings" Target="s.xml"/></Relationships>
--- xl/s.xml
<sst><si><t>通番</t></si><si><r><t>回答</t></r><r><t xml:space="preserve">状況 </t></r><rPh><t>カイトウ</t></rPh></si><si><t>現在の対応状況</t></si><si><t>_x001B_[2J_xD83D__xDE00__xD800_</t></si></sst>
--- xl/worksheets/a.xml
<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c t="s"><v>2</v></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>対応済</t></is></c><c r="C2" t="s"><v>3</v></c></row><row><c><v>2.0</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><v>a&#13;b</v></c></row></sheetData></worksheet>
--- xl/worksheets/b.xml
<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="str"><v>2024-04-01T09:00:00Z</v></c></row></sheetData></worksheet>
--- docProps/custom.xml
<Properties><property name="tenken.checklist"><vt:lpwstr>fisc-api-2018</vt:lpwstr></property><property name="tenken.exported"><vt:filetime>2024-04-01T09:00:00Z</vt:filetime></property></Properties>
""",
    "nested.txt": """--- xl/workbook.xml
<workbook><sheets><sheet name="S" id="rId1"/></sheets></workbook>
--- xl/_rels/workbook.xml.rels
<Relationships><Relationship Id="rId1" Target="../../x.xml"/></Relationships>
--- x.xml
<worksheet><sheetData><row><c t="inlineStr"><is><t>aaa</t><t>bb<c r="B1"/></t></is></c><c><v>1<c r="C1"/>2</v></c></row><row r="1048576"><c r="XFD1048576"><v>9</v></c></row></sheetData></worksheet>
""",
    "doctype.txt": """--- xl/workbook.xml
<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><workbook><sheets><sheet name="&b;" id="r"/></sheets></workbook>
""",
}


def xlsx(dbdir):
    spec = importlib.util.spec_from_file_location(
        "xlsx_fixtures", os.path.join(TOP, "tests", "xlsx_fixtures.py"))
    fx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fx)
    work = tempfile.mkdtemp(prefix="tenken-seeds.")
    fx.openpyxl_book(os.path.join(work, "book.xlsx"))
    fx.minimal_book(os.path.join(work, "minimal.xlsx"))
    fx.hostile(work)
    for name in ("book", "minimal", "badref", "bidiref", "encrypted", "entities", "malformed",
                 "newline", "nostring", "notzip", "noworkbook", "twice"):
        with open(os.path.join(work, name + ".xlsx"), "rb") as f:
            write("xlsx", name + ".xlsx", f.read())
        if name in ("book", "minimal", "entities", "twice", "bidiref", "newline"):
            write("xlsx", name + ".txt", parts(os.path.join(work, name + ".xlsx")))
    subprocess.run(["rm", "-rf", work], check=True)
    with open(os.path.join(TOP, "tests", "fixtures", "libreoffice.xlsx"), "rb") as f:
        write("xlsx", "libreoffice.xlsx", f.read())
    write("xlsx", "libreoffice.txt", parts(os.path.join(TOP, "tests", "fixtures",
                                                        "libreoffice.xlsx")))
    path = os.path.join(dbdir, "e.xlsx")
    write("xlsx", "export.xlsx", export("xlsx", path, dbdir))
    write("xlsx", "export.txt", parts(path, cut=6000))
    for name, text in HAND_PARTS.items():
        write("xlsx", name, text)


def main():
    for t in ("checklist", "settings", "textwidth", "csv", "xlsx"):
        os.makedirs(os.path.join(CORPUS, t), exist_ok=True)
    checklists()
    for name, text in SETTINGS.items():
        write("settings", name, text)
    for name, text in TEXTS.items():
        write("textwidth", name, text)
    dbdir = tempfile.mkdtemp(prefix="tenken-seeds.")
    try:
        csvs(dbdir)
        xlsx(dbdir)
    finally:
        subprocess.run(["rm", "-rf", dbdir], check=True)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(CORPUS) for f in fs)
    print(f"seeds.py: {total // 1024} KiB in {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
