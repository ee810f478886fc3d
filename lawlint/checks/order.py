"""``order``: required parts appear in the expected order (e.g. measures, shortcomings, plans).

Parts that are absent are skipped (their own rules report them); a merged heading such as
「存在不足及下步打算」 gives two parts the same position, which is in order, and so is a part that
lies inside the next one (the shortcomings stated in the plans part's opening sentence).
"""
from __future__ import annotations

from ..vocabulary import SECTION_IDS, section_names
from .spec import REQUIRED, CheckSpec, Param

SPEC = CheckSpec({
    "sequence": Param({"type": "array", "items": {"enum": list(SECTION_IDS)}, "minItems": 2}, REQUIRED,
                      "各部分应出现的先后顺序"),
}, fields=("before", "after"))


def check(ctx, rule, p):
    names = section_names()
    placed = []
    for sid in p.sequence:
        v = ctx.section(sid)
        if v.status != "absent" and v.start is not None:
            placed.append((sid, v))
    for (a, va), (b, vb) in zip(placed, placed[1:]):
        inside = any(s <= va.start < e for s, e in vb.regions)   # 「虽然…但仍有差距。下一步…」
        if vb.start < va.start and not inside:
            yield ctx.diagnostic(rule, vb.start, vb.start,
                                 fields=dict(before=names.get(b, b),
                                                             after=names.get(a, a)))

