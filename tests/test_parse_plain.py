"""The parser's shortcuts give what its plain steps give: lines cut into blocks without copying a
line's rest to measure its lead (parse/blocks.split_blocks), the closing tail searched only in a
last block holding what its date or thanks need (parse/flat._closing_tail); on generated texts
and every corpus, with a test that fails when a shortcut is no longer taken."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint.chars import WHITESPACE as _WS
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.model import Block
from lawlint.parse import blocks as B
from lawlint.parse import flat as F
from lawlint.parse.directives import is_directive, may_hold
from lawlint.parse.headings import MD_HEADING
from lawlint.parse.lexicon import lexicon
from lawlint.rulepack.patternread import group_source

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests/corpus").glob("**/*.txt"),
                *(ROOT / "tests/corpus").glob("**/*.md"), *(ROOT / "tests/fixtures").glob("**/*.txt"),
                *(ROOT / "tests/fixtures").glob("**/*.md")])


def plain_split_blocks(source, text):
    """split_blocks as it was written before the shortcut (lstrip to measure the lead)."""
    blocks, offset = [], 0
    md = source.kind == "md"
    directives = may_hold(text)
    pending = None
    for line in text.split("\n"):
        stripped = line.strip(_WS)
        lead = len(line) - len(line.lstrip(_WS))
        start = offset + lead
        end = start + len(stripped)
        if md and stripped and pending is not None and not B._md_breaks(stripped):
            pending[1] = end
        else:
            if pending is not None:
                blocks.append(pending)
                pending = None
            if stripped and not (stripped.startswith("<!--") and stripped.endswith("-->")) \
                    and not (directives and is_directive(line)):
                if md and not MD_HEADING.match(stripped):
                    pending = [start, end]
                else:
                    blocks.append([start, end])
        offset += len(line) + 1
    if pending is not None:
        blocks.append(pending)
    return [Block(i, s, e, text[s:e]) for i, (s, e) in enumerate(blocks)]


def _shape(blocks):
    return [(b.index, b.start, b.end, b.text, b.kind, b.glued, b.footer) for b in blocks]


def _same_blocks(text, kind):
    source = Source(text=text, path="x." + kind, kind=kind)
    assert _shape(B.split_blocks(source, text)) == _shape(plain_split_blocks(source, text))


_PIECES = ["　", " ", "\t", "\u00a0", "\u200b", "\ufeff", "\n", "\n\n", "一、主要工作", "# 标题", "- 项", "* 项",
           "<!-- x -->", "<!--", "-->", "> 引", "法治政府建设。", "1.", "（一）", "a", "2023年3月1日",
           "<!-- lawlint-disable punct.halfwidth -->", "lawlint-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["txt", "md"]))
def test_blocks_are_cut_as_the_plain_loop_cuts_them(pieces, kind):
    _same_blocks("".join(pieces), kind)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_blocks_of_every_corpus_as_the_plain_loop(path):
    text = normalise(path.read_text(encoding="utf-8", errors="replace"))[0]
    _same_blocks(text, path.suffix[1:])


def _plain_tail(b, lx):
    with pytest.MonkeyPatch.context() as m:
        m.setattr(F, "_tail_needs", lambda pattern: None)
        return _shape(F._closing_tail(b, lx))


_TAIL = ["特此报告", "特此报告。", "。", "某县人民政府", "司法局", "2023年1月10日", "二〇二三年一月十日", "年", "月", "日",
         "　", " ", "全年办理案件12件", "，", "）", "”", "区"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TAIL), min_size=1, max_size=14))
def test_the_closing_tail_is_cut_as_the_plain_search_cuts_it(pieces):
    lx = lexicon()["flat"]
    b = Block(0, 5, 5 + len("".join(pieces)), "".join(pieces))
    assert _shape(F._closing_tail(b, lx)) == _plain_tail(b, lx)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_closing_tail_of_every_block_of_every_corpus(path):
    lx = lexicon()["flat"]
    text = normalise(path.read_text(encoding="utf-8", errors="replace"))[0]
    for b in B.split_blocks(Source(text=text), text):
        assert _shape(F._closing_tail(b, lx)) == _plain_tail(b, lx)


def test_a_last_block_without_a_date_or_thanks_is_not_searched(monkeypatch):
    """The fast path is taken: the shipped pattern's groups tell what they need, and a block
    holding none of it is not searched."""
    lx = dict(lexicon()["flat"])
    assert F._tail_needs(lx["closing_tail"].pattern) is not None
    assert group_source(r"a(?P<x>[]()]\)(b)[^]]c)d", "x") == r"[]()]\)(b)[^]]c"

    class Counted:
        pattern, searched = lx["closing_tail"].pattern, []

        def search(self, text):
            self.searched.append(text)
            return None
    lx["closing_tail"] = Counted()
    F._closing_tail(Block(0, 0, 9, "全面推进依法行政工作。"), lx)
    assert Counted.searched == []
    F._closing_tail(Block(0, 0, 9, "全面推进。某县人民政府2023年1月10日"), lx)
    assert len(Counted.searched) == 1


def _plain_classify(blocks, kinds, source):
    """classify with every block matched against the closing pattern (no literal prefilter)."""
    from lawlint.parse import headings as H
    with pytest.MonkeyPatch.context() as m:
        m.setattr(H, "_needs", lambda pattern: None)
        return H.classify(blocks, kinds, source)


def _classified(text, kind="txt"):
    from lawlint.parse.front import front_matter
    source = Source(text=text, path="x." + kind, kind=kind)
    blocks = F.unflatten(B.split_blocks(source, text), text)
    kinds, _ = B.mark_chrome(blocks)
    return blocks, front_matter(blocks, kinds).kinds, source


def _heads(found):
    headings, kinds = found
    return [(h.block.index, h.title, h.title_start, h.title_end, h.run_in, h.style) for h in headings], kinds


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_headings_and_closing_lines_of_every_corpus_as_the_plain_match(path):
    from lawlint.parse import headings as H
    text = normalise(path.read_text(encoding="utf-8", errors="replace"))[0]
    blocks, kinds, source = _classified(text, path.suffix[1:])
    assert _heads(H.classify(blocks, kinds, source)) == _heads(_plain_classify(blocks, kinds, source))


_CLOSE = ["特此报告。", "以上报告", "某县人民政府", "司法局", "2023年1月10日", "二〇二三年一月十日", "\u3000", " ",
          "一、主要工作", "全年办理案件12件。", "年", "日", "\n", "（一）依法决策", "法治政府建设情况"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CLOSE), min_size=1, max_size=16))
def test_headings_and_closing_lines_as_the_plain_match(pieces):
    from lawlint.parse import headings as H
    blocks, kinds, source = _classified("".join(pieces))
    assert _heads(H.classify(blocks, kinds, source)) == _heads(_plain_classify(blocks, kinds, source))
    for b in blocks:
        t = b.text
        assert H._unnumbered_heading_candidate(t) == _plain_candidate(t)
        assert H._unnumbered_heading_candidate("\u3000" + t) == _plain_candidate("\u3000" + t)


def _plain_candidate(text):
    from lawlint.chars import HAN_RE, SENTENCE_ENDS
    from lawlint.parse.headings import _DIGITS
    t = text.strip(_WS)
    if not (4 <= len(t) <= 40):
        return False
    if any(c in t for c in SENTENCE_ENDS) or t[-1] in "，,、：:（(“\"":
        return False
    if _DIGITS.search(t):
        return False
    cjk = len(HAN_RE.findall(t))
    return cjk >= 4 and cjk >= 0.6 * len(t)


def test_a_block_without_the_closing_literals_is_not_matched(monkeypatch):
    """The fast path is taken: the closing pattern's required literals are known, and a block
    holding none of them is not matched."""
    from lawlint.parse import headings as H
    lx = dict(lexicon())
    assert H._needs(lx["closing"].pattern)

    class Counted:
        pattern, matched = lx["closing"].pattern, []

        def match(self, text):
            self.matched.append(text)
            return None
    lx["closing"] = Counted()
    monkeypatch.setattr(H, "lexicon", lambda: lx)
    blocks, kinds, source = _classified("关于法治政府建设情况的报告\n一、主要工作\n全面推进依法行政。\n2023年1月10日")
    H.classify(blocks, kinds, source)
    assert Counted.matched == ["2023年1月10日"]
