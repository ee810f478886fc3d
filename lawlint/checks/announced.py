"""``announced``: a sentence announces how many items follow, and a different number follows.

「主要从三个方面开展工作：一是……二是……」 with no 三是, or 「存在以下四个方面的问题」 followed
by （一）（二）（三）: a reviewer counts. The announcement (``announce``, a regex with a group
``n``, the Chinese or Arabic count) is compared with the items that follow it: inline markers
(``item``, a regex with a group ``num`` and optionally ``ord``: 一是 二是 …, 第一 第二 …)
counted from 1 in the rest of its paragraph and the paragraphs up to the next heading; or, when the announcement ends its block
and numbered headings follow, those headings of the first one's family at its level. Fewer than
two items found means the list is not in a form this check can count: nothing is reported.
"""
from __future__ import annotations

from ..chars import CLAUSE_PUNCT, WHITESPACE
from ..numbering import cn_to_int
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param

SPEC = CheckSpec({
    "announce": Param({"type": "string"}, REQUIRED, "宣布条数的正则，须有命名分组 n（如“从三个方面”）",
                      regex=True, groups=("n",), prefilter=False),
    "item": Param({"type": "string"}, REQUIRED, "列举标记的正则，须有命名分组 num（一是、第一……）",
                  regex=True, groups=("num",), prefilter=False),
    "scope": Param(sc.SCOPE_SCHEMA, "body"),
}, fields=("match", "announced", "found"))


def _value(s: str) -> int | None:
    s = s.replace("两", "二")
    return int(s) if s.isdigit() else cn_to_int(s)


def check(ctx, rule, p):
    announce, item = p.announce, p.item
    doc, text = ctx.doc, ctx.doc.text
    for s, e in sc.spans(ctx, p.scope):
        for m in announce.finditer(text, s, e):
            n = _value(m.group("n"))
            if not n or n < 2:
                continue
            found = _inline_items(ctx, item, m.end(), e)
            rest = text[m.end():e].strip(WHITESPACE)
            if found < 2 and len(rest) <= 16 and not any(c in rest for c in CLAUSE_PUNCT) \
                    and (not rest or rest[-1] in "：:"):     # 「存在以下三个方面的问题：」 ends its line
                found = _heading_items(doc, m.end())
            if found >= 2 and found != n:
                yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                    match=m.group(0), announced=m.group("n"), found=found))


def _inline_items(ctx, item, start, block_end) -> int:
    """Consecutive markers 1, 2, 3 … after ``start``: in its block and the blocks that follow up
    to the next heading (a list written one item per paragraph)."""
    doc, text = ctx.doc, ctx.doc.text
    ends = [block_end]
    for b in doc.blocks_in(block_end + 1, len(text)):
        if b.heading is not None:
            break
        ends.append(b.end)
    expected = 1
    for mm in item.finditer(text, start, ends[-1]):
        v = _value(mm.group("num") or mm.groupdict().get("ord") or "")
        if v == expected:
            expected += 1
        elif v == 1 and expected > 1:        # a second list starts: the announced one has ended
            break
    return expected - 1


def _heading_items(doc, start) -> int:
    """Numbered headings after the announcing block: the first one's siblings, counted."""
    after = [h for h in doc.headings if h.start >= start and h.token is not None]
    if not after or after[0].value != 1:
        return 0
    first = after[0]
    count = 0
    for h in after:
        if h.parent is first.parent and h.style == first.style:
            if h.value != count + 1:
                break
            count += 1
        elif h.level < first.level:
            break
    return count
