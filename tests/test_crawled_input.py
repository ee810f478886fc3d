"""Issue 22 items 1–2: reports as crawlers deliver them (tests/crawled.py builds each family).

A flattened page (paragraphs separated by 「　　」 or by nothing), a page wrapped in site chrome of
other wordings, a crawler's header lines: the reader recovers the same paragraphs, headings and
parts as from the report written one paragraph per line, and never reports the separators or the
chrome as punctuation, spacing or indent defects (one residue finding at most). A partial text is
recognised only on strong evidence and gets no grade; a complete one is never excused.
"""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import crawled
from crawled import REPORTS, SEP
from helpers import lint, run_cli
from lawlint.api import lint_text
from lawlint.config import Config
from lawlint.loaders.source import Source
from lawlint.parse.document import parse
from lawlint.vocabulary import profile

LAYOUT_RULES = ("punct.space", "punct.indent", "punct.ellipsis", "punct.halfwidth", "punct.unpaired",
                "punct.repeated")
IDS = [f"{r.year}-{r.issuer}" for r in REPORTS]
GRADES = [g["name"] for g in profile()["grades"]]


def doc(text):
    return parse(Source(text=text))


def _strip_token(line):
    from lawlint import numbering
    tok = numbering.match_token(line)
    return line[tok.length:] if tok else line


def _present(result):
    return {sid: v.status != "absent" for sid, v in result.sections.items()}


LAYOUTS = {
    "separated": lambda r: crawled.separated(r),
    "separated-no-lead": lambda r: crawled.separated(r, lead=False, blank_first=True),
    "nbsp-separated": crawled.nbsp_separated,
    "separated-colon": crawled.separated_colon,
    "one-gap": crawled.one_gap,
    "glued": crawled.glued,
    "chrome-one-line": lambda r: crawled.one_line_page(r, REPORTS.index(r)),
    "chrome-glued": lambda r: crawled.glued_page(r, REPORTS.index(r) + 1),
    "chrome-lines": lambda r: crawled.wrapped(crawled.lines(r), REPORTS.index(r)),
    "chrome-separated": lambda r: crawled.wrapped(crawled.separated(r), REPORTS.index(r) + 2),
    "crawler-header": lambda r: crawled.with_crawler_header(r, crawled.lines),
    "crawler-header-separated": lambda r: crawled.with_crawler_header(r, crawled.separated),
}


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("layout", ["separated", "separated-no-lead", "nbsp-separated", "one-gap", "chrome-separated",
                                    "chrome-one-line", "crawler-header-separated"])
def test_separated_text_gives_back_its_paragraphs_and_headings(r, layout):
    d = doc(LAYOUTS[layout](r))
    assert [h.title for h in d.headings] == [_strip_token(h) for h in r.headings()]
    assert all(not h.run_in for h in d.headings)          # a title ends at the separator
    paragraphs = [b.text for b in d.blocks if b.kind == "paragraph"]
    want = [r.opening] + [p for _, items in r.parts for _, p in items]
    assert paragraphs == want
    assert [b.text for b in d.blocks if b.kind == "closing"] == r.closing
    if r.title:
        assert d.title is not None and d.title.text == r.title
    assert d.year == r.year


@pytest.mark.parametrize("line", ["指标\u3000\u30002021年\u3000\u30002022年\u3000\u3000增长",
                                  "县长\u3000\u3000李建国", "第一部分\u3000\u3000工作情况"])
def test_a_short_line_with_separators_stays_one_line(line):
    """Cells of a table row, a signature, a heading with a wide gap: one block each."""
    text = "某县2021年法治政府建设情况报告\n" + line + "\n全年办理行政复议案件12件，审结11件。" * 3
    d = doc(text)
    assert line in [b.text for b in d.blocks]


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
def test_glued_headings_end_before_their_body(r):
    """With nothing between paragraphs, every top-level heading is still found, and its title is
    bounded (it stops at a clause mark, a 「一是」 or 30 characters) instead of running on through
    the body to the first 。 (where a glued title ends exactly cannot be told from its shape)."""
    d = doc(crawled.glued(r))
    tops = [h for h in d.headings if h.token is not None and h.token.family == "cn"]
    assert len(tops) == len(r.parts)
    for h, (head, _) in zip(tops, r.parts):
        want = _strip_token(head)
        assert "。" not in h.title and len(h.title) <= 30, (h.title, want)
        assert h.title[:4] == want[:4]
    if r.title:
        assert d.title is not None and d.title.text.endswith(r.title)
    subs = [h for h in d.headings if h.token is not None and h.token.family == "cn_paren"]
    assert len(subs) == sum(1 for h in r.headings() if h.startswith("（"))
    assert d.blocks[-1].kind == "closing"
    # a sentence that opens like a footer label, early in the page, is still text
    first = r.parts[0][1][0][1]
    d = doc(crawled.glued(r).replace(first, first + "来源：县统计局年报。上一篇工作报告已作说明。"))
    assert not [b for b in d.blocks if b.kind == "chrome"]
    assert len([h for h in d.headings if h.token is not None and h.token.family == "cn"]) == len(r.parts)


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_no_finding_on_separators_or_chrome(r, layout):
    text = LAYOUTS[layout](r)
    res = lint(text, year=r.year)
    rules = [d.rule for d in res.diagnostics]
    assert not [d for d in res.diagnostics if d.rule in LAYOUT_RULES], \
        [(d.rule, d.line, d.column) for d in res.diagnostics if d.rule in LAYOUT_RULES]
    assert rules.count("residue.web_page") == (1 if "chrome" in layout or "crawler" in layout else 0)
    if r.title and "glued" not in layout:
        assert "title.missing" not in rules and res.title == r.title
    elif r.title:                           # glued to the opening (and to the issuer above it)
        assert "title.missing" not in rules and res.title.endswith(r.title)
    assert "section.order" not in rules


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_flattened_and_wrapped_texts_get_the_same_part_verdicts(r, layout):
    plain = lint(crawled.lines(r), year=r.year)
    got = lint(LAYOUTS[layout](r), year=r.year)
    assert _present(got) == _present(plain)
    assert got.partial is None and got.grade in GRADES


# ---------------------------------------------------------------- partial and complete texts

def _partial(res):
    return res.partial is not None and res.grade is None


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("share", [0.3, 0.55, 0.75])
@pytest.mark.parametrize("layout", ["lines", "separated", "glued", "chrome"])
def test_text_stopping_mid_sentence_is_partial(r, share, layout):
    render = {"separated": crawled.separated, "glued": crawled.glued}.get(layout, crawled.lines)
    text = crawled.cut_mid_sentence(render(r), share)
    if layout == "chrome":
        text = crawled.wrapped(text, REPORTS.index(r))
    res = lint(text, year=r.year)
    assert _partial(res)
    assert res.grade_cap is None
    rules = {d.rule for d in res.diagnostics}
    assert "section.truncated" in rules and "section.plans" not in rules
    assert "numbering.single" not in rules          # the list the cut interrupted may go on


MARKERS = ["……更多", "阅读全文>>", "……【查看全文】", "点击查看更多", "（未完待续）", "展开全文∨"]


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("marker", MARKERS)
def test_more_marker_makes_a_text_partial(r, marker):
    k = REPORTS.index(r)
    layout = (crawled.lines, crawled.separated)[k % 2]
    text = layout(crawled.Report(r.issuer, r.year, r.title, r.opening, r.parts[:2], []))
    text = text.rstrip("\n") + marker + "\n"
    for page in (text, crawled.wrapped(text, k)):
        res = lint(page, year=r.year)
        assert _partial(res)
        assert any("截断标记" in sign for sign in res.partial["signs"])


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("layout", [crawled.lines, crawled.separated])
def test_opening_only_and_ending_on_a_heading_are_partial(r, layout):
    for text in (crawled.opening_only(r, layout), crawled.opening_only(r, layout, titled=False),
                 crawled.ending_on_heading(r, layout)):
        res = lint(text, year=r.year)
        assert _partial(res), text[-80:]


COMPLETE = {
    "lines": crawled.lines,
    "separated": crawled.separated,
    "glued": crawled.glued,
    "no-closing": lambda r: crawled.lines(crawled.without(r, closing=[])),
    "no-signature": lambda r: crawled.lines(crawled.without(r, closing=["特此报告。"])),
    "date-only": lambda r: crawled.separated(crawled.without(r, closing=[r.closing[-1]])),
    "closing-then-note": lambda r: crawled.glued(crawled.without(
        r, closing=[r.issuer + r.closing[-1], "联系人：张华，电话：0371-65551234"])),
}


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("layout", list(COMPLETE))
def test_complete_text_is_not_partial(r, layout):
    res = lint(COMPLETE[layout](r), year=r.year)
    assert res.partial is None and res.grade in GRADES
    assert "section.truncated" not in {d.rule for d in res.diagnostics}


@pytest.mark.parametrize("r", REPORTS, ids=IDS)
@pytest.mark.parametrize("layout", ["lines", "separated", "glued", "closing-then-note"])
def test_short_signed_report_without_its_last_parts_is_not_excused(r, layout):
    """A signed report that ends after its measures (004.txt's shape: short, the signature glued
    to the last paragraph) lacks its shortcomings and plans: it is judged, not called partial."""
    short = crawled.without(r, "不足", "问题", "原因", "安排", "打算", "计划", "重点工作", "思路")
    res = lint(COMPLETE[layout](short), year=r.year)
    rules = {d.rule for d in res.diagnostics}
    assert res.partial is None
    assert {"section.shortcomings", "section.plans"} <= rules
    assert res.grade_cap is not None and res.grade not in ("优秀", "良好")


def test_ignoring_the_rule_switches_detection_off():
    r = REPORTS[1]
    text = crawled.cut_mid_sentence(crawled.lines(r), 0.5)
    res = lint_text(text, year=r.year, config=Config(ignore=["section.truncated"]))
    assert res.partial is None and res.grade in GRADES
    assert not any(not v.reached for v in res.sections.values())
    assert "section.plans" in {d.rule for d in res.diagnostics}
    res = lint_text(text, year=r.year, config=Config(ignore=["section"]))
    assert res.partial is None and res.grade in GRADES


# ---------------------------------------------------------------- the status in every output

STATUS = "不完整，未评定"


@pytest.fixture(scope="module")
def partial_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("partial") / "某县2021年报告.txt"
    path.write_text(crawled.cut_mid_sentence(crawled.lines(REPORTS[1]), 0.5), encoding="utf-8")
    return path


def test_partial_status_in_text_and_json(partial_file):
    out = run_cli("check", partial_file).stdout.decode()
    assert STATUS in out and not any(f"等级：{g}" in out for g in GRADES)
    data = json.loads(run_cli("check", "--format", "json", partial_file).stdout.decode())["files"][0]
    assert data["grade"] is None
    assert data["partial"]["status"] == STATUS and data["partial"]["signs"]
    assert "plans" in data["partial"]["unreached"]


def test_partial_status_in_csv_and_html(partial_file, tmp_path):
    run_cli("check", "--format", "csv", "-o", tmp_path / "a.csv", partial_file)
    row = (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert STATUS in row and not any(f",{g}," in row for g in GRADES)
    run_cli("check", "--format", "html", "-o", tmp_path / "a.html", partial_file)
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert STATUS in page
    run_cli("check", "--format", "html", "-o", tmp_path / "site", partial_file.parent)
    assert STATUS in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_partial_status_in_docx(partial_file, tmp_path):
    docx = pytest.importorskip("docx")
    run_cli("check", "--format", "docx", "-o", tmp_path / "out.docx", partial_file)
    comments = [c.text for c in docx.Document(tmp_path / "out.docx").comments if c.author == "lawlint"]
    summary = next(c for c in comments if c.startswith("lawlint 检查结果"))
    assert STATUS in summary and not any(g in summary.split("\n")[0] for g in GRADES)


@pytest.mark.parametrize("r", REPORTS[::3], ids=IDS[::3])
def test_fix_keeps_the_separators_of_a_flattened_page(r):
    """lawlint fix once deleted 「　　」 between paragraphs (as stray spaces), gluing them."""
    from lawlint.fix.apply import fix_source
    text = crawled.separated(r)
    fixed = fix_source(Source(text=text)).fixed
    assert fixed.count(SEP) == text.count(SEP)


@pytest.mark.parametrize("layout", list(LAYOUTS) + ["lines"])
def test_blocks_keep_their_offsets(layout):
    """Every block cut out of a line is the text at its offsets, in order, never overlapping, and
    no separator is inside one's edges (findings map back to the line and column)."""
    render = LAYOUTS.get(layout, crawled.lines)
    for r in REPORTS:
        d = doc(render(r))
        end = 0
        for b in d.blocks:
            assert d.text[b.start:b.end] == b.text and b.start >= end, (layout, b.text[:20])
            assert b.text == b.text.strip("\u3000\u00a0 \t")
            end = b.end


_PIECES = st.sampled_from(["。", "，", "：", "一、", "二、", "（一）", "（二）", "1.", "一是", "\u3000\u3000",
                           "\u3000", "\u00a0" * 4, " ", "\n", "特此报告。", "某县人民政府", "2022年1月5日",
                           "上一篇：", "主办：", "共3页", "法治政府建设情况报告", "全年办理案件12件",
                           "加强组织领导", "更多", "……", "来源："])


@given(st.lists(_PIECES, max_size=80))
def test_any_crawled_shape_parses_with_exact_offsets(pieces):
    text = "".join(pieces)
    d = doc(text)
    end = 0
    for b in d.blocks:
        assert d.text[b.start:b.end] == b.text and b.start >= end and b.text.strip()
        end = b.end
    lint(text)                                     # every rule runs on it (strict: none may crash)
