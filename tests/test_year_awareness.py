"""Year awareness: the basis and wording in force for the report's year, and the report year
itself found past a multi-year document cited in the opening."""
import pytest

from lawlint import lint_text
from lawlint.loaders.source import Source
from lawlint.parse.document import parse

BODY = "\n一、主要举措和成效\n全年审查规范性文件12件，办理行政复议案件30件。"


def rules_of(text, year=None, prefix=("term.", "plenum.")):
    return sorted(d.rule for d in lint_text(text, year=year).diagnostics if d.rule.startswith(prefix))


@pytest.mark.parametrize("opening, year", [
    ("为深入贯彻落实《某市法治政府建设实施方案（2023—2027年）》，2024年，我区扎实推进法治政府建设。", 2024),
    ("2023—2027年是我市法治政府建设提质增效的关键时期。2024年，我市扎实推进法治政府建设。", 2024),
    ("2023-2027年法治政府建设规划实施以来，2025年我县法治政府建设取得新进展。", 2025),
    ("对照《XX省法治政府建设规划（2021~2025年）》，2022年度我镇法治政府建设稳步推进。", 2022),
    ("根据《XX省法治政府建设规划（2023—2027年）》要求，现将我局2024年度法治政府建设情况报告如下。", 2024),
    ("2019年，乌审旗坚持以习近平新时代中国特色社会主义思想为指导，推进法治政府建设。", 2019),
])
def test_report_year_past_a_multi_year_document(opening, year):
    assert parse(Source(text=opening + BODY)).year == year


@pytest.mark.parametrize("text, year, want", [
    # the 2021 纲要 was issued in August 2021: a report on 2020 or earlier cannot apply it
    ("2020年，我县认真贯彻《法治政府建设实施纲要（2021—2025年）》，推进依法行政。", None, ["term.anachronism"]),
    ("2019年，市人社局认真落实《法治政府建设实施纲要(2021-2025年)》。", None, ["term.anachronism"]),
    ("2020年，我县认真贯彻《法治政府建设实施纲要（2015—2020年）》，推进依法行政。", None, []),
    ("2021年，我县认真贯彻《法治政府建设实施纲要（2021—2025年）》，推进依法行政。", None, []),
    # the 督察规定 only from 2019
    ("2018年，我局对照《法治政府建设与责任落实督察工作规定》开展自查。", None, ["term.anachronism"]),
    ("2019年，我局对照《法治政府建设与责任落实督察工作规定》开展自查。", None, []),
    # 习近平新时代中国特色社会主义思想: 十九大, October 2017
    ("2016年，县政府以习近平新时代中国特色社会主义思想为指导推进依法行政。", None, ["term.anachronism"]),
    ("2017年，县政府以习近平新时代中国特色社会主义思想为指导推进依法行政。", None, []),
    # plenums not yet held when the report was written
    ("2025年，我区深入学习贯彻党的二十大和二十届二中、三中、四中、五中全会精神。", None, ["plenum.future"]),
    ("2025年，我区深入学习贯彻党的二十大和二十届二中、三中、四中全会精神。", None, []),
    ("2025年，全县上下认真学习二十届五中全会精神。", None, ["plenum.future"]),
    ("2025年，全县上下认真学习党的二十一大精神。", None, ["plenum.future"]),
    ("2024年，我市全面贯彻党的二十大和二十届二中、三中全会精神。", None, []),
    # the milestone years of the five-year plans
    ("2025年是“十四五”开局之年，我县扎实推进法治政府建设。", None, ["term.plan_milestone"]),
    ("2023年是十四五规划的开局之年，我县扎实推进法治政府建设。", None, ["term.plan_milestone"]),
    ("2021年是“十四五”开局之年，我县扎实推进法治政府建设。", None, []),
    ("2024年是“十四五”规划收官之年，全镇推进依法行政。", None, ["term.plan_milestone"]),
    ("2025年是“十四五”规划收官之年，全镇推进依法行政。", None, []),
    ("2016年是“十三五”开局之年，全镇推进依法行政。", None, []),
    ("2018年是“十三五”规划的起步之年，全镇推进依法行政。", None, ["term.plan_milestone"]),
    ("2026年是“十五五”开局之年，全区将推进依法行政。", 2025, []),
])
def test_basis_and_wording_of_the_report_year(text, year, want):
    assert rules_of(text + BODY, year) == want


@pytest.mark.parametrize("text, want", [
    # judged over the whole sentence, not the clause the first 「；」 ends
    ("2024年，区政府收到行政复议申请13件，审结12件；其中维持具体行政行为3件，撤销1件。", "error"),
    ("2024年，区政府收到行政复议申请13件；维持具体行政行为3件；确认违法1件。", "error"),
    ("2024年，区政府收到行政复议申请13件，维持具体行政行为3件。", "error"),
    ("2022年，收到行政复议申请13件；维持具体行政行为3件，撤销1件。", None),
    ("2021年，全面推行合同合法性审查；加强具体行政行为审核，全年审核合同28件。", "info"),
    ("2024年，加强具体行政行为审核；全年办理行政复议案件5件。", "error"),
])
def test_specific_act_judged_over_the_sentence(text, want):
    got = [d.severity for d in lint_text(text + BODY).diagnostics if d.rule == "term.specific_act"]
    assert got == ([want] if want else [])
