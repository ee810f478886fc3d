"""What the sentences of a section add to its score for a part (:mod:`lawlint.sections.evidence`
reads it): each sentence of four characters or more adds its highest weight among the part's
``sentences`` items, capped by the part's ``cap``. Book titles (《…》) are blanked first.

:func:`said_of` works it out for many sections at once: their own texts joined with a stop
between, each pattern searched once over them (:mod:`lawlint.sections.pieces`); only the sections
whose score can matter are read (the caller names them).
"""
from __future__ import annotations

from bisect import bisect_left

from ..rulepack import regexcache
from .pieces import contextfree as _contextfree, matching as _matching, raise_to as _raise, \
    sentence_spans as _sentence_spans

_BOOK = regexcache.compile(r"《[^《》]{0,80}》")


def own_text(doc, h) -> str:
    """The text a heading governs before its first sub-heading (all of it for a leaf)."""
    end = h.children[0].start if h.children else h.end
    parts = []
    for b in doc.blocks_in(h.start, end):
        parts.append(doc.text[b.body_start:b.end] if b is h.block else b.text)
    return "\n".join(p for p in parts if p)


def sentence_score(text, spec) -> float:
    """What the sentences of ``text`` add (each its highest weight), capped."""
    if not spec["sentences"] or not text:
        return 0
    return _said(_sentences(text), spec)




def _sentences(text) -> tuple:
    """``text`` with book titles blanked, its sentences of four characters or more (what the
    scorers weigh; every part rule weighs the same section's sentences) and their spans."""
    return _split(_BOOK.sub("《》", text) if "《" in text else text)


def _split(text) -> tuple:
    return text, _sentence_spans(text)


def _said(split, spec) -> float:
    text, spans = split
    items = spec["sentences"]
    if not items or not spans:
        return 0
    best = _best(text, spans, items)
    total = sum(best)
    return min(total, spec["cap"]) if spec["cap"] else total


def _best(text, spans, items, starts=None) -> list:
    """Each sentence's highest weight among ``items`` (``starts``: the spans' starts, if kept)."""
    # A sentence adds the highest weight among the items it matches. A pattern without anchors
    # or look-arounds matches the same characters wherever they stand, so for an item of one
    # such pattern the sentences it matches are found by searching the whole text, one search
    # per matching sentence instead of one per sentence (most sentences match nothing). An item
    # of several patterns (all in one sentence) asks its other patterns only about the sentences
    # that every such pattern matches.
    best = [0] * len(spans)
    for pats, w in items:
        if w <= 0:
            continue
        if len(pats) == 1 and _contextfree(pats[0]):    # one pattern (most items): no set nor sort
            _raise(best, pats[0], w, text, spans, starts)
            continue
        free = [rx for rx in pats if _contextfree(rx)]
        found = None
        for rx in free:
            hits = set(_matching(rx, text, spans, starts))
            found = hits if found is None else found & hits
            if not found:
                break
        rest = [rx for rx in pats if not _contextfree(rx)]
        for i in range(len(spans)) if found is None else sorted(found):
            if w > best[i] and all(rx.search(text[spans[i][0]:spans[i][1]]) for rx in rest):
                best[i] = w
    return best


def _own_split(doc, heads) -> tuple:
    """The own texts of ``heads`` (headings, in document order) as the scorers read them
    (:func:`_sentences`), joined one after another with a stop between, and where each heading's
    sentences are among them: one search per pattern answers for every one of those sections
    (each section's sentences are those of its own text)."""
    def compute():
        texts, bounds, at = [], [], 0
        for h in heads:
            text = own_text(doc, h)
            if "《" in text:
                text = _BOOK.sub("《》", text)
            texts.append(text)
            bounds.append(at)
            at += len(text) + 1           # a stop between two sections' texts: no sentence spans it
        text, spans = _split("\n".join(texts))
        firsts = [s for s, _ in spans]
        where, lo = {}, 0
        for h, start in zip(heads, bounds[1:] + [at]):
            hi = bisect_left(firsts, start, lo)
            where[id(h)] = (lo, hi)
            lo = hi
        return text, spans, where, firsts
    return doc.derived(("own_split", *map(id, heads)), compute)


def said_of(doc, h, spec) -> float:
    """What the sentences of heading ``h``'s own text add for a part (``sentence_score`` of
    :func:`own_text`)."""
    return said_memo(doc, spec, h, (h,))


def said_memo(doc, spec, h, batch) -> float:
    """:func:`said_of`, worked out together for the headings ``batch`` (a sequence, or a function
    that gives one: called only when ``h`` is not known yet) when ``h`` is not known yet. Only the
    sections whose score can matter are read: a part asks about the headings its title words let
    through, the frames about the headings whose title names a frame."""
    memo = doc.derived_for("said", (spec,), dict)
    got = memo.get(id(h))
    if got is None:
        fill(doc, spec, memo, batch() if callable(batch) else batch)
        got = memo.get(id(h))
        if got is None:               # not among the batch
            fill(doc, spec, memo, (h,))
            got = memo[id(h)]
    return got


def fill(doc, spec, memo, heads) -> None:
    """memo[id(h)] = :func:`said_of` for every heading of ``heads`` not in it yet."""
    heads = tuple(h for h in heads if id(h) not in memo)
    if not heads:
        return
    if not spec["sentences"]:
        memo.update(dict.fromkeys(map(id, heads), 0))
        return
    text, spans, where, starts = _own_split(doc, heads)
    best = _best(text, spans, spec["sentences"], starts) if spans else None
    cap = spec["cap"]
    for key, (lo, hi) in where.items():
        if best is None or lo == hi:
            memo[key] = 0
            continue
        total = sum(best[lo:hi])
        memo[key] = min(total, cap) if cap else total
