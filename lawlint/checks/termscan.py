"""The words the term rules' patterns cannot match without, found in one scan of a report shared
by every ``substitution``, ``confusion`` and ``law_status`` rule of the rule set (not itself a
check type).

Each of those rules used to ask the text for its own words: a ``w in text`` per required string
(twelve substitution rules), a scan of its own alternation (``typo.confusion``), a ``str.find``
per bare law name (``term.repealed_law``). Here the words of all of them (each rule's ``words``,
bound for the report year) make one alternation, scanned once per report (:class:`Scan`: exactly
the words the text holds), and a rule none of whose words the report holds returns at once. The
plan depends only on the rule set and the year: it is built once and kept with the rule set.
"""
from __future__ import annotations

import re

from ..rulepack import regexcache

CHECKS = ("substitution", "confusion", "law_status")     # the check types whose params have ``words``
_NOTHING = (frozenset(), frozenset())


class Scan:
    """``present(text)``: which of ``words`` the text holds, from one scan of their alternation
    (written as a trie: :func:`alternation`), and the words it may have passed over (inside or
    across a match) asked with ``in``."""

    __slots__ = ("words", "looked", "rx", "_hides", "_starting")

    def __init__(self, words):
        self.words = tuple(sorted(set(words), key=lambda w: (-len(w), w)))
        self.looked = frozenset(self.words)
        self.rx = regexcache.compile(alternation(self.words)) if self.words else None
        self._hides = {}        # a match -> the words that may hide in it (may_hide), as met
        self._starting = None   # a prefix -> the words that start with it (built when first needed)

    def present(self, text: str) -> frozenset:
        if self.rx is None:
            return frozenset()
        found = set(self.rx.findall(text))
        hidden = set()
        for m in found:
            hides = self._hides.get(m)
            if hides is None:
                hides = self._hides[m] = self.hiding(m)
            hidden |= hides
        found.update(w for w in hidden - found if w in text)
        return frozenset(found)

    def hiding(self, m: str) -> frozenset:
        """The words that may hide in a match ``m`` (:func:`may_hide`): those inside it, and those
        starting with one of its proper suffixes (looked up by prefix, not asked word by word)."""
        starting = self._starting
        if starting is None:
            starting = self._starting = {}
            for w in self.words:
                for k in range(1, len(w) + 1):
                    starting.setdefault(w[:k], []).append(w)
        n = len(m)
        out = {m[i:j] for i in range(n) for j in range(i + 1, n + 1)} & self.looked
        for k in range(1, n):
            out.update(starting.get(m[k:], ()))
        return frozenset(out)


def alternation(words) -> str:
    """A pattern matching, at each place, the longest of ``words`` that starts there (what their
    alternation, longest first, matches), written as a trie: the words that share a first
    character share one branch (sre tries a branch's alternatives one by one)."""
    return _trie(sorted(set(words)))


def _trie(words: list) -> str:
    """``words`` (sorted, without duplicates; '' for "end here") as nested groups: the words that
    share a first character are one branch, their common prefix written once."""
    ends = bool(words) and words[0] == ""
    by_first: dict = {}
    for w in words[1:] if ends else words:
        by_first.setdefault(w[0], []).append(w)
    parts = []
    for group in by_first.values():
        if len(group) == 1:
            parts.append(re.escape(group[0]))
            continue
        a, b = group[0], group[-1]          # (sorted: their common prefix is the group's)
        k = 1
        while k < len(a) and a[k] == b[k]:
            k += 1
        parts.append(re.escape(a[:k]) + _trie([w[k:] for w in group]))
    if ends:
        parts.append("")                            # (last: the longer words are tried first)
    return "(?:" + "|".join(parts) + ")" if len(parts) > 1 else parts[0] if parts else ""


def may_hide(m: str, w: str) -> bool:
    """Can an occurrence of ``w`` overlap a match ``m`` that the scan took instead (``w`` inside
    ``m``, or starting inside it and running on)? Matches take the longest word at their start."""
    return w in m or any(w.startswith(m[k:]) for k in range(1, len(m)))


def visited(spans, live):
    """The spans of ``spans`` that some pattern of ``live`` ((pattern, the set of spans it may match
    in, or None for any)) may match in, in the spans' order: a document has hundreds of spans, a
    term stands in a few."""
    where = set()
    for _, w in live:
        if w is None:
            return spans
        where |= w
    return [span for span in spans if span in where] if len(where) < len(spans) else spans


def present(ctx, words) -> frozenset | None:
    """The words the report's text holds, from the one shared scan (a set holding those of
    ``words`` the text holds, and maybe others); None when the scan did not look for every one of
    ``words`` (a rule that is not of the context's rule set: the caller asks the text itself)."""
    got = ctx.cache.get("termscan")
    if got is None:
        got = ctx.cache["termscan"] = _scanned(ctx)
    found, looked = got
    return found if words <= looked else None


def _scanned(ctx) -> tuple:
    plan = _plan(ctx.rules, ctx.year)
    if plan is None:
        return _NOTHING
    return plan.present(ctx.doc.text), plan.looked


def _plan(ruleset, year) -> Scan | None:
    """The rule set's scan for a report year: its term rules' words, once per rule set and year."""
    memo = getattr(ruleset, "engine_plans", None)
    if memo is None:
        return None
    key = ("termscan", year)
    got = memo.get(key)
    if got is None:
        words = set()
        for rule in ruleset:
            if rule.check in CHECKS:
                words.update(getattr(rule.bound(year), "words", ()))
        got = memo[key] = Scan(words)
    return got
