"""Parse step 3: which blocks are headings (numbered, run-in, unnumbered, Markdown, Word styles),
and the heading tree (levels, parents, where each heading's part ends)."""
from __future__ import annotations

import re

from .. import numbering
from ..rulepack import regexcache
from ..chars import CLAUSE_PUNCT, CN_NUMERAL_CHARS, HAN_RE, SENTENCE_ENDS
from ..chars import WHITESPACE as _WS
from ..model import Block, Heading, kind_of
from .lexicon import lexicon

_DIGITS = regexcache.compile(r"\d{3,}(?!年)")        # three digits, not a year


MD_HEADING = regexcache.compile(r"^(#{1,6})\s+")

_MD_BOLD = regexcache.compile(r"^\*\*(.+?)\*\*\s*$")

def classify(blocks: list[Block], kinds: dict, source) -> tuple[list[Heading], dict]:
    """The headings among the paragraph blocks, in order, and the kinds with ``heading``, and
    ``closing`` for closing lines and the signature above them, added (``kinds``: the kinds decided
    so far, not changed); ``source`` gives the file's kind and its heading hints (Word styles)."""
    lx = lexicon()
    kinds = dict(kinds)
    kind = kinds.get                           # (model.kind_of, without a call a block)
    blocks = [b for b in blocks if kind(b.index, "paragraph") == "paragraph"]
    headings: list[Heading] = []
    long_after = _has_long_paragraph_after(blocks)
    closing = lx["closing"].match
    needs = _needs(lx["closing"].pattern)      # (a block holding none of them is no closing line)
    last = len(blocks) - 1
    md = source.kind == "md"
    match_token = numbering.match_token
    for pos, b in enumerate(blocks):
        text = b.text
        if needs is None:
            held = True
        else:                                  # (one of them in the text: tested in the loop, no call a block)
            for s in needs:
                if s in text:
                    held = True
                    break
            else:
                held = False
        if held and closing(text):
            kinds[b.index] = "closing"
            continue
        if md:
            h = _markdown_heading(b)
        else:                                  # (_numbered_heading, written in the loop)
            tok = match_token(text)
            h = None if tok is None else _titled(b, tok, text[tok.length:], b.start + tok.length, tok.family)
        if h is None and pos < last and long_after[pos] and _unnumbered_heading_candidate(b.text):
            h = Heading(b, None, b.text.strip(_WS), b.start, b.end, False, "none")
        hint = source.hints.get(source.position(b.start)[0]) if source.hints else None
        if h is None and hint:
            h = Heading(b, None, b.text.strip(_WS), b.start, b.end, False, "none")
        if h is not None:
            h.hint_level = hint or h.hint_level
            kinds[b.index] = "heading"
            headings.append(h)
    _signature(blocks, kinds, lx)
    return headings, kinds


_NEEDS: dict = {}


def _needs(pattern: str):
    """The strings one of which every match of ``pattern`` holds (its required literals), or None."""
    if pattern not in _NEEDS:
        _NEEDS[pattern] = regexcache.required_literals(pattern)
    return _NEEDS[pattern]


def _signature(blocks, kinds, lx):
    """The issuer's name signed above (or below) the closing date: short lines without sentence
    punctuation next to a closing line, after the last long paragraph."""
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        kind = kind_of(kinds, b)
        if kind == "closing":
            continue
        near = (i + 1 < len(blocks) and kind_of(kinds, blocks[i + 1]) == "closing") or (
            i > 0 and kind_of(kinds, blocks[i - 1]) == "closing")
        if kind == "paragraph" and near and len(b.text) <= lx["signature_max"] \
                and not any(c in b.text for c in CLAUSE_PUNCT) and numbering.match_token(b.text) is None:
            kinds[b.index] = "closing"
            continue
        if len(b.text) > 60 or kind == "heading":
            break

def _numbered_heading(b: Block) -> Heading | None:
    tok = numbering.match_token(b.text)
    if tok is None:
        return None
    t_start = b.start + tok.length
    rest = b.text[tok.length:]
    return _titled(b, tok, rest, t_start, tok.family)

def _titled(b, tok, rest, t_start, style):
    """Standalone heading if the rest is one short line; otherwise a run-in heading. A heading
    glued to its body (nothing between them on a flattened page) ends at its first clause mark
    when its first sentence is too long to be a title."""
    m = _SENTENCE_END.search(rest)             # (the first sentence end: a search, no call)
    cut = None if m is None else m.start()
    if b.glued:
        glued = _glued_title(b, tok, rest, t_start, style, cut)
        if glued is not None:
            return glued
    if cut is None or (len(rest) <= 60 and cut >= len(rest.rstrip(_END_BLANK))):
        title = rest.rstrip(_WS).rstrip("。")
        return Heading(b, tok, title, t_start, t_start + len(title), False, style)
    title = rest[:cut]
    return Heading(b, tok, title, t_start, t_start + cut + 1, True, style)

def _glued_title(b, tok, rest, t_start, style, cut):
    """A heading glued to its body: its title ends at the first clause mark or run-in item
    (「一是」) when its first sentence is longer than a title, or is the block's only sentence
    and has a clause mark; None when it reads as an ordinary heading."""
    limit = lexicon()["flat"]["glued_title_max"]
    end = len(rest) if cut is None else cut
    marks = [i for i, ch in enumerate(rest[:end]) if ch in CLAUSE_PUNCT + "：:"]
    item = _RUN_IN_ITEM.search(rest, 2, end)
    if item is not None:
        marks.append(item.start())
    only = cut is not None and cut >= len(rest.rstrip(_END_BLANK))
    if item is None and not (end > limit or (only and marks)):
        return None
    if not marks or min(marks) > limit:
        return Heading(b, tok, rest[:limit], t_start, t_start + limit, True, style)
    mark = min(marks)
    skip = 1 if rest[mark] in CLAUSE_PUNCT + "：:" else 0
    return Heading(b, tok, rest[:mark], t_start, t_start + mark + skip, True, style)

_END_BLANK = "。" + _WS

_RUN_IN_ITEM = regexcache.compile(f"(?:[{CN_NUMERAL_CHARS}]{{1,2}}是|其[{CN_NUMERAL_CHARS}])")

_SENTENCE_END = regexcache.compile(f"[{re.escape(SENTENCE_ENDS)}]")


def _markdown_heading(b: Block) -> Heading | None:
    m = MD_HEADING.match(b.text)
    bold = _MD_BOLD.match(b.text)
    if m:
        inner = b.text[m.end():]
        tok = numbering.match_token(inner)
        t_off = m.end() + (tok.length if tok else 0)
        title = b.text[t_off:].strip(_WS + "#").strip("*")
        h = Heading(b, tok, title, b.start + t_off, b.end, False, tok.family if tok else "md")
        h.hint_level = len(m.group(1))
        return h
    if bold:
        inner = bold.group(1)
        tok = numbering.match_token(inner)
        title = inner[tok.length:] if tok else inner
        return Heading(b, tok, title, b.start + 2 + (tok.length if tok else 0), b.end - 2, False,
                       tok.family if tok else "none")
    return _numbered_heading(b)

def _unnumbered_heading_candidate(text: str) -> bool:
    """A short line with no sentence punctuation, mostly CJK: a heading without a number."""
    if len(text) < 4 or (len(text) > 40 and text[0] not in _WS and text[-1] not in _WS):
        return False                # (stripping cannot lengthen it, nor shorten a text without blanks
    t = text.strip(_WS)             # at its ends)
    if not (4 <= len(t) <= 40):
        return False
    if any(c in t for c in SENTENCE_ENDS) or t[-1] in "，,、：:（(“\"":
        return False
    if _DIGITS.search(t):
        return False
    cjk = len(HAN_RE.findall(t))
    return cjk >= 4 and cjk >= 0.6 * len(t)

def _has_long_paragraph_after(blocks):
    """For each position: is there real running text (a long block) somewhere after it?"""
    out = [False] * len(blocks)
    seen = False
    for i in range(len(blocks) - 1, -1, -1):
        out[i] = seen
        if len(blocks[i].text) > 60:
            seen = True
    return out

_HOLE_LOOKAHEAD = 64     # headings an unnumbered heading looks ahead for the list it stands in

def _fills_hole(following, stack):
    """The family on the stack whose next number skips exactly one value after this unnumbered
    heading (（二）, unnumbered, （四）): the unnumbered heading stands in for the missing number."""
    fams = [f for f, _ in stack]
    for n in following:
        if n.token is None or n.style not in fams:
            continue
        prev = stack[fams.index(n.style)][1]
        if prev.token is not None and n.value == prev.value + 2:
            return n.style
        return None
    return None

def build_tree(headings: list[Heading], text_end: int):
    """Assign levels and parents.

    Numbered headings: a family already on the stack closes everything below it (a sibling);
    a new family opens a child level. Markdown ``#`` levels, when present, win. An unnumbered
    heading stands in the level its neighbours imply: if the next numbered heading starts a new
    list (value 1) it is that list's parent, otherwise it is the next heading's sibling.
    """
    stack: list[tuple[str, Heading]] = []
    fams: list[str] = []        # the families on the stack, kept beside it (not rebuilt a heading)
    # The next numbered heading after each position, found in one backward pass (a forward scan
    # from every unnumbered heading made a long run of them quadratic).
    next_numbered: list = [None] * len(headings)
    upcoming = None
    for i in range(len(headings) - 1, -1, -1):
        next_numbered[i] = upcoming
        if headings[i].token is not None:
            upcoming = headings[i]
    for i, h in enumerate(headings):
        if h.hint_level and h.token is None:
            # A heading known only by its style (Markdown #, Word 标题 N): it closes every
            # numbered list below it and every styled heading at its depth or deeper.
            depth = h.hint_level
            while stack and not (fams[-1].startswith("#") and int(fams[-1][1:]) < depth):
                stack.pop()
                fams.pop()
            family = f"#{depth}"
        else:
            family = h.style
            if h.token is None:
                nxt = next_numbered[i]
                hole = _fills_hole(headings[i + 1:i + 1 + _HOLE_LOOKAHEAD], stack)
                if hole is not None:
                    family = hole
                elif nxt is not None and nxt.style in fams:
                    idx = fams.index(nxt.style)
                    if nxt.value == 1 and idx > 0:
                        idx -= 1
                    family = fams[idx]
                elif nxt is not None and nxt.value == 1 and stack:
                    family = f"none@{len(stack) + 1}"
                elif stack:
                    family = fams[-1]
                else:
                    family = "none@1"
            if family in fams:
                k = fams.index(family)
                del stack[k:]
                del fams[k:]
        parent = h.parent = stack[-1][1] if stack else None
        if parent is not None:          # (children in the headings' order, as one pass after made them)
            parent.children.append(h)
        stack.append((family, h))
        fams.append(family)
        h.level = len(stack)
    # Each heading's part ends where the next heading at the same or a higher level starts
    # (one pass with a stack of the still-open headings, levels increasing).
    open_: list[Heading] = []
    for n in headings:
        while open_ and open_[-1].level >= n.level:
            open_.pop().end = n.block.start    # (Heading.start, without the property's call)
        open_.append(n)
    for h in open_:
        h.end = text_end
