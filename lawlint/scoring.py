"""Score = 100 − deductions. Each rule deducts weight × findings up to its cap; each category at
most its budget. Budgets and grade bands come from ``rules/profile.yaml``.
"""
from __future__ import annotations

from .rulepack.template import fill
from .vocabulary import profile as default_profile


def score(diagnostics, ruleset, profile=None, sections=None, partial=None) -> dict:
    """``sections`` (section id -> SectionVerdict) lets the profile's grade ceiling apply. A partial
    text (``partial``: a lawlint.sections.stage.Partial) gets its score but no grade and no ceiling: a
    grade would judge a report nobody has read whole."""
    profile = profile or default_profile()
    budgets = {k: v["budget"] for k, v in profile["categories"].items()}
    by_rule: dict[str, float] = {}
    known: dict = {}        # rule id -> its rule (None: not in the rule set), asked once per id
    # A run of findings of one rule (half-width marks come hundreds in a row) is summed in a
    # local, in the same order and from the same start as one by one (the same float sum), and
    # stored when the run ends: no lookup and no store a finding.
    run = None              # the rule id of the run being summed (a rule of the rule set), or None
    total = default = 0.0
    for d in diagnostics:
        rid = d.rule
        if rid is not run:
            if run is not None:
                by_rule[run] = total
            rule = known.get(rid, known)
            if rule is known:
                rule = known[rid] = ruleset.get(rid)
            if rule is None:
                run = None
                continue
            run, default, total = rid, rule.weight, by_rule.get(rid, 0.0)
        w = d.weight
        total = total + (default if w is None else w)
    if run is not None:
        by_rule[run] = total
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
    if partial is not None:
        return {"score": total, "grade": None, "categories": categories, "deductions": deductions,
                "grade_cap": None}
    grade = next(g["name"] for g in profile["grades"] if total >= g["min"])
    cap = grade_cap(sections, profile)
    if cap is not None:
        order = [g["name"] for g in profile["grades"]]
        grade = order[max(order.index(grade), order.index(cap["grade"]))]
    return {"score": total, "grade": grade, "categories": categories, "deductions": deductions,
            "grade_cap": cap}


def grade_cap(sections, profile) -> dict | None:
    """The statutory ceiling that applies to this report, or None: a report missing any item the
    profile's ``grade_cap`` lists is graded at most ``grade_cap.grade`` (its score is unchanged;
    a report already below the ceiling keeps its grade, and the reason still applies)."""
    spec = profile.get("grade_cap")
    if not spec or sections is None:
        return None
    missing = [item["name"] for item in spec["items"]
               if any(_missing(sections.get(sid)) for sid in item["sections"])]
    if not missing:
        return None
    return {"grade": spec["grade"], "missing": missing,
            "reason": fill(spec["reason"], items="、".join(missing), grade=spec["grade"])}


def _missing(verdict) -> bool:
    return verdict is None or (verdict.status == "absent" and getattr(verdict, "reached", True))


def _round(x: float):
    x = round(x, 1)
    return int(x) if x == int(x) else x
