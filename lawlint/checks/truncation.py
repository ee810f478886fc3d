"""``truncation``: is the text only the opening of a report (a web page cut off, a first page)?

A partial text is judged on what it shows: parts it never reached are not missing. The signs are
data (the rule's parameters): no closing (特此报告, a date), the last paragraph stopping mid-sentence
(or a 「未完」/「阅读全文」 marker), and the text far below a report's length or without a
shortcomings part. The next-year plans, written last, must be absent too. When the text is judged
partial, every absent part is marked ``reached = False`` (JSON ``"reached": false``), the section
rules report nothing for it, and this rule gives one note naming the signs and the parts.
"""
from __future__ import annotations

from ..template import fill
from ..vocabulary import SECTION_IDS, section_names
from .spec import CheckSpec, Param

SPEC = CheckSpec({
    "min_chars": Param({"type": "integer", "minimum": 1}, 3000, "正文字数低于此数视为远短于一篇完整报告"),
    "sentence_end": Param({"type": "string"}, "。！？!?…”」』）)", "句末标点（正文最后一段以其结尾即不算中断）"),
    "cut_markers": Param({"type": "array", "items": {"type": "string"}}, [],
                         "表示正文被截断的标记（正则，匹配正文最后一段的末尾）", regex=True, prefilter=False),
    "last_parts": Param({"type": "array", "items": {"enum": list(SECTION_IDS)}}, ["plans"],
                        "完整报告末尾的部分（这些部分都缺失时才可能是截断）"),
    "signs": Param({"type": "object", "additionalProperties": False,
                    "properties": {k: {"type": "string"} for k in ("no_ending", "cut", "short", "chrome")}}, {},
                   "提示中各项迹象的说法（short 可用 {chars}）"),
}, fields=("signs", "parts"))

_CACHE_KEY = "truncation"


def assess(ctx) -> dict | None:
    """The truncation verdict of this document (memoised): None, or the signs seen."""
    if _CACHE_KEY in ctx.cache:
        return ctx.cache[_CACHE_KEY]
    rule = next(iter(ctx.rules.of_check("truncation")), None)
    result = _assess(ctx, rule.bound(ctx.year)) if rule is not None else None
    ctx.cache[_CACHE_KEY] = result
    return result


def _assess(ctx, p):
    doc = ctx.doc
    if any(b.kind == "closing" for b in doc.blocks):
        return None
    body = doc.body_blocks
    if not body:
        return None
    if any(ctx.section(sid).status != "absent" for sid in p.last_parts):
        return None
    last = body[-1].text.rstrip()
    ends = p.sentence_end
    markers = p.cut_markers
    cut = (last and last[-1] not in ends) or any(rx.search(last) for rx in markers)
    if not cut:
        return None
    chars = sum(len(b.text) for b in body)
    short = chars < p.min_chars
    if not (short or ctx.section("shortcomings").status == "absent"):
        return None
    seen = ["no_ending", "cut"] + (["short"] if short else [])
    if any(b.kind in ("chrome", "page") for b in doc.blocks):
        seen.append("chrome")
    words = p.signs                       # how the note names each sign (the rule's YAML)
    signs = [fill(words[k], chars=chars) for k in seen if k in words]
    return {"signs": signs, "offset": body[-1].start}


def mark(ctx) -> None:
    """Flag the absent parts of a partial text as not reached (the engine calls this once all
    parts are located, before any check runs)."""
    if assess(ctx) is None:
        return
    for verdict in ctx.sections.values():
        if verdict.status == "absent":
            verdict.reached = False


def check(ctx, rule, p):
    found = assess(ctx)
    if found is None:
        return
    names = section_names()
    parts = [names.get(sid, sid) for sid in SECTION_IDS if not ctx.section(sid).reached]
    if not parts:
        return
    yield ctx.diagnostic(rule, found["offset"], found["offset"],
                         fields={"signs": "；".join(found["signs"]), "parts": "、".join(parts)})
