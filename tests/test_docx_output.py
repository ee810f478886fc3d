"""The .docx as an output: findings as Word comments (check --format docx) and safe fixes as
tracked changes (fix on .docx), on documents built with python-docx (heading styles, Word's own
numbering, tables, runs split mid-word, bold/colour runs, an existing comment and revision, a
hyperlink, a field) and on the five seeds turned into .docx."""
import copy
import hashlib
import io
import os
import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SEEDS

docx = pytest.importorskip("docx")
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import RGBColor  # noqa: E402

from lawlint import lint_path  # noqa: E402
from lawlint.fix.apply import fix_path, fix_source, net_edits  # noqa: E402
from lawlint.loaders.docx import load_docx  # noqa: E402
from lawlint.reporters.docx import annotate  # noqa: E402
from lawlint.loaders.source import Source  # noqa: E402
from test_inputs import make_docx  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
PROTECTED = ("已有修订,插入", "第3页,共5页", "www.gov.cn,网站")


# --------------------------------------------------------------------------- documents

def rich_docx(path):
    """A report with everything Word puts in a real one."""
    d = docx.Document()
    num = d.part.numbering_part.element
    num.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                         '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'))
    num.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))
    d.add_paragraph("某某县人民政府关于2023年度法治政府建设情况的报告")
    d.add_paragraph("一、主要举措和成效", style="Heading 1")
    p = d.add_paragraph()
    p.add_run("加强党的领导")            # Word numbers it (%1) itself: "(一)" is not in the text
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="91"/></w:numPr>'))
    p = d.add_paragraph()
    for text, bold, colour in (("全年审核规范", False, None), ("性文件18件", True, None), (",备案", False, (255, 0, 0)),
                               ("率100%,纠", True, None), ("错3件。", False, None)):
        r = p.add_run(text)
        r.bold = bold
        if colour:
            r.font.color.rgb = RGBColor(*colour)
    p = d.add_paragraph()
    r = p.add_run("县政府常务会议学法12次,专题研究法治工作4次。")
    d.add_comment(r, text="请核实次数", author="张三", initials="ZS")
    p = d.add_paragraph()
    p.add_run("行政复议收案96件,")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="901" w:author="李四" w:date="2024-01-05T00:00:00Z">'
                          '<w:r><w:t>已有修订,插入</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="902" w:author="李四" w:date="2024-01-05T00:00:00Z">'
                          '<w:r><w:delText>删去的,文字</w:delText></w:r></w:del>'))
    p.add_run("办结90件。")
    p = d.add_paragraph()
    p.add_run("本报告")
    for xml in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText> PAGE </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r><w:t>第3页,共5页</w:t></w:r>',
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(parse_xml(xml.replace("<w:r>", f'<w:r {nsdecls("w")}>', 1)))
    p.add_run("，详见政府网站")
    rid = d.part.relate_to("http://www.gov.cn", RT.HYPERLINK, is_external=True)
    p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"><w:r><w:t>www.gov.cn,网站</w:t></w:r></w:hyperlink>'))
    p.add_run("。")
    d.add_paragraph("二、存在的不足和原因", style="Heading 1")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "行政诉讼", "应诉12件,败诉1件"
    t.cell(1, 0).text, t.cell(1, 1).text = "行政调解", "调解成功30件"
    d.add_paragraph("基层执法力量薄弱,执法人员培训不足。究其原因,主要是经费投入不够。")
    d.add_paragraph("三、2024年工作安排", style="Heading 1")
    d.add_paragraph("加强执法队伍建设,开展培训4期。")
    d.save(path)
    return path


@pytest.fixture
def rich(tmp_path):
    return rich_docx(tmp_path / "县政府报告.docx")


@pytest.fixture(params=SEED_FILES)
def seed_docx(request, tmp_path):
    path = tmp_path / (request.param[:-4] + ".docx")
    make_docx(path, (SEEDS / request.param).read_text(encoding="utf-8").split("\n"), styles=True)
    return path


# --------------------------------------------------------------------------- reading results

def body_text(path_or_bytes):
    """Every paragraph and table cell, as python-docx reads them."""
    d = docx.Document(path_or_bytes if not isinstance(path_or_bytes, bytes) else io.BytesIO(path_or_bytes))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        out += [c.text for row in t.rows for c in row.cells]
    return out


def char_formats(path_or_bytes):
    """(character, run properties) of every character Word shows, in order: splitting a run
    must not change any character's formatting."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else open(path_or_bytes, "rb").read()
    body = docx.Document(io.BytesIO(data)).element.body
    out = []
    for r in body.iter(W + "r"):
        if r.find(W + "commentReference") is not None:
            continue
        rpr = r.find(W + "rPr")
        key = b"" if rpr is None else parse_xml(rpr.xml.encode()).xml.encode()
        for t in r.iter(W + "t"):
            out += [(c, key) for c in t.text or ""]
    return out


def comments_with_anchors(data):
    """{comment id: (comment text, anchored text)}: the text between its range markers."""
    d = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: c.text for c in d.comments}
    open_, anchored = set(), {}
    for el in d.element.body.iter():
        if el.tag == W + "commentRangeStart":
            open_.add(int(el.get(W + "id")))
            anchored.setdefault(int(el.get(W + "id")), "")
        elif el.tag == W + "commentRangeEnd":
            open_.discard(int(el.get(W + "id")))
        elif el.tag in (W + "t", W + "tab") and el.getparent().tag == W + "r":
            for cid in open_:
                anchored[cid] += "\t" if el.tag == W + "tab" else (el.text or "")
    return {cid: (texts[cid], anchored.get(cid)) for cid in texts}


def _view(data, accept):
    """The text after *accept all* (drop w:del, unwrap w:ins) or *reject all* (the reverse)."""
    d = docx.Document(io.BytesIO(data))
    drop, keep = (("del", "moveFrom"), ("ins", "moveTo")) if accept else (("ins", "moveTo"), ("del", "moveFrom"))
    body = d.element.body
    for tag in drop:
        for el in list(body.iter(W + tag)):
            if el.getparent().tag != W + "rPr":
                el.getparent().remove(el)
    for tag in keep:
        for el in list(body.iter(W + tag)):
            if el.getparent().tag == W + "rPr":
                continue
            for child in list(el):
                el.addprevious(child)
            el.getparent().remove(el)
    for el in body.iter(W + "delText"):
        el.tag = W + "t"
    buf = io.BytesIO()
    d.save(buf)
    return load_docx(buf.getvalue(), path="view.docx").text


def accept_all(data):
    return _view(data, True)


def reject_all(data):
    return _view(data, False)


def annotated(path):
    source = load_docx(path.read_bytes(), path=str(path))
    r = lint_path(path)
    blob, info = annotate(r, source, path.read_bytes())
    return r, source, blob, info


# --------------------------------------------------------------------------- annotated copies

def _check_annotated(path):
    before = path.read_bytes()
    r, source, blob, info = annotated(path)
    assert path.read_bytes() == before                               # check never changes the report
    assert body_text(blob) == body_text(path)
    assert char_formats(blob) == char_formats(path)
    got = comments_with_anchors(blob)
    ours = {cid: v for cid, v in got.items() if docx.Document(io.BytesIO(blob)).comments.get(cid).author == "lawlint"}
    assert len(ours) == info["comments"]
    # every comment's anchored text is its finding's span (the characters of it in the document)
    expected = {}
    for d in r.diagnostics:
        pieces = source.pieces_in(d.start, d.end)
        own = "".join(source.text[p.start:p.end] for p in pieces)
        expected.setdefault(d.rule, set()).add(own)
        line_pieces = source.pieces_in(source.line_start(d.line), source.line_start(d.line) + len(source.line_text(d.line)))
        expected[d.rule].add("".join(source.text[p.start:p.end] for p in line_pieces))   # a place: its paragraph
        if line_pieces:
            expected[d.rule].add(source.text[line_pieces[0].start])                     # Word's own number
    summary = [cid for cid, (text, _) in ours.items() if text.startswith("lawlint 检查结果")]
    assert len(summary) == 1
    comments = docx.Document(io.BytesIO(blob)).comments
    for cid, (text, anchor) in ours.items():
        if cid in summary:
            continue
        rule = comments.get(cid).initials              # the rule id is the comment's initials
        assert rule not in text                        # and not in the drafter's text
        assert anchor and anchor in expected[rule], (rule, anchor)
    return r, source, blob, ours, ours[summary[0]]


def test_seed_annotated_copy(seed_docx):
    r, source, blob, ours, (summary, title) = _check_annotated(seed_docx)
    first = next(line for line in source.text.split("\n") if line.strip())
    assert title.startswith(r.title[:8]) if r.title else title == first
    assert f"{r.score} 分" in summary and "法定内容：" in summary
    for sid, v in r.sections.items():
        if v.status == "absent":
            assert "✗" in summary
    from lawlint.reporters._cap import cap_lowered
    if cap_lowered(r):                   # the seeds have no cause analysis; said where it lowered the grade
        assert f"等级上限：{r.grade_cap['reason']}" in summary
    else:
        assert "等级上限" not in summary
    # plain findings (no Word number in their paragraph) are anchored on exactly their span
    spans = {source.text[d.start:d.end] for d in r.diagnostics if d.end > d.start}
    exact = [a for t, a in ours.values() if not t.startswith("lawlint") and "Word 自动编号" not in t]
    assert exact and sum(a in spans for a in exact) >= 0.9 * len(exact)


def test_systemic_defect_does_not_bury_the_document(tmp_path):
    name = "2021-hebei-shijiazhuang-yuanshi.txt"          # seed 004: 292 half-width commas
    path = tmp_path / "yuanshi.docx"
    make_docx(path, (SEEDS / name).read_text(encoding="utf-8").split("\n"))
    r, source, blob, info = annotated(path)
    n = sum(1 for d in r.diagnostics if d.rule == "punct.halfwidth")
    lines = {d.line for d in r.diagnostics if d.rule == "punct.halfwidth"}
    assert n > 200
    comments = [c for c in docx.Document(io.BytesIO(blob)).comments if c.author == "lawlint"]
    ours = [c for c in comments if c.initials == "punct.halfwidth"]
    assert len(ours) == len(lines) < n
    assert f"punct.halfwidth 共 {n} 处（批注 {len(lines)} 处）" in info["summary"]
    assert any("本段另有" in c.text for c in ours)


def test_rich_document_annotated(rich):
    r, source, blob, ours, (summary, title) = _check_annotated(rich)
    assert title == "某某县人民政府关于2023年度法治政府建设情况的报告"
    texts = [t for t, _ in ours.values()]
    # the (一) Word draws with half-width brackets: anchored on the start of its paragraph
    numbered = [(t, a) for t, a in ours.values() if "Word 自动编号“(一)”" in t]
    assert numbered and numbered[0][1] == "加"
    # the existing comment is still there, untouched
    theirs = [c for c in docx.Document(io.BytesIO(blob)).comments if c.author == "张三"]
    assert [c.text for c in theirs] == ["请核实次数"]
    assert comments_with_anchors(blob)[theirs[0].comment_id][1] == "县政府常务会议学法12次,专题研究法治工作4次。"
    # a finding split over bold and coloured runs is anchored across them
    halfwidth = {cid for cid, c in ((c.comment_id, c) for c in docx.Document(io.BytesIO(blob)).comments)
                 if c.initials == "punct.halfwidth"}
    assert any(a == "," for cid, (t, a) in ours.items() if cid in halfwidth)
    assert texts


def test_text_report_becomes_a_docx(cli, tmp_path):
    src = tmp_path / "r.txt"
    shutil.copy(SEEDS / "2024-henan-nanyang-dengzhou.txt", src)
    out = tmp_path / "r-批注.docx"
    res = cli("check", "-q", "--format", "docx", "--output", out, src)
    assert res.returncode in (0, 1) and out.exists(), res.stderr.decode()
    assert load_docx(out.read_bytes(), path="x").text == src.read_text(encoding="utf-8").rstrip("\n") or \
        load_docx(out.read_bytes(), path="x").text == src.read_text(encoding="utf-8")
    assert any(c.author == "lawlint" for c in docx.Document(out).comments)


def test_cli_batch_folder_and_bad_file(cli, tmp_path):
    reports = tmp_path / "报告"
    reports.mkdir()
    rich_docx(reports / "甲.docx")
    (reports / "坏.docx").write_bytes(b"PK\x03\x04 not a zip")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in reports.iterdir()}
    out = tmp_path / "批注"
    res = cli("check", "-q", "--format", "docx", "--output", out, reports)
    err = res.stderr.decode()
    assert res.returncode == 2 and "坏.docx" in err and "Traceback" not in err
    assert (out / "甲.docx").exists() and not (out / "坏.docx").exists()
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in reports.iterdir()}
    # the output folder is lawlint's: checking the parent folder skips it
    res = cli("check", "--format", "json", tmp_path)
    assert "批注" not in res.stdout.decode()


def test_cli_docx_needs_output_and_never_overwrites_the_report(cli, rich):
    res = cli("check", "--format", "docx", rich)
    assert res.returncode == 2 and "--output" in res.stderr.decode()
    before = rich.read_bytes()
    res = cli("check", "--format", "docx", "--output", rich, rich)
    assert res.returncode == 2 and "不改动原文件" in res.stderr.decode()
    assert rich.read_bytes() == before


def test_check_help_explains_docx(cli):
    out = cli("check", "--help").stdout.decode()
    assert "docx" in out and "批注" in out


# --------------------------------------------------------------------------- tracked fixes

def test_seed_tracked_fixes_equal_txt_fix(seed_docx, tmp_path, cli):
    original = seed_docx.read_bytes()
    source = load_docx(original, path=str(seed_docx))
    txt = tmp_path / "same.txt"
    txt.write_text(source.text, encoding="utf-8")
    assert cli("fix", txt).returncode == 0
    res = cli("fix", seed_docx)
    assert res.returncode == 0, res.stderr.decode()
    fixed = seed_docx.read_bytes()
    assert accept_all(fixed) == txt.read_text(encoding="utf-8")
    assert reject_all(fixed) == source.text
    assert char_formats(reject_all_bytes(fixed)) == char_formats(original)
    authors = {el.get(W + "author") for el in docx.Document(io.BytesIO(fixed)).element.body.iter(W + "ins")}
    assert authors == {"lawlint"} or not authors
    res = cli("fix", seed_docx)                                     # idempotent
    assert res.returncode == 0 and seed_docx.read_bytes() == fixed and res.stdout.decode().strip() == "没有可修正的问题"


def reject_all_bytes(data):
    d = docx.Document(io.BytesIO(data))
    body = d.element.body
    for el in list(body.iter(W + "ins")):
        if el.getparent().tag != W + "rPr" and el.get(W + "author") == "lawlint":
            el.getparent().remove(el)
    for el in list(body.iter(W + "del")):
        if el.getparent().tag != W + "rPr" and el.get(W + "author") == "lawlint":
            for child in list(el):
                el.addprevious(child)
            el.getparent().remove(el)
    for el in body.iter(W + "delText"):
        if el.getparent().getparent().tag == W + "p":
            el.tag = W + "t"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_rich_tracked_fixes(rich, tmp_path):
    original = rich.read_bytes()
    source = load_docx(original, path=str(rich))
    out = tmp_path / "修正.docx"
    outcome = fix_path(rich, output=out)
    assert rich.read_bytes() == original                           # --output: the report stays
    fixed = out.read_bytes()
    expected = fix_source(source, editable=source.editable).fixed
    assert accept_all(fixed) == expected != source.text
    assert reject_all(fixed) == reject_all(original)
    for text in PROTECTED:                                         # revisions, fields, hyperlinks
        assert text in accept_all(fixed)
    assert "删去的,文字" in reject_all(fixed)
    assert "(一)加强党的领导" in expected and outcome.skipped >= 1        # Word's own number: untouched
    assert "备案率100%，纠错3件" in expected
    # the inserted comma keeps the formatting of the comma it replaces (red), the rest unchanged
    ins = [el for el in docx.Document(io.BytesIO(fixed)).element.body.iter(W + "ins")
           if el.get(W + "author") == "lawlint"]
    red = [el for el in ins if "".join(t.text for t in el.iter(W + "t")) == "，"]
    assert any(el.find(f"{W}r/{W}rPr/{W}color") is not None for el in red)
    assert char_formats(reject_all_bytes(fixed)) == char_formats(original)
    assert body_text(reject_all_bytes(fixed)) == body_text(original_bytes := original) and original_bytes
    again = fix_path(out)
    assert not again.changed and out.read_bytes() == fixed


def test_fix_diff_check_and_lock_file(cli, rich):
    before = rich.read_bytes()
    res = cli("fix", "--diff", rich)
    assert res.returncode == 0 and "-" in res.stdout.decode() and "+" in res.stdout.decode()
    assert "，备案" in res.stdout.decode() and rich.read_bytes() == before
    res = cli("fix", "--check", rich)
    assert res.returncode == 1 and rich.read_bytes() == before
    lock = rich.parent / ("~$" + rich.name)
    lock.write_bytes(b"\x00")
    res = cli("fix", rich)
    err = res.stderr.decode()
    assert res.returncode == 2 and "~$" in err and "关闭" in err and rich.name in err
    assert rich.read_bytes() == before
    lock.unlink()
    assert cli("fix", rich).returncode == 0 and rich.read_bytes() != before


def test_tracked_write_is_atomic(rich, monkeypatch):
    before = rich.read_bytes()

    def boom(*a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    from lawlint.errors import LoadError
    with pytest.raises(LoadError, match="无法写入.*文件未改动"):   # one line for the user, not a traceback
        fix_path(rich)
    assert rich.read_bytes() == before
    assert [p.name for p in rich.parent.iterdir()] == [rich.name]


_BITS = st.lists(st.sampled_from(["全年", "办理", "案件", "12件", ",", "，", "审结", "(一)", "2021-2023年",
                                  "截止目前", "。", " ", "率100%", "A,B"]), min_size=1, max_size=14)


@pytest.mark.slow          # 25 generated documents, each written and read back
@settings(max_examples=25)
@given(_BITS, st.lists(st.integers(min_value=0, max_value=60), max_size=6), st.data())
def test_random_runs_accept_and_reject(tmp_path_factory, bits, cuts, data):
    """A paragraph cut into runs anywhere, with random bold: accept-all is the .txt fix,
    reject-all the original, whatever the run boundaries."""
    text = "".join(bits)
    points = sorted({c for c in cuts if 0 < c < len(text)})
    chunks = [text[a:b] for a, b in zip([0] + points, points + [len(text)])]
    d = docx.Document()
    d.add_paragraph("某县2022年法治政府建设情况的报告")
    p = d.add_paragraph()
    for chunk in chunks:
        p.add_run(chunk).bold = data.draw(st.booleans())
    path = tmp_path_factory.mktemp("runs") / "r.docx"
    d.save(path)
    original = path.read_bytes()
    source = load_docx(original, path=str(path))
    plain = fix_source(Source(text=source.text)).fixed
    outcome = fix_path(path)
    fixed = path.read_bytes()
    assert accept_all(fixed) == plain == outcome.fixed
    assert reject_all(fixed) == source.text
    assert char_formats(reject_all_bytes(fixed)) == char_formats(original)


@settings(max_examples=60)
@given(st.text(alphabet="全年办案,，。(一)2021-3截止目前 \t", max_size=40))
def test_net_edits_compose_the_rounds(text):
    outcome = fix_source(Source(text="某县2022年法治政府建设情况的报告\n" + text))
    out = outcome.original
    for a, b, new in reversed(net_edits(outcome)):
        out = out[:a] + new + out[b:]
    assert out == outcome.fixed


# --------------------------------------------------------------------------- a real office suite

# comments exported as PDF annotations (LibreOffice 7.5+ also puts them in the margin)
PDF_WITH_COMMENTS = ('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
                     '"ExportNotesInMargin":{"type":"boolean","value":"true"}}')


def _soffice():
    for name in ("soffice", "libreoffice"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@pytest.mark.slow                                               # starts LibreOffice
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) 未安装：跳过用真实办公软件打开结果的测试"
                                               "（Debian: apt-get install libreoffice-writer-nogui）")
def test_libreoffice_opens_annotated_and_tracked_copies(rich, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    r, source, blob, info = annotated(rich)
    (tmp_path / "批注.docx").write_bytes(blob)
    fix_path(rich, output=tmp_path / "修正.docx")
    profile = tmp_path / "lo-profile"
    res = subprocess.run([_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", PDF_WITH_COMMENTS,
                          "--outdir", str(tmp_path / "pdf"), str(tmp_path / "批注.docx"), str(tmp_path / "修正.docx")],
                         capture_output=True, timeout=240)
    assert res.returncode == 0, res.stderr.decode(errors="replace")
    for name in ("批注", "修正"):
        pdf = pypdf.PdfReader(str(tmp_path / "pdf" / f"{name}.pdf"))
        text = "".join(page.extract_text() for page in pdf.pages).replace(" ", "").replace("\n", "")
        assert "法治政府建设情况的报告" in text and "行政复议收案96件" in text
    annots = [a.get_object() for page in pypdf.PdfReader(str(tmp_path / "pdf" / "批注.pdf")).pages
              for a in (page.get("/Annots") or [])]
    assert any("lawlint" in str(a.get("/T", "")) or "法定内容" in str(a.get("/Contents", "")) for a in annots)


def test_copy_keeps_other_parts(rich):
    """Styles, numbering, settings, headers and the rest come back unchanged (as XML)."""
    import zipfile

    from lxml import etree
    r, source, blob, info = annotated(rich)
    before, after = zipfile.ZipFile(rich), zipfile.ZipFile(io.BytesIO(blob))
    changed = {"word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}
    for name in before.namelist():
        if name in changed:
            continue
        a, b = before.read(name), after.read(name)
        if name.endswith(".xml") or name.endswith(".rels"):
            a, b = etree.tostring(etree.fromstring(a), method="c14n"), etree.tostring(etree.fromstring(b), method="c14n")
        assert a == b, name
    # the document part: only lawlint's comment markers and run splits were added
    assert body_text(blob) == body_text(rich) and copy is not None
