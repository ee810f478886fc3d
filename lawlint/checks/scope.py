"""Where a text check looks: shared by the pattern-based check types (not itself a check type).

A scope names a part of the document: ``body`` (the report's own paragraphs and headings),
``title``, ``document`` (everything except web-page chrome), ``chrome`` (the residue of a saved
web page), or a section id (``shortcomings``, ``plans`` … its text as the section rules found it).
Each piece is a ``(start, end)`` span of ``ctx.doc.text`` that never crosses a line, so findings
keep exact offsets.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..chars import CLOSERS, FULL_STOPS, SENTENCE_ENDS, SENTENCE_STOPS, WHITESPACE  # noqa: F401 - FULL_STOPS for sentence_at callers
from ..parse.document import split_sentences
from ..rulepack import regexcache
from ..rulepack.literals import holding  # noqa: F401 - the checks ask it as scope.holding
from ..vocabulary import SECTION_IDS
from .places import occurrences, of

SCOPES = ["body", "title", "document", "chrome", *SECTION_IDS]
SCOPE_SCHEMA = {"enum": SCOPES, "description": "检查范围：body 正文、title 标题、document 全文（不含网页残留）、"
                                                "chrome 网页残留，或某一部分的编号（如 shortcomings、plans）"}


def _once(ctx, build, scope: str) -> tuple[tuple[int, int], ...]:
    """``build(ctx, scope)`` computed once per report (dozens of rules ask for the same)."""
    memo = ctx.cache.setdefault(build.__name__, {})
    got = memo.get(scope)
    if got is None:
        got = memo[scope] = tuple(build(ctx, scope))
    return got


def spans(ctx, scope: str) -> tuple[tuple[int, int], ...]:
    """The pieces of ``scope``."""
    return _once(ctx, _spans, scope)


def _spans(ctx, scope: str) -> list[tuple[int, int]]:
    doc = ctx.doc
    if scope == "body":
        return [(b.start, b.end) for b in doc.body_blocks]
    if scope == "title":
        return [(b.start, b.end) for b in doc.blocks if b.kind == "title"]
    if scope == "document":
        return [(b.start, b.end) for b in doc.blocks if b.kind not in ("chrome", "page")]
    if scope == "chrome":
        return [(b.start, b.end) for b in doc.blocks if b.kind == "chrome"]
    verdict = ctx.section(scope)
    if verdict.status == "absent":
        return []
    # block by block, each block's regions in order; found by bisection (a part of 2,500 work-area
    # headings has as many regions: blocks × regions was quadratic)
    blocks = doc.body_blocks
    found = []
    for k, (s, e) in enumerate(verdict.regions):
        for i in range(*_overlapping(doc, s, e)):
            b = blocks[i]
            lo, hi = max(s, b.start), min(e, b.end)
            if lo < hi:
                found.append((i, k, lo, hi))
    found.sort()
    return [(lo, hi) for _, _, lo, hi in found]


def _overlapping(doc, s: int, e: int) -> tuple[int, int]:
    """The range of indexes of the body blocks that overlap [s, e) (blocks are in text order and
    do not overlap: their starts and their ends both increase)."""
    blocks, starts = doc._body_index
    ends = doc.derived("body_ends", lambda: [b.end for b in blocks])
    return bisect_right(ends, s), bisect_left(starts, e)


def body_spans(ctx, scope: str) -> tuple[tuple[int, int], ...]:
    """Like :func:`spans`, but without the heading line that opens a section (its running text)."""
    if scope not in SECTION_IDS:
        return spans(ctx, scope)
    return _once(ctx, _body_spans, scope)


def _body_spans(ctx, scope: str) -> list[tuple[int, int]]:
    doc = ctx.doc
    verdict = ctx.section(scope)
    if verdict.status == "absent":
        return []
    out, blocks = [], doc.body_blocks
    for s, e in verdict.regions:
        for i in range(*_overlapping(doc, s, e)):
            b = blocks[i]
            lo, hi = max(s, b.start), min(e, b.end)
            if lo >= hi:
                continue
            if b.start == s and b.heading is not None:
                if not b.heading.run_in:
                    continue
                lo = max(lo, b.body_start)
            if lo < hi:
                out.append((lo, hi))
    return out


def sentences(ctx, span_list):
    """Sentences of each span, split once per document and span (many rules ask for the same)."""
    memo = ctx.cache.setdefault("sentences", {})
    text = ctx.doc.text
    for s, e in span_list:
        if (s, e) not in memo:
            memo[(s, e)] = split_sentences(text[s:e], s)
        yield from memo[(s, e)]


_ENDS = SENTENCE_ENDS + "\n"          # what split_sentences cuts after (an end and the closers after it)
_END = regexcache.compile(f"[{re.escape(_ENDS)}][{re.escape(CLOSERS)}]*")
_STRIP = WHITESPACE + "\n"
_END_CHAR = regexcache.compile(f"[{re.escape(_ENDS)}]")     # (no end is a closer: an end starts a match of _END)
_CLOSING = regexcache.compile(f"[{re.escape(CLOSERS)}]*")


def sentences_holding(text: str, span_list, words):
    """The sentences of :func:`sentences` (``split_sentences`` of each span) that hold one of
    ``words``, each once, in order, as (start, text): each is found around its word (the last
    end before it, looked for in the reversed stretch, with the closers after that end; the
    first end after it), cut and stripped, and no other sentence of the span is looked at (a
    rule that reads only those). None when a word may be cut by an end (it holds an end, a
    closer or a character stripped): then split the spans."""
    if any(c in _ENDS or c in CLOSERS or c in _STRIP for w in words for c in w):
        return None
    places = Places(text, words)
    starts, spans = places.starts, places.spans
    out = []
    for s, e in span_list:
        j, taken = bisect_left(starts, s), -1
        while j < len(starts) and starts[j] < e:
            q, qe = spans[j]
            j += 1
            if qe > e or q < taken:
                continue        # (not whole in the span; in the sentence just taken)
            back = _END_CHAR.search(text[q - 1:s - 1 if s else None:-1]) if q > s else None
            lo = s if back is None else _CLOSING.match(text, q - back.start(), q).end()
            ahead = _END.search(text, q, e)
            hi = taken = ahead.end() if ahead else e
            seg = text[lo:hi]
            body = seg.strip(_STRIP)
            out.append((lo + len(seg) - len(seg.lstrip(_STRIP)), body))
    return out


def holders(text: str, rx, span_list):
    """The set of spans of ``span_list`` where pattern ``rx`` can match, by the literals it cannot
    match without (:func:`holding`); None when it has none (every span)."""
    needed = regexcache.required_literals(rx.pattern)
    return set(holding(text, needed, span_list)) if needed else None


_MANY_PLACES = 48       # more places of a pattern's strings than this: every span (as holding does)
_NEEDED: dict = {}      # pattern -> the strings it cannot match without, or () (once a process)


def where(ctx, rx, span_list, present=None, starts=None):
    """:func:`holders` (the spans of ``span_list`` where pattern ``rx`` can match, None for every
    span) from the places of its strings (found once a report and shared by the rules asking:
    ``starts(s)`` when it knows them, as :func:`lawlint.checks.termscan.starts` does, else
    :func:`places.of`) and a bisection among the spans: no ``find`` per string and rule, no walk
    of every span. ``present``: the words the report holds, when known (the others are skipped)."""
    pattern = rx.pattern
    needed = _NEEDED.get(pattern)
    if needed is None:
        needed = _NEEDED[pattern] = regexcache.required_literals(pattern) or ()
    if not needed:
        return None
    index = _index(ctx, span_list)
    if index is None:                           # (spans out of order or overlapping: as before)
        return set(holding(ctx.doc.text, needed, span_list))
    starts_of, ends = index
    doc, out, count = ctx.doc, set(), 0
    for s in needed:
        if present is not None and s not in present:
            continue
        at = starts(s) if starts is not None else None
        if at is None:
            at = of(doc, s)
        count += len(at)
        if count > _MANY_PLACES:
            return None
        n = len(s)
        for a in at:
            i = bisect_right(starts_of, a) - 1
            if i >= 0 and a + n <= ends[i]:
                out.add(span_list[i])
    return out


def _index(ctx, span_list):
    """(the spans' starts, their ends) when they are in text order and do not overlap, else None:
    once a report per list of spans (:func:`spans` gives each scope's list once)."""
    memo = ctx.cache.setdefault("scope.index", {})
    got = memo.get(id(span_list))
    if got is None or got[0] is not span_list:
        flat = [x for span in span_list for x in span]
        got = memo[id(span_list)] = (span_list, (flat[0::2], flat[1::2]) if flat == sorted(flat) else None)
    return got[1]


def able(text: str, rx, span_list) -> list:
    """The spans of ``span_list`` (in its order) where pattern ``rx`` can match: :func:`holders`
    as a list, every span when it needs no literal."""
    needed = regexcache.required_literals(rx.pattern)
    return holding(text, needed, span_list) if needed else list(span_list)


class Places:
    """Where any of ``words`` stands in ``text`` (every occurrence, overlapping ones too), found
    once; whether one lies whole in a range is then a bisection, not a find per word and range
    (rules ask it for every paragraph and sentence)."""

    __slots__ = ("spans", "starts")

    def __init__(self, text: str, words):
        found = [(i, i + len(w)) for w in words for i in occurrences(text, w)]
        found.sort()
        self.spans = found
        self.starts = [a for a, _ in found]

    def __bool__(self):
        return bool(self.spans)

    def within(self, lo: int, hi: int) -> bool:
        """Does one of the places lie whole in [lo, hi)?"""
        starts, spans = self.starts, self.spans
        j, n = bisect_left(starts, lo), len(starts)
        while j < n and starts[j] < hi:
            if spans[j][1] <= hi:
                return True
            j += 1
        return False


def joined(ctx, span_list) -> str:
    return "\n".join(ctx.doc.text[s:e] for s, e in span_list)


_OPEN, _CLOSE = "《〈", "》〉"


def in_title_marks(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside 《…》 (a document or law title) on its line?"""
    line_start = text.rfind("\n", 0, start) + 1
    last = text.rfind("《", line_start, start)
    if last < 0:                # (no 《 before it on its line: the depth never rises)
        return False
    if text.find("》", last, start) >= 0:   # (else the last 《 is open: the depth is above 0)
        depth = 0               # the marks alone walked (a line is a paragraph: ≈ 40 per character)
        for m in _MARKS.finditer(text, line_start, start):
            if m.group() == "《":
                depth += 1
            elif depth:
                depth -= 1
        if depth <= 0:
            return False
    line_end = text.find("\n", end)
    return "》" in text[end:line_end if line_end >= 0 else len(text)]


_MARKS = regexcache.compile("[《》]")
_STOPS = SENTENCE_STOPS
_SENTENCE_MAX = 1000          # longer "sentences" are cut: a sentence_at call stays O(1)
_NEAR = 64                    # the stretch before a place looked at first (most sentences start in it)
_FINDERS: dict = {}           # stops -> (the last stop of a stretch, the first), compiled once


def sentence_at(text: str, start: int, end: int, stops: str = _STOPS) -> tuple[int, int]:
    """The sentence (ending in 。！？； or a line break; ``stops`` to choose) around text[start:end].
    Two regex calls, not a ``find`` per stop each way (≈ 2,000 instructions a call): the last stop
    before ``start`` (looked for ``_NEAR`` characters back, then four times as far …, up to
    ``_SENTENCE_MAX``: the last in a stretch is the last there is) and the first after ``end``."""
    finders = _FINDERS.get(stops)
    if finders is None:
        cls = "[" + re.escape(stops) + "]"
        finders = _FINDERS[stops] = (regexcache.compile(f"(?s:.*){cls}"), regexcache.compile(cls))
    last, first = finders
    floor = max(0, start - _SENTENCE_MAX)        # bounded: an absent mark must not scan the text
    step = _NEAR
    while True:
        w = max(floor, start - step)
        m = last.match(text, w, start)
        if m is not None:
            lo = m.end()
            break
        if w == floor:
            lo = floor
            break
        step *= 4
    hi = min(len(text), end + _SENTENCE_MAX)
    m = first.search(text, end, hi)
    return lo, (m.end() if m is not None else hi)
