"""One scan for several of a rule's patterns that sre scans by testing a class of first characters.

``content.vague_claim`` has two patterns that open with a class of many characters (「不断」「全面」
「进一步」… and 「多次」「大量」「一大批」…, a look-behind in front): sre tests each pattern's
class at every character of the part it scans (≈ 60–75 instructions a character under callgrind,
however few matches there are). The union of the patterns, ``(?:P1)|(?:P2)``, is one class test a
character (its INFO class is the union of theirs, :mod:`lawlint.rulepack.sreinfo`): on the seeds'
text it costs 2.50 M instructions where the two scans cost 0.97 + 2.35 M.

Why the matches are ``finditer``'s: the union matches at ``t`` (same string, same ``endpos``: a
look-behind, ``^`` and ``$`` see what they saw) exactly when one of the patterns does, so
searching it from ``t + 1`` after each place ``t`` it matched gives, in order, every position where
any of the patterns matches. Each pattern's ``match`` there (sre's ``search`` tries that
position so) is taken when it starts at or after the end of that pattern's last match taken:
``finditer``'s leftmost non-overlapping matches. Matches are never empty (a pattern with a class
in its INFO block cannot match ""; an empty one is checked, and the plain scan used).

Joined are patterns that open with a class of more than JOIN_MIN characters (or of unknown size:
one of a few is scanned by literal scans, :mod:`lawlint.rulepack.splitscan`, cheaper alone), two at
least, one of them known to be scanned by its class test (no window plan,
:mod:`lawlint.rulepack.windowscan`: the union's class test replaces its own, and the finds of the
others' literals; 「多次」… is found by seven ``str.find`` scans, ≈ 31 instructions a character);
none with a back-reference or a conditional (their group numbers move in the union), nor a union
that compiles without an INFO class or not at all.
"""
from __future__ import annotations

import re

from ..rulepack import regexcache, splitscan, windowscan

JOIN_MIN = 4        # first characters: a pattern with this many or fewer is split into literal scans, cheaper alone
MIN_RANGE = splitscan.MIN_RANGE
stats = {"joint": 0}                    # joint scans run, this process
_joinable: dict = {}                    # pattern -> may be joined, once a process (rule-pack data)
_unions: dict = {}                      # patterns -> (union's search, their matches) or None
_NUMBERED = re.compile(r"\\[1-9]|\(\?\(")


def joinable(pattern: str) -> bool:
    """Does ``pattern`` open with a class of many characters (and may it stand in a union)?"""
    got = _joinable.get(pattern)
    if got is None:
        code = regexcache.stored_code(pattern)
        if code is None:
            return False            # (not compiled yet: asked again)
        got = False
        if splitscan.may_split(code) and not _NUMBERED.search(pattern):
            chars = splitscan.first_chars(code)
            got = chars is None or len(chars) > JOIN_MIN
        _joinable[pattern] = got
    return got


def worth(patterns) -> bool | None:
    """May two or more of a rule's ``patterns`` be joined (asked once a rule: most have none)?
    None while one of them is not compiled yet."""
    for rx in patterns:
        if regexcache.stored_code(rx.pattern) is None:
            return None
    return sum(joinable(rx.pattern) for rx in patterns) > 1


def _class_scanned(pattern: str) -> bool:
    """Is ``pattern`` known to be scanned by its class test (no window plan)?"""
    return windowscan.known_without(pattern)


def _union(patterns: tuple):
    if patterns not in _unions:
        _unions[patterns] = None
        union = "|".join(f"(?:{p})" for p in patterns)
        try:
            rx = regexcache.compile(union)
        except (re.error, OverflowError, RecursionError):
            return None
        if splitscan.may_split(regexcache.stored_code(union)):
            _unions[patterns] = (rx.search, [regexcache.compile(p).match for p in patterns])
    return _unions[patterns]


def scan(patterns, text: str, lo: int, hi: int) -> dict:
    """``{i: list(patterns[i].finditer(text, lo, hi))}`` for the joinable ones of ``patterns``
    (LazyPatterns), found by one scan of their union; ``{}`` when fewer than two are joinable."""
    picked = [i for i, rx in enumerate(patterns) if joinable(rx.pattern)]
    if len(picked) < 2 or not any(_class_scanned(patterns[i].pattern) for i in picked):
        return {}
    got = _union(tuple(patterns[i].pattern for i in picked))
    if got is None:
        return {}
    search, matchers = got
    out: list = [[] for _ in picked]
    ends = [lo] * len(picked)
    m = search(text, lo, hi)
    while m is not None:
        t = m.start()
        for k, match in enumerate(matchers):
            if t >= ends[k]:
                one = match(text, t, hi)
                if one is not None:
                    if one.end() <= t:
                        return {}           # (an empty match: finditer's steps differ)
                    out[k].append(one)
                    ends[k] = one.end()
        m = search(text, t + 1, hi)
    stats["joint"] += 1
    return dict(zip(picked, out))
