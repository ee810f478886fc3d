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
