"""Parse step 2: front matter (title, issuer) before the first heading; the report year; the
issuer named in the opening sentence."""
from __future__ import annotations

import re
from .. import numbering
from ..plain import dataclass
from ..chars import CLAUSE_PUNCT
from ..chars import WHITESPACE as _WS
from ..model import Block, kind_of
from . import anyof
from .headings import MD_HEADING
from .lexicon import lexicon, year_value


@dataclass(slots=True)
class Front:
    """What front_matter found (lawlint.plain: typing.NamedTuple's import costs a start ≈18 M)."""
    title: Block | None            # the title's (first) block
    issuer: str | None             # the issuer named above the title or at its start
    kinds: dict                    # block index → kind: the steps' so far, with title, issuer,
                                   # addressee and docnumber added


def front_matter(blocks: list[Block], kinds: dict) -> Front:
    """Title and issuer: short lines before the first heading or long paragraph; or, when the
    text opens with a cover letter (an addressee, 「现将……报告如下」, its signature and date),
    the same after it. ``kinds``: the kinds decided so far (chrome, page), not changed."""
    lx = lexicon()
    kinds = dict(kinds)
    found = pick_title(front_blocks(blocks, kinds, 0, 4), kinds, lx)
    if found is None:
        letter = anyof.alternatives(lx["cover_letter"])     # (its 「^…」 lines tried at the start)
        cover = [b.index for b in blocks[:lx["cover_blocks"]]
                 if kind_of(kinds, b) != "chrome" and letter(b.text)]
        if cover:
            found = pick_title(front_blocks(blocks, kinds, cover[-1] + 1, 6), kinds, lx)
    _addressee(blocks, kinds, lx)
    title, issuer = found or (None, None)
    return Front(title, issuer, kinds)


def _addressee(blocks, kinds, lx):
    """「市政府：」 above the running text (the body the report is addressed to) and a document
    number on a line of its own: front matter, not paragraphs."""
    for b in blocks:
        kind = kind_of(kinds, b)
        if kind in ("chrome", "page", "title", "issuer"):
            continue
        if len(b.text) > lx["title_max"] or numbering.match_token(b.text):
            return
        if kind == "paragraph" and lx["addressee"].match(b.text.strip(_WS)):
            kinds[b.index] = "addressee"
        elif kind == "paragraph" and lx["doc_number"].match(b.text.strip(_WS)):
            kinds[b.index] = "docnumber"
        elif kind == "paragraph":
            return                        # the running text has begun: a later 「…如下：」 is body

def front_blocks(blocks: list[Block], kinds: dict, first: int, most: int) -> list:
    lx = lexicon()
    front = []
    for b in blocks[first:]:
        if kind_of(kinds, b) == "chrome":
            continue
        text = MD_HEADING.sub("", b.text).strip("*# ")
        if len(text) > lx["title_max"] or numbering.match_token(text):
            break
        front.append((b, text))
        if len(front) >= most:
            break
    return front

def pick_title(front, kinds, lx) -> tuple | None:
    """(title block, issuer) among the front lines, their kinds entered in ``kinds``; None when no
    line reads as a title."""
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
        kinds[b.index] = "title"
        issuer = None
        if second is not None:
            kinds[second.index] = "title"
        prev = [f for f in front[:i] if kind_of(kinds, f[0]) != "chrome"]
        for pb, ptext in prev:
            if lx["issuer"].search(ptext) and not _has_sentence_punct(ptext):
                kinds[pb.index] = "issuer"
                issuer = ptext
        if issuer is None:
            m = re.match(r"^(.{2,30}?)(?:关于|\d{4}\s*年)", text)
            if m and lx["issuer"].search(m.group(1)):
                issuer = m.group(1)
        return b, issuer
    return None

def detect_year(title: Block | None, body: list[Block], headings) -> tuple[int | None, str | None]:
    """The report year and where it was read (title, opening, plans), or (None, None)."""
    lx = lexicon()["year"]
    if title is not None:
        m = lx["title"].search(title.text)
        if m:
            return year_value(m.group(1)), "title"
    for b in body[:3]:
        if b.kind == "paragraph":
            m = lx["opening"].match(b.text.strip(_WS))
            if m:
                return int(m.group(1)), "opening"
    for b in body[:6]:
        m = lx["subject"].search(b.text)
        if m:
            return int(m.group(1)), "opening"
    for h in headings:
        m = lx["plan"].search(h.title)
        if m:
            return int(m.group(1)) - 1, "plans"
    return None, None

def issuer_from_opening(body: list[Block]) -> str | None:
    """The issuer named by an opening sentence (「2021年，中原区以…」)."""
    lx = lexicon()
    for b in body[:2]:
        if b.kind == "paragraph":
            m = lx["issuer_in_opening"].match(b.text.strip(_WS))
            if m:
                return m.group(1)
    return None

def _has_sentence_punct(text):
    return any(c in text for c in CLAUSE_PUNCT)
