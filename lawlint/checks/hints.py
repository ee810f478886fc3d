"""Hints: rules whose basis only says 通常 or 宜 (「并列的书名号之间通常不用顿号」) name an optional
style, not a defect. A reviewer reads such a style once per report, not at each of its 24 places:
a rule marked ``hint: true`` gives one finding per report, at its first place, saying how many
places there are and where. The folded finding costs the rule's weight once and carries no fix
(fixing only the first place would make the report inconsistent).
"""
from __future__ import annotations

from ..plain import replace

from ..rulepack.resources import load_data
from ..rulepack.template import fill


def fold(diagnostics: list, ruleset) -> list:
    """``diagnostics`` with each hint rule's findings folded into the first (order kept)."""
    hinted = hint_ids(ruleset)
    if not hinted:
        return diagnostics
    by_rule: dict[str, list] = {}
    for d in diagnostics:
        if d.rule in hinted:
            by_rule.setdefault(d.rule, []).append(d)
    if not by_rule:
        return diagnostics
    first = {id(min(group, key=lambda d: (d.line, d.column))): group for group in by_rule.values()}
    out = []
    for d in diagnostics:
        if d.rule not in hinted:
            out.append(d)
        elif id(d) in first:
            out.append(_folded(d, first[id(d)]))
    return out


_HINT_IDS = ("hint ids",)       # its key among the rule set's memos (engine plans are keyed by triples)


def hint_ids(ruleset) -> frozenset:
    """The ids of the rule set's hint rules, worked out once per rule set (which is not changed
    after load): asking the rule set about each of a report's thousand findings cost more."""
    memo = ruleset.engine_plans
    got = memo.get(_HINT_IDS)
    if got is None:
        got = memo[_HINT_IDS] = frozenset(i for i, r in ruleset.by_id.items() if r.hint)
    return got


def _folded(d, group: list):
    if len(group) == 1:
        return d
    words = load_data("wording.yaml")["hint"]
    lines = sorted({g.line for g in group})
    shown = lines[:words["show_lines"]]
    message = fill(words["folded"], message=d.message, count=len(group) + sum(g.folded for g in group),
                   lines=words["lines_separator"].join(map(str, shown)),
                   more=words["more"] if len(lines) > len(shown) else "")
    return replace(d, message=message, fixable=False, replacement=None)
