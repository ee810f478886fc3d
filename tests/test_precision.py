"""Precision: wording that looks like a defect but is not (a document title with 若干, the usual
「取得一定成效，但」 turn), and a title found after a cover letter."""
import pytest

from lawlint import lint_text

HEAD = "{y}年，{who}扎实推进法治政府建设。\n一、主要举措和成效\n"


def rules(text, rule):
    return [d for d in lint_text(text).diagnostics if d.rule == rule]


@pytest.mark.parametrize("sentence, fires", [
    ("认真落实《关于进一步优化营商环境的若干措施》，推行告知承诺制。", False),
    ("印发《某县支持民营经济发展若干政策》，兑现奖补资金。", False),
    ("贯彻《中共中央关于全面推进依法治国若干重大问题的决定》，开展专题学习。", False),
    ("出台《关于加强行政执法监督的若干意见（试行）》，规范执法行为。", False),
    ("开展若干专项检查，取得良好效果。", True),
    ("召开若干次专题会议，研究《若干措施》的落实。", True),
    ("先后多次召开会议部署《若干措施》落实工作。", True),
    ("按照《若干措施》开展执法检查12次，整改问题35个。", False),
])
@pytest.mark.parametrize("y, who", [("2019", "某镇"), ("2023", "市生态环境局"), ("2025", "某自治州")])
def test_ruogan_in_a_document_title_is_not_vague(sentence, fires, y, who):
    text = HEAD.format(y=y, who=who) + "（一）优化营商环境。" + sentence
    assert bool(rules(text, "content.vague_claim")) == fires


SHORT = HEAD.format(y="2022", who="我县") + "全年审查规范性文件12件。\n二、存在的不足和原因\n"


@pytest.mark.parametrize("opening, fires", [
    ("我县法治政府建设取得一定成效，但仍存在一些问题：一是执法力量薄弱。", False),
    ("2022年，全县法治政府建设虽取得了一定的成效，但与上级要求相比还有差距。", False),
    ("一年来，我局法治政府建设取得初步成效，但对照新要求仍有不足。", False),
    ("法治政府建设取得阶段性进展，然而基层执法力量不足的问题依然突出。", False),
    ("虽然我县法治政府建设取得了明显成效，但仍存在一些不足。", True),
    ("我县法治政府建设取得了显著成效，各项工作稳步推进。但仍有差距。", True),
    ("取得了一定的成绩，各项工作稳步推进，较好地完成了年度目标任务。", True),
    ("一是基层执法力量薄弱，15个乡镇中有4个没有持证执法人员。", False),
])
def test_a_modest_concession_is_not_praise(opening, fires):
    assert bool(rules(SHORT + opening, "content.shortcomings_praise")) == fires


REPORT = "2022年，{who}深入学习贯彻习近平法治思想，扎实推进法治政府建设。\n一、主要举措和成效\n" \
         "全年审查规范性文件12件，办理行政复议案件30件，开展执法检查60次，培训执法人员420人次。\n"


@pytest.mark.parametrize("cover, title", [
    ("市委全面依法治市委员会办公室：\n根据《法治政府建设与责任落实督察工作规定》要求，现将我局2022年度法治政府建设情况报告如下，请审阅。\n"
     "附件：市交通运输局2022年度法治政府建设情况报告\n市交通运输局\n2023年1月10日",
     "市交通运输局2022年度法治政府建设情况报告"),
    ("县委依法治县办：\n现将《某县2022年度法治政府建设情况报告》报送你们，请审阅。\n某县人民政府\n2023年2月1日",
     "某县2022年度法治政府建设情况报告"),
    ("区委、区人大常委会：\n按照法治政府建设年度报告制度的要求，现将我区2022年法治政府建设工作情况报告如下。本报告已经区政府第18次常务会议审议通过，"
     "区政府主要负责同志已审定，同时抄送市依法治市办，并将于3月底前通过区政府门户网站向社会公开，请予审议。",
     "某区人民政府关于2022年度法治政府建设情况的报告"),
    ("", "某镇人民政府关于2022年度法治政府建设情况的报告"),
])
def test_title_after_a_cover_letter(cover, title):
    text = (cover + "\n" if cover else "") + title + "\n" + REPORT.format(who="我们")
    r = lint_text(text)
    assert r.title == title and r.report_year == 2022
    assert not [d for d in r.diagnostics if d.rule.startswith("title.")]


def test_an_attachment_line_alone_is_not_the_title():
    text = "附件：某县2022年度法治政府建设情况报告\n" + REPORT.format(who="某县")
    assert lint_text(text).title is None
