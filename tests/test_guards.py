"""The guard clauses of the checks, one test each (issue 27): a broken guard must fail a unit
test, not only move the golden output. Texts are our own, varied in level, year and wording."""
import pytest

from helpers import lint


def _found(text, rule, year=None):
    return [(d.line, d.column, d.replacement) for d in lint(text, year=year, select=[rule]).diagnostics
            if d.rule == rule]


# -- punct.halfwidth ------------------------------------------------------------------------------
HW = "punct.halfwidth"


@pytest.mark.parametrize("text", [
    "全镇共投入资金1,250万元用于法治阵地建设。",          # a thousands separator
    "会议于上午9:30在区政府三楼会议室召开。",              # a time of day
    "全省受理复议申请12,406件，同比上升3%。",
])
def test_halfwidth_digit_guard_keeps_marks_inside_numbers(text):
    assert _found(text, HW) == []


@pytest.mark.parametrize("text, column", [
    ("全县审结行政复议案件93件,纠错率8%。", 14),          # a digit on one side only
    ("街道共调解纠纷45起:成功率98%。", 11),
    ("全年培训执法人员2,次数较上年增加。", 10),            # a digit before, Chinese after
])
def test_halfwidth_digit_guard_needs_digits_on_both_sides(text, column):
    assert [c for _, c, _ in _found(text, HW)] == [column]


def test_halfwidth_skips_marks_inside_an_address():
    # the comma belongs to the address (Chinese follows it, so without the guard it would count)
    assert _found("详见https://www.example.gov.cn/list,了解更多", HW) == []
    assert [c for _, c, _ in _found("详见市政府网站,了解更多", HW)] == [8]


def test_halfwidth_leaves_a_heading_number_to_the_numbering_rules():
    text = "2023年法治政府建设情况报告\n(一)推进依法行政。全年制定规范性文件3件。"
    assert _found(text, HW) == []


def test_halfwidth_reports_the_comma_of_a_di_ordinal():
    text = "一、主要举措\n第二,完善行政决策机制。全年审议重大决策5项。"
    assert [(line, col, rep) for line, col, rep in _found(text, HW)] == [(2, 3, "，")]


def test_halfwidth_brackets_in_chinese_are_reported():
    assert _found("落实“谁执法谁普法”责任制(试行)。", HW) == [(1, 14, "（"), (1, 17, "）")]


def test_halfwidth_needs_chinese_on_one_side():
    assert _found("系统兼容Windows,Linux,macOS等平台。", HW) == []


def test_halfwidth_fix_absorbs_the_space_after_the_mark():
    r = lint("乡镇综合执法队伍已组建, 执法人员全部持证上岗。", select=[HW])
    (d,) = [d for d in r.diagnostics if d.rule == HW]
    assert (d.end_column - d.column, d.replacement) == (2, "，")


# -- punct.unpaired ---------------------------------------------------------------------------------
def test_unpaired_leaves_a_short_list_marker_alone():
    assert _found("主要做法：1）加强学习；2）强化培训；a)严格考核。", "punct.unpaired") == []
    # the same bracket with no ordinal before it is half of a pair
    assert [c for _, c, _ in _found("主要做法：加强学习）强化培训。", "punct.unpaired")] == [10]


# -- review.total_parts ---------------------------------------------------------------------------
TOTAL = "review.total_parts"


def test_total_leaves_approximate_parts_alone():
    # (the built-in count pattern does not match 60余件 at all; total.py's own 余/多 guard after a
    # unit is a second line of defence for user patterns)
    assert _found("2023年，全市受理信访事项120件，其中来信60余件、来访50件、网上信访30件。", TOTAL) == []
    assert _found("2023年，全市受理信访事项120件，其中来信60件、来访50件、网上信访30件。", TOTAL) != []


def test_total_reads_a_short_list_as_examples_not_the_whole():
    # fewer parts than exhaustive_parts that add up to less: examples, not a breakdown
    assert _found("2022年，全县审查合同300份，其中采购合同100份、租赁合同50份。", TOTAL) == []
