"""Parts decided by weighted evidence (issue 22): labelled reports in tests/fixtures/parts, one
per failure family (slogan leadership headings, leadership cues that are no duty, a false 问题
heading, a concessive shortcomings sentence inside the plans, cause headings and frames that only
restate the problems, open-class cause predicates, plan headings with modifiers or the wrong
year, a report without shortcomings), written before the model was changed."""
import json
from pathlib import Path

import pytest

import lawlint

HERE = Path(__file__).resolve().parent / "fixtures" / "parts"
ROWS = [json.loads(line) for line in (HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()]


@pytest.fixture(scope="module")
def results():
    return {row["id"]: lawlint.lint_path(HERE / row["file"]) for row in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_part_presence_matches_the_label(results, row):
    got = results[row["id"]].sections
    present = ("heading", "body")
    wrong = {sid: (want, got[sid].status) for sid, want in row["sections"].items()
             if (want in present) != (got[sid].status in present)}
    assert wrong == {}


def test_exact_agreement(results):
    pairs = [(want, results[row["id"]].sections[sid].status)
             for row in ROWS for sid, want in row["sections"].items()]
    assert sum(w == g for w, g in pairs) / len(pairs) >= 0.97


def _messages(result, rule):
    return [d.message for d in result.diagnostics if d.rule == rule]


def test_a_cause_heading_over_restated_problems_promises_an_analysis(results):
    msgs = _messages(results["p05_county_cause_heading_restates_2024"], "section.causes")
    assert len(msgs) == 1 and "标题写了“原因”" in msgs[0]


def test_no_shortcomings_means_causes_missing_not_only_listed(results):
    r = results["p06_prov_no_shortcomings_2018"]
    assert len(_messages(r, "section.shortcomings")) == 1
    msgs = _messages(r, "section.causes")
    assert len(msgs) == 1 and "只列了不足" not in msgs[0] and "没有“存在的不足”部分" in msgs[0]


def test_restated_causes_in_the_body_are_no_analysis(results):
    msgs = _messages(results["p10_county_restated_causes_body_2022"], "section.causes")
    assert msgs and "只列了不足" in msgs[0]


def test_a_plan_for_the_wrong_year_is_present_and_flagged(results):
    r = results["p08_dept_wrong_year_plan_2018"]
    assert r.sections["plans"].status == "heading"
    assert any("2018年" in m for m in _messages(r, "content.plan_year"))


def test_a_false_problem_heading_hides_no_other_part(results):
    """「运用法治方式处理问题」 in an achievements section: not shortcomings, and its leadership
    and supervision text still count."""
    r = results["p03_city_false_problem_heading_2023"]
    assert r.sections["shortcomings"].title == "存在的不足"
    assert r.sections["leadership"].status in ("heading", "body")
    assert r.sections["supervision"].status == "body"
