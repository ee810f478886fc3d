"""Titles in 《》, found once per document: shared by the rules that read citations (``citation``,
``law_status``; not itself a check type).

A title is 《, 2–80 characters that are not 《, 》 or a line break, then 》. Such a match holds no
《, so each 《 opens at most one, wherever a scan starts: the matches of one scan of the whole text
are those of a scan of each block (a block is whole lines; a title ends on a non-blank 》, so it
lies inside its line's block), and those of the shorter bound (``law_status``: 60) are these with
a shorter title. So the text is scanned once (a literal-led scan, ≈4 instructions a character),
not once per block (a scan call per block costs ≈2,500 instructions).
"""
from __future__ import annotations

from bisect import bisect_right

from ..rulepack import regexcache
from . import scope as sc

LONGEST = 80
_TITLE = regexcache.compile(r"《([^《》\n]{2,%d})》" % LONGEST)
BLOCK_SCOPES = ("body", "title", "document", "chrome")      # scopes whose spans are whole blocks


def titles(doc) -> list:
    """``(start, end, title)`` of every title in 《》 in the document's text, in text order."""
    return doc.derived("cited.titles", lambda: [(m.start(), m.end(), m.group(1))
                                                for m in _TITLE.finditer(doc.text)])


def by_span(ctx, scope: str, longest: int = LONGEST) -> dict:
    """``{span: [(start, end, title), …]}`` for the spans of ``scope`` (a block scope) that hold a
    title of at most ``longest`` characters, in the spans' order: what ``_TITLE`` (bounded by
    ``longest``) finds scanning each span (:func:`plain_by_span`)."""
    memo = ctx.cache.setdefault("cited.by_span", {})
    got = memo.get((scope, longest))
    if got is None:
        got = memo[(scope, longest)] = _assigned(titles(ctx.doc), sc.spans(ctx, scope), longest)
    return got


def _assigned(found, spans, longest) -> dict:
    out: dict = {}
    if not found or not spans:
        return out
    starts = [s for s, _ in spans]      # (block spans: in text order, not overlapping)
    for a, b, name in found:
        if len(name) > longest:
            continue
        i = bisect_right(starts, a) - 1
        if i >= 0 and b <= spans[i][1]:
            got = out.get(spans[i])
            if got is None:
                got = out[spans[i]] = []
            got.append((a, b, name))
    return out


def plain_by_span(ctx, scope: str, longest: int = LONGEST) -> dict:
    """:func:`by_span` by scanning each span that holds a 《 (any scope)."""
    rx = _TITLE if longest == LONGEST else regexcache.compile(r"《([^《》\n]{2,%d})》" % longest)
    text = ctx.doc.text
    out = {}
    for s, e in sc.holding(text, ("《",), sc.spans(ctx, scope)):
        got = [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text, s, e)]
        if got:
            out[(s, e)] = got
    return out
