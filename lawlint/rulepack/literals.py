"""The literal text a regex cannot match without: a cheap test that skips a scan.

Most rule patterns never match a given report (a dated term, a wrong law name), yet scanning for
one costs sre a try at every position, dearer still when the pattern opens with a look-behind or
a character class (``(?<![\\u4e00-\\u9fff])环保局``). :func:`required` reads the parsed pattern and
returns strings of which every match contains at least one (here ``环保局``); ``str.find`` tells
in C whether any is in the text at all. When nothing is certain (an optional part, ``\\d``, a large
class, case-insensitive matching, look-arounds) it returns None and the pattern is always scanned.
"""
from __future__ import annotations

from functools import lru_cache

_MAX_STRINGS = 6        # more alternatives than this: the finds would cost more than they save
_MAX_CLASS = 6          # a class of at most this many characters counts as alternatives


@lru_cache(maxsize=4096)
def required(pattern: str, flags: int = 0, most: int = _MAX_STRINGS) -> tuple[str, ...] | None:
    """Strings one of which occurs in every match of ``pattern`` (inside the match), or None; at
    most ``most`` of them (a caller that finds them all in one scan may take more)."""
    try:
        from .sreparts import constants as c, parser as _parser

        parsed = _parser.parse(pattern, flags)
        if (flags | parsed.state.flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return None
        found = _sequence(list(parsed), c, most)
    except Exception:           # noqa: BLE001 - another Python's parser, or an odd pattern
        return None
    return tuple(sorted(found)) if found else None


def _better(a, b):
    """The more selective of two requirements (fewer alternatives, then longer shortest one)."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=lambda s: (len(s), -min(map(len, s))))


def _sequence(items, c, most=_MAX_STRINGS):
    best = None
    run = []
    for op, av in items + [(None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        if op is not None:
            best = _better(best, _item(op, av, c, most))
    return best


def _item(op, av, c, most):
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return None
        return _sequence(list(sub), c, most)
    if op is getattr(c, "ATOMIC_GROUP", None):        # 3.11+
        return _sequence(list(av), c, most)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", object())):
        lo, _hi, sub = av
        return _sequence(list(sub), c, most) if lo >= 1 else None
    if op is c.BRANCH:
        out = set()
        for alt in av[1]:
            req = _sequence(list(alt), c, most)
            if req is None:
                return None
            out |= req
        return _trim(out, most)
    if op is c.IN:
        chars = class_chars(av, c, _MAX_CLASS)
        return None if chars is None else _trim(chars, most)
    return None                     # ANY, AT, look-arounds, group references …


def class_chars(items, c, widest: int):
    """The characters of a class (sre's parsed ``IN`` items), or None for one that holds a
    negation, a category or a range of ``widest`` characters or more."""
    chars = set()
    for iop, iav in items:
        if iop is c.LITERAL:
            chars.add(chr(iav))
        elif iop is c.RANGE and iav[1] - iav[0] < widest:
            chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
        else:                       # NEGATE, CATEGORY, a large range
            return None
    return chars


def _trim(strings, most=_MAX_STRINGS):
    """Alternatives to test for: fine when few; a string containing another is implied by it."""
    if not strings or len(strings) > most * 3:
        return None
    kept = {s for s in strings if not any(t != s and t in s for t in strings)}
    return frozenset(kept) if len(kept) <= most else None


def absent(strings, text: str, pos: int, endpos: int) -> bool:
    """None of ``strings`` occurs in text[pos:endpos]."""
    if pos == 0 and endpos >= len(text):
        for s in strings:
            if s in text:                   # (``in``: no arguments to parse, unlike ``find``)
                return False
        return True
    for s in strings:
        if text.find(s, pos, endpos) != -1:
            return False
    return True


_PLACES_MAX = 48


def holding(text: str, strings, span_list) -> list:
    """The spans of ``span_list`` (in its order) that contain one of ``strings`` whole: a
    pattern that cannot match without one of them is scanned only there (a scan call per
    paragraph costs more than finding the few places once). Where the strings occur more than
    _PLACES_MAX times, every span (a pattern's scan there finds what it would have found)."""
    places = []
    for s in strings:
        i = text.find(s)
        while i != -1:
            if len(places) == _PLACES_MAX:      # a common string: every span is scanned (a find
                return list(span_list)          # per place costs more than it would save)
            places.append((i, i + len(s)))
            i = text.find(s, i + 1)
    if not places:
        return []
    places.sort()
    kept, j, n = set(), 0, len(places)
    for lo, hi in sorted(span_list):    # by start: a place before one span's start is before the next's
        while j < n and places[j][0] < lo:
            j += 1
        if j == n:
            break
        k = j
        while k < n and places[k][0] < hi:
            if places[k][1] <= hi:
                kept.add((lo, hi))
                break
            k += 1
    return [span for span in span_list if span in kept] if kept else []
