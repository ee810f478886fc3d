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
from ..plain import dataclass, field
from functools import cached_property

from .. import numbering
from ..loaders.source import Source
from ..model import Block, Heading, Sentence, kind_of, split_sentences  # noqa: F401 - the model, re-exported
from .blocks import body_of, mark_chrome, split_blocks
from .flat import unflatten
from .front import detect_year, front_matter, issuer_from_opening
from .headings import build_tree, classify
from .lexicon import lexicon, year_value  # noqa: F401 - re-exported
from .script import Script, simplify


def parse(source: Source, year: int | None = None) -> "Document":
    """Parse ``source`` into a Document. Each step takes what it needs and returns its result;
    the Document is made from those results, complete and final (``year``: the report year when
    the caller knows it, else read from the text)."""
    # A Traditional text is read through its same-length Simplified copy (lawlint/parse/script.py):
    # every rule matches Simplified wording, offsets stay the original's.
    numbering.match_token.cache_clear()          # its memo serves one document (lines repeat within one)
    script = simplify(source.text)
    text = script.simplified
    blocks = unflatten(split_blocks(source, text), text)
    kinds, dates = mark_chrome(blocks, text)     # chrome and page numbers; a crawled page's dates
    front = front_matter(blocks, kinds)          # title and issuer lines, addressee, document number
    headings, kinds = classify(blocks, front.kinds, source)     # headings and closing lines
    build_tree(headings, len(text))
    kind = kinds.get                             # each block's kind, set once from the steps' answer
    for b in blocks:                             # (model.kind_of, without a call a block)
        b.kind = kind(b.index, "paragraph")
    for h in headings:
        h.block.heading = h
    body = body_of(blocks)
    year_source = "option" if year else None
    if not year:
        year, year_source = detect_year(front.title, body, headings)
    issuer = front.issuer if front.issuer is not None else issuer_from_opening(body)
    return Document(source=source, script=script, blocks=blocks, meta={**source.meta, **dates},
                    title=front.title, issuer=issuer, headings=headings, year=year,
                    year_source=year_source)


@dataclass(frozen=True, eq=False)
class Document:
    """A parsed report, made by :func:`parse` once per file; every check reads the same object.
    Frozen: every value is final when the Document is made (views below are derived from them)."""

    source: Source
    script: Script              # the text as rules read it (Simplified), offsets the original's
    blocks: list[Block]
    meta: dict                  # the source's metadata and the dates a crawled page states
    title: Block | None
    issuer: str | None
    headings: list[Heading]
    year: int | None
    year_source: str | None     # option | title | opening | plans | None (unknown)
    _memo: dict = field(default_factory=dict, init=False, repr=False)

    @property
    def text(self) -> str:
        return self.script.simplified

    @property
    def position(self):
        """1-based (line, column) of an offset: once per finding."""
        return self.source.position

    def derived(self, key, compute):
        """A value derived from the document once, on first use (``compute()``): several rules
        read it (numbered items in the running text, the last top-level heading)."""
        memo = self._memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def derived_for(self, key, owners: tuple, compute):
        """:meth:`derived` for a value that depends on objects too (a rule's pattern list, its
        scoring spec), remembered under their ids. The memo holds the objects themselves, so no
        other object can take one of those ids while the document lives."""
        return self.derived((key, *map(id, owners)), lambda: (owners, compute()))[1]

    # -- views -------------------------------------------------------------------------------
    @cached_property
    def body_blocks(self) -> list[Block]:
        """Blocks that are the report's own text (no chrome, title, issuer or closing lines)."""
        return body_of(self.blocks)

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
        def words():
            from .segment import segment
            return [(w, start + off) for w, off in segment(self.text[start:end])]
        return self.derived(("tokens", start, end), words)
