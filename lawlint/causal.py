"""Cause analysis: does a sentence explain *why* a shortcoming arose, or only restate it?

A reader accepts a sentence as cause analysis when it has a causal frame (「原因」「究其原因」
「主观上…客观上」「归根到底」「源于」…) *and* names a cause: a cause predicate such as 认识不到位,
重视不够, 力量不足, 编制未增加, 培训不系统, 机制不健全. 「原因是执法不够规范」 has the frame but only
repeats the problem, so it is not analysis. A weak frame (由于, 导致, 一方面…) makes a sentence count
only when it names ``weak_min`` distinct causes: 「重视不够，导致推进不平衡」 is one causal clause in a
problem list, not an analysis. Frames and predicates are data (``causal:`` of a section rule).
"""
from __future__ import annotations

from . import regexcache

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
    },
    "description": "原因分析：句中有因果框架并说出原因",
}


def compile(spec: dict) -> dict:
    return {"frames": [regexcache.compile(p) for p in spec.get("frames", [])],
            "weak_frames": [regexcache.compile(p) for p in spec.get("weak_frames", [])],
            "predicates": [regexcache.compile(p) for p in spec.get("predicates", [])],
            "weak_min": spec.get("weak_min", 2)}


def explains(text: str, compiled: dict) -> bool:
    """Is this sentence cause analysis (a frame together with enough named causes)?"""
    causes = sum(1 for rx in compiled["predicates"] if rx.search(text))
    if not causes:
        return False
    if any(rx.search(text) for rx in compiled["frames"]):
        return True
    return causes >= compiled["weak_min"] and any(rx.search(text) for rx in compiled["weak_frames"])
