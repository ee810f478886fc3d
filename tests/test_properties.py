"""Property tests: the parser and engine never raise, and every position is inside the text."""
import json

from hypothesis import given
from hypothesis import strategies as st

from helpers import lint
from lawlint.loaders.source import Source
from lawlint.parse.document import parse

TOKENS = ["一、", "（一）", "(二)", "1.", "2、", "（1）", "第一，", "①", "一是", "", "", ""]
WORDS = ["主要举措和成效", "存在的不足和原因", "下一步工作打算", "党的领导", "第一责任人", "行政复议",
         "究其原因", "2022年，我县将", "全年办理案件12件", "。", "，", "；", "“", "”", "(", ")", " ", "\u3000"]
line = st.builds(lambda t, ws: t + "".join(ws), st.sampled_from(TOKENS),
                 st.lists(st.sampled_from(WORDS), max_size=12))
report = st.lists(line, max_size=25).map("\n".join)


def _inside(text, r):
    lines = text.split("\n")
    for d in r.diagnostics:
        assert 1 <= d.line <= len(lines) and 1 <= d.end_line <= len(lines)
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1
        assert (d.line, d.column) <= (d.end_line, d.end_column)
    for v in r.sections.values():
        assert v.line is None or 1 <= v.line <= len(lines)


@given(st.text(max_size=400))
def test_arbitrary_text(text):
    r = lint(text)
    _inside(text.replace("\r\n", "\n").replace("\r", "\n"), r)
    json.dumps(r.to_json(), ensure_ascii=False)


@given(report, st.sampled_from([None, 2016, 2021, 2025]))
def test_structured_reports(text, year):
    r = lint(text, year=year)
    _inside(text, r)
    d = parse(Source(text=text))
    for h in d.headings:
        assert 0 <= h.start <= h.title_start <= h.title_end <= len(text)
        assert h.start < h.end <= len(text)
        assert h.parent is None or h.parent.level == h.level - 1


@given(st.binary(max_size=600), st.sampled_from([".txt", ".md", ".docx", ".html", ".pdf"]))
def test_arbitrary_bytes_through_loaders(tmp_path_factory, data, suffix):
    """Any bytes under any supported name: a Source or a LoadError, never another exception."""
    from lawlint.errors import LoadError
    from lawlint.loaders import load_path
    p = tmp_path_factory.mktemp("bytes") / f"f{suffix}"
    p.write_bytes(data)
    try:
        src = load_path(p)
    except LoadError as e:
        assert str(p) in str(e)
        return
    r = lint(src.text)
    _inside(src.text, r)
