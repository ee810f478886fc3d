"""Whether a report's grade cap says anything: it does only when the score alone would have earned
a better grade than the cap (a report already graded at or below the cap keeps its grade, and a
line "等级最高为合格" under 「不合格」 would read as a contradiction)."""
from __future__ import annotations


def cap_lowered(r) -> bool:
    if not getattr(r, "grade_cap", None) or r.score is None:
        return False
    from ..scoring import default_profile
    grades = default_profile()["grades"]
    order = [g["name"] for g in grades]
    earned = next(g["name"] for g in grades if r.score >= g["min"])
    return order.index(earned) < order.index(r.grade_cap["grade"])
