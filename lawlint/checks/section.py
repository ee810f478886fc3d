"""``section``: is a required part of the report there, as a heading, only in the body, or not at all?

Detection is by content, not position (reports reorder the statutory items freely):

1. **Headings.** A heading (any level, run-in titles and unnumbered headings included) whose
   title matches ``heading`` and not ``heading_exclude`` makes the part ``heading``. A title that
   also matches ``weak_heading`` only *promises* the part (「存在的不足和原因」 promises causes):
   it counts only when its own text carries evidence.
2. **Work-area headings** (``areas``): enough top-level headings about the 纲要's work areas
   make a topic-structured report's measures part ``heading`` without an umbrella heading.
3. **Body evidence** inside ``scope`` (the whole report, or another part's text, e.g. causes are
   looked for inside the shortcomings part): ``evidence_min`` distinct ``evidence`` patterns, or a
   paragraph that opens with a ``lead`` pattern, or ``weak_min`` sentences with ``weak_evidence``.

Patterns may use ``{year}``, ``{next_year}`` and ``{prev_year}``; they are filled from the report
year (any year when it is unknown).
"""
from __future__ import annotations

import re

from .. import causal
from . import truncation
from ..engine import expand_year
from ..result import SECTION_IDS, SectionVerdict

_STR_LIST = {"type": "array", "items": {"type": "string"}}
_FINDING = {
    "type": "object", "additionalProperties": False, "required": ["message"],
    "properties": {"message": {"type": "string"}, "suggestion": {"type": "string"},
                   "severity": {"enum": ["error", "warning", "info"]},
                   "weight": {"type": "number", "minimum": 0}},
}
PARAMS = {
    "section": {"enum": list(SECTION_IDS), "description": "部分编号（见设计文档 §3）"},
    "heading": dict(_STR_LIST, description="标题匹配的正则（任一命中即视为专门标题）"),
    "heading_exclude": dict(_STR_LIST, description="排除的标题正则"),
    "weak_heading": dict(_STR_LIST, description="只“承诺”该部分的标题：需正文证据才算数"),
    "areas": {"type": "object", "additionalProperties": False, "required": ["patterns", "min"],
              "properties": {"patterns": _STR_LIST, "min": {"type": "integer", "minimum": 1}},
              "description": "按工作领域设标题的报告：一级标题命中领域的最少个数"},
    "evidence": dict(_STR_LIST, description="正文证据正则"),
    "evidence_min": {"type": "integer", "minimum": 1, "description": "至少命中的不同证据数"},
    "lead": dict(_STR_LIST, description="段首证据正则（段落以此开头即可）"),
    "lead_after": {"enum": list(SECTION_IDS),
                   "description": "在该部分开始之后，句首匹配 lead 也算证据（如不足之后接着写“2022年，我县将……”）"},
    "weak_evidence": dict(_STR_LIST, description="弱证据正则（按句计数）"),
    "weak_min": {"type": "integer", "minimum": 1},
    "scope": {"type": "string", "description": "在何处找正文证据：document 或另一部分的编号"},
    "not_within": {"type": "array", "items": {"enum": list(SECTION_IDS)},
                   "description": "不计入这些部分之内的标题和正文（如下一年度安排中的“加强党的领导”）"},
    "body": dict(_FINDING, description="只在正文中提及（无专门标题）时的提示"),
    "promised": dict(_FINDING, description="标题承诺了该部分但正文没有内容时的信息"),
    "causal": causal.SCHEMA,
}


def compile(rule):
    """Patterns depend on the report year, so compile lazily per year and memoise."""
    memo = {}

    def for_year(year):
        if year not in memo:
            p = rule.params
            memo[year] = {key: [re.compile(expand_year(x, year)) for x in p.get(key, [])]
                          for key in ("heading", "heading_exclude", "weak_heading", "evidence",
                                      "lead", "weak_evidence")}
            memo[year]["areas"] = [re.compile(expand_year(x, year))
                                   for x in p.get("areas", {}).get("patterns", [])]
            memo[year]["causal"] = causal.compile(p["causal"]) if "causal" in p else None
        return memo[year]

    return for_year  # compiled on first use; the loader validates a new pack with for_year(None)


def _year_fields(ctx) -> dict:
    if ctx.year is None:
        return {"year": "本", "next_year": "下一", "prev_year": "上一"}
    return {"year": ctx.year, "next_year": ctx.year + 1, "prev_year": ctx.year - 1}


def check(ctx, rule):
    verdict = detect(ctx, rule)
    p = rule.params
    if verdict.status == "absent" and truncation.not_reached(ctx, p["section"]):
        return          # a partial text that stops before this part: not reached, not missing
    if verdict.status == "absent":
        base = p.get("scope", "document")
        start = 0
        message = rule.message
        if verdict.note == "promised" and "promised" in p:
            message = p["promised"]["message"]
            start = verdict.start
        elif base != "document" and ctx.section(base).start is not None:
            start = ctx.section(base).start
        elif ctx.doc.body_blocks:
            start = ctx.doc.body_blocks[0].start
        yield ctx.diagnostic(rule, start, start, message=message, fields=_year_fields(ctx))
    elif verdict.status == "body" and "body" in p:
        b = p["body"]
        yield ctx.diagnostic(rule, verdict.start, verdict.start, message=b["message"],
                             suggestion=b.get("suggestion"), fields=_year_fields(ctx),
                             severity=b.get("severity", "warning"), weight=b.get("weight", 0))


def detect(ctx, rule) -> SectionVerdict:
    sid = rule.params["section"]
    if sid in ctx.sections:
        return ctx.sections[sid]
    ctx.sections[sid] = SectionVerdict(note="cycle")  # a rule that scopes to itself sees absent
    ctx.sections[sid] = verdict = _detect(ctx, rule)
    return verdict


def _detect(ctx, rule) -> SectionVerdict:
    doc, p = ctx.doc, rule.params
    pats = rule.compiled(ctx.year)
    scope = p.get("scope", "document")
    if scope != "document":
        base = ctx.section(scope)
        if base.status == "absent":
            return SectionVerdict(note="no-scope")
        regions = base.regions
    else:
        regions = [(0, len(doc.text))]
    excluded = [r for sid in p.get("not_within", []) for r in ctx.section(sid).regions]
    if excluded:
        regions = _subtract(regions, excluded)

    promised = None
    for h in doc.headings:
        title = h.title
        if any(s <= h.start < e for s, e in excluded):
            continue
        if not _any(pats["heading"], title) or _any(pats["heading_exclude"], title):
            continue
        body = doc.heading_body(h)
        if _any(pats["weak_heading"], title):
            if _has_evidence(doc, pats, p, [(h.start, h.end)]):
                return _verdict(doc, "heading", h)
            promised = promised or h
            continue
        if body.strip() or h.children:
            return _verdict(doc, "heading", h)

    if pats["areas"]:
        hits = [h for h in doc.top_headings if _any(pats["areas"], h.title)
                and not _any(pats["heading_exclude"], h.title)]
        if len(hits) >= p["areas"]["min"]:
            v = SectionVerdict("heading", doc.position(hits[0].start)[0], hits[0].title, hits[0].start)
            v.regions = [(h.start, h.end) for h in hits]
            return v

    after = None
    if p.get("lead_after"):
        after = ctx.section(p["lead_after"]).start
    where = _has_evidence(doc, pats, p, regions, after)
    if where is not None:
        start, region = where
        v = SectionVerdict("body", doc.position(start)[0], "", start)
        v.regions = [region]
        return v
    v = SectionVerdict(note="promised" if promised else "")
    if promised is not None:
        v.start = promised.start
    return v


def _subtract(regions, holes):
    out = []
    for s, e in regions:
        pieces = [(s, e)]
        for hs, he in sorted(holes):
            nxt = []
            for ps, pe in pieces:
                if he <= ps or hs >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < hs:
                    nxt.append((ps, hs))
                if he < pe:
                    nxt.append((he, pe))
            pieces = nxt
        out.extend(pieces)
    return out


def _verdict(doc, status, h) -> SectionVerdict:
    v = SectionVerdict(status, doc.position(h.start)[0], h.title, h.start)
    v.regions = [(h.start, h.end)]
    return v


def _any(patterns, text) -> bool:
    return any(rx.search(text) for rx in patterns)


def _has_evidence(doc, pats, p, regions, after=None):
    """Return (offset of the first evidence, the region it belongs to) or None. With ``after``
    (an offset), a sentence opening with a lead pattern anywhere after it counts as well."""
    blocks = [b for b in doc.body_blocks if any(s <= b.start < e for s, e in regions)]
    if not blocks:
        return None
    # A paragraph that opens with a lead pattern is evidence on its own.
    for i, b in enumerate(blocks):
        text_start = b.body_start if b.heading is not None else b.start
        lead_text = doc.text[text_start:b.end]
        for rx in pats["lead"]:
            if rx.match(lead_text):
                return text_start, _paragraph_region(doc, b)
    if after is not None:
        for b in blocks:
            if b.end <= after:
                continue
            for sent in b.sentences():
                if sent.start >= after and any(rx.match(sent.text) for rx in pats["lead"]):
                    return sent.start, (sent.start, _paragraph_region(doc, b)[1])
    # Distinct evidence patterns.
    need = p.get("evidence_min", 1)
    if pats["evidence"]:
        first, hits = None, 0
        for rx in pats["evidence"]:
            for b in blocks:
                m = rx.search(b.text)
                if m:
                    hits += 1
                    if first is None or b.start + m.start() < first[0]:
                        first = (b.start + m.start(), b)
                    break
        if hits >= need and first is not None:
            return first[0], _paragraph_region(doc, first[1])
    if pats["causal"]:
        for b in blocks:
            for s in b.sentences():
                if causal.explains(s.text, pats["causal"]):
                    return s.start, _paragraph_region(doc, b)
    if pats["weak_evidence"]:
        count, first = 0, None
        for b in blocks:
            for s in b.sentences():
                if _any(pats["weak_evidence"], s.text):
                    count += 1
                    first = first or (s.start, b)
        if count >= p.get("weak_min", 1) and first is not None:
            return first[0], _paragraph_region(doc, first[1])
    return None


def _paragraph_region(doc, block):
    """A part found only in the body: its paragraph and the paragraphs that follow it up to the
    next heading (a 「但仍存在…主要表现在：」 paragraph is often followed by the list)."""
    end = block.end
    for b in doc.body_blocks:
        if b.start <= block.start:
            continue
        if b.heading is not None:
            break
        end = b.end
        if b.start - block.end > 2000:
            break
    return (block.start, end)
