"""The parser's shortcuts give what the plain scans give: the chrome patterns tried only in the
blocks that hold their literals (parse/blocks._searcher), the numbering items inside paragraphs
scanned only in the paragraphs that hold theirs, sentences split in one loop."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse import blocks as B
from lawlint.parse.flat import unflatten

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("varied*/*.txt"))


def _blocks(text):
    text, newline = normalise(text)
    source = Source(text=text, path="x.txt", kind="txt", newline=newline)
    return unflatten(B.split_blocks(source, text), text)


def _lists():
    lx = B.lexicon()
    return [lx["labels"], lx["breadcrumb"] + lx["metadata"], lx["footer"], lx["line"]]


def _same(blocks):
    hay = "\n".join(b.text for b in blocks)
    spans, at = [], 0
    for b in blocks:
        spans.append((at, at + len(b.text)))
        at += len(b.text) + 1
    plan = B._plan(B.lexicon())
    for patterns, prepared in zip(_lists(), (plan.labels, plan.crumb, plan.footer, None)):
        tests = [B._searcher(patterns, blocks, hay, spans)]
        if prepared is not None:        # as mark_chrome asks it: prepared once a lexicon
            tests.append(B._searcher(None, blocks, hay, spans, prepared=prepared))
        for test in tests:
            for i, b in enumerate(blocks):
                assert test(i, b.text) == any(p.search(b.text) for p in patterns), (b.text, patterns)


@pytest.mark.parametrize("path", TEXTS[:40], ids=lambda p: p.name)
def test_chrome_searcher_answers_as_every_pattern_searched_in_every_block(path):
    _same(_blocks(path.read_text(encoding="utf-8")))


_PIECES = ["索引号", "发布日期", "：", ":", "】", "]", "首页", " > ", "»", "ICP备", "备案号", "网站标识码",
           "　", " ", "\n", "法治政府建设", "2023-05-10", "有效性", "扫一扫在手机打开当前页", "。", "打印本页"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_chrome_searcher_answers_as_the_plain_search_on_generated_lines(pieces):
    _same(_blocks("".join(pieces) + "\n正文。"))


class _Counted:
    """A pattern that counts the texts it is searched in."""

    def __init__(self, rx):
        self.pattern, self.flags, self._rx, self.searched = rx.pattern, rx.flags, rx, []

    def search(self, text, *a):
        self.searched.append(text)
        return self._rx.search(text, *a)


def test_an_unanchored_chrome_pattern_is_searched_only_where_its_literals_are():
    import re
    rx = _Counted(re.compile(r"(索引号|发布机构|发文机关|主题分类|有效性)\s*[\]】:：]"))
    blocks = _blocks("索引号：123\n全年办理案件12件，有效性得到提升。\n发布机构 】某县政府\n一、主要举措")
    hay = "\n".join(b.text for b in blocks)
    spans, at = [], 0
    for b in blocks:
        spans.append((at, at + len(b.text)))
        at += len(b.text) + 1
    test = B._searcher([rx], blocks, hay, spans)
    assert [test(i, b.text) for i, b in enumerate(blocks)] == [True, False, True, False]
    assert rx.searched == ["索引号：123", "发布机构 】某县政府"]     # the paragraph and heading: never


def _doc(text):
    from lawlint.parse.document import parse
    text, newline = normalise(text)
    return parse(Source(text=text, path="x.txt", kind="txt", newline=newline))


def _plain_inline_items(doc):
    from lawlint.numbering.base import data
    text = doc.text
    for b in doc.body_blocks:
        if b.heading is not None and not b.heading.run_in:
            continue
        start = b.body_start if b.heading is not None else b.start
        for family, rx in data()["inline"].items():
            for m in rx.finditer(text[start:b.end]):
                yield family, m.span(), start


def _items(doc):
    from lawlint.numbering.inline import _find
    return [(family, m.span(), start) for family, m, start in _find(doc)]


@pytest.mark.parametrize("path", TEXTS[:40], ids=lambda p: p.name)
def test_inline_items_are_those_of_every_pattern_scanned_through_every_paragraph(path):
    d = _doc(path.read_text(encoding="utf-8"))
    assert _items(d) == list(_plain_inline_items(d))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["第一、", "第二：", "1.", "2、", "。", "；", "：", "　", "工作", "（一）",
                                 "\n", "12", "“", "一是"]), max_size=25))
def test_inline_items_on_generated_paragraphs(pieces):
    d = _doc("一、主要举措\n" + "".join(pieces))
    assert _items(d) == list(_plain_inline_items(d))


def test_the_di_pattern_is_tried_only_in_paragraphs_where_an_item_can_start(monkeypatch):
    # (it was: scanned only through paragraphs holding 「第」; now it is tried only at a paragraph's
    # start when one of the bodies matches there, and just past the marks 。；：… found with an
    # item after them)
    from lawlint.numbering import base, inline
    tried = []

    class Counted:
        def __init__(self, rx):
            self.pattern, self.flags, self.rx = rx.pattern, rx.flags, rx

        def match(self, text, *pos):
            tried.append(text)
            return self.rx.match(text, *pos)

        def finditer(self, text):
            tried.append(text)
            return self.rx.finditer(text)

    real = base.data()
    monkeypatch.setattr(inline, "data", lambda: {**real, "inline": {"di": Counted(real["inline"]["di"])}})
    inline.scanners.cache_clear()
    try:
        d = _doc("一、主要举措\n全年办理案件12件。第一、完善制度。\n全年开展培训3次。\n第二项工作。")
        assert [f for f, _, _ in inline._find(d)] == ["di"]
    finally:
        inline.scanners.cache_clear()
    assert set(tried) == {"全年办理案件12件。第一、完善制度。"}


def _plain_split(text, base=0):
    """The sentence split as it was written first (one strip per use)."""
    import re

    from lawlint.chars import CLOSERS, SENTENCE_ENDS, WHITESPACE
    from lawlint.model import Sentence
    ws = WHITESPACE + "\n"
    out, start = [], 0
    for m in re.finditer(f"[{re.escape(SENTENCE_ENDS)}\n][{re.escape(CLOSERS)}]*", text):
        j = m.end()
        seg = text[start:j]
        if seg.strip(ws):
            lead = len(seg) - len(seg.lstrip(ws))
            out.append(Sentence(base + start + lead, base + j, seg.strip(ws)))
        start = j
    seg = text[start:]
    if seg.strip(ws):
        lead = len(seg) - len(seg.lstrip(ws))
        out.append(Sentence(base + start + lead, base + start + lead + len(seg.strip(ws)), seg.strip(ws)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["。", "！", "？", "；", "!", "?", ";", "\n", "”", "）", ")", "】", "　", " ",
                                 "\t", "\u200b", "工作", "a", "12"]), max_size=30), st.integers(0, 50))
def test_sentences_split_as_the_plain_loop_splits_them(pieces, base):
    from lawlint.model import split_sentences
    text = "".join(pieces)
    got = split_sentences(text, base)
    assert got == _plain_split(text, base)
    assert all(type(s).__name__ == "Sentence" and repr(s).startswith("Sentence(") for s in got)


@pytest.mark.parametrize("path", TEXTS[:40], ids=lambda p: p.name)
def test_sentences_of_every_block_as_the_plain_loop(path):
    d = _doc(path.read_text(encoding="utf-8"))
    for b in d.blocks:
        assert b.sentences() == _plain_split(b.text, b.start)


def test_a_text_without_directives_is_not_matched_line_by_line(monkeypatch):
    from lawlint.parse import directives
    assert directives._needed() == ("lawlint-",)       # what every directive line holds
    text = "一、主要举措\n全年办理案件12件。\n// 这不是指令\n<!-- 注释 -->"
    assert not directives.may_hold(text)

    class Counted:
        pattern, flags, calls = directives.DIRECTIVE.pattern, directives.DIRECTIVE.flags, []

        def match(self, line):
            self.calls.append(line)
            return None
    monkeypatch.setattr(directives, "DIRECTIVE", Counted())
    assert directives.parse(text) == [] and Counted.calls == []
    assert len(_blocks(text)) == 3 and Counted.calls == []      # (the HTML comment is no block)


@pytest.mark.parametrize("text", [
    "<!-- lawlint-disable-next-line punct.halfwidth -- 引文 -->\n会议于2021年3月召开,共20人.",
    "正文。\n// lawlint-disable-file\n正文二。",
    "<!-- lawlint-disable -->\n甲。\n<!-- lawlint-enable -->\n乙。",
    "这里提到 lawlint-disable 但不是指令。",
])
def test_directives_are_found_as_every_line_matched(text):
    from lawlint.parse import directives
    plain = [directives.DIRECTIVE.match(line) is not None for line in text.split("\n")]
    found = directives.parse(text)
    assert [d.line for d in found] == [n for n, hit in enumerate(plain, 1) if hit and "enable" != (
        directives.DIRECTIVE.match(text.split("\n")[n - 1]).group("a") or "")[len("lawlint-"):]]
    assert len(_blocks(text)) == sum(1 for line, hit in zip(text.split("\n"), plain) if not hit and line.strip())


def _raw(text):
    text, newline = normalise(text)
    return B.split_blocks(Source(text=text, path="x.txt", kind="txt", newline=newline), text), text


REAL = sorted((ROOT / "tests" / "corpus" / "real").glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS[:40] + REAL, ids=lambda p: p.name)
def test_the_blocks_scanned_for_separators_hold_every_block_a_separator_can_be_in(path):
    from lawlint.parse import flat
    lx = B.lexicon()["flat"]
    sep = lx["separator"]
    raw, text = _raw(path.read_text(encoding="utf-8"))
    held = flat._holding_pairs(raw, lx["separator_blanks"])
    assert {(b.start, b.end) for b in raw if sep.search(b.text)} <= held


_BLANKS = [" ", "\t", "\u00a0", "\u3000", "\u2002", "\u200b", "\n", "a", "。", "法", "1", "一、"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BLANKS), max_size=24))
def test_every_separator_opens_with_two_of_the_separator_blanks(pieces):
    """The lexicon's ``separator_blanks`` are what every separator opens with, two side by side:
    the blocks without such a pair are not scanned (flat._holding_pairs)."""
    from lawlint.parse import flat
    lx = B.lexicon()["flat"]
    text = "".join(pieces)
    for m in lx["separator"].finditer(text):
        assert all(c in lx["separator_blanks"] for c in text[m.start():m.start() + 2]), repr(text)
    raw, norm = _raw("甲" + text + "乙\n" + text)
    held = flat._holding_pairs(raw, lx["separator_blanks"])
    assert {(b.start, b.end) for b in raw if lx["separator"].search(b.text)} <= held


def test_indentation_does_not_have_every_block_scanned_for_separators():
    from lawlint.parse import flat
    lx = B.lexicon()["flat"]
    assert lx["separator_blanks"]           # (the fast path is taken: no pair, no scan)
    lines = [f"　　第{i}段，全年办理案件{i}件。" for i in range(60)] + ["　　指标　　2021年　　2022年"]
    raw, text = _raw("\n".join(lines))
    assert flat._holding_pairs(raw, lx["separator_blanks"]) == {(raw[-1].start, raw[-1].end)}
    scanned = []
    real = flat._separated
    with pytest.MonkeyPatch.context() as m:
        m.setattr(flat, "_separated", lambda b, lx: scanned.append(b.text) or real(b, lx))
        flat.unflatten(raw, text)
    assert scanned == [raw[-1].text]


def _cut_blocks(raw, text, monkeypatch=None):
    from lawlint.parse import flat
    if monkeypatch is None:
        return [(b.index, b.start, b.end, b.text, b.glued, b.footer) for b in flat.unflatten(raw, text)]
    with monkeypatch.context() as m:             # the plain way: every block asked for a label
        m.setattr(flat.linestart, "grouped", lambda groups, also="": None)
        return _cut_blocks(raw, text)


ALL = TEXTS + REAL + sorted((ROOT / "tests").glob("corpus/**/*.txt")) + sorted((ROOT / "tests").glob("fixtures/**/*.txt"))


@pytest.mark.parametrize("path", sorted(set(ALL)), ids=lambda p: str(p.relative_to(ROOT)))
def test_blocks_are_cut_as_when_every_block_is_asked_for_a_label(path, monkeypatch):
    raw, text = _raw(path.read_text(encoding="utf-8", errors="replace"))
    fast = _cut_blocks(raw, text)
    raw, text = _raw(path.read_text(encoding="utf-8", errors="replace"))
    assert fast == _cut_blocks(raw, text, monkeypatch)


_HEADER = ["标题：", "文章标题:", "题目 ：", "标题", "关于2023年法治政府建设情况的报告", "　", " ", "\n", "题", "文",
           "全年办理案件12件。", "　　", "一、主要举措", "特此报告。"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HEADER), max_size=14))
def test_blocks_are_cut_as_when_every_block_is_asked_for_a_label_on_generated_lines(pieces):
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as m:
        raw, norm = _raw(text)
        fast = _cut_blocks(raw, norm)
        raw, norm = _raw(text)
        assert fast == _cut_blocks(raw, norm, m)


def test_only_blocks_opening_as_a_label_may_are_asked_for_one(monkeypatch):
    """The fast path is taken: the label pattern's first item is told by a class
    (linestart.grouped), so a paragraph is not matched against it."""
    from lawlint.parse import flat
    asked = []
    real = flat._labelled
    monkeypatch.setattr(flat, "_labelled", lambda b, lx: asked.append(b.text) or real(b, lx))
    raw, text = _raw("标题：关于2023年法治政府建设情况的报告\n2023年，某县扎实推进法治政府建设。\n一、主要举措")
    cut = flat.unflatten(raw, text)
    assert asked == ["标题：关于2023年法治政府建设情况的报告"]
    assert [b.text for b in cut][:2] == ["标题：", "关于2023年法治政府建设情况的报告"]


def test_a_report_without_a_pair_of_blanks_measures_no_places(monkeypatch):
    """The fast path is taken: the blocks' places in the joined text are measured only when a
    pair of blanks is in it (none is in the seeds)."""
    from lawlint.parse import flat
    monkeypatch.setattr(flat, "holding", lambda *a: pytest.fail("places measured"))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        raw, text = _raw(path.read_text(encoding="utf-8"))
        assert flat._holding_pairs(raw, B.lexicon()["flat"]["separator_blanks"]) == set()


def _plain_glued_page(blocks, lx):
    from lawlint import numbering
    numbered = sum(1 for b in blocks if numbering.match_token(b.text))
    return numbered < 3 and any(len(b.text) > lx["long_line"] for b in blocks)


@pytest.mark.parametrize("path", sorted(set(ALL)), ids=lambda p: str(p.relative_to(ROOT)))
def test_a_glued_page_is_told_as_counting_every_numbered_line(path):
    from lawlint.parse import flat
    raw, _ = _raw(path.read_text(encoding="utf-8", errors="replace"))
    lx = B.lexicon()["flat"]
    assert flat._glued_page(raw, lx) == _plain_glued_page(raw, lx)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["一、主要举措", "（二）依法决策", "3. 审查", "全年办理案件12件。" * 12, "正文。", "1"]), max_size=10))
def test_a_glued_page_is_told_as_counting_every_numbered_line_on_generated_lines(lines):
    from lawlint.parse import flat
    raw, _ = _raw("\n".join(lines))
    lx = B.lexicon()["flat"]
    assert flat._glued_page(raw, lx) == _plain_glued_page(raw, lx)


def test_a_report_with_numbered_lines_is_told_unglued_by_its_first_three(monkeypatch):
    """The fast path is taken: the lines after the third numbered one are not asked."""
    from lawlint.parse import flat
    asked = []
    real = flat.numbering.match_token
    monkeypatch.setattr(flat.numbering, "match_token", lambda t: asked.append(t) or real(t))
    raw, _ = _raw("一、甲\n二、乙\n三、丙\n" + "全年办理案件12件。\n" * 20)
    assert flat._glued_page(raw, B.lexicon()["flat"]) is False
    assert asked == ["一、甲", "二、乙", "三、丙"]
