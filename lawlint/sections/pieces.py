"""Which pieces of a text a pattern matches, with one search per matching piece.

The part scorer asks each pattern about every sentence of every section, and part detection asks
each title pattern about every heading: most pieces match nothing, and a search per piece is a
Python call each. A pattern without anchors, look-arounds or word boundaries (*context-free*)
matches by the characters it consumes alone, so a match inside a piece is a match in the text the
pieces are joined into, and the pieces it matches are found by searching that text from one
matching piece to the next (:func:`matching`).
"""
from __future__ import annotations

from bisect import bisect_right

from ..rulepack import regexcache

_STOPS = "。；;！!？?"      # with the newline, what ends a sentence the scorer weighs
_FREE: dict = {}
_SCAN: dict = {}            # pattern -> scannable, this process
stats = {"raised": 0}       # items weighed by raise_to, this process (tests: the path is taken)
_CONTEXT = regexcache.compile(r"\(\?<?[=!]|\\[bBAZ]|\$|(?<!\[)\^")   # look-arounds, anchors


def contextfree(rx) -> bool:
    """Does ``rx`` match by the characters it consumes alone (no look-around, anchor or word
    boundary)? Read from the pattern's text, erring towards no."""
    got = _FREE.get(rx.pattern)
    if got is None:
        got = _FREE[rx.pattern] = _CONTEXT.search(rx.pattern) is None
    return got


def scannable(rx) -> bool:
    """Is ``rx`` context-free and unable to match the empty string (then a piece has a match
    exactly where :func:`matching` finds one in the pieces joined)?"""
    got = _SCAN.get(rx.pattern)
    if got is None:
        got = _SCAN[rx.pattern] = contextfree(rx) and rx.search("") is None
    return got


def plain(rx):
    """The compiled pattern of ``rx`` (a LazyPattern's own methods first check its literals in
    Python: for a short piece, or once the text is known to hold them, sre alone costs less)."""
    return rx.compiled() if hasattr(rx, "may_occur_in") else rx


def matching(rx, text, spans, starts=None):
    """Indices of the spans (sorted, disjoint) of ``text`` in which context-free ``rx`` has a
    match. The leftmost match from ``pos`` starts where the leftmost match inside a span would:
    a match inside a span is a match in the text. ``starts``: the spans' starts, when the caller
    keeps them (the scorer asks a dozen patterns about the same thousand sentences)."""
    if hasattr(rx, "may_occur_in"):           # a LazyPattern: a text lacking its literals is
        if not rx.may_occur_in(text):         # answered at once; then the compiled pattern, whose
            return                            # literal prefilter would rescan the rest each search
        rx = rx.compiled()
    if starts is None:
        starts = [s for s, _ in spans]
    pos, n = 0, len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            return
        a = m.start()
        i = bisect_right(starts, a) - 1
        if i < 0 or a >= spans[i][1]:       # in a stop or a short sentence: look further on
            pos = a + 1
            continue
        end = spans[i][1]
        if m.end() <= end or rx.search(text, a, end) is not None:
            yield i
        pos = end


def raise_to(best, rx, w, text, spans, starts) -> None:
    """``best[i] = max(best[i], w)`` for every span ``i`` in which context-free ``rx`` has a
    match (the scorer's item of one pattern: no set of indices, no sort)."""
    stats["raised"] += 1
    for i in matching(rx, text, spans, starts):
        if w > best[i]:
            best[i] = w


def sentence_spans(text) -> list:
    """The spans of the sentences the part scorer weighs: every run of four characters or more
    between stops (``[^。；;！!？?\\n]{4,}``, found without a regex: each stop made a newline by
    ``str.replace``, then the lines' lengths, where sre tested a class at every character)."""
    for stop in _STOPS:
        if stop in text:
            text = text.replace(stop, "\n")
    out, at = [], 0
    for line in text.split("\n"):
        n = len(line)
        if n >= 4:
            out.append((at, at + n))
        at += n + 1
    return out
