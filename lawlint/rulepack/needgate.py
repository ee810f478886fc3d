"""Skip a rule on a report that lacks what its every pattern needs: a few ``in`` tests, no scan.

Most rules of a type such as existence find nothing in a given report, and finding that out costs
a call per pattern through its scope, its scans and their filters, ≈ 25 k instructions a rule on
even a 40-character report. :func:`lawlint.rulepack.anchors.needs` tells, per pattern, sets of
strings one of each of which its every match holds (「(?:19|20)\\d{2}年?\\s*(?:[-－–~～]|——)…」: one
of 19, 20 and one of the dashes); kept in the regex table beside the pattern's literals, they are
read once per rule pack (:func:`needs`). :func:`lacking` asks, per report, whether the report
lacks all the strings of one set of every pattern: then no pattern can match anywhere in it.
"""
from __future__ import annotations

from . import regexcache

_SEP = "\0"         # anchors.SEP (anchors is not imported on a warm start)


def needs_of(pattern: str) -> tuple:
    """:func:`lawlint.rulepack.anchors.needs` of ``pattern``, remembered in the regex table."""
    def compute():
        from .anchors import needs
        return needs(pattern)
    return regexcache._fact(("literals", "\0needs\0" + pattern), compute)


def needs(patterns):
    """Per pattern (LazyPatterns or re.Patterns), the sets of strings its every match holds one
    of each; None when a pattern has none (the rule is always run)."""
    out = []
    for rx in patterns:
        got = needs_of(rx.pattern)
        if not got:
            return None
        out.append(tuple(tuple(s.split(_SEP)) for s in got))
    return tuple(out)


def lacking(needs, text: str) -> bool:
    """Does ``text`` lack, for every pattern, all the strings of one of its sets (so no pattern
    can match anywhere in it)? (Written out: ``any(map(text.__contains__, …))`` costs more.)"""
    for sets in needs:
        for strings in sets:
            for s in strings:
                if s in text:
                    break
            else:
                break           # a set none of whose strings is here: this pattern cannot match
        else:
            return False        # every set has one here: the pattern may match
    return True
