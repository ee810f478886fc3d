"""Where a character or a short string stands in a report, found once per report and shared by the
punctuation, list, date and numbering checks; and a pattern's matches found only around the places of
a string every match holds.

sre finds a pattern that opens with a class or a look-behind (「(?<![\\u4e00-\\u9fff])[一二…]{1,2}是」)
by trying it at every character of the text (≈ 100–150 instructions each under callgrind). Such a
pattern cannot match without one of a few strings (「是」), and a match is at most ``width``
characters long, so it starts within ``width`` characters before one of them: :func:`within` tries
the pattern (``match``: same string, same ``endpos``) only there, in increasing order from where
the last match ended, as ``finditer`` goes on. The first position that matches is the leftmost
match there is (every match holds one of the strings: its start lies in that place's window; sre's
``match`` at ``s`` is its ``search``'s attempt at ``s``, look-behinds and ``^`` see the same), and
a match is never empty (it holds a string).

The places are per report (``Document.derived``): nothing here outlives the document.
"""
from __future__ import annotations

import re

from ..rulepack import regexcache

_START = re.Match.start
WIDEST = 64                 # a pattern whose matches may be longer is scanned as it is
_plans: dict = {}           # pattern -> (strings, width) or None, once a process (rule-pack data)


def of(doc, s: str) -> list:
    """The offsets of every occurrence of ``s`` in the document's text, in order (once a report;
    occurrences of a longer string may overlap)."""
    memo = doc.derived("places", dict)
    got = memo.get(s)
    if got is None:
        got = memo[s] = occurrences(doc.text, s)
    return got


def occurrences(text: str, s: str) -> list:
    """Where ``s`` starts in ``text`` (overlapping occurrences included). The first few by
    ``str.find`` (its scan is ``memchr``'s, ≈ 1 instruction a character, but a call costs ≈ 2,000:
    its arguments are parsed as a tuple), the rest of a frequent one by a regex led by the literal
    (sre skips to it at ≈ 5 a character, each match's start read in C at ≈ 1,000)."""
    out = []
    i = text.find(s)
    while i != -1:
        out.append(i)
        if len(out) == FEW:
            rx = _LITERALS.get(s)
            if rx is None:
                rx = _LITERALS[s] = regexcache.compile(re.escape(s) if len(s) == 1 else f"(?={re.escape(s)})")
            out += map(_START, rx.finditer(text, i + 1))
            break
        i = text.find(s, i + 1)
    return out


FEW = 12
_LITERALS: dict = {}        # string -> its search (rule-pack data: the strings the checks ask about)


def plan(pattern: str):
    """(the strings one of which every match holds, the widest a match can be), or None when there
    is none (no such string, or matches of unbounded length): once a process per pattern, the
    width kept in the regex table beside the literals (a warm start parses no pattern)."""
    if pattern not in _plans:
        _plans[pattern] = None
        strings = regexcache.required_literals(pattern)
        if strings and all(strings):
            width = regexcache._fact(("literals", "\0width\0" + pattern), lambda: _width(pattern))
            if width and width[0].isdigit() and int(width[0]) <= WIDEST:
                _plans[pattern] = (tuple(strings), int(width[0]))
    return _plans[pattern]


def _width(pattern: str) -> tuple:
    """(the widest a match of ``pattern`` can be, as text,) or () (data for the regex table)."""
    try:
        from ..rulepack.sreparts import parser
        width = parser.parse(pattern).getwidth()[1]
    except Exception:       # noqa: BLE001 - another Python's parser: scanned as it is
        return ()
    return (str(width),) if width <= WIDEST else ()


def within(doc, rx, ranges) -> list:
    """``[list(rx.finditer(doc.text, lo, hi)) for lo, hi in ranges]`` (``rx``: a compiled pattern or
    a :class:`lawlint.rulepack.regexcache.LazyPattern`; ``ranges`` in text order, not overlapping),
    found by windows around the places of the pattern's required strings when it has a
    :func:`plan`: a range holding none of them is not scanned at all."""
    text = doc.text
    got = plan(rx.pattern)
    if got is None:
        finditer = rx.finditer
        return [list(finditer(text, lo, hi)) for lo, hi in ranges]
    strings, width = got
    if len(strings) == 1:
        s = strings[0]
        anchors = [(a, a + len(s)) for a in of(doc, s)]
    else:
        anchors = sorted((a, a + len(s)) for s in strings for a in of(doc, s))
    compiled = getattr(rx, "compiled", None)        # (a LazyPattern's re.Pattern: no prefilter)
    match = (rx if compiled is None else compiled()).match
    out = []
    add = out.append
    k, n = 0, len(anchors)
    for lo, hi in ranges:
        while k < n and anchors[k][0] < lo:
            k += 1
        j = k
        while j < n and anchors[j][0] < hi:
            j += 1
        add(list(_windows(match, text, lo, hi, anchors[k:j], width)) if j > k else [])
        k = j
    return out


def _windows(match, text, lo, hi, anchors, width):
    p = lo                          # the first position not tried yet (or past the last match)
    for a, end in anchors:
        if end > hi:
            continue                # (a string running past the range: no match there holds it)
        s = end - width
        if s < p:
            s = p
        while s <= a:
            m = match(text, s, hi)
            if m is None:
                s += 1
            else:
                yield m
                s = m.end()         # (never empty: it holds one of the strings)
        p = s
