"""``consistency``: one form per document for things written two ways (``%`` and ``％``).

For each group of variant patterns, the form used most is taken as the document's choice and every
occurrence of the others is reported (GB/T 15835 「同类别同形式」). ``min_share`` keeps quiet when
no form clearly dominates (the document has no choice to be inconsistent with).

``where: indent`` compares the leading whitespace of the body's lines instead of their text: each
variant must match a line's whole indentation (an empty pattern means "not indented"), so a stray
space before 「3、」 in a report whose lines start flush is found, while a report indented
throughout is not. Markdown is skipped there, since its indentation has meaning.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..rulepack import regexcache
from ..rulepack.resources import load_data
from ..chars import CLAUSE_PUNCT
from ..chars import WHITESPACE as _SPACES
from ..rulepack.template import fill
from . import places
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param, Table

_SENTENCE = regexcache.compile(f"[{re.escape(CLAUSE_PUNCT)}]")     # a line with any is no address or signature
_RUN = regexcache.compile(r"(.)\1*")                       # a run of one character

SPEC = CheckSpec({
    "groups": Table({
        "name": Param({"type": "string"}, "", "这组写法指的是什么（提示中的 {name}）"),
        "variants": Param({"type": "array", "minItems": 2, "items": {"type": "string"}}, REQUIRED,
                          "几种写法（正则）", regex=True, prefilter=False),
    }, REQUIRED, "每组是同一事物的几种写法（正则）", min_items=1),
    "where": Param({"enum": ["text", "indent"]}, "text",
                   "text：在正文中查找各写法（默认）；indent：比较各行行首的缩进（每种写法须匹配整个缩进，空正则表示无缩进）"),
    "min_share": Param({"type": "number", "minimum": 0, "maximum": 1}, 0,
                       "最常用的写法至少占这个比例才报告其余写法（默认 0）"),
}, fields=("found", "major", "name", "count"))


def check(ctx, rule, p):
    indent = p.where == "indent"
    if indent and ctx.doc.source.kind == "md":
        return
    min_share = p.min_share
    shown = _describe if indent else _as_written     # (an indentation is found as it stands)
    for g in p.groups:
        variants = g.variants
        found = _indents(ctx, variants) if indent else _occurrences(ctx, variants)
        used = [i for i, ms in enumerate(found) if ms]
        if len(used) < 2:
            continue
        major = max(used, key=lambda i: len(found[i]))
        if len(found[major]) < min_share * sum(len(ms) for ms in found):
            continue
        for i in used:
            if i == major:
                continue
            for start, end, written in found[i]:
                yield ctx.diagnostic(rule, start, end, fields=dict(
                    found=shown(written), major=shown(found[major][0][2]), name=g.name,
                    count=len(found[major])))


def _as_written(found: str) -> str:
    return found


def _occurrences(ctx, variants):
    doc = ctx.doc
    text, blocks = doc.text, doc.body_blocks
    spans = starts = None
    out = []
    for rx in variants:
        if _one_char(rx):
            at = places.of(doc, rx.pattern)
            if at and starts is None:
                starts = [b.start for b in blocks]
            out.append(_of_char(at, rx.pattern, blocks, starts) if at else [])
            continue
        if spans is None:
            spans = [(b.start, b.end) for b in blocks]
        out.append([(m.start(), m.end(), m.group(0)) for s, e in sc.able(text, rx, spans)
                    for m in rx.finditer(text, s, e)])
    return out


def _one_char(rx) -> bool:
    """Is the pattern one character standing for itself (「%」, 「％」)?"""
    p = rx.pattern
    return len(p) == 1 and p not in _SPECIAL and not rx.flags & _CASE_OR_VERBOSE


_SPECIAL = ".^$*+?{}[]\\|()"         # (re.escape costs ≈ 18,000 instructions a call)
_CASE_OR_VERBOSE = int(re.IGNORECASE | re.VERBOSE)      # (an enum's | is Python code: ≈ 10,000)


def _of_char(at, ch, blocks, starts) -> list:
    """What a pattern of the one character ``ch`` finds in the body ``blocks`` (``starts``: theirs):
    its places in the report (``at``: checks.places, once a report), those inside a block kept (a
    finditer per block and pattern cost ≈ 2,000 instructions each, a body has a hundred)."""
    out = []
    for a in at:
        j = bisect_right(starts, a) - 1
        if j >= 0 and a < blocks[j].end:
            out.append((a, a + 1, ch))
    return out


def _indents(ctx, variants):
    """Each body line's indentation, filed under the first variant that matches all of it (as
    (line start, block start, the indentation); :func:`_describe` words it). The addressee and
    the signature are laid out on purpose (GB/T 9704: the addressee flush left, the issuer's name
    set to the right), so they are not compared with the paragraphs."""
    text, doc = ctx.doc.text, ctx.doc
    lines = doc.source.text         # where its lines break (the text's line breaks are the same)
    found = [[] for _ in variants]
    skip = _laid_out(doc)
    # A block cut out of the middle of a line (a page that lost its line breaks) has the text
    # before it, not an indentation: only a line's first block is compared, the one with a line
    # break (or the text's start) between it and the block before. (Slicing what stood before
    # each of a long line's blocks was quadratic.) The block before is read by the block's index,
    # for the blocks compared only (not a walk over every block).
    blocks = doc.blocks
    filed: dict = {}        # indentation -> the first variant matching all of it (None: none)
    for b in doc.body_blocks:
        if id(b) in skip:
            continue
        k = b.index
        if not (0 <= k < len(blocks) and blocks[k] is b):
            k = next(i for i, x in enumerate(blocks) if x is b)
        s = b.start
        if k:
            before = blocks[k - 1].start
            if before > s:          # (blocks out of order: what stands between them)
                if "\n" not in lines[s:before]:
                    continue
                line_start = lines.rfind("\n", 0, s) + 1
            else:                   # (a slice read from its end: the last line break before the block)
                j = lines[before:s].rfind("\n")
                if j == -1:
                    continue
                line_start = before + j + 1
        else:
            line_start = lines.rfind("\n", 0, s) + 1
        lead = text[line_start:b.start]
        i = filed.get(lead, -1)
        if i == -1:
            i = filed[lead] = next((i for i, rx in enumerate(variants) if rx.fullmatch(lead)), None)
        if i is not None:
            found[i].append((line_start, b.start, lead))
    return found


SHORT_LINE = 40        # an addressee or a signature is a short line with no sentence in it


def _laid_out(doc) -> set:
    """ids of the blocks placed by the document's layout rather than indented as paragraphs: an
    addressee (a short line ending in 「：」 among the first lines of text) and a signature (a short line
    with no sentence in it next to a closing line such as the date or 特此报告)."""
    out = set()
    blocks = doc.blocks
    before = 0              # paragraph and heading blocks before block i (counted as the loop goes:
    for i, b in enumerate(blocks):      # summing them for each short line was quadratic)
        text_block = b.kind in ("paragraph", "heading")
        before, first_lines = before + text_block, before < 3
        t = b.text.strip(_SPACES)
        if not text_block or len(t) > SHORT_LINE or _SENTENCE.search(t):
            continue
        if t[-1:] in "：:" and b.heading is None and first_lines:
            out.add(id(b))
        elif b.heading is None and any(0 <= j < len(blocks) and blocks[j].kind == "closing"
                                       for j in (i - 1, i + 1)):
            out.add(id(b))
    return out


def _describe(lead: str) -> str:
    """How an indentation reads in a finding (「无缩进」, 「2 个全角空格」…)."""
    words = load_data("wording.yaml")["consistency"]
    if not lead:
        return words["no_indent"]
    runs = [(m.group(0)[0], len(m.group(0))) for m in _RUN.finditer(lead)]
    return words["separator"].join(
        fill(words["run"], count=n, name=words["spaces"].get(c, words["other_space"])) for c, n in runs)
