"""Find the few characters a rule's patterns all open with once per report, and try each pattern there.

``punct.space`` has three patterns that each open with one of 「 」「\\u3000」「\\xa0」: sre scans a
report for each of them by a literal scan per character (:mod:`lawlint.rulepack.splitscan`,
≈ 6–7 instructions a character each: nine scans), yet a report holds a few dozen such characters
at most. :func:`chars` tells, once per rule pack, the characters a rule's patterns all open with
(read from their compiled code's INFO block: a literal prefix's first character, or a class of
a few); :func:`places` finds where they stand in a report with ``str.find`` (once per report,
shared by the patterns), giving up past ``most``; :func:`finditer` runs a pattern's ``match``
(same string, same ``endpos``: a look-behind, ``^`` and ``\\b`` see what they saw) at those places
in order from where its last match ended: a match starts with one of the characters, so the
first place that matches is where sre's scan would have found the leftmost match.
"""
from __future__ import annotations

from bisect import bisect_left

from . import regexcache, splitscan
from .sreparts import constants as _c

MAX_CHARS = 3           # more first characters: a find each costs more than the scans it spares
SHARED = 2              # scans per character at least: places found once pay where patterns share them
PER_PLACE = 250         # a pattern's try at a place costs about what a literal scan of this many characters does
stats = {"placed": 0, "scanned": 0}     # rule scans run at places / as they are, this process
_INFO, _PREFIX = int(_c.INFO), int(_c.SRE_INFO_PREFIX)


def first_of(pattern: str):
    """The characters every match of ``pattern`` opens with, from its stored code (a tuple of at
    most MAX_CHARS), or None."""
    code = regexcache.stored_code(pattern)
    if code is None:
        return None
    try:
        if code[0] == _INFO and code[2] & _PREFIX:
            return (chr(code[7]),)
    except (IndexError, TypeError, ValueError):
        return None
    got = splitscan.first_chars(code)
    return tuple(map(chr, got)) if got and len(got) <= MAX_CHARS else None


def chars(patterns):
    """``(characters, scans)``: the characters all of ``patterns`` (LazyPatterns) open with, sorted,
    when each opens with one of a few (together at most MAX_CHARS, each scanned for by SHARED
    patterns or more on average), and the literal scans sre spends on them (one per pattern and
    first character); None otherwise."""
    union: set = set()
    scans = 0
    for rx in patterns:
        compiled = getattr(rx, "compiled", None)
        if compiled is not None:
            compiled()              # (its code in the table)
        got = first_of(rx.pattern)
        if got is None:
            return None
        union.update(got)
        scans += len(got)
    if len(union) > MAX_CHARS or scans < SHARED * len(union):
        return None             # (finding a character costs about what sre's scan for it does)
    return tuple(sorted(union)), scans


def places(text: str, chars, lo: int, hi: int, most: int):
    """Where in text[lo:hi] the characters stand, in order; None past ``most`` places."""
    out: list = []
    find = text.find
    for ch in chars:
        i = find(ch, lo, hi)
        while i != -1:
            out.append(i)
            if len(out) > most:
                return None
            i = find(ch, i + 1, hi)
    out.sort()
    return out


def most(scans: int, patterns: int, lo: int, hi: int) -> int:
    """The places worth trying: fewer than the characters ``scans`` literal scans of text[lo:hi]
    cost, counted in tries of ``patterns`` patterns."""
    return (hi - lo) * scans // (PER_PLACE * patterns)


def match_of(rx):
    """The ``match`` of a LazyPattern's compiled pattern (no literal filter in front: a place holds
    the pattern's first character)."""
    return regexcache.compile(rx.pattern).match


def finditer(match, text: str, at, lo: int, hi: int):
    """The matches ``finditer(text, lo, hi)`` gives of a pattern whose every match opens with a
    character standing at one of the places ``at`` (sorted; ``match``: the pattern's)."""
    end = lo
    for s in at[bisect_left(at, lo):]:
        if s < end:
            continue
        if s >= hi:
            return
        m = match(text, s, hi)
        if m is not None:
            yield m
            end = m.end()
