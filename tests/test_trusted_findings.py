"""Findings a reviewer trusts: optional styles are hints (one folded finding per report), a house
style is not flagged at every heading, and lines laid out on purpose are not indentation defects.

The documents are written here, in several levels (乡镇 to 省), years and wordings; none is a
phrase of the real corpus."""
import json

import pytest

from helpers import lint, write_pack

# -- hint folding: 》、《 and ”、“ -----------------------------------------------------------------
TOWN_2019 = """某某镇人民政府关于2019年法治政府建设工作情况的报告
一、主要举措
（一）深入学习宣传。组织学习《宪法》、《监察法》、《土地管理法》等法律，举办讲座3场。
（二）推进依法决策。落实“三重一大”、“四议两公开”等制度，全年集体研究事项28件。
（三）开展普法活动。结合“12·4”国家宪法日、“3·15”消费者权益日开展宣传，发放资料2000份。
二、存在的不足
法治队伍力量薄弱。
"""


def _serial(r):
    return [d for d in r.diagnostics if d.rule == "punct.serial_comma"]


def test_serial_commas_are_one_hint_with_the_count_and_lines():
    r = lint(TOWN_2019, year=2019)
    found = _serial(r)
    assert len(found) == 1
    d = found[0]
    assert (d.line, d.severity) == (3, "info")
    assert "全文共 3 处" in d.message and "第 3、4 行" in d.message
    assert not d.fixable and d.replacement is None
    assert r.deductions["punct.serial_comma"] == 0.5           # the rule's weight, once


def test_a_single_serial_comma_is_reported_as_it_is():
    text = "2023年，全省组织学习《行政复议法》、《行政诉讼法》，培训执法人员1.2万人次。"
    found = _serial(lint(text, year=2023))
    assert len(found) == 1 and "全文共" not in found[0].message


def test_folding_happens_after_suppression():
    text = TOWN_2019.replace("（二）推进依法决策", "<!-- lawlint-disable-next-line punct.serial_comma -->\n（二）推进依法决策")
    found = _serial(lint(text, year=2019))
    assert len(found) == 1 and found[0].line == 3 and "全文共 2 处" in found[0].message
    assert "第 3 行）" in found[0].message


def test_json_lists_the_folded_hint_once(tmp_path):
    from lawlint.reporters import json_format     # noqa: F401 - the contract's writer
    r = lint(TOWN_2019, year=2019)
    rows = [d for d in r.to_json()["diagnostics"] if d["rule"] == "punct.serial_comma"]
    assert len(rows) == 1 and json.dumps(rows[0], ensure_ascii=False).count("全文共 3 处") == 1


def test_a_user_pack_may_declare_a_hint(tmp_path):
    pack = tmp_path / "house.yaml"
    write_pack(pack, {"id": "house.word", "check": "existence", "patterns": ["抓手"], "hint": True,
                      "severity": "info", "message": "“{match}”是口语化说法",
                      "examples": {"bad": ["以此为抓手。"], "good": ["以此为重点。"]}})
    text = "2022年，全区以执法检查为抓手，查处案件31件。\n以普法为抓手，举办讲座6场。\n以考核为抓手，督办事项9件。"
    found = [d for d in lint(text, year=2022, rules=[pack]).diagnostics if d.rule == "house.word"]
    assert len(found) == 1 and "全文共 3 处" in found[0].message


# -- 目前 with a figure: a hint; 今年/去年 stay findings ---------------------------------------------
COUNTY_2021 = """一、主要举措
目前，全县已建成村级公共法律服务室312个。截至目前，共受理复议申请46件。
全县行政机关负责人出庭应诉率达到100%，目前仍有个别单位重视不够。
今年共开展执法检查58次，比去年增加12次。
"""


def test_as_of_now_with_figures_is_one_hint_and_this_year_stays():
    r = lint(COUNTY_2021, year=2021)
    now = [d for d in r.diagnostics if d.rule == "time.relative.now"]
    assert len(now) == 1 and now[0].severity == "info" and "全文共 2 处" in now[0].message
    rel = sorted(r.text[d.start:d.end] for d in r.diagnostics if d.rule == "time.relative")
    assert rel == ["今年", "去年"]


def test_ignoring_time_relative_ignores_its_hint_too():
    from lawlint.api import lint_text
    from lawlint.config import Config
    r = lint_text(COUNTY_2021, year=2021, config=Config(ignore=["time.relative"]))
    assert not [d for d in r.diagnostics if d.rule.startswith("time.relative")]


# -- 。 after stand-alone headings: a house style is a hint, an outlier is a finding ---------------
def _report(headings, *, top="一、主要举措和成效", year=2020):
    body = [top]
    for i, h in enumerate(headings, 1):
        body += [h, f"全年办理相关事项{i * 7}件，完成率{90 + i}%。"]
    body += ["二、存在的不足", "执法人员数量不足。"]
    return "\n".join(body), year


PROVINCE_STYLE = ["（一）健全依法决策机制。", "（二）深化行政执法体制改革。", "（三）强化行政权力制约监督。",
                  "（四）依法有效化解社会矛盾纠纷。"]


def _period(r, rule):
    return [d.line for d in r.diagnostics if d.rule == rule]


def test_headings_that_all_end_in_a_period_are_one_hint():
    text, year = _report(PROVINCE_STYLE, top="一、2020年推进法治政府建设的主要举措")
    r = lint(text, year=year)
    assert _period(r, "numbering.heading_period") == []
    style = [d for d in r.diagnostics if d.rule == "numbering.heading_period.house_style"]
    assert len(style) == 1 and style[0].severity == "info" and "全文共 4 处" in style[0].message
    assert not style[0].fixable


def test_one_heading_unlike_its_siblings_is_the_finding():
    heads = ["（一）完善制度体系", "（二）规范执法行为", "（三）加强行政监督。", "（四）推进政务公开"]
    text, year = _report(heads, year=2024)
    r = lint(text, year=year)
    assert _period(r, "numbering.heading_period") == [6]
    assert _period(r, "numbering.heading_period.house_style") == []


def test_a_standalone_item_written_like_its_run_in_siblings_is_a_house_style():
    text = ("一、主要工作\n（一）强化执法监督\n1.规范执法程序。\n全年审核执法案卷126卷。\n"
            "2.落实公示制度。全年公示行政处罚信息342条。\n3.推行说理式执法。全年制作说理式文书58份。\n"
            "二、存在的问题\n基层执法力量不足。")
    r = lint(text, year=2018)
    assert _period(r, "numbering.heading_period") == []
    assert _period(r, "numbering.heading_period.house_style") == [3]


def test_a_lone_heading_with_a_period_is_still_a_finding():
    r = lint("一、主要举措和成效。\n全年审查规范性文件12件。", year=2022)
    assert _period(r, "numbering.heading_period") == [1]


def test_periods_split_half_and_half_are_not_a_house_style():
    heads = ["（一）完善制度体系。", "（二）规范执法行为", "（三）加强行政监督。", "（四）推进政务公开"]
    text, year = _report(heads, year=2017)
    r = lint(text, year=year)
    assert _period(r, "numbering.heading_period") == [2, 6]


# -- lines laid out on purpose: addressee and signature -------------------------------------------
def _indented(lines):
    return "\n".join("\u3000\u3000" + line for line in lines)


BODY = [f"第{i}项，全年完成任务{i * 3}件，办结率达到{90 + i}%。" for i in range(1, 9)]


@pytest.mark.parametrize("addressee", ["县委、县政府：", "市人民政府:", "省司法厅：", "区委全面依法治区委员会办公室："])
@pytest.mark.parametrize("closing", [
    ["特此报告。", "\u3000\u3000\u3000\u3000\u3000\u3000某某县住房和城乡建设局", "2022年1月10日"],
    ["某某街道办事处", "2024年1月5日"],
    ["特此报告。", "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0某某省生态环境厅", "二〇二一年一月八日"],
])
def test_addressee_and_signature_are_not_indentation_defects(addressee, closing):
    text = addressee + "\n" + _indented(BODY) + "\n" + "\n".join(closing)
    r = lint(text, year=2021, select=["punct.indent"])
    assert r.diagnostics == []


def test_a_stray_indent_among_the_paragraphs_is_still_found():
    lines = BODY[:4] + ["\u3000\u3000\u00a0\u00a0" + BODY[4]] + BODY[5:]
    text = "市政府：\n" + "\n".join("\u3000\u3000" + l if not l.startswith("\u3000") else l for l in lines) \
        + "\n深圳市某某局\n2017年1月3日"
    r = lint(text, year=2016, select=["punct.indent"])
    assert [d.line for d in r.diagnostics] == [6]


def test_a_short_line_ending_in_a_colon_deep_in_the_body_is_compared():
    lines = _indented(BODY[:5]).split("\n") + ["主要做法如下：", *(_indented(BODY[5:]).split("\n"))]
    r = lint("\n".join(lines), year=2019, select=["punct.indent"])
    assert [d.line for d in r.diagnostics] == [6]


# -- a topic sentence is supported by the enumeration that follows it ------------------------------
def _vague(text, year):
    return [text[d.start:d.end] for d in lint(text, year=year).diagnostics if d.rule == "content.vague_claim"]


HEAD = "2022年，全市扎实推进法治政府建设。\n一、主要举措和成效\n"


@pytest.mark.parametrize("body", [
    "（三）深化执法改革。结合实际，各项工作取得积极进展。一是推行三项制度，全年公示执法信息4200条；二是开展案卷评查，评查案卷310卷。",
    "（二）推进依法决策　　重大决策程序落实取得明显成效。　　（1）合法性审查全覆盖，全年审查重大决策事项27件。",
    "（四）加强普法宣传。全年普法工作成效显著。首先，组织“八五”普法中期检查，覆盖乡镇18个；其次，开展送法下乡。",
    "（一）规范执法行为。全局执法规范化建设取得较大进展：1.完成执法案卷评查56卷；2.组织培训3期。",
    "（五）化解矛盾纠纷。行政复议工作取得良好效果。\n1.畅通复议渠道，全年受理复议申请138件。\n2.加强调解。",
])
def test_a_topic_sentence_followed_by_its_items_is_supported(body):
    assert _vague(HEAD + body, 2022) == []


@pytest.mark.parametrize("body,want", [
    ("（三）深化执法改革。各项工作取得积极进展。一是推行执法公示，二是开展案卷评查，三是强化培训。", ["取得积极进展"]),
    ("（三）深化执法改革。各项工作取得积极进展。同时，全面推进执法规范化建设。", ["取得积极进展"]),
    ("（三）深化执法改革。一是推行执法公示。二是多次开展案卷评查，提升执法水平。三是全年培训执法人员620人次。",
     ["多次"]),
    ("（三）深化执法改革。开展专项检查多次，取得良好效果。\n（四）强化监督。全年办理建议提案46件。", ["多次"]),
    ("（三）深化执法改革。各项工作取得积极进展。一是推行执法公示。" + "全面落实执法公示制度，严格执法全过程记录。" * 20
     + "全年公示执法信息4200条。", ["取得积极进展"]),
])
def test_a_claim_whose_support_is_not_right_after_it_is_still_vague(body, want):
    assert _vague(HEAD + body, 2022) == want


# -- one defect, one finding: an inner title mark closed with the outer form ----------------------
@pytest.mark.parametrize("text,want", [
    ("2016年，根据《市政府办公厅关于印发〈行政执法公示办法》的通知》（某府办〔2016〕12号）开展工作。", ["〈"]),
    ("2021年，转发《省司法厅关于〈行政复议体制改革方案〉的实施意见》，组织学习3次。", []),
    ("2023年，落实《关于〈规范性文件管理办法》要求，全年审核文件41件。", ["〈"]),
    ("2019年，学习“放管服”改革‘一网通办》要求，办件1200件。", ["‘", "》"]),
])
def test_a_mismatched_inner_title_mark_is_one_finding(text, want):
    r = lint(text, year=2020, select=["punct.unpaired"])
    assert [text[d.start:d.end] for d in r.diagnostics] == want


# -- 「　　」 inside a line is a lost paragraph break, not a stray space ------------------------------
@pytest.mark.parametrize("text,year", [
    ("某某县人民政府　　2019年法治政府建设情况的报告　　2019年，我县坚持依法行政。　　一、主要举措　　（一）加强领导　　"
     "县政府常务会议专题研究法治工作4次。　　二、存在的不足　　执法力量不足。　　某某县人民政府　　2020年1月15日", 2019),
    ("省交通运输厅2022年法治政府建设年度报告　　一、强化统筹部署，压实工作责任　　厅党组书记履行第一责任人职责，"
     "全年听取汇报6次。　　2023年，我厅将着力抓好以下工作。", 2022),
    ("　　一是规范执法程序，全年评查案卷86卷。　　二是开展培训，培训执法人员1200人次。　　2024年1月8日", 2023),
])
def test_paragraph_separators_in_a_flattened_page_are_not_stray_spaces(text, year):
    r = lint(text, year=year, select=["punct.space"])
    assert r.diagnostics == []


@pytest.mark.parametrize("text,want", [
    ("全年办理复议案件 46件，纠错 5件。　　同时，加强应诉工作。", [" ", " "]),
    ("组织开展“宪法宣传周”　活动，覆盖群众3万人次。", ["　"]),
    ("深入推进\u00a0\u00a0“放管服”改革，办件9000件。", ["\u00a0\u00a0"]),
])
def test_a_stray_space_beside_a_separator_is_still_found(text, want):
    r = lint(text, year=2021, select=["punct.space"])
    assert [text[d.start:d.end] for d in r.diagnostics] == want


# -- true defects a reader sees in crawled text: a half-width full stop, a lost middle dot ---------
@pytest.mark.parametrize("text,want", [
    ("2021年是“八五”普法开局之年. 全区深入开展普法宣传。", ["。"]),
    ("全年办结行政复议案件38件．纠错4件。", ["。"]),
    ("全镇法治建设稳步推进.", ["。"]),
    ("主要做法：1.加强学习；2.强化培训。纠错率为3.5%。", []),
    ("事项清单见www.hebei.gov.cn，附件2.pdf已公开。", []),
    ("工作仍有差距...下一步将加强。", []),
])
def test_a_half_width_full_stop_after_chinese(text, want):
    r = lint(text, year=2021, select=["punct.halfwidth.period"])
    assert [d.replacement for d in r.diagnostics] == want


@pytest.mark.parametrize("text,want", [
    ("积极参与“12?4”国家宪法日活动，发放资料3000份。", ["12·4"]),
    ("成功应对“7?20”特大暴雨，转移群众1.2万人。", ["7·20"]),
    ("开展“3\ufffd15”消费者权益日宣传。", ["3·15"]),
    ("全年检查“双随机”事项12?4项存疑。", []),
])
def test_a_month_day_name_whose_middle_dot_was_lost(text, want):
    r = lint(text, year=2022, select=["punct.day_name"])
    assert [d.replacement for d in r.diagnostics] == want


@pytest.mark.parametrize("text,want", [
    ("于9月19日―25日举办网络安全宣传周活动。", ["9月19日—25日"]),
    ("2020年3月-5月，全县开展安全生产专项整治。", ["3月—5月"]),
    ("6月1日－6月30日为安全生产月。", ["6月1日—6月30日"]),
    ("于9月19日—25日举办宣传周；3月～5月开展整治；1-11月完成投资12亿元。", []),
    ("2016-2020年期间，全市办理案件1200件。", []),      # a year range: number.year_range_dash
])
def test_a_date_range_with_a_look_alike_dash(text, want):
    r = lint(text, year=2020, select=["number.date_range_dash"])
    assert [d.replacement for d in r.diagnostics] == want


@pytest.mark.parametrize("text,want", [
    ("依据《关于加强规范性文件管理的通知》（湘政办发﹝2019﹞15号）开展清理。", ["〔2019〕15号"]),
    ("作出冀政复答﹝2020﹞2-141号答复书，维持原行政行为。", ["〔2020〕2-141号"]),
    ("印发《实施方案》（开州委发〔2017〕5号），审结（2021）豫0102行初3号案件。", []),
])
def test_document_numbers_with_small_form_brackets(text, want):
    r = lint(text, year=2020, select=["punct.docnumber"])
    assert [d.replacement for d in r.diagnostics] == want
