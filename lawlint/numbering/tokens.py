"""The numbering aspects about how a token is written: brackets, punctuation, a closing
period, one level written in different ways. See ``numbering.py`` for what each reports."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from operator import itemgetter

from .. import numbering as num
from ..chars import strip_blank
from . import inline
from .base import _WS, canonical, data, flattened, message_for, numbered_of, sibling_groups, token_span


# -- how a token is written --------------------------------------------------------------------------
def _walk(doc):
    """What the token aspects read of every heading, found in one walk per report (brackets, punct
    and mixed had each walked them all): (the headings whose token has half-width or mixed
    brackets, those whose token has punctuation its family does not take, family -> {form: None}
    of every token as ``mixed`` reads it)."""
    def walk():
        allowed = data()["punct"]
        bracketed, wrong, forms = [], [], {}
        for h in doc.headings:
            t = h.token
            if t is None:
                continue
            family, p = t.family, t.punct
            if t.brackets in _NOT_FULL:
                bracketed.append(h)
            ok = allowed.get(family)
            if ok is not None and p not in ok:
                wrong.append(h)
            # (its title starts where the token ends, spaces included)
            forms.setdefault(family, {})[_formed(family, p, t.length != len(t.text.rstrip(_WS)))] = None
        return bracketed, wrong, forms
    return doc.derived("numbering.tokens", walk)


_NOT_FULL = ("half", "mixed")
_FORMS: dict = {}       # (family, punctuation, spaced) -> form: data (a few dozen at most)


def _formed(family, p, spaced: bool) -> str:
    """How ``mixed`` compares tokens: the punctuation the punct rule's fix will leave (a token with
    wrong punctuation counts as its fixed form, so fixing both rules' findings once leaves nothing
    for a second pass), and a space after it or not; worked out once a process per combination."""
    form = _FORMS.get((family, p, spaced))
    if form is None:
        ok = data()["punct"].get(family, [p])
        form = _FORMS[(family, p, spaced)] = (p if p in ok else ok[0]) + (" " if spaced else "")
    return form


def brackets(ctx, rule, params, heads, doc):
    worded: dict = {}       # token as written -> (its closing bracket, message, fix): a report repeats them
    for h in _walk(doc)[0] if heads is doc.headings else heads:
        t = h.token
        if t is None or t.brackets not in _NOT_FULL:
            continue
        got = worded.get(t.text)
        if got is None:
            close = max(t.text.rfind(")"), t.text.rfind("）"))
            fixed = f"（{t.text[1:close].strip(_WS)}）"
            got = worded[t.text] = (close, message_for(rule, params, token=t.text[:close + 1], fixed=fixed), fixed)
        start = h.title_start - t.length
        yield ctx.diagnostic(rule, start, start + got[0] + 1, message=got[1], replacement=got[2])


def _punct_of(h):
    """(offset, punctuation as written) of a heading token's ordinal punctuation."""
    t = h.token
    start = h.title_start - t.length
    body = t.text.rstrip(_WS)
    if not t.punct:
        return start + len(body), ""
    return start + len(body) - len(t.punct), t.punct


def punct(ctx, rule, params, heads, doc):
    allowed, names = data()["punct"], data()["names"]
    for h in _walk(doc)[1] if heads is doc.headings else heads:
        t = h.token
        if t is None or t.family not in allowed or t.punct in allowed[t.family]:
            continue
        off, p = _punct_of(h)
        good = allowed[t.family][0]
        yield ctx.diagnostic(rule, off, off + len(p), message=message_for(
            rule, params, token=strip_blank(t.text), punct=p, fixed=canonical(t.family, t.value),
            family=names[t.family]), replacement=good)
    if params.inline:
        for family, m, off in inline.items(doc):
            p = m.group("punct")
            if p in allowed[family]:
                continue
            good = allowed[family][0]
            written = m.group(0).strip(_WS)
            yield ctx.diagnostic(rule, off + m.start("punct"), off + m.end("punct"), message=message_for(
                rule, params, token=written, punct=p, fixed=canonical(family, _value(family, m)),
                family=names[family]), replacement=good)


def _value(family, m):
    n = m.group("num")
    return int(n) if n.isdigit() else (num.cn_to_int(n) or 1)


def period(ctx, rule, params, heads, doc):
    """Stand-alone headings ending in 「。」 where their level mostly does not (an outlier)."""
    for h in _periods(doc, heads, house_style=False):
        end = h.block.end
        yield ctx.diagnostic(rule, end - 1, end, message=message_for(rule, params, title=h.title[:20]),
                             replacement="")


def period_style(ctx, rule, params, heads, doc):
    """The same headings where their level consistently ends in 「。」: a house style (the
    standard only says 通常), reported as a hint rather than at every heading."""
    for h in _periods(doc, heads, house_style=True):
        end = h.block.end
        yield ctx.diagnostic(rule, end - 1, end, message=message_for(rule, params, title=h.title[:20]))


def _periods(doc, heads, *, house_style: bool):
    """Stand-alone headings ending in 「。」 (with children or body text after them), those whose
    level is written that way by most of its headings (house_style) or those that are not. They
    are found once per report, among every heading (period and period_style read them): whether
    one is reported depends on the heading and its level alone."""
    found = doc.derived("numbering.periods", lambda: list(_ended(doc)))
    if heads is not doc.headings:
        allowed = set(map(id, heads))
        found = [hs for hs in found if id(hs[0]) in allowed]
    return [h for h, style in found if style == house_style]


def _ended(doc):
    """(heading, is the house style) for each stand-alone heading ending in 「。」."""
    ended: dict = {}
    total: dict = {}
    candidates = []
    for h in doc.headings:      # a run-in heading's title ends in 。 by nature: that style too
        level = h.level
        total[level] = total.get(level, 0) + 1
        if h.run_in:
            ended[level] = ended.get(level, 0) + 1
        elif h.block.text.endswith("。"):
            ended[level] = ended.get(level, 0) + 1
            candidates.append(h)
    if not candidates:
        return
    blocks, starts = doc.body_blocks, [b.start for b in doc.body_blocks]
    for h in candidates:
        if re.search(r"\d", h.title):
            continue
        nxt = _next_block(blocks, starts, h.block)
        if not (h.children or (nxt is not None and nxt.heading is None)):
            continue
        n = ended.get(h.level, 0)
        yield h, n >= 2 and 2 * n > total[h.level]


def _next_block(blocks, starts, block):
    """The body block after ``block``; None if it is the last or not a body block."""
    i = bisect_left(starts, block.start)
    while i < len(blocks) and starts[i] == block.start:
        if blocks[i] is block:
            return blocks[i + 1] if i + 1 < len(blocks) else None
        i += 1
    return None


def mixed(ctx, rule, params, heads, doc):
    names = data()["names"]
    # 1. One level, different families under different parents: each sibling list counts by
    # its first numbered heading (of the rule's levels, not 第一，).
    by_level: dict[int, list] = {}      # level -> the first heading of each list
    every = heads is doc.headings
    allowed = None if every else set(map(id, heads))
    flat = doc.derived("numbering.flattened", lambda: flattened(doc))   # (asked by the tree aspects too)
    for sibs in ([] if flat else sibling_groups(doc)):
        for h in sibs:
            t = h.token
            if t is not None and t.family != "di" and (every or id(h) in allowed):
                by_level.setdefault(h.level, []).append(h)
                break
    for level, firsts in sorted(by_level.items()):
        fams: dict = {}
        for h in firsts:
            fams[h.token.family] = fams.get(h.token.family, 0) + 1
        if len(fams) < 2:
            continue
        major = max(fams.items(), key=itemgetter(1))[0]   # (the first of the most: most_common(1))
        for h in firsts:
            if h.token.family != major:
                s, e = token_span(h)
                yield ctx.diagnostic(rule, s, e, message=message_for(
                    rule, params, token=strip_blank(h.token.text), family=names[h.token.family],
                    major=names[major]))
    # 2. One family written two ways: with or without a space after the number (and 1. vs 1．).
    # Which forms each family is written in: a heading's form depends on its token alone (its
    # title starts where the token ends, spaces included), found in the walk the token aspects
    # share (:func:`_walk`); the places are gathered only for a family written in two forms or more.
    if every:
        forms = {family: dict(written) for family, written in _walk(doc)[2].items()}
    else:
        forms = {}          # family -> {form: None}
        for h in heads:
            t = h.token
            if t is not None:
                forms.setdefault(t.family, {})[_formed(t.family, t.punct, t.length != len(t.text.rstrip(_WS)))] = None
    items = inline.items(doc) if params.inline else ()
    for family, m, off in items:
        forms.setdefault("inline-" + family, {})[_formed(family, m.group("punct"), bool(m.group("space")))] = None
    for family in sorted(forms):
        if len(forms[family]) < 2:
            continue
        mine = _forms(heads, family) if not family.startswith("inline-") else _inline_forms(items, family)
        count = Counter(f[1] for f in mine)
        major = min(count, key=lambda k: (-count[k], " " in k))   # a tie: prefer no space
        sample = next(f[5] for f in mine if f[1] == major)
        for fam, form, s, e, space, token in mine:
            if form == major:
                continue
            if space and " " not in major:
                yield ctx.diagnostic(rule, s, e, replacement="", message=message_for(
                    rule, params, "space", token=token, major=sample))
            else:
                yield ctx.diagnostic(rule, s - len(strip_blank(form)), e, message=message_for(
                    rule, params, "form", token=token, major=sample))


def _forms(heads, family):
    """(family, form, start of the space, end of the space, has space, token as written) of each
    heading of ``family``."""
    out = []
    for h in heads:
        t = h.token
        if t is None or t.family != family:
            continue
        off, p = _punct_of(h)
        end = off + len(p)
        space = h.title_start - end
        out.append((t.family, _formed(t.family, p, bool(space)), end,
                    h.title_start, bool(space), t.text.strip(_WS)))
    return out


def _inline_forms(items, family):
    """The same of each numbered item inside paragraphs of ``family`` (``inline-`` + its family)."""
    out = []
    for fam, m, off in items:
        if "inline-" + fam != family:
            continue
        sp = m.group("space")
        out.append((family, _formed(fam, m.group("punct"), bool(sp)),
                    off + m.end("punct"), off + m.end("space"), bool(sp), m.group(0).strip(_WS)))
    return out
