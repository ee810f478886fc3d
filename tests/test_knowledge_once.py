"""Knowledge stated once (issue 27): the next-year-plans cue is one shared pattern, the opening
year one regex of the parser's, the plenum phrase shapes and display forms data, the year digits
one table."""
import ast
import re
from pathlib import Path

import pytest

from helpers import lint
from lawlint import load_rules
from lawlint.rulepack.resources import load_data, shared_patterns
from lawlint.rulepack.template import expand_shared

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"


# -- the plans cue: rules/data/patterns.yaml ------------------------------------------------------
def test_expand_shared_puts_a_named_pattern_in_as_a_group():
    shared = {"cue": "a|b"}
    assert expand_shared("^{cue}x", shared) == "^(?:a|b)x"
    assert expand_shared("{year}年{cue}\\d{2}{other}", shared) == "{year}年(?:a|b)\\d{2}{other}"
    assert expand_shared("无占位符", shared) == "无占位符"


CUE_USERS = [("content.shortcomings_stock", "stop"), ("review.plans_answer", "stop"),
             ("section.plans", "heading"), ("section.plans", "lead"), ("section.measures", "heading_exclude")]
CUES = ["下一步，我县将", "下步打算", "下阶段", "下一阶段", "下一年度", "明年，", "今后，", "新的一年，",
        "2024年，", "2024年度，"]


@pytest.mark.parametrize("rule_id, param", CUE_USERS)
def test_every_rule_reads_the_one_plans_cue(rule_id, param):
    """Each rule names {plans_cue} instead of its own list, and reads every form of it."""
    rule = load_rules().get(rule_id)
    raw = rule.params[param]
    assert any("{plans_cue}" in p for p in raw), f"{rule_id}.{param} does not name the shared cue"
    bound = [rx for pattern, rx in zip(raw, getattr(rule.bound(2023), param)) if "{plans_cue}" in pattern]
    for cue in CUES:
        text = cue + "将继续加强执法监督" if param == "lead" else cue
        assert any(rx.search(text) for rx in bound), (rule_id, param, cue)
    assert not any(rx.search("2023年，") for rx in bound if param != "heading_exclude")    # this year's is no plan


def test_the_compare_plans_start_reads_the_one_plans_cue():
    from lawlint.compare.sections import _plans_cue
    assert "{plans_cue}" in load_data("compare.yaml")["items"]["plans_start"]
    rx = _plans_cue(2023)
    assert all(rx.match(c) for c in CUES) and not rx.match("2023年，")


_CUE_PIECES = re.compile(r"下一?步\||下一步\|下步|明年\|今后|今后\|")


def test_the_plans_cue_is_written_once():
    """No rule or data pattern lists the cue's alternatives itself (patterns.yaml holds them)."""
    bad = [f"{p.relative_to(ROOT)}:{i}" for p in sorted(RULES.rglob("*.yaml")) if p.name != "patterns.yaml"
           for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
           if not line.lstrip().startswith("#") and _CUE_PIECES.search(line)]
    assert not bad, "the plans cue written again (use {plans_cue}): " + ", ".join(bad)
    assert _CUE_PIECES.search(shared_patterns()["plans_cue"])


def test_a_shared_pattern_brings_its_year_placeholders_with_it(tmp_path):
    """{plans_cue} holds {next_year}: a parameter that is not filled per year may not name it."""
    from helpers import write_pack
    from lawlint.errors import RuleError
    pack = write_pack(tmp_path / "p.yaml", {"id": "my.cue", "check": "answers", "item": "{plans_cue}将",
                                           "category": "content",
                                           "examples": {"bad": ["明年将"], "good": ["今年"]}})
    with pytest.raises(RuleError) as e:
        load_rules([pack])
    assert "next_year" in str(e.value)


# -- the opening year: one regex, document.yaml -----------------------------------------------------
def test_the_title_check_has_no_year_regex_of_its_own():
    source = (ROOT / "lawlint" / "checks" / "title.py").read_text(encoding="utf-8")
    assert "(?:19|20)" not in source and "\\d{2}" not in source


@pytest.mark.parametrize("opening, fires", [
    ("2021年，我县扎实推进法治政府建设。", True),
    ("2021年度，某乡认真落实法治政府建设各项任务。", True),
    ("2021年以来，全市上下深入推进依法行政。", True),
    ("2021年3月，市政府印发法治政府建设工作要点。", False),     # a date, not the year opening
    ("2021—2025年，我省法治政府建设规划提出目标。", False),     # a span: neither end is the year
    ("2022年，我县扎实推进法治政府建设。", False),              # the title's own year
])
def test_the_title_reads_the_opening_year_as_the_parser_does(opening, fires):
    from lawlint.parse.document import lexicon
    text = f"某县关于2022年度法治政府建设情况的报告\n{opening}全年办理案件12件。"
    got = [d for d in lint(text, select=["title.year_mismatch"]).diagnostics]
    assert bool(got) == fires
    if fires:
        assert lexicon()["year"]["opening"].match(opening).group(1) == "2021"


# -- plenum shapes and display forms: rules/data/plenums.yaml --------------------------------------
def test_plenum_shapes_and_display_forms_are_data():
    """No phrase of a plenum or congress is written in plenum.py (descriptions of its parameters
    and docstrings aside)."""
    path = ROOT / "lawlint" / "checks" / "plenum.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef)) and n.body and isinstance(n.body[0], ast.Expr)}
    skip |= {id(a) for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Param"
             for a in ast.walk(n)}
    han = [f"{n.lineno}: {n.value!r}" for n in ast.walk(tree)
           if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
           and re.search("[\u4e00-\u9fff]", n.value)]
    assert not han, "plenum phrases in Python: " + ", ".join(han)
    data = load_data("plenums.yaml")
    assert set(data["shapes"]) == {"list", "formal", "guide", "arabic"}
    assert set(data["display"]) >= {"plenum", "congress", "date", "fixed_plenum", "fixed_congress"}


def test_plenum_findings_name_meetings_in_the_display_forms():
    future = lint("2020年，我区深入学习贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神。",
                  select=["plenum.future"]).diagnostics
    assert len(future) == 1 and "“十九届六中全会”2021年11月才召开" in future[0].message
    arabic = lint("2023年，我县深入学习贯彻19届6中全会和20大精神。", select=["plenum.arabic"]).diagnostics
    assert sorted(d.replacement for d in arabic) == ["二十大", "十九届六中"]


# -- one digit table ---------------------------------------------------------------------------------
@pytest.mark.parametrize("written, value", [("二〇二三", 2023), ("二○二一", 2021), ("二零一九", 2019), ("2024", 2024)])
def test_a_year_written_digit_by_digit_reads_the_one_table(written, value):
    from lawlint.parse.lexicon import year_value
    assert year_value(written) == value
