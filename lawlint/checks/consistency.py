"""``consistency``: one form per document for things written two ways (``%`` and ``％``).

For each group of variant patterns, the form used most is taken as the document's choice and every
occurrence of the others is reported (GB/T 15835 「同类别同形式」). ``min_share`` keeps quiet when
no form clearly dominates (the document has no choice to be inconsistent with).

``where: indent`` compares the leading whitespace of the body's lines instead of their text: each
variant must match a line's whole indentation (an empty pattern means "not indented"), so a stray
space before 「3、」 in a report whose lines start flush is found, while a report indented
throughout is not. Markdown is skipped there, since its indentation has meaning.
"""
from __future__ import annotations

import re

from .. import regexcache

# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = ("found", "major", "name", "count")
PARAMS = {
    "groups": {"type": "array", "minItems": 1, "items": {
        "type": "object", "additionalProperties": False, "required": ["variants"],
        "properties": {"name": {"type": "string"},
                       "variants": {"type": "array", "minItems": 2, "items": {"type": "string"}}}},
        "description": "每组是同一事物的几种写法（正则）"},
    "where": {"enum": ["text", "indent"],
              "description": "text：在正文中查找各写法（默认）；indent：比较各行行首的缩进（每种写法须匹配整个缩进，空正则表示无缩进）"},
    "min_share": {"type": "number", "minimum": 0, "maximum": 1,
                  "description": "最常用的写法至少占这个比例才报告其余写法（默认 0）"},
}


def compile(rule):
    return [[regexcache.compile(v) for v in g["variants"]] for g in rule.params["groups"]]


def check(ctx, rule):
    indent = rule.params.get("where") == "indent"
    if indent and ctx.doc.source.kind == "md":
        return
    min_share = rule.params.get("min_share", 0)
    for g, variants in zip(rule.params["groups"], rule.compiled):
        found = _indents(ctx, variants) if indent else _occurrences(ctx, variants)
        used = [i for i, ms in enumerate(found) if ms]
        if len(used) < 2:
            continue
        major = max(used, key=lambda i: len(found[i]))
        if len(found[major]) < min_share * sum(len(ms) for ms in found):
            continue
        for i in used:
            if i == major:
                continue
            for start, end, written in found[i]:
                yield ctx.diagnostic(rule, start, end, fields=dict(
                    found=written, major=found[major][0][2], name=g.get("name", ""),
                    count=len(found[major])))


def _occurrences(ctx, variants):
    text = ctx.doc.text
    spans = [(b.start, b.end) for b in ctx.doc.body_blocks]
    return [[(m.start(), m.end(), m.group(0)) for s, e in spans for m in rx.finditer(text, s, e)]
            for rx in variants]


_SHOW = {" ": "半角空格", "\u3000": "全角空格", "\t": "制表符", "\u00a0": "不换行空格"}


def _indents(ctx, variants):
    """Each body line's indentation, filed under the first variant that matches all of it."""
    text = ctx.doc.text
    found = [[] for _ in variants]
    for b in ctx.doc.body_blocks:
        line_start = text.rfind("\n", 0, b.start) + 1
        lead = text[line_start:b.start]
        for i, rx in enumerate(variants):
            if rx.fullmatch(lead):
                shown = _describe(lead)
                found[i].append((line_start, b.start, shown))
                break
    return found


def _describe(lead: str) -> str:
    if not lead:
        return "无缩进"
    runs = [(m.group(0)[0], len(m.group(0))) for m in re.finditer(r"(.)\1*", lead)]
    return "、".join(f"{n}个{_SHOW.get(c, '空白字符')}" for c, n in runs)
