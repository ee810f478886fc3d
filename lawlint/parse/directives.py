"""Inline suppression comments, on lines of their own:

    <!-- lawlint-disable rule.a, rule.b -- 理由 -->     … <!-- lawlint-enable -->
    <!-- lawlint-disable-next-line rule.a -- 理由 -->
    <!-- lawlint-disable-file rule.a -->
    // lawlint-disable-next-line rule.a -- 理由          (the same, as a line comment in .txt)

No rule id means every rule. Directive lines are not part of the report's text (the parser skips
them). A directive that suppresses nothing is itself reported (``lawlint.unused_suppression``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..plain import dataclass, field

from ..chars import SPACE_CLASS, is_blank, strip_blank
from ..rulepack import regexcache
from ..rulepack.selectors import any_match, names_any

DIRECTIVE = regexcache.compile(
    rf"^{SPACE_CLASS}*(?:<!--\s*(?P<a>lawlint-(?:disable-next-line|disable-file|disable|enable))\b(?P<ra>.*?)-->"
    rf"|//\s*(?P<b>lawlint-(?:disable-next-line|disable-file|disable|enable))\b(?P<rb>.*)){SPACE_CLASS}*$")


@dataclass
class Directive:
    kind: str                 # disable | enable | disable-next-line | disable-file
    ids: tuple
    reason: str
    line: int                 # where the directive is
    first: int = 0            # lines it covers
    last: int = 0
    used: bool = False
    unknown: tuple = field(default_factory=tuple)

    def covers(self, rule_id: str, line: int) -> bool:
        if not (self.first <= line <= self.last):
            return False
        return not self.ids or any_match(rule_id, self.ids)


def is_directive(line: str) -> bool:
    return "lawlint-" in line and DIRECTIVE.match(line) is not None     # (asked of every line)


def may_hold(text: str) -> bool:
    """Can a line of ``text`` be a directive? Not when the text lacks what every directive line
    holds (「lawlint-」, :func:`lawlint.rulepack.literals.required`): one ``in`` for the whole
    report, where a report without directives (nearly all) had each of its lines matched."""
    needed = _needed()
    return needed is None or any(s in text for s in needed)


@lru_cache(maxsize=1)
def _needed():                  # (remembered across processes with the compiled patterns)
    return regexcache.required_literals(DIRECTIVE.pattern)


def parse(text: str, known_ids=()) -> list[Directive]:
    if not may_hold(text):
        return []
    lines = text.split("\n")
    out: list[Directive] = []
    open_ranges: list[Directive] = []
    for n, line in enumerate(lines, 1):
        m = DIRECTIVE.match(line)
        if not m:
            continue
        kind = (m.group("a") or m.group("b"))[len("lawlint-"):]
        rest = m.group("ra") if m.group("a") else m.group("rb")
        body, _, reason = rest.partition("--")
        ids = tuple(i for i in re.split(r"[\s,，]+", strip_blank(body)) if i)
        unknown = tuple(i for i in ids if known_ids and not names_any(i, known_ids))
        d = Directive(kind, ids, strip_blank(reason), n, unknown=unknown)
        if kind == "disable-file":
            d.first, d.last = 1, len(lines)
        elif kind == "disable-next-line":
            nxt = next((k for k in range(n + 1, len(lines) + 1)
                        if not is_blank(lines[k - 1]) and not DIRECTIVE.match(lines[k - 1])), n + 1)
            d.first = d.last = nxt
        elif kind == "disable":
            d.first, d.last = n + 1, len(lines)
            open_ranges.append(d)
        else:  # enable closes the matching (or every) open range
            for o in list(open_ranges):
                if not ids or set(o.ids) & set(ids) or not o.ids:
                    o.last = n - 1
                    open_ranges.remove(o)
            continue
        out.append(d)
    return out


def apply(directives: list[Directive], diagnostics: list) -> list:
    """Drop suppressed diagnostics; mark the directives that were used."""
    if not directives:
        return diagnostics
    kept = []
    for d in diagnostics:
        hit = [s for s in directives if s.covers(d.rule, d.line)]
        if hit:
            for s in hit:
                s.used = True
        else:
            kept.append(d)
    return kept


def covered(directives: list[Directive], d) -> bool:
    """Whether directives suppress one finding (those that do are marked used)."""
    hit = [s for s in directives if s.covers(d.rule, d.line)]
    for s in hit:
        s.used = True
    return bool(hit)


def covered_by_span(spans, d) -> bool:
    """Whether a Word comment 「忽略」 suppresses one finding (see :func:`apply_spans`)."""
    return bool(spans) and any((d.start < end and max(d.end, d.start + 1) > start)
                               and (not ids or any_match(d.rule, ids)) for start, end, ids in spans)


def apply_spans(spans, diagnostics: list) -> list:
    """Drop the findings on text a Word comment 「忽略」 is anchored on (``spans``: (start, end,
    rule ids), lawlint.loaders.docx_ignore); no ids: every rule."""
    if not spans:
        return diagnostics
    return [d for d in diagnostics
            if not any((d.start < end and max(d.end, d.start + 1) > start)
                       and (not ids or any_match(d.rule, ids)) for start, end, ids in spans)]
