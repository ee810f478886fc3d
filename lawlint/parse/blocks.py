"""Parse step 1: lines → blocks (a flattened page is given back its paragraphs in ``flat``); page
numbers and web-page chrome marked."""
from __future__ import annotations

import re

from .. import numbering
from ..chars import WHITESPACE as _WS
from ..model import Block
from ..rulepack.literals import holding, required
from ..rulepack.regexcache import required_literals
from ..loaders.source import Source
from . import anyof, linestart
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
        # (the first non-blank character's first place is where the stripped text starts: no
        # copy of the line's rest, as ``lstrip`` made, to measure its lead; none at all when the
        # line had no blank to strip: ``strip`` gave the line itself)
        start = offset if stripped is line else offset + (line.find(stripped[0]) if stripped else len(line))
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
                else:                               # (made here: no tuple and second pass a line)
                    blocks.append(Block(len(blocks), start, end, stripped))
        offset += len(line) + 1
    if pending is not None:
        blocks.append(pending)
    if not md:
        return blocks
    return [b if type(b) is Block else Block(i, b[0], b[1], text[b[0]:b[1]] if b[2] is None else b[2])
            for i, b in enumerate(blocks)]

def _md_breaks(line):
    return bool(MD_HEADING.match(line) or numbering.match_token(line) or line.startswith(("<!--", "- ", "* ", ">")))

BODY_KINDS = ("paragraph", "heading")


def body_of(blocks: list[Block]) -> list[Block]:
    """Blocks that are the report's own text (no chrome, title, issuer or closing lines)."""
    return [b for b in blocks if b.kind in BODY_KINDS]


def mark_chrome(blocks: list[Block], text: str | None = None) -> tuple[dict, dict]:
    """Page numbers and web-page chrome: (block index → ``page`` or ``chrome``, the dates chrome
    lines state: ``{"date_published": "2023-03-01"}``, keys from ``chrome.dates``). ``text``: the
    text the blocks were cut from (each block's text is ``text[b.start:b.end]``), searched for
    the patterns' literals in place of the blocks joined one a line (None: they are joined)."""
    lx = lexicon()
    plan = _plan(lx)
    kinds: dict = {}
    dates: dict = {}
    short_max = lx["footer_max_line"]
    head_end = next((b.index for b in blocks if len(b.text) > short_max
                     or numbering.match_token(b.text)), len(blocks))
    # Only the patterns whose required literals the blocks hold can match one (most chrome
    # patterns never match a report's own text): found with a few str.find over all blocks.
    # Patterns anchored at the line's start are tried once per block, joined into one call
    # (lawlint.parse.anyof), and only in the blocks whose first character one of them may take
    # (lawlint.parse.linestart); any other block can only be a site footer's piece or a byline.
    # What depends on the lexicon only is prepared once (:func:`_plan`).
    labels_max = lx["labels_max_line"]        # (labels are asked of short blocks only: their literals there)
    # (the short blocks joined: their text, not the whole report's, is searched for the labels' literals)
    labelled_by = _searcher(None, blocks, *_joined(blocks, labels_max), prepared=plan.labels)
    if text is None:
        hay, spans, _ = _joined(blocks)
        index = None
    else:                                     # (the blocks' places in the text: no joined copy)
        index = {(b.start, b.end): i for i, b in enumerate(blocks)}
        hay, spans = text, list(index)
    crumb = _searcher(None, blocks, hay, spans, prepared=plan.crumb, index=index)
    footer_line = _searcher(None, blocks, hay, spans, prepared=plan.footer, index=index)
    # The groups told by literals rather than a first character (the trail 「首页 > …」): the
    # blocks holding them found once over ``hay`` (the few str.find the scan of the blocks'
    # starts made), not by ``in`` tests of each asked block's text (:func:`_told`).
    told = _told(plan, blocks, hay, spans, index) if plan.told is not None else None
    asked = _asked(lx, blocks, hay, spans, (labelled_by, crumb, footer_line),
                   plan.scan if told is None else plan.bare, plan.may, index)
    page, line = plan.page, plan.line
    byline = lx["byline"]
    # Which of the groups of patterns tried at a block's start may match it, told by its first
    # character (lawlint.parse.linestart.grouped): a block opening with a digit is asked whether it
    # is a page number, not whether it is a toolbar or a footer. Every group when all is asked.
    may = plan.may if asked is not None and plan.may is not None else _EVERY
    if told is not None and asked is not None:
        asked.update(told)
    labels_rest, crumb_rest, footer_rest = labelled_by.others, crumb.others, footer_line.others
    labels_hits, crumb_hits, footer_hits = labelled_by.hits, crumb.hits, footer_line.hits
    for i, b in enumerate(blocks):
        text = b.text
        short = len(text) <= short_max
        if asked is not None and i not in asked:
            if b.footer or (short and byline is not None and b.index < head_end and byline.match(text)):
                _chrome(b, kinds, dates, lx)
            continue
        m = may(text) if told is None or may is _EVERY else may[text[:1]] | told.get(i, 0)
        if m & _PAGE and page(text.strip(_WS)):
            kinds[b.index] = "page"            # a page number from a printed or PDF copy
            continue
        labelled = len(text) <= labels_max and (i in labels_hits or (m & _LABELS and labels_rest(text)))
        if labelled or b.footer or i in crumb_hits or (m & _CRUMB and crumb_rest(text)) or (
                short and ((m & _LINE and line(text)) or (
                    byline is not None and b.index < head_end
                    and byline.match(text)))):
            _chrome(b, kinds, dates, lx)
    # Footer: from the first footer line after which every remaining block is short (known from
    # the last block that is not: asking each footer line about all the rest was quadratic).
    last_long = -1
    for i in range(len(blocks) - 1, -1, -1):     # (from the end: the last long block is near it)
        r = blocks[i]
        if len(r.text) > short_max and kinds.get(r.index) != "chrome":
            last_long = i
            break
    for i in range(last_long + 1, len(blocks)) if asked is None else sorted(i for i in asked if i > last_long):
        text = blocks[i].text
        m = may(text) if told is None or may is _EVERY else may[text[:1]] | told.get(i, 0)
        if i in footer_hits or (m & _FOOTER and footer_rest(text)):
            for r in blocks[i:]:
                kinds[r.index] = "chrome"
            break
    return kinds, dates


_PAGE, _LINE, _LABELS, _CRUMB, _FOOTER = 1, 2, 4, 8, 16     # the groups of :class:`_Plan`'s ``may``


def _told(plan, blocks, hay, spans, index) -> dict:
    """Block position → the bits of the groups of ``plan.may`` told by literals (``may.told``)
    whose literals the block holds: what ``plan.may(text)`` adds to its first character's bits,
    found with one :func:`holding` a group over ``hay`` (a superset where a string is frequent)."""
    at = index if index is not None else {s: i for i, s in enumerate(spans)}
    out: dict = {}
    for bit, strings in plan.told:
        for s in holding(hay, strings, spans):
            i = at[s]
            out[i] = out.get(i, 0) | bit
    return out


def _EVERY(text):
    return 31


def _never(text):
    return False


def _chrome(b: Block, kinds: dict, dates: dict, lx) -> None:
    kinds[b.index] = "chrome"
    for key, rx in lx["dates"].items():
        m = rx.search(b.text)
        if m:
            dates[f"date_{key}"] = "%04d-%02d-%02d" % tuple(int(g) for g in m.groups())


def _asked(lx, blocks, hay: str, spans, searchers, scan=False, may=None, index=None) -> set | None:
    """The positions of the blocks a chrome pattern may match (a superset): those where the scan
    of the patterns tried at a block's start finds one may (:mod:`lawlint.parse.linestart`), those
    holding the literals of another (the searchers' ``hits``), and any block opening with a blank
    (page numbers are matched in its stripped text: its first character is the block's when the
    block opens with none). None: every block is to be asked. ``scan``: the plan's
    :func:`lawlint.parse.linestart.scanner`, when prepared (:func:`_plan`); ``may``, ``index``:
    the plan's groups and the spans' positions (:func:`lawlint.parse.linestart.opening`)."""
    if scan is False:
        scan = linestart.scanner(lx["page_number"] + lx["line"], [p for s in searchers for p in s.rest], _WS)
    found = linestart.opening(scan, blocks, hay, spans, may, index)
    if found is None:
        return None
    for s in searchers:
        found |= s.hits
    return found


def _joined(blocks, longest=None):
    """(the texts of ``blocks`` of at most ``longest`` characters (None: all) joined one a line,
    their (start, end) in it, their positions in ``blocks``, None for all)."""
    where = None if longest is None else [i for i, b in enumerate(blocks) if len(b.text) <= longest]
    if where is not None and len(where) == len(blocks):
        where = None
    texts = [b.text for b in blocks] if where is None else [blocks[i].text for i in where]
    spans, at = [], 0
    for t in texts:
        spans.append((at, at + len(t)))
        at += len(t) + 1
    return "\n".join(texts), spans, where


def _searcher(patterns, blocks, hay: str, spans, where=None, prepared=None, index=None):
    """``(i, text) -> bool``: does one of ``patterns`` match somewhere in ``text``, the text of
    ``blocks[i]``? The patterns anchored at the start are tried once per block, joined into one
    call (:mod:`lawlint.parse.anyof`). Any other is searched only in the blocks that hold one of
    the strings every match of it contains (:func:`lawlint.rulepack.literals.required`, found with
    a few ``str.find`` over ``hay``, the blocks joined one a line, ``spans`` their places in it;
    ``where``: the positions in ``blocks`` of those joined, when not all are, :func:`_joined`): a
    metadata pattern 「(索引号|发布机构|…)\\s*[\\]】:：]」 had been searched through every paragraph.
    (An anchored pattern is one try per block: the finds would cost more.) The function's
    ``hits`` are the positions of the blocks the latter match, ``rest`` the patterns tried in
    every block. ``prepared``: :func:`_prepared` of the patterns, made once a lexicon; ``index``:
    each span's position in ``blocks``, when the caller has it (``where`` is then not read)."""
    rest, needs, others = prepared or _prepared(patterns)
    hits: set = set()
    for p, needed in needs:
        index = index or {s: (k if where is None else where[k]) for k, s in enumerate(spans)}
        search = p.search
        hits.update(i for i in (index[s] for s in holding(hay, needed, spans))
                    if i not in hits and search(blocks[i].text))
    if not rest:
        def test(i, text):
            return i in hits
    else:
        def test(i, text):
            return i in hits or others(text)
    test.hits, test.rest, test.others = hits, rest, others or _never
    return test


class _Plan:
    """What the chrome step asks of every report, prepared once for a lexicon: the searchers'
    patterns split (:func:`_prepared`), the scan of the first characters, the joined matchers."""

    __slots__ = ("lexicon", "labels", "crumb", "footer", "scan", "page", "line", "may", "told", "bare")

    def __init__(self, lx):
        self.lexicon = lx
        self.labels = _prepared(lx["labels"])
        self.crumb = _prepared(lx["breadcrumb"] + lx["metadata"])
        self.footer = _prepared(lx["footer"])
        rest = [p for got in (self.labels, self.crumb, self.footer) for p in got[0]]
        self.scan = linestart.scanner(lx["page_number"] + lx["line"], rest, _WS)
        self.page = anyof.matcher(lx["page_number"])
        self.line = anyof.matcher(lx["line"])
        self.may = linestart.grouped([(lx["page_number"], ()), (lx["line"], ()), ((), self.labels[0]),
                                      ((), self.crumb[0]), ((), self.footer[0])], _WS)   # (bits: _PAGE …)
        # (the scan's literal sets are the groups' told ones, one a group: found once, :func:`_told`)
        told = self.may.told if self.may is not None and self.scan is not None else None
        same = told is not None and sorted(tuple(sorted(n)) for n in self.scan[1]) == sorted(
            tuple(sorted(strings)) for _, strings in told)
        self.told = told if same and told else None
        self.bare = (self.scan[0], ()) if self.told is not None else None


_plans: list = []


def _plan(lx) -> _Plan:
    """The chrome plan of the lexicon ``lx`` (made on first use; lexicon() is made once)."""
    for plan in _plans:
        if plan.lexicon is lx:
            return plan
    plan = _Plan(lx)
    _plans[:] = [plan]
    return plan


def _prepared(patterns):
    """(the patterns tried in every block, [(pattern, its needed strings)] for the others
    (:func:`_split`), the joined search of the former (:func:`lawlint.parse.anyof.searcher`))."""
    rest, needs = _split(tuple(patterns))
    return rest, needs, anyof.searcher(rest) if rest else None


_splits: dict = {}


def _split(patterns: tuple):
    """(the patterns tried in every block, [(pattern, the strings one of which each of its
    matches holds)] for the others), once a process for a list."""
    key = tuple((p.pattern, p.flags) for p in patterns)
    got = _splits.get(key)
    if got is None:
        rest, needs = [], []
        for p in patterns:
            needed = None if p.pattern.startswith("^") else \
                required_literals(p.pattern) if p.flags == re.UNICODE else required(p.pattern, p.flags)
            if needed is None:
                rest.append(p)
            else:
                needs.append((p, needed))
        got = _splits[key] = (rest, needs)
    return got
