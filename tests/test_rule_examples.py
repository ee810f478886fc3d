"""Every rule carries a bad example that must fire it and a good one that must not (as prh's specs
and Vale's rule tests do). A rule without examples fails schema validation at load. Examples may
also say where the finding is and what the fix gives (``{text, at, fix}``). The examples run
through ``lawlint.ruledocs.examples`` — the same code as ``lawlint rules --test`` — in strict mode: a check
that raises fails them."""
import re

import pytest

from lawlint import load_rules
from lawlint.ruledocs.examples import examples_of, run_example

RULES = list(load_rules())


def _run(rule, kind):
    for ex in examples_of(rule):
        if ex.kind == kind:
            problem = run_example(rule, ex)
            assert problem is None, f"{rule.id}: {kind} example {ex.index}: {problem}\n{ex.text}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_bad_examples_fire(rule):
    _run(rule, "bad")


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_good_examples_pass(rule):
    _run(rule, "good")


def test_rule_ids_are_stable_dotted_english():
    for r in RULES:
        assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+", r.id), r.id


def test_messages_are_chinese():
    for r in RULES:
        for text in (r.title, r.message):
            assert re.search(r"[\u4e00-\u9fff]", text), f"{r.id}: {text!r} is not Chinese"


def test_every_bad_example_states_where_it_fires():
    """A bad example says where (``at``): a finding that moves to another place fails it."""
    vague = [f"{r.id} bad {ex.index}" for r in RULES for ex in examples_of(r) if ex.kind == "bad" and not ex.at]
    assert not vague, "bad examples without at: " + ", ".join(vague)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_fixable_bad_examples_state_the_fix(rule):
    """Where the rule offers a fix for a bad example, the example says what the fix gives
    (run_example then compares it), so a fix that changes fails a test."""
    from lawlint.api import lint_text
    from lawlint.config import Config
    year = (rule.examples or {}).get("year")
    for ex in examples_of(rule):
        if ex.kind != "bad":
            continue
        result = lint_text(ex.text, year=year, config=Config(select=[rule.id]), strict=True)
        if any(d.fixable for d in result.diagnostics if d.rule == rule.id):
            assert ex.fix is not None, f"{rule.id}: bad example {ex.index} is fixable but states no fix"
