"""The consistency checks a reviewer makes: announced counts, totals and their parts, rates, dates
after the report's own date, and shortcomings that the plans do not answer."""
import pytest

from lawlint import lint_text


def fired(text, rule, year=None):
    return [d for d in lint_text(text, year=year).diagnostics if d.rule == rule]


HEAD = "某县{y}年法治政府建设情况报告\n{y}年，某县扎实推进法治政府建设。\n一、主要举措和成效\n"


@pytest.mark.parametrize("body, fires", [
    ("全县主要从三个方面推进依法行政：一是完善制度；二是规范执法。", True),
    ("存在的问题主要表现在四个方面：一是执法力量不足；二是复议纠错率高；三是普法针对性不强。", True),
    ("我局重点抓好两项工作：一是清理规范性文件；二是推行告知承诺制；三是开展执法评查。", True),
    ("我镇从以下3个方面推进：第一，健全制度；第二，规范程序。", True),
    ("全县主要从三个方面推进依法行政：一是完善制度；二是规范执法；三是化解纠纷。", False),
    ("全面落实行政执法三项制度：一是执法公示；二是全过程记录。", False),
    ("推行“两个清单”制度：一是权力清单；二是责任清单；三是负面清单。", False),
    ("从三个方面着手，全年审查规范性文件12件。", False),                 # no list to count
    ("主要有三个方面：\n一是执法力量不足。\n二是复议纠错率偏高。", True),  # one item per paragraph
])
@pytest.mark.parametrize("y", [2018, 2023])
def test_announced_count(body, fires, y):
    assert bool(fired(HEAD.format(y=y) + body, "review.announced_count")) == fires


def test_announced_count_of_headings():
    text = HEAD.format(y=2024) + "全年审查规范性文件12件。\n二、存在的不足\n存在以下四个方面的问题：\n" \
        "（一）执法人员不足\n全镇持证执法人员只有4人。\n（二）普法针对性不强\n普法活动形式单一。\n" \
        "（三）合法性审查力量薄弱\n没有专职审查人员。\n三、2025年工作安排\n一是充实执法人员；二是改进普法。"
    (d,) = fired(text, "review.announced_count")
    assert "四" in d.message and "3条" in d.message and d.line == 6


@pytest.mark.parametrize("body, fires", [
    ("全年共发布信息2765条，其中概况类15条，政务动态类2395条，目录类270条，其他185条。", True),    # 2865
    ("全区共有法律顾问54名，其中公职律师9名、社会律师50名。", True),                              # 59 > 54
    ("共清理规范性文件87件，其中继续有效48件，修改12件，废止20件。", True),                      # 80 of 87
    ("全县共办理行政复议案件93件，其中维持79件、撤销4件、终止10件。", False),
    ("全年共发布信息2765条，其中概况类15条，政务动态类2395条，目录类170条，其他185条。", False),
    ("全区共有法律顾问54名，其中公职律师9名。", False),                                           # an example
    ("共收到行政复议申请56件，其中受理49件，审结45件，纠错6件。", False),                        # a funnel
    ("共培训执法人员1200余人次，其中领导干部300人次、执法人员500人次、辅助人员100人次。", False),  # approximate
    ("共办理案件30件，其中同比增长12件、减少20件。", False),                                     # comparisons
    ("共开展执法检查60次，其中联合检查40次；发现问题35个，整改33个。", False),
    ("全市累计培训3000人次，其中线上1800人次、线下1500人次。", True),
])
def test_total_and_its_parts(body, fires):
    assert bool(fired(HEAD.format(y=2022) + body, "review.total_parts")) == fires


@pytest.mark.parametrize("body, fires", [
    ("审结284件，经调解和解终止审查结案76件，调解和解结案率35%。", True),
    ("审结284件，经调解和解终止审查结案76件，调解和解结案率26.8%。", False),
    ("全年收到行政复议申请58件，受理51件，审结49件，纠错6件，纠错率12.2%。", False),
    ("全年收到行政复议申请58件，受理51件，审结49件，纠错6件，纠错率20%。", True),
])
def test_rates_the_figures_cannot_produce(body, fires):
    assert bool(fired(HEAD.format(y=2024) + body, "content.rate_mismatch")) == fires


SIGNED = HEAD + "{body}\n二、存在的不足\n基层执法力量不足。\n三、{n}年工作安排\n{plan}\n某县人民政府\n{date}"


@pytest.mark.parametrize("body, plan, date, fires", [
    ("2023年3月15日，县政府召开常务会议专题研究法治政府建设。", "充实执法力量。", "2023年1月10日", True),
    ("2023年2月，县政府召开常务会议专题研究法治政府建设。", "充实执法力量。", "2023年1月10日", True),
    ("2023年1月，县政府召开常务会议专题研究法治政府建设。", "充实执法力量。", "2023年1月10日", False),
    ("2022年12月28日，县政府召开常务会议专题研究法治政府建设。", "充实执法力量。", "2023年1月10日", False),
    ("2023年3月15日，县政府召开常务会议专题研究法治政府建设。", "充实执法力量。", "二〇二三年三月二十日", False),
    ("2023年3月15日，县政府召开常务会议专题研究法治政府建设。", "充实执法力量。", "二〇二三年二月二十日", True),
    ("县政府计划于2023年6月召开法治政府建设推进会。", "充实执法力量。", "2023年1月10日", False),
    ("修订后的《行政复议法》将于2024年1月1日起施行。", "充实执法力量。", "2023年1月10日", False),
    ("全年审查规范性文件12件。", "2023年6月底前完成执法人员轮训。", "2023年1月10日", False),    # plans
    ("2023年3月15日，县政府召开常务会议专题研究法治政府建设。", "充实执法力量。", "", False),   # no date
])
def test_dates_after_the_report_date(body, plan, date, fires):
    text = SIGNED.format(y=2022, n=2023, body=body, plan=plan, date=date).rstrip("\n")
    assert bool(fired(text, "review.future_date")) == fires


def test_publication_page_date_is_the_report_date():
    text = "[ 成文日期 ]2023-01-05\n" + HEAD.format(y=2022) + \
        "2023年2月8日，县政府召开常务会议专题研究法治政府建设。"
    (d,) = fired(text, "review.future_date")
    assert "2023年1月5日" in d.message and d.line == 5


PARTS = HEAD.replace("某县", "{who}") + "全年审查规范性文件12件。\n二、存在的不足和原因\n{short}\n三、{n}年工作安排\n{plan}"


@pytest.mark.parametrize("short, plan, unanswered", [
    ("一是基层执法力量薄弱，12个乡镇中有5个没有持证执法人员。二是行政复议纠错率偏高，征收领域被纠错案件8件。",
     "一是充实基层执法力量，年底前实现乡镇持证执法人员全覆盖。二是开展执法人员轮训。", ["二是行政复议纠错率偏高"]),
    ("一是基层执法力量薄弱，12个乡镇中有5个没有持证执法人员。二是行政复议纠错率偏高，征收领域被纠错案件8件。",
     "一是充实基层执法力量，年底前实现乡镇持证执法人员全覆盖。二是规范征收领域行政行为，降低行政复议纠错率。", []),
    ("（一）执法装备短缺。全区执法记录仪缺口120台。\n（二）普法形式单一。农村普法仍以发放资料为主。",
     "（一）补齐执法装备，新配执法记录仪120台。\n（二）推进“互联网+普法”。", ["（二）普法形式单一"]),
    ("1.合法性审查力量不足，全镇没有专职审查人员。究其原因，主要是编制未增加。\n2.行政复议应诉能力弱，败诉3件。",
     "1.配齐专职合法性审查人员2名。\n2.组织行政应诉专题培训，降低败诉率。", []),
    ("部分县级市行政复议规范化建设进度不一，6个县级市中有2个尚未建成标准化接待场所。原因在于经费保障不足。",
     "一是推进行政复议体制改革；二是组织执法人员轮训不少于4000人次。", ["部分县级市行政复议规范化建设进度不一"]),
    ("存在的问题主要有：一是普法针对性不强；二是数字法治政府建设滞后，执法平台尚未联通。",
     "一是推行精准普法，针对重点人群开展普法；二是建成执法监督平台，实现与省平台联通。", []),
])
@pytest.mark.parametrize("who, y", [("某县", 2020), ("市人社局", 2024), ("某镇", 2017)])
def test_plans_answer_the_shortcomings(short, plan, unanswered, who, y):
    text = PARTS.format(who=who, y=y, n=y + 1, short=short, plan=plan)
    got = fired(text, "review.plans_answer")
    assert [u for u in unanswered if any(u in d.message for d in got)] == unanswered
    assert len(got) == len(unanswered), [d.message for d in got]
    lines = text.split("\n")
    for d in got:                               # on the line of the shortcoming it names
        assert lines[d.line - 1][d.column - 1:].startswith(d.message.split("“")[1][:6])


def test_merged_shortcomings_and_plans():
    text = HEAD.format(y=2024) + "全年审查规范性文件12件。\n三、存在不足及下步打算\n" \
        "一是执法装备短缺，执法记录仪缺口120台。二是普法形式单一，农村普法仍以发放资料为主。" \
        "下一步，我县将补齐执法装备，新配执法记录仪120台。"
    got = fired(text, "review.plans_answer")
    assert [d.message for d in got] and all("普法形式单一" in d.message for d in got)
