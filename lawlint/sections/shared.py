"""What the part detectors of one document share, worked out once per document (and what depends
only on the rule pack, once per rule pack).

:func:`lawlint.sections.detect.locate` runs nine detectors over one document, and each asked the
same questions again: the sections another part's frame leaves out (``not_within``), the blocks
in what remains, the run-in 「一是……」 items of every paragraph, and, pattern by pattern, whether
the document holds the literals a pattern cannot match without (a Python call each, about fifty
a report, most of them on a short report about patterns it cannot hold). Here each is answered
once: the literals of every pattern a detector asks about are read once per pattern list (they
depend only on the rule pack), the document is asked once per literal, and a pattern list is
*live* where one of its patterns may match (:func:`lawlint.sections.livepatterns.live` gives the
same lists, a pattern at a time).

A pattern is taken as possibly matching wherever its literals cannot tell (none required, or one
holding a newline, which the titles are joined with): leaving a pattern in never changes an answer,
only leaving one out could.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..rulepack.regexcache import required_literals
from . import evidence, titles
from .pieces import contextfree, matching

stats = {"shared": 0, "dead_titles": 0, "skipped": 0, "read": 0, "unscored": 0,
         "item_titles": 0, "item_merged": 0, "bounded": 0}    # (tests: the fast paths are taken)

_LITERALS: dict = {}      # (id(pattern list), most) -> (the list, its table)
_FEW_LITERALS = 8         # a pattern with no more literals is searched only in blocks holding one
_TITLES_MOST = 24         # titles are short: a pattern's many alternatives are looked for there


def literals(patterns, most=None) -> tuple:
    """``(((pattern, its required literals or None), ...), every literal of them or None)`` for
    a rule's pattern list (which lives as long as the rule pack: the answer is remembered for
    it, never for a text). The second is None when a pattern requires none."""
    got = _LITERALS.get((id(patterns), most))
    if got is None or got[0] is not patterns:
        pairs, every = [], set()
        for rx in patterns:
            lits = required_literals(rx.pattern, most) if hasattr(rx, "may_occur_in") else None
            if lits is not None and any("\n" in s for s in lits):
                lits = None
            pairs.append((rx, lits))
            if every is not None:
                every = None if lits is None else every.union(lits)
        got = _LITERALS[(id(patterns), most)] = (patterns, (tuple(pairs), None if every is None else tuple(every)))
    return got[1]


def _item_literals(rx) -> tuple:
    """Literals one of which every run-in item holds (("",): unknown), read once per pattern."""
    got = _LITERALS.get(id(rx))
    if got is None or got[0] is not rx:
        lits = None if rx.flags & re.IGNORECASE else required_literals(rx.pattern, _TITLES_MOST)
        got = _LITERALS[id(rx)] = (rx, lits or ("",))
    return got[1]


class Shared:
    """The per-document answers (``rules``: the detectors, in the order they run)."""

    __slots__ = ("doc", "year", "rules", "_text", "_titles", "_live", "_dead", "_excluded",
                 "_blocks", "_items", "_frames", "_item_table", "_item_hits")

    def __init__(self, doc, year, rules):
        stats["shared"] += 1
        self.doc, self.year, self.rules = doc, year, rules
        self._text = doc.text
        self._titles = None
        self._live, self._dead, self._excluded, self._blocks = {}, {}, {}, {}
        self._items = self._frames = self._item_table = None
        self._item_hits = {}

    # -- literals ---------------------------------------------------------------------------
    def live(self, patterns) -> list:
        """The ``patterns`` that may match in the document's text (its blocks, paragraphs and
        sentences are pieces of it)."""
        if not patterns:
            return patterns
        got = self._live.get(id(patterns))
        if got is None:
            text, got = self._text, []
            for rx, lits in literals(patterns)[0]:
                if lits is None:
                    got.append(rx)
                    continue
                for s in lits:
                    if s in text:
                        got.append(rx)
                        break
            self._live[id(patterns)] = got
        return got

    def dead_in_titles(self, *lists) -> bool:
        """Can no pattern of these lists match any heading's title?"""
        dead = self._dead
        for patterns in lists:
            got = dead.get(id(patterns))
            if got is None:
                every = literals(patterns, _TITLES_MOST)[1] if patterns else ()
                got = every is not None
                if got and every:
                    titles = self._titles
                    if titles is None:
                        titles = self._titles = "\n".join(h.title for h in self.doc.headings)
                    for s in every:
                        if s in titles:
                            got = False
                            break
                dead[id(patterns)] = got
            if not got:
                return False
        stats["dead_titles"] += 1
        return True

    # -- regions and blocks -----------------------------------------------------------------
    def frames(self):
        if self._frames is None:
            self._frames = evidence.frames(self.doc, self.year, self.rules)
        return self._frames

    def excluded(self, not_within) -> list:
        """The spans of the sections whose frame is one of ``not_within``."""
        if not not_within:
            return []
        got = self._excluded.get(id(not_within))     # (a rule's list: it lives as long as the pack)
        if got is None or got[0] is not not_within:
            spans = self._excluded.get(None)
            if spans is None:            # every frame's sections, one walk over the headings
                spans, frames = {}, self.frames()
                for h in self.doc.headings:
                    for sid in frames.get(id(h), ()):
                        spans.setdefault(sid, []).append((h.start, h.end))
                self._excluded[None] = spans
            got = self._excluded[id(not_within)] = \
                (not_within, [r for sid in not_within for r in spans.get(sid, ())])
        return got[1]

    def blocks(self, regions) -> list:
        """Body blocks that start inside any of ``regions``, in text order."""
        key = tuple(regions)
        got = self._blocks.get(key)
        if got is None:
            doc = self.doc
            if len(regions) == 1:
                got = doc.blocks_in(*regions[0])
            else:
                by = {id(b): b for s, e in regions for b in doc.blocks_in(s, e)}
                got = sorted(by.values(), key=lambda b: b.start)
            self._blocks[key] = got
        return got

    def inline_items(self) -> list:
        """``(block, its run-in items)`` of every paragraph (or run-in heading) holding a
        「一是……。」 item, in text order."""
        if self._items is None:
            from ..parse.document import lexicon
            rx = lexicon()["inline_item"]
            finditer, lits = rx.finditer, _item_literals(rx)
            out = []
            for b in self.doc.body_blocks:
                if b.heading is not None and not b.heading.run_in:
                    continue
                text = b.text
                for s in lits:            # (是 or 其: an item opens 一是… or 其一…)
                    if s in text:
                        break
                else:
                    continue
                items = list(finditer(text))
                if items:
                    out.append((b, items))
            self._items = out
        return self._items

    def item_titles(self, patterns) -> frozenset:
        """The titles of the document's run-in items that one of ``patterns`` matches (each
        pattern asked about all the titles at once, as :mod:`lawlint.sections.titles` does for
        the headings')."""
        if not patterns:
            return frozenset()
        got = self._item_hits.get(id(patterns))
        if got is None:
            if self._item_table is None:
                names = list(dict.fromkeys(m.group(1) for _b, items in self.inline_items() for m in items))
                spans, at = [], 0
                for t in names:
                    spans.append((at, at + len(t)))
                    at += len(t) + 1
                self._item_table = (names, "\n".join(names), spans, [a for a, _ in spans])
            names, joined, spans, starts = self._item_table
            hits = set()
            merged, alone = titles._grouped(patterns)      # (one alternation, as for headings)
            if merged is not None:
                stats["item_merged"] += 1
            for rx in ([merged] if merged is not None else []) + alone:
                got = titles.holding(rx, names, joined, spans, starts)     # (its literals' names)
                if got is not None:
                    hits.update(got)
                elif contextfree(rx) and rx.search("") is None:
                    hits.update(names[i] for i in matching(rx, joined, spans, starts))
                else:
                    hits.update(t for t in names if rx.search(t))
            got = self._item_hits[id(patterns)] = frozenset(hits)
            stats["item_titles"] += 1
        return got


def shared(doc, year, rules) -> Shared:
    """The document's :class:`Shared` for these detectors (made on the first detector's call)."""
    got = doc.derived(("sections.shared", year, id(rules)), lambda: Shared(doc, year, rules))
    return got if got.rules is rules else Shared(doc, year, rules)


def first_match(rx, lits, blocks, starts, text, before=None):
    """``(block, match)`` of the first of ``blocks`` (pieces of ``text``, in order; ``starts``:
    theirs) in which ``rx`` has a match, or None. ``lits``: literals one of which every match of
    ``rx`` holds (None: unknown). Blocks before the first that holds one cannot match: the search
    block by block starts there. With ``before`` (an offset), only the blocks starting before it
    are read (the caller needs no match that starts later)."""
    if before is not None:
        k = bisect_right(starts, before - 1)      # (the blocks starting before ``before``)
        stats["bounded"] += 1
        if k < len(blocks):
            blocks, starts = blocks[:k], starts[:k]
        if not blocks:
            return None
    i = 0
    if lits is not None:
        lo, hi, at = blocks[0].start, blocks[-1].end, -1
        for s in lits:
            k = text.find(s, lo, hi)
            if k != -1 and (at == -1 or k < at):
                at = k
        if at == -1:
            return None
        i = bisect_right(starts, at) - 1
        if i > 0:
            stats["skipped"] += 1
        else:
            i = 0
    if lits is not None and len(lits) <= _FEW_LITERALS:
        for b in blocks[i:] if i else blocks:     # a block lacking every literal is not searched
            t = b.text
            for s in lits:
                if s in t:
                    m = rx.search(t)
                    if m:
                        return b, m
                    break
        return None
    for b in blocks[i:] if i else blocks:
        m = rx.search(b.text)
        if m:
            return b, m
    return None
