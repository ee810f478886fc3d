"""``date_form``: dates not in the form GB/T 9704—2012 gives official documents.

7.3.5.3 of the standard: the 成文日期 is written in Arabic numerals, the year in full, month and
day without a padding zero (「2024年3月5日」). Two forms are reported (``form``):

- ``zero_padded``: 「2024年03月05日」 anywhere in ``scope``; the fix drops the zeros.
- ``chinese``: a date line at the end of the report (the signature date) in Chinese numerals
  (「二〇二四年三月五日」, the 1999 standard's form), in a report on year ``since`` or later
  (the 2012 standard took effect on 2012-07-01); the fix writes it in Arabic numerals.

Both fixes are unambiguous: the same date, written the standard way.
"""
from __future__ import annotations

from bisect import bisect_left

from ..chars import CN_DIGITS, CN_NUMERAL_CHARS, CN_NUMERALS, strip_blank
from ..rulepack import regexcache
from ..numbering import cn_to_int
from . import places
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param

SPEC = CheckSpec({
    "form": Param({"enum": ["zero_padded", "chinese"]}, REQUIRED, "报告哪一种写法"),
    "since": Param({"type": "integer"}, 2012, "chinese：从哪一报告年度起要求阿拉伯数字"),
    "scope": Param(sc.SCOPE_SCHEMA, "document"),
    "tail": Param({"type": "integer", "minimum": 1}, 4, "chinese：在报告最后几段中找落款日期"),
}, fields=("match", "fixed"))
_PADDED = regexcache.compile(r"(?<![\d.\-/])((?:19|20)\d{2})(\s*年\s*)(\d{1,2})(\s*月)(?:(\s*)(\d{1,2})(\s*日))?")
_CN_DATE = regexcache.compile(f"([〇○OＯ{CN_NUMERALS}]{{4}})\\s*年\\s*([{CN_NUMERAL_CHARS}]{{1,3}})\\s*月"
                              f"\\s*([{CN_NUMERAL_CHARS}]{{1,3}})\\s*日")


def check(ctx, rule, p):
    if p.form == "zero_padded":
        yield from _zero_padded(ctx, rule, p)
    else:
        yield from _chinese(ctx, rule, p)


def _zero_padded(ctx, rule, p):
    text = ctx.doc.text
    years = places.of(ctx.doc, "年")
    for m in _padded(text, sc.spans(ctx, p.scope), years):
            y, g1, mo, g2, sp, d, g3 = m.groups()
            padded = [v for v in (mo, d) if v is not None and len(v) == 2 and v[0] == "0"]
            if not padded or not 1 <= int(mo) <= 12 or (d is not None and not 1 <= int(d) <= 31):
                continue
            fixed = f"{y}{g1}{int(mo)}{g2}" + (f"{sp}{int(d)}{g3}" if d is not None else "")
            yield ctx.diagnostic(rule, m.start(), m.end(), replacement=fixed,
                                 fields=dict(match=m.group(0), fixed=fixed))


def _padded(text, spans, years):
    """``_PADDED.finditer(text, s, e)`` for each span, tried only where a match can start: a match
    holds one 「年」 (``years``: where each stands), the first character after its year and the
    blanks (``\\s``, what ``str.isspace`` tells) that follow it, so it starts four characters
    before that run of blanks (sre's scan tried the look-behind at every character: ≈ 150
    instructions each), and only when a digit follows it and its blanks (a match call costs
    ≈ 1,500). A span without a 「年」 is not looked at."""
    match = _PADDED.match
    k, n, before, size = 0, len(years), 0, len(text)
    for lo, hi in spans:
        if lo < before:                     # (spans out of order: look the span's first up)
            k = bisect_left(years, lo)
        before = hi
        if hi > size:                       # (as finditer takes an end past the text: the text's end)
            hi = size
        while k < n and years[k] < lo:
            k += 1
        p = lo
        while k < n and years[k] < hi:
            j = q = years[k]
            k += 1
            q += 1                          # the month's first digit (``\d``: str.isdecimal) after
            while q < hi and text[q].isspace():     # the blanks: most 「年」 have none (年度, 年以来 …)
                q += 1
            if q >= hi or not text[q].isdecimal():
                continue
            while j > p and text[j - 1].isspace():
                j -= 1
            s = j - 4
            if s >= p:
                m = match(text, s, hi)
                if m is not None:
                    yield m
                    p = m.end()


def _chinese(ctx, rule, p):
    if ctx.year is None or ctx.year < p.since:
        return
    text = ctx.doc.text
    blocks = [b for b in ctx.doc.blocks if b.kind in ("paragraph", "closing", "issuer")]
    for b in blocks[-p.tail:]:
        stripped = strip_blank(b.text)
        m = _CN_DATE.fullmatch(stripped)
        if m is None:
            continue
        year = "".join(str(CN_DIGITS.get(c, 0)) for c in m.group(1))      # Ｏ: a zero too
        month, day = cn_to_int(m.group(2)), cn_to_int(m.group(3))
        if not month or not day or month > 12 or day > 31:
            continue
        start = b.start + b.text.index(stripped)
        fixed = f"{year}年{month}月{day}日"
        yield ctx.diagnostic(rule, start, start + len(stripped), replacement=fixed,
                             fields=dict(match=stripped, fixed=fixed))
