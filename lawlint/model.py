"""The document model: blocks (one per non-empty line), headings with their tree, sentences.

Every span keeps its offset in ``source.text`` so findings map back to a line and a column. The
parse steps that build it are in ``lawlint/parse/``; :class:`lawlint.parse.document.Document` ties
them together.
"""
from __future__ import annotations

import re
from .plain import dataclass, field

from . import numbering
from .rulepack import regexcache
from .chars import CLOSERS, SENTENCE_ENDS
from .chars import WHITESPACE as _WS


# slots: a long report has hundreds of thousands of blocks, headings and sentences (a __dict__
# each doubled the parsed model's memory)
@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str

    def __init__(self, start, end, text):      # (the hot classes write their own: plain's is generic)
        self.start, self.end, self.text = start, end, text

@dataclass(eq=False, slots=True)
class Block:
    index: int
    start: int            # offset of the first non-blank character
    end: int              # offset just past the last non-blank character
    text: str
    kind: str = "paragraph"   # paragraph | heading | title | issuer | addressee | docnumber |
                              # chrome | page | closing
    heading: "Heading | None" = None
    glued: bool = False       # cut out of a line whose paragraphs had nothing between them
    footer: bool = False      # cut out of a site footer glued to such a line
    _sentences: list | None = field(default=None, repr=False)   # split on first use

    def __init__(self, index, start, end, text, kind="paragraph", heading=None, glued=False, footer=False,
                 _sentences=None):
        # (one assignment a slot: a multiple assignment of more than three builds and unpacks a
        # tuple, ≈0.7 k instructions a block; a report's parse makes a few hundred)
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.heading = heading
        self.glued = glued
        self.footer = footer
        self._sentences = _sentences

    @property
    def body_start(self) -> int:
        """Where the running text starts (after a run-in heading's title, or the block start)."""
        h = self.heading
        if h is None:
            return self.start
        return h.title_end if h.run_in else self.end

    def sentences(self) -> list[Sentence]:
        """The block's sentences, split once (several part detectors read them)."""
        got = self._sentences
        if got is None:
            got = self._sentences = split_sentences(self.text, self.start)
        return got

def kind_of(kinds: dict, b: Block) -> str:
    """A block's kind as the parse steps so far decided it (``kinds``: block index → kind; a
    paragraph until a step says otherwise). The steps return kinds; the Document's maker sets each
    block's ``kind`` once, from the last step's answer."""
    return kinds.get(b.index, "paragraph")

@dataclass(eq=False, slots=True)
class Heading:
    block: Block
    token: numbering.Token | None
    title: str
    title_start: int
    title_end: int
    run_in: bool
    style: str                 # numbering family, "none" (unnumbered) or "md"
    level: int = 0
    parent: "Heading | None" = None
    children: list = field(default_factory=list)
    end: int = 0               # offset where this heading's part ends (next heading at same/higher level)
    hint_level: int | None = None

    def __init__(self, block, token, title, title_start, title_end, run_in, style, level=0, parent=None,
                 children=None, end=0, hint_level=None):
        self.block = block              # (one assignment a slot, as Block's)
        self.token = token
        self.title = title
        self.title_start = title_start
        self.title_end = title_end
        self.run_in = run_in
        self.style = style
        self.level = level
        self.parent = parent
        self.children = [] if children is None else children
        self.end = end
        self.hint_level = hint_level

    @property
    def value(self):
        return self.token.value if self.token else None

    @property
    def start(self) -> int:
        return self.block.start

    def path(self) -> list["Heading"]:
        node, out = self, []
        while node is not None:
            out.append(node)
            node = node.parent
        return out[::-1]

_SENT_STOP = regexcache.compile(f"[{re.escape(SENTENCE_ENDS)}\n][{re.escape(CLOSERS)}]*")   # an end, its closers
_STRIP = _WS + "\n"
_new = object.__new__

def split_sentences(text: str, base: int = 0) -> list[Sentence]:
    """Split on 。！？； (and ASCII ! ? ;), keeping closing quotes/brackets with their sentence."""
    # The regex finds the ends (a Python loop per character cost more). Several rules read every
    # sentence of the report: each is stripped once, its lead measured only when it has one, and
    # made without a call to __init__ (its three slots set here).
    out, start, strip, new = [], 0, _STRIP, _new
    for m in _SENT_STOP.finditer(text):
        j = m.end()
        seg = text[start:j]
        body = seg.strip(strip)
        if body:
            s = new(Sentence)
            s.start = base + start + (len(seg) - len(seg.lstrip(strip)) if seg[0] in strip else 0)
            s.end, s.text = base + j, body
            out.append(s)
        start = j
    seg = text[start:]
    body = seg.strip(strip)
    if body:
        lead = len(seg) - len(seg.lstrip(strip))
        out.append(Sentence(base + start + lead, base + start + lead + len(body), body))
    return out
