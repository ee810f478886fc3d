"""Which blocks may a pattern tried at their start match: told from their first characters.

The chrome step asks every block whether one of some twenty page-chrome patterns matches at its
start (「^(?:上一篇|下一篇)…」, page numbers, font-size bars); nearly every block of a report is
running text none of them matches, and trying each pattern (alone or joined) at each block's
start cost more than the rest of the step. A match at a block's start begins with the block's
first character, which is one of the characters the pattern's first item may take
(:func:`lawlint.rulepack.regexcache.first_class`, kept across processes): :func:`starts` finds the
blocks whose first character is in the union of those classes with one ``finditer`` of
``\\n(?=[…])`` over the blocks joined one a line (a ``\\n`` before it: sre tries it only where a
``\\n`` stands). A pattern whose first character cannot be told (a negated class, a repeat that
may take nothing) names the blocks holding the literals each of its matches holds
(:func:`lawlint.rulepack.literals.required`); one with neither makes :func:`starts` answer None,
"every block". The blocks found hold every block a pattern matches at its start, and perhaps
more: the caller asks those as before, by their own text.
"""
from __future__ import annotations

import re
from itertools import compress

from ..rulepack import regexcache
from ..rulepack.literals import holding
from .anyof import _anchored

_memo: dict = {}


def scanner(matched, searched=(), also: str = ""):
    """``(scan, literals)`` for ``matched`` (patterns tried with ``match``) and ``searched`` (with
    ``search``: each must open with ``^``): the compiled scan of the first characters (or None),
    and the sets of literals of the patterns told by those; once a process. None when a pattern
    can be told by neither (then every block is to be asked). A block opening with one of the
    characters ``also`` is found too."""
    key = (tuple((p.pattern, p.flags) for p in matched), tuple((p.pattern, p.flags) for p in searched), also)
    if key not in _memo:
        _memo[key] = _build(matched, searched, also)
    return _memo[key]


def _build(matched, searched, also):
    if not all(_anchored(p) for p in searched):
        return None                     # (searched anywhere in the block: no start to tell by)
    classes, literals = [], []
    for p in (*matched, *searched):
        src = regexcache.first_class(p.pattern) if p.flags == re.UNICODE else None
        if src is not None and src.startswith("[") and not src.startswith("[^"):
            classes.append(src[1:-1])
            continue
        needed = regexcache.required_literals(p.pattern) if p.flags == re.UNICODE else None
        if needed is None:
            return None
        literals.append(needed)
    if also:
        classes.append("".join(re.escape(c) for c in also))
    scan = regexcache.compile("\\n(?=[" + "".join(classes) + "])") if classes else None
    return scan, tuple(literals)


def starts(plan, hay: str, spans) -> set | None:
    """The positions (in ``spans``, the blocks' (start, end) in ``hay``, the blocks joined one a
    line) of the blocks a pattern of ``plan`` (:func:`scanner`) may match at the start of; None
    when there is no plan."""
    if plan is None:
        return None
    scan, literals = plan
    found: set = set()
    at = {s: i for i, (s, _) in enumerate(spans)}      # block position by its start in hay
    get = at.get
    if scan is not None:
        # (a ``\n`` at k in hay: the block starting at k + 1; the first block is told by the scan
        # of its first character after a ``\n``, not by a copy of hay behind one)
        found = {get(m.start() + 1) for m in scan.finditer(hay)}
        if hay and scan.match("\n" + hay[0]):
            found.add(get(0))
        found.discard(None)             # (a line inside a Markdown block)
    for needed in literals:             # (the blocks joined one a line: no two start together)
        found.update(at[s] for s, _ in holding(hay, needed, spans))
    return found


def opening(plan, blocks, hay: str, spans, may=None, index=None) -> set | None:
    """:func:`starts`, each block told by its own first character (a memo per character and
    scan: no scan of ``hay``); ``spans``: the blocks' (start, end) in ``hay``, one per block, in
    order (``hay`` may be the text the blocks were cut from). ``may``: the :func:`grouped` memo
    of the same patterns, when there is one (its bits, looked up in C, tell the first
    characters); ``index``: each span's position, when the caller has it."""
    if plan is None:
        return None
    scan, literals = plan
    found: set = set()
    if may is not None:                 # (a character some group takes: a bit set)
        firsts = [b.text[:1] for b in blocks]
        found = set(compress(range(len(firsts)), map(may.__getitem__, firsts)))
    elif scan is not None:
        takes = _takers.get(scan)
        if takes is None:
            takes = _takers[scan] = {}
        for i, b in enumerate(blocks):
            text = b.text
            first = text[:1]            # ('' for an empty block: asked, as a superset may be)
            took = takes.get(first)
            if took is None:
                took = takes[first] = not first or scan.match("\n" + first) is not None
            if took:
                found.add(i)
    if literals:
        at = index if index is not None else {s: i for i, s in enumerate(spans)}
        for needed in literals:
            found.update(at[s] for s in holding(hay, needed, spans))
    return found


_takers: dict = {}      # scan → {first character: does the scan take it}


def grouped(groups, also: str = ""):
    """``text -> int``: bit k set when a pattern of ``groups[k]`` (a pair: patterns tried with
    ``match``, patterns opening with ``^`` tried with ``search``) may match ``text`` at its start:
    its first character is one the group's first classes take (remembered per character), or
    the text holds the literals of a pattern of it told by those. A superset: the caller asks
    the group's patterns as before where its bit is set. None when a group cannot be told
    (:func:`scanner`). A text opening with one of ``also`` (or empty) has every bit set."""
    key = tuple((tuple((p.pattern, p.flags) for p in m), tuple((p.pattern, p.flags) for p in s))
                for m, s in groups) + (also,)
    if key not in _memo:
        plans = [_build(m, s, "") for m, s in groups]
        _memo[key] = None if None in plans else _Grouped(plans, also)
    return _memo[key]


class _Grouped(dict):
    """First character → the groups whose first classes take it (filled on first use)."""

    def __init__(self, plans, also):
        super().__init__()
        self.scans = [scan for scan, _ in plans]
        self.also = also
        self.every = (1 << len(plans)) - 1
        self.told = [(1 << k, tuple(s for needed in literals for s in needed))
                     for k, (_, literals) in enumerate(plans) if literals]

    def __missing__(self, first):
        if not first or first in self.also:
            m = self.every
        else:
            m = 0
            for k, scan in enumerate(self.scans):
                if scan is not None and scan.match("\n" + first) is not None:
                    m |= 1 << k
        self[first] = m
        return m

    def __call__(self, text: str) -> int:
        m = self[text[:1]]
        for bit, strings in self.told:
            if not m & bit:
                for s in strings:
                    if s in text:
                        m |= bit
                        break
        return m
