"""Cause analysis: does a paragraph explain *why* a shortcoming arose, or only restate it?

A causal frame (「究其原因」「原因主要是」「主观上…客观上」) governs the text after it to the end of
its paragraph (「究其原因，一是…；二是…；三是…」); under a 原因 heading the whole section is governed.
A governed clause is a cause when it names a condition — any deficiency predicate of an open class
(``deficits``: 不足、未…、没有…、缺乏、滞后、晚于、偏少、流动…) — and does not restate a problem the
shortcomings already listed (most of its character pairs appear in one problem sentence,
``restate``). The closed ``predicates`` list still decides weak frames, as below.

A reader accepts a sentence as cause analysis when it has a causal frame (「原因」「究其原因」
「主观上…客观上」「归根到底」「源于」…) *and* names a cause: a cause predicate such as 认识不到位,
重视不够, 力量不足, 编制未增加, 培训不系统, 机制不健全. 「原因是执法不够规范」 has the frame but only
repeats the problem, so it is not analysis. A weak frame (由于, 导致, 一方面…) makes a sentence count
only when it names ``weak_min`` distinct causes: 「重视不够，导致推进不平衡」 is one causal clause in a
problem list, not an analysis. Frames and predicates are data (``causal:`` of a section rule).
"""
from __future__ import annotations

from ..rulepack import regexcache
from ..chars import CN_NUMERAL_CHARS

SCHEMA = {
    "type": "object", "additionalProperties": False, "required": ["frames", "predicates"],
    "properties": {
        "frames": {"type": "array", "items": {"type": "string"},
                   "description": "因果框架（原因、究其原因、主观上…）：与一个原因谓词同句即算原因分析"},
        "weak_frames": {"type": "array", "items": {"type": "string"},
                        "description": "弱因果框架（由于、导致…）：同句须有 weak_min 个不同原因谓词"},
        "predicates": {"type": "array", "items": {"type": "string"},
                       "description": "原因谓词（认识不到位、力量不足、培训不系统…），不是问题的复述"},
        "weak_min": {"type": "integer", "minimum": 1},
        "deficits": {"type": "array", "items": {"type": "string"},
                     "description": "缺陷谓词（开放类：不足、未…、没有…、滞后、偏少…）：框架之后的分句命中即可能是原因"},
        "outcomes": {"type": "array", "items": {"type": "string"},
                     "description": "工作表现上的欠缺（执法不够规范、宣传不够深入）：是问题本身，不是原因"},
        "restate": {"type": "number", "minimum": 0, "maximum": 1,
                    "description": "分句的字对有多大比例出现在某一条问题中即算复述问题（不是原因）"},
    },
    "description": "原因分析：句中有因果框架并说出原因",
}


def compile(spec: dict) -> dict:
    return {"frames": [regexcache.compile(p) for p in spec.get("frames", [])],
            "weak_frames": [regexcache.compile(p) for p in spec.get("weak_frames", [])],
            "predicates": [regexcache.compile(p) for p in spec.get("predicates", [])],
            "weak_min": spec.get("weak_min", 2),
            "deficits": [regexcache.compile(p) for p in spec.get("deficits", [])],
            "outcomes": [regexcache.compile(p) for p in spec.get("outcomes", [])],
            "restate": spec.get("restate", 0.6)}


_CLAUSE = regexcache.compile(f"[，,；;。：:！!？?\n]|[{CN_NUMERAL_CHARS}]是|其[{CN_NUMERAL_CHARS}]")


def framed(text: str, compiled: dict) -> bool:
    """Has the sentence a causal frame, strong or weak (it is analysis, not a listed problem)?"""
    return any(rx.search(text) for rx in compiled["frames"] + compiled["weak_frames"])


def _pairs(text: str) -> set:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def restates(clause: str, problems, share: float) -> bool:
    """Do most of the clause's character pairs appear in one problem sentence?"""
    pairs = _pairs(clause)
    if not pairs:
        return True
    return any(len(pairs & _pairs(p)) >= share * len(pairs) for p in problems)


def analysis(text: str, compiled: dict, problems, governed: bool = False):
    """Offset in ``text`` where a cause analysis starts, or None. ``governed``: the text sits
    under a 原因 heading (the heading is its frame)."""
    start = 0
    if not governed:
        hits = [m for rx in compiled["frames"] for m in [rx.search(text)] if m]
        if not hits:
            return _weak(text, compiled, problems)
        start = min(m.start() for m in hits)
    tail = text[start:]
    for rx in compiled["frames"]:
        tail = rx.sub(" ", tail)
    for clause in _CLAUSE.split(tail):
        clause = clause.strip()
        if len(clause) < 3:
            continue
        named = any(rx.search(clause) for rx in compiled["predicates"])
        if not named and (not any(rx.search(clause) for rx in compiled["deficits"])
                          or any(rx.search(clause) for rx in compiled["outcomes"])):
            continue            # no condition named, or only how the work fell short
        if not restates(clause, problems, compiled["restate"]):
            return start
    return None


def _weak(text, compiled, problems):
    """A sentence with a weak frame (由于, 导致) naming ``weak_min`` distinct causes in clauses
    that do not restate a problem."""
    offset = 0
    for sent in regexcache.compile(r"[^。！？!?]+[。！？!?]?").findall(text):
        fresh = "，".join(c for c in _CLAUSE.split(sent)
                         if len(c.strip()) >= 3 and not restates(c.strip(), problems, compiled["restate"]))
        if explains(fresh, compiled):
            return offset
        offset += len(sent)
    return None


def explains(text: str, compiled: dict) -> bool:
    """Is this sentence cause analysis (a frame together with enough named causes)?"""
    causes = sum(1 for rx in compiled["predicates"] if rx.search(text))
    if not causes:
        return False
    if any(rx.search(text) for rx in compiled["frames"]):
        return True
    return causes >= compiled["weak_min"] and any(rx.search(text) for rx in compiled["weak_frames"])
