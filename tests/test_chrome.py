"""Page chrome in the shapes real saved pages have: not report text (no punctuation, numbering or
title findings on it), one residue finding for the whole page."""
import pytest

from lawlint import lint_text
from lawlint.loaders.source import Source
from lawlint.parse.document import parse

REPORT = """{head}
{title}
{year}年，{who}深入学习贯彻习近平法治思想，扎实推进法治政府建设，现将有关情况报告如下。
一、主要举措和成效
全年审查规范性文件12件，办理行政复议案件30件，开展执法检查60次，培训执法人员420人次。
{foot}"""

HEADS = [
    "无障碍 简体| 繁体",
    "无障碍|简体|繁體",
    "您所在的位置: 首页 新闻资讯",
    "您当前所在位置：首页 > 政务公开 > 法治政府建设",
    "所在位置:首页»信息公开",
    "大 中 小",
    "字体:【 默认 超大",
    "字号：【大 中 小】",
    "【字体：大 中 小】【打印】【关闭】",
    "发布时间：2023-03-10 来源：县司法局",
    "浏览次数：1520",
    "副区长  王志勉",
    "县委常委、常务副县长　李建国",
    "长辈版 | 无障碍",
    "视力保护色 打印本页 关闭窗口",
]
FOOTS = ["分享:", "打印 关闭", "分享到：", "【打印】 【关闭】", "扫一扫在手机打开当前页", "我要纠错", ""]
PLACES = [("2022", "某区", "某区关于2022年度法治政府建设情况的报告"),
          ("2017", "乌审旗", "乌审旗2017年法治政府建设工作报告"),
          ("2024", "市市场监管局", "市市场监管局2024年度法治政府建设年度报告"),
          ("2019", "某镇", "某镇人民政府关于2019年法治政府建设情况的报告"),
          ("2021", "省司法厅", "省司法厅2021年法治政府建设年度报告")]


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("foot", FOOTS[:3])
def test_page_chrome_is_one_residue_finding(head, foot):
    for year, who, title in PLACES[:2]:
        text = REPORT.format(head=head, title=title, year=year, who=who, foot=foot)
        r = lint_text(text)
        doc = parse(Source(text=text))
        assert [b.kind for b in doc.blocks][0] == "chrome", head
        assert r.title == title and r.report_year == int(year)
        chrome_lines = {i + 1 for i, line in enumerate(text.split("\n")) if line in (head, foot) and line}
        on_chrome = [d.rule for d in r.diagnostics if d.line in chrome_lines]
        assert on_chrome == ["residue.web_page"], (head, foot, on_chrome)


@pytest.mark.parametrize("foot", FOOTS)
def test_footer_controls(foot):
    year, who, title = PLACES[2]
    text = REPORT.format(head="", title=title, year=year, who=who, foot=foot).lstrip("\n")
    r = lint_text(text)
    residue = [d for d in r.diagnostics if d.rule == "residue.web_page"]
    assert len(residue) == (1 if foot else 0)
    assert not [d for d in r.diagnostics if d.rule.startswith(("punct.", "title.", "text."))]


def test_metadata_line_gives_the_publication_date():
    text = REPORT.format(head="发布时间：2023-05-10 来源：区司法局", title=PLACES[0][2], year="2022",
                         who="某区", foot="")
    r = lint_text(text)
    assert r.meta["date_published"] == "2023-05-10"
    assert "residue.late" in {d.rule for d in r.diagnostics}


@pytest.mark.parametrize("line", [
    "小微企业获得信贷支持12亿元。",                  # starts with a control word, but is text
    "（三）分享改革经验",
    "资金来源：县级财政预算安排",
    "中小学法治副校长配备率100%",
    "区长办公会议专题研究法治政府建设3次",
    "打印室、档案室管理制度进一步完善。",
])
def test_report_lines_are_not_chrome(line):
    text = REPORT.format(head="", title=PLACES[3][2], year="2019", who="某镇",
                         foot="").lstrip("\n").replace("一、主要举措和成效\n", f"一、主要举措和成效\n{line}\n")
    doc = parse(Source(text=text))
    assert [b.kind for b in doc.blocks if b.text == line] != ["chrome"]


def test_a_signature_at_the_end_is_not_a_byline():
    year, who, title = PLACES[4]
    text = REPORT.format(head="", title=title, year=year, who=who, foot="").lstrip("\n") + \
        "二、存在的不足\n基层执法力量不足。\n三、2022年工作安排\n充实执法力量。\n厅长  张国华\n2022年2月10日"
    doc = parse(Source(text=text))
    assert [b.kind for b in doc.blocks if b.text.startswith("厅长")] != ["chrome"]


def test_traditional_web_copy():
    """A Taiwan mirror's page: its controls in Traditional characters and Taiwan words (列印, 字型)."""
    text = ("無障礙 簡體| 繁體\n您所在的位置：首頁 > 新聞資訊\n字型：【大 中 小】\n"
            "某縣人民政府關於2022年度法治政府建設情況的報告\n"
            "2022年，某縣深入學習貫徹習近平法治思想，紮實推進法治政府建設，現將有關情況報告如下。\n"
            "一、主要舉措和成效\n全年審查規範性文件12件，辦理行政復議案件30件，開展執法檢查60次。\n"
            "分享：\n列印 關閉")
    r = lint_text(text)
    assert r.title == "某縣人民政府關於2022年度法治政府建設情況的報告" and r.report_year == 2022
    assert [(d.rule, d.line) for d in r.diagnostics if d.line in (1, 2, 3, 8, 9)] == [("residue.web_page", 1)]
    assert "無障礙" in next(d.message for d in r.diagnostics if d.rule == "residue.web_page")
