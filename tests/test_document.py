"""The parser: numbering styles, run-in and unnumbered headings, front matter, year, positions."""
import pytest

from lawlint.parse.document import parse, split_sentences
from lawlint.loaders.text import normalise
from lawlint.loaders.source import Source


def doc(text, kind="txt", year=None):
    text, _ = normalise(text)
    return parse(Source(text=text, kind=kind), year=year)


def tree(d):
    return [(h.level, h.style, h.value, h.title) for h in d.headings]


@pytest.mark.parametrize("token,family,value", [
    ("一、", "cn", 1), ("十二、", "cn", 12), ("（一）", "cn_paren", 1), ("(三)", "cn_paren", 3),
    ("（十五）", "cn_paren", 15), ("1.", "ar", 1), ("2．", "ar", 2), ("3、", "ar", 3), ("4. ", "ar", 4),
    ("（1）", "ar_paren", 1), ("(2)", "ar_paren", 2), ("第一，", "di", 1), ("第三,", "di", 3),
    ("①", "circled", 1), ("第一部分 ", "part", 1), ("第二部分：", "part", 2), ("第三部分　", "part", 3)])
def test_numbering_styles(token, family, value):
    d = doc(f"{token}加强组织领导\n全年召开常务会议研究法治政府建设工作12次，并印发工作要点。")
    assert [(h.style, h.value, h.title) for h in d.headings] == [(family, value, "加强组织领导")]


def test_gbt9704_hierarchy():
    d = doc("一、主要举措\n（一）加强领导\n1.压实责任\n（1）常务会议\n正文很长很长的一段话，写了很多很多内容，超过六十个字符才算正文段落，所以这里继续写一些内容凑足长度。\n二、存在的不足\n正文。")
    assert [(lv, t) for lv, _, _, t in tree(d)] == [(1, "主要举措"), (2, "加强领导"), (3, "压实责任"),
                                                   (4, "常务会议"), (1, "存在的不足")]


def test_parts_above_chinese_numbers():
    """第一部分 … 第三部分 divide some reports above 一、; the part a heading names counts."""
    d = doc("第一部分 2021年主要工作\n一、加强组织领导\n县政府常务会议学法6次。\n二、依法决策\n审查重大行政决策5项。\n"
            "第二部分 存在的不足和原因\n持证率仅为76%，原因在于编制不足。\n第三部分 2022年工作安排\n一是提升持证率。")
    assert [(lv, style, t) for lv, style, _, t in tree(d)] == [
        (1, "part", "2021年主要工作"), (2, "cn", "加强组织领导"), (2, "cn", "依法决策"),
        (1, "part", "存在的不足和原因"), (1, "part", "2022年工作安排")]
    from lawlint.api import lint_text
    r = lint_text(d.text, year=2021)
    assert {s: r.sections[s].status for s in ("shortcomings", "causes", "plans")} == {
        "shortcomings": "heading", "causes": "heading", "plans": "heading"}
    assert not [x for x in r.diagnostics if x.rule.startswith(("numbering.", "punct.space"))]


def test_run_in_heading_title_is_first_sentence():
    d = doc("（一）统筹推进法治政府建设。一是加强顶层设计。二是完善领导机制。")
    h = d.headings[0]
    assert h.run_in and h.title == "统筹推进法治政府建设"
    assert d.heading_body(h).startswith("一是加强顶层设计")


def test_inline_enumerations_are_not_headings():
    d = doc("一、主要举措和成效\n全年开展培训。一是加强学习；二是强化考核。1.开展培训；2.组织考试。\n一是加强执法队伍建设，配齐配强执法人员，全年培训执法人员800人次，覆盖全部执法单位。")
    assert [h.title for h in d.headings] == ["主要举措和成效"]


def test_unnumbered_heading_between_siblings():
    """Seed 003: an unnumbered L2 heading between （五） and （七） with its own 1、2、 children."""
    long = "。" + "正文内容" * 20
    d = doc("一、主要做法\n（五）坚持严格执法\n1、推进三项制度" + long + "\n强化行政权力制约和监督\n1、主动接受监督" + long +
            "\n2、推进政务公开" + long + "\n（七）化解矛盾纠纷\n1、构建联调格局" + long)
    levels = {h.title: (h.level, h.parent.title if h.parent else None) for h in d.headings}
    assert levels["强化行政权力制约和监督"] == (2, "主要做法")
    assert levels["主动接受监督"] == (3, "强化行政权力制约和监督")
    assert levels["化解矛盾纠纷"] == (2, "主要做法")


def test_mixed_families_nest_by_first_use():
    """Seed 002: 一、 > (一) > 第一, ; a later (二) closes the 第一 list."""
    d = doc("一、主要工作\n(一)年度任务\n第一,深推改革。内容。\n第二,强化监管。内容。\n(二)长期任务\n第一,推进放管服。内容。\n二、存在问题\n正文。")
    assert [(h.level, h.title) for h in d.headings] == [
        (1, "主要工作"), (2, "年度任务"), (3, "深推改革"), (3, "强化监管"), (2, "长期任务"),
        (3, "推进放管服"), (1, "存在问题")]


def test_numbers_are_not_headings():
    d = doc("1.5万人参加培训，同比增长20%，覆盖全部乡镇街道和部门单位，群众满意度持续提升，取得明显成效。\n2021.5起施行新办法，各部门认真贯彻落实，取得良好效果，得到上级部门充分肯定。")
    assert d.headings == []


@pytest.mark.parametrize("title,year,issuer", [
    ("关于2021年度法治政府建设情况的报告", 2021, None),
    ("XX市2023年法治政府建设年度报告", 2023, "XX市"),
    ("某县人民政府关于2019年法治政府建设工作情况的报告", 2019, "某县人民政府"),
    ("关于二〇二三年度法治政府建设情况的报告", 2023, None),
    ("某市司法局关于二○二二年法治政府建设情况的报告", 2022, "某市司法局"),
    ("某镇2022年度法治政府建设情况报告", 2022, "某镇"),
])
def test_title_and_year(title, year, issuer):
    d = doc(f"{title}\n今年以来，我们认真贯彻落实党中央决策部署，扎实推进法治政府建设，取得了积极成效，现报告如下。")
    assert d.title is not None and d.title.text == title
    assert d.year == year
    if issuer:
        assert d.issuer == issuer


def test_issuer_line_above_title():
    d = doc("元氏县人民政府\n关于2021年度法治政府建设情况报告\n2021年,元氏县委、县政府高度重视法治政府创建工作。")
    assert d.issuer == "元氏县人民政府" and d.year == 2021


def test_year_from_opening_without_title():
    d = doc("2024年,邓州市坚持以习近平新时代中国特色社会主义思想为指导。现将工作情况报告如下。\n一、主要举措\n正文。")
    assert d.title is None and d.year == 2024 and d.year_source == "opening"


def test_year_from_plans_heading_as_last_resort():
    d = doc("我局认真推进依法行政。\n一、主要做法\n正文。\n二、2023年工作安排\n正文。")
    assert d.year == 2022 and d.year_source == "plans"


def test_year_override_wins():
    d = doc("关于2021年度法治政府建设情况的报告\n正文。", year=2020)
    assert d.year == 2020 and d.year_source == "option"


def test_positions_map_to_line_and_column():
    d = doc("第一行\r\n  一、第二行标题\r\n正文")
    h = d.headings[0]
    assert d.position(h.start) == (2, 3)
    assert d.position(h.title_start) == (2, 5)


def test_sentences_keep_offsets():
    text = "加强领导。“三项制度”全面落实！是否到位？一是；二是"
    for s in split_sentences(text, 10):
        assert text[s.start - 10:s.end - 10] == s.text


def test_web_chrome_is_excluded():
    d = doc("您当前的位置:首页>政务公开\n[ 索引号 ]1150/2022 [ 成文日期 ]2019-02-02 [ 发布日期 ]2019-02-03\n2018年法治政府建设情况报告\n一、主要工作\n" + "正文" * 40 + "\n扫一扫在手机打开当前页\n微博\n微信\n网站地图")
    assert d.meta == {"date_written": "2019-02-02", "date_published": "2019-02-03"}
    assert [h.title for h in d.headings] == ["主要工作"]
    assert d.title.text == "2018年法治政府建设情况报告"


def test_markdown_headings_and_wrapped_paragraphs():
    d = doc("# 关于2022年度法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n全年办理复议案件\n12件。\n\n## 二、存在的不足\n\n执法力量薄弱。", kind="md")
    assert d.title.text.endswith("报告")
    assert [(h.level, h.title) for h in d.headings] == [(1, "主要举措和成效"), (1, "存在的不足")]
    para = [b for b in d.body_blocks if b.kind == "paragraph"][0]
    assert para.text == "全年办理复议案件\n12件。"


def test_flattened_report_is_split_at_inline_headings():
    """A scraped page with every part on one line still yields a heading tree."""
    body = "全年办理行政复议案件93件，审结80件，纠错5件，行政机关负责人出庭应诉率达100%。" * 4
    text = ("2021年，我区扎实推进法治政府建设。" + "一、主要举措和成效(一)加强党的领导。" + body +
            "(二)推进严格执法。" + body + "二、存在的不足和原因一是执法力量薄弱。究其原因，主要是编制不足。" +
            "三、2022年工作安排一是加强执法队伍建设。二是推进普法。")
    d = doc(text)
    titles = [h.title for h in d.headings]
    assert titles[0].startswith("主要举措和成效")
    assert any(t.startswith("存在的不足和原因") for t in titles)
    assert any(t.startswith("2022年工作安排") for t in titles)
    for h in d.headings:
        assert d.text[h.start:h.start + 1] in "一二三(（"


def test_unnumbered_heading_standing_in_for_a_missing_number():
    """（二） has no items of its own; the unnumbered heading after it is （三）'s stand-in, not a
    child of （二）, because the next heading of that family is （四）."""
    long = "。" + "正文内容" * 20
    d = doc("一、主要做法\n（二）推进依法决策" + long + "\n强化行政权力制约和监督\n1.主动接受监督" + long +
            "\n（四）化解矛盾纠纷\n1.构建联调格局" + long)
    levels = {h.title: (h.level, h.parent.title if h.parent else None) for h in d.headings}
    assert levels["强化行政权力制约和监督"] == (2, "主要做法")
    assert levels["主动接受监督"] == (3, "强化行政权力制约和监督")


def test_title_split_with_the_document_type_on_the_second_line():
    d = doc("某县人民政府\n关于2022年度法治政府建设\n工作情况的报告\n2022年，我县扎实推进法治政府建设，现将有关情况报告如下。")
    assert [b.text for b in d.blocks if b.kind == "title"] == ["关于2022年度法治政府建设", "工作情况的报告"]
    assert d.year == 2022 and d.issuer == "某县人民政府"


def test_page_numbers_are_not_report_text():
    """Lines left by a printed or PDF copy (— 1 —, 第 3 页 共 4 页, 3/4) are not checked."""
    from lawlint.api import lint_text
    text = ("某县人民政府关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n（一）依法决策。审查文件18件。\n— 1 —\n"
            "（二）规范执法。评查案卷120卷。\n第 3 页 共 4 页\n3/4\n二、存在的不足和原因\n持证率仅为76%，原因在于编制不足。")
    d = doc(text)
    assert [b.kind for b in d.blocks if b.text.strip() in ("— 1 —", "第 3 页 共 4 页", "3/4")] == ["page"] * 3
    assert [(h.level, h.title) for h in d.headings][:3] == [(1, "主要举措和成效"), (2, "依法决策"), (2, "规范执法")]
    r = lint_text(text, year=2022)
    assert not [x for x in r.diagnostics if x.line in (4, 6, 7)]


# -- each parse step returns its result (issue 27: values final when made) ------------------------
def _blocks(text):
    from lawlint.parse.blocks import split_blocks
    from lawlint.parse.flat import unflatten
    source = Source(text=text)
    return source, unflatten(split_blocks(source, text), text)


def test_front_matter_returns_the_title_issuer_and_kinds_it_finds():
    from lawlint.parse.front import Front, front_matter
    _, blocks = _blocks("某县司法局\n关于2022年度法治政府建设情况的报告\n2022年，我局扎实推进依法行政。")
    front = front_matter(blocks, {})
    assert front == Front(blocks[1], "某县司法局", {0: "issuer", 1: "title"})
    assert {b.kind for b in blocks} == {"paragraph"}          # the step returns kinds, marks nothing
    _, none = _blocks("全年办理行政复议案件12件，纠错率8%，比上年提高两个百分点。")
    assert front_matter(none, {}) == Front(None, None, {})


@pytest.mark.parametrize("text, expected", [
    ("二〇二一年法治政府建设年度报告\n全年办理案件12件。", (2021, "title")),
    ("2019年，某乡镇扎实推进法治政府建设。\n全年办理案件12件。", (2019, "opening")),
    ("一、主要举措\n全年办理案件12件，印发工作要点，组织执法人员培训三次。\n二、2025年工作安排\n继续推进。",
     (2024, "plans")),
    ("全年办理案件12件，印发工作要点。", (None, None)),
])
def test_the_year_step_returns_the_year_and_where_it_was_read(text, expected):
    d = doc(text)
    assert (d.year, d.year_source) == expected
    assert (doc(text, year=2030).year, doc(text, year=2030).year_source) == (2030, "option")


def test_chrome_dates_are_returned_not_written():
    from lawlint.parse.blocks import mark_chrome
    text = "首页 > 政务公开 > 法治政府建设\n发布时间：2023-05-10\n2022年，某市扎实推进法治政府建设。"
    _, blocks = _blocks(text)
    kinds, dates = mark_chrome(blocks)
    assert dates.get("date_published") == "2023-05-10"
    assert kinds == {0: "chrome", 1: "chrome"} and {b.kind for b in blocks} == {"paragraph"}
    assert doc(text).meta.get("date_published") == "2023-05-10"


def test_classify_returns_the_headings_and_kinds_it_finds():
    from lawlint.parse.blocks import mark_chrome
    from lawlint.parse.front import front_matter
    from lawlint.parse.headings import classify
    source, blocks = _blocks("一、主要举措\n全年办理案件12件，印发工作要点。\n二、存在的不足\n执法人员不足。")
    kinds, _ = mark_chrome(blocks)
    given = front_matter(blocks, kinds).kinds
    headings, kinds = classify(blocks, given, source)
    assert [h.title for h in headings] == ["主要举措", "存在的不足"]
    assert kinds == {0: "heading", 2: "heading"} and given == {}          # the input is not changed
    assert {b.kind for b in blocks} == {"paragraph"} and all(b.heading is None for b in blocks)
    made = parse(source)                                                  # the maker sets them once
    assert [b.kind for b in made.blocks] == ["heading", "paragraph", "heading", "paragraph"]
    assert [b.heading.title for b in made.blocks if b.heading] == ["主要举措", "存在的不足"]
