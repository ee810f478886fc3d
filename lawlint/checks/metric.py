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

from .. import regexcache
from ..chars import count_han
from .. import template as tpl
from . import scope as sc

# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = ("value", "min", "max", "count", "chars")
PARAMS = {
    "scope": sc.SCOPE_SCHEMA,
    "measure": {"enum": ["per_1000", "share"], "description": "每千字命中数，或命中句子的比例"},
    "count": {"type": "array", "items": {"type": "string"}, "minItems": 1, "description": "计数的正则"},
    "min": {"type": "number"},
    "max": {"type": "number"},
    "min_chars": {"type": "integer", "minimum": 0, "description": "少于这么多字不评判"},
    "unless": {"type": "array", "items": {"type": "string"}, "description": "全文匹配其一则不报"},
    "stop": {"type": "array", "items": {"type": "string"},
             "description": "句子匹配其一即停止计数（合并的“存在不足及下步打算”中，不足在“下一步”之前）"},
    "min_sentences": {"type": "integer", "minimum": 1, "description": "少于这么多句不评判（share）"},
}


def compile(rule):
    p = rule.params
    if "min" not in p and "max" not in p:
        raise ValueError("metric 规则须写明 min 或 max")
    return tpl.year_memo(lambda year: (regexcache.compile_all(p["count"], year),
                                      regexcache.compile_all(p.get("unless"), year),
                                      regexcache.compile_all(p.get("stop"), year)))


def check(ctx, rule):
    p = rule.params
    counters, unless, stop = rule.compiled(ctx.year)
    pieces = sc.body_spans(ctx, p.get("scope", "body"))
    if stop:
        pieces = _until(ctx, pieces, stop)
    if not pieces:
        return
    text = sc.joined(ctx, pieces)
    chars = count_han(text)
    if chars < p.get("min_chars", 0) or any(rx.search(text) for rx in unless):
        return
    if p["measure"] == "per_1000":
        count = sum(len(rx.findall(text)) for rx in counters)
        value = round(count * 1000 / max(chars, 1), 1)
    else:
        sents = list(sc.sentences(ctx, pieces))
        if len(sents) < p.get("min_sentences", 1):
            return
        count = sum(1 for s in sents if any(rx.search(s.text) for rx in counters))
        value = round(count / len(sents), 2)
    low = "min" in p and value < p["min"]
    high = "max" in p and value > p["max"]
    if low or high:
        start = pieces[0][0]
        yield ctx.diagnostic(rule, start, start, fields=dict(
            value=value, min=p.get("min", ""), max=p.get("max", ""), count=count, chars=chars))


def _until(ctx, pieces, stop):
    """The pieces up to the first sentence that matches a ``stop`` pattern."""
    for sent in sc.sentences(ctx, pieces):
        if any(rx.match(sent.text) for rx in stop):
            return [(s, min(e, sent.start)) for s, e in pieces if s < sent.start]
    return pieces
