"""One look for the character pairs a rule's patterns all open with, before scanning each of them.

A rule such as ``punct.repeated`` has several patterns that each open with two marks from small
classes (「([，,、；;：:])\\1+」, 「[、，,][，,、]」, 「[，,；;、][。]」 …: :mod:`lawlint.rulepack.heads`).
Scanning a report for each costs sre a class test at every character (≈ 60–90 instructions), or a
scan per first character; yet none can match where no such pair stands, and marks stand in pairs
rarely. The *gate* of the rule is, for each character ``a`` any of its patterns may open with, the
pattern ``a[B]`` (``B``: every character a pattern opening with ``a`` may take next): sre finds
that literal ``a`` in a tight loop, and ``a in text`` (memchr) skips an ``a`` the report lacks.
Where no gate pattern matches, no pattern of the rule can; elsewhere the patterns are scanned
as before. A rule gets a gate only when its few first characters cost less to look for than its
patterns' own scans (each estimated from its compiled code).
"""
from __future__ import annotations

import re

from . import regexcache, splitscan

GATE_MAX = 8            # first characters: a scan each (≈ 5 instructions a character when present)
_CLASS_SCAN = 12        # what a scan testing a class at every character costs, in literal scans
_gates: dict = {}       # the patterns of a rule -> its gate or None, this process
stats = {"shut": 0, "open": 0}      # gate looks that found no pair / a pair, this process


def gate(patterns):
    """The gate of a rule's ``patterns`` (LazyPatterns or re.Patterns): ``((a, search), …)``, or
    None when one of them opens with no known pair of marks or the looks would not pay."""
    key = tuple(p.pattern for p in patterns)
    got = _gates.get(key, False)
    if got is False:
        got = _gates[key] = _build(patterns)
    return got


def _build(patterns):
    follow: dict = {}
    cost = 0
    for p in patterns:
        pair = regexcache.pairs_of(p.pattern)
        if not pair:
            return None
        first, second = pair
        if any(ch.isalnum() for ch in first + second):
            return None         # a letter, a digit or a hanzi: pairs of them are common
        for a in first:
            follow.setdefault(a, set()).update(second)
        cost += _scan_cost(p)
    if len(follow) > GATE_MAX or 2 * len(follow) > cost:
        return None
    return tuple((a, regexcache.compile(re.escape(a) + "[" + "".join(map(re.escape, sorted(b))) + "]").search)
                 for a, b in sorted(follow.items()))


def _scan_cost(p) -> int:
    """The scans, in literal scans, sre spends on pattern ``p`` over a long text (1 when unknown:
    then the gate has to pay for itself against less)."""
    compiled = getattr(p, "compiled", None)
    if compiled is not None:
        compiled()
    code = regexcache.stored_code(p.pattern)
    if code is None or splitscan.prefixed(code):
        return 1
    chars = splitscan.first_chars(code)       # a scan per character, or a class test everywhere
    return len(chars) if chars else _CLASS_SCAN


def shut(got, text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] hold no pair of gate ``got`` (so no pattern of the rule matches there)?"""
    for a, search in got:
        if a in text and search(text, lo, hi) is not None:
            stats["open"] += 1
            return False
    stats["shut"] += 1
    return True
