"""``numbering``: heading numbers as GB/T 9704 §7.3.3 and GB/T 15834 want them.

The document model already gives every heading its token (family, value, punctuation, bracket
width), level, parent and children. One check type covers the numbering; each ``aspect`` is its
own rule, so each has its own severity, weight and cap:

- ``gap`` / ``repeat``: within one parent the values run 1, 2, 3 … without holes or repeats
  (numbering that continues across parents — （一） 1. 2. （二） 3. 4. — is a style, not a gap);
- ``unnumbered``: a heading with no number sits exactly where one is missing (（五）, an
  unnumbered heading, （七）);
- ``single``: a list of one (「一、」 never followed by 「二、」);
- ``depth``: a child's family is not deeper than its parent's (「（一）」 under 「1.」);
- ``skip``: a level is skipped (「1.」 directly under 「一、」), or level 1 is not 「一、」;
- ``brackets``: half-width or mixed brackets 「(一)」 (fixable: 「（一）」);
- ``punct``: wrong punctuation after the ordinal (「1、」「第一、」「（一）、」), fixable;
- ``period``: a stand-alone heading line ends in 「。」 (a run-in heading may) where most headings of
  its level do not; ``period_style``: where they do (a house style, reported as a hint);
- ``mixed``: one level written in different ways (「（一）」 under one parent, 「1.」 under
  another; 「1.」 and 「1. 」 with a space), headings and numbered items inside paragraphs alike.

Families, their order and their punctuation are data (``rules/data/numbering.yaml``).
"""
from __future__ import annotations

from . import tokens
from . import tree
from .base import flattened  # noqa: F401 - flattened is part of this check's interface
from ..checks.spec import REQUIRED, CheckSpec, Param

ASPECTS = ["gap", "repeat", "unnumbered", "single", "depth", "skip", "brackets", "punct", "period",
           "period_style", "mixed"]
SPEC = CheckSpec({
    "aspect": Param({"enum": ASPECTS}, REQUIRED, "检查哪一方面（见 lawlint/numbering/check.py）"),
    "levels": Param({"type": "array", "items": {"type": "integer", "minimum": 1}}, None,
                    "只检查这些层级的标题（不写则全部）"),
    "inline": Param({"type": "boolean"}, False, "同时检查段落中的编号（如“。1.……2.……”）"),
    "variants": Param({"type": "object", "additionalProperties": {"type": "string"}}, {},
                      "特殊情形的提示信息（如 start：同级第一个序号不是 1；top：一级标题）"),
}, fields=("token", "missing", "prev", "title", "expected", "next", "parent", "family",
           "parent_family", "fixed", "punct", "major"))


# Aspects that read the heading tree; a flattened page (headings found mid-line) gives an
# unreliable tree, so only the token-level aspects run there.
TREE_ASPECTS = {"gap", "repeat", "unnumbered", "single", "depth", "skip", "period", "period_style"}


def check(ctx, rule, p):
    aspect = p.aspect
    levels = p.levels
    doc = ctx.doc
    if aspect in TREE_ASPECTS and doc.derived("numbering.flattened", lambda: flattened(doc)):
        return ()       # (asked by eight rules: worked out once per report)
    # every heading (the list itself: the aspects then skip their membership tests) or those of
    # the rule's levels
    heads = [h for h in doc.headings if h.level in levels] if levels else doc.headings
    if aspect == "single" and ctx.partial is not None and doc.top_headings:
        # a partial text: the lists open where it stops may go on past the cut
        floor = doc.top_headings[-1].start
        heads = [h for h in heads if h.start < floor]
    return _ASPECTS[aspect](ctx, rule, p, heads, doc)     # (its generator: no second one around it)


_ASPECTS = {"gap": tree.gap, "repeat": tree.repeat, "unnumbered": tree.unnumbered,
            "single": tree.single, "depth": tree.depth, "skip": tree.skip,
            "brackets": tokens.brackets, "punct": tokens.punct, "period": tokens.period,
            "period_style": tokens.period_style,
            "mixed": tokens.mixed}
