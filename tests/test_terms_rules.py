"""Year-aware terminology, plenum wording and citation titles: the year windows, the allowed
historical contexts and the safe replacements, on sentences from reports of many years."""
import pytest

from helpers import lint


def rules_fired(text, select, year=None):
    return [(d.rule, d.severity) for d in lint(text, year=year, select=[select]).diagnostics
            if d.rule.startswith(select)]


@pytest.mark.parametrize("year,fires", [(2014, False), (2015, True), (2023, True), (2024, True)])
def test_specific_act_generic_use_is_info_from_2015(year, fires):
    got = rules_fired("加强具体行政行为备案审查，全年备案12件。", "term.specific_act", year)
    assert got == ([("term.specific_act", "info")] if fires else [])


@pytest.mark.parametrize("year,want", [(2021, []), (2023, []),
                                       (2024, [("term.specific_act", "error")])])
def test_specific_act_in_reconsideration_is_an_error_from_2024(year, want):
    text = "全年收到行政复议申请40件，维持具体行政行为21件，撤销具体行政行为3件。"
    got = rules_fired(text, "term.specific_act", year)
    assert got == want * (2 if want else 0)


@pytest.mark.parametrize("text,year,fires", [
    ("区政府法制办审查合同56份。", 2020, True),
    ("区政府法制办审查合同56份。", 2018, False),
    ("原区政府法制办的职责已划入区司法局。", 2020, False),
    ("根据《市人民政府法制办公室关于加强合同审查的通知》审查合同56份。", 2020, False),
    ("市公安局法制办审核案件120件。", 2021, False),
])
def test_legal_affairs_office(text, year, fires):
    assert bool(rules_fired(text, "term.legal_office", year)) == fires


@pytest.mark.parametrize("text,year,fires", [
    ("深入实施“七五”普法规划。", 2021, True),
    ("深入实施七五普法规划。", 2022, True),
    ("深入实施“七五”普法规划。", 2020, False),
    ("“七五”普法顺利通过省级总结验收。", 2021, False),
    ("落实“十三五”规划确定的任务。", 2021, True),
    ("“十三五”时期法治政府建设成效明显。", 2021, False),
    ("落实“十三五”规划确定的任务。", 2020, False),
    ("统筹新冠肺炎疫情防控和经济社会发展。", 2023, True),
    ("统筹新冠肺炎疫情防控和经济社会发展。", 2022, False),
    ("坚持以公开为原则、不公开为例外。", 2019, True),
    ("坚持以公开为原则、不公开为例外。", 2018, False),
    ("组织学习《中华人民共和国物权法》。", 2021, True),
    ("组织学习《中华人民共和国物权法》。", 2020, False),
    ("为企业提供合同法律咨询，宣传劳动合同法。", 2022, False),
    ("深入学习贯彻习近平法治思想。", 2019, True),
    ("深入学习贯彻习近平法治思想。", 2020, False),
    ("坚定拥护“两个确立”。", 2020, True),
    ("坚定拥护“两个确立”。", 2021, False),
    ("以中国式现代化全面推进中华民族伟大复兴。", 2021, True),
    ("以中国式现代化全面推进中华民族伟大复兴。", 2022, False),
    ("严格执行《重大行政决策程序暂行条例》。", 2018, True),
    ("严格执行《法治政府建设与责任落实督察工作规定》。", 2018, True),
    ("严格执行《法治政府建设与责任落实督察工作规定》。", 2019, False),
    ("组织学习新《行政处罚法》。", 2023, True),
    ("组织学习新《行政处罚法》。", 2021, False),
    ("县依法治县领导小组召开会议2次。", 2020, True),
])
def test_year_windows_and_historical_contexts(text, year, fires):
    assert bool(rules_fired(text, "term", year)) == fires, text


def test_misnomers_fire_without_a_year_and_fix_cleanly():
    text = "深入推进法制政府建设，坚持全面依法制国，建设法制中国。依法制国有资产管理办法。"
    r = lint(text, select=["term.misnomer"])
    assert [text[d.start:d.end] for d in r.diagnostics] == ["法制政府", "依法制国", "法制中国"]
    fixed = text
    for d in sorted(r.diagnostics, key=lambda d: -d.start):
        fixed = fixed[:d.start] + d.replacement + fixed[d.end:]
    assert fixed == "深入推进法治政府建设，坚持全面依法治国，建设法治中国。依法制国有资产管理办法。"
    assert not lint(fixed, select=["term.misnomer"]).diagnostics


def test_dated_entries_are_skipped_when_the_year_is_unknown():
    assert not rules_fired("深入学习贯彻习近平法治思想，实施“七五”普法。", "term")


@pytest.mark.parametrize("year,want", [
    (2016, ["plenum.future"]),          # 七中 (Oct 2017) after a report on 2016 was written
    (2017, []),                         # held by the time a report on 2017 was written
    (2018, ["plenum.stale"]),           # 十九大 met in October 2017
    (2023, ["plenum.stale"]),
])
def test_plenum_against_year(year, want):
    text = "深入学习贯彻党的十八大和十八届三中、四中、五中、六中、七中全会精神。"
    assert [r for r, _ in rules_fired(text, "plenum", year)] == want


@pytest.mark.parametrize("year,future", [(2019, True), (2020, True), (2021, False), (2024, False)])
def test_sixth_plenum_of_the_nineteenth(year, future):
    got = rules_fired("全面贯彻党的十九届六中全会精神。", "plenum.future", year)
    assert bool(got) == future


def test_page_date_later_than_q1_extends_what_may_be_mentioned():
    text = ("[ 索引号 ]1 [ 成文日期 ]2022-11-20 [ 发布日期 ]2022-11-25\n2021年法治政府建设情况报告\n"
            "2021年，我区深入学习贯彻党的二十大精神，法治政府建设取得积极成效。")
    assert not rules_fired(text, "plenum.future")


def test_arabic_plenum_names_are_fixable():
    text = "深入学习贯彻党的19届6中全会和20届二中全会精神，学习19大报告。2022届毕业生。"
    r = lint(text, year=2023, select=["plenum.arabic"])
    assert [(text[d.start:d.end], d.replacement) for d in r.diagnostics] == [
        ("19届6中", "十九届六中"), ("20届二中", "二十届二中"), ("19大", "十九大")]


def test_missing_latest_plenum_only_for_lists():
    assert rules_fired("贯彻十九届二中、三中、四中全会精神。", "plenum.missing", 2019) == []
    assert rules_fired("贯彻十九届二中、三中全会精神。", "plenum.missing", 2019) == [("plenum.missing", "info")]
    assert rules_fired("贯彻十九届五中全会精神。", "plenum.missing", 2021) == []


@pytest.mark.parametrize("title,fires", [
    ("《法治政府建设实施纲要(2021-2025)》", True),
    ("《法治政府建设实施纲要（2021—2025年）》", False),
    ("《法治政府建设实施纲要(2021-2025年)》", False),          # dash and brackets: punctuation rules
    ("《法治政府建设实施纲要（2021一2025年）》", False),
    ("《法治政府建设与责任落实督查工作规定》", True),
    ("《党政主要负责人履行法治建设第一责任人职责规定》", True),
    ("《重大行政决策程序条例》", True),
    ("《中华人民共和国重大行政决策程序暂行条例》", False),
    ("《某市法治政府建设实施方案（2021—2025年）》", False),
])
def test_citation_titles(title, fires):
    assert bool(rules_fired(f"认真贯彻落实{title}。", "citation.title")) == fires
