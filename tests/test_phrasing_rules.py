"""Punctuation, number and wording rules on sentences in many wordings (not the seeds'): what
fires, what a careful reader would leave alone, what a fix puts in, and how a systemic defect is
scored. Several cases are NFKC-normalised text (ASCII commas and brackets everywhere), the form
most reports arrive in."""
import unicodedata

import pytest

from helpers import lint


def hits(text, rule, year=2021, kind="txt"):
    r = lint(text, year=year, select=[rule], kind=kind)
    return [text[d.start:d.end] for d in r.diagnostics if d.rule == rule]


def fixes(text, rule, year=2021):
    r = lint(text, year=year, select=[rule])
    return [(text[d.start:d.end], d.replacement) for d in r.diagnostics if d.rule == rule]


# -- punct.halfwidth ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("全年办理案件12件,审结10件。", [","]),
    ("上午9:30召开会议;会议由县长主持。", [";"]),
    ("办理行政复议案件12件(其中维持8件)。", ["(", ")"]),
    ("推广“冀时办”APP, 推动政务事项掌上办。", [", "]),             # the space goes with the comma
    ("第一,深化审批改革。", [","]),                                  # 第一， takes a full-width comma
    ("是否存在问题?请各单位自查!", ["?", "!"]),
    ("全县共有执法人员1,234名,占比98.5%。", [","]),                   # 1,234 is a number
    ("详见 https://www.gov.cn/a,b(c) 和 fzb@example.gov.cn。", []),
    ("执行 GB/T 15834 (2011) standard, as required.", []),
    ("(一)加强组织领导。全年召开会议5次。", []),                      # the numbering rules own it
])
def test_halfwidth(text, want):
    assert hits(text, "punct.halfwidth") == want


def test_halfwidth_straight_quotes_are_paired_in_order():
    assert fixes('深入推进"放管服"改革,坚持"三个不"原则。', "punct.halfwidth") == [
        ('"', "“"), ('"', "”"), (",", "，"), ('"', "“"), ('"', "”")]
    odd = lint('他说"好的。', year=2021, select=["punct.halfwidth"]).diagnostics
    assert len(odd) == 1 and not odd[0].fixable                 # pairing unknown: report, don't fix
    assert hits('He said "yes" to it。', "punct.halfwidth") == []


def test_halfwidth_is_one_systemic_deduction_per_kind_of_mark():
    text = "一、主要举措\n" + "全年办理案件12件,审结10件;纠错3件(撤销2件)。\n" * 60
    r = lint(text, year=2021, select=["punct.halfwidth"])
    assert len(r.diagnostics) == 60 * 4                          # JSON still lists every location
    scored = [d for d in r.diagnostics if d.weight != 0]
    assert sorted(text[d.start] for d in scored) == ["(", ",", ";"]   # brackets are one kind
    assert r.deductions["punct.halfwidth"] == 1.5


def test_nfkc_text_costs_the_cap_once():
    text = unicodedata.normalize("NFKC", "一、主要举措\n全年办理案件１２件，审结１０件；纠错３件（撤销２件）：维持１件？是！\n")
    r = lint(text, year=2021, select=["punct.halfwidth"])
    assert r.deductions["punct.halfwidth"] == 2


# -- punct.unpaired ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("全面推行家事服务”公证，受理12件。", ["”"]),
    ("落实《重大行政决策程序暂行条例，严格程序。", ["《"]),
    ("坚持“‘放管服’改革”不动摇（2021年）。", []),
    ("主要做法：1）加强学习；2）强化培训；a)严格考核。", []),       # short list markers
    ("统一)部署，强化落实。", [")"]),
    ("建立(试行）机制，效果明显。", []),                            # width is the other rule's business
])
def test_unpaired(text, want):
    assert hits(text, "punct.unpaired") == want


# -- punct.serial_comma, punct.space, punct.indent ---------------------------------------------
@pytest.mark.parametrize("text,n", [
    ("认真学习《宪法》、《民法典》等法律。", 1), ("认真学习《宪法》,《民法典》等法律。", 1),
    ("开展“法律进乡村”、“法律进社区”活动。", 1), ("开展“法律进乡村”“法律进社区”活动。", 0),
    ("做到“应公开尽公开”，推进“五公开”。", 0),
])
def test_serial_comma(text, n):
    assert len(hits(text, "punct.serial_comma")) == n


@pytest.mark.parametrize("text,n", [
    ("完成审计项目 107个，提出审计建议 113条。", 2), ("做到 “有件必备”。", 1),
    ("区司法局　局长出席会议。", 1), ("推广 APP 应用，接入 OA 系统。", 0),
    ("完成审计项目107个。", 0),
])
def test_space(text, n):
    assert len(hits(text, "punct.space")) == n


def test_space_fix_removes_it():
    assert fixes("完成审计项目 107个。", "punct.space") == [(" ", "")]


def test_indent_reports_stray_indentation_only_where_lines_start_flush():
    flush = "\n".join(f"{i}.推进第{i}项工作，完成任务{i}件。" for i in range(1, 9))
    r = lint(flush + "\n\u3000  9.推进第9项工作。", year=2021, select=["punct.indent"])
    assert [d.line for d in r.diagnostics] == [9] and "1个全角空格、2个半角空格" in r.diagnostics[0].message
    indented = "\n".join("\u3000\u3000" + line for line in flush.split("\n"))
    assert not hits(indented, "punct.indent")
    assert not hits(flush + "\n    9.推进第9项工作。", "punct.indent", kind="md")


# -- repeated marks, ellipsis, 一是、, list separators -----------------------------------------
@pytest.mark.parametrize("text,want", [
    ("全年办理案件12件，，审结10件。", ["，，"]), ("加强执法监督、，提升水平。。", ["、，", "。。"]),
    ("依法行政……全面推进。", []),
])
def test_repeated(text, want):
    assert hits(text, "punct.repeated") == want


@pytest.mark.parametrize("text,want", [
    ("进机关、进乡村...等活动。", ["..."]), ("进机关、进乡村。。。等", ["。。。"]),
    ("进机关、进乡村…等", ["…"]), ("进机关、进乡村……等", []),
    ("进机关、进乡村......等", []),          # NFKC's image of ……
    ("版本1.2.3，增长3.5%。", []),
])
def test_ellipsis(text, want):
    assert hits(text, "punct.ellipsis") == want


def test_ordinal_comma_and_list_separators():
    assert fixes("一是、加强学习；二是、强化培训。", "punct.ordinal_comma") == [("一是、", "一是"), ("二是、", "二是")]
    assert len(hits("一是加强学习；二是强化培训。三是严格考核；四是加大宣传。", "punct.list_separator")) == 1
    assert not hits("一是加强学习；二是强化培训；三是严格考核。", "punct.list_separator")
    assert not hits("一是加强学习。制定计划。二是强化培训。组织考试。", "punct.list_separator")
    assert not hits("一是加强学习;二是强化培训;三是严格考核。", "punct.list_separator")   # ; is ；


# -- document numbers, day names, <> in titles -------------------------------------------------
def test_docnumber():
    got = fixes("依据豫政办〔2021〕12号、豫政[2020]5号、郑政办(2019)3号和国办发【2018】1号文件。",
                "punct.docnumber")
    assert got == [("[2020]5号", "〔2020〕5号"), ("(2019)3号", "〔2019〕3号"), ("【2018】1号", "〔2018〕1号")]
    assert not hits("审结（2021）豫0102行初3号案件。", "punct.docnumber")


def test_day_names():
    assert fixes("开展“3.15”和“12•4”宣传，组织3.15国际消费者权益日活动。", "punct.day_name") == [
        ("3.15", "3·15"), ("12•4", "12·4"), ("3.15", "3·15")]
    assert not hits("GDP增长3.15%，投资3.15亿元，开展“3·15”宣传。", "punct.day_name")


def test_angle_brackets_inside_titles():
    assert fixes("转发《关于印发<实施方案>的通知》。", "punct.angle_title") == [
        ("关于印发<实施方案>", "关于印发〈实施方案〉")]
    assert not hits("满意度>95%，投诉率<5%。", "punct.angle_title")


# -- numbers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,rule,want", [
    ("制定《规划(2021一2025年)》。", "number.year_range_yi", [("2021一2025", "2021—2025")]),
    ("2021年一2025年，全面推进。", "number.year_range_yi", [("2021年一2025", "2021年—2025")]),
    ("贯彻《纲要(2015-2020年)》。", "number.year_range_dash", [("2015-2020", "2015—2020")]),
    ("落实2021~2025年规划。", "number.year_range_dash", [("2021~2025", "2021—2025")]),
    ("2016年-2020年开展七五普法。", "number.year_range_dash", [("2016年-2020", "2016年—2020")]),
    ("2019-2020年度考核优秀。", "number.year_range_dash", [("2019-2020", "2019—2020")]),
    ("发布日期2019-02-02。", "number.year_range_dash", []),
    ("印发《纲要(20212025年)》。", "number.year_range_missing_dash", [("20212025", "2021—2025")]),
])
def test_year_ranges(text, rule, want):
    assert fixes(text, rule) == want


@pytest.mark.parametrize("text,rule,want", [
    ("满意率提高15～30%，就业5-10万人，投资9～16亿。", "number.range_unit", ["15～30%", "5-10万", "9～16亿"]),
    ("满意率提高15%～30%，就业5万～10万人，日期2021-12-31。", "number.range_unit", []),
    ("培训3千余人次，发放资料5百份。", "number.mixed_units", ["3千", "5百"]),
    ("新建道路3千米，提高2个百分点，装机5千瓦。", "number.mixed_units", []),
    ("办理案件１２件。", "number.fullwidth_digit", ["１２"]),
    ("投入资金30.346万，拨付经费12万。", "number.money_unit", ["投入资金30.346万", "拨付经费12万"]),
    ("投入资金30.346万元，惠及群众1.2万人，罚款5万余元。", "number.money_unit", []),
])
def test_numbers(text, rule, want):
    assert hits(text, rule) == want


def test_percent_mixed_reports_the_minority_form():
    assert hits("满意率95%，办结率98%，纠错率12％。", "number.percent_mixed") == ["％"]
    assert not hits("满意率95%，办结率98%。", "number.percent_mixed")


# -- time words --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("今年共办理案件12件，去年同期为10件。", ["今年", "去年"]),
    ("今年以来，全县共办理案件12件。", ["今年以来"]),
    ("目前，我县已建成公共法律服务中心1个。", []),         # time.relative.now (a hint)
    ("近日，省政府办公厅印发通知。", ["近日"]),
    ("目前仍存在一些不足，法治意识有待提高。", []),          # no figure tied to "now"
    ("各单位于2022年3月1日前报送，节日前开展检查。", []),
    ("群众口中的“今年办成了大事”广为流传。", []),
    ("县政府报告本年度法律法规实施情况。", []),
])
def test_relative_time(text, want):
    assert hits(text, "time.relative") == want


@pytest.mark.parametrize("text,want", [
    ("截止目前，共受理案件12件。", [("截止", "截至")]),
    ("截止到2021年12月31日，完成清理。", [("截止到", "截至")]),
    ("截止12月底，完成清理。", [("截止", "截至")]),
    ("报名于3月1日截止，截止时间为3月1日。", []),
])
def test_jiezhi(text, want):
    assert fixes(text, "word.jiezhi") == want


# -- duplicated words --------------------------------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("认真审核申报材料材料，确保真实。", ["材料材料"]),
    ("审核规范性文件文件12件。", ["文件文件"]),
    ("持续推进放管服改革改革。", ["改革改革"]),
    ("严格执法执法，规范监管。", ["执法执法"]),
    ("层层压实责任，处处体现法治，人人参与，年年考核。", []),
    ("一步一步推进，研究研究再决定，方方面面都要顾及。", []),
    ("认真学习学习强国平台上的法律知识。", []),              # 学习 / 学习强国
])
def test_duplicated(text, want):
    assert hits(text, "word.duplicated") == want
