"""The words the term rules' patterns cannot match without, found in one scan of a report shared
by every ``substitution``, ``confusion`` and ``law_status`` rule of the rule set, and by the
``total`` rules (the strings their parts' lead holds) (not itself a check type).

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

CHECKS = ("substitution", "confusion", "law_status", "total")     # the check types whose params have ``words``
_NOTHING = (frozenset(), frozenset(), {})


class Scan:
    """``present(text)``: which of ``words`` the text holds, from one scan of one pattern.

    Each word is looked for by one of its characters, its *anchor*: the one least frequent in
    reports (:func:`anchors`, ``rules/data/frequent.yaml``). The pattern is an alternation of the
    anchors, each followed by its words as look-arounds (``A(?:(?<=PA)(?=S)()|…)``: the text
    before the anchor, the anchor, the text after it) ending in an empty group that names the
    word. sre tries it only where an anchor stands (its first-character gate), and a match is
    the anchor alone, so every place of every anchor is tried: an occurrence of a word is found
    at its anchor unless a word earlier in that anchor's alternation matched there first, which
    the scan then asks with ``in`` (:attr:`shadows`). Led by each word's first character, the
    scan was tried at every 法, 政, 制 … (≈ 14% of a report's characters, ≈ 1,100 instructions
    each); anchored, at about a third as many places. Where each word starts is known too (its
    anchor's place less :attr:`back`), for every word no found word shadows: the rules scan only
    the paragraphs holding one (:func:`starts`)."""

    __slots__ = ("words", "looked", "rx", "by_group", "shadows", "back")

    def __init__(self, words, rank=None):
        self.words = tuple(sorted(set(words), key=lambda w: (-len(w), w)))
        self.looked = frozenset(self.words)
        self.rx = None
        self.by_group = self.shadows = self.back = None
        if self.words:
            if rank is None:        # the shipped ranking: the plan kept in the regex table
                plan = _kept(self.words, self.looked)
            else:
                plan = _anchored(self.words, anchors(self.words, rank))
            pattern, self.by_group, self.shadows, self.back = plan
            self.rx = regexcache.compile(pattern)

    def present(self, text: str) -> frozenset:
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple:
        """(the words ``text`` holds, {word: where it starts, every place, in order} for each word
        found whose every place the scan met: one no other found word shadows)."""
        if self.rx is None:
            return frozenset(), {}
        by_group, back = self.by_group, self.back
        at: dict = {}
        for m in self.rx.finditer(text):
            g = m.lastindex
            got = at.get(by_group[g])
            if got is None:
                got = at[by_group[g]] = []
            got.append(m.start() - back[g])
        found = set(at)
        if found:
            shadows = self.shadows
            maybe = set()
            for w in found:
                maybe.update(shadows.get(w, ()))
            for w in maybe:
                at.pop(w, None)         # (some of its places may have gone to another word)
            found.update(w for w in maybe - found if w in text)
        return frozenset(found), at


def frequent_rank() -> dict:
    """character -> its place in ``rules/data/frequent.yaml`` (0: the most frequent in reports)."""
    from ..rulepack.resources import load_data
    chars = "".join(load_data("frequent.yaml")["characters"].split())
    return {ch: i for i, ch in reversed(list(enumerate(chars)))}


_KEPT = "\0termscan\0"


def _kept(words: tuple, looked: frozenset) -> tuple:
    """:func:`_anchored` of ``words`` at their :func:`anchors` by the shipped ranking, kept in the
    regex table beside the patterns (data: the pattern, the shadows by group number, the word of
    each group; keyed by the words and, through the table's key, by this module's code): building
    it reads the ranking and costs a fresh start ≈ 3 M instructions. A kept plan that does not
    name exactly these words is built again."""
    def compute():
        pattern, by_group, shadows, back = _anchored(words, anchors(words, frequent_rank()))
        number = {w: g for g, w in enumerate(by_group) if g}
        spec = ";".join(f"{number[w]}:" + ",".join(str(number[v]) for v in vs) for w, vs in shadows.items())
        return (pattern, spec, ",".join(map(str, back[1:])), *by_group[1:])
    got = regexcache._fact(("literals", _KEPT + "\0".join(words)), compute)
    try:
        if len(got) != len(words) + 3 or frozenset(got[3:]) != looked:
            raise ValueError
        by_group = [None, *got[3:]]
        back = [0, *map(int, got[2].split(","))]
        shadows = {}
        for item in got[1].split(";") if got[1] else ():
            g, vs = item.split(":")
            shadows[by_group[int(g)]] = tuple(by_group[int(v)] for v in vs.split(","))
        if len(back) != len(by_group) or not all(0 <= k < len(w) for k, w in zip(back[1:], by_group[1:])):
            raise ValueError
    except (ValueError, IndexError):
        return _anchored(words, anchors(words, frequent_rank()))
    return got[0], by_group, shadows, back


def anchors(words, rank: dict) -> list:
    """The index in each of ``words`` of its least frequent character (by ``rank``: a character
    it lacks is rarer than any it has; among equals, the first)."""
    most = len(rank)
    return [max(range(len(w)), key=lambda k: (rank.get(w[k], most), -k)) for w in words]


def _anchored(words, at) -> tuple:
    """(the pattern, the word of each group number, word -> the words that may match at the same
    place of its anchor after it in the alternation, each group's word's anchor index) for
    ``words`` anchored at ``at``."""
    by_anchor: dict = {}
    for w, k in zip(words, at):
        by_anchor.setdefault(w[k], []).append((w, k))
    parts, by_group, shadows, back = [], [None], {}, [0]
    for a in sorted(by_anchor):
        group = by_anchor[a]
        alts = []
        for i, (w, k) in enumerate(group):
            before, after = w[:k + 1], w[k + 1:]
            alts.append((f"(?<={re.escape(before)})" if k else "") +
                        (f"(?={re.escape(after)})" if after else "") + "()")
            by_group.append(w)
            back.append(k)
            later = [v for v, j in group[i + 1:] if _aligned(w, k, v, j)]
            if later:
                shadows[w] = tuple(later)
        parts.append(re.escape(a) + (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"))
    return "|".join(parts), by_group, shadows, back


def _aligned(w: str, k: int, v: str, j: int) -> bool:
    """Can ``w`` (anchored at ``k``) and ``v`` (at ``j``) both stand at one place of their anchor
    (their characters agree where they overlap, the anchors at the same place)?"""
    shift = k - j           # v[i] stands at w[i + shift]
    return all(w[i + shift] == v[i] for i in range(len(v)) if 0 <= i + shift < len(w))


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
    return got[0] if words <= got[1] else None


def starts(ctx):
    """``word -> where it starts in the report`` (every place, in order) for the words the shared
    scan found and met at every place; None before the scan (:func:`present` makes it)."""
    got = ctx.cache.get("termscan")
    return None if got is None else got[2].get


def _scanned(ctx) -> tuple:
    plan = _plan(ctx.rules, ctx.year)
    if plan is None:
        return _NOTHING
    found, at = plan.scan(ctx.doc.text)
    return found, plan.looked, at


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
