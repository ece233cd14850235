"""Shared by tools/man-ja.py and tools/man-ja-checklist.py: turns a
Japanese man page written in UTF-8 into the pure-ASCII page that is
installed, with Japanese as groff \\[uXXXX] escapes."""
import os


def is_text(line):
    return not line.startswith(('.', "'"))


def join_lines(page):
    """Join text lines where a newline would put an unwanted space into
    Japanese text (groff turns every newline in filled text into a space)."""
    out = []
    in_ex = False
    for line in page.split('\n'):
        if line.startswith('.EX'):
            in_ex = True
        elif line.startswith('.EE'):
            in_ex = False
        if (not in_ex and out and is_text(line) and line
                and is_text(out[-1]) and out[-1]
                and not out[-1].endswith('\\c')
                and not out[-1].startswith('\\fB')  # .TP tag lines
                and ord(out[-1][-1]) >= 128
                and (ord(line[0]) >= 128 or out[-1][-1] in '\u3002\u3001')):
            out[-1] += line
        else:
            out.append(line)
    return '\n'.join(out)


FONT_MACROS = ('.B ', '.I ', '.BR ', '.RB ', '.BI ', '.IB ', '.IR ', '.RI ')
JA_PUNCT = '\u3002\u3001'   # ideographic full stop and comma


def continue_after_punct(page):
    """No space after Japanese punctuation where a line ends with it and
    the next line continues the same paragraph: end the line with \\c."""
    lines = page.split('\n')
    in_ex = False
    for i, line in enumerate(lines[:-1]):
        if line.startswith('.EX'):
            in_ex = True
        elif line.startswith('.EE'):
            in_ex = False
        if in_ex:
            continue
        nxt = lines[i + 1]
        if not (is_text(nxt) or nxt.startswith(FONT_MACROS)):
            continue
        if is_text(line) and line.endswith(tuple(JA_PUNCT)) \
                and nxt.startswith(FONT_MACROS):
            lines[i] = line + '\\c'
        elif line.startswith(FONT_MACROS):
            if line.endswith(tuple(JA_PUNCT)):
                lines[i] = line + '\\c'
            elif line[-1] == '"' and line[-2] in JA_PUNCT:
                lines[i] = line[:-1] + '\\c"'
    return '\n'.join(lines)


def escape(text):
    return ''.join(c if ord(c) < 128 else '\\[u%04X]' % ord(c) for c in text)


def write_page(text, name):
    """Writes text, laid out and escaped, to man/ja/NAME."""
    page = escape(continue_after_punct(join_lines(text)))
    assert page.isascii()
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'man', 'ja')
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'w', encoding='ascii', newline='\n') as f:
        f.write(page)
