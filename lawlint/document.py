"""Parse a Source into a Document: front matter, a heading tree, paragraphs and sentences.

Reports are written one paragraph per line. A block is one non-empty line (a Markdown paragraph
may span several). Each block is front matter (title, issuer), web-page chrome, a heading
(numbered, run-in, unnumbered or Markdown), a closing line, or a paragraph. Every span keeps its
offset in ``source.text`` so findings map back to a line and a character column.

Tokens (jieba) are not computed here: ``Document.tokens`` segments on first use only, so a run
whose rules need no word boundaries never loads a dictionary.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from . import numbering, regexcache
from .chars import CLAUSE_PUNCT, CLOSERS, HAN_RE, SENTENCE_ENDS, SPACE_CLASS
from .chars import WHITESPACE as _WS
from .script import simplify
from .suppress import is_directive
from .source import Source

_MD_HEADING = regexcache.compile(r"^(#{1,6})\s+")
_MD_BOLD = regexcache.compile(r"^\*\*(.+?)\*\*\s*$")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    from .resources import load_data
    data = load_data("document.yaml")
    chrome = data["chrome"]
    return {
        "breadcrumb": [regexcache.compile(p) for p in chrome["breadcrumb"]],
        "metadata": [regexcache.compile(p) for p in chrome["metadata"]],
        "footer": [regexcache.compile(p) for p in chrome["footer"]],
        "footer_max_line": chrome["footer_max_line"],
        "line": [regexcache.compile(p) for p in chrome.get("line", [])],
        "byline": regexcache.compile(chrome["byline"]) if chrome.get("byline") else None,
        "dates": {k: regexcache.compile(v) for k, v in chrome["dates"].items()},
        "page_number": [regexcache.compile(p) for p in data.get("page_number", [])],
        "title_must": regexcache.compile(data["title"]["must"]),
        "title_any": regexcache.compile(data["title"]["any"]),
        "title_max": data["title"]["max_length"],
        "not_title": regexcache.compile(data["title"]["not_title"]),
        "cover_letter": regexcache.compile(data["cover_letter"]["pattern"]),
        "cover_blocks": data["cover_letter"]["blocks"],
        "issuer": regexcache.compile(data["issuer"]),
        "closing": regexcache.compile(data["closing"]),
        "year": {k: regexcache.compile(v) for k, v in data["year"].items()},
        "issuer_in_opening": regexcache.compile(data["issuer_in_opening"]),
        "inline_item": regexcache.compile(data["inline_item"]),
    }


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass(eq=False)
class Block:
    index: int
    start: int            # offset of the first non-blank character
    end: int              # offset just past the last non-blank character
    text: str
    kind: str = "paragraph"   # paragraph | heading | title | issuer | chrome | page | closing
    heading: "Heading | None" = None

    @property
    def body_start(self) -> int:
        """Where the running text starts (after a run-in heading's title, or the block start)."""
        h = self.heading
        if h is None:
            return self.start
        return h.title_end if h.run_in else self.end

    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.start)


@dataclass(eq=False)
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


def split_sentences(text: str, base: int = 0) -> list[Sentence]:
    """Split on 。！？； (and ASCII ! ? ;), keeping closing quotes/brackets with their sentence."""
    out, start = [], 0
    for m in _SENT_STOP.finditer(text):      # the regex finds the ends; a Python loop per character cost more
        j = m.end()
        seg = text[start:j]
        if seg.strip(_WS + "\n"):
            lead = len(seg) - len(seg.lstrip(_WS + "\n"))
            out.append(Sentence(base + start + lead, base + j, seg.strip(_WS + "\n")))
        start = j
    seg = text[start:]
    if seg.strip(_WS + "\n"):
        lead = len(seg) - len(seg.lstrip(_WS + "\n"))
        out.append(Sentence(base + start + lead, base + start + lead + len(seg.strip(_WS + "\n")),
                            seg.strip(_WS + "\n")))
    return out


class Document:
    """A parsed report. Built once per file; every check reads the same object."""

    def __init__(self, source: Source, year: int | None = None):
        self.source = source
        # A Traditional text is read through its same-length Simplified copy (lawlint/script.py):
        # every rule matches Simplified wording, offsets stay the original's.
        self.script = simplify(source.text)
        self.text = self.script.simplified
        self.blocks: list[Block] = _split_flattened(_split_blocks(source, self.text), self.text)
        self.meta: dict = dict(source.meta)
        self._mark_chrome()
        self.title: Block | None = None
        self.issuer: str | None = None
        self._front_matter()
        self.headings: list[Heading] = []
        self._classify()
        _build_tree(self.headings, len(self.text))
        self.year_source = "option" if year else None
        self.year = year or self._detect_year()
        if self.issuer is None:
            self.issuer = self._issuer_from_opening()
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

    def position(self, offset: int) -> tuple[int, int]:
        return self.source.position(offset)

    def tokens(self, start: int, end: int) -> list[tuple[str, int]]:
        """jieba words of text[start:end] with their offsets, segmented on first use only."""
        key = (start, end)
        if key not in self._tokens:
            from .segment import segment
            self._tokens[key] = [(w, start + off) for w, off in segment(self.text[start:end])]
        return self._tokens[key]

    # -- parsing steps -----------------------------------------------------------------------
    def _mark_chrome(self):
        lx = lexicon()
        head_end = next((b.index for b in self.blocks if len(b.text) > lx["footer_max_line"]
                         or numbering.match_token(b.text)), len(self.blocks))
        for b in self.blocks:
            if any(p.match(b.text.strip(_WS)) for p in lx["page_number"]):
                b.kind = "page"            # a page number from a printed or PDF copy
                continue
            short = len(b.text) <= lx["footer_max_line"]
            if any(p.search(b.text) for p in lx["breadcrumb"] + lx["metadata"]) or (
                    short and (any(p.match(b.text) for p in lx["line"]) or (
                        lx["byline"] is not None and b.index < head_end
                        and lx["byline"].match(b.text)))):
                b.kind = "chrome"
                for key, rx in lx["dates"].items():
                    m = rx.search(b.text)
                    if m:
                        self.meta[f"date_{key}"] = "%04d-%02d-%02d" % tuple(int(g) for g in m.groups())
        # Footer: from the first footer line after which every remaining block is short.
        for i, b in enumerate(self.blocks):
            if any(p.search(b.text) for p in lx["footer"]):
                rest = self.blocks[i:]
                if all(len(r.text) <= lx["footer_max_line"] for r in rest):
                    for r in rest:
                        r.kind = "chrome"
                    break

    def _front_matter(self):
        """Title and issuer: short lines before the first heading or long paragraph; or, when the
        text opens with a cover letter (an addressee, 「现将……报告如下」, its signature and date),
        the same after it."""
        lx = lexicon()
        if self._pick_title(self._front(0, 4), lx):
            return
        cover = [b.index for b in self.blocks[:lx["cover_blocks"]]
                 if b.kind != "chrome" and lx["cover_letter"].search(b.text)]
        if cover:
            self._pick_title(self._front(cover[-1] + 1, 6), lx)

    def _front(self, first: int, most: int) -> list:
        lx = lexicon()
        front = []
        for b in self.blocks[first:]:
            if b.kind == "chrome":
                continue
            text = _MD_HEADING.sub("", b.text).strip("*# ")
            if len(text) > lx["title_max"] or numbering.match_token(text):
                break
            front.append((b, text))
            if len(front) >= most:
                break
        return front

    def _pick_title(self, front, lx) -> bool:
        for i, (b, text) in enumerate(front):
            if not lx["title_must"].search(text) or text.endswith(("。", "：", ":")) \
                    or lx["not_title"].match(text):
                continue
            # A title split over two lines: "关于2021年度法治政府建设" / "情况的报告".
            second = None
            if not lx["title_any"].search(text):
                if i + 1 < len(front) and not _has_sentence_punct(text):
                    nb, ntext = front[i + 1]
                    if lx["title_any"].search(ntext) and len(ntext) <= 20:
                        second = nb
                if second is None:
                    continue
            b.kind = "title"
            self.title = b
            if second is not None:
                second.kind = "title"
            prev = [f for f in front[:i] if f[0].kind != "chrome"]
            for pb, ptext in prev:
                if lx["issuer"].search(ptext) and not _has_sentence_punct(ptext):
                    pb.kind = "issuer"
                    self.issuer = ptext
            if self.issuer is None:
                m = re.match(r"^(.{2,30}?)(?:关于|\d{4}\s*年)", text)
                if m and lx["issuer"].search(m.group(1)):
                    self.issuer = m.group(1)
            return True
        return False

    def _classify(self):
        lx = lexicon()
        blocks = [b for b in self.blocks if b.kind == "paragraph"]
        long_after = _has_long_paragraph_after(blocks)
        for pos, b in enumerate(blocks):
            text = b.text
            if lx["closing"].match(text):
                b.kind = "closing"
                continue
            h = _numbered_heading(b) if self.source.kind != "md" else _markdown_heading(b)
            if h is None and _unnumbered_heading_candidate(b.text) and long_after[pos] \
                    and pos + 1 < len(blocks):
                h = Heading(b, None, b.text.strip(_WS), b.start, b.end, False, "none")
            hint = self.source.hints.get(self.source.position(b.start)[0]) if self.source.hints else None
            if h is None and hint:
                h = Heading(b, None, b.text.strip(_WS), b.start, b.end, False, "none")
            if h is not None:
                h.hint_level = hint or h.hint_level
                b.kind = "heading"
                b.heading = h
                self.headings.append(h)

    def _detect_year(self):
        lx = lexicon()["year"]
        if self.title is not None:
            m = lx["title"].search(self.title.text)
            if m:
                self.year_source = "title"
                return year_value(m.group(1))
        body = self.body_blocks
        for b in body[:3]:
            if b.kind == "paragraph":
                m = lx["opening"].match(b.text.strip(_WS))
                if m:
                    self.year_source = "opening"
                    return int(m.group(1))
        for b in body[:6]:
            m = lx["subject"].search(b.text)
            if m:
                self.year_source = "opening"
                return int(m.group(1))
        for h in self.headings:
            m = lx["plan"].search(h.title)
            if m:
                self.year_source = "plans"
                return int(m.group(1)) - 1
        return None

    def _issuer_from_opening(self):
        lx = lexicon()
        for b in self.body_blocks[:2]:
            if b.kind == "paragraph":
                m = lx["issuer_in_opening"].match(b.text.strip(_WS))
                if m:
                    return m.group(1)
        return None


def _has_sentence_punct(text):
    return any(c in text for c in CLAUSE_PUNCT)


def _split_blocks(source: Source, text: str) -> list[Block]:
    blocks, offset = [], 0
    md = source.kind == "md"
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
                    and not is_directive(line):
                if md and not _MD_HEADING.match(stripped):
                    pending = [start, end]
                else:
                    blocks.append([start, end])
        offset += len(line) + 1
    if pending is not None:
        blocks.append(pending)
    return [Block(i, s, e, text[s:e]) for i, (s, e) in enumerate(blocks)]


_INLINE_HEADING = regexcache.compile(
    rf"(?<=[{SENTENCE_ENDS}]){SPACE_CLASS}*"
    r"(?=(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)]|"
    r"第[一二三四五六七八九十]{1,2}[，,]))")


def _split_flattened(blocks: list[Block], text: str) -> list[Block]:
    """A scraped report sometimes arrives flattened: whole parts on one line, headings mid-line.
    When almost no block starts with a numbering token, split long blocks before tokens that
    follow a sentence end, so the heading tree can still be built."""
    numbered = sum(1 for b in blocks if numbering.match_token(b.text))
    if numbered >= 3 or not any(len(b.text) > 300 for b in blocks):
        return blocks
    out = []
    for b in blocks:
        cuts = [m.start() for m in _INLINE_HEADING.finditer(b.text)] if len(b.text) > 300 else []
        if len(cuts) < 2:
            out.append(b)
            continue
        edges = [0] + cuts + [len(b.text)]
        for s, e in zip(edges, edges[1:]):
            piece = b.text[s:e]
            lead = len(piece) - len(piece.lstrip(_WS))
            piece = piece.strip(_WS)
            if piece:
                out.append(Block(0, b.start + s + lead, b.start + s + lead + len(piece), piece))
    for i, b in enumerate(out):
        b.index = i
    return out


def _md_breaks(line):
    return bool(_MD_HEADING.match(line) or numbering.match_token(line) or line.startswith(("<!--", "- ", "* ", ">")))


def _numbered_heading(b: Block) -> Heading | None:
    tok = numbering.match_token(b.text)
    if tok is None:
        return None
    t_start = b.start + tok.length
    rest = b.text[tok.length:]
    return _titled(b, tok, rest, t_start, tok.family)


def _titled(b, tok, rest, t_start, style):
    """Standalone heading if the rest is one short line; otherwise a run-in heading."""
    cut = _first_sentence_end(rest)
    if cut is None or (cut >= len(rest.rstrip("。 \u3000")) and len(rest) <= 60):
        title = rest.rstrip(_WS).rstrip("。")
        return Heading(b, tok, title, t_start, t_start + len(title), False, style)
    title = rest[:cut]
    return Heading(b, tok, title, t_start, t_start + cut + 1, True, style)


def _first_sentence_end(rest):
    for i, ch in enumerate(rest):
        if ch in SENTENCE_ENDS:
            return i
    return None


def _markdown_heading(b: Block) -> Heading | None:
    m = _MD_HEADING.match(b.text)
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
    t = text.strip(_WS)
    if not (4 <= len(t) <= 40):
        return False
    if any(c in t for c in "。；;！？!?") or t[-1] in "，,、：:（(“\"":
        return False
    if re.search(r"\d{3,}(?!年)", t):
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


_HOLE_LOOKAHEAD = 64     # headings an unnumbered heading looks ahead for the list it stands in


def _build_tree(headings: list[Heading], text_end: int):
    """Assign levels and parents.

    Numbered headings: a family already on the stack closes everything below it (a sibling);
    a new family opens a child level. Markdown ``#`` levels, when present, win. An unnumbered
    heading stands in the level its neighbours imply: if the next numbered heading starts a new
    list (value 1) it is that list's parent, otherwise it is the next heading's sibling.
    """
    stack: list[tuple[str, Heading]] = []
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
            while stack and not (stack[-1][0].startswith("#") and int(stack[-1][0][1:]) < depth):
                stack.pop()
            h.parent = stack[-1][1] if stack else None
            stack.append((f"#{depth}", h))
            h.level = len(stack)
            continue
        family = h.style
        if h.token is None:
            nxt = next_numbered[i]
            fams = [f for f, _ in stack]
            hole = _fills_hole(headings[i + 1:i + 1 + _HOLE_LOOKAHEAD], stack)
            if hole is not None:
                family = hole
            elif nxt is not None and nxt.style in fams:
                idx = fams.index(nxt.style)
                if nxt.value == 1 and idx > 0:
                    idx -= 1
                family = fams[idx]
            elif nxt is not None and nxt.value == 1 and stack:
                family = fams[-1] if len(fams) == 1 else fams[-1]
                family = f"none@{len(stack) + 1}"
            elif stack:
                family = fams[-1]
            else:
                family = "none@1"
        fams = [f for f, _ in stack]
        if family in fams:
            del stack[fams.index(family):]
        h.parent = stack[-1][1] if stack else None
        stack.append((family, h))
        h.level = len(stack)
    for h in headings:
        if h.parent is not None:
            h.parent.children.append(h)
    # Each heading's part ends where the next heading at the same or a higher level starts
    # (one pass with a stack of the still-open headings, levels increasing).
    open_: list[Heading] = []
    for n in headings:
        while open_ and open_[-1].level >= n.level:
            open_.pop().end = n.start
        open_.append(n)
    for h in open_:
        h.end = text_end


_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def year_value(text: str) -> int:
    """2023, or 二〇二三 written digit by digit (titles in the GB/T 9704 style sometimes are)."""
    return int(text.translate(_CN_YEAR_DIGITS))
