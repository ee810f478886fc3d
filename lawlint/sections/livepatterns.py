"""The patterns of a rule that can match anywhere in one document, worked out once per document.

Part detection asks every heading's title, paragraph and sentence about each part's patterns: a
report of 100,000 one-line headings made that millions of calls, nearly all about patterns whose
required literals (:mod:`lawlint.rulepack.literals`) the document does not contain at all. A pattern that
cannot match the whole text (or the titles joined) cannot match any piece of it, so leaving it out
changes no answer.
"""
from __future__ import annotations


def live(doc, patterns, scope: str = "text") -> list:
    """The ``patterns`` (LazyPatterns; any other pattern counts as live) that may match in the
    document's text (``scope="text"``: its blocks, paragraphs and sentences are pieces of it) or
    in one of its headings' titles (``scope="titles"``)."""
    if not patterns:
        return patterns
    def compute():
        hay = doc.text if scope == "text" else \
            doc.derived("live_titles", lambda: "\n".join(h.title for h in doc.headings))
        return [rx for rx in patterns if not hasattr(rx, "may_occur_in") or rx.may_occur_in(hay)]

    return doc.derived_for(("live_patterns", scope), (patterns,), compute)
