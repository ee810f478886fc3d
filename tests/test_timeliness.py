"""Published on time (residue.late): the publication date from a crawler's header lines, a page's
metadata table, the signature, and a .docx's creation date as the last resort; deadlines by the
issuer's role and province from the profile; the days late; the 公开及时性 column."""
import csv
import io
import json

import pytest

from lawlint.api import lint_text
from lawlint.config import Config
from lawlint.checks import deadline as deadline_check

BODY = ("\n一、主要举措和成效\n全年审查规范性文件12件，办理行政复议案件30件，开展执法检查60次，群众满意度持续提升。"
        "\n二、存在的不足\n执法力量不足，原因是编制紧张。\n三、下一年度工作安排\n加强执法队伍建设。")


def late(text, year=None, **cfg):
    r = lint_text(text, year=year, config=Config(select=["residue.late"], **cfg))
    return [d for d in r.diagnostics if d.rule == "residue.late"]


@pytest.mark.parametrize("header, days", [
    ("发布时间：2023-04-11  来源：区司法局  浏览次数：12", 10),
    ("发布时间: 2023-03-31 10:22:05", None),
    ("发布日期：2023年5月1日", 30),
    ("[ 索引号 ]11410000/2023-00012 [ 成文日期 ]2023-03-20 [ 发布日期 ]2023-06-30", 90),
])
def test_crawler_and_page_header_dates(header, days):
    got = late(header + "\n某区2022年法治政府建设情况报告" + BODY)
    assert [d.message for d in got if f"{days}天" in d.message] if days else not got
    if days:
        assert len(got) == 1


def test_signature_date_of_a_town_report_in_chinese_numerals():
    (d,) = late("某镇2021年法治政府建设工作报告" + BODY + "\n某镇人民政府\n二〇二二年四月十一日")
    assert "落款日期" in d.message and "10天" in d.message


def _profile_with(provinces):
    from lawlint.vocabulary import profile
    p = dict(profile())
    p["deadlines"] = dict(p["deadlines"], provinces=provinces)
    return lambda: p


@pytest.mark.parametrize("issuer, deadline_md", [
    ("河南省司法厅", "03-01"),          # a department of a province that sets March 1 for departments
    ("河南省人民政府", "04-01"),         # its government keeps April 1
    ("郑州市中原区人民政府", "04-01"),    # no province named in the issuer: the default
    ("河北省司法厅", "04-01"),
    (None, "04-01"),
])
def test_deadline_by_role_and_province(monkeypatch, issuer, deadline_md):
    monkeypatch.setattr(deadline_check, "profile", _profile_with({"河南": {"department": "03-01"}}))

    class Ctx:
        options = {"deadline": None}

        class doc:
            pass
    Ctx.doc.issuer = issuer
    assert deadline_check.deadline_of(Ctx) == deadline_md
    Ctx.options = {"deadline": "02-15"}                # the configuration wins over the profile
    assert deadline_check.deadline_of(Ctx) == "02-15"


def test_province_deadline_reaches_the_finding(monkeypatch):
    monkeypatch.setattr(deadline_check, "profile", _profile_with({"河南": {"department": "03-01"}}))
    text = "发布时间：2023-03-11\n河南省司法厅2022年法治政府建设情况报告" + BODY
    (d,) = late(text)
    assert "3月1日" in d.message and "10天" in d.message


def _docx(tmp_path, created, closing=None):
    import datetime as dt

    import docx
    d = docx.Document()
    d.add_paragraph("某县2022年法治政府建设情况报告")
    for line in BODY.strip().splitlines():
        d.add_paragraph(line)
    if closing:
        d.add_paragraph(closing)
    d.core_properties.created = dt.datetime(*created)
    path = tmp_path / "report.docx"
    d.save(path)
    return path


def test_docx_creation_date_is_the_last_resort(tmp_path):
    from lawlint.api import lint_path
    cfg = Config(select=["residue.late"])
    r = lint_path(str(_docx(tmp_path, (2023, 7, 3))), config=cfg)
    (d,) = r.diagnostics
    assert "文档创建日期" in d.message and "93天" in d.message
    r = lint_path(str(_docx(tmp_path, (2023, 7, 3), closing="2023年3月20日")), config=cfg)
    assert r.diagnostics == []                          # the signature date comes first


def test_timeliness_column_in_csv_and_overview(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("发布时间：2023-04-11\n某区2022年法治政府建设情况报告" + BODY, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("发布时间：2023-03-11\n某县2022年法治政府建设情况报告" + BODY, encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text("某乡2022年法治政府建设情况报告" + BODY, encoding="utf-8")
    out = cli("check", "--format", "csv", str(tmp_path / "in"))
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"))))
    assert [r["公开及时性"] for r in rows] == ["逾期10天", "按时", "—"]
    cli("check", "-q", "--format", "html", "-o", tmp_path / "site", str(tmp_path / "in"))
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "公开及时性" in html and "逾期10天" in html
    got = json.loads(cli("check", "--format", "json", str(tmp_path / "in" / "a.txt")).stdout)
    assert any("10天" in d["message"] for d in got["files"][0]["diagnostics"] if d["rule"] == "residue.late")


def test_html_page_header_date(tmp_path):
    from lawlint.api import lint_path
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>某区2022年法治政府建设情况报告_某区人民政府</title></head><body>"
        "<div class='article'><h1>某区2022年法治政府建设情况报告</h1>"
        "<div class='info'><span>发布时间：2023-04-18 09:30</span><span>来源：区司法局</span></div>"
        "<div class='content'>" + "".join(f"<p>{line}</p>" for line in BODY.strip().splitlines())
        + "</div></div></body></html>", encoding="utf-8")
    (d,) = lint_path(str(page), config=Config(select=["residue.late"])).diagnostics
    assert "2023年4月18日" in d.message and "17天" in d.message
