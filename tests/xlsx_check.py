#!/usr/bin/env python3
"""Checks a workbook that `tenken export --format xlsx` wrote against the
JSON export of the same checklist and answers (`tenken export --format
json`), and against the answer file's history: the title row, the official
headers in order, every answer in its cell, the 回答状況 drop-down, the
print set-up, the 集計 formulas and their cached values, the metadata. It
prints one line per check, "ok - ..." or "FAIL - ...", for tests/xlsx.sh to
count, and exits 1 if any failed.

    xlsx_check.py WORKBOOK --json EXPORT.json --version VERSION
                  [--db ANSWERS.db] [--lang en] [--saved-by-calc]
                  [--changed OUT.xlsx] [--counts-only]

--db: the answer file, whose history gives each item's last change; without
it every item's time must be empty. --saved-by-calc: the workbook was saved
again by LibreOffice Calc, which keeps what an import needs but not the
frozen panes (in a headless conversion) nor the widths as written.
--changed OUT.xlsx: also change one status in the workbook, check that the
formulas count it, and save the changed workbook to OUT.xlsx.
--counts-only: check only the cached values of 集計 against the answers
(with the change --changed made to the answers too): for a changed workbook
that LibreOffice Calc has recalculated."""

import argparse
import json
import re
import sqlite3
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
from openpyxl.utils import get_column_letter

SHEET, SUMMARY, META = "チェックリスト", "集計", "tenken"
HISTORY = "変更履歴"
STATUSES = [
    ("unanswered", "未回答"),
    ("implemented", "対応済"),
    ("partial", "一部対応"),
    ("not-implemented", "未対応"),
    ("not-applicable", "対象外"),
]
OFFICIAL = dict(STATUSES)
# The official column names of each bundled edition, in the official order,
# then 回答状況, then the review's 確認結果 and 照会事項.
REVIEW = ["確認結果", "照会事項"]
HEADERS = {
    "fisc-api-2018": ["通番", "区分", "セキュリティ対応目標", "対象者", "現在の対応状況",
                      "課題認識", "課題への対応計画", "関連規定", "関連規定箇所", "備考",
                      "回答状況"] + REVIEW,
    "fisc-api-2017-trial": ["通番", "区分", "セキュリティ対応目標", "対象者", "手法例",
                            "現在の対応状況", "今後の対応予定", "関連規定", "関連規定箇所",
                            "備考", "回答状況"] + REVIEW,
}
VERDICTS = [("confirmed", "確認済"), ("query", "要確認"), ("finding", "指摘あり")]
FIXED_EN = {"通番": "No.", "区分": "Section", "セキュリティ対応目標": "Security goal",
            "対象者": "Target", "手法例": "Example methods", "関連規定": "Related regulations",
            "関連規定箇所": "Sections of the regulations", "備考": "Remarks", "回答状況": "Status",
            "確認結果": "Review", "照会事項": "Query"}
# Which item the --changed check changes, and to what.
CHANGED_ITEM, CHANGED_TO = 2, "not-applicable"

failures = 0


def report(good, name, detail=""):
    global failures
    if good:
        print(f"ok - {name}")
    else:
        failures += 1
        print(f"FAIL - {name}" + (f": {detail}" if detail else ""))


def same(name, got, want):
    report(got == want, name, f"got {got!r}, expected {want!r}")


def two(text, lang):
    """A checklist text as export_cell writes it: Japanese, and with English
    its English on the next line."""
    if lang == "en" and text.get("en"):
        return text["ja"] + "\n" + text["en"]
    return text["ja"]


def cell(value):
    """An empty cell reads as None."""
    return value if value != "" else None


class Expect:
    """What the workbook should hold, from the JSON export."""

    def __init__(self, data, lang):
        self.cl = data["checklist"]
        self.items = data["items"]
        self.lang = lang
        self.sections = {s["number"]: s for s in self.cl["sections"]}
        self.targets = {t["id"]: t for t in self.cl["targets"]}
        self.columns = self.cl["columns"]
        self.headers = HEADERS[self.cl["id"]]
        self.first = 4 if lang == "en" else 3  # the first item's row

    def header_en(self, ja):
        for c in self.columns:
            if c["name"]["ja"] == ja:
                return c["name"]["en"]
        return FIXED_EN[ja]

    def column_id(self, ja):
        for c in self.columns:
            if c["name"]["ja"] == ja:
                return c["id"]
        return None

    def value(self, header, it):
        """The cell of item it under header; None for a column checked
        otherwise (手法例)."""
        a = it["answer"]
        refs = it["references"]
        if header == "通番":
            return it["number"]
        if header == "区分":
            return two(self.sections[it["section"]]["name"], self.lang)
        if header == "セキュリティ対応目標":
            return two(it["goal"], self.lang)
        if header == "対象者":
            return two(self.targets[it["target"]]["name"], self.lang)
        if header == "関連規定":
            return cell("\n".join(r["source"]["ja"] for r in refs))
        if header == "関連規定箇所":
            # After the locations, the note on where the references are known
            # from: the item's own, or with no references the checklist's.
            lines = [r["location"]["ja"] for r in refs]
            note = it["references_note"]
            if not note["ja"] and not refs:
                note = self.cl["references_note"]
            if note["ja"]:
                lines.append(two(note, self.lang))
            return cell("\n".join(lines))
        if header == "備考":
            parts = [p for p in (it["remarks"]["ja"], a.get("remarks", "")) if p]
            return cell("\n".join(parts))
        if header == "回答状況":
            return OFFICIAL[a["status"]]
        if header == "確認結果":
            return dict(VERDICTS).get(it["review"]["verdict"])
        if header == "照会事項":
            return cell(it["review"]["comment"] or "")
        return cell(a.get(self.column_id(header), ""))


def check_sheet(wb, ex, args):
    ws = wb[SHEET]
    same("the sheets, in order", wb.sheetnames,
         [SHEET, SUMMARY, HISTORY, META] if args.history else [SHEET, SUMMARY, META])
    same("the sheet tenken is hidden", wb[META].sheet_state, "hidden")
    same("the title row holds the checklist's title", ws["A1"].value, two(ex.cl["title"], ex.lang))
    last = get_column_letter(len(ex.headers) - 1)
    report(re.fullmatch(r"出力日: \d{4}-\d\d-\d\d \d\d:\d\d \S+"
                        r"(\nExported: \d{4}-\d\d-\d\d \d\d:\d\d \S+)?",
                        str(ws[f"{last}1"].value)) is not None,
           "the title row holds the export date", repr(ws[f"{last}1"].value))
    row = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    same("the official headers in order", row, ex.headers)
    if ex.lang == "en":
        row = [ws.cell(3, c).value for c in range(1, ws.max_column + 1)]
        same("--lang en: the English headers in a second row", row,
             [ex.header_en(h) for h in ex.headers])
    same("one row per item", ws.max_row, ex.first + len(ex.items) - 1)
    wrong = []
    for i, it in enumerate(ex.items):
        r = ex.first + i
        for c, h in enumerate(ex.headers, 1):
            want = ex.value(h, it)
            got = ws.cell(r, c)
            if h == "手法例":
                continue
            if got.value != want:
                wrong.append(f"item {it['number']} {h}: {got.value!r}, expected {want!r}")
            elif h != "通番" and want is not None and got.data_type != "s":
                wrong.append(f"item {it['number']} {h}: type {got.data_type}, not a string")
    report(not wrong, "every cell holds the item's text and answer, as a string",
           "; ".join(wrong[:5]))
    if "手法例" in ex.headers:
        methods = ws.cell(ex.first + 6, ex.headers.index("手法例") + 1).value or ""
        report("解約時のデータの返却有無及び方法を定めている" in methods,
               "手法例 holds the item's methods", repr(methods[:80]))
    return ws


def check_format(ws, ex, args):
    last_row = ex.first + len(ex.items) - 1
    status_col = get_column_letter(ex.headers.index("回答状況") + 1)
    verdict_col = get_column_letter(ex.headers.index("確認結果") + 1)
    last_col = get_column_letter(len(ex.headers))
    dvs = sorted(ws.data_validations.dataValidation, key=lambda d: str(d.sqref))
    same("two data validations", len(dvs), 2)
    if len(dvs) == 2:
        dv = dvs[1]
        same("確認結果 is a drop-down list", dv.type, "list")
        same("the drop-down offers the three verdicts", dv.formula1,
             '"' + ",".join(n for _, n in VERDICTS) + '"')
        same("the drop-down covers every item's 確認結果", str(dv.sqref),
             f"{verdict_col}{ex.first}:{verdict_col}{last_row}")
        dv = dvs[0]
        same("回答状況 is a drop-down list", dv.type, "list")
        same("the drop-down offers the five statuses", dv.formula1,
             '"' + ",".join(n for _, n in STATUSES) + '"')
        same("the drop-down covers every item's 回答状況", str(dv.sqref),
             f"{status_col}{ex.first}:{status_col}{last_row}")
    ps = ws.page_setup
    same("printed landscape", ps.orientation, "landscape")
    same("printed on A4", str(ps.paperSize), "9")
    same("the header rows repeat on every page", ws.print_title_rows,
         "$2:$3" if ex.lang == "en" else "$2:$2")
    report(ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth in (None, 1)
           and ps.fitToHeight == 0, "printed one page wide",
           f"fitToPage {ws.sheet_properties.pageSetUpPr.fitToPage}, width {ps.fitToWidth}, "
           f"height {ps.fitToHeight}")
    same("page N of M in the footer", ws.oddFooter.center.text, "&P / &N")
    same("an autofilter on the header", ws.auto_filter.ref,
         f"A{ex.first - 1}:{last_col}{last_row}")
    r = ex.first
    for c, h in enumerate(ex.headers, 1):
        x = ws.cell(r, c)
        answer = h in ["備考", "回答状況"] + REVIEW or ex.column_id(h)
        if not (x.alignment.wrap_text or h == "通番") or x.alignment.vertical != "top":
            report(False, f"{h}: wrapped and top-aligned")
            break
        fill = x.fill.fgColor.rgb if x.fill.fill_type == "solid" else None
        if bool(answer) != (fill == "FFFFF2CC"):
            report(False, f"{h}: the answer columns, and they alone, in a light fill",
                   f"fill {fill}")
            break
    else:
        report(True, "cells wrapped and top-aligned, the answer columns in a light fill")
    if args.saved_by_calc:
        return
    same("the header frozen", ws.freeze_panes, f"B{ex.first}")
    width = {h: ws.column_dimensions[get_column_letter(c)].width
             for c, h in enumerate(ex.headers, 1)}
    report(width["通番"] < 8 and width["セキュリティ対応目標"] >= 30
           and all(width[c["name"]["ja"]] >= 30 for c in ex.columns
                   if c["id"] != "remarks"),
           "通番 narrow, the goal and the answers wide", repr(width))


def sheet_values(wb, name):
    ws = wb[name]
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row}


class Formulas:
    """Works out the formulas 集計 holds, over the workbook's values: the
    functions and forms tenken writes, no more."""

    def __init__(self, wb):
        self.wb = wb

    def range_values(self, ref, sheet):
        m = re.fullmatch(r"(?:'?([^'!]+)'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?", ref)
        if not m:
            raise ValueError(f"cannot read the reference {ref}")
        name = m.group(1) or sheet
        c1, r1 = openpyxl.utils.column_index_from_string(m.group(2)), int(m.group(3))
        c2 = openpyxl.utils.column_index_from_string(m.group(4) or m.group(2))
        r2 = int(m.group(5) or m.group(3))
        return [self.cell(name, r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def cell(self, sheet, r, c):
        v = self.wb[sheet].cell(r, c).value
        if isinstance(v, str) and v.startswith("="):
            return self.eval(v[1:], sheet)
        return v

    @staticmethod
    def split(s, sep=","):
        parts, depth, quoted, cur = [], 0, False, ""
        for ch in s:
            if ch == '"':
                quoted = not quoted
            elif not quoted and ch == "(":
                depth += 1
            elif not quoted and ch == ")":
                depth -= 1
            if ch == sep and depth == 0 and not quoted:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        return parts + [cur]

    def eval(self, e, sheet):
        e = e.strip()
        if e.startswith('"'):
            return e[1:-1].replace('""', '"')
        if re.fullmatch(r"\d+", e):
            return int(e)
        m = re.fullmatch(r"([A-Z]+)\((.*)\)", e)
        if m:
            fn, args = m.group(1), self.split(m.group(2))
            if fn in ("COUNTIF", "COUNTIFS"):
                ranges = [self.range_values(a, sheet) for a in args[0::2]]
                crits = [self.eval(a, sheet) for a in args[1::2]]
                return sum(all(r[k] == c for r, c in zip(ranges, crits))
                           for k in range(len(ranges[0])))
            if fn == "ROWS":
                return len(self.range_values(args[0], sheet))
            if fn == "SUM":
                return sum(v or 0 for v in self.range_values(args[0], sheet))
            if fn == "IF":
                a, b = self.split(args[0], "=")
                return self.eval(args[1] if self.eval(a, sheet) == self.eval(b, sheet)
                                 else args[2], sheet)
            raise ValueError(f"no {fn} here")
        if "/" in e:
            a, b = e.split("/")
            return self.eval(a, sheet) / self.eval(b, sheet)
        values = self.range_values(e, sheet)
        return values[0] if len(values) == 1 else values


def expected_counts(ex, change=False):
    """Per section number, then None for the total: the count of each status."""
    counts = {}
    for i, it in enumerate(ex.items):
        status = it["answer"]["status"]
        if change and it["number"] == CHANGED_ITEM:
            status = CHANGED_TO
        for key in (it["section"], None):
            counts.setdefault(key, {k: 0 for k, _ in STATUSES})[status] += 1
    return counts


def summary_rows(ex, counts):
    """The values 集計 should show: per section, then 合計."""
    rows = []
    keys = [s["number"] for s in ex.cl["sections"]] + [None]
    for key in keys:
        c = counts.get(key, {k: 0 for k, _ in STATUSES})
        n = sum(c.values())
        answered = n - c["unanswered"]
        name = two(ex.sections[key]["name"], ex.lang) if key else two(
            {"ja": "合計", "en": "Total"}, ex.lang)
        rows.append([name, n, answered, answered / n if n else 0]
                    + [c[k] for k, _ in STATUSES])
    return rows


def close(got, want):
    return len(got) == len(want) and all(
        abs(g - w) < 1e-9 if isinstance(w, float) else g == w for g, w in zip(got, want))


def check_summary(path, ex, args):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)[SUMMARY]
    ws = wb[SUMMARY]
    n = len(ex.cl["sections"])
    head = [ws.cell(2, c).value for c in range(1, 10)]
    same("集計: its headers", [h.split("\n")[0] for h in head],
         ["区分", "項目数", "回答済", "進捗"] + [n for _, n in STATUSES])
    status_col = get_column_letter(ex.headers.index("回答状況") + 1)
    last = ex.first + len(ex.items) - 1
    stat = f"'{SHEET}'!${status_col}${ex.first}:${status_col}${last}"
    sec = f"'{SHEET}'!$B${ex.first}:$B${last}"
    f3 = [ws.cell(3, c).value for c in range(2, 10)]
    calc = args.saved_by_calc
    if calc:  # Calc writes the sheet's name unquoted where it may
        stat, sec = stat.replace(f"'{SHEET}'", SHEET), sec.replace(f"'{SHEET}'", SHEET)
    same("集計: a section's formulas count its rows of 区分 and 回答状況", f3,
         [f"=COUNTIF({sec},$A3)", "=SUM(F3:I3)", "=IF(B3=0,0,C3/B3)"]
         + [f'=COUNTIFS({sec},$A3,{stat},"{name}")' for _, name in STATUSES])
    total = 3 + n
    ft = [ws.cell(total, c).value for c in range(2, 10)]
    same("集計: the total's formulas count 回答状況", ft,
         [f"=ROWS({stat})", f"=SUM(F{total}:I{total})", f"=IF(B{total}=0,0,C{total}/B{total})"]
         + [f'=COUNTIF({stat},"{name}")' for _, name in STATUSES])
    want = summary_rows(ex, expected_counts(ex))
    got = [[cached.cell(r, c).value for c in range(1, 10)] for r in range(3, 4 + n)]
    report(all(g[0] == w[0] and close(g[1:], w[1:]) for g, w in zip(got, want)),
           "集計: the cached values are the answers' counts", f"got {got}, expected {want}")
    f = Formulas(wb)
    worked = [[ws.cell(r, 1).value] + [f.cell(SUMMARY, r, c) for c in range(2, 10)]
              for r in range(3, 4 + n)]
    report(worked == got or all(close(a[1:], b[1:]) for a, b in zip(worked, got)),
           "集計: the formulas work out to the cached values", f"{worked} != {got}")
    if not args.changed:
        return
    sheet = wb[SHEET]
    row = ex.first + [it["number"] for it in ex.items].index(CHANGED_ITEM)
    sheet[f"{status_col}{row}"] = OFFICIAL[CHANGED_TO]
    worked = [[ws.cell(r, 1).value] + [f.cell(SUMMARY, r, c) for c in range(2, 10)]
              for r in range(3, 4 + n)]
    want = summary_rows(ex, expected_counts(ex, change=True))
    report(all(close(a[1:], b[1:]) for a, b in zip(worked, want)),
           f"集計: a status changed in the workbook (item {CHANGED_ITEM}) changes the counts",
           f"{worked} != {want}")
    wb.save(args.changed)


def check_counts_only(path, ex):
    cached = openpyxl.load_workbook(path, data_only=True)[SUMMARY]
    n = len(ex.cl["sections"])
    got = [[cached.cell(r, c).value for c in range(1, 10)] for r in range(3, 4 + n)]
    want = summary_rows(ex, expected_counts(ex, change=True))
    report(all(close(g[1:], w[1:]) for g, w in zip(got, want)),
           "集計, recalculated by LibreOffice Calc: the counts follow the changed status",
           f"got {got}, expected {want}")


def properties(path):
    with zipfile.ZipFile(path) as z:
        if "docProps/custom.xml" not in z.namelist():
            return {}
        root = ET.fromstring(z.read("docProps/custom.xml"))
    return {p.get("name"): "".join(p.itertext()) for p in root}


def times(db):
    if not db:
        return {}
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT item, max(time) FROM history GROUP BY item").fetchall()
    con.close()
    return dict(rows)


def check_meta(path, wb, ex, args):
    props = properties(path)
    same("the document properties: layout, checklist, SHA-256, version",
         [props.get(k) for k in ("tenken-layout", "tenken-checklist", "tenken-sha256",
                                 "tenken-version")],
         ["1", ex.cl["id"], ex.cl["sha256"], args.version])
    exported = props.get("tenken-exported", "")
    report(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", exported) is not None,
           "the export time, UTC, as the answer file writes times", repr(exported))
    ws = wb[META]
    same("the sheet tenken: the headers of its two tables",
         [ws.cell(1, c).value for c in range(1, 6)], ["通番", "changed", None, "key", "value"])
    keys = {}
    for r in range(2, ws.max_row + 2):
        if ws.cell(r, 4).value is None:
            break
        keys[ws.cell(r, 4).value] = ws.cell(r, 5).value
    want = {"layout": "1", "checklist": ex.cl["id"], "sha256": ex.cl["sha256"],
            "version": args.version, "exported": exported, "sheet": SHEET, "lang": ex.lang,
            "first_row": str(ex.first)}
    for c, h in enumerate(ex.headers, 1):
        cid = {"回答状況": "status", "備考": "remarks", "確認結果": "verdict",
               "照会事項": "comment"}.get(h) or ex.column_id(h)
        if cid:
            want[f"column.{cid}"] = str(c)
    same("the sheet tenken: the keys and their values", keys, want)
    report(all(isinstance(v, str) for v in keys.values()), "the sheet tenken: values are strings")
    items = []
    for r in range(2, ws.max_row + 2):
        if ws.cell(r, 1).value is None:
            break
        items.append((ws.cell(r, 1).value, ws.cell(r, 2).value))
    t = times(args.db)
    same("the sheet tenken: each item's last change", items,
         [(it["number"], t.get(it["number"])) for it in ex.items])
    if args.db:
        report(any(t.values()), "some item has a last change to compare")


def check_history(wb, ex, args):
    """The sheet 変更履歴 (export --history): a header, then each change of
    the answer file's history, oldest first, its time in local time."""
    ws = wb[HISTORY]
    same("history: the headers", [ws.cell(1, c).value for c in range(1, 7)],
         ["通番", "項目", "変更前", "変更後", "変更者", "日時"])
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = db.execute("SELECT item, field, old, new, user FROM history ORDER BY id").fetchall()
    names = {c["id"]: c["name"]["ja"] for c in ex.columns}
    want = []
    for item, field, old, new, user in rows:
        if field == "status":
            want.append((item, "回答状況", OFFICIAL[old] if old else None, OFFICIAL[new], user))
        else:
            want.append((item, names.get(field, field), old or None, new or None, user))
    got = [tuple(ws.cell(r, c).value for c in range(1, 6)) for r in range(2, ws.max_row + 1)]
    same("history: every change, oldest first", got, want)
    report(len(want) > 2, "history: some changes to compare", len(want))
    times = [ws.cell(r, 6).value for r in range(2, ws.max_row + 1)]
    report(all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d JST", t or "") for t in times),
           "history: the times in local time (TZ=JST-9)", times[:3])


def edit(src, dest, cells):
    """Writes src to dest with the cells of the checklist's sheet set to new
    texts ("K5=対象外"), everything else as it was: the document properties
    and the hidden sheet too, as Excel keeps them when a person edits a cell
    (openpyxl, saving, would drop the properties)."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode("utf-8")
    for assignment in cells:
        ref, text = assignment.split("=", 1)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        pat = re.compile(r'<c r="%s"( s="\d+")?[^>]*?(/>|>.*?</c>)' % ref, re.S)
        new, n = pat.subn(lambda m: f'<c r="{ref}"{m.group(1) or ""} t="inlineStr"><is>'
                                    f'<t xml:space="preserve">{text}</t></is></c>', xml, 1)
        if n != 1:
            raise SystemExit(f"no cell {ref} in {src}")
        xml = new
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "edit":
        edit(sys.argv[2], sys.argv[3], sys.argv[4:])
        return 0
    p = argparse.ArgumentParser()
    p.add_argument("workbook")
    p.add_argument("--json", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--db")
    p.add_argument("--lang", default="ja")
    p.add_argument("--saved-by-calc", action="store_true")
    p.add_argument("--changed")
    p.add_argument("--counts-only", action="store_true")
    p.add_argument("--history", action="store_true")
    args = p.parse_args()
    with open(args.json, encoding="utf-8") as f:
        ex = Expect(json.load(f), args.lang)
    if args.counts_only:
        check_counts_only(args.workbook, ex)
        return 1 if failures else 0
    wb = openpyxl.load_workbook(args.workbook)
    ws = check_sheet(wb, ex, args)
    check_format(ws, ex, args)
    check_summary(args.workbook, ex, args)
    check_meta(args.workbook, wb, ex, args)
    if args.history:
        check_history(wb, ex, args)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
