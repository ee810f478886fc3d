"""--format html (one report's page, a batch folder with an overview) and --format csv.

The page is checked by parsing it: the report's text comes back whole, every highlight covers
exactly the text its finding points at, the coverage map agrees with the JSON verdicts, nothing is
fetched from the network, and the report's own text cannot inject markup."""
import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, strategies as st

from helpers import ROOT, SEEDS, lint
from lawlint import __version__, load_rules
from lawlint.reporters import Run
from lawlint.reporters._paths import page_name
from lawlint.reporters.html import page

YUANSHI = SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt"
RUN = Run(ruleset=load_rules(), version=__version__)


def _page_of(text, year=2021):
    r = lint(text, year=year)
    html = page(r, RUN)
    return r, BeautifulSoup(html, "html.parser"), html


class _Lines(HTMLParser):
    """The text inside each ``<span class="tx">`` (BeautifulSoup folds whitespace-only strings)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag == "span"
        elif tag == "span" and ("class", "tx") in attrs:
            self.depth = 1
            self.lines.append("")

    def handle_endtag(self, tag):
        if self.depth and tag == "span":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.lines[-1] += data


def _doc_text(html: str) -> str:
    p = _Lines()
    p.feed(html)
    return "\n".join(p.lines)


def _no_network(html: str):
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?(https?:)?//", html)


@pytest.mark.slow
def test_seed_page_keeps_text_and_highlights_each_finding_in_place():
    text = YUANSHI.read_text(encoding="utf-8")
    r, soup, html = _page_of(text)
    assert _doc_text(html) == r.text                      # nothing lost, nothing added
    assert len(r.diagnostics) > 300
    for i, d in enumerate(r.diagnostics):
        assert soup.find(id=f"f{i}") is not None          # an anchor to scroll to
        item = soup.select_one(f'.find[data-f="{i}"]')
        assert item is not None and item.select_one(".loc").get_text() == f"{d.line}:{d.column}"
        if d.end > d.start:
            covered = "".join(m.get_text() for m in soup.select(f"mark.f{i}"))
            assert covered == r.text[d.start:d.end].replace("\n", ""), d.rule
        else:
            assert soup.select(f".pin.f{i}"), d.rule
    dup = next(i for i, d in enumerate(r.diagnostics) if d.rule == "word.duplicated")
    assert "".join(m.get_text() for m in soup.select(f"mark.f{dup}")) == "材料材料"
    rule = soup.select_one('.rule[data-rule="word.duplicated"]')
    assert "删去重复的“材料”" in rule.get_text()               # suggestion fields are filled
    assert "依据" in rule.get_text()


def test_header_and_coverage_agree_with_the_result():
    r, soup, html = _page_of(YUANSHI.read_text(encoding="utf-8"))
    assert soup.select_one(".score .num").get_text() == str(r.score)
    assert soup.select_one(".grade").get_text() == r.grade
    parts = {li["data-part"]: li["class"][0] for li in soup.select(".parts li")}
    assert parts == {sid: v.status for sid, v in r.sections.items()}
    assert parts["causes"] == "absent"
    link = soup.select_one('.parts li[data-part="plans"] a')
    assert link["data-line"] == str(r.sections["plans"].line) and soup.find(id=f"L{link['data-line']}")
    assert len(soup.select(".cats .bar")) == 4
    assert soup.find("meta", attrs={"name": "generator"})["content"] == "lawlint"


def test_page_is_self_contained_and_prints(tmp_path):
    html = page(lint(YUANSHI.read_text(encoding="utf-8"), year=2021), RUN)
    _no_network(html)
    assert "@media print" in html and "<script>" in html and "<style>" in html


def test_report_text_cannot_inject_markup():
    r, soup, html = _page_of("一、主要举措\n<script>alert(1)</script> & <b>粗体</b>,完成。\n", year=2021)
    assert not soup.select("#doc script") and not soup.select("#doc b")
    assert "<script>alert(1)</script> & <b>粗体</b>" in _doc_text(html)


def test_overlapping_findings_share_segments():
    text = "一、主要举措\n截止目前,共清理文件8件。\n"
    r, soup, html = _page_of(text)
    rules = {d.rule for d in r.diagnostics}
    assert {"time.relative.now", "punct.halfwidth"} <= rules
    assert _doc_text(html) == r.text
    for i, d in enumerate(r.diagnostics):
        if d.end > d.start:
            assert "".join(m.get_text() for m in soup.select(f"mark.f{i}")) == text[d.start:d.end]


@given(st.lists(st.sampled_from(["一、主要举措", "（一）加强领导", "全年办理案件12件,审结10件。", "截止目前",
                                 "<b>", "&amp;", "“引号", "\u200b", "2021一2025年", "材料材料", "\t", " "]),
                max_size=30).map("\n".join))
def test_any_report_renders_with_its_text_whole(text):
    r = lint(text, year=2021)
    html = page(r, RUN)
    assert _doc_text(html) == r.text
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select(".find")) == len(r.diagnostics)


def test_page_names_are_safe_and_unique():
    taken = set()
    a = page_name("报告/2021 年 县政府.txt", taken)
    b = page_name("报告/2021 年 县政府.docx", taken)
    c = page_name("../index.txt", taken)
    assert a != b and a.endswith(".html") and "/" not in a and " " not in a
    assert c != "index.html" and not c.startswith(".")


def test_single_file_to_stdout_and_to_output(cli, tmp_path):
    out = cli("check", "--format", "html", YUANSHI)
    assert out.returncode == 1 and out.stdout.decode().startswith("<!DOCTYPE html>")
    target = tmp_path / "r.html"
    out = cli("check", "--format", "html", "-o", target, YUANSHI)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "得分" in out.stdout.decode()                       # the terminal still gets text


def test_batch_writes_pages_and_an_overview(cli, tmp_path):
    site = tmp_path / "site"
    out = cli("check", "--format", "html", "-o", site, "seeds")
    assert out.returncode == 1, out.stderr.decode()
    assert "index.html" in out.stderr.decode()
    data = json.loads(cli("check", "--format", "json", "seeds").stdout)
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("#reports tbody tr")
    assert len(rows) == len(data["files"]) == 5
    marks = {"heading": "✓", "body": "◐", "absent": "✗"}
    for row, f in zip(rows, data["files"]):
        href = row.select_one("a")["href"]
        assert (site / href).is_file()
        sub = BeautifulSoup((site / href).read_text(encoding="utf-8"), "html.parser")
        assert sub.select_one(".back")["href"] == "index.html"
        cells = row.select("td.part")
        assert [c.get_text() for c in cells] == [marks[v["status"]] for v in f["sections"].values()]
        assert row.select("td.num")[1].get_text() == str(f["score"])
    assert soup.select_one("#q") and soup.select_one("#grade") and soup.select_one("#missing")
    _no_network((site / "index.html").read_text(encoding="utf-8"))
    # the output folder is not checked as reports next time, and can be written again
    again = cli("check", "--format", "json", tmp_path)           # only lawlint's own pages: no report
    assert again.returncode == 2 and "没有找到报告文件" in again.stderr.decode()
    assert [f.get("diagnostics") for f in json.loads(again.stdout)["files"]] == [None]
    assert cli("check", "--format", "html", "-o", site, "seeds").returncode == 1


def test_batch_output_errors(cli, tmp_path):
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("x", encoding="utf-8")
    out = cli("check", "--format", "html", "-o", foreign, "seeds")
    assert out.returncode == 2 and "不是空的" in out.stderr.decode() and "Traceback" not in out.stderr.decode()
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
    out = cli("check", "--format", "html", "-o", tmp_path / "all.html", "seeds")
    assert out.returncode == 2 and "目录" in out.stderr.decode()


def test_batch_lists_files_that_could_not_be_checked(cli, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "a.txt").write_bytes(YUANSHI.read_bytes())
    out = cli("check", "--format", "html", "-o", tmp_path / "site", tmp_path / "in")
    assert out.returncode == 2
    soup = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    failed = soup.select("tr.failed")
    assert len(failed) == 1 and "无法检查" in failed[0].get_text()


def test_csv_for_spreadsheets(cli):
    out = cli("check", "--format", "csv", "seeds")
    raw = out.stdout
    assert raw.startswith("\ufeff".encode("utf-8"))            # Excel reads UTF-8 with a BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    data = json.loads(cli("check", "--format", "json", "seeds").stdout)
    head, body = rows[0], rows[1:]
    assert head[:6] == ["文件", "报告主体", "报告年度", "标题", "得分", "等级"] and head[-1] == "无法检查的原因"
    assert len(body) == 5
    marks = {"heading": "✓", "body": "◐", "absent": "✗"}
    for row, f in zip(body, data["files"]):
        rec = dict(zip(head, row))
        assert rec["文件"] == f["path"] and float(rec["得分"]) == f["score"] and rec["等级"] == f["grade"]
        assert row[6:15] == [marks[v["status"]] for v in f["sections"].values()]
        assert int(rec["错误"]) == sum(d["severity"] == "error" for d in f["diagnostics"])


def test_csv_output_file_keeps_bom(cli, tmp_path):
    target = tmp_path / "r.csv"
    cli("check", "--format", "csv", "-o", target, "seeds")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert (ROOT / "seeds").is_dir()


def test_quiet_batch_prints_only_the_summary(cli, tmp_path):
    out = cli("check", "-q", "--format", "csv", "-o", tmp_path / "r.csv", "seeds")
    lines = out.stdout.decode().strip().splitlines()
    assert out.returncode == 1 and len(lines) == 1 and lines[0].startswith("共检查 5 份报告")
    assert (tmp_path / "r.csv").read_bytes().count(b"\r\n") == 6
    out = cli("check", "-q", "--format", "html", "-o", tmp_path / "site", "seeds")
    assert len(out.stdout.decode().strip().splitlines()) == 1 and (tmp_path / "site" / "index.html").is_file()


def test_baseline_findings_are_marked(cli, tmp_path):
    base = tmp_path / "base.json"
    cli("check", "-q", "--write-baseline", base, YUANSHI)
    soup = BeautifulSoup(cli("check", "--baseline", base, "--format", "html", YUANSHI).stdout, "html.parser")
    finds = soup.select(".find")
    assert finds and all(f.select_one(".base") for f in finds)
    assert not BeautifulSoup(cli("check", "--format", "html", YUANSHI).stdout, "html.parser").select(".find .base")
