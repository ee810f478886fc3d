"""The numbering aspects that read the heading tree: sequence (gap, repeat, unnumbered,
single) and hierarchy (depth, skip). See ``numbering.py`` for what each reports."""
from __future__ import annotations

from ..chars import strip_blank
from ..rulepack import template as tpl
from ..rulepack.resources import load_data
from .base import canonical, data, message_for, sibling_groups, token_span


# -- sequence --------------------------------------------------------------------------------------
def _breaks(doc, heads, kind):
    """The breaks of ``kind`` in the sibling sequences at ``heads``: (kind, heading, expected value,
    previous heading). The sequences are walked once per report, for every heading (gap, repeat
    and unnumbered read them): which headings a rule may report decides only what it keeps, each
    break at the heading it names, never how the walk goes on."""
    found = doc.derived("numbering.breaks", lambda: _every_break(doc))
    got = found.get(kind, ())
    if heads is doc.headings:
        return got
    allowed = set(map(id, heads))
    return [b for b in got if id(b[1]) in allowed]


def _every_break(doc) -> dict:
    """kind -> the breaks of that kind in every sibling sequence, in document order."""
    out: dict = {"unnumbered": [], "gap": [], "repeat": []}
    unnumbered, gap, repeat = out["unnumbered"].append, out["gap"].append, out["repeat"].append
    last: dict = {}      # (level, family) -> last value, for numbering continued across parents
    for sibs in sibling_groups(doc):
        prev, pending = None, []
        for h in sibs:
            t = h.token
            if t is None:
                pending.append(h)
                continue
            v, family = t.value, t.family
            key = (h.level, family)
            before = last.get(key, 0)
            last[key] = v
            if prev is None:
                if len(pending) == 1 and v == 2:        # an unnumbered first item, then （二）
                    unnumbered(("unnumbered", pending[0], 1, h))
                elif v > 1 and not pending and v != before + 1:     # (not continued)
                    gap(("gap", h, before + 1 if 1 < before + 1 < v else 1, None))
            elif prev_family == family:
                expected = prev_value + 1
                if pending and v == expected + len(pending):
                    for i, u in enumerate(pending):
                        unnumbered(("unnumbered", u, expected + i, prev))
                elif v > expected + len(pending):
                    gap(("gap", h, expected, prev))
                elif v < expected:
                    repeat(("repeat", h, expected, prev))
            prev, prev_value, prev_family, pending = h, v, family, []
    return out


def gap(ctx, rule, params, heads, doc):
    for kind, h, expected, prev in _breaks(doc, heads, "gap"):
        s, e = token_span(h)
        fam = h.token.family
        words = load_data("wording.yaml")["numbering"]
        missing = "".join(tpl.fill(words["item"], token=canonical(fam, v)) for v in range(expected, h.value)) \
            if h.value - expected <= 3 else \
            tpl.fill(words["range"], first=canonical(fam, expected), last=canonical(fam, h.value - 1))
        yield ctx.diagnostic(rule, s, e, message=message_for(
            rule, params, "start" if prev is None else None, token=strip_blank(h.token.text), missing=missing,
            prev=strip_blank(prev.token.text) if prev else words["none"]))


def repeat(ctx, rule, params, heads, doc):
    for kind, h, expected, prev in _breaks(doc, heads, "repeat"):
        s, e = token_span(h)
        yield ctx.diagnostic(rule, s, e, message=message_for(
            rule, params, token=strip_blank(h.token.text), prev=strip_blank(prev.token.text),
            expected=canonical(h.token.family, expected)))


def unnumbered(ctx, rule, params, heads, doc):
    for kind, h, expected, prev in _breaks(doc, heads, "unnumbered"):
        want = canonical(prev.token.family, expected)
        yield ctx.diagnostic(rule, h.start, h.start + min(len(h.title), 12),
                             message=message_for(rule, params, title=h.title[:20], expected=want,
                                          prev=strip_blank(prev.token.text)),
                             fields={"expected": want})


def single(ctx, rule, params, heads, doc):
    every = heads is doc.headings
    allowed = None if every else set(map(id, heads))
    for sibs in sibling_groups(doc):
        if len(sibs) != 1:
            continue
        h = sibs[0]
        if h.token is not None and h.token.value == 1 and (every or id(h) in allowed):
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=message_for(
                rule, params, token=strip_blank(h.token.text), next=canonical(h.token.family, 2)))


# -- hierarchy -------------------------------------------------------------------------------------
def _ranks(doc) -> dict:
    """id(heading) -> the level its family stands for (``order`` in the data), None for a family
    of any level or no token: once per report (depth and skip read it)."""
    def compute():
        order = data()["order"]
        return {id(h): None if h.token is None else order.get(h.token.family) for h in doc.headings}
    return doc.derived("numbering.ranks", compute)


def depth(ctx, rule, params, heads, doc):
    names = data()["names"]
    rank = _ranks(doc)
    first: dict = {}     # id(parent) -> its first ranked child, found once per parent
    for h in heads:
        p = h.parent
        if p is None:
            continue
        r = rank[id(h)]
        if r is None:
            continue
        rp = rank[id(p)]
        if rp is None or r > rp:
            continue
        f = first.get(id(p))
        if f is None:
            for c in p.children:
                if rank[id(c)] is not None:
                    f = first[id(p)] = c
                    break
        if h is f:
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=message_for(
                rule, params, token=strip_blank(h.token.text), parent=strip_blank(p.token.text),
                family=names[h.token.family], parent_family=names[p.token.family]))


def skip(ctx, rule, params, heads, doc):
    names, order = data()["names"], data()["order"]
    rank = _ranks(doc)
    every = heads is doc.headings
    allowed = None if every else set(map(id, heads))    # identity, not a list scan (nor dataclass equality)
    ranked = [h for h in doc.top_headings if rank[id(h)] is not None]
    if ranked and min(rank[id(h)] for h in ranked) > 0 and (every or id(ranked[0]) in allowed):
        h = ranked[0]
        s, e = token_span(h)
        yield ctx.diagnostic(rule, s, e, message=message_for(
            rule, params, "top", token=strip_blank(h.token.text), family=names[h.token.family],
            expected=names[next(iter(order))]))
    for p in doc.headings:
        rp = rank[id(p)]
        if rp is None:
            continue
        for h in p.children:        # its first ranked child of the rule's levels
            r = rank[id(h)]
            if r is not None and (every or id(h) in allowed):
                break
        else:
            continue
        if r > rp + 1:
            want = next(f for f, n in order.items() if n == rp + 1)
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=message_for(
                rule, params, token=strip_blank(h.token.text), family=names[h.token.family],
                expected=names[want], parent=strip_blank(p.token.text)))
