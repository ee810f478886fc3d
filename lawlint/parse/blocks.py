"""Parse step 1: lines → blocks (a flattened page is given back its paragraphs in ``flat``); page
numbers and web-page chrome marked."""
from __future__ import annotations

import re

from .. import numbering
from ..chars import WHITESPACE as _WS
from ..model import Block
from ..rulepack.literals import absent, holding, required
from ..rulepack.regexcache import required_literals
from ..loaders.source import Source
from . import anyof
from .directives import is_directive, may_hold
from .lexicon import lexicon
from .headings import MD_HEADING


def split_blocks(source: Source, text: str) -> list[Block]:
    blocks, offset = [], 0
    md = source.kind == "md"
    directives = may_hold(text)         # (most reports have none: no line is matched then)
    pending = None  # Markdown paragraph being accumulated: [start, end]
    for line in text.split("\n"):
        stripped = line.strip(_WS)
        lead = len(line) - len(line.lstrip(_WS))
        start = offset + lead
        end = start + len(stripped)
        if md and stripped and pending is not None and not _md_breaks(stripped):
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

def _md_breaks(line):
    return bool(MD_HEADING.match(line) or numbering.match_token(line) or line.startswith(("<!--", "- ", "* ", ">")))

BODY_KINDS = ("paragraph", "heading")


def body_of(blocks: list[Block]) -> list[Block]:
    """Blocks that are the report's own text (no chrome, title, issuer or closing lines)."""
    return [b for b in blocks if b.kind in BODY_KINDS]


def mark_chrome(blocks: list[Block]) -> tuple[dict, dict]:
    """Page numbers and web-page chrome: (block index → ``page`` or ``chrome``, the dates chrome
    lines state: ``{"date_published": "2023-03-01"}``, keys from ``chrome.dates``)."""
    lx = lexicon()
    kinds: dict = {}
    dates: dict = {}
    head_end = next((b.index for b in blocks if len(b.text) > lx["footer_max_line"]
                     or numbering.match_token(b.text)), len(blocks))
    # Only the patterns whose required literals the blocks hold can match one (most chrome
    # patterns never match a report's own text): found with a few str.find over all blocks.
    # Patterns anchored at the line's start are tried once per block, joined into one call
    # (lawlint.parse.anyof).
    hay = "\n".join(b.text for b in blocks)
    spans, at = [], 0
    for b in blocks:
        spans.append((at, at + len(b.text)))
        at += len(b.text) + 1
    page = anyof.matcher(lx["page_number"])
    labelled_by = _searcher(_live(lx["labels"], hay), blocks, hay, spans)
    crumb = _searcher(_live(lx["breadcrumb"] + lx["metadata"], hay), blocks, hay, spans)
    line = anyof.matcher(lx["line"])
    byline = lx["byline"]
    for i, b in enumerate(blocks):
        if page(b.text.strip(_WS)):
            kinds[b.index] = "page"            # a page number from a printed or PDF copy
            continue
        short = len(b.text) <= lx["footer_max_line"]
        labelled = len(b.text) <= lx["labels_max_line"] and labelled_by(i, b.text)
        if labelled or b.footer or crumb(i, b.text) or (
                short and (line(b.text) or (
                    byline is not None and b.index < head_end
                    and byline.match(b.text)))):
            kinds[b.index] = "chrome"
            for key, rx in lx["dates"].items():
                m = rx.search(b.text)
                if m:
                    dates[f"date_{key}"] = "%04d-%02d-%02d" % tuple(int(g) for g in m.groups())
    # Footer: from the first footer line after which every remaining block is short (known from
    # the last block that is not: asking each footer line about all the rest was quadratic).
    short = lx["footer_max_line"]
    last_long = max((i for i, r in enumerate(blocks)
                     if len(r.text) > short and kinds.get(r.index) != "chrome"), default=-1)
    footer = _live(lx["footer"], hay)
    footer_line = anyof.searcher(footer)
    for i, b in enumerate(blocks if footer else ()):
        if footer_line(b.text):
            rest = blocks[i:]
            if i > last_long:
                for r in rest:
                    kinds[r.index] = "chrome"
                break
    return kinds, dates


def _searcher(patterns, blocks, hay: str, spans):
    """``(i, text) -> bool``: does one of ``patterns`` match somewhere in ``text``, the text of
    ``blocks[i]``? The patterns anchored at the start are tried once per block, joined into one
    call (:mod:`lawlint.parse.anyof`). Any other is searched only in the blocks that hold one of
    the strings every match of it contains (:func:`lawlint.rulepack.literals.required`, found with
    a few ``str.find`` over ``hay``, the blocks joined one a line, ``spans`` their places in it): a
    metadata pattern 「(索引号|发布机构|…)\\s*[\\]】:：]」 had been searched through every paragraph.
    (An anchored pattern is one try per block: the finds would cost more.)"""
    rest: list = []
    hits: set = set()
    index = None
    for p in patterns:
        needed = None if p.pattern.startswith("^") else \
            required_literals(p.pattern) if p.flags == re.UNICODE else required(p.pattern, p.flags)
        if needed is None:
            rest.append(p)
            continue
        index = index or {s: i for i, s in enumerate(spans)}
        search = p.search
        hits.update(i for i in (index[s] for s in holding(hay, needed, spans))
                    if i not in hits and search(blocks[i].text))
    if not rest:
        return lambda i, text: i in hits
    others = anyof.searcher(rest)
    return lambda i, text: i in hits or others(text)


def _live(patterns, hay: str) -> list:
    """The ``patterns`` that may match somewhere in ``hay`` (those lacking every string one of
    which each of their matches holds, :func:`lawlint.rulepack.literals.required`, cannot). A
    pattern anchored at the start is kept: tried once per block, it costs less than the finds."""
    out = []
    for p in patterns:
        if p.pattern.startswith("^"):
            out.append(p)
            continue
        needed = required_literals(p.pattern)    # (kept across processes: no parse a start)
        if needed is None or not absent(needed, hay, 0, len(hay)):
            out.append(p)
    return out
