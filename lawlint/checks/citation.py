"""``citation``: a document or law cited in 《》 under a wrong or incomplete title.

Each entry of ``titles`` recognises a citation (``match``, a regex on the text inside 《》) and
gives its canonical title. A citation that differs from the canonical title only in bracket
width, the kind of dash in a year range or spaces is left alone here: those are punctuation
findings of their own. What is reported is a title that still differs — a missing 年
(「《法治政府建设实施纲要(2021-2025)》」), 督查 for 督察, a dropped word. The 「中华人民共和国」
prefix may be left out, as the usual short form.

With ``laws``, a title no entry recognises is also looked up in the table of national laws and
regulations (:mod:`lawlint.checks.lawtable`): one that is a near miss of a real title (「《行政许可证法》」,
a character missing or wrong, 条例 for 办法) is reported with the real title as its fix.
"""
from __future__ import annotations

from . import cited, lawtable
from ..rulepack import regexcache
from ..chars import LINE_BREAKS, WHITESPACE
from .spec import REQUIRED, CheckSpec, Param, Table

SPEC = CheckSpec({
    "titles": Table({
        "match": Param({"type": "string"}, REQUIRED, "识别该引用的正则（《》内文字）", regex=True, prefilter=False),
        "canonical": Param({"type": "string"}, REQUIRED, "规范名称（不含书名号）"),
        "accept": Param({"type": "array", "items": {"type": "string"}}, [], "也接受的写法"),
    }, REQUIRED, "规范名称表", min_items=1),
    "laws": Param({"type": "boolean"}, False,
                  "与法律法规表（rules/data/laws.json 及人工补充）中某一名称只差一字、或条例/办法混用的，也报告并给出正确名称"),
}, fields=("title", "canonical"),
    # each title's accepted forms, normalised once
    derived={"accepted": lambda p: [{normalise(x) for x in [e.canonical, *e.accept]} for e in p["titles"]],
             # the strings each entry's pattern cannot match without (None: none)
             "needed": lambda p: [regexcache.required_literals(e.match.pattern) for e in p["titles"]],
             # the entries a title may match, by its first character (:func:`_asked`)
             "by_first": lambda p: _by_first([e.match.pattern for e in p["titles"]])})
_NO_SPACE = str.maketrans("", "", WHITESPACE + LINE_BREAKS)
_EIGHT_DIGITS = regexcache.compile(r"(?<!\d)(\d{4})(\d{4})(?!\d)")     # 20212022 → 2021-2022
_DASH = regexcache.compile(r"(?<=\d)\s*[—–－\-~～一]+\s*(?=\d)")


def normalise(title: str) -> str:
    t = title.translate(_NO_SPACE)
    t = t.replace("（", "(").replace("）", ")").replace("〔", "[").replace("〕", "]")
    t = _DASH.sub("-", t)
    t = _EIGHT_DIGITS.sub(r"\1-\2", t)
    return t.removeprefix("中华人民共和国")


def check(ctx, rule, p):
    """The findings (a list when the document cites no title)."""
    titles = cited.by_span(ctx, "document")     # (:mod:`lawlint.checks.cited`: one scan, shared)
    return _found(ctx, rule, p, titles) if titles else []


def _found(ctx, rule, p, titles):
    # each distinct title judged once (a report cites 《行政处罚法》 again and again)
    judged: dict = {}
    for found in titles.values():
        for a, b, title in found:
            got = judged.get(title)
            if got is None:
                got = judged[title] = judge(title, p)
            if got is _FINE:
                continue
            canonical, whole = got
            if whole:
                yield ctx.diagnostic(rule, a, b, fields=dict(title=title, canonical=canonical))
            else:
                yield ctx.diagnostic(rule, a + 1, b - 1, replacement=canonical,
                                     fields=dict(title=title, canonical=canonical))


_FINE = ()


_OPTIONAL = ("?", "*", "+", "{")     # after a character: it may be absent


def _by_first(patterns):
    """(first character -> the entries a title starting with it may match, the entries any
    title may match), the entries in table order. A pattern that opens with ^ and a Han character
    (and holds no |) matches only titles that start with that character; the others are asked of
    every title."""
    first = [x[1] if x[:1] == "^" and "\u3400" <= x[1:2] <= "\u9fff" and x[2:3] not in _OPTIONAL
             and "|" not in x else None for x in patterns]
    anywhere = tuple(i for i, c in enumerate(first) if c is None)
    return {c: tuple(i for i, d in enumerate(first) if d is None or d == c)
            for c in set(first) if c is not None}, anywhere


def _asked(title: str, p):
    """The entries (indices) judging ``title`` must ask, in order: each entry whose pattern may
    match it. Asked of every entry in turn (eight, ≈ 1,300 instructions each, a dozen or more
    distinct titles a report), a title is now asked of those its first character allows (most titles,
    none)."""
    by_first, anywhere = p.by_first
    return by_first.get(title[:1], anywhere)


def judge(title: str, p):
    """``(canonical, True)`` for a title an entry recognises under a form it does not accept,
    ``(real title, False)`` for a near miss of a law's title (the fix), else ``_FINE``."""
    titles, accepted_forms, needed = p.titles, p.accepted, p.needed
    for i in _asked(title, p):
        entry, accepted, need = titles[i], accepted_forms[i], needed[i]
        if need is not None:            # (a title lacking them: what the search would find, nothing)
            for w in need:
                if w in title:
                    break
            else:
                continue
        if not entry.match.search(title):
            continue
        return _FINE if normalise(title) in accepted else (entry.canonical, True)
    real = lawtable.near(title) if p.laws else None
    return _FINE if real is None else (real, False)
