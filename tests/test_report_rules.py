"""Title and 文种, placeholders, request wording, web-page residue and the publication deadline,
and the content-quality heuristics (shortcomings, plans, figures, rates)."""
import pytest

from lawlint.api import lint_text
from lawlint.config import Config

BODY = "\n一、主要举措和成效\n全年审查规范性文件12件，办理行政复议案件30件，开展执法检查60次，群众满意度持续提升。"


def fired(text, prefix, year=None, **cfg):
    r = lint_text(text, year=year, config=Config(select=[prefix], **cfg))
    return [d for d in r.diagnostics if d.rule.startswith(prefix)]


@pytest.mark.parametrize("title,rules", [
    ("某县人民政府关于2022年度法治政府建设情况的报告", []),
    ("某县2022年法治政府建设年度报告", []),
    ("某县2022年法治政府建设情况汇报", ["title.doctype"]),
    ("某县2022年法治政府建设工作总结", ["title.doctype"]),
    ("某县关于2022年度法治政府建设工作总结的报告", ["title.doctype_stacked"]),
    ("某县关于2022年度法治政府建设情况报告", ["title.de"]),
    ("某县关于法治政府建设情况的报告", ["title.year"]),
    ("某县关于2022年度依法行政工作情况的报告", ["title.subject"]),
])
def test_title_rules(title, rules):
    got = sorted(d.rule for d in fired(title + "\n2022年，我县扎实推进法治政府建设。" + BODY, "title"))
    assert got == sorted(rules)


def test_title_split_over_two_lines_is_read_as_one():
    text = "某县人民政府\n关于2022年度法治政府建设\n工作总结的报告\n2022年，我县扎实推进法治政府建设。" + BODY
    (d,) = fired(text, "title.doctype_stacked")
    assert text[d.start:d.end] == "总结的报告" and d.line == 3


def test_title_and_opening_year_disagree():
    text = "某县关于2022年度法治政府建设情况的报告\n2021年，我县扎实推进法治政府建设。" + BODY
    (d,) = fired(text, "title.year_mismatch")
    assert text[d.start:d.end] == "2021"


@pytest.mark.parametrize("text,n", [
    ("2020年，XX县扎实推进法治政府建设，全年办理××件。", 2),
    ("x01x年，我市推进法治政府建设。", 1),
    ("某某县司法局牵头审查合同。", 1),
    ("依法审结张某某诉某公司案件，对某某公司作出处罚。", 0),
    ("登录www.example.gov.cn查询，XXL型号设备2台。", 0),
])
def test_placeholders(text, n):
    assert len(fired(text, "placeholder.unfilled")) == n


@pytest.mark.parametrize("text,fires", [
    ("以上报告，妥否，请批示。", True),
    ("当否,请批示。", True),
    ("请予批准。", True),
    ("恳请市政府在编制方面予以批准。", True),
    ("特此报告。", False),
    ("积极争取上级批准设立法律援助工作站。", False),
])
def test_request_wording_in_a_report(text, fires):
    assert bool(fired("2022年，我县扎实推进法治政府建设。\n" + text, "request.in_report")) == fires


PAGE = ("您当前的位置:首页>政务公开\n[ 索引号 ]1150/2022 [ 成文日期 ]{w} [ 发布日期 ]{p}\n"
        "2019年法治政府建设情况报告" + BODY + "\n扫一扫在手机打开当前页\n网站地图\n无障碍")


def test_web_residue_is_one_finding():
    got = fired(PAGE.format(w="2020-02-02", p="2020-02-03"), "residue.web_page")
    assert len(got) == 1 and got[0].line == 1


@pytest.mark.parametrize("published,deadline,late", [
    ("2020-03-31", "04-01", False), ("2020-04-01", "04-01", False), ("2020-04-02", "04-01", True),
    ("2020-03-10", "03-01", True), ("2020-02-28", "03-01", False)])
def test_publication_deadline_is_configurable(published, deadline, late):
    got = fired(PAGE.format(w="2020-01-20", p=published), "residue.late", deadline=deadline)
    assert bool(got) == late
    if late:
        assert "发布日期" in got[0].message and got[0].line == 2


def test_signature_date_when_the_page_gives_none():
    text = "某县2019年法治政府建设年度报告" + BODY + "\n某县人民政府\n二〇二〇年五月八日"
    (d,) = fired(text, "residue.late")
    assert "落款日期" in d.message and d.line == 5
    assert not fired(text, "residue.late", year=2020)     # a report on 2020 is on time


SHORT = "2022年，我县扎实推进法治政府建设。\n一、主要举措和成效\n全年审查规范性文件12件。\n"


@pytest.mark.parametrize("section,fires", [
    ("二、存在的不足和原因\n虽然我县法治政府建设取得了明显成效，但仍存在一些不足。一是执法力量薄弱。", True),
    ("二、存在的不足和原因\n一是执法力量薄弱，全县15个乡镇中有4个没有持证执法人员。原因是编制紧张。", False),
    ("二、存在的不足和原因\n对照上级要求，我县在推进中取得的成效还不够明显。", True),
])
def test_shortcomings_opening_with_achievements(section, fires):
    assert bool(fired(SHORT + section, "content.shortcomings_praise")) == fires


def test_merged_shortcomings_and_plans_count_only_the_shortcomings():
    text = (SHORT + "二、存在不足及下步打算\n一是法治意识有待进一步加强。二是个别单位执法不到位。"
            "下一步，我县将制定执法人员培训计划，全年培训1000人次。一是完善制度。二是加强培训。")
    (d,) = fired(text, "content.shortcomings_stock")
    assert "2句" in d.message


@pytest.mark.parametrize("plan,fires", [
    ("2023年，我县将以习近平法治思想为指导，以更大力度推动法治政府建设再上新台阶，为高质量发展作出新的更大贡献。", True),
    ("三、2023年工作安排\n2023年，我县将以习近平法治思想为指导。一是制定决策目录；二是完成执法人员轮训。", False),
    ("三、2023年工作安排\n制定重大行政决策事项目录，完成乡镇执法人员轮训，开展案卷评查200卷。", False),
])
def test_plans_that_are_only_slogans(plan, fires):
    assert bool(fired(SHORT + plan, "content.plan_slogans")) == fires


@pytest.mark.parametrize("plan,fires", [
    ("三、2022年工作安排\n一是制定决策目录。", True),
    ("三、下一步工作打算\n2022年，我县将制定决策目录。", True),
    ("三、下一步工作打算\n2023年，我县将制定决策目录，到2025年基本建成法治政府。", False),
    ("三、2023年工作安排\n一是巩固2022年以来的改革成果。", False),
])
def test_plan_year(plan, fires):
    assert bool(fired(SHORT + plan, "content.plan_year")) == fires


def test_plan_year_needs_a_report_year():
    assert not fired("一、主要举措\n全年审查文件12件。\n三、2022年工作安排\n一是制定决策目录。", "content.plan_year")


@pytest.mark.parametrize("sentence,fires", [
    ("共收到行政复议案件340件，受理303件，审结284件，经调解和解终止审查结案76件，调解和解结案率35%。", True),
    ("共收到行政复议案件340件，受理303件，审结284件，经调解和解终止审查结案76件，调解和解结案率26.8%。", False),
    ("全年审结行政复议案件120件，纠错18件，纠错率15%。", False),
    ("全年审结行政复议案件120件，纠错18件，纠错率25%。", True),
    ("发生行政诉讼案件40件，负责人出庭应诉40件，出庭应诉率100%。", False),
    ("办理人大代表建议86件，满意率98%。", False),
    ("办件量同比增长35%，全年办件3200件。", False),
    ("纠错率25%，全年纠错18件。", False),
])
def test_rates_against_counts(sentence, fires):
    got = fired(f"2022年，{sentence}", "content.rate_mismatch")
    assert bool(got) == fires
    if got:
        assert got[0].severity == "info"


def test_few_figures_in_measures():
    vague = ("2022年，我县扎实推进法治政府建设。\n一、主要举措和成效\n"
             + "县政府高度重视法治政府建设，认真落实各项工作任务，执法行为更加规范，群众满意度不断提升，"
               "法治政府建设取得明显成效，为经济社会发展提供了有力法治保障。\n" * 5
             + "二、存在的不足\n执法力量不足。")
    (d,) = fired(vague, "content.data_density")
    assert d.severity == "warning" and "每千字只有0.0处" in d.message
    assert not fired(vague.replace("认真落实各项工作任务", "审查规范性文件12件，办理复议案件30件"), "content.data_density")


@pytest.mark.parametrize("sentence", [
    # composite rates: 撤销 + 确认违法 (+ 撤回) over 办结
    "受理行政复议申请56件，已办结38件，撤回申请13件，撤销4件，确认违法7件，维持12件，综合纠错率63.1%，直接纠错率29%。",
    # the numerator (cases won) is not stated
    "收到行政应诉案件24件，已经审结21件（含上年收案6件），胜诉率95.24%。",
])
def test_rates_from_sums_or_unstated_numerators_are_left_alone(sentence):
    assert not fired(f"2020年，{sentence}", "content.rate_mismatch")


def test_asterisk_placeholders_of_templates():
    got = fired("五年来，*区严格落实第一责任人职责，区委依法治区委共召开会议*次。", "placeholder.unfilled")
    assert len(got) == 2
    assert not fired("依据《行政处罚法》*第三十三条规定，3*4米宣传栏。", "placeholder.unfilled")


def test_deadline_on_the_command_line(cli, tmp_path):
    page = tmp_path / "2019年报告.txt"
    page.write_text(PAGE.format(w="2020-02-20", p="2020-03-10"), encoding="utf-8")
    base = ["check", "--select", "residue.late", "--format", "json", str(page)]
    import json
    on_time = json.loads(cli(*base).stdout)
    late = json.loads(cli(*base[:-1], "--deadline", "03-01", str(page)).stdout)
    assert on_time["files"][0]["diagnostics"] == []
    assert [d["rule"] for d in late["files"][0]["diagnostics"]] == ["residue.late"]
    bad = cli(*base[:-1], "--deadline", "4月1日", str(page))
    assert bad.returncode == 2 and "--deadline" in bad.stderr.decode() and "Traceback" not in bad.stderr.decode()


def test_chinese_numeral_title_year_is_a_year():
    from helpers import lint
    """二〇二三年度 names the year: no title.year finding, and the opening's year is compared."""
    r = lint("关于二〇二三年度法治政府建设情况的报告\n2022年，我县扎实推进法治政府建设。\n一、主要举措和成效\n审查文件18件。",
             select=["title"])
    assert r.report_year == 2023
    assert [d.rule for d in r.diagnostics] == ["title.year_mismatch"]
    assert "2023" in r.diagnostics[0].message
