"""``enumeration``: an inline list 一是……二是……三是…… separates its items one way.

GB/T 15834 allows 分号 between listed items (句号 after the last) or 句号 after every item when
items hold sentences of their own; one paragraph should not mix the two. The separator of an item
is the mark just before its marker.
"""
from __future__ import annotations

from bisect import bisect_right

from ..chars import WHITESPACE
from ..numbering import cn_to_int
from . import places
from .spec import REQUIRED, CheckSpec, Param

SPEC = CheckSpec({
    "marker": Param({"type": "string"}, REQUIRED, "列举标记的正则，须有分组 num（汉字序数）",
                    regex=True, groups=("num",)),
    "separators": Param({"type": "object", "additionalProperties": {"type": "string"}}, REQUIRED,
                        "分隔符归类：符号 → 类别名（如 ；→分号，。→句号）"),
}, fields=("first", "other"))

stats = {"picked": 0}    # reports whose blocks holding the marker's string were picked, this process


def check(ctx, rule, p):
    doc = ctx.doc
    text, seps = doc.text, p.separators
    blocks = _holding(doc, p.marker.pattern)
    # (the marker tried only just before each 「是」 the report holds: places.within)
    found = places.within(doc, p.marker, [(b.body_start if b.heading else b.start, b.end) for b in blocks])
    for b, matches in zip(blocks, found):
        if not matches:
            continue
        sequences = []                       # each: the separators before items 2, 3, …
        for m in matches:
            value = cn_to_int(m.group("num"))
            if value == 1:
                sequences.append([])
            elif sequences and value == len(sequences[-1]) + 2:
                j = m.start() - 1
                while j > b.start and text[j] in WHITESPACE:
                    j -= 1
                sequences[-1].append((text[j], j))
        for seq in sequences:
            kinds = [(seps[c], pos) for c, pos in seq if c in seps]
            if len({k for k, _ in kinds}) < 2:
                continue
            first = kinds[0][0]
            other, pos = next((k, p) for k, p in kinds if k != first)
            yield ctx.diagnostic(rule, pos, pos + 1,
                                 fields=dict(first=first, other=other))


def _holding(doc, pattern: str) -> list:
    """The body blocks, or (the marker having strings one of which every match holds,
    :func:`places.plan`) those where one of them stands: a block without one has no match, and
    blocks are not walked one by one for nothing (a report has dozens, a few with 「是」)."""
    blocks, starts = doc._body_index
    got = places.plan(pattern)
    if got is None:
        return blocks
    stats["picked"] += 1
    at = {bisect_right(starts, a) - 1 for s in got[0] for a in places.of(doc, s)}
    at.discard(-1)
    return [blocks[i] for i in sorted(at)]
