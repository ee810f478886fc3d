"""Value objects that flow out of the engine: Diagnostic, FileResult. Both are picklable."""
from __future__ import annotations

from .plain import dataclass, field, fields
from itertools import repeat
from operator import attrgetter

from .vocabulary import SECTION_IDS, SEVERITY_NAMES, SEVERITY_RANK  # noqa: F401 - re-exported


@dataclass(slots=True)        # hundreds per report: slots make each cheaper to build and read
class Diagnostic:
    rule: str
    severity: str
    category: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestion: str = ""
    basis: str = ""
    fixable: bool = False
    start: int = 0            # character offsets in the loaded text (not part of the JSON contract)
    end: int = 0
    replacement: str | None = None   # the text a safe fix puts in [start, end)
    weight: float | None = None      # points this finding costs, when not the rule's weight
    baseline: bool = False           # recorded in the --baseline file: shown, but does not fail
    folded: int = 0                  # further findings of its rule this one stands for (lawlint.checks.overflow)
    # The stable identity (lawlint.reporters.fingerprint), for SARIF, GitLab and baselines: None until
    # lawlint.reporters.fingerprint.of(result) computes it (most outputs never do).
    _fingerprint: str | None = field(default=None, repr=False, compare=False)

    def __init__(self, rule, severity, category, line, column, end_line, end_column, message, suggestion="",
                 basis="", fixable=False, start=0, end=0, replacement=None, weight=None, baseline=False,
                 folded=0, _fingerprint=None):      # (plain's __init__ is generic: this one is built often)
        # one store per statement: ``a.x, a.y = x, y`` of four or more builds and unpacks a tuple
        self.rule = rule
        self.severity = severity
        self.category = category
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.message = message
        self.suggestion = suggestion
        self.basis = basis
        self.fixable = fixable
        self.start = start
        self.end = end
        self.replacement = replacement
        self.weight = weight
        self.baseline = baseline
        self.folded = folded
        self._fingerprint = _fingerprint

    @property
    def fingerprint(self) -> str:
        fp = self._fingerprint
        if fp is None:
            raise RuntimeError("fingerprint not computed: call lawlint.reporters.fingerprint.of(result) first")
        return fp

    @fingerprint.setter
    def fingerprint(self, value: str) -> None:
        self._fingerprint = value

    def __reduce__(self):
        # The fields in order, as one tuple: a batch sends hundreds per report between processes,
        # and a tuple per finding pickles 5x and unpickles 2.4x faster than a dict of its slots.
        return Diagnostic, _FIELDS(self)

    def to_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "category": self.category,
                "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "message": self.message,
                "suggestion": self.suggestion, "basis": self.basis, "fixable": self.fixable}


_FIELDS = attrgetter(*(f.name for f in fields(Diagnostic)))     # every field, in __init__'s order


_NONE = object()                # (fields no finding has)


def spans_to_diagnostics(rule, items, position, line_start, lines: int, text: str, filled_in) -> list:
    """The findings of ``rule`` over the (start, end, fields, replacement, weight) of ``items`` (in
    text order, mostly), as ``lawlint.engine.Context.diagnostic`` makes each: ``position(offset)``
    gives (line, column), ``line_start(line)`` a line's first offset (None: unknown), ``lines`` how
    many there are, ``filled_in(message, suggestion, fields)`` the message and suggestion filled.
    A systemic rule (half-width marks) makes hundreds per report: each distinct ``fields`` object is
    filled once, a finding on the previous one's line is placed without a lookup, and each
    Diagnostic's fields are stored here rather than by a call to ``__init__`` through the C layer
    (≈ 1.3 k instructions a finding; tests/test_bulk_diagnostics.py: every field as __init__ sets it)."""
    rule_id, severity, category, basis = rule.id, rule.severity, rule.category, rule.basis
    message, suggestion = rule.message, rule.suggestion
    size = len(text)
    here = after = -1           # the line of the previous finding: [here, after) (findings come in order)
    line = 0
    filled: dict = {}
    last, msg, sug = _NONE, None, None      # the previous finding's fields, its message and suggestion
    items = items if type(items) is list else list(items)
    # every finding's object made in one C loop (a call to object.__new__ a finding from this
    # loop cost ≈ 0.5 k instructions more), each then filled in below
    out = list(map(object.__new__, repeat(Diagnostic, len(items))))
    for d, (start, end, fields, replacement, weight) in zip(out, items):
        if fields is not last:              # (most findings share the previous one's fields)
            if fields:
                got = filled.get(id(fields))
                if got is None:
                    got = filled[id(fields)] = (fields, *filled_in(message, suggestion, fields))
                _, msg, sug = got
            else:
                msg, sug = message, suggestion
            last = fields
        if here <= start < after:           # on the previous finding's line
            col = start - here + 1
            if end <= start:
                end_line, end_col = line, col
            elif end < after:               # before the line's end: no line break in between
                end_line, end_col = line, col + end - start
            else:
                end_line, end_col = position(end)
        else:
            line, col = position(start)
            if end <= start:
                end_line, end_col = line, col
            elif end <= size and text.find("\n", start, end) == -1:
                end_line, end_col = line, col + end - start
            else:
                end_line, end_col = position(end)
            if line_start is not None and 0 <= start <= size:
                here = line_start(line)
                after = line_start(line + 1) if line < lines else size + 1
            else:
                here = after = -1
        d.rule = rule_id
        d.severity = severity
        d.category = category
        d.line = line
        d.column = col
        d.end_line = end_line
        d.end_column = end_col
        d.message = msg
        d.suggestion = sug
        d.basis = basis
        d.fixable = replacement is not None
        d.start = start
        d.end = end
        d.replacement = replacement
        d.weight = weight
        d.baseline = False
        d.folded = 0
        d._fingerprint = None
    return out


@dataclass
class SectionVerdict:
    status: str = "absent"    # heading | body | absent
    line: int | None = None
    title: str = ""           # the heading that carries it, when status == heading
    start: int | None = None
    regions: list = field(default_factory=list)   # (start, end) spans of the part's text
    note: str = ""
    reached: bool = True      # False: a partial text stops before this part (not "missing")

    @property
    def display(self) -> str:
        """The key the outputs show it under: a status, or ``unreached``."""
        return self.status if self.reached else "unreached"

    def to_json(self) -> dict:
        if not self.reached:
            from .vocabulary import profile
            return {"status": self.status, "line": self.line, "reached": False,
                    "note": profile()["not_reached_note"]}
        return {"status": self.status, "line": self.line}


@dataclass
class FileResult:
    path: str
    report_year: int | None = None
    issuer: str | None = None
    title: str | None = None
    score: float | None = None
    grade: str | None = None
    categories: dict = field(default_factory=dict)
    sections: dict = field(default_factory=dict)
    diagnostics: list = field(default_factory=list)
    deductions: dict = field(default_factory=dict)   # rule id -> points deducted
    grade_cap: dict | None = None                    # the statutory ceiling on the grade, if any
    error: str | None = None                          # set when the file could not be checked
    line_label: str = "行"
    meta: dict = field(default_factory=dict)
    rules_run: tuple = ()                             # ids of the rules that ran on this file
    text: str | None = None                           # the loaded text, kept only for formats
                                                      # that show it (html); not in the contract
    partial: dict | None = None                       # a partial text: {status, signs, unreached};
                                                      # it has no grade (grade is None)

    @property
    def grade_label(self) -> str:
        """What the outputs show as the grade: the grade, or the partial text's status."""
        if self.grade is None and self.partial is not None:
            return self.partial["status"]
        return self.grade or ""

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def to_json(self, findings: bool = True) -> dict:
        """The JSON contract's object; ``findings=False`` leaves ``diagnostics`` None (in its
        place) for a writer that writes the findings itself."""
        if self.error is not None:
            return {"path": self.path, "error": self.error}
        return {
            "path": self.path,
            "report_year": self.report_year,
            "score": self.score,
            "grade": self.grade,
            "grade_cap": ({"grade": self.grade_cap["grade"], "reason": self.grade_cap["reason"],
                           "missing": self.grade_cap["missing"]} if self.grade_cap else None),
            "categories": self.categories,
            "sections": {sid: self.sections.get(sid, SectionVerdict()).to_json()
                         for sid in SECTION_IDS},
            "diagnostics": [d.to_json() for d in self.diagnostics] if findings else None,
            **({"partial": self.partial} if self.partial is not None else {}),
        }
