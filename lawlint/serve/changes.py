"""What changed since a drafter's last check of the same report: the score and grade before and
after, and the findings gone and new. Findings are matched by their stable fingerprints (the rule
and the text of the flagged line, as the baseline matches them), so editing one paragraph leaves
the findings elsewhere matched; a finding whose own line was edited but which says the same
(same rule, and the same message or the same line) is matched next, so it is not counted as
both solved and new."""
from __future__ import annotations


def diff(before: dict, after: dict) -> dict:
    old = {f[0]: f for f in before.get("findings", [])}
    new = {f[0]: f for f in after.get("findings", [])}
    gone = [f for k, f in old.items() if k not in new]
    added = [f for k, f in new.items() if k not in old]
    kept = len(new) - len(added)
    for same in (lambda f, g: f[4] == g[4], lambda f, g: f[3] == g[3]):      # message, then line
        for f in list(added):
            twin = next((g for g in gone if g[1] == f[1] and same(f, g)), None)
            if twin is not None:
                gone.remove(twin)
                added.remove(f)
                kept += 1
    return {"score": (before.get("score"), after.get("score")),
            "grade": (before.get("grade"), after.get("grade")),
            "gone": gone, "new": added, "kept": kept}
