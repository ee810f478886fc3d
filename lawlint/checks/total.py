"""``total``: a total that its listed parts do not add up to.

「审查规范性文件146件，其中省政府文件38件、省直部门文件96件、设区市文件20件」: 38 + 96 + 20 = 154
is more than 146. A ``total`` (a regex with groups ``n`` and ``unit``) must be followed at once
by a ``parts`` marker (其中); its parts are the counts of the same unit after it, up to the end
of the clause list (``；`` or the sentence end) or a second 其中 (a sub-list). A part that
``exclude`` marks as a comparison (同比增长12件), or whose name is a stage of handling
(``stages``: 受理49件, 审结45件 are a funnel, not a breakdown), leaves the sentence unchecked.
Parts that add to more than the total are always reported; parts that add to less only when
there are ``exhaustive_parts`` or more of them (a list that long reads as the whole, not as
examples). Approximate figures (1000余件, 200多人) are left alone; 「2.86万件」 counts 28600 (a
``wan`` group in ``total`` and ``count``).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..rulepack import regexcache
from ..rulepack.literals import absent
from ..chars import FULL_STOPS
from . import scope as sc
from . import termscan
from .spec import REQUIRED, CheckSpec, Param

_STRINGS = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "total": Param({"type": "string"}, REQUIRED, "总数的正则：命名分组 n（数值）和 unit（单位）",
                   regex=True, groups=("n", "unit"), prefilter=False),
    "parts": Param({"type": "string"}, REQUIRED, "紧接总数之后引出分项的正则（如“，其中”）", regex=True, prefilter=False),
    "count": Param({"type": "string"}, REQUIRED, "分项计数的正则：命名分组 n 和 unit",
                   regex=True, groups=("n", "unit"), prefilter=False),
    "exclude": Param(_STRINGS, [], "分项前的文字匹配则不算分项（同比、增长等比较）", regex=True, prefilter=False),
    "stages": Param(_STRINGS, [], "分项名称匹配则是办理环节（受理、审结……），不是总数的分解，不检查",
                    regex=True, prefilter=False),
    "exhaustive_parts": Param({"type": "integer", "minimum": 2}, 3, "分项达到几项时，各项之和小于总数也报告"),
    "shortfall_share": Param({"type": "number", "minimum": 0, "maximum": 1}, 0,
                             "分项之和小于总数时，至少占总数的多少才报告（只列几类是举例）"),
    "scope": Param(sc.SCOPE_SCHEMA, "body"),
}, fields=("total", "unit", "sum", "parts", "relation"),
    # 其中: a sentence without the literals of ``parts`` has no parts
    derived={"needed": lambda p: regexcache.required_literals(p["parts"].pattern),
             # (a literal holding a stop may lie in no sentence: then each place is asked)
             "needed_cut": lambda p: any(c in FULL_STOPS for w in regexcache.required_literals(
                 p["parts"].pattern) or () for c in w),
             # the same, looked for in the term rules' one scan of the report (:mod:`.termscan`)
             "words": lambda p: frozenset(regexcache.required_literals(p["parts"].pattern) or ())})

_SENTENCE = regexcache.compile(f"[^{re.escape(FULL_STOPS)}]+")


def check(ctx, rule, p):
    """The findings (a list when the report holds none of the literals of ``parts``)."""
    if p.needed:
        # a sentence without one of the literals of ``parts`` whole in it has no parts: where they
        # are is found once, and only the sentences around them are read (not every sentence of
        # every paragraph holding one)
        places = _places(ctx, p.needed, p.words)
        if not places:
            return []
        return _found(ctx, rule, p, places)
    return _found(ctx, rule, p, None)


def _found(ctx, rule, p, places):
    total_rx, parts_rx, count_rx, exclude, stages = p.total, p.parts, p.count, p.exclude, p.stages
    most = p.exhaustive_parts
    share = p.shortfall_share
    text = ctx.doc.text
    spans = sc.spans(ctx, p.scope)
    if places is not None:
        sentences = holding_sentences(text, spans, places, p.needed_cut)
    else:
        sentences = [(m.start(), m.end()) for s, e in spans for m in _SENTENCE.finditer(text, s, e)]
    for lo, hi in sentences:
        for m in total_rx.finditer(text, lo, hi):
            lead = parts_rx.match(text, m.end(), hi)
            if lead is None:
                continue
            total, unit = quantity(m), m.group("unit")
            parts = _parts(text, lead.end(), hi, unit, count_rx, exclude, stages)
            if len(parts) < 2:
                continue
            added = sum(parts)
            added = round(added, 4)
            if any(round(sum(parts[:k]), 4) == total for k in range(2, len(parts))):
                continue    # 「213件，其中187件、26件，作出处罚决定198件」: the list ended
            if added > total or (share * total <= added < total and len(parts) >= most):
                yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                    total=_num(total), unit=unit, sum=_num(added),
                    parts="＋".join(_num(x) for x in parts),
                    relation="大于" if added > total else "小于"))


def _places(ctx, needed, words):
    """``sc.Places(text, needed)``, from the term rules' shared scan when it looked for ``words``
    (which of them the report holds, and where each starts: no find of each through the whole
    report, ≈ 20,000 instructions a string and report); a word it met only in part is found."""
    text = ctx.doc.text
    found = termscan.present(ctx, words)
    if found is None:
        return sc.Places(text, needed) if not absent(needed, text, 0, len(text)) else None
    at = termscan.starts(ctx)
    got = []
    for w in needed:
        if w in found:
            starts = at(w)
            got += [(i, i + len(w)) for i in (sc.occurrences(text, w) if starts is None else starts)]
    got.sort()
    places = sc.Places(text, ())        # (empty: filled with what the scan found)
    places.spans, places.starts = got, [a for a, _ in got]
    return places


_STOP = regexcache.compile(f"[{re.escape(FULL_STOPS)}]")


def holding_sentences(text: str, spans, places, cut: bool = False) -> list:
    """The sentences (the runs of ``_SENTENCE`` in each span, as (start, end)) that hold one of
    ``places`` whole, each once, in order: each is found around its place (the last stop before
    it, looked for in the reversed stretch, and the first after it), not by cutting the whole
    paragraph into sentences. ``cut``: a word may hold a stop (then its place may be in none)."""
    starts, found = places.starts, places.spans
    out = []
    for s, e in spans:
        j, taken = bisect_left(starts, s), -1
        while j < len(starts) and starts[j] < e:
            q, qe = found[j]
            j += 1
            if qe > e or q < taken or (cut and _STOP.search(text, q, qe)):
                continue        # (not whole in the span; in the sentence just taken; cut by a stop)
            back = _STOP.search(text[q - 1:s - 1 if s else None:-1]) if q > s else None
            ahead = _STOP.search(text, qe, e)
            lo, hi = q - back.start() if back else s, ahead.start() if ahead else e
            out.append((lo, hi))
            taken = hi
    return out


def _parts(text, start, end, unit, count_rx, exclude, stages):
    stop = len(text)
    for mark in ("；", ";", "其中"):
        i = text.find(mark, start, end)
        if i != -1:
            stop = min(stop, i)
    end = min(end, stop)
    out, last = [], start
    for c in count_rx.finditer(text, start, end):
        before = text[last:c.start()]
        last = c.end()
        if c.group("unit") != unit or text[c.end():c.end() + 1] in "余多%％":
            continue
        if any(x.search(before) for x in exclude + stages):
            return []           # a comparison, or the stages of handling (受理, 审结): no breakdown
        out.append(quantity(c))
    return out


def quantity(m) -> float:
    """A count's value: 「2.86万件」 is 28600 (an optional named group ``wan`` holds 万)."""
    n = float(m.group("n"))
    return round(n * 10000, 4) if m.groupdict().get("wan") else n


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)
