"""GB/T 9704 forms: zero-padded dates, a Chinese-numeral 成文日期 after 2012, the 发文字号's serial
number and the 附件 line — on reports of several levels and years, with the fixes they offer."""
import pytest

from helpers import lint


def _fixed(text, rule, year=2023):
    got = [d for d in lint(text, year=year, select=[rule]).diagnostics if d.rule == rule]
    for d in sorted(got, key=lambda d: d.start, reverse=True):
        text = text[:d.start] + d.replacement + text[d.end:]
    return len(got), text


REPORT = "{head}\n一、主要举措和成效\n全年办理行政复议案件32件，审查规范性文件12件。\n{issuer}\n{date}"


@pytest.mark.parametrize("year, date, want", [
    (2023, "二〇二四年一月二十六日", "2024年1月26日"),
    (2015, "二○一六年三月三十一日", "2016年3月31日"),        # ○ (U+25CB) for 〇
    (2019, "二零二零年二月十日", "2020年2月10日"),
    (2011, "二〇一二年三月一日", None),                     # before GB/T 9704—2012 took effect
    (2023, "2024年1月26日", None),
])
def test_chinese_numeral_signature_date(year, date, want):
    text = REPORT.format(head=f"某镇{year}年法治政府建设工作报告", issuer="某镇人民政府", date=date)
    n, fixed = _fixed(text, "date.chinese_numerals", year)
    assert (n, fixed.splitlines()[-1]) == ((1, want) if want else (0, date))


def test_chinese_numerals_in_the_running_text_are_not_the_signature_date():
    text = "某省2021年法治政府建设情况报告\n二〇二一年是建党一百周年。\n全年审查规范性文件120件，办理复议案件600件，本年度各项工作进展顺利、成效明显。\n某省人民政府\n2022年3月1日"
    assert _fixed(text, "date.chinese_numerals", 2021)[0] == 0


@pytest.mark.parametrize("text, want", [
    ("2022年08月，区政府出台《重大行政决策事项目录》。", "2022年8月，区政府出台《重大行政决策事项目录》。"),
    ("截至2024年12月01日，共受理申请45件。", "截至2024年12月1日，共受理申请45件。"),
    ("2019 年 03 月 8 日召开常务会议。", "2019 年 3 月 8 日召开常务会议。"),
    ("2023年10月，街道召开专题会议。", None),
    ("案号为2021-03-05，文号为豫政〔2021〕03号。", None),
])
def test_zero_padded_dates(text, want):
    n, fixed = _fixed(text, "date.zero_padded")
    assert (n > 0, fixed) == ((True, want) if want else (False, text))


@pytest.mark.parametrize("text, want", [
    ("转发省司法厅《通知》（豫司〔2023〕第12号）。", "转发省司法厅《通知》（豫司〔2023〕12号）。"),
    ("依据豫政〔2021〕03号文件。", "依据豫政〔2021〕3号文件。"),
    ("依据国办发〔2019〕 第 5 号文件。", "依据国办发〔2019〕5号文件。"),
    ("依据国办发〔2019〕50号文件。", None),
    ("依据国办发〔2019〕100号文件。", None),
])
def test_document_number_serial(text, want):
    n, fixed = _fixed(text, "docnumber.serial")
    assert (n > 0, fixed) == ((True, want) if want else (False, text))


@pytest.mark.parametrize("text, want", [
    ("报告如上。\n附件：1.2024年法治政府建设任务清单；", "报告如上。\n附件：1.2024年法治政府建设任务清单"),
    ("报告如上。\n附件:重点工作台账。", "报告如上。\n附件:重点工作台账"),
    ("报告如上。\n附件：重点工作台账", None),
    ("合同及其附件：均已审查。", None),
])
def test_attachment_line(text, want):
    n, fixed = _fixed(text, "attachment.line")
    assert (n > 0, fixed) == ((True, want) if want else (False, text))
