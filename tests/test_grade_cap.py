"""Issue 10 families 1, 2 and 4 on short texts: cause frames, the statutory grade ceiling in every
output, and partial input whose unreached parts are not missing."""
import json

import pytest

import lawlint
from lawlint.sections import causal
from lawlint.rulepack.ruleset import load_rules

MEASURES = ("一、坚持党的领导\n（一）压实第一责任人职责。县长主持常务会议专题研究法治政府建设3次，县长带头述法。\n"
            "二、主要举措和成效\n（一）推进严格规范公正文明执法。全年办理行政处罚案件30件。\n"
            "（二）健全依法决策机制。全年审核行政规范性文件8件。\n"
            "（三）健全行政争议预防化解机制。全年收到行政复议案件93件。\n"
            "（四）强化行政权力制约监督。办理人大代表建议160件。\n")
SHORT = "三、存在的不足\n执法力量薄弱，普法形式单一。\n"
CAUSES = "产生上述问题的原因，主要有以下几个方面：一是思想认识不到位；二是执法人员编制多年未增加。\n"
PLANS = "四、2022年工作安排\n一是加强执法队伍建设。\n特此报告。\n"


def lint(text):
    return lawlint.lint_text(text, year=2021)


def test_missing_causes_caps_the_grade_and_causes_earn_it_back():
    without = lint(MEASURES + SHORT + PLANS)
    with_causes = lint(MEASURES + SHORT + CAUSES + PLANS)
    assert without.sections["causes"].status == "absent"
    assert without.grade_cap["missing"] == ["存在的不足和原因"]
    assert without.grade == "合格"
    assert with_causes.sections["causes"].status != "absent"
    assert with_causes.grade_cap is None
    assert without.deductions["section.causes"] == 8       # section.causes' weight comes back
    assert "section.causes" not in with_causes.deductions
    assert with_causes.score > without.score
    assert with_causes.grade in ("优秀", "良好")


def test_grade_cap_in_json_text_and_html(tmp_path, capsys):
    from lawlint.cli import main
    path = tmp_path / "r.txt"
    path.write_text("2021年法治政府建设年度报告\n" + MEASURES + SHORT + PLANS, encoding="utf-8")
    main(["check", "--format", "json", "--exit-zero", str(path)])
    entry = json.loads(capsys.readouterr().out)["files"][0]
    assert entry["grade"] == "合格"
    assert entry["grade_cap"]["grade"] == "合格"
    assert "存在的不足和原因" in entry["grade_cap"]["reason"]
    main(["check", "--exit-zero", str(path)])
    assert "等级上限：缺少《法治政府建设与责任落实督察工作规定》要求的法定内容（存在的不足和原因）" in capsys.readouterr().out
    html = tmp_path / "r.html"
    main(["check", "--format", "html", "--exit-zero", "--output", str(html), str(path)])
    capsys.readouterr()
    assert 'class="grade-cap"' in html.read_text(encoding="utf-8")
    complete = tmp_path / "ok.txt"
    complete.write_text(MEASURES + SHORT + CAUSES + PLANS, encoding="utf-8")
    main(["check", "--format", "json", "--exit-zero", str(complete)])
    assert json.loads(capsys.readouterr().out)["files"][0]["grade_cap"] is None


@pytest.mark.parametrize("drop, item", [
    ("leadership", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("plans", "下一年度主要安排"),
    ("shortcomings", "存在的不足和原因"),
])
def test_each_statutory_item_caps(drop, item):
    parts = {"leadership": MEASURES.split("二、")[0], "plans": PLANS, "shortcomings": SHORT + CAUSES}
    measures = MEASURES.replace(parts["leadership"], "") if drop == "leadership" else MEASURES
    text = measures + ("" if drop == "shortcomings" else SHORT + CAUSES) + ("" if drop == "plans" else PLANS)
    r = lint(text)
    assert item in r.grade_cap["missing"]
    assert r.grade not in ("优秀", "良好")


def _causal():
    rules = load_rules([])
    return rules.get("section.causes").bound(None).causal     # bound through the section spec


@pytest.mark.parametrize("sentence", [
    "产生上述问题的原因，主要有以下几个方面：一是思想认识不到位，重业务轻法治；",
    "产生上述问题的原因，一方面是部分单位对法治政府建设重视不够；",
    "主要原因：一是学法用法的长效机制没有真正建立；",
    "由于编制有限、专职人员少，加之培训不系统，导致执法水平提升较慢。",
    "这些问题源于对法治建设的认识不足。",
    "归根到底，是部分领导干部运用法治思维的意识不强。",
    "深层次看，问题的根子在于考核的刚性约束不足。",
    "主观上，部分干部学法主动性不强；",
    "客观上，执法人员编制紧张，专业人才匮乏。",
])
def test_cause_frames_with_predicates(sentence):
    assert causal.explains(sentence, _causal())


@pytest.mark.parametrize("sentence", [
    "原因是执法不够规范，普法宣传不够深入，复议案件办理不够及时。",     # the problems restated
    "产生这些问题有多方面的原因，我们将高度重视，认真加以解决。",       # an excuse, no analysis
    "个别单位对法治建设重视不够，导致工作推进不平衡。",               # one incidental clause
    "基层执法力量薄弱，执法人员年龄偏大。",                          # a problem, no frame
])
def test_not_causes(sentence):
    assert not causal.explains(sentence, _causal())


OPENING = ("关于2021年度法治政府建设情况的报告\n2021年，我县深入推进法治政府建设。\n一、主要举措和成效\n"
           "（一）压实第一责任人职责。县长主持常务会议专题研究法治政府建设3次，县长带头述法。\n"
           "（二）推进严格规范公正文明执法。全年办理行政处罚案件30件，组织执法人员")


@pytest.mark.parametrize("tail", ["", "\n— 1 —\n", "……\n扫一扫在手机打开当前页\n打印本页\n"])
def test_truncated_text_parts_not_reached(tail):
    r = lint(OPENING + tail)
    plans = r.sections["plans"]
    assert plans.status == "absent" and plans.reached is False
    assert r.sections["shortcomings"].reached is False
    assert r.sections["leadership"].reached is True
    entry = r.to_json()
    assert entry["sections"]["plans"]["reached"] is False
    assert entry["sections"]["plans"]["status"] == "absent"        # contract values unchanged
    assert "reached" not in entry["sections"]["measures"]
    rules = {d.rule for d in r.diagnostics}
    assert "section.truncated" in rules
    assert not rules & {"section.plans", "section.shortcomings", "section.causes"}
    assert r.grade_cap is None


def test_complete_short_report_is_not_truncated():
    r = lint(OPENING + "。\n二、存在的不足\n执法力量薄弱。\n特此报告。\n")
    assert r.sections["plans"].reached is True
    assert "section.plans" in {d.rule for d in r.diagnostics}
    assert r.grade_cap is not None
