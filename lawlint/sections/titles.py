"""Which of a document's heading titles a list of patterns matches, worked out once per document.

Part detection and the part scorer ask each part rule's title patterns (``heading``,
``heading_exclude``, the scorer's ``title_cues``) about every heading: a search of a short title
per pattern and heading, each a Python call. Here the distinct titles, joined one a line, are
searched once per pattern (:func:`lawlint.sections.pieces.matching`, for a pattern that matches by
the characters it consumes alone); any other pattern, or one that matches the empty string, is
asked title by title. The answers are sets of titles, so a question is a set lookup.
"""
from __future__ import annotations

from .pieces import contextfree, matching


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
    if hasattr(rx, "may_occur_in") and not rx.may_occur_in(joined):
        return frozenset()                    # no title has the literals it cannot match without
    if contextfree(rx) and rx.search("") is None:
        return frozenset(titles[i] for i in matching(rx, joined, spans, starts))
    return frozenset(t for t in titles if rx.search(t))


def any_of(doc, patterns) -> frozenset:
    """The titles one of ``patterns`` matches."""
    if not patterns:
        return frozenset()

    def compute():
        out = set()
        for rx in patterns:
            out |= _hits(doc, rx)
        return frozenset(out)
    return doc.derived_for("titles_any", (patterns,), compute)


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
