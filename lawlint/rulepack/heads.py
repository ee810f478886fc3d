"""The characters a pattern's matches open with, two by two, as data.

:func:`pairs` reads the parsed pattern and returns, for its first two characters, the characters
each may be: every match of 「([，,、；;：:])\\1+」 begins with two equal marks of that class, every
match of 「[、，,][，,、]」 with one of 、，, and then one of ，,、. A rule whose patterns all open so
(punctuation that must not stand twice in a row) can match nowhere that no such pair stands, and a
pair of marks is rare where each mark alone is not: lawlint.checks.existence looks for the pairs
with one literal-led scan per first character before scanning each pattern over the report.

The sets may hold more than the pattern takes, never less (a look-around is skipped, a back
reference to a group of one character takes that group's class). Where a match could be shorter
than two characters, or a character is not one of a small class (``.``, ``\\d``, a negated class,
case-insensitive matching), there is no answer: ``()``.
"""
from __future__ import annotations

from .literals import class_chars

MAX_CLASS = 16          # a wider class than this at either place: no answer (a gate would not be rare)
_STEPS = 400            # items read in all: nested optional repeats cannot make the reading run away


def pairs(pattern: str, flags: int = 0) -> tuple:
    """``(first, second)``: strings of the characters the first and the second character of every
    match of ``pattern`` may be (sorted), or ``()`` when that cannot be told."""
    try:
        from .sreparts import constants as c, parser as _parser

        parsed = _parser.parse(pattern, flags)
        if (flags | parsed.state.flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return ()
        got = _heads(list(parsed), 2, c, {}, [_STEPS])
    except Exception:           # noqa: BLE001 - another Python's parser, or an odd pattern
        return ()
    if got is None:
        return ()
    return tuple("".join(sorted(s)) for s in got)


def _heads(items, k, c, groups, budget):
    """The sets of the first ``k`` characters every match of the sequence ``items`` opens with
    (a list of ``k`` sets), or None. ``budget``: [items still to read]."""
    if k == 0:
        return []
    budget[0] -= 1
    if not items or budget[0] < 0:
        return None                 # a match may end before its k-th character (or too much to read)
    op, av = items[0]
    rest = items[1:]
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return _heads(rest, k, c, groups, budget)
    if op is c.LITERAL:
        one = {chr(av)}
    elif op is c.IN:
        one = class_chars(av, c, MAX_CLASS)
        if one is None or len(one) > MAX_CLASS:
            return None
    elif op is c.GROUPREF:
        one = groups.get(av)
        if one is None:
            return None
    elif op is c.SUBPATTERN:
        group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
            return None
        sub = list(sub)
        if group is not None and len(sub) == 1 and sub[0][0] in (c.LITERAL, c.IN):
            single = _heads(sub, 1, c, {}, budget)           # a group of one character: what
            if single is not None:                          # a reference to it repeats
                groups[group] = single[0]
        return _heads(sub + rest, k, c, groups, budget)
    elif op is getattr(c, "ATOMIC_GROUP", None):
        return _heads(list(av) + rest, k, c, groups, budget)
    elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        if hi == 0:
            return _heads(rest, k, c, groups, budget)
        more = [] if hi == 1 else [(op, (max(lo - 1, 0), hi if hi >= c.MAXREPEAT else hi - 1, sub))]
        taken = _heads(list(sub) + more + rest, k, c, groups, budget)
        if lo >= 1:
            return taken
        return _union(taken, _heads(rest, k, c, groups, budget))
    elif op is c.BRANCH:
        got = _heads(list(av[1][0]) + rest, k, c, groups, budget)
        for alt in av[1][1:]:
            got = _union(got, _heads(list(alt) + rest, k, c, groups, budget))
        return got
    else:                           # ANY, NOT_LITERAL, a category, a conditional …
        return None
    tail = _heads(rest, k - 1, c, groups, budget)
    return None if tail is None else [one] + tail


def _union(a, b):
    if a is None or b is None:
        return None
    out = [x | y for x, y in zip(a, b)]
    return None if any(len(s) > MAX_CLASS for s in out) else out
