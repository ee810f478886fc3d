"""``truncation``: is the text only the opening of a report (a web page cut off, a first page)?

The decision is not made here: it is the last stage of part location (:mod:`lawlint.sections.stage`),
made once before any check runs, from this rule's parameters; a partial text's absent parts are
``reached = False`` (JSON ``"reached": false``), the section rules report nothing for them and the
text gets no grade. This check only gives the one note naming the signs and the parts not reached.
"""
from __future__ import annotations

from ..vocabulary import SECTION_IDS, section_names
from .spec import CheckSpec, Param

SPEC = CheckSpec({
    "min_chars": Param({"type": "integer", "minimum": 1}, 800,
                       "只有开头的一页：正文字数低于此数、有标题或网页残留、未见不足和末尾部分"),
    "closing_window": Param({"type": "integer", "minimum": 1}, 60,
                            "正文最后多少个字内有“发文单位+完整日期”或“特此报告”即视为有结尾"),
    "closing": Param({"type": "string"}, "特此报告",
                     "结尾的样子（正则，在正文最后 closing_window 个字内查找，如“发文单位+完整日期”“特此报告”）",
                     regex=True, prefilter=False),
    "sentence_end": Param({"type": "string"}, "。！？!?…”」』）)", "句末标点（正文最后一段以其结尾即不算中断）"),
    "cut_markers": Param({"type": "array", "items": {"type": "string"}}, [],
                         "表示正文被截断的标记（正则，匹配正文最后一段的末尾）", regex=True, prefilter=False),
    "last_parts": Param({"type": "array", "items": {"enum": list(SECTION_IDS)}}, ["plans"],
                        "完整报告末尾的部分（这些部分都缺失时，句中中断才算截断）"),
    "signs": Param({"type": "object", "additionalProperties": False,
                    "properties": {k: {"type": "string"}
                                   for k in ("no_ending", "cut", "marker", "heading", "short", "chrome")}}, {},
                   "提示中各项迹象的说法（可用 {chars}）"),
}, fields=("signs", "parts"))


def check(ctx, rule, p):
    found = ctx.partial
    if found is None:
        return
    names = section_names()
    parts = "、".join(names.get(sid, sid) for sid in found.unreached) or "无"
    yield ctx.diagnostic(rule, found.offset, found.offset,
                         fields={"signs": "；".join(found.signs), "parts": parts})
