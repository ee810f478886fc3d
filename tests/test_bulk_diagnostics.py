"""Context.diagnostics builds a systemic rule's findings in one go: each exactly the finding
Context.diagnostic builds for the same span, fields, fix and weight."""
import pytest

from lawlint.api import ruleset_for
from lawlint.config import Config
from lawlint.parse.document import parse
from lawlint.engine import Context
from lawlint.loaders.source import Source

TEXTS = {
    "simplified": "一、主要做法\n我们坚持依法行政,推进改革(试点)。\n全年办理案件12件;成效明显。",
    "traditional": "一、主要做法\n我們堅持依法行政,推進改革(試點)。\n全年辦理案件12件;成效明顯。",
}


@pytest.mark.parametrize("kind", sorted(TEXTS))
def test_bulk_findings_equal_one_by_one(kind):
    text = TEXTS[kind]
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    rules = ruleset_for(Config())
    rule = next(r for r in rules if r.id == "punct.halfwidth")
    ctx = Context(doc=doc, rules=rules, year=doc.year)
    comma = {"mark": ",", "full": "，"}
    items = [
        (text.index(","), text.index(",") + 1, comma, "，", None),
        (text.index(";"), text.index(";") + 1, {"mark": ";", "full": "；"}, "；", 0),
        (text.index("("), text.index("("), comma, None, None),            # empty span
        (text.index("("), text.index("(") - 1, None, None, None),          # end before start
        (text.index("做"), text.index("全"), comma, "x", 1.5),             # across lines
        (len(text) - 1, len(text) + 5, None, None, None),                  # past the end
    ]
    one = [ctx.diagnostic(rule, s, e, fields=f, replacement=r, weight=w) for s, e, f, r, w in items]
    assert ctx.diagnostics(rule, items) == one
    assert [d.end_line for d in one] != [d.line for d in one]       # the multi-line span is there


def test_diagnostics_of_sets_every_field_as_init_does():
    """result.diagnostics_of stores the fields itself (no __init__ call per finding): every field of
    Diagnostic, the defaults included, must hold what __init__ would store (a field added to
    Diagnostic and not to diagnostics_of is left unset: reading it fails here)."""
    from lawlint.plain import fields
    from lawlint.result import Diagnostic, _FIELDS, diagnostics_of
    rows = [(3, 4, 3, 5, "甲", "乙", True, 10, 11, "，", None),
            (1, 1, 2, 7, "丙", "", False, 0, 30, None, 0.5)]
    built = diagnostics_of("r.x", "warning", "language", "依据", rows)
    plain = [Diagnostic("r.x", "warning", "language", *row[:6], "依据", *row[6:]) for row in rows]
    assert [_FIELDS(d) for d in built] == [_FIELDS(d) for d in plain]
    assert all(type(d) is Diagnostic for d in built)
    names = [f.name for f in fields(Diagnostic)]
    assert len(_FIELDS(built[0])) == len(names) == len(Diagnostic.__slots__)


def test_bulk_findings_are_built_by_diagnostics_of(monkeypatch):
    """Context.diagnostics takes the bulk way (one diagnostics_of call for the rule's findings)."""
    from lawlint import engine
    calls = []
    real = engine.diagnostics_of
    monkeypatch.setattr(engine, "diagnostics_of", lambda *a: calls.append(len(a[-1])) or real(*a))
    text = TEXTS["simplified"]
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    rules = ruleset_for(Config())
    rule = next(r for r in rules if r.id == "punct.halfwidth")
    ctx = Context(doc=doc, rules=rules, year=doc.year)
    found = ctx.diagnostics(rule, [(text.index(","), text.index(",") + 1, None, "，", None)] * 3)
    assert calls == [3] and len(found) == 3
