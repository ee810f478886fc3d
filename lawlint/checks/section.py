"""``section``: is a required part of the report there, as a heading, only in the body, or not at all?

The parts are located before any check runs, once per document, by :mod:`lawlint.sections.detect` (which
also documents how detection reads this check type's parameters). This check only turns the
located part into a diagnostic: absent → the rule's message (or ``promised`` when a heading
promised the part but its text has none); found only in the body → ``body``.
"""
from __future__ import annotations

from ..rulepack.resources import load_data
from ..sections import evidence
from ..vocabulary import SECTION_IDS, SEVERITY_SCHEMA
from .spec import REQUIRED, CheckSpec, Group, Param, Table

_STR_LIST = {"type": "array", "items": {"type": "string"}}


def _patterns(description):
    """Regexes matched per report year (they may use {year}, {next_year}, {prev_year})."""
    return Param(_STR_LIST, [], description, regex=True, year=True)


def _finding(description):
    return Group({"message": Param({"type": "string"}, REQUIRED),
                  "suggestion": Param({"type": "string"}, None, "不写则用规则的修改建议"),
                  "severity": Param(SEVERITY_SCHEMA, "warning"),
                  "weight": Param({"type": "number", "minimum": 0}, 0)}, None, description)


def _weighted(description):
    """``[{pattern, weight}]`` or ``[{all: [patterns], weight}]`` (patterns per report year)."""
    return Table({"pattern": Param({"type": "string"}, None, regex=True, year=True),
                  "all": Param(_STR_LIST, None, "同句全部命中", regex=True, year=True),
                  "weight": Param({"type": "number"}, 1)}, [], description)


def _score():
    """A part's weighted evidence (:mod:`lawlint.sections.evidence` reads it)."""
    number = {"type": "number"}
    return Group({
        "frame": Param({"type": "boolean"}, False, "与其他 frame 部分竞争整节（举措、不足、安排）"),
        "title": Param(number, 0, "标题命中 heading 的分值"),
        "threshold": Param(number, 1, "成为该部分的最低分"),
        "cap": Param(number, 0, "句子证据的分值上限（0：不设上限）"),
        "last": Param(number, 0, "是最后一个一级标题时加的分"),
        "title_min": Param(number, 0, "标题至少要得的分（正文再多，标题毫无相关也不算专门标题）"),
        "title_cues": _weighted("标题中的其他词及分值"),
        "sentences": _weighted("句子证据（pattern，或 all：同句全部命中）及分值"),
    }, None, "按加权证据判断一节属于哪个部分（lawlint/sections/evidence.py）")


def _causal():
    """Cause analysis (:mod:`lawlint.sections.causal` reads it); its patterns run on many short clauses, so
    they are compiled at load without a literal prefilter."""
    def patterns(default, description):
        return Param(_STR_LIST, default, description, regex=True, prefilter=False)
    return Group({
        "frames": patterns(REQUIRED, "因果框架（原因、究其原因、主观上…）：与一个原因谓词同句即算原因分析"),
        "weak_frames": patterns([], "弱因果框架（由于、导致…）：同句须有 weak_min 个不同原因谓词"),
        "predicates": patterns(REQUIRED, "原因谓词（认识不到位、力量不足、培训不系统…），不是问题的复述"),
        "weak_min": Param({"type": "integer", "minimum": 1}, 2),
        "deficits": patterns([], "缺陷谓词（开放类：不足、未…、没有…、滞后、偏少…）：框架之后的分句命中即可能是原因"),
        "outcomes": patterns([], "工作表现上的欠缺（执法不够规范、宣传不够深入）：是问题本身，不是原因"),
        "restate": Param({"type": "number", "minimum": 0, "maximum": 1}, 0.6,
                         "分句的字对有多大比例出现在某一条问题中即算复述问题（不是原因）"),
    }, None, "原因分析：句中有因果框架并说出原因")


SPEC = CheckSpec({
    "section": Param({"enum": list(SECTION_IDS)}, REQUIRED, "部分编号（见设计文档 §3）"),
    "heading": _patterns("标题匹配的正则（任一命中即视为专门标题）"),
    "heading_exclude": _patterns("排除的标题正则"),
    "weak_heading": _patterns("只“承诺”该部分的标题：需正文证据才算数"),
    "areas": Group({"patterns": Param(_STR_LIST, REQUIRED, regex=True, year=True),
                    "min": Param({"type": "integer", "minimum": 1}, REQUIRED)}, None,
                   "按工作领域设标题的报告：一级标题命中领域的最少个数"),
    "evidence": _patterns("正文证据正则"),
    "evidence_min": Param({"type": "integer", "minimum": 1}, 1, "至少命中的不同证据数"),
    "lead": _patterns("段首证据正则（段落以此开头即可）"),
    "lead_after": Param({"enum": list(SECTION_IDS)}, None,
                        "在该部分开始之后，句首匹配 lead 也算证据（如不足之后接着写“2022年，我县将……”）"),
    "weak_evidence": _patterns("弱证据正则（按句计数）"),
    "weak_min": Param({"type": "integer", "minimum": 1}, 1, "至少命中弱证据的句数"),
    "scope": Param({"type": "string"}, "document", "在何处找正文证据：document 或另一部分的编号"),
    "not_within": Param({"type": "array", "items": {"enum": list(SECTION_IDS)}}, [],
                        "不计入这些部分之内的标题和正文（如下一年度安排中的“加强党的领导”）"),
    "body": _finding("只在正文中提及（无专门标题）时的提示"),
    "promised": _finding("标题承诺了该部分但正文没有内容时的信息"),
    "causal": _causal(),
    "score": _score(),
    "no_scope": _finding("scope 指向的部分缺失时的信息（如没有不足，也就没有原因）"),
    "inline_items": _patterns("段内“一是……。”条目的标题正则：命中且本条有足够证据即算专门标题"),
}, fields=("year", "next_year", "prev_year"),
    derived={"score_spec": lambda p: evidence.compile_spec(p["score"])})


def _year_fields(ctx) -> dict:
    if ctx.year is None:
        return dict(load_data("wording.yaml")["section"]["unknown_year"])
    return {"year": ctx.year, "next_year": ctx.year + 1, "prev_year": ctx.year - 1}


def check(ctx, rule, p):
    verdict = ctx.section(p.section)
    if not verdict.reached:
        return          # a partial text that stops before this part: not reached, not missing
    if verdict.status == "absent":
        base = p.scope
        start = 0
        message = rule.message
        if verdict.note == "promised" and p.promised is not None:
            message = p.promised.message
            start = verdict.start
        elif base != "document" and ctx.section(base).start is not None:
            start = ctx.section(base).start
        elif ctx.doc.body_blocks:
            start = ctx.doc.body_blocks[0].start
        if verdict.note == "no-scope" and p.no_scope is not None:
            message = p.no_scope.message     # no shortcomings: causes missing, not "only listed"
        yield ctx.diagnostic(rule, start, start, message=message, fields=_year_fields(ctx))
    elif verdict.status == "body" and p.body is not None:
        b = p.body
        yield ctx.diagnostic(rule, verdict.start, verdict.start, message=b.message,
                             suggestion=b.suggestion, fields=_year_fields(ctx),
                             severity=b.severity, weight=b.weight)
