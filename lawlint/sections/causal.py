"""Cause analysis: does a paragraph explain *why* a shortcoming arose, or only restate it?

A causal frame (「究其原因」「原因主要是」「主观上…客观上」) governs the text after it to the end of
its paragraph (「究其原因，一是…；二是…；三是…」); under a 原因 heading the whole section is governed.
A governed clause is a cause when it names a condition — any deficiency predicate of an open class
(``deficits``: 不足、未…、没有…、缺乏、滞后、晚于、偏少、流动…) — and does not restate a problem the
shortcomings already listed (most of its character pairs appear in one problem sentence,
``restate``). The closed ``predicates`` list still decides weak frames, as below.

A reader accepts a sentence as cause analysis when it has a causal frame (「原因」「究其原因」
「主观上…客观上」「归根到底」「源于」…) *and* names a cause: a cause predicate such as 认识不到位,
重视不够, 力量不足, 编制未增加, 培训不系统, 机制不健全. 「原因是执法不够规范」 has the frame but only
repeats the problem, so it is not analysis. A weak frame (由于, 导致, 一方面…) makes a sentence count
only when it names ``weak_min`` distinct causes: 「重视不够，导致推进不平衡」 is one causal clause in a
problem list, not an analysis. Frames and predicates are data (``causal:`` of a section rule); its
parameters and their defaults are declared once, in the ``section`` check type's spec
(:mod:`lawlint.checks.section`), and every function here reads that bound namespace (``c``).
"""
from __future__ import annotations

import re

from ..chars import CN_NUMERAL_CHARS, strip_blank
from ..rulepack import regexcache
from .pieces import contextfree, plain


_CLAUSE = regexcache.compile(f"[，,；;。：:！!？?\n]|[{CN_NUMERAL_CHARS}]是|其[{CN_NUMERAL_CHARS}]")
_SENTENCE = regexcache.compile(r"[^。！？!?]+[。！？!?]?")
stats = {"inside": 0, "unframed": 0, "frameless": 0, "problems": 0}          # (tests: the fast paths are taken)


def framed(text: str, c) -> bool:
    """Has the sentence a causal frame, strong or weak (it is analysis, not a listed problem)?"""
    return any(rx.search(text) for rx in c.frames + c.weak_frames)


def unframed(text: str, sentences, c) -> list:
    """The texts of ``sentences`` (pieces of ``text``, a paragraph) that have no causal frame
    (:func:`framed`). A frame pattern that matches by the characters it consumes alone and has
    no match in the paragraph has none in its sentences: only the others are asked about each."""
    if not _facts(c)[2](text):
        frames = ()            # no frame can match in the paragraph (its literals are not there)
    else:
        frames = [rx for rx in c.frames + c.weak_frames if not contextfree(rx) or rx.search(text)]
    if not frames:
        stats["unframed"] += 1
        return [x.text for x in sentences]
    return [x.text for x in sentences if not any(rx.search(x.text) for rx in frames)]


def pairs(text: str) -> set:
    """The character pairs of a text, each as one int (its two characters' UTF-32 code units,
    the first in the low half): a set of the same size as the set of the two-character strings,
    and two texts share as many of these as of those. Read in C loops (a cast of the encoded
    text, at even and at odd characters) instead of a slice, a hash and a str per pair."""
    b = memoryview(text.encode("utf-32-le", "surrogatepass"))
    n = len(b)
    out = set(b[:n - n % 8].cast("Q"))                # pairs starting at even characters
    if n > 8:
        out.update(b[4:n - (n - 4) % 8].cast("Q"))    # and at odd ones
    return out


class Problems:
    """The problem sentences a cause must not restate, read once per report: their pairs are
    worked out once (a clause is compared with each), and them joined, one a line, tell at
    once whether a clause is part of one of them. ``sentences``: them, or a function that
    gives them, called when a clause is first compared (most reports name no cause to compare:
    their shortcomings are never read for it)."""

    __slots__ = ("_source", "_sentences", "_joined", "_pairs")

    def __init__(self, sentences):
        self._source = sentences
        self._sentences = self._joined = self._pairs = None

    @property
    def sentences(self) -> list:
        if self._sentences is None:
            source = self._source
            self._sentences = list(source() if callable(source) else source)
            stats["problems"] += 1
        return self._sentences

    @property
    def joined(self) -> str:
        if self._joined is None:
            self._joined = "\n".join(self.sentences)
        return self._joined

    def pairs(self) -> list:
        if self._pairs is None:
            self._pairs = [pairs(p) for p in self.sentences]
        return self._pairs


def _problems(problems) -> Problems:
    return problems if isinstance(problems, Problems) else Problems(problems)


def restates(clause: str, problems, share: float) -> bool:
    """Do most of the clause's character pairs appear in one problem sentence? (``problems``:
    the sentences, or their :class:`Problems`.)"""
    problems = _problems(problems)
    if share <= 1 and "\n" not in clause and clause in problems.joined:
        stats["inside"] += 1         # part of one problem: every pair of it is that problem's
        return True
    got = pairs(clause)
    if not got:
        return True
    least = share * len(got)
    return any(len(got & p) >= least for p in problems.pairs())


def analysis(text: str, c, problems, governed: bool = False):
    """Offset in ``text`` where a cause analysis starts, or None. ``governed``: the text sits
    under a 原因 heading (the heading is its frame)."""
    problems = _problems(problems)
    start = 0
    if not governed:
        if not _facts(c)[2](text):
            stats["frameless"] += 1       # no frame, strong or weak, can match: nothing explains
            return None
        hits = [m for rx in c.frames for m in [rx.search(text)] if m]
        if not hits:
            return _weak(text, c, problems)
        start = min(m.start() for m in hits)
    tail = text[start:]
    for rx in c.frames:
        tail = rx.sub(" ", tail)
    for clause in _CLAUSE.split(tail):
        clause = strip_blank(clause)
        if len(clause) < 3:
            continue
        named = any(rx.search(clause) for rx in c.predicates)
        if not named and (not any(rx.search(clause) for rx in c.deficits)
                          or any(rx.search(clause) for rx in c.outcomes)):
            continue            # no condition named, or only how the work fell short
        if not restates(clause, problems, c.restate):
            return start
    return None


def _weak(text, c, problems):
    """A sentence with a weak frame (由于, 导致) naming ``weak_min`` distinct causes in clauses
    that do not restate a problem."""
    lits, empty, held = _facts(c)
    if not held(text):
        stats["frameless"] += 1       # no frame, strong or weak, can match: no sentence explains
        return None
    offset = 0
    for sent in _SENTENCE.findall(text):
        if lits is not None and not held(sent):
            offset += len(sent)
            continue
        fresh = "，".join(cl for cl in _CLAUSE.split(sent)
                         if len(strip_blank(cl)) >= 3 and not restates(strip_blank(cl), problems, c.restate))
        if (explains(fresh, c) if fresh else empty):
            return offset
        offset += len(sent)
    return None


_FACTS: dict = {}       # id(causal parameters) -> (them, _facts(them)): rule pack data
_MOST = 24              # a frame may list many words: each looked for in a paragraph with one `in`


def _facts(c) -> tuple:
    """(literals one of which every match of a frame or weak frame holds, or None; whether the
    empty text explains; a function telling whether a text holds one of those literals, always
    true without them: one search of their alternation instead of an ``in`` each). A sentence's clauses are joined with 「，」 before :func:`explains`
    reads them: a literal without one lies inside one clause, i.e. inside the sentence."""
    got = _FACTS.get(id(c))
    if got is None or got[0] is not c:
        every = set()
        for rx in c.frames + c.weak_frames:
            lits = None if rx.flags & re.IGNORECASE else regexcache.required_literals(rx.pattern, _MOST)
            if lits is None or any("，" in s for s in lits):
                every = None
                break
            every.update(lits)
        lits = None if every is None else tuple(sorted(every))
        held = _always if lits is None else \
            plain(regexcache.compile("|".join(re.escape(s) for s in lits))).search
        got = _FACTS[id(c)] = (c, (lits, explains("", c), held))
    return got[1]


def _always(text) -> bool:
    return True


def explains(text: str, c) -> bool:
    """Is this sentence cause analysis (a frame together with enough named causes)?"""
    causes = sum(1 for rx in c.predicates if rx.search(text))
    if not causes:
        return False
    if any(rx.search(text) for rx in c.frames):
        return True
    return causes >= c.weak_min and any(rx.search(text) for rx in c.weak_frames)
