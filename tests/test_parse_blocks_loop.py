"""Blocks made in the line loop (parse/blocks.split_blocks) are the blocks the plain loop made
(tuples first, blocks in a second pass), on generated texts and markdown, and on every corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint.chars import WHITESPACE as _WS
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.model import Block
from lawlint.parse.blocks import MD_HEADING, _md_breaks, is_directive, may_hold, split_blocks

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(set(sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests").glob("corpus/**/*.txt"))
                   + sorted((ROOT / "tests").glob("corpus/**/*.md")) + sorted((ROOT / "tests").glob("fixtures/**/*.md"))))


def _plain_split_blocks(source: Source, text: str) -> list[Block]:
    blocks, offset = [], 0
    md = source.kind == "md"
    directives = may_hold(text)         # (most reports have none: no line is matched then)
    pending = None  # Markdown paragraph being accumulated: [start, end]
    for line in text.split("\n"):
        stripped = line.strip(_WS)
        # (the first non-blank character's first place is where the stripped text starts: no
        # copy of the line's rest, as ``lstrip`` made, to measure its lead)
        start = offset + (line.find(stripped[0]) if stripped else len(line))
        end = start + len(stripped)
        if md and stripped and pending is not None and not _md_breaks(stripped):
            pending[1] = end
            pending[2] = None                       # (several lines: cut from the text)
        else:
            if pending is not None:
                blocks.append(pending)
                pending = None
            if stripped and not (stripped.startswith("<!--") and stripped.endswith("-->")) \
                    and not (directives and is_directive(line)):
                if md and not MD_HEADING.match(stripped):
                    pending = [start, end, stripped]
                else:
                    blocks.append((start, end, stripped))
        offset += len(line) + 1
    if pending is not None:
        blocks.append(pending)
    return [Block(i, s, e, text[s:e] if t is None else t) for i, (s, e, t) in enumerate(blocks)]


def _same(text, kind):
    text, newline = normalise(text)
    source = Source(text=text, path="x." + kind, kind=kind, newline=newline)
    shape = [[(b.index, b.start, b.end, b.text) for b in got]
             for got in (split_blocks(source, text), _plain_split_blocks(source, text))]
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
