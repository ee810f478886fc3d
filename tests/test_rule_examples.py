"""Every rule carries a bad example that must fire it and a good one that must not (as prh's specs
and Vale's rule tests do). A rule without examples fails schema validation at load."""
import re

import pytest

from conftest import lint
from lawlint import load_rules

RULES = list(load_rules())


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_bad_examples_fire(rule):
    year = rule.examples.get("year")
    for text in rule.examples["bad"]:
        result = lint(text, year=year, select=[rule.id])
        fired = [d for d in result.diagnostics if d.rule == rule.id]
        assert fired, f"{rule.id}: bad example did not fire:\n{text}"
        for d in fired:
            assert 1 <= d.line <= text.count("\n") + 1
            assert d.message and d.basis
            for said in (d.message, d.suggestion):      # every {placeholder} was filled
                assert not re.search(r"\{[a-z_]+\}", said), f"{rule.id}: unfilled field in {said!r}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_good_examples_pass(rule):
    year = rule.examples.get("year")
    for text in rule.examples["good"]:
        result = lint(text, year=year, select=[rule.id])
        fired = [d.message for d in result.diagnostics if d.rule == rule.id]
        assert not fired, f"{rule.id}: good example fired {fired}:\n{text}"


def test_rule_ids_are_stable_dotted_english():
    import re
    for r in RULES:
        assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", r.id), r.id


def test_messages_are_chinese():
    import re
    for r in RULES:
        for text in (r.title, r.message):
            assert re.search(r"[\u4e00-\u9fff]", text), f"{r.id}: {text!r} is not Chinese"
