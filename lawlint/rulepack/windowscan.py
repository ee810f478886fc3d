"""Scan a long text for a pattern only around the places where its required literal occurs.

Most rule patterns open with a character class or ``\\d`` (「(?<![\\d.])\\d+(?:\\.\\d+)?\\s*[～~\\-－—]…」)
and have no match in a given report, yet sre tests that class at every character of the text
(≈ 70–90 instructions each under callgrind). Many of them cannot match without one of a few
strings that is rare in a report (here a dash), and what may stand before that string inside a
match is either bounded in length or made of a few kinds of characters (here digits, ``.`` and
spaces). :func:`lawlint.rulepack.anchors.plan` writes that down as data (kept in the regex cache);
:class:`Plan` finds the anchors' places with
``str.find`` and runs the pattern (``match``: anchored, same string, same ``endpos``) only at the
positions a match could start from: walking back from each place over the characters the class
allows, within the bound, and keeping those the pattern's first character may be.

Why the matches are ``finditer``'s: a match that starts at ``s`` has its anchor item begin at some
``a >= s`` where an anchor string occurs, and every character of ``text[s:a]`` was taken by the
items before it, so ``s`` lies in ``a``'s window. The positions of every window are tried in
increasing order from where the last match ended, each with the same string and ``endpos`` (a
look-behind, ``^`` and ``\\b`` see what they saw: sre's ``match`` at ``s`` is its ``search``'s
attempt at ``s``), so the first that matches is the leftmost match there is. Matches are never
empty (they hold an anchor). Where the anchors are too many the pattern is scanned as it is (and
after GIVE_UP such texts in a row, always: finding them costs; the matches are the same either way).
Only a pattern sre scans by testing a class at every position, or by a literal scan per first
character, gets a plan (:func:`worth`); the places worth windows are fewer for the second.
"""
from __future__ import annotations

import sys

from . import splitscan
from .anchors import SEP
from .splitscan import MIN_RANGE

SPLIT_WINDOW = 3200     # … and what a literal scan of this many characters does
GIVE_UP = 3             # texts in a row with too many anchors: a plan is not tried again
stats = {"windowed": 0, "whole": 0}     # long scans run by windows / as they are, this process
_plans: dict = {}                       # pattern -> its Plan or None, this process


def known_without(pattern: str) -> bool:
    """Is ``pattern`` known, this process, to have no plan?"""
    return _plans.get(pattern, True) is None


def cached(pattern: str, rx, table, remember, compile):
    """The :class:`Plan` of ``pattern`` (compiled: ``rx``) or None, once per process; its stored
    form is kept in the regex ``table`` beside the literals (``remember(key, value)`` adds it):
    reading a parse tree costs about what compiling does."""
    if pattern not in _plans:
        _plans[pattern] = None
        args = table.get((pattern, 0))
        if args is not None and worth(args[1]):
            key = ("literals", "\0window\0" + pattern)
            stored = table.get(key)
            if stored is None:
                from .anchors import plan
                stored = plan(pattern)
                remember(key, stored)
            _plans[pattern] = ready(stored, rx.match, compile)
            if _plans[pattern] is not None:
                _plans[pattern].scans = _scans(args[1])
    return _plans[pattern]


def worth(code) -> bool:
    """Does sre scan for the pattern of ``code`` by testing a class (or running it) at every
    position, or by a scan per first character (:mod:`lawlint.rulepack.splitscan`)? A pattern with
    a literal prefix is scanned in a tight loop: windows would cost more."""
    return not splitscan.prefixed(code)


def _scans(code) -> int:
    """The literal scans a split pattern's scan costs (one per first character), or 0 for a
    pattern scanned by a class test (which costs about what a window per 64 characters does)."""
    chars = splitscan.first_chars(code)
    return len(chars) if chars else 0


def finditer_later(inner, plan_of):
    """``inner`` (a pattern's ``finditer``), over a range of at least MIN_RANGE characters run by
    the pattern's :class:`Plan` when it has one (``plan_of()``, asked on the first such range)."""
    made: list = []

    def finditer(string, pos=0, endpos=sys.maxsize):
        n = len(string)
        p = 0 if pos < 0 else n if pos > n else pos
        e = 0 if endpos < 0 else n if endpos > n else endpos
        if e - p < MIN_RANGE:
            return inner(string, pos, endpos)
        if not made:
            made.append(plan_of())
        plan = made[0]
        return inner(string, pos, endpos) if plan is None else plan.finditer(inner, string, p, e)
    return finditer


def ready(stored, match, compile):
    """The :class:`Plan` of a stored plan (``match``: the pattern's, ``compile``: for the classes),
    or None when there is none or it is damaged."""
    if not stored:
        return None
    try:
        return Plan(stored, match, compile)
    except Exception:           # noqa: BLE001 - a damaged entry: the pattern is scanned as it is
        return None


class Plan:
    """A stored plan made ready: the anchors' strings, bounds and class tests (see the module)."""

    __slots__ = ("first", "options", "match", "misses", "beaten", "scans")

    def __init__(self, stored, match, compile):
        first, *options = stored
        self.first = _Class(compile(first).fullmatch) if first else None
        self.options = []
        for o in options:
            width, back, *strings = o.split(SEP)
            if not strings or not all(strings) or (width == "-" and not back):
                raise ValueError("damaged plan")
            self.options.append((tuple(strings), None if width == "-" else int(width),
                                 _Class(compile(back).fullmatch) if back else None))
        if not self.options:
            raise ValueError("damaged plan")
        self.match = match
        self.misses = 0
        self.scans = 0                  # literal scans per character its scan costs; 0: a class test
        self.beaten = [0] * len(self.options)   # per option: texts in a row it was not the best for

    def finditer(self, whole, text: str, lo: int, hi: int):
        """The matches of ``whole(text, lo, hi)`` (the pattern's ``finditer``), by windows when
        the anchors are few."""
        if self.misses >= GIVE_UP:
            return whole(text, lo, hi)
        best, places = None, None
        scans = self.scans              # a window costs about what sre's class scan of 64 characters
        fewest = max(2, (hi - lo) * scans // SPLIT_WINDOW) if scans else max(8, (hi - lo) >> 6)   # does
        beaten = self.beaten
        for i, option in enumerate(self.options):
            if beaten[i] >= GIVE_UP:        # not the best in GIVE_UP texts in a row: its finds cost
                continue
            got = _places(text, option[0], lo, hi, fewest)
            if got is not None:
                if not got:
                    return iter(())         # no anchor: no match anywhere
                if best is not None:
                    beaten[best_i] += 1
                best, best_i, places, fewest = option, i, got, len(got) - 1
                beaten[i] = 0
            else:
                beaten[i] += 1
        if best is None:
            stats["whole"] += 1
            self.misses += 1
            return whole(text, lo, hi)
        stats["windowed"] += 1
        self.misses = 0
        return self._windows(text, lo, hi, places, best[1], best[2])

    def _windows(self, text, lo, hi, places, width, back):
        spans = []
        if back is not None:
            memo, fullmatch = back.memo, back.fullmatch
        for a in places:
            floor = lo if width is None else max(lo, a - width)
            # back over what the items before the anchor can take
            x = floor if back is None else back_over(text, a, floor, memo, fullmatch)
            spans.append((x, a))
        spans.sort()
        match, first = self.match, self.first
        if first is not None:
            memo, fullmatch = first.memo, first.fullmatch
        p = lo
        for x, y in spans:
            s = x if x > p else p
            while s <= y:
                if first is not None:       # (a position the first character rules out)
                    ch = text[s]
                    ok = memo.get(ch)
                    if ok is None:
                        ok = memo[ch] = fullmatch(ch) is not None
                    if not ok:
                        s += 1
                        continue
                m = match(text, s, hi)
                if m is not None:
                    yield m
                    p = s = m.end()
                else:
                    s += 1
            if p <= y:
                p = y + 1


class _Class:
    """A character class's test, remembered per character."""

    __slots__ = ("memo", "fullmatch")

    def __init__(self, fullmatch):
        self.memo: dict = {}
        self.fullmatch = fullmatch


shared = None      # (text, its places found so far) while lawlint.checks.existence scans one report


def _places(text: str, strings, lo: int, hi: int, most: int):
    """Where in text[lo:hi] the strings start, in order; None past ``most`` places. While a
    report's existence rules scan it (``shared`` holds its text), each string's places are found
    once for the rules' patterns: ``(s, lo, hi)`` -> its places, or how many it has more than."""
    pair = shared
    memo = pair[1] if pair is not None and pair[0] is text else None
    out: list = []
    for s in strings:
        if memo is not None:
            got = memo.get((s, lo, hi))
            if got is not None:
                if type(got) is int:
                    if got >= most - len(out):
                        return None     # (more than it had then: more than are left now)
                else:
                    if len(got) > most - len(out):
                        return None
                    out += got
                    continue
            start = len(out)
        i = text.find(s, lo, hi)
        while i != -1:
            if len(out) == most:
                if memo is not None:
                    memo[(s, lo, hi)] = len(out) - start    # (it has more than these)
                return None
            out.append(i)
            i = text.find(s, i + 1, hi)
        if memo is not None:
            memo[(s, lo, hi)] = out[start:]
    out.sort()
    return out


def back_over(text: str, i: int, floor: int, memo: dict, fullmatch) -> int:
    """The least x >= floor such that every character of text[x:i] passes ``fullmatch`` (a class's
    test, its answers kept in ``memo`` by character): where a window behind an anchor at i opens."""
    while i > floor:
        ch = text[i - 1]
        ok = memo.get(ch)
        if ok is None:
            ok = memo[ch] = fullmatch(ch) is not None
        if not ok:
            break
        i -= 1
    return i
