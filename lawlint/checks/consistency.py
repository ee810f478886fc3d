"""``consistency``: one form per document for things written two ways (``%`` and ``％``).

For each group of variant patterns, the form used most is taken as the document's choice and every
occurrence of the others is reported (GB/T 15835 「同类别同形式」).
"""
from __future__ import annotations

import re

PARAMS = {
    "groups": {"type": "array", "minItems": 1, "items": {
        "type": "object", "additionalProperties": False, "required": ["variants"],
        "properties": {"name": {"type": "string"},
                       "variants": {"type": "array", "minItems": 2, "items": {"type": "string"}}}},
        "description": "每组是同一事物的几种写法（正则）"},
}


def compile(rule):
    return [[re.compile(v) for v in g["variants"]] for g in rule.params["groups"]]


def check(ctx, rule):
    text = ctx.doc.text
    spans = [(b.start, b.end) for b in ctx.doc.body_blocks]
    for g, variants in zip(rule.params["groups"], rule.compiled):
        found = [[m for s, e in spans for m in rx.finditer(text, s, e)] for rx in variants]
        used = [i for i, ms in enumerate(found) if ms]
        if len(used) < 2:
            continue
        major = max(used, key=lambda i: len(found[i]))
        for i in used:
            if i == major:
                continue
            for m in found[i]:
                yield ctx.diagnostic(rule, m.start(), m.end(), message=rule.message.format(
                    found=m.group(0), major=found[major][0].group(0), name=g.get("name", ""),
                    count=len(found[major])))
