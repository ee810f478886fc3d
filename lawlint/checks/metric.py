"""``metric``: a measured property of one part of the report is out of range.

Two measures (Vale's metric/occurrence types, per part of the report):

- ``per_1000``: matches of ``count`` per 1,000 characters of the part's text (e.g. figures with a
  unit in the measures part: evaluators single out reports with few facts and figures);
- ``share``: the share of the part's sentences that match ``count`` (e.g. stock phrases in the
  shortcomings part, slogans in the plans part).

The finding fires when the value is below ``min`` or above ``max``; ``min_chars`` skips parts too
short to judge and ``unless`` skips a part whose text matches one of its patterns (a plan with
numbered items is not "only slogans"). Messages may use {value} {min} {max} {count} {chars}.
"""
from __future__ import annotations

from itertools import islice

from ..chars import count_han
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param

_STRINGS = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "scope": Param(sc.SCOPE_SCHEMA, "body"),
    "measure": Param({"enum": ["per_1000", "share"]}, REQUIRED, "每千字命中数，或命中句子的比例"),
    "count": Param(dict(_STRINGS, minItems=1), REQUIRED, "计数的正则", regex=True, year=True),
    "min": Param({"type": "number"}, None, "低于此值报告"),
    "max": Param({"type": "number"}, None, "高于此值报告"),
    "min_chars": Param({"type": "integer", "minimum": 0}, 0, "少于这么多字不评判"),
    "unless": Param(_STRINGS, [], "全文匹配其一则不报", regex=True, year=True),
    "stop": Param(_STRINGS, [], "句子匹配其一即停止计数（合并的“存在不足及下步打算”中，不足在“下一步”之前）",
                  regex=True, year=True),
    "min_sentences": Param({"type": "integer", "minimum": 1}, 1, "少于这么多句不评判（share）"),
}, fields=("value", "min", "max", "count", "chars"), requires_any=("min", "max"))


def check(ctx, rule, p):
    counters, unless, stop = p.count, p.unless, p.stop
    pieces = sc.body_spans(ctx, p.scope)
    if stop:
        pieces = _until(ctx, pieces, stop)
    if not pieces:
        return
    text = sc.joined(ctx, pieces)
    if p.measure == "per_1000" and p.max is None and p.min is not None and \
            _count(counters, text, len(text), p.min) >= _least(p.min, max(len(text), 1)):
        return      # the rate over every character (no fewer Han ones) reaches ``min``: not counted
    # (a share with no min_chars needs the Han count only for a finding's message)
    chars = count_han(text) if p.measure == "per_1000" or p.min_chars else None
    if (chars is not None and chars < p.min_chars) or any(rx.search(text) for rx in unless):
        return
    if p.measure == "per_1000":
        count = _count(counters, text, chars, p.min if p.max is None else None)
        value = round(count * 1000 / max(chars, 1), 1)
    else:
        sents = list(sc.sentences(ctx, pieces))
        if len(sents) < p.min_sentences:
            return
        count = sum(1 for s in sents if any(rx.search(s.text) for rx in counters))
        value = round(count / len(sents), 2)
    low = p.min is not None and value < p.min
    high = p.max is not None and value > p.max
    if low or high:
        chars = count_han(text) if chars is None else chars
        start = pieces[0][0]
        yield ctx.diagnostic(rule, start, start, fields=dict(
            value=value, min="" if p.min is None else p.min, max="" if p.max is None else p.max,
            count=count, chars=chars))


def _count(counters, text: str, chars: int, floor) -> int:
    """Matches of the ``counters`` in ``text``; with a ``floor`` (a ``min`` and no ``max``), only
    until the rate reaches it (:func:`_least` of them): the part is then not reported whatever the
    rest holds (the rate only grows with the count), and the count is never shown."""
    if floor is None:
        return sum(len(rx.findall(text)) for rx in counters)
    need, count = _least(floor, max(chars, 1)), 0
    for rx in counters:
        count += sum(1 for _ in islice(rx.finditer(text), need - count))
        if count >= need:
            break       # (fewer than all: enough to rule the finding out)
    return count


def _least(floor, per: int) -> int:
    """The least count (one at least) whose rate per 1,000 of ``per`` characters, rounded as the
    finding rounds it, reaches ``floor``."""
    n = max(1, int((floor - 0.1) * per / 1000))     # (below it the rate is under floor - 0.05)
    while round(n * 1000 / per, 1) < floor:
        n += 1
    return n


def _until(ctx, pieces, stop):
    """The pieces up to the first sentence that matches a ``stop`` pattern."""
    for sent in sc.sentences(ctx, pieces):
        if any(rx.match(sent.text) for rx in stop):
            return [(s, min(e, sent.start)) for s, e in pieces if s < sent.start]
    return pieces
