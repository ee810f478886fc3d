"""``future_date``: a date in the report later than the report's own date.

A report dated 2023年1月10日 cannot say what was done on 2023年3月15日. The report's date is the
first page date named in ``dates`` (成文日期, then 发布日期), or its closing date line (the ``closing`` patterns, as ``deadline`` reads
them); the dates checked are full dates in the body (``date``: groups ``y``, ``m``, optional
``d``). The plans look forward and are not checked, nor are sentences that say they do
(``unless``: 将, 计划, 前, 力争 …). A month without a day counts as its first day, so only a
month after the report's is reported.
"""
from __future__ import annotations

from . import dates as dt      # (datetime.date without importing datetime)
from . import scope as sc
from .deadline import DATES, _int, document_date
from .spec import REQUIRED, CheckSpec, Param

_STRINGS = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "date": Param({"type": "string"}, REQUIRED, "正文日期的正则：命名分组 y、m，可选 d",
                  regex=True, groups=("y", "m"), prefilter=False),
    "closing": Param(_STRINGS, [], "落款日期的正则（命名分组 y、m、d），整行匹配",
                     regex=True, groups=("y", "m", "d"), prefilter=False),
    "dates": Param(_STRINGS, DATES, "页面信息中的报告日期，按顺序取第一个（如 date_written）"),
    "unless": Param(_STRINGS, [], "所在句子匹配其一则不报", regex=True, prefilter=False),
    "skip": Param({"type": "array", "items": sc.SCOPE_SCHEMA}, [], "不检查的部分（如 plans）"),
}, fields=("match", "date"))


def check(ctx, rule, p):
    date_rx, closing, unless = p.date, p.closing, p.unless
    own, where = document_date(ctx, p.dates, closing)
    if own is None:
        return
    text = ctx.doc.text
    skipped = [r for part in p.skip for r in sc.spans(ctx, part)]
    own_at = where.start if not isinstance(where, str) else -1
    for s, e in sc.spans(ctx, "body"):
        for m in date_rx.finditer(text, s, e):
            if m.start() == own_at or any(a <= m.start() < b for a, b in skipped):
                continue
            try:
                d = dt.date(_int(m.group("y")), _int(m.group("m")),
                            _int(m.group("d")) if m.groupdict().get("d") else 1)
            except ValueError:
                continue
            if d <= own or (not m.groupdict().get("d") and (d.year, d.month) <= (own.year, own.month)):
                continue
            lo, hi = sc.sentence_at(text, m.start(), m.end())
            if any(u.search(text, lo, hi) for u in unless):
                continue
            yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                match=m.group(0), date=f"{own.year}年{own.month}月{own.day}日"))
