"""What a comparison produces (its JSON is documented in docs/compare.md), and its settings."""
from __future__ import annotations

import re
from ..plain import dataclass, field
from functools import lru_cache

from .words import is_punct


@dataclass
class Passage:
    """A maximal stretch of this year's text made of n-grams that also occur in last year's."""
    text: str
    chars: int                # characters other than punctuation and spaces
    this_line: int
    last_line: int

    def to_json(self) -> dict:
        return {"text": self.text, "last_line": self.last_line, "this_line": self.this_line,
                "chars": self.chars}


@dataclass
class PlanItem:
    item: str
    last_line: int
    status: str               # reported | not_found
    score: float              # weighted share of the item's content words in the best evidence
    evidence_line: int | None = None
    evidence: str = ""

    def to_json(self) -> dict:
        return {"item": self.item, "last_line": self.last_line, "status": self.status,
                "evidence_line": self.evidence_line, "evidence": self.evidence, "score": self.score}


@dataclass
class Recurrence:
    text: str                 # last year's sentence
    last_line: int
    this_text: str
    this_line: int
    similarity: float

    def to_json(self) -> dict:
        return {"text": self.text, "last_line": self.last_line, "this_text": self.this_text,
                "this_line": self.this_line, "similarity": self.similarity}


@dataclass
class Comparison:
    last: str
    this: str
    last_year: int | None = None
    this_year: int | None = None
    issuer: str | None = None
    last_label: str = "行"          # what a "line" is in each file (a .docx paragraph: 段)
    this_label: str = "行"
    repeated_share: float = 0.0
    passages: list = field(default_factory=list)
    passages_total: int = 0
    plans: list = field(default_factory=list)
    plans_skipped: int = 0          # items too vague to trace (too few content words)
    recurring: list = field(default_factory=list)
    sections: dict = field(default_factory=dict)   # last_plans, last_shortcomings, this_plans, this_shortcomings
    notes: list = field(default_factory=list)      # Chinese remarks: missing parts, swapped years

    def to_json(self) -> dict:
        return {"last": self.last, "this": self.this, "last_year": self.last_year,
                "this_year": self.this_year, "issuer": self.issuer,
                "repeated_share": self.repeated_share, "passages_total": self.passages_total,
                "passages": [p.to_json() for p in self.passages],
                "plans": [p.to_json() for p in self.plans], "plans_skipped": self.plans_skipped,
                "recurring_shortcomings": [r.to_json() for r in self.recurring],
                "sections": dict(self.sections), "notes": list(self.notes)}


@dataclass
class CompareRun:
    comparisons: list = field(default_factory=list)
    unmatched: list = field(default_factory=list)   # {"path", "side": "last" | "this"}
    errors: list = field(default_factory=list)      # {"path", "error"}: files that could not be read

    def to_json(self, version: str) -> dict:
        return {"lawlint": version, "comparisons": [c.to_json() for c in self.comparisons],
                "unmatched": list(self.unmatched), "errors": list(self.errors)}


@lru_cache(maxsize=1)
def settings() -> dict:
    from ..rulepack.resources import load_data
    data = load_data("compare.yaml")
    items = data["items"]
    return {**data, "split_before": re.compile(items["split_before"]),
            "lead": re.compile(items["lead"]), "stop": frozenset(data["plans"]["stop_words"])}


class Report:
    """A loaded source, lawlint's verdict on it, and its words (segmented once). Web-page chrome
    (navigation, footers: the same on every page of a site) is no part of the report's text."""

    def __init__(self, source, result, doc):
        from ..parse.segment import segment
        self.source, self.result, self.text = source, result, source.text
        self.chrome = [(b.start, b.end) for b in doc.blocks if b.kind == "chrome"]
        self.words = [(w, o) for w, o in segment(self.text)
                      if not is_punct(w) and not self.in_chrome(o)]

    def in_chrome(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.chrome)

    def line(self, offset: int) -> int:
        return self.source.position(offset)[0]
