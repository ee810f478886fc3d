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
    # the previous finding's fields reused only when they are the same object: no fields first,
    # then fields alternating, an equal copy, empty fields; and a generator of items
    semi = {"mark": ";", "full": "；"}
    at = [i for i, ch in enumerate(text) if ch in ",;()"]
    mixed = [(at[0], at[0] + 1, None, None, None), (at[1], at[1] + 1, comma, "，", 0),
             (at[2], at[2] + 1, semi, "；", 0), (at[3], at[3] + 1, comma, "，", None),
             (at[3], at[3] + 1, dict(comma), "，", None), (at[0], at[0] + 1, {}, None, None),
             (at[1], at[1] + 1, None, None, None)]
    one = [ctx.diagnostic(rule, s, e, fields=f, replacement=r, weight=w) for s, e, f, r, w in mixed]
    assert ctx.diagnostics(rule, mixed) == one == ctx.diagnostics(rule, iter(mixed))
    assert one[0].message == rule.message and one[2].message != one[1].message == one[3].message


def test_bulk_findings_set_every_field_as_init_does():
    """result.spans_to_diagnostics stores each field itself (no __init__ call per finding): every
    field of Diagnostic, the defaults and the fingerprint slot included, must hold what __init__
    stores (a field added to Diagnostic and not there is left unset: reading it fails here)."""
    from lawlint.plain import fields
    from lawlint.result import Diagnostic, _FIELDS
    text = TEXTS["simplified"]
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    rules = ruleset_for(Config())
    rule = next(r for r in rules if r.id == "punct.halfwidth")
    ctx = Context(doc=doc, rules=rules, year=doc.year)
    comma = {"mark": ",", "full": "，"}
    items = [(text.index(","), text.index(",") + 1, comma, "，", None),
             (text.index("做"), text.index("全"), None, None, 0.5)]
    bulk = ctx.diagnostics(rule, items)
    one = [ctx.diagnostic(rule, s, e, fields=f, replacement=r, weight=w) for s, e, f, r, w in items]
    assert [_FIELDS(d) for d in bulk] == [_FIELDS(d) for d in one]
    assert all(type(d) is Diagnostic for d in bulk)
    assert len(_FIELDS(bulk[0])) == len(fields(Diagnostic)) == len(Diagnostic.__slots__)


def test_bulk_findings_are_built_in_bulk(monkeypatch):
    """Context.diagnostics takes the bulk way: one spans_to_diagnostics call for the rule's findings."""
    from lawlint import engine
    calls = []
    real = engine.spans_to_diagnostics
    monkeypatch.setattr(engine, "spans_to_diagnostics", lambda rule, items, *a: calls.append(len(items)) or real(rule, items, *a))
    text = TEXTS["simplified"]
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    rules = ruleset_for(Config())
    rule = next(r for r in rules if r.id == "punct.halfwidth")
    ctx = Context(doc=doc, rules=rules, year=doc.year)
    found = ctx.diagnostics(rule, [(text.index(","), text.index(",") + 1, None, "，", None)] * 3)
    assert calls == [3] and len(found) == 3
