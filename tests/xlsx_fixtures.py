#!/usr/bin/env python3
"""Writes the workbooks that tests/test_xlsx.c reads into the folder given.

book.xlsx is written by openpyxl, as an exporter would write one, then has
what openpyxl 3.0 cannot write put into it: a shared string table (openpyxl
3.0 writes every string inline) with a rich-text string, a phonetic run and
_xHHHH_ escapes, and docProps/custom.xml. minimal.xlsx is written by hand,
as smaller libraries write workbooks: prefixed element names, no shared
strings, sheet parts not named sheetN.xml, cells without an r attribute.
The other workbooks are hostile, each refused for one reason; the large
ones are made here, never committed.

Usage: xlsx_fixtures.py DIR
"""
import io
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MIB = 1024 * 1024
FAST = 1  # zlib's fastest level, for the large hostile workbooks

# The custom document properties of book.xlsx, as an exporter records them.
PROPERTIES = [
    ("tenken.checklist", "lpwstr", "fisc-api-2018"),
    ("tenken.sha256", "lpwstr", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
    ("tenken.exported", "filetime", "2024-04-01T09:00:00Z"),
]

# Shared strings that openpyxl cannot write, put where these placeholders
# are: the <si> element's content.
SPECIAL = {
    "@rich": '<r><t>重要:</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 多要素認証</t></r>'
    '<r><t>を導入</t></r><rPh sb="0" eb="2"><t>ジュウヨウ</t></rPh>'
    '<phoneticPr fontId="1"/>',
    "@crlf": "<t>一行目_x000D_\n二行目</t>",
    "@escape": "<t>_x005F_x0041_ と _x3042_</t>",
}


def openpyxl_book(path):
    try:
        import openpyxl
    except ImportError:
        sys.exit("xlsx_fixtures.py: python3-openpyxl is missing "
                 "(on Debian/Ubuntu: apt-get install python3-openpyxl)")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "チェックリスト"
    ws.append(["通番", "項目", "対応状況", "現在の対応状況", "備考"])
    ws.append([1, "責任の所在を明確にする", "対応済み", "一行目\n二行目", "@rich"])
    ws.append([2, "@crlf", "対応済み", "インライン文字列", "@escape"])
    ws.append([3, "非表示の行", "未対応", None, True])
    ws.append([4, " 前後の空白 ", 0.5, None, None])
    ws.row_dimensions[4].hidden = True
    ws["AA7"] = "AA列"
    ws["AZ7"] = "AZ列"
    ws["BA7"] = 53
    hidden = wb.create_sheet("隠しシート")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "fisc-api-2018"
    very = wb.create_sheet("設定")
    very.sheet_state = "veryHidden"
    very["B2"] = "veryHidden"
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        strings = []
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = shared_strings(data, strings, keep_inline={"D3"})
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = add_rel(data, "rIdStrings", REL + "/sharedStrings", "sharedStrings.xml")
            elif info.filename == "_rels/.rels":
                data = add_rel(data, "rIdCustom", REL + "/custom-properties", "docProps/custom.xml")
            elif info.filename == "[Content_Types].xml":
                data = add_overrides(data)
            dst.writestr(info.filename, data)
        dst.writestr("xl/sharedStrings.xml", string_table(strings))
        dst.writestr("docProps/custom.xml", custom_xml(PROPERTIES))


def shared_strings(data, strings, keep_inline):
    """Turns the sheet's inline strings into shared ones (but the cells in
    keep_inline), filling strings with the <si> contents."""
    ET.register_namespace("", MAIN)
    root = ET.fromstring(data)
    for c in root.iter("{%s}c" % MAIN):
        if c.get("t") != "inlineStr" or c.get("r") in keep_inline:
            continue
        t = c.find("{%s}is/{%s}t" % (MAIN, MAIN))
        text = t.text or ""
        if text in SPECIAL:
            si = SPECIAL[text]
        else:
            t.tail = None
            si = ET.tostring(t, encoding="unicode").replace(' xmlns="%s"' % MAIN, "")
        if si not in strings:
            strings.append(si)
        for child in list(c):
            c.remove(child)
        c.set("t", "s")
        ET.SubElement(c, "{%s}v" % MAIN).text = str(strings.index(si))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def string_table(strings):
    items = "".join("<si>%s</si>" % s for s in strings)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
            % (MAIN, len(strings), len(strings), items)).encode()


def add_rel(data, rid, rtype, target):
    rel = '<Relationship Id="%s" Type="%s" Target="%s"/>' % (rid, rtype, target)
    return data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def add_overrides(data):
    over = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/docProps/custom.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.custom-properties+xml"/>')
    return data.replace(b"</Types>", over.encode() + b"</Types>")


def custom_xml(props):
    body = "".join(
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s">'
        "<vt:%s>%s</vt:%s></property>" % (i + 2, name, kind, value, kind)
        for i, (name, kind, value) in enumerate(props))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="%s" xmlns:vt="%s">%s</Properties>'
            % (CUSTOM_NS, VT, body)).encode()


# ---- workbooks written by hand ----

def workbook_xml(names, prefix=""):
    p = prefix + ":" if prefix else ""
    decl = ' xmlns:%s="%s"' % (prefix, MAIN) if prefix else ' xmlns="%s"' % MAIN
    sheets = "".join('<%ssheet name="%s" sheetId="%d" r:id="rId%d"/>' % (p, n, i + 1, i + 1)
                     for i, n in enumerate(names))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<%sworkbook%s xmlns:r="%s">'
            "<%ssheets>%s</%ssheets></%sworkbook>" % (p, decl, REL, p, sheets, p, p)).encode()


def rels_xml(targets, strings=None):
    rels = "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>'
                   % (i + 1, REL, t) for i, t in enumerate(targets))
    if strings:
        rels += '<Relationship Id="rIdS" Type="%s/sharedStrings" Target="%s"/>' % (REL, strings)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="%s">%s'
            "</Relationships>" % (PKG_REL, rels)).encode()


def sheet_xml(rows):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="%s"><sheetData>%s'
            "</sheetData></worksheet>" % (MAIN, rows)).encode()


def hand_book(path, sheets, strings=None, parts=None):
    """A workbook of sheets (name, rows XML), with a shared string table
    whose <si> contents are strings, and other parts {name: bytes}."""
    names = [name for name, _ in sheets]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=FAST) as z:
        z.writestr("[Content_Types].xml", b"<Types xmlns='%s'/>" % CT.encode())
        z.writestr("xl/workbook.xml", workbook_xml(names))
        z.writestr("xl/_rels/workbook.xml.rels",
                   rels_xml(["worksheets/sheet%d.xml" % (i + 1) for i in range(len(sheets))],
                            "sharedStrings.xml" if strings is not None else None))
        for i, (_, rows) in enumerate(sheets):
            z.writestr("xl/worksheets/sheet%d.xml" % (i + 1), sheet_xml(rows))
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", string_table(strings))
        for name, data in (parts or {}).items():
            z.writestr(name, data)


def minimal_book(path):
    x = "x:"
    data = ("<%sworksheet xmlns:x='%s'><%ssheetData>"
            "<x:row><x:c t='inlineStr'><x:is><x:t>位置は順番で</x:t></x:is></x:c>"
            "<x:c><x:v>2</x:v></x:c><x:c/><x:c t='inlineStr'><x:is><x:t>D1</x:t></x:is></x:c></x:row>"
            "<x:row r='5'><x:c r='C5' t='str'><x:f>A1&amp;\"x\"</x:f><x:v>計算結果</x:v></x:c>"
            "<x:c t='e'><x:v>#N/A</x:v></x:c><x:c t='b'><x:v>0</x:v></x:c></x:row>"
            "<x:row r='3'><x:c r='B3' t='inlineStr'><x:is><x:r><x:t>ルビ</x:t></x:r>"
            "<x:rPh sb='0' eb='2'><x:t>ルビ</x:t></x:rPh><x:t>  前後を詰める  </x:t></x:is></x:c>"
            "<x:c r='A3' t='inlineStr'><x:is><x:t>_xD83D__xDE00_ _x0000_ _x001B_ a&#13;&#10;b&#13;c</x:t>"
            "</x:is></x:c></x:row>"
            "<x:row><x:c t='d'><x:v>2024-04-01T00:00:00</x:v></x:c></x:row>"
            "</%ssheetData></%sworksheet>" % (x, MAIN, x, x, x)).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", workbook_xml(["データ", "空"], prefix="x"))
        z.writestr("xl/_rels/workbook.xml.rels",
                   rels_xml(["/xl/data/first.xml", "./worksheets/../worksheets/empty.xml"]))
        z.writestr("xl/data/first.xml", data)
        z.writestr("xl/worksheets/empty.xml", sheet_xml(""))


# ---- hostile workbooks ----

def stream_sheet(path, head, chunks, tail):
    """A workbook whose one sheet part is head, the chunks, then tail:
    written as it is compressed, never held whole."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=FAST) as z:
        z.writestr("xl/workbook.xml", workbook_xml(["Sheet1"]))
        z.writestr("xl/_rels/workbook.xml.rels", rels_xml(["worksheets/sheet1.xml"]))
        with z.open("xl/worksheets/sheet1.xml", "w") as w:
            w.write(head)
            for chunk in chunks:
                w.write(chunk)
            w.write(tail)


def lying_book(path, chunks, claimed):
    """A workbook whose sheet's zip directory entry and local header say
    it is claimed bytes long, whatever it holds."""
    head = b'<worksheet xmlns="%s"><sheetData>' % MAIN.encode()
    stream_sheet(path, head, chunks, b"</sheetData></worksheet>")
    with open(path, "rb") as f:
        data = bytearray(f.read())
    lie = struct.pack("<I", claimed)
    name = b"xl/worksheets/sheet1.xml"
    eocd = data.rfind(b"PK\x05\x06")
    count, _, cd = struct.unpack("<HII", data[eocd + 10:eocd + 20])
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[cd + 28:cd + 34])
        local = struct.unpack("<I", data[cd + 42:cd + 46])[0]
        if data[cd + 46:cd + 46 + name_len] == name:
            data[cd + 24:cd + 28] = lie
            data[local + 22:local + 26] = lie
        cd += 46 + name_len + extra_len + comment_len
    with open(path, "wb") as f:
        f.write(data)


def varied_text(size):
    """About size bytes of kana that deflate cannot shrink much: a random
    block longer than deflate's 32 KiB window, repeated."""
    import random
    kana = [chr(c) for c in range(0x3041, 0x3097)]
    block = "".join(random.Random(1).choices(kana, k=64 * 1024 // 3))
    return block * (size // len(block.encode()) + 1)


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
                  + "".join(' <!ENTITY lol%d "%s">\n' % (i, ("&lol%s;" % (i - 1 if i > 1 else ""))
                                                         * 10) for i in range(1, 10))
                  + ']>\n<sst xmlns="%s"><si><t>&lol9;</t></si></sst>' % MAIN).encode()


def hostile(out):
    with open(os.path.join(out, "notzip.xlsx"), "w", encoding="utf-8") as f:
        f.write("通番,項目,対応状況\n1,責任の所在を明確にする,対応済み\n")
    with open(os.path.join(out, "encrypted.xlsx"), "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    with zipfile.ZipFile(os.path.join(out, "noworkbook.xlsx"), "w") as z:
        z.writestr("[Content_Types].xml", b"<Types xmlns='%s'/>" % CT.encode())
        z.writestr("word/document.xml", b"<document/>")
    head = b'<worksheet xmlns="%s"><sheetData>' % MAIN.encode()
    zeros = b"0" * MIB
    stream_sheet(os.path.join(out, "bomb.xlsx"), head, (zeros for _ in range(256)), b"")
    # 8 MiB of spaces said to be 4 KiB: refused while it is decompressed.
    lying_book(os.path.join(out, "lying.xlsx"), [b" " * MIB] * 8, 4096)
    # 2 MiB said to be 65 MiB, at a ratio of a real workbook's: refused
    # from the directory for its size alone.
    lying_book(os.path.join(out, "large.xlsx"), [varied_text(2 * MIB).encode()], 65 * MIB)
    rows = (b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i)
                     for i in range(n, n + 10000)) for n in range(1, 1000001, 10000))
    stream_sheet(os.path.join(out, "rows.xlsx"), head, rows, b"</sheetData></worksheet>")
    # 12 KB of cells, one far right in each of 2000 rows: as a table of
    # every place up to them, 2000 x 16384 places, a third of a gigabyte.
    hand_book(os.path.join(out, "spread.xlsx"),
              [("Sheet1", "".join('<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (i, i)
                                  for i in range(1, 2001)))])
    hand_book(os.path.join(out, "entities.xlsx"),
              [("Sheet1", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>')],
              parts={"xl/sharedStrings.xml": BILLION_LAUGHS})
    big = varied_text(10 * MIB)
    hand_book(os.path.join(out, "bigcell.xlsx"),
              [("チェックリスト", '<row r="12"><c r="F12" t="inlineStr"><is><t>%s</t></is></c>'
                "</row>" % big)])
    hand_book(os.path.join(out, "bigstring.xlsx"),
              [("Sheet1", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>')],
              strings=["<t>%s</t>" % big])
    hand_book(os.path.join(out, "malformed.xlsx"),
              [("Sheet1", '\n<row r="1">\n<c r="A1"><v>1</c></row>')])
    hand_book(os.path.join(out, "badref.xlsx"),
              [("Sheet1", '<row r="1"><c r="1A"><v>1</v></c></row>')])
    # What the file says is quoted in messages made safe to show.
    hand_book(os.path.join(out, "bidiref.xlsx"),
              [("Sheet1", '<row r="1"><c r="&#x202E;A1"><v>1</v></c></row>')])
    hand_book(os.path.join(out, "newline.xlsx"),
              [("改行&#10;名", '<row r="2"><c r="A2" t="s"><v>&#x202E;7</v></c></row>')])
    hand_book(os.path.join(out, "twice.xlsx"),
              [("回答", '<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>'
                '<row r="2"><c r="B2"><v>3</v></c></row>')])
    hand_book(os.path.join(out, "nostring.xlsx"),
              [("Sheet1", '<row r="1"><c r="C1" t="s"><v>1</v></c></row>')],
              strings=["<t>only one</t>"])
    hand_book(os.path.join(out, "sheets.xlsx"), [("S%d" % i, "") for i in range(257)])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    openpyxl_book(os.path.join(out, "book.xlsx"))
    minimal_book(os.path.join(out, "minimal.xlsx"))
    hostile(out)


if __name__ == "__main__":
    main()
