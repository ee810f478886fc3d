"""``section``: is a required part of the report there, as a heading, only in the body, or not at all?

The parts are located before any check runs, once per document, by :mod:`lawlint.parts` (which
also documents how detection reads this check type's parameters). This check only turns the
located part into a diagnostic: absent → the rule's message (or ``promised`` when a heading
promised the part but its text has none); found only in the body → ``body``.
"""
from __future__ import annotations

from .. import causal, partscore
from ..parts import compile_patterns
from ..resources import load_data
from ..vocabulary import SECTION_IDS, SEVERITY_SCHEMA

_STR_LIST = {"type": "array", "items": {"type": "string"}}
_FINDING = {
    "type": "object", "additionalProperties": False, "required": ["message"],
    "properties": {"message": {"type": "string"}, "suggestion": {"type": "string"},
                   "severity": SEVERITY_SCHEMA,
                   "weight": {"type": "number", "minimum": 0}},
}
# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = ("year", "next_year", "prev_year")
PARAMS = {
    "section": {"enum": list(SECTION_IDS), "description": "部分编号（见设计文档 §3）"},
    "heading": dict(_STR_LIST, default=[], description="标题匹配的正则（任一命中即视为专门标题）"),
    "heading_exclude": dict(_STR_LIST, default=[], description="排除的标题正则"),
    "weak_heading": dict(_STR_LIST, default=[], description="只“承诺”该部分的标题：需正文证据才算数"),
    "areas": {"type": "object", "additionalProperties": False, "required": ["patterns", "min"],
              "properties": {"patterns": _STR_LIST, "min": {"type": "integer", "minimum": 1}},
              "description": "按工作领域设标题的报告：一级标题命中领域的最少个数"},
    "evidence": dict(_STR_LIST, default=[], description="正文证据正则"),
    "evidence_min": {"default": 1, "type": "integer", "minimum": 1, "description": "至少命中的不同证据数"},
    "lead": dict(_STR_LIST, default=[], description="段首证据正则（段落以此开头即可）"),
    "lead_after": {"enum": list(SECTION_IDS),
                   "description": "在该部分开始之后，句首匹配 lead 也算证据（如不足之后接着写“2022年，我县将……”）"},
    "weak_evidence": dict(_STR_LIST, default=[], description="弱证据正则（按句计数）"),
    "weak_min": {"default": 1, "type": "integer", "minimum": 1, "description": "至少命中弱证据的句数"},
    "scope": {"default": "document", "type": "string", "description": "在何处找正文证据：document 或另一部分的编号"},
    "not_within": {"default": [], "type": "array", "items": {"enum": list(SECTION_IDS)},
                   "description": "不计入这些部分之内的标题和正文（如下一年度安排中的“加强党的领导”）"},
    "body": dict(_FINDING, description="只在正文中提及（无专门标题）时的提示"),
    "promised": dict(_FINDING, description="标题承诺了该部分但正文没有内容时的信息"),
    "causal": causal.SCHEMA,
    "score": partscore.SCHEMA,
    "no_scope": dict(_FINDING, description="scope 指向的部分缺失时的信息（如没有不足，也就没有原因）"),
    "inline_items": dict(_STR_LIST, description="段内“一是……。”条目的标题正则：命中且本条有足够证据即算专门标题"),
}
REQUIRED = ("section",)   # parameters a rule of this type must give


def compile(rule):
    return compile_patterns(rule)


def _year_fields(ctx) -> dict:
    if ctx.year is None:
        return dict(load_data("wording.yaml")["section"]["unknown_year"])
    return {"year": ctx.year, "next_year": ctx.year + 1, "prev_year": ctx.year - 1}


def check(ctx, rule):
    verdict = ctx.section(rule.params["section"])
    p = rule.params
    if not verdict.reached:
        return          # a partial text that stops before this part: not reached, not missing
    if verdict.status == "absent":
        base = p["scope"]
        start = 0
        message = rule.message
        if verdict.note == "promised" and "promised" in p:
            message = p["promised"]["message"]
            start = verdict.start
        elif base != "document" and ctx.section(base).start is not None:
            start = ctx.section(base).start
        elif ctx.doc.body_blocks:
            start = ctx.doc.body_blocks[0].start
        if verdict.note == "no-scope" and "no_scope" in p:
            message = p["no_scope"]["message"]     # no shortcomings: causes missing, not "only listed"
        yield ctx.diagnostic(rule, start, start, message=message, fields=_year_fields(ctx))
    elif verdict.status == "body" and "body" in p:
        b = p["body"]
        yield ctx.diagnostic(rule, verdict.start, verdict.start, message=b["message"],
                             suggestion=b.get("suggestion"), fields=_year_fields(ctx),
                             severity=b.get("severity", "warning"), weight=b.get("weight", 0))
