"""A rule's findings past ``max_findings_per_rule`` in one report, folded into one finding.

A hostile or broken text (a million 「（」, a page of half-width marks) gives one rule hundreds of
thousands of findings: nobody reads them, and holding and printing each costs gigabytes. The
first ``limit`` findings of a rule in a report are kept as they are; the rest are counted as the
check yields them (suppressed ones are not counted) and become one finding of the same rule at the
first of them, saying how many more there are. It costs what they all would have cost (its
``weight`` is their sum, so the score is the same) and carries no fix. The limit (10,000 by
default, far above any real report) is visible in that finding's message; 0 turns it off.
"""
from __future__ import annotations

from itertools import islice

from ..plain import replace
from ..rulepack.resources import load_data
from ..rulepack.template import fill

DEFAULT_LIMIT = 10_000


def collect(found, rule, limit: int, out: list, suppressed) -> None:
    """Append the findings ``found`` (one rule's, as its check yields them) to ``out``: at most
    ``limit`` of them, then one standing for the rest. ``suppressed(d)`` says whether a finding
    past the limit is suppressed (and marks what suppressed it as used)."""
    if not limit:
        out.extend(found)
        return
    if type(found) is list and len(found) <= limit:
        out.extend(found)
        return
    found = iter(found)
    out.extend(islice(found, limit))        # (a check that raises midway keeps what it found)
    fold(found, rule, limit, out, suppressed)


def fold(found, rule, limit: int, out: list, suppressed) -> None:
    """The rest of ``found`` (an iterator whose first ``limit`` findings are in ``out``) folded into
    one finding appended to ``out``, as :func:`collect` does past the limit."""
    first, more, weight = None, 0, 0.0
    for d in found:
        if not suppressed(d):
            first = first or d
            more += 1 + d.folded
            weight += rule.weight if d.weight is None else d.weight
    if first is not None:
        message = fill(load_data("wording.yaml")["overflow"]["folded"], message=first.message,
                       count=f"{more:,}", limit=f"{limit:,}")
        out.append(replace(first, message=message, fixable=False, replacement=None, weight=weight,
                           folded=more - 1))
