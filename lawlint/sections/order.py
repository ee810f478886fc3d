"""The order in which the parts are located: each part's detector (the first ``section`` rule
naming it) after the parts it depends on (``scope``, ``not_within``, ``lead_after``). A cycle is
a rule error naming a file and line, raised when the rules are loaded (``RuleSet.section_rules``)."""
from __future__ import annotations

import os

from ..errors import RuleError
from ..vocabulary import SECTION_IDS


def dependencies(rule) -> list[str]:
    """The parts a part rule needs located before it, in the order it names them (its parameters
    read through the ``section`` check type's spec: defaults declared there, not here)."""
    p = rule.bound(None)
    deps = [p.scope] if p.scope in SECTION_IDS else []
    deps += list(p.not_within)
    if p.lead_after:
        deps.append(p.lead_after)
    return list(dict.fromkeys(deps))


def order(section_rules) -> list:
    """The detector of each part (the first rule naming it), dependencies first.

    Raises RuleError (file:line of a rule on the cycle) when parts depend on each other in a
    circle, including a part that depends on itself."""
    detectors: dict = {}
    for rule in section_rules:
        detectors.setdefault(rule.bound(None).section, rule)
    out, done, path = [], set(), []

    def visit(sid):
        if sid in done or sid not in detectors:
            return
        if sid in path:
            cycle = path[path.index(sid):] + [sid]
            on_cycle = [detectors[s] for s in cycle[:-1]]
            # Name a user's rule when one is on the cycle: the built-in packs have none.
            rule = next((r for r in on_cycle if not _builtin(r)), on_cycle[-1])
            others = "、".join(f"{r.id}（{r.file}:{r.line}）" for r in on_cycle if r is not rule)
            raise RuleError(f"rules[{rule.id}]: 部分之间的依赖成环（{' → '.join(cycle)}；另见 {others}）："
                            "scope、not_within、lead_after 引用的部分不能反过来依赖本部分",
                            rule.file or None, rule.line)
        path.append(sid)
        for dep in dependencies(detectors[sid]):
            visit(dep)
        path.pop()
        done.add(sid)
        out.append(detectors[sid])

    for sid in detectors:
        visit(sid)
    return out


def _builtin(rule) -> bool:
    from ..rulepack.resources import rules_folder
    return bool(rule.file) and os.path.dirname(os.path.realpath(rule.file)) == os.path.realpath(rules_folder())
