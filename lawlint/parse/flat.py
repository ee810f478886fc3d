"""Parse step 1b: a crawled page flattened onto few lines, given back its paragraphs.

Crawlers join a page's text nodes: paragraphs end up on one physical line, separated by the page's
own indentation (「　　」, two U+3000) or by nothing at all. A reader still sees the paragraphs; so
does the parser, by the shapes of the text rather than its words:

- **separator runs**: a run of blanks holding a U+3000, two or more characters long (or four
  no-break spaces), between two pieces of text on a line that has several of them (or one, on a
  long line, at a sentence end or before a numbering token), unless every piece is short and has
  no sentence end (cells of a row). Each piece becomes a block, cut again before a top-level
  heading glued to the sentence or 「如下：」 before it; the separators belong to no block, so no
  spacing or indent rule ever reads them;
- **glued headings** (nothing between paragraphs): a long line is cut before a numbering token that
  follows a sentence end or 「：」, or that follows a short heading (「一、依法行政主要举措（一）…」);
  such blocks are marked ``glued`` so a run-in title stops at its first clause mark;
- **a glued title**: the report's title at the very start of a glued page, run into the opening;
- **a glued closing**: 「特此报告」 and an issuer with a full date at the end of the last line are
  cut off as their own blocks;
- **a labelled header line** (「标题：…」): the label and the value are separate blocks, so the
  label is chrome and the value can be the title.

The cues are data (``rules/data/document.yaml``, key ``flat``).
"""
from __future__ import annotations

from .. import numbering
from ..chars import WHITESPACE as _WS
from ..model import Block
from ..rulepack.literals import holding
from ..rulepack.patternread import group_source
from ..rulepack.regexcache import required_literals
from . import linestart
from .lexicon import lexicon


def unflatten(blocks: list[Block], text: str) -> list[Block]:
    """Blocks as a reader sees them: separator runs, glued headings, glued closings and header
    labels split off. Blocks are renumbered."""
    lx = lexicon()["flat"]
    glued = _glued_page(blocks, lx)     # judged on the lines as they came
    out: list[Block] = []
    separated = set()                    # pieces of a line cut at its separators
    blanks = lx["separator_blanks"]      # (two of them open every separator)
    held = _holding_pairs(blocks, blanks) if blanks else None
    # (a block opening with a character the label pattern's first item cannot take is no
    # labelled header line: told by a memo per character, lawlint.parse.linestart.grouped)
    label = linestart.grouped([((lx["label"],), ())])
    by_first = label is not None and not label.told      # (told by the first character alone)
    for b in blocks:
        text = b.text
        pieces = _labelled(b, lx) if label is None or (label[text[:1]] if by_first else label(text)) else None
        if pieces is None and (held is None or (b.start, b.end) in held):   # (no separator without those)
            pieces = _separated(b, lx)
            separated.update(id(p) for p in pieces or ())
        if pieces:
            out.extend(pieces)
        else:
            out.append(b)
    if glued:
        out = [piece for b in out for piece in _glued(b, lx)]
        first = next((i for i, b in enumerate(out) if b.glued and not b.footer), None)
        m = lx["glued_title"].match(out[first].text) if first is not None else None
        if m is not None:
            out[first:first + 1] = _cut(out[first], [(m.start("at"), m.start("at"))])
    if separated:                        # (pieces of a separated line: most reports have none)
        out = [piece for b in out for piece in (_top(b, lx) if id(b) in separated else [b])]
    body = [i for i, b in enumerate(out) if not b.footer]
    if body:
        out[body[-1]:body[-1] + 1] = _closing_tail(out[body[-1]], lx)
    for i, b in enumerate(out):
        b.index = i
    return out


def _holding_pairs(blocks: list[Block], blanks: str) -> set:
    """The (start, end) of the blocks holding two of ``blanks`` side by side (every separator
    opens with such a pair), looked for in the blocks' own text, joined: the lines' indentation
    (spaces or 「　　」 before every paragraph) is no block's text. Only the pairs of the blanks
    the blocks hold at all are looked for (one ``in`` a blank: most reports hold one or two), and
    the blocks' places in the joined text are measured only when one of them is there (in most
    reports none is)."""
    hay = "\n".join([b.text for b in blocks])
    present = [c for c in blanks if c in hay]
    pairs = [a + c for a in present for c in present]
    if not any(p in hay for p in pairs):
        return set()
    own, at = [], 0
    for b in blocks:
        own.append((at, at + len(b.text)))
        at += len(b.text) + 1
    kept = set(holding(hay, pairs, own))
    return {(b.start, b.end) for b, o in zip(blocks, own) if o in kept}


def _piece(b: Block, s: int, e: int, glued: bool = False) -> Block | None:
    """The block for b.text[s:e], blanks trimmed (None when only blanks)."""
    piece = b.text[s:e]
    lead = len(piece) - len(piece.lstrip(_WS))
    piece = piece.strip(_WS)
    if not piece:
        return None
    out = Block(0, b.start + s + lead, b.start + s + lead + len(piece), piece)
    out.glued = glued
    return out


def _cut(b: Block, cuts: list[tuple[int, int]], glued: bool = False) -> list[Block]:
    """``b`` cut at the given (start, end) gaps (the gaps themselves dropped)."""
    out, pos = [], 0
    glued = glued or b.glued
    for s, e in cuts:
        p = _piece(b, pos, s, glued)
        if p is not None:
            out.append(p)
        pos = e
    p = _piece(b, pos, len(b.text), glued)
    if p is not None:
        out.append(p)
    return out


def _labelled(b: Block, lx) -> list[Block] | None:
    m = lx["label"].match(b.text)
    if m is None or m.end() >= len(b.text):
        return None
    return [_piece(b, 0, m.end()), _piece(b, m.end(), len(b.text))]


def _separated(b: Block, lx) -> list[Block] | None:
    runs = list(lx["separator"].finditer(b.text))
    if not runs:
        return None
    if len(runs) == 1:
        m = runs[0]
        before, after = b.text[:m.start()], b.text[m.end():]
        ended = before[-1] in lx["ends"] or numbering.match_token(before) is not None
        heading_next = numbering.match_token(after) is not None
        if not ((ended and heading_next) or (len(b.text) >= lx["long_line"] and (ended or heading_next))):
            return None       # one gap: a paragraph break only before a heading, or on a long line
    pieces = _cut(b, [(m.start(), m.end()) for m in runs])
    if len(b.text) < lx["long_line"] and not any(
            len(p.text) > lx["paragraph_min"] or any(c in p.text for c in lx["ends"]) for p in pieces):
        return None       # short cells in a row (「指标　　2021年　　2022年」), not paragraphs
    return pieces


def _top(b: Block, lx) -> list[Block]:
    """A piece of a separated line cut before a top-level heading glued to the sentence or the
    「如下：」 before it."""
    cuts = sorted({m.start("at") for m in lx["glued_top"].finditer(b.text)} - {0})
    return _cut(b, [(c, c) for c in cuts]) if cuts else [b]


def _glued_page(blocks: list[Block], lx) -> bool:
    """Whole parts on a few long lines, almost no line opening with a numbering token (separated
    pieces of such a line may still hold headings glued to the sentence before them)."""
    numbered = 0
    match_token = numbering.match_token
    for b in blocks:                    # (three are enough to tell: the rest is not asked)
        if match_token(b.text):
            numbered += 1
            if numbered == 3:
                return False
    return any(len(b.text) > lx["long_line"] for b in blocks)


def _glued(b: Block, lx) -> list[Block]:
    """A long glued line cut before its headings; a site footer glued to its end cut before
    each of its labels (those pieces are marked ``footer``)."""
    if len(b.text) <= lx["long_line"]:
        return [b]
    foot = next((m for m in lx["footer_start"].finditer(b.text, max(0, len(b.text) - lx["footer_max"]))
                 if not any(c in b.text[m.end():] for c in "。！？")), None)   # no sentence after it
    end = foot.start("at") if foot else len(b.text)
    cuts = {m.start("at") for rx in lx["glued_heading"] for m in rx.finditer(b.text, 0, end)}
    if len(cuts - {0}) < 2:
        cuts = set()          # one token after a colon in a long paragraph is no flattened page
    if foot:
        cuts |= {m.start("at") for m in lx["footer_label"].finditer(b.text, end)}
    cuts = sorted(cuts - {0})
    if not cuts:
        return [b]
    pieces = _cut(b, [(c, c) for c in cuts], glued=True)
    for p in pieces:
        p.footer = foot is not None and p.start >= b.start + end
    return pieces


def _closing_tail(b: Block, lx) -> list[Block]:
    """The last block with a closing glued to its end (「…能力。特此报告。某某局2019年1月15日」)
    cut into the text, 「特此报告。」, the issuer and the date. A block holding none of the strings
    the groups ``thanks`` and ``date`` need (:func:`_tail_needs`) has neither: it is not searched."""
    needs = _tail_needs(lx["closing_tail"].pattern)
    if needs is not None and not any(s in b.text for s in needs):
        return [b]
    m = lx["closing_tail"].search(b.text)
    if m is None or not (m.group("thanks") or m.group("date")):
        return [b]
    edges = sorted({m.start(g) for g in ("thanks", "issuer", "date") if m.group(g)} - {0})
    return _cut(b, [(c, c) for c in edges]) if edges else [b]


_needs: dict = {}


def _tail_needs(pattern: str):
    """The strings one of which every match of ``pattern`` with its group ``thanks`` or ``date``
    holds (the required literals of each group's own pattern), or None when one is not known."""
    if pattern not in _needs:
        got = []
        for name in ("thanks", "date"):
            source = group_source(pattern, name)
            needed = required_literals(source) if source else None
            if needed is None:
                got = None
                break
            got.extend(needed)
        _needs[pattern] = None if got is None else tuple(got)
    return _needs[pattern]
