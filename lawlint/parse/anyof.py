"""Does any of a list of patterns match a line: one regex call instead of one per pattern.

The chrome step asks every block whether any of a dozen page-chrome patterns matches it; most
patterns are anchored at the line's start (「^(?:上一篇|下一篇)…」), so each try is one attempt at
the start, and the cost was the Python call per pattern and block. The anchored patterns of a list
are joined into one alternation tried at the start (``^`` dropped: a pattern whose first item is
``^`` matches somewhere exactly when its rest matches at the start), the others are asked one by
one. An alternation matches at a position exactly when one of its alternatives does, so the
answer is the same; a pattern the join could change (its own flags, back-references, a group
name another pattern uses) keeps its own call.
"""
from __future__ import annotations

import re

from ..rulepack import regexcache
from ..rulepack.patternread import top_alternatives

_FLAGS = regexcache.compile(r"\(\?[aiLmsux]+\)")        # global inline flags
_REFERS = regexcache.compile(r"\\\d|\(\?P=|\(\?\(")    # back-references, conditionals
_memo: dict = {}


def searcher(patterns):
    """``text -> bool``: ``any(p.search(text) for p in patterns)``."""
    return _get("search", patterns)


def matcher(patterns):
    """``text -> bool``: ``any(p.match(text) for p in patterns)``."""
    return _get("match", patterns)


def _get(how, patterns):
    key = (how, tuple((p.pattern, p.flags) for p in patterns))
    got = _memo.get(key)
    if got is None:
        got = _memo[key] = _build(how, list(patterns))
    return got


def alternatives(rx):
    """``text -> bool``: ``rx.search(text) is not None``, its top-level alternatives that open
    with ``^`` tried once, joined, at the start and the others searched joined, in a text holding
    one of the strings their matches hold when those are known (sre searching an
    alternation one of whose alternatives opens with ``^`` finds no first character to scan for:
    it tries every alternative at every position). A pattern with one alternative, or one the
    split could change (its own flags, back-references), is searched as it is."""
    key = ("split", rx.pattern, rx.flags)
    got = _memo.get(key)
    if got is None:
        got = _memo[key] = _split(rx)
    return got


def _split(rx):
    search = rx.search
    parts = top_alternatives(rx.pattern) or ()
    if len(parts) < 2 or rx.flags != re.UNICODE or _FLAGS.search(rx.pattern) or _REFERS.search(rx.pattern):
        return lambda text: search(text) is not None
    try:
        compiled = [regexcache.compile(p) for p in parts]
        start = [p.pattern[1:] for p in compiled if _anchored(p)]
        rest = [p.pattern for p in compiled if not _anchored(p)]
        at = regexcache.compile("|".join(f"(?:{a})" for a in start)).match if start else None
        anywhere = regexcache.compile("|".join(f"(?:{a})" for a in rest)).search if rest else None
    except re.error:                    # a group name used twice
        return lambda text: search(text) is not None
    needs = regexcache.required_literals("|".join(f"(?:{a})" for a in rest)) if rest else None
    if at is None or anywhere is None:
        one = at or anywhere
        return lambda text: one(text) is not None
    if needs is None:
        return lambda text: at(text) is not None or anywhere(text) is not None

    def test(text):
        # (the others are searched only in a text holding one of the strings each of their
        # matches holds: sre scanning them tries every position of a long paragraph)
        if at(text) is not None:
            return True
        for s in needs:
            if s in text:
                return anywhere(text) is not None
        return False
    return test




def _build(how, patterns):
    joined, alone = [], []
    for p in patterns:
        if p.flags != re.UNICODE or _FLAGS.search(p.pattern) or _REFERS.search(p.pattern):
            alone.append(p)
        elif how == "match":
            joined.append(p.pattern)
        elif _anchored(p):
            joined.append(p.pattern[1:])
        else:
            alone.append(p)
    start = None
    if len(joined) > 1:
        try:
            start = regexcache.compile("|".join(f"(?:{j})" for j in joined)).match
        except re.error:                 # a group name used twice: each its own call
            start = None
    if start is None:
        alone = list(patterns)
    tests = [p.search if how == "search" else p.match for p in alone]
    if start is not None:
        tests.insert(0, start)
    if len(tests) == 1:
        one = tests[0]
        return lambda text: one(text) is not None
    return lambda text: any(t(text) is not None for t in tests)


def _anchored(p) -> bool:
    """Is ``^`` (not multi-line) the pattern's first item, outside any alternation?"""
    if not p.pattern.startswith("^"):
        return False
    if p.flags == re.UNICODE and not _FLAGS.search(p.pattern) and _no_top_bar(p.pattern):
        return True                     # (no (?x), (?m), (?a), (?L): read as written)
    return _parsed_anchored(p)


def _no_top_bar(pattern: str) -> bool:
    """True when ``pattern`` surely has no ``|`` outside a group or class (then sre's parse of a
    pattern opening with ``^`` opens with that ``^``): read as sre reads escapes, classes and
    groups, without parsing it (a parse costs a start ≈0.3 M instructions a pattern). False when
    there is one, or a comment group (read differently), and sre's parser decides."""
    parts = top_alternatives(pattern)
    return parts is not None and len(parts) == 1


def _parsed_anchored(p) -> bool:
    try:
        from ..rulepack.sreparts import constants as c, parser
        first = parser.parse(p.pattern, p.flags)[0]
    except Exception:           # noqa: BLE001 - another Python's parser: not joined
        return False
    return first[0] is c.AT and first[1] is c.AT_BEGINNING
