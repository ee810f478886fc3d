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
    # The places of the hint rules' findings, in one pass; the output is then cut around them
    # (a second pass over every finding to copy it cost ≈ 0.45 k instructions a finding)
    at = [i for i, d in enumerate(diagnostics) if d.rule in hinted]
    if not at:
        return diagnostics
    by_rule: dict[str, list] = {}
    for i in at:
        by_rule.setdefault(diagnostics[i].rule, []).append(i)
    keep = {}                   # the place of each rule's first finding -> its folded finding
    for group in by_rule.values():
        found = [diagnostics[i] for i in group]
        first = min(range(len(found)), key=lambda k: (found[k].line, found[k].column))
        keep[group[first]] = _folded(found[first], found)
    out, k = [], 0
    for i in at:
        out += diagnostics[k:i]
        if i in keep:
            out.append(keep[i])
        k = i + 1
    out += diagnostics[k:]
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
