"""``suppression``: inline ``lawlint-disable`` comments that suppressed nothing, or name rules that
do not exist. Runs after every other rule (``PHASE = "post"``); a directive naming a rule that did
not run this time (``--select``, a year window) is not judged."""
from __future__ import annotations

from ..selectors import names_any

PHASE = "post"
# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = ("problem",)
PARAMS = {}


def compile(rule):
    return None


def check(ctx, rule):
    ran = set(ctx.rules_run)
    for d in ctx.directives:
        start = ctx.doc.source.line_start(d.line)
        if d.unknown:
            yield ctx.diagnostic(rule, start, start, fields=dict(
                problem=f"指定了不存在的规则 {'、'.join(d.unknown)}"))
        elif not d.used and (not d.ids or all(names_any(i, ran) for i in d.ids)):
            yield ctx.diagnostic(rule, start, start, fields=dict(
                problem="没有屏蔽任何问题，可以删除"))
