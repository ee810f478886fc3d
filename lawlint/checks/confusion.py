"""``confusion``: a 错别字 from a curated list of the classic confusions of official writing.

Each entry of ``entries`` is one confusion: ``match`` (regexes of the wrong writing, with their
context written into lookarounds: 「帐」 is wrong in 「台帐」, right in 「帐篷」), ``right`` (the
right writing, shown in the message), ``replacement`` (what a fix writes for the match; groups may
be used: ``\\1``), ``unless`` (regexes on the sentence: a match in a sentence that matches one is
left alone) and two examples, ``bad`` (must be reported) and ``good`` (must not). A match inside
《》 is left alone unless the entry says ``titles: true``: a cited title is quoted as it was issued.

The list is precision first: an entry goes in only when the wrong writing is wrong wherever its
pattern matches (tested on the seeds, the real reports and the texts of the national laws).
"""
from __future__ import annotations

import re

from ..rulepack import regexcache
from . import scope as sc
from . import termscan
from .spec import REQUIRED, CheckSpec, Param, Table

_RX_LIST = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "entries": Table({
        "match": Param(dict(_RX_LIST, minItems=1), REQUIRED, "错误写法的正则（上下文写在环视中）", regex=True),
        "right": Param({"type": "string"}, REQUIRED, "正确写法（用于提示信息）"),
        "replacement": Param({"type": "string"}, REQUIRED, "自动修正写入的文字（可用 \\1 引用分组）"),
        "unless": Param(_RX_LIST, [], "所在句子匹配其一则不报", regex=True),
        "titles": Param({"type": "boolean"}, False, "书名号《》内的也报告（默认不报：引用的标题照原文）"),
        "bad": Param({"type": "string"}, REQUIRED, "必须报告的例句"),
        "good": Param({"type": "string"}, REQUIRED, "不得报告的例句（易混的正确写法）"),
    }, REQUIRED, "易混字词表", min_items=1),
    "scope": Param(sc.SCOPE_SCHEMA, "body"),
}, fields=("match", "right"), derived={
    "literals": lambda p: Literals((), [[rx.pattern for rx in e.match] for e in p["entries"]]),
    # every string some pattern cannot match without (:mod:`.termscan` looks for them), and
    # whether some pattern needs none
    "needs": lambda p: [regexcache.required_literals(rx.pattern) for e in p["entries"] for rx in e.match],
    "words": lambda p: frozenset(w for n in p["needs"] if n for w in n),
    "always": lambda p: any(not n for n in p["needs"])})


def check(ctx, rule, p):
    """The findings (a list when the report holds none of the rule's words: nothing to look at)."""
    present = termscan.present(ctx, p.words)
    if present is None:                 # (a rule the shared scan does not know: its own scan)
        present = p.literals.present(ctx.doc.text)
    elif not p.always and present.isdisjoint(p.words):
        return []
    return _found(ctx, rule, p, present)


def _found(ctx, rule, p, present):
    text = ctx.doc.text
    spans = sc.spans(ctx, p.scope)
    taken = set()
    entries = p.entries if present is None else p.literals.entries(p.entries, present)
    at = termscan.starts(ctx)   # where the scan's words start (the paragraphs holding them)
    for entry in entries:
        unless = entry.unless
        # each pattern the report may hold, and the paragraphs that may hold it (None: all)
        live = [(rx, sc.where(ctx, rx, spans, present, at)) for rx in entry.match
                if (rx.may_occur_in(text) if present is None else p.literals.may_occur(rx, present))]
        for s, e in termscan.visited(spans, live) if live else ():
            for rx, where in live:
                if where is not None and (s, e) not in where:
                    continue
                for m in rx.finditer(text, s, e):
                    a, b = m.span()
                    if a == b or (a, b) in taken:
                        continue
                    if not entry.titles and sc.in_title_marks(text, a, b):
                        continue
                    if unless:
                        lo, hi = sc.sentence_at(text, a, b)
                        if any(u.search(text, lo, hi) for u in unless):
                            continue
                    taken.add((a, b))
                    yield ctx.diagnostic(rule, a, b, replacement=m.expand(entry.replacement),
                                         fields=dict(match=m.group(0), right=entry.right))


_SCANNED = 16       # fewer words: a scan of the text per word costs less than one of the alternation


class Literals:
    """Which of the literals the patterns cannot match without (``regexcache.required_literals``)
    a text holds, found in one scan of their alternation instead of a scan of the text per
    pattern (≈45 entries: most of what the check cost; ``in`` costs ≈3 instructions a character,
    the alternation's scan ≈50). Built on first use."""

    __slots__ = ("groups", "patterns", "_scan", "_needed", "_hides", "_users", "_always")

    def __init__(self, patterns, groups=None):
        """``patterns``, or the patterns of each entry (``groups``: :meth:`entries` answers which)."""
        self.groups = tuple(map(tuple, groups)) if groups is not None else tuple((p,) for p in patterns)
        self.patterns = tuple(p for g in self.groups for p in g)
        self._scan = None
        self._hides = {}        # a match -> the words that may hide in it (_may_hide), as met

    def _build(self):
        self._needed = {p: regexcache.required_literals(p) for p in self.patterns}
        words = sorted({w for n in self._needed.values() if n for w in n}, key=lambda w: (-len(w), w))
        self._users, always = {}, []      # a word -> the entries that need it; entries needing none
        for i, group in enumerate(self.groups):
            for needed in map(self._needed.get, group):
                if not needed:
                    always.append(i)
                for w in needed or ():
                    self._users.setdefault(w, []).append(i)
        self._always = frozenset(always)
        self._scan = (regexcache.compile("|".join(map(re.escape, words))), words) \
            if len(words) >= _SCANNED else (None, ())
        return self._scan

    def entries(self, entries, present) -> list:
        """The entries (of the table the groups came from, in its order) with a pattern that may
        match a text holding ``present``: the others are not looked at."""
        if self._scan is None:
            self._build()
        users = self._users
        live = set(self._always)
        for w in present:
            live.update(users.get(w, ()))
        return [entries[i] for i in sorted(live)]

    def present(self, text: str) -> frozenset | None:
        """The literals ``text`` holds: each the scan matched, and each the scan may have passed
        over because it lies inside or across a match (then asked with ``in``); None when there
        are too few to scan for at once (each pattern is asked itself)."""
        rx, words = self._scan or self._build()
        if rx is None:
            return None
        found = set(rx.findall(text))
        hidden = set()
        for m in found:
            hides = self._hides.get(m)
            if hides is None:
                hides = self._hides[m] = frozenset(w for w in words if _may_hide(m, w))
            hidden |= hides
        found.update(w for w in hidden - found if w in text)
        return frozenset(found)

    def may_occur(self, rx, present) -> bool:
        """``rx.may_occur_in(text)`` for the text ``present`` was found in."""
        if self._scan is None:
            self._build()
        needed = self._needed.get(rx.pattern)
        return not needed or not present.isdisjoint(needed)


_may_hide = termscan.may_hide
