"""Hostile and huge inputs (issue 14): every check linear on one long line, malformed Word / PDF /
web pages give a clean result or one Chinese line and exit 2, limits on what is read, and
outputs that report text and file names cannot inject into (CSV formulas, XML-illegal
characters). Each hostile file is built here, small. Time is guarded generously (the growth
curve itself is benchmarks/growth.py); a test only fails on a hang or a blow-up."""
import csv
import io
import json
import sys
import time
import tracemalloc
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT
from lawlint.api import lint_path, lint_text
from lawlint.errors import LoadError
from lawlint.loaders import Limits, load_bytes, load_path

GUARD = 60          # seconds: a hang guard, not a timing assertion (the machine may be loaded)

# -- one long line of each shape the issue measured ------------------------------------------------
sys.path.insert(0, str(ROOT / "benchmarks"))
from growth import SHAPES, docx_bytes  # noqa: E402 - the benchmark's shapes, so tests and figures agree


def assert_in_range(result, text):
    lines = text.count("\n") + 1
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        assert 1 <= d.line <= d.end_line <= lines and d.column >= 1 and d.end_column >= 1, d


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_long_line_of_each_shape_is_checked_in_bounded_time(shape):
    text = SHAPES[shape](20_000)
    t0 = time.perf_counter()
    r = lint_text(text)
    assert time.perf_counter() - t0 < GUARD, f"{shape}: a 20,000-character input took too long"
    assert r.error is None and r.score is not None
    assert_in_range(r, text)


@pytest.mark.slow
def test_repeated_word_run_memory_is_bounded():
    """「材料材料…」 once segmented a fresh 2,000-character window per candidate (1.3 GB at 200k)."""
    lint_text("预热")
    text = SHAPES["repeated_word"](100_000)
    tracemalloc.start()
    try:
        lint_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 300 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB"


def test_fingerprints_of_many_findings_on_one_line_stay_distinct():
    text = SHAPES["spaced"](4_000)
    r = lint_text(text)
    from lawlint.reporters import fingerprint
    fps = [fp for d, fp in zip(r.diagnostics, fingerprint.of(r)) if d.rule == "punct.space"]
    assert len(fps) > 1000 and len(set(fps)) == len(fps)


_FRAGMENTS = ["关于2021年度法治政府建设情况的报告", "一、", "（二）", "3.", "(4)", "第一,", "全年办理行政复议案件93件",
              "材料材料", "法 治", "2021-2025", "《", "》", "（", "）", "“", "\"", "，", ",", "。", ".", "；", ":",
              "……", "...", "——", "-", "x01x", "XX", "\u200b", "\u3000", " ", "\t", "1,000", "95%", "@", "=", "<&>",
              "https://www.gov.cn/a,b", "fzb@example.gov.cn", "究其原因", "下一步", "主要举措和成效", "存在的不足"]
_LONG = settings.default.max_examples >= 1000     # `--hypothesis-profile thorough`: longer inputs


_PIECES = st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=60).map("".join)
# A varied run repeated (up to ≈ 25,000 characters; ≈ 180,000 with the thorough profile), then a tail.
_LINES = st.tuples(_PIECES, st.integers(1, 300 if _LONG else 40), _PIECES).map(lambda t: t[0] * t[1] + t[2])


@settings(max_examples=200 if _LONG else 25)
@given(_LINES)
def test_long_single_lines_from_report_fragments(text):
    """A report that lost its line breaks (a crawled page, a spreadsheet cell): never a traceback,
    every position inside the text."""
    r = lint_text(text)
    assert_in_range(r, r.text if r.text is not None else text)


# -- .docx -------------------------------------------------------------------------------------------
def _para(text, num=None, ilvl="0", style=None):
    ppr = ""
    if num is not None or style:
        ppr = ("<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
               + (f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>' if num is not None else "")
               + "</w:pPr>")
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _list(num_id, *levels):
    lv = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
                 for i, s, f, t in levels)
    return (f'<w:abstractNum w:abstractNumId="{num_id}">{lv}</w:abstractNum>'
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')


def build_docx(path, paras, numbering=None, styles=""):
    """A real python-docx package with its document (and numbering, extra styles) replaced."""
    pytest.importorskip("docx")
    path.write_bytes(docx_bytes("".join(paras), numbering, styles))
    return path


_STYLE = '<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{id}"/><w:basedOn w:val="{base}"/></w:style>'
BODY = [_para("关于2021年度法治政府建设情况的报告"), _para("全年办理行政复议案件93件。")]
# name -> (paragraphs, numbering.xml content, extra styles, the first numbered line as rebuilt)
DOCX_CASES = {
    "ilvl_not_a_number": ([_para("总体情况", 1)], _list(1, ("x", 1, "chineseCounting", "%1、")), "", "总体情况"),
    "start_not_a_number": ([_para("总体情况", 1)], _list(1, (0, "abc", "chineseCounting", "%1、")), "", "一、总体情况"),
    "paragraph_ilvl_not_a_number": ([_para("总体情况", 1, "abc")], _list(1, (0, 1, "chineseCounting", "%1、")), "",
                                    "总体情况"),
    "ilvl_20": ([_para("总体情况", 1, "20")], _list(1, (20, 1, "chineseCounting", "%1、")), "", "总体情况"),
    "start_of_5000_digits": ([_para("总体情况", 1)], _list(1, (0, "9" * 5000, "decimal", "%1.")), "", "32767.总体情况"),
    "start_1e30_chinese": ([_para("总体情况", 1)], _list(1, (0, 10 ** 30, "chineseCounting", "%1、")), "",
                           "32767、总体情况"),
    "start_1e12_roman": ([_para("总体情况", 1)], _list(1, (0, 10 ** 12, "upperRoman", "%1.")), "",
                         "M" * 32 + "DCCLXVII.总体情况"),
    "based_on_itself": ([_para("总体情况", style="Loop")], None, _STYLE.format(id="Loop", base="Loop"), "总体情况"),
    "based_on_each_other": ([_para("总体情况", style="A")], None,
                            _STYLE.format(id="A", base="B") + _STYLE.format(id="B", base="A"), "总体情况"),
    "ten_thousand_lists": ([_para("总体情况", 1)],
                           "".join(_list(i, (0, 1, "chineseCounting", "%1、")) for i in range(1, 10_001)), "",
                           "一、总体情况"),
}


@pytest.mark.parametrize("name", sorted(DOCX_CASES))
def test_malformed_docx_numbering_and_styles_load(tmp_path, name):
    paras, numbering, styles, first = DOCX_CASES[name]
    path = build_docx(tmp_path / f"{name}.docx", BODY[:1] + paras + BODY[1:], numbering, styles)
    t0 = time.perf_counter()
    src = load_path(path)
    assert time.perf_counter() - t0 < GUARD
    assert src.text.split("\n")[1] == first


def test_malformed_docx_through_the_cli(tmp_path, cli):
    for name, (paras, numbering, styles, _) in DOCX_CASES.items():
        if name != "ten_thousand_lists":
            build_docx(tmp_path / f"{name}.docx", BODY[:1] + paras + BODY[1:], numbering, styles)
    r = cli("check", "--format", "json", tmp_path)
    assert "Traceback" not in r.stderr.decode()
    files = json.loads(r.stdout)["files"]
    assert len(files) == len(DOCX_CASES) - 1 and not any(f.get("error") for f in files)


def test_docx_that_unpacks_to_too_much_xml_is_refused(tmp_path, cli):
    """Under the zip-ratio guard, yet far more XML than a report: refused before parsing."""
    para = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>法</w:t></w:r></w:p>"
    path = build_docx(tmp_path / "deflated.docx", BODY + [para] * 30_000)       # ≈ 1.6 MB of XML
    with pytest.raises(LoadError, match="max_docx_mb"):
        load_path(path, limits=Limits(max_unpacked=1024 * 1024))
    (tmp_path / ".lawlint.yaml").write_text("max_docx_mb: 1\n", encoding="utf-8")
    r = cli("check", path)
    err = r.stderr.decode()
    assert r.returncode == 2 and "Traceback" not in err and "deflated.docx" in err and "XML 过大" in err


def test_docx_characters_and_paragraphs_are_bounded(tmp_path):
    path = build_docx(tmp_path / "long.docx", BODY + [_para("法治" * 50)] * 40)
    with pytest.raises(LoadError, match="max_chars"):
        load_path(path, limits=Limits(max_chars=2_000))
    empty = build_docx(tmp_path / "empty_paras.docx", BODY + ["<w:p/>"] * 3_000)
    with pytest.raises(LoadError, match="max_chars"):
        load_path(empty, limits=Limits(max_chars=2_000))
    assert "法治" in load_path(path).text


# -- .html -------------------------------------------------------------------------------------------
_ARTICLE = "<p>关于2021年度法治政府建设情况的报告</p>" + "<p>全年办理行政复议案件93件，审结80件。</p>" * 20


@pytest.mark.slow
@pytest.mark.parametrize("page", [
    "<html><body>" + "<div>" * 20_000 + _ARTICLE + "</div>" * 20_000 + "</body></html>",
    "<html><body>" + "<div><p>" * 20_000 + _ARTICLE + "</body></html>",
    "<html><body>" + "<nav><div class='nav'>" * 5_000 + "首页" + "</div></nav>" * 5_000 + _ARTICLE + "</body></html>",
], ids=["nested_divs", "unclosed_div_p", "nested_navigation"])
def test_deeply_nested_or_unclosed_html(page):
    t0 = time.perf_counter()
    src = load_bytes(page.encode(), path="page.html", kind="html")
    assert time.perf_counter() - t0 < GUARD
    assert src.text.startswith("关于2021年度法治政府建设情况的报告") and src.text.count("审结80件") == 20
    assert "首页" not in src.text


# -- .pdf --------------------------------------------------------------------------------------------
def aes_pdf() -> bytes:
    """A one-page PDF whose encryption dictionary asks for AES (V4/AESV2), which pypdf can only
    open with the `cryptography` package."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV2"
            b" /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"]
    out, offsets = bytearray(b"%PDF-1.6\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, b"ab" * 16, b"ab" * 16, xref))
    return bytes(out)


@pytest.mark.parametrize("name,data,needle", [
    ("encrypted.pdf", aes_pdf(), "加密"),
    ("corrupt.pdf", aes_pdf()[:300].replace(b"Encrypt", b"Xncrypt") + b"garbage 0 obj <<", "损坏"),
])
def test_encrypted_or_corrupt_pdf_is_one_chinese_line(tmp_path, cli, name, data, needle):
    pytest.importorskip("pypdf")
    p = tmp_path / name
    p.write_bytes(data)
    r = cli("check", p)
    err = r.stderr.decode().strip().splitlines()
    assert r.returncode == 2 and len(err) == 1, err           # no pypdf log, no traceback
    assert name in err[0] and needle in err[0]


def test_pdf_page_limit(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    w = pypdf.PdfWriter()
    for _ in range(4):
        w.add_blank_page(width=100, height=100)
    p = tmp_path / "pages.pdf"
    with open(p, "wb") as fh:
        w.write(fh)
    with pytest.raises(LoadError, match="max_pdf_pages"):
        load_path(p, limits=Limits(max_pages=3))
    with pytest.raises(LoadError, match="OCR"):      # within the limit: read (and found blank)
        load_path(p)


# -- size limits ---------------------------------------------------------------------------------------
def test_stdin_is_bounded_like_files(tmp_path, cli):
    (tmp_path / "cfg.yaml").write_text("max_file_mb: 1\n", encoding="utf-8")
    data = ("关于2021年度法治政府建设情况的报告\n" + "全年办理行政复议案件93件。" * 60_000).encode()   # ≈ 2.5 MB
    r = cli("check", "--config", tmp_path / "cfg.yaml", "-", input=data)
    err = r.stderr.decode()
    assert r.returncode == 2 and "Traceback" not in err and "<stdin>" in err and "max_file_mb" in err
    with pytest.raises(LoadError, match="max_file_mb"):
        load_bytes(data, limits=Limits(max_bytes=1024 * 1024))


def test_character_limit_for_text_and_config_key(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("关于2021年度法治政府建设情况的报告\n" + "法治" * 5_000, encoding="utf-8")
    with pytest.raises(LoadError, match="max_chars"):
        load_path(p, limits=Limits(max_chars=5_000))
    from lawlint.config.load import resolve
    (tmp_path / ".lawlint.yaml").write_text("max_chars: 5000\nmax_docx_mb: 2\nmax_pdf_pages: 10\n", encoding="utf-8")
    cfg = resolve(str(p), {})[0]
    assert cfg.limits == Limits(max_bytes=cfg.max_bytes, max_chars=5000, max_unpacked=2 * 1024 * 1024, max_pages=10)
    assert "max_chars" in lint_path(p, cfg).error


# -- outputs that cannot be injected ---------------------------------------------------------------------
FORMULA_TITLE = '=HYPERLINK("http://example.invalid","点击")关于2021年度法治政府建设情况的报告'
CONTROL_TEXT = ("关于2021年度法治政府建设情况的报告\n一、主要举措\n全年\x0b办理\x0c复议\x1b案件\x08 93件。\n"
                + "深入推进依法行政，全面建设法治政府，行政执法“三项制度”全面落实。\n" * 10)


def test_csv_cells_cannot_become_formulas(tmp_path, cli):
    names = ("=cmd.txt", "+1.txt", "@x.txt")
    for name, first in zip(names, (FORMULA_TITLE, "@SUM(A1)关于报告", "-2+3")):
        (tmp_path / name).write_text(first + "\n一、主要举措\n全年办理行政复议案件93件。\n", encoding="utf-8")
    r = cli("check", "--format", "csv", "--", *names, cwd=tmp_path)
    rows = list(csv.reader(io.StringIO(r.stdout.decode("utf-8-sig"))))
    cells = [c for row in rows[1:] for c in row]
    assert len(rows) == 4 and "'" + FORMULA_TITLE in cells and "'=cmd.txt" in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


@pytest.mark.parametrize("fmt", ["junit", "sarif", "json", "github", "gitlab"])
def test_control_characters_in_text_and_file_name(tmp_path, cli, fmt):
    name = "报告\x1b\x0b.txt"
    (tmp_path / name).write_text(CONTROL_TEXT, encoding="utf-8")
    r = cli("check", "--format", fmt, ".", cwd=tmp_path)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr.decode()
    out = r.stdout.decode("utf-8")
    if fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))         # well-formed XML 1.0
        assert root.find("testsuite").get("name").startswith("报告")
    elif fmt == "github":
        lines = out.rstrip("\n").split("\n")           # the runner splits at \n (and \r) only
        assert "\r" not in out and all(line.startswith(("::", "lawlint")) for line in lines)
    else:
        json.loads(out)                                     # JSON escapes control characters
