#!/usr/bin/env python3
"""Checks that an HTML report of tenken export is what it should be: it
parses strictly (every element but meta and br closed, in order, nothing
self-closed), starts with <!DOCTYPE html>, says its language (ja or en),
its charset (utf-8) and a viewport; has no script, no element or attribute
that loads anything, no URL, no link but to its own ids, a style that
imports nothing, and a page break before each section on paper.

Usage: check_html.py FILE.html; prints what is wrong, exits 1 if anything.
"""
import re, sys
from html.parser import HTMLParser

VOID = {"meta", "br"}
OUTSIDE = {"script", "img", "link", "iframe", "object", "embed", "base", "form", "audio",
           "video", "source", "picture", "svg", "math"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.ids, self.hrefs, self.metas = [], [], set(), [], []
        self.decl, self.lang, self.style = None, None, ""

    def handle_decl(self, decl):
        self.decl = decl

    def handle_starttag(self, tag, attrs):
        if tag in OUTSIDE:
            self.errors.append("<%s>" % tag)
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "srcset", "style", "action", "data"):
                self.errors.append("attribute %s" % name)
            if re.search(r"(?i)\b(https?:|//)", value or ""):
                self.errors.append("a URL in %s" % name)
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta":
            self.metas.append(a)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.errors.append("self-closing <%s/>" % tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes %s" % (tag, self.stack[-1:] or "nothing"))
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack[-1:] == ["style"]:
            self.style += data

    def handle_comment(self, data):
        self.errors.append("a comment")


doc = open(sys.argv[1], encoding="utf-8").read()
c = Check()
c.feed(doc)
c.close()
if not doc.startswith("<!DOCTYPE html>\n") or c.decl != "DOCTYPE html":
    c.errors.append("no <!DOCTYPE html> first")
if c.stack:
    c.errors.append("left open: %s" % c.stack)
if c.lang not in ("ja", "en"):
    c.errors.append("lang %r" % c.lang)
if {"charset": "utf-8"} not in c.metas:
    c.errors.append("no <meta charset=utf-8>")
if not any(m.get("name") == "viewport" and "width=device-width" in m.get("content", "")
           for m in c.metas):
    c.errors.append("no viewport")
for h in c.hrefs:
    if not h.startswith("#") or h[1:] not in c.ids:
        c.errors.append("a link out of the page: %s" % h)
if re.search(r"(?i)url\(|@import|@font-face|expression\(", c.style):
    c.errors.append("the style loads something")
if not re.search(r"@media print\{.*\.section\{break-before:page", c.style):
    c.errors.append("no page break between sections in print")
if re.search(r"(?i)https?://", doc):
    c.errors.append("an http(s) URL")
for e in c.errors:
    print(e)
sys.exit(1 if c.errors else 0)
