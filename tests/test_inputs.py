"""Real inputs: Word .docx (plain, heading styles, Word's own automatic numbering), saved web
pages, PDF, legacy .doc/.wps — and broken ones, each with one clear line and exit 2."""
import io
import json
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SEEDS
from lawlint import lint_path
from lawlint.errors import LoadError
from lawlint.loaders import load_path
from lawlint.numbering import match_token

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def verdicts(path):
    return {k: v.status for k, v in lint_path(path).sections.items()}


def _lines(name):
    return (SEEDS / name).read_text(encoding="utf-8").split("\n")


def make_docx(path, lines, styles=False, autonumber=False):
    d = docx.Document()
    num_id = _add_numbering(d) if autonumber else None
    for line in lines:
        tok = match_token(line.strip())
        p = d.add_paragraph()
        if autonumber and tok is not None and tok.family in ("cn", "cn_paren", "ar"):
            ilvl = {"cn": 0, "cn_paren": 1, "ar": 2}[tok.family]
            p.add_run(line.strip()[tok.length:])
            ppr = p._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        else:
            p.add_run(line)
        if styles and tok is not None and tok.family in ("cn", "cn_paren"):
            p.style = d.styles["Heading 1" if tok.family == "cn" else "Heading 2"]
    d.save(path)


def _add_numbering(d):
    numbering = d.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
                   for i, (f, t) in enumerate(levels))
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


@pytest.mark.parametrize("name", SEED_FILES)
@pytest.mark.parametrize("mode", ["plain", "styles", "autonumber"])
def test_docx_gives_same_verdicts_as_txt(tmp_path, name, mode):
    path = tmp_path / (name[:-4] + ".docx")
    make_docx(path, _lines(name), styles=mode == "styles", autonumber=mode == "autonumber")
    assert verdicts(path) == verdicts(SEEDS / name)


def test_autonumber_tokens_are_rebuilt(tmp_path):
    path = tmp_path / "auto.docx"
    make_docx(path, _lines("2021-henan-xinyang-pingqiao.txt"), autonumber=True)
    src = load_path(path)
    assert src.line_label == "段"
    text = src.text
    assert "一、2021年法治政府建设主要做法和成效" in text and "（一）深入贯彻习近平法治思想" in text
    assert "1.学习贯彻习近平法治思想" in text                 # Word shows 1. (the .txt had 1、)
    assert "2.发挥政府法律顾问参谋助手作用" in text            # Word renumbers: the .txt's 1、→3、 gap closes
    r = lint_path(path)
    assert not [d for d in r.diagnostics if d.rule in ("numbering.gap", "numbering.punct")]
    assert "（六）坚持依法有效化解矛盾" in text                  # and (五) → (七) becomes (五) → (六)


def test_docx_tables_are_text(tmp_path):
    d = docx.Document()
    d.add_paragraph("关于2022年度法治政府建设情况的报告")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "行政复议收案", "96件"
    t.cell(1, 0).text, t.cell(1, 1).text = "纠错", "9件"
    path = tmp_path / "t.docx"
    d.save(path)
    assert "行政复议收案\t96件" in load_path(path).text


def test_docx_heading_styles_build_the_tree(tmp_path):
    d = docx.Document()
    d.add_paragraph("主要举措和成效", style="Heading 1")
    d.add_paragraph("加强党的领导", style="Heading 2")
    d.add_paragraph("县政府常务会议专题研究法治政府建设4次，会前学法12次，全年审核规范性文件18件，备案率100%。")
    d.add_paragraph("存在的不足", style="Heading 1")
    d.add_paragraph("基层执法力量薄弱。")
    path = tmp_path / "s.docx"
    d.save(path)
    from lawlint.parse.document import parse
    doc = parse(load_path(path))
    assert [(h.level, h.title) for h in doc.headings] == [(1, "主要举措和成效"), (2, "加强党的领导"), (1, "存在的不足")]


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>2018年我区法治政府建设情况汇报_开州区人民政府</title>
<script>var x = "一、不是正文";</script><style>.a{{}}</style></head><body>
<div class="header"><a href="/">首页</a> 政务公开 网站地图</div>
<div class="breadcrumb">您当前的位置：首页 &gt; 政务公开 &gt; 法定主动公开内容</div>
<table class="xxgk-meta"><tr><td>索引号</td><td>11500234008646033P/2022-05576</td></tr>
<tr><td>成文日期</td><td>2019-02-02</td><td>发布日期</td><td>2019-02-03</td></tr></table>
<div class="article-content">{body}</div>
<div class="footer"><p>扫一扫在手机打开当前页</p><p>网站地图</p><p>版权所有：开州区人民政府</p></div>
</body></html>"""


def test_html_page_same_verdicts_and_dates(tmp_path):
    name = "2018-chongqing-kaizhou.txt"
    lines = _lines(name)[4:57]            # the report itself, without the scraped chrome
    body = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(body=body), encoding="utf-8")
    src = load_path(path)
    assert src.meta == {"date_written": "2019-02-02", "date_published": "2019-02-03"}
    assert "扫一扫" not in src.text and "var x" not in src.text and "您当前的位置" not in src.text
    assert verdicts(path) == verdicts(SEEDS / name)


def test_html_gbk_page(tmp_path):
    path = tmp_path / "gbk.htm"
    path.write_bytes(PAGE.format(body="<p>一、主要举措和成效</p><p>" + "全年办理行政复议案件93件。" * 20 + "</p>")
                     .replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    assert "全年办理行政复议案件93件" in load_path(path).text


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_legacy_word_message(tmp_path, suffix, cli):
    p = tmp_path / f"r{suffix}"
    p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    r = cli("check", p)
    err = r.stderr.decode()
    assert r.returncode == 2 and ".docx" in err and "soffice" in err and p.name in err


def test_pdf_text_and_scanned(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    w = pypdf.PdfWriter()
    w.add_blank_page(width=200, height=200)
    p = tmp_path / "scan.pdf"
    with open(p, "wb") as fh:
        w.write(fh)
    with pytest.raises(LoadError, match="OCR"):
        load_path(p)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(LoadError):
        load_path(bad)


@pytest.mark.parametrize("make,needle", [
    (lambda p: p.write_bytes(b"PK\x03\x04 truncated"), "损坏"),
    (lambda p: p.write_bytes(b"not a zip at all"), "损坏"),
])
def test_broken_docx(tmp_path, make, needle, cli):
    p = tmp_path / "bad.docx"
    make(p)
    r = cli("check", "--format", "json", p)
    assert r.returncode == 2 and needle in r.stderr.decode() and "Traceback" not in r.stderr.decode()
    assert json.loads(r.stdout)["files"][0]["error"]


def test_docx_zip_bomb_is_refused(tmp_path):
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/pad.bin", b"\x00" * (64 * 1024 * 1024))
    with pytest.raises(LoadError, match="过大"):
        load_path(p)


def test_truncated_real_docx(tmp_path):
    good = tmp_path / "g.docx"
    make_docx(good, _lines("2024-henan-nanyang-dengzhou.txt"))
    data = good.read_bytes()
    bad = tmp_path / "cut.docx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(LoadError):
        load_path(bad)


def test_chinese_and_spaced_file_names(tmp_path, cli):
    p = tmp_path / "某县 2021 年度报告.txt"
    p.write_bytes((SEEDS / "2024-henan-nanyang-dengzhou.txt").read_bytes())
    r = cli("check", "--format", "json", tmp_path)
    assert json.loads(r.stdout)["files"][0]["path"].endswith("某县 2021 年度报告.txt")


def test_symlink_loop_and_large_file(tmp_path, cli):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "r.txt").write_bytes((SEEDS / "2024-henan-nanyang-dengzhou.txt").read_bytes())
    big = tmp_path / "a" / "big.txt"
    with open(big, "wb") as fh:                 # sparse: 200 MB that takes no disk
        fh.truncate(200 * 1024 * 1024)
    r = cli("check", "--format", "json", tmp_path / "a")
    files = json.loads(r.stdout)["files"]
    assert r.returncode == 2 and len(files) == 2
    assert "过大" in [f for f in files if f["path"].endswith("big.txt")][0]["error"]


_PARA = st.tuples(
    st.sampled_from(["", "一、", "（一）", "1.", "第一，", "(二)"]),
    st.lists(st.sampled_from(["主要举措和成效", "存在的不足", "究其原因", "下一步", "行政复议", "全年12件",
                              "，", "。", ",", "“", "\t", "\u3000", "𠀀", "<>&"]), max_size=8).map("".join),
    st.sampled_from(["plain", "heading1", "heading2", "autonumber", "table"]))


@settings(max_examples=40)
@given(st.lists(_PARA, max_size=12))
def test_random_docx_documents(tmp_path_factory, paras):
    """Random Word documents (numbered or styled headings, auto-numbered paragraphs, tables):
    always loaded, every finding inside the text, JSON always valid."""
    path = tmp_path_factory.mktemp("fuzz") / "r.docx"
    d = docx.Document()
    num_id = _add_numbering(d)
    for token, body, kind in paras:
        if kind == "table":
            t = d.add_table(rows=1, cols=2)
            t.cell(0, 0).text, t.cell(0, 1).text = token + body, body
            continue
        p = d.add_paragraph()
        p.add_run(body if kind == "autonumber" else token + body)
        if kind == "autonumber":
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{len(token) % 3}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        elif kind.startswith("heading"):
            p.style = d.styles["Heading 1" if kind == "heading1" else "Heading 2"]
    d.save(path)
    try:
        src = load_path(path)
    except LoadError as e:                   # only a document with no text at all is refused
        assert "没有文字" in str(e) and str(path) in str(e)
        written = "".join(body if kind == "autonumber" else tok + body for tok, body, kind in paras)
        assert not written.strip()
        return
    r = lint_path(path)
    assert r.error is None
    lines = src.text.split("\n")
    for f in r.diagnostics:
        assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1
    json.dumps(r.to_json(), ensure_ascii=False)
