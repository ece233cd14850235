#!/usr/bin/env python3
"""Convert the extracted text of the API接続チェックリスト(試行版) into tenken YAML.

The source is the text extracted from the publisher's PDF
(shared/seeds/000_a16df8452dbb5faf.txt): one tab-separated row per item with
the columns 通番, 区分, セキュリティ対応目標, 対象者, 手法例, 現在の対応状況,
今後の対応予定, 関連規定, 関連規定箇所, 備考.  The 手法例 cell keeps a little
HTML (<p>, <ol>, one <ul>); headings are written <…>.

The wording is the publisher's.  The converter only repairs what the PDF
extraction broke:

  * spaces inserted inside Japanese text (a space is kept only between two
    ASCII characters, e.g. "JIS Q 27001", and after a leading section number
    such as "3.3.1 ");
  * method numbers that were lost (numbered 1..n in order within the item).

Everything else is carried over as it is.  After building the YAML the script
runs a self-test (always, unless --no-check is given): it reloads the YAML and
checks, item by item, that no text was lost or added -- the concatenation of
all emitted text, with all whitespace removed, must equal the seed cell with
HTML tags, method numbers and all whitespace removed -- plus the structural
rules of data/README.md.  It fails loudly (exit status 1) and writes nothing
if any check fails.

The script writes the Japanese only.  The English of
data/fisc-api-2017-trial.yaml is tenken's translation, edited in that file
directly, beside the Japanese: writing the file again from the seed would
drop it, and --check, which expects every text to be {ja: …} alone, does not
accept the file as it is now.  The script is kept as the record of how the
Japanese was made.

Usage:
  tools/seed2yaml.py [--seed SEED] [--output FILE] [--verbose]
  tools/seed2yaml.py --check FILE [--seed SEED]   # verify an existing file

Requires Python 3 and PyYAML.
"""

import argparse
import datetime
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_SEED = os.path.join(REPO, '..', 'shared', 'seeds', '000_a16df8452dbb5faf.txt')
DEFAULT_OUTPUT = os.path.join(REPO, 'data', 'fisc-api-2017-trial.yaml')

HEADER_COMMENT = ("# API接続チェックリスト(試行版) — transcribed from the publisher's "
                  "document by tools/seed2yaml.py, then checked by hand.\n")

TITLE = 'API接続チェックリスト(試行版)'
DATE_LINE = '平成29年6月28日'
PUBLISHER = 'API接続先チェックリストワーキンググループ'

TARGETS = [  # (id, 対象者 as published)
    ('connector', 'API接続先'),
    ('bank', '銀行'),
    ('common', '共通'),
]
COLUMNS = [
    ('current', '現在の対応状況'),
    ('plan', '今後の対応予定'),
    ('remarks', '備考'),
]
HEADER_ROW = ['通番', '区分', 'セキュリティ対応目標', '対象者', '手法例',
              '現在の対応状況', '今後の対応予定', '関連規定', '関連規定箇所', '備考']
N_ITEMS = 60
N_SECTIONS = 9

# Nesting of the unlabelled list in item 46 (注1).  The extraction never closes
# its lists, so after the <ul> the nesting cannot be read from the tags:
# 「サービスのリスクに応じてやるべき項目」 is a second top-level entry parallel to
# 「最低限やるべき項目」, and its three items are under it.  The two <ul> items
# are kept nested under 「PW文字数の最低数制限」, the item the <ul> follows.
DEPTH_OVERRIDES = {
    (46, 1): [1, 2, 2, 3, 3, 1, 2, 2, 2],
}

CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

LOG = []  # (item, message) -- what the converter repaired, for --verbose


def log(item, msg):
    LOG.append((item, msg))


# ---------------------------------------------------------------------------
# Text cleaning

SECNUM_RE = re.compile(r'^(\d+(?:\.\d+)+) ')


def is_ascii(ch):
    return ch.isascii() and not ch.isspace()


def clean(s, item=None, what=''):
    """Remove the spaces the PDF extraction inserted.

    A space survives only between two ASCII characters ("JIS Q 27001",
    "TELNET, rlogin") and after a leading section number ("3.3.1 API…",
    "3.3.3 内部からの…")."""
    s = re.sub(r'\s+', ' ', s).strip()
    keep_at = None
    m = SECNUM_RE.match(s)
    if m:
        keep_at = m.end() - 1
    out = []
    for i, ch in enumerate(s):
        if ch == ' ' and i != keep_at:
            a, b = s[i - 1], s[i + 1]
            if is_ascii(a) and is_ascii(b):
                out.append(ch)
                continue
            if item is not None:
                kind = 'J-J' if not (is_ascii(a) or is_ascii(b)) else 'J-A'
                log(item, 'space removed (%s) in %s: …%s␣%s…' % (kind, what, s[max(0, i - 8):i], s[i + 1:i + 9]))
            continue
        out.append(ch)
    return ''.join(out)


def split_list_items(s):
    """Split an unlabelled list (items separated by spaces) into items.

    Spaces between two ASCII characters belong to the text ("JIS Q 27001");
    every other space separates two list items."""
    s = re.sub(r'\s+', ' ', s).strip()
    parts, cur = [], []
    for i, ch in enumerate(s):
        if ch == ' ' and not (is_ascii(s[i - 1]) and is_ascii(s[i + 1])):
            parts.append(''.join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append(''.join(cur))
    return [p for p in parts if p]


def t(s):
    """Bilingual text with only the Japanese original."""
    return {'ja': s}


# ---------------------------------------------------------------------------
# Reading the seed

def read_rows(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    rows = []
    for line in lines:
        if not line.strip():
            continue
        cells = line.split('\t')
        if re.match(r'^\d+$', cells[0]):
            if len(cells) != len(HEADER_ROW):
                raise SystemExit('seed: item %s has %d cells, expected %d' % (cells[0], len(cells), len(HEADER_ROW)))
            rows.append(cells)
            continue
        # page header, column header row, title page lines
        if [c.replace(' ', '') for c in cells] == HEADER_ROW:
            continue
        if line.strip() in (TITLE, DATE_LINE, PUBLISHER):
            continue
        raise SystemExit('seed: unexpected line: %r' % line)
    return rows


TOKEN_RE = re.compile(
    r'<p><(?P<head>[^<>]+)></p>'      # <p><heading></p>
    r'|<p>(?P<p>.*?)</p>'             # paragraph
    r'|(?P<ol><ol[^>]*>)'
    r'|(?P<ul><ul[^>]*>)'
    r'|(?P<text>[^<]+)', re.S)


def tokenize(cell):
    toks = []
    pos = 0
    while pos < len(cell):
        m = TOKEN_RE.match(cell, pos)
        if not m:
            raise SystemExit('seed: cannot tokenize at %r' % cell[pos:pos + 40])
        pos = m.end()
        if m.group('head') is not None:
            toks.append(('H', m.group('head')))
        elif m.group('p') is not None:
            if m.group('p').strip():
                toks.append(('P', m.group('p')))
        elif m.group('ol'):
            toks.append(('OL', None))
        elif m.group('ul'):
            toks.append(('UL', None))
        elif m.group('text').strip():
            toks.append(('L', m.group('text')))
    return toks


NOTE_START_RE = re.compile(r'^\s*\(注(\d+)\)(\S*)\s*(.*)$', re.S)


# ---------------------------------------------------------------------------
# Methods (手法例 before the first (注N) paragraph)

METHOD_LABEL_RE = re.compile(r'(?:^|(?<=\s))(\d{1,2})\.\s')


def parse_methods(num, toks):
    groups = []  # [heading or None, [chunk texts]]
    for kind, val in toks:
        if kind == 'H':
            groups.append([val, []])
        elif kind in ('P', 'L'):
            if not groups:
                groups.append([None, []])
            groups[-1][1].append(val)
    labelled = any(re.match(r'\s*\d{1,2}\.\s', c) for g in groups for c in g[1])
    result = []
    n = 0  # methods so far in the item
    for heading, chunks in groups:
        methods = []
        if labelled:
            text = ' '.join(chunks)
            cuts = []
            for m in METHOD_LABEL_RE.finditer(text):
                if int(m.group(1)) == n + len(cuts) + 1:
                    cuts.append(m)
            if not cuts or text[:cuts[0].start()].strip():
                raise SystemExit('item %d: text before the first method number: %r' % (num, text[:60]))
            for i, m in enumerate(cuts):
                end = cuts[i + 1].start() if i + 1 < len(cuts) else len(text)
                methods.append(text[m.end():end])
        else:
            # the numbers were lost: one list item per method, numbered in order
            for c in chunks:
                for piece in split_list_items(c):
                    methods.append(piece)
                    log(num, 'method number %d restored: %s…' % (n + len(methods), piece[:20]))
        n += len(methods)
        group = {}
        if heading is not None:
            group['heading'] = t(clean(heading, num, 'heading'))
        group['methods'] = methods
        result.append(group)
    # number the methods 1..n through the item (numbers run on across headings)
    k = 0
    for group in result:
        out = []
        for text in group['methods']:
            k += 1
            text = clean(text, num, 'method %d' % k)
            m = {'number': k, 'text': t(text)}
            refs = []
            for r in re.findall(r'\(注(\d+)\)', text):
                if int(r) not in refs:
                    refs.append(int(r))
            if refs:
                m['notes'] = FlowList(refs)
            out.append(m)
        group['methods'] = out
    return result


# ---------------------------------------------------------------------------
# Notes ((注N)具体例 and what follows)

LABEL_RE = re.compile(
    r'(?:^|(?<=\s)|(?<=、))(?P<c>[' + CIRCLED + r'])'
    r'|(?:^|(?<=\s))(?P<l>[a-z])\.')


def split_labels(text, state):
    """Split a chunk at entry labels: ①…⑳ and sequential a. b. c. …

    `state` carries across the chunks of one note: whether a ① … entry has
    been seen and which letter comes next under it.  Returns
    [(label or None, text)]; an unlabelled piece can only be first."""
    cuts = []
    for m in LABEL_RE.finditer(text):
        if m.group('c'):
            cuts.append((m.start(), m.end(), m.group('c')))
            state['top'] = True
            state['letter'] = 'a'
        elif state.get('top') and m.group('l') == state['letter']:
            cuts.append((m.start(), m.end(), m.group('l') + '.'))
            state['letter'] = chr(ord(state['letter']) + 1)
    pieces = []
    if not cuts:
        return [(None, text)]
    if text[:cuts[0][0]].strip():
        pieces.append((None, text[:cuts[0][0]]))
    for i, (s, e, lab) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        pieces.append((lab, text[e:end]))
    return pieces


def parse_note(num, nnum, title, rest_toks):
    note = {'number': nnum}
    if title:
        note['title'] = t(clean(title, num, 'note %d title' % nnum))
    entries = []           # top-level entries
    last_top = None
    note_text = []
    unlabelled = []        # (depth, text) for lists whose labels were lost
    depth = 0
    state = {}
    for kind, val in rest_toks:
        if kind in ('OL', 'UL'):
            depth += 1
            continue
        if kind == 'H':
            raise SystemExit('item %d: heading inside note %d' % (num, nnum))
        for lab, piece in split_labels(val, state):
            if lab is None:
                if kind == 'L' and depth > 0 and not entries:
                    for p in split_list_items(piece):
                        unlabelled.append((depth, p))
                elif not entries and not unlabelled:
                    note_text.append(piece)
                else:
                    # a stray paragraph between or after the entries: kept in
                    # place as an entry without a label
                    if unlabelled:
                        raise SystemExit('item %d note %d: paragraph after an unlabelled list' % (num, nnum))
                    text = clean(piece, num, 'note %d stray text' % nnum)
                    log(num, 'note %d: stray paragraph kept as an unlabelled entry: %s…' % (nnum, text[:24]))
                    last_top = {'text': t(text)}
                    entries.append(last_top)
            elif lab[0] in CIRCLED:
                if unlabelled:
                    raise SystemExit('item %d note %d: labelled and unlabelled entries mixed' % (num, nnum))
                last_top = {'label': lab, 'text': t(clean(piece, num, 'note %d %s' % (nnum, lab)))}
                entries.append(last_top)
            else:
                if last_top is None:
                    raise SystemExit('item %d note %d: %s without a ①' % (num, nnum, lab))
                last_top.setdefault('entries', []).append(
                    {'label': lab, 'text': t(clean(piece, num, 'note %d %s' % (nnum, lab)))})
    if unlabelled:
        depths = [d for d, _ in unlabelled]
        if (num, nnum) in DEPTH_OVERRIDES:
            new = DEPTH_OVERRIDES[(num, nnum)]
            if len(new) != len(depths):
                raise SystemExit('item %d note %d: depth override has %d entries, list has %d'
                                 % (num, nnum, len(new), len(depths)))
            log(num, 'note %d: nesting set by hand %s (tags gave %s)' % (nnum, new, depths))
            depths = new
        base = min(depths)
        stack = [(0, entries)]
        for d, (_, p) in zip(depths, unlabelled):
            d = d - base + 1
            while stack[-1][0] >= d:
                stack.pop()
            if stack[-1][0] != d - 1:
                raise SystemExit('item %d note %d: list nesting jumps to depth %d' % (num, nnum, d))
            e = {'text': t(clean(p, num, 'note %d list' % nnum))}
            log(num, 'note %d: list entry without a label (depth %d): %s…' % (nnum, d, p[:20]))
            stack[-1][1].append(e)
            stack.append((d, e.setdefault('entries', [])))
        # drop empty 'entries' lists created above
        def prune(es):
            for e in es:
                if 'entries' in e:
                    if e['entries']:
                        prune(e['entries'])
                    else:
                        del e['entries']
        prune(entries)
    if note_text:
        note['text'] = t(clean(' '.join(note_text), num, 'note %d text' % nnum))
    if entries:
        note['entries'] = entries
    return note


def parse_cell(num, cell):
    toks = tokenize(cell)
    first_note = None
    for i, (kind, val) in enumerate(toks):
        if kind == 'P' and NOTE_START_RE.match(val):
            first_note = i
            break
    mtoks = toks if first_note is None else toks[:first_note]
    methods = parse_methods(num, mtoks)
    notes = []
    if first_note is not None:
        cur = None
        for kind, val in toks[first_note:]:
            m = NOTE_START_RE.match(val) if kind == 'P' else None
            if m:
                cur = [int(m.group(1)), m.group(2), []]
                notes.append(cur)
                if m.group(3).strip():
                    cur[2].append(('P', m.group(3)))
            else:
                cur[2].append((kind, val))
        notes = [parse_note(num, n, title, rest) for n, title, rest in notes]
    return methods, notes


# ---------------------------------------------------------------------------
# Building the document

def build(rows):
    sections = []
    by_name = {}
    target_ids = {name: tid for tid, name in TARGETS}
    for cells in rows:
        num = int(cells[0])
        section_name = clean(cells[1], num, '区分')
        goal = clean(cells[2], num, 'goal')
        target = clean(cells[3], num, '対象者')
        if target not in target_ids:
            raise SystemExit('item %d: unknown 対象者 %r' % (num, target))
        for k, col in ((5, '現在の対応状況'), (6, '今後の対応予定')):
            if cells[k].strip():
                raise SystemExit('item %d: the answer column %s is not empty in the seed' % (num, col))
        if section_name not in by_name:
            sec = {'number': len(sections) + 1, 'name': t(section_name), 'items': []}
            by_name[section_name] = sec
            sections.append(sec)
        item = {'number': num, 'goal': t(goal), 'target': target_ids[target]}
        methods, notes = parse_cell(num, cells[4])
        if methods:
            item['methods'] = methods
        if notes:
            item['notes'] = notes
        refs = []
        srcs = cells[7].split(' ----- ') if cells[7].strip() else []
        locs = cells[8].split(' ----- ') if cells[8].strip() else []
        if len(srcs) != len(locs):
            raise SystemExit('item %d: %d 関連規定 but %d 関連規定箇所' % (num, len(srcs), len(locs)))
        for s, l in zip(srcs, locs):
            refs.append({'source': t(clean(s, num, '関連規定')),
                         'location': t(clean(l, num, '関連規定箇所'))})
        if refs:
            item['references'] = refs
        if cells[9].strip():
            item['remarks'] = t(clean(cells[9], num, '備考'))
        by_name[section_name]['items'].append(item)
    for sec in sections:
        sec['items'].sort(key=lambda it: it['number'])
    date = datetime.date(2017, 6, 28)  # 平成29年6月28日
    return {
        'format': 'tenken-checklist 1',
        'id': 'fisc-api-2017-trial',
        'title': t(TITLE),
        'edition': t('試行版'),
        'date': date,
        'publisher': t(PUBLISHER),
        'source': t('%s(%s、%s)' % (TITLE, DATE_LINE, PUBLISHER)),
        'targets': [{'id': tid, 'name': t(name)} for tid, name in TARGETS],
        'columns': [{'id': cid, 'name': t(name)} for cid, name in COLUMNS],
        'sections': sections,
    }


# ---------------------------------------------------------------------------
# YAML output

class FlowList(list):
    """A short list written in flow style: notes: [1, 2]."""


class Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        # indent block sequences under their key ("  - id: …")
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data):
        return True


Dumper.add_representer(
    FlowList, lambda d, v: d.represent_sequence('tag:yaml.org,2002:seq', v, flow_style=True))


def dump(doc):
    body = yaml.dump(doc, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1 << 20, indent=2)
    return HEADER_COMMENT + body


# ---------------------------------------------------------------------------
# Self-test

class CheckFailed(Exception):
    pass


def nows(s):
    return re.sub(r'\s+', '', s)


def walk_text(node):
    """All text of a methods/notes subtree in document order, written the
    way the publisher's cell writes it: <heading>, (注N), labels."""
    out = []
    if isinstance(node, list):
        for x in node:
            out.append(walk_text(x))
        return ''.join(out)
    if isinstance(node, dict):
        if set(node) == {'ja'}:
            return node['ja']
        for k, v in node.items():
            if k == 'heading':
                out.append('<' + v['ja'] + '>')
            elif k == 'number':
                continue
            elif k == 'label':
                out.append(v)
            elif k == 'notes':      # list of note numbers on a method
                continue
            else:
                out.append(walk_text(v))
        return ''.join(out)
    raise CheckFailed('unexpected node %r' % (node,))


def note_text(note):
    return '(注%d)' % note['number'] + walk_text({k: v for k, v in note.items() if k != 'number'})


TAG_STRIP_RE = re.compile(r'</?p>|<ol[^>]*>|<ul[^>]*>')


def seed_cell_text(cell):
    s = TAG_STRIP_RE.sub(' ', cell)
    s = METHOD_LABEL_RE.sub(' ', s)   # the method numbers "N. "
    return nows(s)


ITEM_KEYS = {'number', 'goal', 'target', 'methods', 'notes', 'references', 'remarks'}
GROUP_KEYS = {'heading', 'methods'}
METHOD_KEYS = {'number', 'text', 'notes', 'entries'}
NOTE_KEYS = {'number', 'title', 'text', 'entries'}
ENTRY_KEYS = {'label', 'text', 'entries'}


def check_text(x, where):
    if not (isinstance(x, dict) and set(x) == {'ja'} and isinstance(x['ja'], str)):
        raise CheckFailed('%s: text is not a {ja: …} mapping: %r' % (where, x))
    s = x['ja']
    if not s or s != s.strip() or '  ' in s or '\t' in s or '\n' in s:
        raise CheckFailed('%s: bad whitespace in %r' % (where, s))
    if '<' in s or '>' in s:
        raise CheckFailed('%s: markup left in %r' % (where, s))
    for i, ch in enumerate(s):
        if ch == ' ' and not (is_ascii(s[i - 1]) and is_ascii(s[i + 1])) and not (
                SECNUM_RE.match(s) and i == SECNUM_RE.match(s).end() - 1):
            raise CheckFailed('%s: space next to Japanese text in %r' % (where, s))


def check_entries(es, where, depth=0):
    if depth > 8:
        raise CheckFailed('%s: entries nested too deep' % where)
    for i, e in enumerate(es):
        w = '%s entry %d' % (where, i + 1)
        if set(e) - ENTRY_KEYS or 'text' not in e:
            raise CheckFailed('%s: bad keys %s' % (w, sorted(e)))
        check_text(e['text'], w)
        if 'entries' in e:
            if not e['entries']:
                raise CheckFailed('%s: empty entries' % w)
            check_entries(e['entries'], w, depth + 1)


def self_test(yaml_text, rows):
    """Reload the YAML and compare it with the seed.  Raises CheckFailed."""
    doc = yaml.safe_load(yaml_text)
    for ev in yaml.parse(yaml_text):
        if getattr(ev, 'anchor', None):
            raise CheckFailed('anchor/alias in the output')
    top = ['format', 'id', 'title', 'edition', 'date', 'publisher', 'source',
           'targets', 'columns', 'sections']
    if list(doc) != top:
        raise CheckFailed('top-level keys %s' % list(doc))
    if doc['format'] != 'tenken-checklist 1' or doc['id'] != 'fisc-api-2017-trial':
        raise CheckFailed('format/id')
    if doc['date'] != datetime.date(2017, 6, 28):
        raise CheckFailed('date %r' % doc['date'])
    target_ids = [x['id'] for x in doc['targets']]
    seed = {int(c[0]): c for c in rows}
    if sorted(seed) != list(range(1, N_ITEMS + 1)):
        raise CheckFailed('seed does not hold items 1..%d exactly once' % N_ITEMS)
    secs = doc['sections']
    if [s['number'] for s in secs] != list(range(1, N_SECTIONS + 1)):
        raise CheckFailed('section numbers %s' % [s['number'] for s in secs])
    seen = []
    seed_sections = []
    for c in rows:
        name = nows(c[1])
        if name not in seed_sections:
            seed_sections.append(name)
    if [nows(s['name']['ja']) for s in secs] != seed_sections:
        raise CheckFailed('section names/order differ from the seed')
    for s in secs:
        check_text(s['name'], 'section %d' % s['number'])
        nums = [it['number'] for it in s['items']]
        if nums != sorted(nums):
            raise CheckFailed('section %d: items not in 通番 order' % s['number'])
        for it in s['items']:
            num = it['number']
            seen.append(num)
            w = 'item %r' % (num,)
            if num not in seed:
                raise CheckFailed('%s: no such 通番 in the seed' % w)
            c = seed[num]
            if set(it) - ITEM_KEYS:
                raise CheckFailed('%s: unknown keys %s' % (w, sorted(set(it) - ITEM_KEYS)))
            if nows(c[1]) != nows(s['name']['ja']):
                raise CheckFailed('%s: in section %r, seed says %r' % (w, s['name']['ja'], c[1]))
            check_text(it['goal'], w + ' goal')
            if nows(it['goal']['ja']) != nows(c[2]):
                raise CheckFailed('%s: goal differs from the seed' % w)
            if it['target'] not in target_ids:
                raise CheckFailed('%s: target %r' % (w, it['target']))
            if dict((tid, name) for tid, name in TARGETS)[it['target']] != nows(c[3]):
                raise CheckFailed('%s: target %r but seed says %r' % (w, it['target'], c[3]))
            # 手法例: methods and notes
            k = 0
            note_nums = [n['number'] for n in it.get('notes', [])]
            if len(set(note_nums)) != len(note_nums):
                raise CheckFailed('%s: duplicate note numbers' % w)
            for g in it.get('methods', []):
                if set(g) - GROUP_KEYS or not g.get('methods'):
                    raise CheckFailed('%s: bad method group' % w)
                if 'heading' in g:
                    check_text(g['heading'], w + ' heading')
                for m in g['methods']:
                    k += 1
                    if set(m) - METHOD_KEYS:
                        raise CheckFailed('%s: method keys %s' % (w, sorted(m)))
                    if m.get('number') != k:
                        raise CheckFailed('%s: method numbers do not run 1..n (got %r, want %d)' % (w, m.get('number'), k))
                    check_text(m['text'], '%s method %d' % (w, k))
                    refs = []
                    for r in re.findall(r'\(注(\d+)\)', m['text']['ja']):
                        if int(r) not in refs:
                            refs.append(int(r))
                    if m.get('notes', []) != refs:
                        raise CheckFailed('%s method %d: notes %r but text refers to %r' % (w, k, m.get('notes'), refs))
                    for r in refs:
                        if r not in note_nums:
                            raise CheckFailed('%s method %d: refers to (注%d), which the item does not give' % (w, k, r))
                    if 'entries' in m:
                        check_entries(m['entries'], '%s method %d' % (w, k))
            for n in it.get('notes', []):
                if set(n) - NOTE_KEYS:
                    raise CheckFailed('%s: note keys %s' % (w, sorted(n)))
                for key in ('title', 'text'):
                    if key in n:
                        check_text(n[key], '%s note %d %s' % (w, n['number'], key))
                if 'entries' in n:
                    check_entries(n['entries'], '%s note %d' % (w, n['number']))
            got = nows(walk_text(it.get('methods', [])) + ''.join(note_text(n) for n in it.get('notes', [])))
            want = seed_cell_text(c[4])
            if got != want:
                i = 0
                while i < min(len(got), len(want)) and got[i] == want[i]:
                    i += 1
                raise CheckFailed('%s: 手法例 text differs from the seed at char %d:\n  yaml: …%s…\n  seed: …%s…'
                                  % (w, i, got[max(0, i - 20):i + 30], want[max(0, i - 20):i + 30]))
            # 関連規定 / 関連規定箇所
            refs = it.get('references', [])
            for r in refs:
                if set(r) != {'source', 'location'}:
                    raise CheckFailed('%s: reference keys %s' % (w, sorted(r)))
                check_text(r['source'], w + ' 関連規定')
                check_text(r['location'], w + ' 関連規定箇所')
            if nows('-----'.join(r['source']['ja'] for r in refs)) != nows(c[7]) or \
               nows('-----'.join(r['location']['ja'] for r in refs)) != nows(c[8]):
                raise CheckFailed('%s: references differ from the seed' % w)
            if nows(it['remarks']['ja'] if 'remarks' in it else '') != nows(c[9]):
                raise CheckFailed('%s: 備考 differs from the seed' % w)
    if sorted(seen) != list(range(1, N_ITEMS + 1)) or len(seen) != N_ITEMS:
        raise CheckFailed('items are not 1..%d exactly once' % N_ITEMS)
    want_counts = {}
    for c in rows:
        want_counts[nows(c[3])] = want_counts.get(nows(c[3]), 0) + 1
    got_counts = {}
    for s in secs:
        for it in s['items']:
            name = dict(TARGETS)[it['target']]
            got_counts[name] = got_counts.get(name, 0) + 1
    if got_counts != want_counts:
        raise CheckFailed('target counts %r, seed has %r' % (got_counts, want_counts))
    return doc, got_counts


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', default=DEFAULT_SEED)
    ap.add_argument('--output', default=DEFAULT_OUTPUT)
    ap.add_argument('--check', metavar='FILE', help='only verify FILE against the seed')
    ap.add_argument('--no-check', action='store_true', help='skip the self-test (not recommended)')
    ap.add_argument('--verbose', '-v', action='store_true', help='list every repair made')
    args = ap.parse_args()

    rows = read_rows(args.seed)
    if args.check:
        with open(args.check, encoding='utf-8') as f:
            text = f.read()
        try:
            _, counts = self_test(text, rows)
        except CheckFailed as e:
            sys.exit('SELF-TEST FAILED: %s' % e)
        print('%s: OK (%d items; 対象者 %s)' % (args.check, N_ITEMS, counts))
        return

    doc = build(rows)
    text = dump(doc)
    if not args.no_check:
        try:
            _, counts = self_test(text, rows)
        except CheckFailed as e:
            sys.exit('SELF-TEST FAILED, nothing written: %s' % e)
    with open(args.output, 'w', encoding='utf-8') as f:
        f.write(text)
    if args.verbose:
        for num, msg in LOG:
            print('item %2d: %s' % (num, msg))
    print('wrote %s%s' % (args.output, '' if args.no_check else ' (self-test passed; 対象者 %s)' % counts))


if __name__ == '__main__':
    main()
