"""``suppression``: inline ``lawlint-disable`` comments that suppressed nothing, or name rules that
do not exist. Runs after every other rule (phase ``post``); a directive naming a rule that did
not run this time (``--select``, a year window) is not judged."""
from __future__ import annotations

from ..rulepack.resources import load_data
from ..rulepack.selectors import names_any
from ..rulepack.template import fill
from .spec import CheckSpec

SPEC = CheckSpec({}, fields=("problem",), phase="post")


def check(ctx, rule, p):
    ran = set(ctx.rules_run)
    words = load_data("wording.yaml")["suppression"]
    for d in ctx.directives:
        start = ctx.doc.source.line_start(d.line)
        if d.unknown:
            yield ctx.diagnostic(rule, start, start, fields=dict(
                problem=fill(words["unknown"], ids="、".join(d.unknown))))
        elif not d.used and (not d.ids or all(names_any(i, ran) for i in d.ids)):
            yield ctx.diagnostic(rule, start, start, fields=dict(
                problem=words["unused"]))
