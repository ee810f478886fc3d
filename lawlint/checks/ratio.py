"""``ratio``: a stated rate that the counts next to it do not give.

「审结284件……经调解和解终止审查结案76件，调解和解结案率35%」: the clause right before the rate
gives its numerator (76件); the same sentence gives counts of the same unit before it (340, 303,
284). If no pair a/b of those counts gives the stated rate (within ``tolerance`` percentage
points), nor a sum of two or three of them (综合纠错率 counts 撤销 + 确认违法 + …), the rate is
reported — as a question, since the denominator may be defined elsewhere. The clause with the
numerator must name what the rate measures (「胜诉率」 after 「审结21件」 has no stated numerator).

Only named rates are read (``rate``: …率 or 占比 followed by a percentage); growth figures
(``exclude``: 同比, 增长 …) and the round values in ``skip_values`` (100%, 0%) are left alone, and
nothing is reported unless a numerator and a candidate denominator are both in the sentence.
"""
from __future__ import annotations

from itertools import combinations

from ..rulepack import regexcache
from ..rulepack.windowscan import back_over
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param
from .total import quantity

SPEC = CheckSpec({
    "scope": Param(sc.SCOPE_SCHEMA, "body"),
    "rate": Param({"type": "string"}, REQUIRED, "比率的正则：命名分组 name（名称）和 value（百分数）",
                  regex=True, groups=("name", "value")),
    "count": Param({"type": "string"}, REQUIRED, "计数的正则：命名分组 n（数值）和 unit（单位）",
                   regex=True, groups=("n", "unit")),
    "exclude": Param({"type": "array", "items": {"type": "string"}}, [], "名称匹配则跳过（增长率等）",
                     regex=True),
    "tolerance": Param({"type": "number", "minimum": 0}, 1.0, "允许的误差（百分点）"),
    "skip_values": Param({"type": "array", "items": {"type": "number"}}, [100, 0], "这些百分数不检查"),
}, fields=("name", "value", "numerator", "unit", "denominators", "computed"),
    derived={"skip": lambda p: set(p["skip_values"]), "lead": lambda p: _lead(p["rate"].pattern)})
_CLAUSE = regexcache.compile(r"[，,；;：:]")
_RATE_WORD = regexcache.compile(r"(率|占比)$")
_LEAD_WORD = regexcache.compile(r"^(其中|的|，|,)")


def check(ctx, rule, p):
    rate_rx, count_rx, exclude = p.rate, p.count, p.exclude      # skipped where 率/占比 … are absent
    tol = p.tolerance
    skip, lead = p.skip, p.lead
    if hasattr(rate_rx, "may_occur_in") and not rate_rx.may_occur_in(ctx.doc.text):
        return          # no rate anywhere: no sentence of the report split and kept for nothing
    # only the paragraphs holding a literal every rate has (率, 占比): the others' sentences cannot
    # hold one, and splitting and walking them cost most of the check
    # (with a lead: only the sentences holding one of its words, which every rate holds, found
    # around the words without cutting the paragraphs into sentences)
    text, spans = ctx.doc.text, sc.spans(ctx, p.scope)
    found = None if lead is None else sc.sentences_holding(text, spans, lead[3])
    if found is None:
        found = [(x.start, x.text) for x in sc.sentences(ctx, sc.able(text, rate_rx, spans))]
    for start, sentence in found:
        for m in rate_rx.finditer(sentence) if lead is None else _by_anchor(lead, rate_rx, sentence):
            value = float(m.group("value"))
            if value in skip or value > 100 or any(x.search(m.group("name")) for x in exclude):
                continue
            before = sentence[:m.start()]
            counts = [(quantity(c), c.group("unit"), c.start())
                      for c in count_rx.finditer(before)]
            if not counts:
                continue
            # Numerator: a count in the rate's own clause or the clause just before it, in a
            # clause that names what the rate measures (调解和解结案率 ← 经调解和解…结案76件).
            cuts = [c.end() for c in _CLAUSE.finditer(before)]
            clause_start = cuts[-2] if len(cuts) >= 2 else 0
            nums = [c for c in counts if c[2] >= clause_start]
            if not nums:
                continue
            a, unit, at = nums[-1]
            if not _names_match(m.group("name"), before[clause_start:at]):
                continue
            same = [x for x, u, _ in counts if u == unit]
            dens = [b for b in same if b > a]
            if not dens:
                continue
            if any(abs(r - value) <= tol for r in _ratios(same)):
                continue
            shown = "、".join(f"{_num(b)}" for b in dens[:3])
            best = min((a * 100 / b for b in dens), key=lambda r: abs(r - value))
            yield ctx.diagnostic(rule, start + m.start(), start + m.end(),
                                 fields=dict(
                                     name=m.group("name"), value=m.group("value"),
                                     numerator=_num(a), unit=unit, denominators=shown,
                                     computed=f"{best:.1f}"))


# 「(?P<name>[\u4e00-\u9fff]{0,10}?(?:率|占比))…」: a name of at most N characters of a class, taken
# lazily, then one of a few words; the rest of the pattern follows them
_LEAD = regexcache.compile(r"\(\?P<\w+>(\[(?:\\.|[^\]\\])+\])\{0,(\d+)\}\?"
                           r"\(\?:((?:[^\\()\[\]{}|.*+?^$]+\|)*[^\\()\[\]{}|.*+?^$]+)\)\)")
_BACKREF = regexcache.compile(r"\(\?P=|\(\?\(|\\[1-9]|\\g")


def _lead(pattern: str):
    """(the pattern from its words on, the class's test, N, the words, the test's answers so far) when ``pattern`` opens with a lazy
    name (``_LEAD``) and refers back to no group; else None (the pattern is scanned as it is).

    sre tries the lazy name at every character of a sentence, up to N+1 times each; the words
    start the rest of the pattern, so scanning for the words (a scan for their first characters)
    finds the same places (:func:`_by_anchor`)."""
    m = _LEAD.match(pattern)
    if m is None or _BACKREF.search(pattern):
        return None
    cls, width, words = m.groups()
    return (regexcache.compile(f"(?:{words})" + pattern[m.end():]), regexcache.compile(cls).fullmatch,
            int(width), tuple(words.split("|")), {})


def _by_anchor(lead, rx, text: str):
    """``rx.finditer(text)`` for a pattern of :func:`_lead`. A match starting at i holds the words
    at the first place T >= i where the rest matches (``tail.search``), at most N characters of
    the class after i; so the first match from ``pos`` on starts at the leftmost i >= pos, >= T-N,
    with text[i:T] all of the class, T the first such place from ``pos``: ``rx.match`` there is
    that match (the same string, so look-arounds see what they saw)."""
    tail, of_class, width, words, known = lead
    for w in words:
        if w in text:
            break
    else:
        return          # (a sentence of a paragraph that has a rate elsewhere)
    pos = 0
    while True:
        t = tail.search(text, pos)
        if t is None:
            return
        at = t.start()
        m = rx.match(text, back_over(text, at, max(pos, at - width), known, of_class))
        yield m
        pos = m.end()


def _names_match(name: str, clause: str) -> bool:
    """Does the clause with the numerator talk about what the rate is named after?"""
    core = _RATE_WORD.sub("", name)
    core = _LEAD_WORD.sub("", core)
    if len(core) < 2:
        return True                      # 「…1414项，占比99.16%」: the count right before it
    return any(core[i:i + 2] in clause for i in range(len(core) - 1))


def _ratios(values):
    """Every a/b (in %) with a a count or the sum of two or three counts, and b another count."""
    idx = range(len(values))
    parts = [c for k in (1, 2, 3) if len(values) <= 12 or k == 1 for c in combinations(idx, k)]
    out = []
    for j in idx:
        b = values[j]
        for part in parts:
            total = sum(values[i] for i in part)
            if b > 0 and j not in part and total <= b:
                out.append(total * 100 / b)
    return out


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)
