"""Score = 100 − deductions. Each rule deducts weight × findings up to its cap; each category at
most its budget. Budgets and grade bands come from ``rules/profile.yaml``.
"""
from __future__ import annotations

from .vocabulary import profile as default_profile


def score(diagnostics, ruleset, profile=None) -> dict:
    profile = profile or default_profile()
    budgets = {k: v["budget"] for k, v in profile["categories"].items()}
    by_rule: dict[str, float] = {}
    for d in diagnostics:
        rule = ruleset.get(d.rule)
        if rule is None:
            continue
        w = rule.weight if d.weight is None else d.weight
        by_rule[d.rule] = by_rule.get(d.rule, 0.0) + w
    deductions = {}
    spent = {k: 0.0 for k in budgets}
    for rule_id, points in by_rule.items():
        rule = ruleset.get(rule_id)
        capped = min(points, rule.cap)
        deductions[rule_id] = _round(capped)
        spent[rule.category] = spent.get(rule.category, 0.0) + capped
    categories = {}
    for cat, budget in budgets.items():
        categories[cat] = {"score": _round(budget - min(budget, spent.get(cat, 0.0))), "max": budget}
    total = _round(sum(c["score"] for c in categories.values()))
    grade = next(g["name"] for g in profile["grades"] if total >= g["min"])
    return {"score": total, "grade": grade, "categories": categories, "deductions": deductions}


def _round(x: float):
    x = round(x, 1)
    return int(x) if x == int(x) else x
