"""``deadline``: the report was published (or written) after the publication deadline.

Annual reports are to be published before April 1 of the year after the report year (the
deadline is configurable, ``deadline`` in the configuration, e.g. ``03-01`` for a province that
wants departments' reports by March 1). The dates come from the page metadata a scraped report
keeps (成文日期, 发布日期: ``doc.meta``), or else from the signature date at the end of the report
(``closing`` patterns). With no date or no report year there is nothing to check.
"""
from __future__ import annotations

import datetime as dt

from .. import regexcache

# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = ("label", "date", "deadline", "year")
PARAMS = {
    "dates": {"type": "array", "items": {"enum": ["date_published", "date_written"]},
              "description": "按顺序取哪个日期（发布日期、成文日期）"},
    "closing": {"type": "array", "items": {"type": "string"},
                "description": "落款日期的正则（命名分组 y、m、d，可为汉字数字）"},
}
_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}


def compile(rule):
    return [regexcache.compile(p) for p in rule.params.get("closing", [])]


def _int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if len(s) == 4:                                   # 二〇二二
        return int("".join(str(_CN[c]) for c in s))
    from ..numbering import cn_to_int
    return cn_to_int(s) or 0


def document_date(ctx, rule, patterns=None):
    """(date, where it came from: a meta key or the closing block's offset). ``patterns``: the
    closing-date regexes, when the rule's compiled value is not that list."""
    patterns = rule.compiled if patterns is None else patterns
    for key in rule.params.get("dates", ["date_published", "date_written"]):
        value = ctx.doc.meta.get(key)
        if value:
            try:
                return dt.date.fromisoformat(value), key
            except ValueError:
                continue
    for b in reversed(ctx.doc.blocks):
        if b.kind not in ("closing", "paragraph"):
            continue
        for rx in patterns:
            m = rx.fullmatch(b.text.strip())
            if m:
                try:
                    return dt.date(_int(m.group("y")), _int(m.group("m")), _int(m.group("d"))), b
                except (ValueError, KeyError):
                    continue
        if b.kind == "paragraph" and len(b.text) > 40:
            break
    return None, None


def check(ctx, rule):
    if ctx.year is None:
        return
    date, where = document_date(ctx, rule)
    if date is None:
        return
    md = ctx.options.get("deadline", "04-01")
    try:
        deadline = dt.date.fromisoformat(f"{ctx.year + 1}-{md}")
    except ValueError:
        return
    if date <= deadline:          # "4月1日前": only a later date is certainly late
        return
    if isinstance(where, str):
        start = _meta_offset(ctx, where)
        label = {"date_published": "发布日期", "date_written": "成文日期"}[where]
    else:
        start, label = where.start, "落款日期"
    yield ctx.diagnostic(rule, start, start, fields=dict(
        label=label, date=f"{date.year}年{date.month}月{date.day}日",
        deadline=f"{deadline.year}年{deadline.month}月{deadline.day}日", year=ctx.year))


def _meta_offset(ctx, key):
    word = {"date_published": "发布日期", "date_written": "成文日期"}[key]
    for b in ctx.doc.blocks:
        if b.kind == "chrome" and word in b.text:
            return b.start + b.text.index(word)
    return ctx.doc.body_blocks[0].start if ctx.doc.body_blocks else 0
