"""Blocks made in the line loop (parse/blocks.split_blocks) are the blocks the plain loop makes
(test_parse_plain.plain_split_blocks: tuples first, blocks in a second pass), on generated texts
and markdown, and on every corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse.blocks import split_blocks
from test_parse_plain import plain_split_blocks     # the plain loop (lstrip to measure a lead)

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(set(sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests").glob("corpus/**/*.txt"))
                   + sorted((ROOT / "tests").glob("corpus/**/*.md")) + sorted((ROOT / "tests").glob("fixtures/**/*.md"))))


def _same(text, kind):
    text, newline = normalise(text)
    source = Source(text=text, path="x." + kind, kind=kind, newline=newline)
    shape = [[(b.index, b.start, b.end, b.text) for b in got]
             for got in (split_blocks(source, text), plain_split_blocks(source, text))]
    assert shape[0] == shape[1]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_blocks_are_the_plain_loops_on_every_corpus(path):
    _same(path.read_text(encoding="utf-8", errors="replace"), path.suffix[1:])


_PIECES = ["# 标题", "一、主要举措", "正文。", "- 项", "<!-- 注 -->", "<!-- lawlint-disable x -->", "> 引",
           "\n", "\n", "　　", " ", "**（一）加粗**", "2023年1月10日", "* 点"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16), st.sampled_from(["txt", "md"]))
def test_blocks_are_the_plain_loops_on_generated_texts(pieces, kind):
    _same("".join(pieces), kind)
