"""Issue 10 family 3: parts found on real headings — cue-less headings devoted to a part, run-in
一是… items, this year's 工作计划 inside the measures, 突出问题专项整治, topic-structured reports."""
import pytest

import lawlint

FACTS = "全年办理行政处罚案件30件，审核规范性文件8件，收到行政复议案件93件，办理人大代表建议16件。"
LEAD = "县长主持常务会议研究法治政府建设3次，县长带头述法。"
TAIL = "二、存在的不足\n执法力量薄弱。\n三、2022年工作安排\n一是加强执法队伍建设。"


def parts(text):
    r = lawlint.lint_text(text, year=2021)
    return {sid: (v.status, v.line) for sid, v in r.sections.items()}


@pytest.mark.parametrize("heading", [
    "（一）对标2021年度工作计划，全面完成重点任务",
    "（一）落实2021年度法治政府建设工作计划情况",
])
def test_this_years_plan_inside_measures_is_not_plans(heading):
    got = parts(f"一、主要举措和成效\n{heading}\n{FACTS}\n（二）压实第一责任人职责\n{LEAD}\n{TAIL}")
    assert got["plans"] == ("heading", 8)
    for sid in ("decision", "enforcement", "disputes", "supervision"):
        assert got[sid][0] != "absent", sid           # not hidden under a plans "part"


@pytest.mark.parametrize("heading", ["一、落实2021年度法治政府建设工作计划情况",
                                     "一、2021年度工作计划执行和主要成效"])
def test_measures_heading_naming_the_years_plan(heading):
    got = parts(f"{heading}\n（一）压实第一责任人职责\n{LEAD}\n（二）推进严格规范公正文明执法\n{FACTS}\n{TAIL}")
    assert got["measures"] == ("heading", 1)
    assert got["leadership"] == ("heading", 2)
    assert got["plans"] == ("heading", 8)


@pytest.mark.parametrize("heading", ["一、坚持党建引领，压实法治建设责任",
                                     "一、强化组织保障，扛牢法治建设政治责任"])
def test_cue_less_leadership_heading(heading):
    got = parts(f"{heading}\n{LEAD}\n二、依法全面履行政府职能\n{FACTS}\n三、存在的不足\n执法力量薄弱。")
    assert got["leadership"] == ("heading", 1)
    assert got["measures"][0] == "heading"


def test_special_rectification_of_prominent_problems_is_enforcement():
    got = parts(f"一、主要举措和成效\n（一）开展执法领域突出问题专项整治\n整改执法问题20个，组织执法人员培训2期。\n{TAIL}")
    assert got["enforcement"] == ("heading", 2)
    assert got["shortcomings"] == ("heading", 4)


def test_inline_items_are_numbered_items():
    text = ("一、2021年工作开展情况\n一是加强党对法治政府建设的领导。县长主持常务会议研究法治政府建设3次。"
            "二是推进严格规范公正文明执法。全年办理行政处罚案件30件。三是健全行政争议预防化解机制。"
            "收到行政复议案件93件。\n" + TAIL.replace("二、", "二、").replace("三、", "三、"))
    got = parts(text)
    assert got["leadership"] == ("heading", 2)
    assert got["enforcement"] == ("heading", 2)
    assert got["disputes"] == ("heading", 2)


def test_inline_item_about_leaders_study_is_not_the_leadership_part():
    """「二是完善领导干部学法制度」 is about study, not the 第一责任人 duty (seed 000's reading)."""
    text = ("一、主要举措和成效\n（一）加强制度建设。一是完善领导干部学法制度。政府常务会议定期学法，"
            "领导干部学法12次。\n" + TAIL)
    assert parts(text)["leadership"][0] == "body"
