"""``answers``: shortcomings that next year's plans do not answer.

Each shortcoming should get a plan item (domain.md §2.4 E: "each problem should get a
response"). The shortcomings part is cut into items at its markers (``item``: 一是, （一）, 1. …;
sentences when it has none); sentences that give causes or only announce the list (``skip``) are
not items. An item's terms are its character bigrams less those of the words every report uses
(``generic``: 问题, 加强, 法治 …). An item is answered when the plans share at least
``min_shared`` of its terms, or at least two that are ``min_share`` of a short item's terms.
Each item that is not is reported at its own place, so the finding says which shortcoming has
no plan. Items with fewer terms than ``min_shared`` are not judged.

Where one part holds both (「存在不足及下步打算」), the shortcomings end at the first ``stop``
(下一步, 下步, next year) and the plans are what follows.
"""
from __future__ import annotations

import sys
from itertools import chain

from ..chars import HAN, strip_blank
from ..rulepack import regexcache
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param

_STRINGS = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "item": Param({"type": "string"}, REQUIRED, "不足条目起始标记的正则", regex=True, prefilter=False),
    "skip": Param(_STRINGS, [], "不算条目的句子（原因分析、总起句）", regex=True, year=True),
    "generic": Param(_STRINGS, [], "不算关键词的常用词"),
    "stop": Param(_STRINGS, [], "合写时不足部分在此结束、安排开始", regex=True, year=True),
    "min_shared": Param({"type": "integer", "minimum": 1}, 2, "至少共有几个关键词才算有对应安排"),
    "min_share": Param({"type": "number", "minimum": 0, "maximum": 1}, 1.0,
                       "或共有的关键词占该条关键词的比例至少为多少（短的条目）"),
}, fields=("item",),
    # the bigrams of the generic words, made once
    # (pairs across the line breaks join are not Han pairs: they never meet an item's terms)
    derived={"generic_terms": lambda p: frozenset(_pairs("\n".join(p["generic"])))})


def check(ctx, rule, p):
    item_rx, skip, generic, stops = p.item, p.skip, p.generic_terms, p.stop
    need = p.min_shared
    share = p.min_share
    if ctx.section("shortcomings").status == "absent" or ctx.section("plans").status == "absent":
        return
    text = ctx.doc.text
    short = sc.body_spans(ctx, "shortcomings")
    cut = min((m.start() for s, e in short for rx in stops for m in [rx.search(text, s, e)] if m),
              default=None)
    if cut is not None:
        short = [(s, min(e, cut)) for s, e in short if s < cut]
    plans = _minus(sc.body_spans(ctx, "plans"), short)
    # every pair of neighbouring characters of the plans: an item's terms are Han pairs less the
    # generic ones, so the plans' other pairs (「，一」, generic ones) never meet them
    plan_pairs = _pairs("\n".join(text[s:e] for s, e in plans))
    if not _has_term(plan_pairs, generic):
        return
    for s, e in _items(ctx, short, item_rx, skip):
        if _answered(text[s:e], plan_pairs, generic, need):
            continue        # (``need`` terms shared: answered whatever its other terms)
        terms = _terms(ctx, [(s, e)], generic)
        shared = len(terms & plan_pairs)
        if len(terms) < need or shared >= need or (shared >= 2 and shared >= share * len(terms)):
            continue
        piece = strip_blank(text[s:e])
        shown = piece if len(piece) <= 30 else piece[:30] + "……"
        first = sc.sentence_at(text, s, s + 1)[1]
        yield ctx.diagnostic(rule, s, min(e, first), fields=dict(item=shown))


def _minus(spans, remove):
    out = []
    for s, e in spans:
        pieces = [(s, e)]
        for a, b in remove:
            pieces = [q for p, r in pieces for q in ((p, min(r, a)), (max(p, b), r)) if q[0] < q[1]]
        out.extend(pieces)
    return out


def _items(ctx, spans, item_rx, skip):
    """Item spans: from each marker to the next; a part with no markers is cut into sentences."""
    text = ctx.doc.text
    for s, e in spans:
        starts = [m.start() for m in item_rx.finditer(text, s, e)]
        if starts:
            pieces = list(zip(starts, starts[1:] + [e]))
        else:
            pieces = [(x.start, x.end) for x in sc.sentences(ctx, [(s, e)])]
        for a, b in pieces:
            # a cause analysis is no shortcoming of its own; neither is the sentence announcing them
            sents = [x for x in sc.sentences(ctx, [(a, b)])
                     if not any(rx.search(x.text) for rx in skip)]
            if sents:
                yield sents[0].start, sents[-1].end


def _terms(ctx, spans, generic) -> set:
    """The Han bigrams of the spans (:func:`han_pairs`), less those inside the generic words: no
    segmenter needed, and 「执法力量」 meets 「执法人员」 on 执法 as a reader's eye does."""
    text = ctx.doc.text
    return han_pairs("\n".join(text[s:e] for s, e in spans)) - generic


# A character pair as one int: two UTF-16 code units read as one 32-bit word (the bigram string
# costs a new string per character and per pair; an int from a memoryview is made in C). Han
# characters (U+3400–U+9FFF) are each one code unit; the units are written in this machine's
# byte order, so the low half of the word is always the first character.
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
_LO, _HI = ord(HAN[0]), ord(HAN[-1])


def _pairs(s: str) -> set:
    """Every pair of neighbouring code units of ``s`` (UTF-16), as ints ``first | second << 16``."""
    b = memoryview(s.encode(_UTF16, "surrogatepass"))
    n = len(b)
    out = set(b[:n - n % 4].cast("I"))             # pairs starting at even units
    if n > 4:
        out.update(b[2:n - (n - 2) % 4].cast("I"))  # and at odd ones
    return out


def _answered(item: str, plan_pairs, generic, need: int) -> bool:
    """Does ``item`` share at least ``need`` terms with the plans (``len(terms & plan_pairs) >=
    need`` for its :func:`_terms`)? Its pairs are read in turn, each first looked up in the
    plans' (few are there), until ``need`` are found: most items are answered, and making the
    set of an item's terms costs ≈ 1,500 instructions a character (its non-Han runs cut out, every
    pair made a set entry, the generic ones taken out), the look-ups ≈ 200 a pair."""
    lo, hi = _LO, _HI
    views = _views(item)
    found = set()
    for x in chain(*views):
        if x in plan_pairs and x not in found and x not in generic \
                and lo <= x & 0xFFFF <= hi and lo <= x >> 16 <= hi:     # (a Han pair: a bigram)
            found.add(x)
            if len(found) >= need:
                return True
    return False


def _views(s: str) -> list:
    """The pairs of :func:`_pairs` as the ints of one or two memoryviews (not yet made)."""
    b = memoryview(s.encode(_UTF16, "surrogatepass"))
    n = len(b)
    out = [b[:n - n % 4].cast("I")]                 # pairs starting at even units
    if n > 4:
        out.append(b[2:n - (n - 2) % 4].cast("I"))  # and at odd ones
    return out


def _has_term(pairs, generic) -> bool:
    """Is one of ``pairs`` a term (a Han pair, not generic)? The first one found answers."""
    lo, hi = _LO, _HI
    return any(lo <= x & 0xFFFF <= hi and lo <= x >> 16 <= hi and x not in generic for x in pairs)


_OTHER = regexcache.compile(f"[^{HAN}]+")


def han_pairs(s: str) -> set:
    """The pairs of :func:`_pairs` whose two characters are both Han: the bigrams of the runs of
    Han characters (``[\u3400-\u9fff]+``). Every run of other characters is made one NUL, so
    the only other pairs are each Han run's last character with the NUL after it (the int is that
    character's code) and the NUL before it with its first (the code << 16): taken out run by run,
    not tested pair by pair."""
    t = _OTHER.sub("\0", s)
    out = _pairs(t)
    discard = out.discard
    for run in t.split("\0"):
        if run:
            discard(ord(run[-1]))
            discard(ord(run[0]) << 16)
    return out
