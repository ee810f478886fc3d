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

from .spec import CheckSpec, Param

_STRINGS = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "missing": Param({"type": "boolean"}, False, "没有标题时报告"),
    "missing_unless": Param(_STRINGS, [], "首段开头匹配其一时不报缺标题（标题与正文粘在一行的网页文本）",
                            regex=True, year=True),
    "require": Param(_STRINGS, [], "标题应匹配其一", regex=True, year=True),
    "forbid": Param(_STRINGS, [], "标题不应匹配", regex=True, year=True),
    "opening_year": Param({"type": "boolean"}, False, "标题年份与首段开头的年份应一致"),
}, fields=("title", "match", "title_year", "opening_year"),
    requires_any=("missing", "require", "forbid", "opening_year"))


def check(ctx, rule, p):
    doc = ctx.doc
    blocks, title = doc.derived("title.blocks", lambda: _title(doc))    # (read by every title rule)
    if not blocks:
        if p.missing and doc.body_blocks:
            first = doc.body_blocks[0]
            unless = p.missing_unless
            glued = any(rx.match(first.text) for rx in unless) or any(
                rx.search(b.text) for b in doc.blocks if b.kind == "chrome" for rx in unless)
            if not glued:
                yield ctx.diagnostic(rule, first.start, first.start)
        return
    first, last = blocks[0], blocks[-1]
    fields = {"title": title}
    if p.require and not any(rx.search(title) for rx in p.require):
        yield ctx.diagnostic(rule, first.start, last.end, fields=fields)
    for rx in p.forbid:
        m = rx.search(title)
        if m:
            a, b = _span(blocks, m.start(), m.end())
            yield ctx.diagnostic(rule, a, b, fields=dict(match=m.group(0), **fields))
            break
    if p.opening_year:
        yield from _opening_year(ctx, rule, blocks, title)


def _title(doc):
    """The title's blocks (a title may take two lines) and its text, read as one."""
    blocks = [b for b in doc.blocks if b.kind == "title"]
    return blocks, "".join(b.text for b in blocks)


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


_COMMAS = ("，", ",")          # 「2021年，」: a year opening the sentence, not a date (「2021年3月」)


def _opening_year(ctx, rule, blocks, title):
    from ..parse.document import lexicon, year_value
    m = lexicon()["year"]["title"].search(title)       # 2021年 or 二〇二一年, as the parser reads it
    if not m:
        return
    title_year = str(year_value(m.group(1)))
    para = next((b for b in ctx.doc.body_blocks if b.kind == "paragraph"), None)
    if para is None or para.start < blocks[-1].end:
        return
    o = lexicon()["year"]["opening"].match(para.text)    # the parser's opening year (document.yaml)
    if o and para.text[o.end():o.end() + 1] in _COMMAS and o.group(1) != title_year:
        yield ctx.diagnostic(rule, para.start + o.start(1), para.start + o.end(1),
                             fields=dict(title=title, title_year=title_year,
                                         opening_year=o.group(1)))
