"""``deadline``: the report was published (or written) after the publication deadline.

Annual reports are to be published before April 1 of the year after the report year. The deadline
is read from ``rules/profile.yaml`` (``deadlines``: by the issuer's role, government or department,
and province), unless ``deadline`` is set in the configuration or on the command line (e.g.
``03-01``). The dates come from the page metadata a scraped report keeps (成文日期, 发布日期, and a
crawler's 「发布时间：」 line: ``doc.meta``), else from the signature date at the end of the report
(``closing`` patterns), else (``last_resort``) from a .docx's creation date. With no date or no
report year there is nothing to check. The finding says how many days late.
"""
from __future__ import annotations

import re

from . import dates as dt      # (datetime.date without importing datetime)
from ..chars import CN_DIGITS, strip_blank
from ..rulepack.resources import load_data
from ..rulepack.template import fill
from ..vocabulary import profile
from .spec import CheckSpec, Param

DATES = ["date_published", "date_written"]
SPEC = CheckSpec({
    "dates": Param({"type": "array", "items": {"enum": DATES}}, DATES,
                   "按顺序取哪个日期（发布日期、成文日期）"),
    "closing": Param({"type": "array", "items": {"type": "string"}}, [],
                     "落款日期的正则（命名分组 y、m、d，可为汉字数字）", regex=True, groups=("y", "m", "d"), prefilter=False),
    "last_resort": Param({"type": "array", "items": {"enum": ["date_created"]}}, [],
                         "以上都没有时才取的日期（date_created：.docx 文档的创建日期）"),
}, fields=("label", "date", "deadline", "year", "days"))

def _int(s: str) -> int:
    if s.isdigit():
        return int(s)
    if len(s) == 4:                                   # 二〇二二
        return int("".join(str(CN_DIGITS[c]) for c in s))
    from ..numbering import cn_to_int
    return cn_to_int(s) or 0


def document_date(ctx, dates, patterns, last_resort=()):
    """(date, where it came from: a meta key or the closing block's offset): the first of the page
    dates named in ``dates``, else a closing line that ``patterns`` (regexes) match whole, else
    the first of the ``last_resort`` meta dates."""
    for key in dates:
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
            m = rx.fullmatch(strip_blank(b.text))
            if m:
                try:
                    return dt.date(_int(m.group("y")), _int(m.group("m")), _int(m.group("d"))), b
                except (ValueError, KeyError):
                    continue
        if b.kind == "paragraph" and len(b.text) > 40:
            break
    for key in last_resort:
        value = ctx.doc.meta.get(key)
        if value:
            return dt.date.fromisoformat(value), key
    return None, None


def deadline_of(ctx) -> str:
    """月-日 of the deadline: the configured one, else by the issuer's role and province."""
    configured = ctx.options.get("deadline")
    if configured:
        return configured
    table = profile()["deadlines"]
    issuer = getattr(ctx.doc, "issuer", None)
    if not issuer:
        return table["default"]
    role = "government" if re.search(table["government"], issuer) else "department"
    province = next((p for p in table["province_names"] if issuer.startswith(p)), None)
    by_province = table["provinces"].get(province) or {}
    return by_province.get(role) or table["roles"].get(role) or table["default"]


def check(ctx, rule, p):
    if ctx.year is None:
        return
    date, where = document_date(ctx, p.dates, p.closing, p.last_resort)
    if date is None:
        return
    md = deadline_of(ctx)
    try:
        deadline = dt.date.fromisoformat(f"{ctx.year + 1}-{md}")
    except ValueError:
        return
    if date <= deadline:          # "4月1日前": only a later date is certainly late
        return
    words = load_data("wording.yaml")["deadline"]
    if isinstance(where, str):
        start, label = _meta_offset(ctx, where), words["labels"][where]
    else:
        start, label = where.start, words["labels"]["closing"]
    yield ctx.diagnostic(rule, start, start, fields=dict(
        label=label, date=_shown(words, date), deadline=_shown(words, deadline), year=ctx.year,
        days=(date - deadline).days))


def _shown(words, date) -> str:
    return fill(words["date"], y=date.year, m=date.month, d=date.day)


def _meta_offset(ctx, key):
    word = load_data("wording.yaml")["deadline"]["labels"][key]
    for b in ctx.doc.blocks:
        if b.kind == "chrome" and word in b.text:
            return b.start + b.text.index(word)
    return ctx.doc.body_blocks[0].start if ctx.doc.body_blocks else 0
