"""Which of a document's heading titles a list of patterns matches, worked out once per document.

Part detection and the part scorer ask each part rule's title patterns (``heading``,
``heading_exclude``, the scorer's ``title_cues``) about every heading: a search of a short title
per pattern and heading, each a Python call. Here the distinct titles, joined one a line, are
searched once per pattern (:func:`lawlint.sections.pieces.matching`, for a pattern that matches by
the characters it consumes alone); any other pattern, or one that matches the empty string, is
asked title by title (one C loop, ``filter``). The answers are sets of titles, so a question is a
set lookup.

A list of patterns asked "which titles does one of them match" (a part's ``heading`` patterns) is
asked as one alternation of those that read the same inside it (:func:`_grouped`): one search of
the joined titles instead of one per pattern.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..rulepack import regexcache
from ..rulepack.regexcache import LazyPattern
from .pieces import matching, plain, scannable

_GROUP = regexcache.compile(r"\(\?(?!:)|\\[1-9]")     # (?P<…>, (?P=…), (?i), (?#…): not merged
_MERGED: dict = {}          # pattern sources -> (their alternation or None, the patterns asked alone)
_LISTS: dict = {}           # id(pattern list) -> (the list, its length, _grouped's answer)
_WORDS: dict = {}           # (pattern source, flags) -> its words or None (rule pack data)
_LITS: dict = {}            # (pattern source, flags) -> its required literals or None (rule pack data)
_MOST = 24                  # titles are short: a pattern's many alternatives are looked for there
_FEW_LITERALS = 8           # a pattern with no more literals is asked only of titles holding one
_META = frozenset(".^$*+?{}[]\\()\n\r#")   # (what makes a pattern more than words)
stats = {"merged": 0, "words": 0, "literals": 0}       # alternations searched, this process (tests: the path is taken)


def _table(doc) -> tuple:
    """(the distinct titles in order, them joined one a line, their spans in it, the spans' starts)."""
    def compute():
        titles = list(dict.fromkeys(h.title for h in doc.headings))
        spans, starts, at = [], [], 0
        for t in titles:
            spans.append((at, at + len(t)))
            starts.append(at)
            at += len(t) + 1
        return titles, "\n".join(titles), spans, starts
    return doc.derived("heading_titles", compute)


def _hits(doc, rx) -> frozenset:
    """The titles ``rx`` matches."""
    titles, joined, spans, starts = _table(doc)
    words = _words(rx)
    if words is not None:           # 「执法|行政处罚|三项制度」: a title holding one of the words
        stats["words"] += 1
        return frozenset(titles[k] for k in _holders(words, joined, spans, starts))
    got = holding(rx, titles, joined, spans, starts)
    if got is not None:
        return frozenset(got)
    if hasattr(rx, "may_occur_in") and not rx.may_occur_in(joined):
        return frozenset()                    # no title has the literals it cannot match without
    if scannable(rx):
        return frozenset(titles[i] for i in matching(plain(rx), joined, spans, starts))
    return frozenset(filter(plain(rx).search, titles))


def _words(rx):
    """The words of a pattern that is only literal words joined by ``|`` (matched as written:
    no flag that changes that), or None: it matches exactly where one of them stands."""
    key = (getattr(rx, "pattern", None), _flags(rx))
    got = _WORDS.get(key, False)
    if got is False:
        got = None
        source = key[0]
        if key[1] in (0, re.UNICODE) and type(source) is str and not _META.intersection(source):
            words = source.split("|")
            if all(words):
                got = tuple(words)
        _WORDS[key] = got
    return got


def holding(rx, names, joined, spans, starts):
    """The ``names`` (joined one a line in ``joined``, at ``spans``, starting at ``starts``) that
    ``rx`` matches, or None when ``rx`` has no literals to look for (:func:`_literals`): only a
    name holding one of them is searched."""
    lits = _literals(rx)
    if lits is None:
        return None
    stats["literals"] += 1
    hit = _holders(lits, joined, spans, starts)
    if not hit:
        return ()
    search = plain(rx).search
    return [names[k] for k in hit if search(names[k])]


def _holders(words, joined, spans, starts) -> set:
    """The indices of the names (joined one a line in ``joined``, at ``spans``, starting at
    ``starts``) holding one of ``words`` (none holds a line break: each lies inside one name),
    each found with ``str.find``, a name's rest skipped once it is known to hold one."""
    hit, find = set(), joined.find
    for w in words:
        i = find(w)
        while i != -1:
            k = bisect_right(starts, i) - 1
            hit.add(k)
            i = find(w, spans[k][1])
    return hit


def _literals(rx):
    """Literals one of which every match of ``rx`` holds (none with a line break), or None:
    unknown, too many to look for (more than ``_MOST``), or a flag that changes how it reads."""
    key = (getattr(rx, "pattern", None), _flags(rx))
    got = _LITS.get(key, False)
    if got is False:
        got = None
        if key[1] in (0, re.UNICODE) and type(key[0]) is str:
            got = regexcache.required_literals(key[0], _MOST)
            if not got or not all(got) or any("\n" in w for w in got):
                got = None
        _LITS[key] = got
    return got


def any_of(doc, patterns) -> frozenset:
    """The titles one of ``patterns`` matches."""
    if not patterns:
        return frozenset()

    def compute():
        merged, alone = _grouped(patterns)
        out = set()
        if merged is not None:
            stats["merged"] += 1
            out |= _hits(doc, merged)
        for rx in alone:
            out |= _hits(doc, rx)
        return frozenset(out)
    return doc.derived_for("titles_any", (patterns,), compute)


def _grouped(patterns) -> tuple:
    """(one alternation of the ``patterns`` that match by the characters they consume alone, or
    None; the others). A title has a match of the alternation exactly where it has a match of
    one of them; patterns with groups that could clash (names, references), inline flags, or a
    match of the empty string stay alone."""
    known = _LISTS.get(id(patterns))      # a rule's list: asked about every report
    if known is not None and known[0] is patterns and known[1] == len(patterns):
        return known[2]
    key = tuple((getattr(rx, "pattern", None), _flags(rx)) for rx in patterns)
    got = _MERGED.get(key)
    if got is None:
        free = [i for i, rx in enumerate(patterns) if _mergeable(rx)]
        got = None, range(len(patterns))
        if len(free) > 1:
            merged = LazyPattern("|".join(f"(?:{patterns[i].pattern})" for i in free))
            try:
                if merged.search("") is None:
                    got = merged, [i for i in range(len(patterns)) if i not in free]
            except re.error:
                pass
        _MERGED[key] = got
    answer = got[0], [patterns[i] for i in got[1]]
    _LISTS[id(patterns)] = (patterns, len(patterns), answer)
    return answer


def _flags(rx):
    """A pattern's flags as :func:`_mergeable` reads them (None: not a pattern it merges)."""
    if type(rx) is LazyPattern:
        return 0                # (compiled without flags)
    return rx.flags if type(rx) is re.Pattern else None


def _mergeable(rx) -> bool:
    return _flags(rx) in (0, re.UNICODE) and type(rx.pattern) is str \
        and _GROUP.search(rx.pattern) is None and scannable(rx)


def named(doc, patterns, exclude) -> frozenset:
    """The titles one of ``patterns`` matches and none of ``exclude`` does: ``any_of(patterns) -
    any_of(exclude)``, the exclusions asked only about the titles ``patterns`` matched (a part's
    titles are few; ``any_of(exclude)`` would search every title)."""
    def compute():
        hits = any_of(doc, patterns)
        if not hits or not exclude:
            return hits
        return frozenset(t for t in hits if not any(rx.search(t) for rx in exclude))
    return doc.derived_for("titles_named", (patterns, exclude), compute)


def _few(rx):
    """``rx``'s literals when they are few enough to look for in a title with ``in`` before
    searching it (an ``in`` of a short title costs far less than a search), else None."""
    lits = _literals(rx)
    return lits if lits is not None and len(lits) <= _FEW_LITERALS else None


def asking(patterns) -> list:
    """``patterns`` as :func:`matched` asks them of a title: (search, its few literals or None)."""
    return [(rx.search, _few(rx)) for rx in patterns]


def matched(title, asked) -> bool:
    """Does one of the patterns ``asked`` (:func:`asking`) match ``title``? One whose literals the
    title lacks cannot: it is not searched."""
    for search, lits in asked:
        if lits is not None:
            for w in lits:
                if w in title:
                    break
            else:
                continue
        if search(title):
            return True
    return False


def all_of(doc, patterns) -> frozenset:
    """The titles every one of ``patterns`` matches."""
    def compute():
        out = set(_table(doc)[0])
        for rx in patterns:
            out &= _hits(doc, rx)
        return frozenset(out)
    return doc.derived_for("titles_all", (patterns,), compute)


def distinct(doc) -> list:
    """The document's distinct heading titles, in order."""
    return _table(doc)[0]
