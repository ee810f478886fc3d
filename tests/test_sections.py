"""Section detection over many wordings seen in real reports (not only the seeds).

Each case is a short synthetic report; the expected verdict is what a careful reader would say.
"""
import pytest

from helpers import lint

FILL = "全年办理行政复议案件12件，审结10件，纠错2件。"


def verdicts(text, year=2021):
    return {k: v.status for k, v in lint(text, year=year).sections.items()}


MEASURES_HEADINGS = ["一、2021年法治政府建设主要工作及成效", "一、主要工作开展情况", "一、取得的主要成效",
                     "一、主要做法和成效", "一、法治政府建设工作推进情况", "一、2020年工作回顾",
                     "一、推进法治政府建设的主要举措和成效", "一、工作进展和成效"]


@pytest.mark.parametrize("h", MEASURES_HEADINGS)
def test_measures_headings(h):
    assert verdicts(f"{h}\n{FILL}\n二、存在的不足\n执法力量薄弱。")["measures"] == "heading"


def test_measures_topic_structured():
    text = ("一、依法全面履行政府职能\n深化放管服改革，权责清单动态调整。\n二、推进严格规范公正文明执法\n全面推行三项制度。\n"
            "三、依法化解社会矛盾纠纷\n" + FILL)
    assert verdicts(text)["measures"] == "heading"


def test_measures_body_only_report_without_headings():
    text = ("2021年，我局认真贯彻落实上级部署，扎实推进依法行政。全年共审查合同12件，提出意见30条。"
            "制定出台《行政执法公示办法》等制度5项，建立健全重大执法决定法制审核机制。组织开展执法培训4次，培训200余人次。"
            "办理行政处罚案件56件，罚没款30万元。")
    assert verdicts(text)["measures"] == "body"


LEADERSHIP_HEADINGS = ["（一）坚持党的全面领导", "一、党政主要负责人履行推进法治建设第一责任人职责情况",
                       "（一）加强组织领导，压实主体责任", "一、强化组织领导", "（一）主要负责同志履职情况",
                       "（一）认真履行第一责任人职责", "（一）全面加强党对法治政府建设的领导"]


@pytest.mark.parametrize("h", LEADERSHIP_HEADINGS)
def test_leadership_headings(h):
    text = f"一、主要举措和成效\n{h}\n县长主持召开常务会议专题研究法治政府建设3次。\n（二）推进执法。{FILL}"
    assert verdicts(text)["leadership"] == "heading"


def test_leadership_in_plans_does_not_count():
    text = (f"一、主要举措和成效\n（一）推进执法。{FILL}\n二、存在的不足\n执法力量薄弱。\n"
            "三、下一步工作打算\n（一）坚持党的领导。压实第一责任人职责，主要负责人亲自部署。")
    assert verdicts(text)["leadership"] == "absent"


def test_leadership_body():
    text = f"一、主要举措和成效\n（一）统筹推进。调整法治政府建设领导小组成员，政府常务会议学法10次。\n（二）推进执法。{FILL}"
    assert verdicts(text)["leadership"] == "body"


@pytest.mark.parametrize("sid,h", [
    ("decision", "（三）坚持科学民主依法决策"), ("decision", "（二）健全依法行政制度体系"),
    ("decision", "（四）加强行政规范性文件监督管理"), ("enforcement", "（四）深化行政执法体制改革"),
    ("enforcement", "（五）推进严格规范公正文明执法"), ("disputes", "（六）依法有效化解社会矛盾纠纷"),
    ("disputes", "（五）强化行政复议和应诉工作"), ("disputes", "（七）健全多元化纠纷解决机制"),
    ("supervision", "（七）强化对行政权力的制约和监督"), ("supervision", "（六）全面推进政务公开"),
    ("supervision", "（五）自觉接受各方面监督")])
def test_area_headings(sid, h):
    text = f"一、主要举措和成效\n（一）总体情况。扎实推进。\n{h}\n相关工作取得成效，全年完成任务20项。"
    assert verdicts(text)[sid] == "heading"


def test_execution_supervision_is_not_power_supervision():
    text = "一、主要举措和成效\n（一）加强行政执法监督\n开展案卷评查2次。\n（二）加强规范性文件监督管理\n备案审查8件。"
    assert verdicts(text)["supervision"] == "absent"


@pytest.mark.parametrize("sid,body", [
    ("decision", "严格落实重大行政决策程序。"), ("enforcement", "全面推行行政执法三项制度。"),
    ("disputes", "行政机关负责人出庭应诉率100%。"), ("supervision", "办理人大代表建议160件、政协提案215件。")])
def test_area_body_mentions(sid, body):
    text = f"一、主要举措和成效\n（一）统筹推进。{body}"
    assert verdicts(text)[sid] == "body"


@pytest.mark.parametrize("sid", ["decision", "enforcement", "disputes", "supervision"])
def test_area_absent(sid):
    text = "一、主要举措和成效\n（一）深化放管服改革。权责清单动态调整，企业开办时间压缩至1个工作日。"
    assert verdicts(text)[sid] == "absent"


SHORTCOMING_HEADINGS = ["二、存在的问题和不足", "二、存在的不足", "二、存在的主要问题", "三、问题与不足",
                        "二、工作中存在的不足及原因", "二、存在的困难和问题", "二、存在问题", "二、短板弱项",
                        "二、存在不足及下步打算", "二、差距和不足"]


@pytest.mark.parametrize("h", SHORTCOMING_HEADINGS)
def test_shortcomings_headings(h):
    assert verdicts(f"一、主要举措和成效\n{FILL}\n{h}\n基层执法力量薄弱。")["shortcomings"] == "heading"


@pytest.mark.parametrize("h", ["（二）着力解决群众急难愁盼问题", "（三）聚焦突出问题开展专项整治", "（四）补齐基层法治短板"])
def test_problem_solving_headings_are_measures(h):
    assert verdicts(f"一、主要举措和成效\n{h}\n{FILL}")["shortcomings"] == "absent"


@pytest.mark.parametrize("para", [
    "我县法治政府建设取得了一定成效，但仍存在一些问题和不足，主要是基层执法力量薄弱。",
    "工作中还存在以下几个方面的问题：一是执法力量不足；二是普法形式单一。",
    "同时也要看到，我们的工作还存在一些差距和短板，主要表现在执法规范化水平不高。",
    "存在的主要问题是：部分单位对法治政府建设重视不够。"])
def test_shortcomings_body(para):
    assert verdicts(f"一、主要举措和成效\n{FILL}\n{para}")["shortcomings"] == "body"


def test_feedback_of_assessment_is_not_shortcomings():
    """Seed 000: 「反馈存在问题」 is about the units assessed, not the report's own shortcomings."""
    text = f"一、主要举措和成效\n{FILL}对47个单位进行了考核，通报了考核结果，反馈存在问题；督促整改到位。"
    assert verdicts(text)["shortcomings"] == "absent"


CAUSE_TEXTS = [
    "一是执法力量薄弱。究其原因，主要是编制不足、培训不够。",
    "执法力量薄弱。产生这些问题的原因主要是思想认识不到位。",
    "执法力量薄弱。从主观上看，部分干部法治意识不强；从客观上看，基层编制紧张。",
    "执法力量薄弱，主要是由于乡镇综合执法改革后人员未及时到位。",
    "执法力量薄弱。问题的根源在于保障机制不健全。",
    "执法力量薄弱。之所以出现上述问题，是因为培训投入不足。",
    "执法力量薄弱。究其根源，在于重视程度不够。",
    "执法力量薄弱。分析原因，主要是基层经费保障不足。",
    "执法力量薄弱。既有编制不足的客观原因，也有重视不够的主观原因。",
    "执法力量薄弱。这些问题的产生，主要是由于部分干部法治意识淡薄。",
]


@pytest.mark.parametrize("body", CAUSE_TEXTS)
def test_causes_in_shortcomings_text(body):
    v = verdicts(f"一、主要举措和成效\n{FILL}\n二、存在的不足和原因\n{body}\n三、2022年工作安排\n继续推进依法行政。")
    assert v["causes"] == "heading"
    v = verdicts(f"一、主要举措和成效\n{FILL}\n二、存在的问题\n{body}\n三、2022年工作安排\n继续推进依法行政。")
    assert v["causes"] == "body"


@pytest.mark.parametrize("h", ["（二）原因分析", "（二）问题产生的原因", "三、存在问题的原因"])
def test_causes_own_heading(h):
    text = (f"一、主要举措和成效\n{FILL}\n二、存在的问题\n（一）主要问题\n执法力量薄弱。\n{h}\n"
            "一是思想认识不到位，部分干部认为法治建设是软任务。二是保障不足。")
    assert verdicts(text)["causes"] == "heading"


@pytest.mark.parametrize("body", [
    "一是行政执法规范化有待进一步加强。二是基层法治建设力度有待进一步加大。",
    "个别单位对法治政府建设重视不够，导致此项工作整体推进不平衡。",   # one incidental 导致
])
def test_causes_promised_or_incidental_is_absent(body):
    v = verdicts(f"一、主要举措和成效\n{FILL}\n二、存在的不足和原因\n{body}\n三、2022年工作安排\n继续推进。")
    assert v["causes"] == "absent"


def test_causes_outside_shortcomings_do_not_count():
    text = f"一、主要举措和成效\n{FILL}究其原因，主要是群众法治意识提升。\n二、存在的不足\n执法力量薄弱。"
    assert verdicts(text)["causes"] == "absent"


PLAN_HEADINGS = ["三、下一步工作打算", "三、2022年工作安排", "四、下一年度推进法治政府建设的主要安排",
                 "三、下步工作计划", "三、今后工作思路", "三、2022年工作思路和主要措施", "四、下一步工作重点",
                 "三、2022年法治政府建设主要任务"]


@pytest.mark.parametrize("h", PLAN_HEADINGS)
def test_plans_headings(h):
    assert verdicts(f"一、主要举措和成效\n{FILL}\n{h}\n一是加强执法队伍建设。")["plans"] == "heading"


def test_this_years_tasks_are_not_plans():
    """Seed 002 (2018): 「(一)2018年度任务完成情况」 reports this year's tasks."""
    text = f"一、开展的主要工作及成效\n(一)2018年度任务完成情况\n{FILL}\n(二)重点任务推进情况\n{FILL}"
    assert verdicts(text, year=2018)["plans"] == "absent"


@pytest.mark.parametrize("para", ["2022年，我县将继续深入推进法治政府建设，重点抓好执法规范化。",
                                  "下一步，我们将以习近平法治思想为指导，持续推进依法行政。",
                                  "新的一年，我局将进一步压实责任，推动法治政府建设再上新台阶。"])
def test_plans_closing_paragraph_is_body(para):
    assert verdicts(f"一、主要举措和成效\n{FILL}\n{para}")["plans"] == "body"


def test_plans_sentence_after_the_shortcomings_is_body():
    """「……原因在于编制不足。2022年，我县将……」: the plans follow the shortcomings in one paragraph."""
    text = (f"一、主要举措和成效\n{FILL}下一步，我县将继续推进依法行政。\n二、存在的不足\n"
            "持证率仅为76%，原因在于编制不足。2022年，我县将提升持证率至95%以上。")
    assert verdicts(text)["plans"] == "body"
    r = lint(text, year=2021)
    assert r.sections["plans"].line == 4 and [d.severity for d in r.diagnostics if d.rule == "section.plans"] == ["warning"]


def test_outlook_inside_measures_is_not_plans():
    text = f"一、主要举措和成效\n{FILL}下一步，我县将继续推进依法行政。\n二、存在的不足\n持证率仅为76%，原因在于编制不足。"
    assert verdicts(text)["plans"] == "absent"


def test_plans_wrong_year_paragraph_is_not_plans():
    assert verdicts(f"一、主要举措和成效\n{FILL}\n2020年，我县将继续推进依法行政。", year=2021)["plans"] == "absent"


def test_order_rule():
    r = lint(f"一、下一步工作打算\n一是加强队伍建设。\n二、主要举措和成效\n{FILL}\n三、存在的不足\n执法力量薄弱。", year=2021)
    assert any(d.rule == "section.order" for d in r.diagnostics)
