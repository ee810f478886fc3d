"""Parse a Source into a Document: front matter, a heading tree, paragraphs and sentences.

Reports are written one paragraph per line. A block is one non-empty line (a Markdown paragraph
may span several), or a paragraph of a crawled page flattened onto few lines (``parse/flat.py``). Each block is front matter (title, issuer), web-page chrome, a heading
(numbered, run-in, unnumbered or Markdown), a closing line, or a paragraph. Every span keeps its
offset in ``source.text`` so findings map back to a line and a character column.

Tokens (jieba) are not computed here: ``Document.tokens`` segments on first use only, so a run
whose rules need no word boundaries never loads a dictionary.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cached_property

from ..model import Block, Heading, Sentence, split_sentences  # noqa: F401 - the model, re-exported
from .blocks import mark_chrome, split_blocks
from .flat import unflatten
from .front import detect_year, front_matter, issuer_from_opening
from .headings import build_tree, classify
from .lexicon import lexicon, year_value  # noqa: F401 - re-exported
from .script import simplify
from ..loaders.source import Source


class Document:
    """A parsed report. Built once per file; every check reads the same object."""

    def __init__(self, source: Source, year: int | None = None):
        self.source = source
        self.position = source.position     # 1-based (line, column) of an offset: once per finding
        # A Traditional text is read through its same-length Simplified copy (lawlint/parse/script.py):
        # every rule matches Simplified wording, offsets stay the original's.
        self.script = simplify(source.text)
        self.text = self.script.simplified
        self.blocks: list[Block] = unflatten(split_blocks(source, self.text), self.text)
        self.meta: dict = dict(source.meta)
        mark_chrome(self)
        self.title: Block | None = None
        self.issuer: str | None = None
        front_matter(self)
        self.headings: list[Heading] = []
        classify(self)
        build_tree(self.headings, len(self.text))
        self.year_source = "option" if year else None
        self.year = year or detect_year(self)
        if self.issuer is None:
            self.issuer = issuer_from_opening(self)
        self._tokens = {}

    # -- views -------------------------------------------------------------------------------
    @cached_property
    def body_blocks(self) -> list[Block]:
        """Blocks that are the report's own text (no chrome, title, issuer or closing lines)."""
        return [b for b in self.blocks if b.kind in ("paragraph", "heading")]

    @cached_property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.body_blocks)

    @property
    def top_headings(self) -> list[Heading]:
        return [h for h in self.headings if h.parent is None]

    @cached_property
    def _body_index(self):
        blocks = self.body_blocks
        return blocks, [b.start for b in blocks]

    def blocks_in(self, start: int, end: int) -> list[Block]:
        """Body blocks starting in [start, end) (bisect: called for every heading by every part)."""
        blocks, starts = self._body_index
        return blocks[bisect_left(starts, start):bisect_left(starts, end)]

    def heading_body(self, h: Heading) -> str:
        """The text a heading governs: its run-in remainder and every block until its end."""
        parts = []
        for b in self.blocks_in(h.start, h.end):
            parts.append(self.text[b.body_start:b.end] if b is h.block else b.text)
        return "\n".join(p for p in parts if p)

    def sentences(self) -> list[Sentence]:
        out = []
        for b in self.body_blocks:
            out.extend(split_sentences(self.text[b.body_start:b.end], b.body_start)
                       if b.heading and b.heading.run_in else
                       ([] if b.heading else b.sentences()))
        return out

    def tokens(self, start: int, end: int) -> list[tuple[str, int]]:
        """jieba words of text[start:end] with their offsets, segmented on first use only."""
        key = (start, end)
        if key not in self._tokens:
            from .segment import segment
            self._tokens[key] = [(w, start + off) for w, off in segment(self.text[start:end])]
        return self._tokens[key]
