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
             "needed": lambda p: [regexcache.required_literals(e.match.pattern) for e in p["titles"]]})
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


def judge(title: str, p):
    """``(canonical, True)`` for a title an entry recognises under a form it does not accept,
    ``(real title, False)`` for a near miss of a law's title (the fix), else ``_FINE``."""
    for entry, accepted, need in zip(p.titles, p.accepted, p.needed):
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
