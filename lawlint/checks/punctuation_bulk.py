"""punct.halfwidth's findings in bulk: what :func:`lawlint.checks.punctuation.check`'s scan finds,
with the common mark decided for all of them at once rather than one by one.

A report saved through NFKC has hundreds of half-width marks, nearly all written right after a
Chinese character and followed by no space: such a mark is a finding of itself alone (the scan's
short way, see ``punctuation._others``). Here the marks of each kind are taken from
:func:`lawlint.checks.places.of` (once per report), the character before each read into one
string and tested by one search for a character that is not Chinese context, and the marks the
short way may not take (the character before not Chinese, a space after, a block's first
character, a heading's numbering token, the text's last character) are judged one by one as the
scan judges them (``punctuation._judge``). The rest become findings in C loops (``zip``/``map``):
≈ 2.5 k instructions a mark where the scan took ≈ 7 k.

:func:`items` returns None where the short way's premise fails for the rule's marks (a digit, a
space or a Chinese character among them, a quote that is also a mark) or where the scan reads more
than the mark's neighbours (a web or e-mail address in the text): the scan then runs as it is.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import attrgetter, itemgetter
import re

from ..chars import CJK_CONTEXT_RE, MARK_SPACES
from ..parse.blocks import BODY_KINDS
from ..rulepack import regexcache
from . import places

_PLUS_ONE = (1).__add__
_MINUS_ONE = (-1).__add__
_START = attrgetter("start")
# A character that is not Chinese context: CJK_CONTEXT_RE's class, negated.
_OTHER = regexcache.compile("[^" + CJK_CONTEXT_RE.pattern[1:-1] + "]") \
    if CJK_CONTEXT_RE.pattern.startswith("[") and CJK_CONTEXT_RE.pattern.endswith("]") \
    and "[" not in CJK_CONTEXT_RE.pattern[1:-1] else None
_fits: dict = {}                # (marks, quotes) -> may the bulk way run (rule-pack data)

SCAN = 120      # a mark more often than once in SCAN characters: scanned for (≈ 8 a character), not read (≈ 1.4 k each)
TAKEN = [0]                     # reports whose findings were made here (tests: the way is taken)


def applies(marks: dict, quotes: dict, cjk) -> bool:
    """Does the short way's premise hold for these marks (once per rule pack)?"""
    key = (tuple(marks), tuple(quotes))
    got = _fits.get(key)
    if got is None:
        got = _fits[key] = _OTHER is not None and not any(
            ch.isdigit() or cjk(ch) or ch in MARK_SPACES or ch == "\n" or ch in quotes for ch in marks)
    return got


def items(doc, text, blocks, p, tokens, filled, judge, quote_items, cjk):
    """The (start, end, fields, replacement, weight) of every finding, in the scan's order, or None
    (the scan must run). ``tokens()``: the places of the headings' numbering tokens (a set, new
    on each call); ``judge(i, lo, hi)``: the end of the finding of the mark at ``i`` in the
    block [lo, hi), or None (the scan's long way); ``quote_items(lo, hi)``: the straight quotes'
    findings of a block, as the scan makes them (weight to be set here)."""
    marks, quotes = p.marks, p.quotes
    if not applies(marks, quotes, cjk) or "@" in text or ("/" in text and "://" in text) \
            or ("w" in text and "www." in text):       # (one character first: memchr's speed)
        return None
    lo, hi = blocks[0].start, blocks[-1].end
    per = []                    # (mark, its places in the body blocks)
    for ch in marks:
        at = places.of(doc, ch)
        if at:
            a, b = bisect_left(at, lo), bisect_left(at, hi)
            if a < b:
                per.append((ch, at[a:b]))
    quoted = [q for q in quotes if q in text]
    if not per and not quoted:
        return []
    starts = list(map(_START, blocks))
    if per and blocks[-1].index - blocks[0].index + 1 != len(blocks):
        per = _in_body(doc, blocks, per, lo, hi)
    # the marks the short way may not take
    token = tokens()
    bad = set(token)
    bad.update(starts)
    bad.add(len(text) - 1)
    for sp in MARK_SPACES:
        bad.update(map(_MINUS_ONE, places.of(doc, sp)))
    once = p.once_per_mark
    zero = 0 if once else None
    fast, slow = [], []         # (mark, places taken the short way); (place, end, mark) judged
    getch = text.__getitem__
    for ch, at in per:
        hits = bad.intersection(at)
        if len(at) * SCAN > hi - lo:        # many: sre finds those after no Chinese (or before a space)
            hits.update(map(_OPEN, _odd(ch).finditer(text, lo, hi)))
        else:                               # few: the characters before them, read in one string
            before = "".join(map(getch, map(_MINUS_ONE, at)))
            for m in _OTHER.finditer(before):
                hits.add(at[m.start()])
        if hits:
            keep, k = [], 0
            for i in sorted(hits):
                j = bisect_left(at, i, k)
                keep += at[k:j]
                k = j + 1
                if i in token:
                    continue
                b = bisect_right(starts, i) - 1
                end = judge(i, starts[b], blocks[b].end)
                if end is not None:
                    slow.append((i, end, ch))
            at = keep + at[k:]
        if at:
            fast.append((ch, at))
    # with once_per_mark, the first finding of each kind (the two brackets one) costs points
    first: dict = {}
    if once:
        for ch, at in fast:
            kind = "()" if ch in "()" else ch
            if first.get(kind, at[0] + 1) > at[0]:
                first[kind] = at[0]
        for i, _, ch in slow:
            kind = "()" if ch in "()" else ch
            if first.get(kind, i + 1) > i:
                first[kind] = i
    slow.sort()                 # (found mark by mark: in text order once sorted)
    out = []
    for ch, at in fast:
        fields, full = filled[ch], marks[ch]
        got = list(zip(at, map(_PLUS_ONE, at), repeat(fields), repeat(full), repeat(zero)))
        if once and first["()" if ch in "()" else ch] == at[0]:
            got[0] = (at[0], at[0] + 1, fields, full, None)
        out += got
    for i, end, ch in slow:
        out.append((i, end, filled[ch], marks[ch],
                    None if once and first["()" if ch in "()" else ch] == i else zero))
    if len(fast) + (1 if slow else 0) > 1:
        out.sort(key=_at)
    if quoted:
        out = _with_quotes(doc, blocks, starts, out, quoted, quote_items, once)
    TAKEN[0] += 1
    return out


_at = itemgetter(0)
_OPEN = re.Match.start
_odd_of: dict = {}              # mark -> its search (rule-pack data)


def _odd(ch):
    """A search for ``ch`` after a character that is not Chinese context, or before a space (the
    literal first: sre skips to each ``ch`` in a tight loop, ≈ 6 instructions a character)."""
    rx = _odd_of.get(ch)
    if rx is None:
        c = re.escape(ch)
        rx = _odd_of[ch] = regexcache.compile(
            f"{c}(?:(?<!{CJK_CONTEXT_RE.pattern}{c})|(?=[{re.escape(MARK_SPACES)}]))")
    return rx


def _in_body(doc, blocks, per, lo, hi):
    """``per`` without the marks of the blocks between the body blocks that are not body (a page
    number, a chrome line): the scan never looks at them."""
    outside = [(b.start, b.end) for b in doc.blocks
               if lo <= b.start < hi and b.kind not in BODY_KINDS]
    out = []
    for ch, at in per:
        for s, e in outside:
            a, b = bisect_left(at, s), bisect_left(at, e)
            if a < b:
                at = at[:a] + at[b:]
        if at:
            out.append((ch, at))
    return out


def _with_quotes(doc, blocks, starts, out, quoted, quote_items, once):
    """The straight quotes' findings put where the scan puts them: after the marks of their
    block, in the order of ``quoted``; with once_per_mark the first of each quote costs points."""
    at = list(map(_at, out))
    lo, hi = blocks[0].start, blocks[-1].end
    where: dict = {}            # block number -> its quotes' findings
    for q in quoted:
        for i in places.of(doc, q):
            if lo <= i < hi:
                b = bisect_right(starts, i) - 1
                if i < blocks[b].end:
                    where[b] = None
    scored = set()
    for b in sorted(where):
        got = []
        for q in quoted:
            for item in quote_items(q, blocks[b].start, blocks[b].end):
                got.append(item[:4] + ((0 if q in scored else None) if once else None,))
                scored.add(q)
        where[b] = got
    for b in sorted(where, reverse=True):
        k = bisect_left(at, blocks[b].end)
        out[k:k] = where[b]
    return out

