"""The per-finding steps after the checks (hint folding, scoring, the final order) ask the rule set
once per rule, not once per finding: their results must be what asking per finding gives."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint import engine, scoring
from lawlint.api import lint_text, ruleset_for
from lawlint.checks import hints
from lawlint.config import Config
from lawlint.rulepack.template import fill
from lawlint.rulepack.resources import load_data

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
RULES = ruleset_for(Config())


def _fold_per_finding(diagnostics, ruleset):
    """hints.fold as it was: the rule of each finding looked up, twice."""
    by_rule = {}
    for d in diagnostics:
        rule = ruleset.get(d.rule)
        if rule is not None and rule.hint:
            by_rule.setdefault(d.rule, []).append(d)
    if not by_rule:
        return diagnostics
    first = {id(min(g, key=lambda d: (d.line, d.column))): g for g in by_rule.values()}
    return [d if ruleset.get(d.rule) is None or not ruleset.get(d.rule).hint else hints._folded(d, first[id(d)])
            for d in diagnostics
            if ruleset.get(d.rule) is None or not ruleset.get(d.rule).hint or id(d) in first]


def _raw(text):
    """A seed's findings before folding (the hint rules' places each still there)."""
    got = {}
    real = hints.fold

    def spy(diagnostics, ruleset):
        got["raw"] = list(diagnostics)
        return real(diagnostics, ruleset)
    hints.fold = spy
    try:
        lint_text(text)
    finally:
        hints.fold = real
    return got["raw"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_fold_and_score_equal_the_per_finding_lookups(path):
    raw = _raw(path.read_text(encoding="utf-8"))
    assert hints.fold(raw, RULES) == _fold_per_finding(raw, RULES)
    folded = hints.fold(raw, RULES)
    by_rule = {}
    for d in folded:
        rule = RULES.get(d.rule)
        by_rule[d.rule] = by_rule.get(d.rule, 0.0) + (rule.weight if d.weight is None else d.weight)
    assert scoring.score(folded, RULES)["deductions"] == {
        k: scoring._round(min(v, RULES.get(k).cap)) for k, v in by_rule.items()}


def test_some_seed_has_a_hint_rule_in_several_places():
    counts = [sum(1 for d in _raw(p.read_text(encoding="utf-8")) if d.rule in hints.hint_ids(RULES))
              for p in SEEDS]
    assert max(counts) > 1


def test_hint_ids_are_worked_out_once_per_rule_set():
    assert hints.hint_ids(RULES) == {r.id for r in RULES if r.hint} != set()
    assert RULES.engine_plans[hints._HINT_IDS] is hints.hint_ids(RULES)
    other = RULES.with_severities({})
    assert hints.hint_ids(other) == hints.hint_ids(RULES)


def test_a_hint_rule_folds_and_an_unknown_rule_is_kept():
    hint = next(r for r in RULES if r.hint)
    plain = next(r for r in RULES if not r.hint)
    ds = [engine.Diagnostic(hint.id, "info", hint.category, line, 1, line, 2, "m")
          for line in (3, 1, 2)]
    ds.insert(1, engine.Diagnostic(plain.id, "warning", plain.category, 5, 1, 5, 2, "p"))
    ds.append(engine.Diagnostic("no.such.rule", "warning", "x", 1, 1, 1, 1, "u"))
    got = hints.fold(ds, RULES)
    assert got == _fold_per_finding(ds, RULES)
    assert [d.rule for d in got] == [plain.id, hint.id, "no.such.rule"]
    words = load_data("wording.yaml")["hint"]
    assert got[1].line == 1 and got[1].message == fill(
        words["folded"], message="m", count=3, lines=words["lines_separator"].join("123"), more="")
    assert scoring.score(got, RULES)["deductions"] == {plain.id: scoring._round(min(plain.weight, plain.cap)),
                                                      hint.id: scoring._round(min(hint.weight, hint.cap))}


def test_findings_come_out_in_line_column_rule_order():
    r = lint_text(SEEDS[0].read_text(encoding="utf-8"))
    keys = [(d.line, d.column, d.rule) for d in r.diagnostics]
    assert keys == sorted(keys) and len(keys) > 10


def test_a_text_without_directives_is_not_read_line_by_line(monkeypatch):
    from lawlint.parse import directives
    text = "全年办理案件12件。\n<!-- lawlint-disable-next-line punct.halfwidth -->\n推进改革,成效明显。"
    got = directives.parse(text, known_ids=["punct.halfwidth"])
    assert [(d.kind, d.ids, d.first) for d in got] == [("disable-next-line", ("punct.halfwidth",), 3)]

    class Unread:
        def match(self, line):
            raise AssertionError("read line by line")
    monkeypatch.setattr(directives, "DIRECTIVE", Unread())
    assert directives.parse(text.replace("lawlint-", "lawlint "), known_ids=["punct.halfwidth"]) == []
    with pytest.raises(AssertionError):
        directives.parse(text)


def test_each_check_type_is_looked_up_once_per_report(monkeypatch):
    """The per-rule path: the check module is found once per check type, a list of findings goes
    straight into the output, a generator is drained by the rule loop up to the limit (its rest
    through overflow.fold), and an overlong list goes through overflow.collect."""
    from lawlint import checks
    from lawlint.checks import overflow
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    asked, collected = [], []
    real_get, real_collect = checks.get, overflow.collect
    monkeypatch.setattr(checks, "get", lambda name: asked.append(name) or real_get(name))
    monkeypatch.setattr(overflow, "collect", lambda found, *a: collected.append(type(found)) or real_collect(found, *a))
    doc = parse(Source(text=SEEDS[0].read_text(encoding="utf-8")))
    ctx = engine.Context(doc=doc, rules=RULES, year=doc.year, options={"max_findings_per_rule": 3})
    check = engine._checker(ctx)
    out = []
    for rule in RULES.of_check("existence")[:5] + RULES.of_check("punctuation"):
        check(rule, out)
    assert asked == ["existence", "punctuation"]
    # existence yields (a generator: drained by the loop); punct.halfwidth's list is past the limit of 3
    assert collected[-1] is list and list not in collected[:-1] and out[-1].folded > 0
    assert out == [d for r in RULES.of_check("existence")[:5] + RULES.of_check("punctuation")
                   for d in _collected(ctx, r, 3)]


def _collected(ctx, rule, limit):
    out = []
    from lawlint.checks import overflow
    from lawlint import checks
    overflow.collect(checks.get(rule.check).check(ctx, rule, rule.bound(ctx.year)), rule, limit, out,
                     lambda d: False)
    return out


def test_list_separator_skips_paragraphs_without_its_literal():
    """punct.list_separator's marker carries the literal prefilter (a paragraph without 「是」 is not
    scanned): its findings equal those of the plain regex on every paragraph."""
    import re
    from lawlint.checks import enumeration
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    from lawlint.rulepack.regexcache import LazyPattern
    rule = next(r for r in RULES if r.id == "punct.list_separator")
    p = rule.bound(None)
    assert isinstance(p.marker, LazyPattern) and not p.marker.may_occur_in("一二三四，五六。" * 400)

    class Plain:
        marker = re.compile(p.marker.pattern)
        separators = p.separators
    texts = [s.read_text(encoding="utf-8") for s in SEEDS] + [
        "一是加强顶层设计；二是完善领导机制。三是压实责任。\n全年办理案件。\n一是学习；二是培训；三是考核。",
        "我们一是加强学习。二是健全制度；三是强化监督。十一是其他。"]
    found = 0
    for text in texts:
        doc = parse(Source(text=text))
        ctx = engine.Context(doc=doc, rules=RULES, year=doc.year)
        fast = list(enumeration.check(ctx, rule, p))
        assert fast == list(enumeration.check(ctx, rule, Plain))
        found += len(fast)
    assert found >= 2


@pytest.mark.parametrize("line, directive", [
    ("<!-- lawlint-disable-next-line punct.halfwidth -->", True), ("  // lawlint-disable-file", True),
    ("// lawlint-enable -- 理由", True), ("全年办理案件12件。", False), ("lawlint-disable", False),
    ("<!-- lawlint disable -->", False), ("", False)])
def test_is_directive(line, directive):
    from lawlint.parse import directives
    assert directives.is_directive(line) is directive


def _score_one_by_one(diagnostics, ruleset):
    """scoring.score's sums as they were made: a lookup and a store per finding."""
    by_rule = {}
    for d in diagnostics:
        rule = ruleset.get(d.rule)
        if rule is not None:
            by_rule[d.rule] = by_rule.get(d.rule, 0.0) + (rule.weight if d.weight is None else d.weight)
    return by_rule


_WEIGHTS = [None, 0, 0.1, 0.2, 0.3, 0.7, 1.5, 1e-9]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(range(len(_WEIGHTS)))), max_size=60))
def test_score_sums_runs_as_one_by_one(picks):
    """Runs of one rule are summed in a local: the sums (floats, in the same order), the order of
    the rules in the deductions and every category's score are those of summing one by one."""
    ids = [r.id for r in list(RULES)[:4]] + ["no.such.rule"]
    ds = [engine.Diagnostic(ids[k], "warning", "x", 1, 1, 1, 1, "m", weight=_WEIGHTS[w]) for k, w in picks]
    plain = _score_one_by_one(ds, RULES)
    got = scoring.score(ds, RULES)
    assert list(got["deductions"]) == list(plain)
    assert got["deductions"] == {k: scoring._round(min(v, RULES.get(k).cap)) for k, v in plain.items()}
    spent = {}
    for k, v in plain.items():
        spent[RULES.get(k).category] = spent.get(RULES.get(k).category, 0.0) + min(v, RULES.get(k).cap)
    assert all(c["score"] == scoring._round(c["max"] - min(c["max"], spent.get(cat, 0.0)))
               for cat, c in got["categories"].items())


def test_score_reads_a_rules_weight_once_a_run():
    """The run's rule and weight are looked up when the rule changes, not at every finding."""
    real = RULES.get(next(r.id for r in RULES if r.weight))
    reads = []

    class Rule:
        cap, category = real.cap, real.category

        @property
        def weight(self):
            reads.append(1)
            return real.weight

    class Rules:
        def get(self, rid):
            return Rule() if rid == real.id else None
    ds = [engine.Diagnostic(real.id, "warning", "x", n, 1, n, 1, "m") for n in range(50)]
    ds[20:20] = [engine.Diagnostic("other", "warning", "x", 1, 1, 1, 1, "m")]
    profile = {"categories": {real.category: {"budget": 100}}, "grades": [{"name": "A", "min": 0}]}
    got = scoring.score(ds, Rules(), profile=profile)
    assert len(reads) == 2 and got["deductions"] == {real.id: scoring._round(min(50 * real.weight, real.cap))}


def test_fold_reads_each_finding_once_and_only_the_hint_findings_further():
    """fold reads every finding's rule once and nothing more of the findings of other rules (the
    loop it replaced read each one's rule twice when a hint rule had findings)."""
    hint = next(r for r in RULES if r.hint)
    plain = next(r for r in RULES if not r.hint)
    reads = []

    class Counted(engine.Diagnostic):
        __slots__ = ()

        def __getattribute__(self, name):
            reads.append(name)
            return object.__getattribute__(self, name)
    ds = [Counted(plain.id, "warning", plain.category, n, 1, n, 2, "p") for n in range(1, 6)]
    ds[2:2] = [engine.Diagnostic(hint.id, "info", hint.category, n, 1, n, 2, "m") for n in (9, 8)]
    ds.append(engine.Diagnostic(hint.id, "info", hint.category, 8, 1, 8, 2, "m"))
    got = hints.fold(ds, RULES)
    assert reads == ["rule"] * 5
    assert got == _fold_per_finding(ds, RULES)
    assert [d.rule for d in got] == [plain.id] * 2 + [hint.id] + [plain.id] * 3 and got[2].line == 8
