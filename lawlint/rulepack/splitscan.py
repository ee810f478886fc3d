"""Scan for a pattern that starts with one of a few characters as one scan per character.

A pattern whose matches all start with one of a few characters (「[、，,][，,、]」, 「(?:成效|效果)…」,
most term and punctuation rules) carries them in its INFO block as a class, and sre's scan tests
that class at every character: ≈ 60–90 instructions each under callgrind. A pattern that starts
with one known character carries it as a literal prefix instead, and sre skips to it in a tight
loop: ≈ 6–9 instructions a character. So such a pattern is compiled once more per character,
with that character as its prefix and the rest of its code unchanged, and ``finditer`` over a
long range runs those and takes, each time, the leftmost match of any: the
pattern is tried at exactly the places the class lets through, with the same code, string and
``endpos`` (look-behinds, ``^`` and ``\\b`` see what they saw), so the matches are the same.

Only the match objects' ``pos`` and ``re`` differ (the position and the compiled variant they were
found with); nothing in lawlint reads them (``expand`` and ``group`` read the group names, which
are the same).
"""
from __future__ import annotations

import sys
from array import array

from .sreparts import constants as _c

MAX_CHARS = 6       # more characters: the scans together cost more than the class test
MIN_RANGE = 256     # a shorter range is scanned as it is (a scan call costs ≈ 2,500 instructions)

_INFO, _PREFIX, _CHARSET = int(_c.INFO), int(_c.SRE_INFO_PREFIX), int(_c.SRE_INFO_CHARSET)
_FAILURE, _LITERAL, _RANGE = int(_c.FAILURE), int(_c.LITERAL), int(_c.RANGE)
_CHARSET_OP, _BIGCHARSET = int(_c.CHARSET), int(_c.BIGCHARSET)
_WORDS = 256 // 32                  # a 256-bit map in 32-bit code words (_sre.CODESIZE is 4)


def prefixed(code) -> bool:
    """Does sre scan for ``code`` by a literal prefix, in a tight loop (True, too, for code this
    module cannot read: then nothing is known to be cheaper)?"""
    try:
        return bool(code[0] == _INFO and code[2] & _PREFIX)
    except (IndexError, TypeError):
        return True


def may_split(code) -> bool:
    """Does ``code`` start with an INFO block holding a class (the only place
    :func:`first_chars` looks)? Cheap: the class itself is read only when a scan needs it."""
    try:
        return code[0] == _INFO and bool(code[2] & _CHARSET) and not code[2] & _PREFIX
    except (IndexError, TypeError):
        return False


def first_chars(code) -> list | None:
    """The code points the INFO class of ``code`` holds, when it is a class of at most
    MAX_CHARS characters (not negated, no category); None otherwise."""
    try:
        if code[0] != _INFO or not code[2] & _CHARSET or code[2] & _PREFIX or code[3] == 0:
            return None
        chars: set = set()
        i, end = 5, code[1] + 1
        while i < end:
            op = code[i]
            if op == _FAILURE:
                return sorted(chars) if 1 < len(chars) <= MAX_CHARS else None
            if op == _LITERAL:
                chars.add(code[i + 1])
                i += 2
            elif op == _RANGE:
                if code[i + 2] - code[i + 1] >= MAX_CHARS:
                    return None
                chars.update(range(code[i + 1], code[i + 2] + 1))
                i += 3
            elif op == _CHARSET_OP:
                if _count(code, i + 1) > MAX_CHARS:      # counted before listed: a class of
                    return None                          # hundreds of characters is common
                chars.update(_bits(code, i + 1, 0))
                i += 1 + _WORDS
            elif op == _BIGCHARSET:
                blocks, first = code[i + 1], i + 2 + 256 // 4
                index = array("I", code[i + 2:first]).tobytes()   # high byte -> block, as sre packs it
                sizes = [_count(code, first + b * _WORDS) for b in range(blocks)]
                if sum(index.count(b) * n for b, n in enumerate(sizes) if n) > MAX_CHARS:
                    return None                  # (each high byte's characters are distinct)
                for block, n in enumerate(sizes):
                    high = index.find(block) if n else -1
                    while high != -1:
                        chars.update(_bits(code, first + block * _WORDS, high << 8))
                        high = index.find(block, high + 1)
                i = first + blocks * _WORDS
            else:                           # NEGATE, CATEGORY, a case-folding range …
                return None
            if len(chars) > MAX_CHARS:
                return None
    except (IndexError, TypeError, ValueError):     # not the layout this module knows
        return None
    return None


def _count(code, at: int) -> int:
    """How many characters the 256-bit map at ``at`` holds."""
    return sum(word.bit_count() for word in code[at:at + _WORDS])


def _bits(code, at: int, base: int):
    for w in range(_WORDS):
        word = code[at + w]
        while word:
            low = word & -word
            yield base + w * 32 + low.bit_length() - 1
            word ^= low


def variants(code, chars) -> list:
    """``code`` once per character, its INFO class replaced by that character as a literal prefix
    (prefix_skip 0: the whole pattern still runs at each place)."""
    rest = list(code[code[1] + 1:])
    return [[_INFO, 8, _PREFIX, code[3], code[4], 1, 0, ch, 0] + rest for ch in chars]


_scans: dict = {}                   # pattern -> the search methods of its variants, or ()


def scans(pattern: str, table: dict):
    """The ``search`` methods of the pattern compiled once per character of the few its matches
    start with, from its code in the regex table (``table``: (pattern, flags) -> arguments of
    ``_sre.compile``), or () when its code says no such thing."""
    got = _scans.get(pattern)
    if got is None:
        got = ()
        args = table.get((pattern, 0))
        chars = first_chars(args[1]) if args is not None else None
        if chars:
            try:
                import _sre
                cflags, code, *rest = args
                got = tuple(_sre.compile(pattern, cflags, v, *rest).search for v in variants(code, chars))
            except Exception:   # noqa: BLE001 - code this module cannot rewrite: scanned as it is
                got = ()
        _scans[pattern] = got
    return got


def finditer(rx, scans):
    """``rx.finditer``, over a long range run as the ``scans`` (the variants' ``search`` methods)
    and merged. (Not ``search``: it stops at the first match, and each scan would go on to its
    own first match.)"""
    whole = rx.finditer

    def finditer(string, pos=0, endpos=sys.maxsize):
        p, e = _bounds(string, pos, endpos)
        if e - p < MIN_RANGE:
            return whole(string, pos, endpos)
        return _merged(scans, string, p, e)
    return finditer


def finditer_later(rx, scans_of):
    """:func:`finditer` with the scans made (``scans_of()``) on the first range long enough to
    use them: working out a pattern's first characters and compiling its variants costs more
    than a fresh process saves on a pattern it only ever searches or scans over short pieces."""
    whole = rx.finditer
    made: list = []

    def finditer(string, pos=0, endpos=sys.maxsize):
        p, e = _bounds(string, pos, endpos)
        if e - p < MIN_RANGE:
            return whole(string, pos, endpos)
        if not made:
            made.append(scans_of())
        scans = made[0]
        return _merged(scans, string, p, e) if scans else whole(string, pos, endpos)
    return finditer


def _bounds(string: str, pos: int, endpos: int) -> tuple[int, int]:
    n = len(string)
    return min(max(pos, 0), n), min(max(endpos, 0), n)


def _merged(scans, string: str, pos: int, endpos: int):
    """The matches ``finditer`` gives: each time the leftmost next match of any scan (every
    match is non-empty: a pattern that can match "" has no INFO class)."""
    heads = []
    for scan in scans:
        m = scan(string, pos, endpos)
        if m is not None:
            heads.append([m.start(), m, scan])
    while heads:
        best = min(heads, key=_start)     # (no two start at one place: their first characters differ)
        m = best[1]
        yield m
        done = m.end()
        for h in list(heads):
            if h[0] < done:                 # at or before the match: look again after it
                m2 = h[2](string, done, endpos)
                if m2 is None:
                    heads.remove(h)
                else:
                    h[0], h[1] = m2.start(), m2


def _start(h):
    return h[0]
