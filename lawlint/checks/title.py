"""``title``: the report's title line — present, naming the year and the subject, with the right
document type (文种).

One rule per concern, chosen by its parameters:

- ``missing: true``: there is no title line at all;
- ``require``: the title matches none of these patterns (no year; no 法治政府建设; does not end in
  报告);
- ``forbid``: the title matches one of these (文种重叠 「总结的报告」; 「关于…情况报告」 without 的);
- ``opening_year: true``: the title's year and the year that opens the first paragraph differ.

A title split over two lines is read as one. Rules other than ``missing`` say nothing when there
is no title (``missing`` already did).
"""
from __future__ import annotations

import re

from .. import regexcache

# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = ("title", "match", "title_year", "opening_year")
PARAMS = {
    "missing": {"type": "boolean", "description": "没有标题时报告"},
    "missing_unless": {"type": "array", "items": {"type": "string"},
                       "description": "首段开头匹配其一时不报缺标题（标题与正文粘在一行的网页文本）"},
    "require": {"type": "array", "items": {"type": "string"}, "description": "标题应匹配其一"},
    "forbid": {"type": "array", "items": {"type": "string"}, "description": "标题不应匹配"},
    "opening_year": {"type": "boolean", "description": "标题年份与首段开头的年份应一致"},
}


def compile(rule):
    p = rule.params
    if not (p.get("missing") or p.get("require") or p.get("forbid") or p.get("opening_year")):
        raise ValueError("title 规则须写明 missing、require、forbid 或 opening_year 之一")
    return {"require": regexcache.compile_all(p.get("require")), "forbid": regexcache.compile_all(p.get("forbid")),
            "missing_unless": regexcache.compile_all(p.get("missing_unless"))}


def check(ctx, rule):
    doc = ctx.doc
    blocks = [b for b in doc.blocks if b.kind == "title"]
    p = rule.params
    if not blocks:
        if p.get("missing") and doc.body_blocks:
            first = doc.body_blocks[0]
            unless = rule.compiled["missing_unless"]
            glued = any(rx.match(first.text) for rx in unless) or any(
                rx.search(b.text) for b in doc.blocks if b.kind == "chrome" for rx in unless)
            if not glued:
                yield ctx.diagnostic(rule, first.start, first.start)
        return
    title = "".join(b.text for b in blocks)
    first, last = blocks[0], blocks[-1]
    fields = {"title": title}
    pats = rule.compiled
    if pats["require"] and not any(rx.search(title) for rx in pats["require"]):
        yield ctx.diagnostic(rule, first.start, last.end, fields=fields)
    for rx in pats["forbid"]:
        m = rx.search(title)
        if m:
            a, b = _span(blocks, m.start(), m.end())
            yield ctx.diagnostic(rule, a, b, fields=dict(match=m.group(0), **fields))
            break
    if p.get("opening_year"):
        yield from _opening_year(ctx, rule, blocks, title)


def _span(blocks, a, b):
    """Map offsets in the joined title back to the document."""
    def at(x, closing):
        base = 0
        for blk in blocks:
            n = len(blk.text)
            if (base < x <= base + n) if closing else (base <= x < base + n):
                return blk.start + x - base
            base += n
        return blocks[-1].end
    return at(a, False), at(b, True)


def _opening_year(ctx, rule, blocks, title):
    from ..document import lexicon, year_value
    m = lexicon()["year"]["title"].search(title)       # 2021年 or 二〇二一年, as the parser reads it
    if not m:
        return
    title_year = str(year_value(m.group(1)))
    para = next((b for b in ctx.doc.body_blocks if b.kind == "paragraph"), None)
    if para is None or para.start < blocks[-1].end:
        return
    o = re.match(r"\s*((?:19|20)\d{2})\s*年(?:度|以来)?[，,]", para.text)
    if o and o.group(1) != title_year:
        yield ctx.diagnostic(rule, para.start + o.start(1), para.start + o.end(1),
                             fields=dict(title=title, title_year=title_year,
                                         opening_year=o.group(1)))
