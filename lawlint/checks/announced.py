"""``announced``: a sentence announces how many items follow, and a different number follows.

「主要从三个方面开展工作：一是……二是……」 with no 三是, or 「存在以下四个方面的问题」 followed
by （一）（二）（三）: a reviewer counts. The announcement (``announce``, a regex with a group
``n``, the Chinese or Arabic count) is compared with the items that follow it: inline markers
(``item``, a regex with a group ``num`` and optionally ``ord``: 一是 二是 …, 第一 第二 …)
counted from 1 in the rest of its paragraph and the paragraphs up to the next heading; or, when the announcement ends its block
and numbered headings follow, those headings of the first one's family at its level. Fewer than
two items found means the list is not in a form this check can count: nothing is reported.

The scope's blocks are scanned for announcements at once, from the first to the last (a
``finditer`` per block costs ≈ 3,000 instructions, and a report has 20–50 blocks), when that finds
what the blocks one by one would: no part of the pattern (its look-arounds included) can read a
line break or looks at where the text ends (:func:`one_line`, a fact of the pattern kept in the
regex table), and a run of blocks is scanned at once only where each but the last is followed by
a line break. A match then cannot leave its block, and sees at its block's end a line break it
cannot read where the block's scan saw the end of the text; one starting between two blocks (in
an indent) is dropped, and if it runs into the next block, the rest of the run is scanned block by
block.
"""
from __future__ import annotations

from ..chars import CLAUSE_PUNCT, WHITESPACE
from ..numbering import cn_to_int
from ..rulepack import regexcache
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param

SPEC = CheckSpec({
    "announce": Param({"type": "string"}, REQUIRED, "宣布条数的正则，须有命名分组 n（如“从三个方面”）",
                      regex=True, groups=("n",), prefilter=False),
    "item": Param({"type": "string"}, REQUIRED, "列举标记的正则，须有命名分组 num（一是、第一……）",
                  regex=True, groups=("num",), prefilter=False),
    "scope": Param(sc.SCOPE_SCHEMA, "body"),
}, fields=("match", "announced", "found"))


def _value(s: str) -> int | None:
    s = s.replace("两", "二")
    return int(s) if s.isdigit() else cn_to_int(s)


def check(ctx, rule, p):
    announce, item = p.announce, p.item
    doc, text = ctx.doc, ctx.doc.text
    for s, e, m in _announcements(text, announce, sc.spans(ctx, p.scope)):
        n = _value(m.group("n"))
        if not n or n < 2:
            continue
        found = _inline_items(ctx, item, m.end(), e)
        rest = text[m.end():e].strip(WHITESPACE)
        if found < 2 and len(rest) <= 16 and not any(c in rest for c in CLAUSE_PUNCT) \
                and (not rest or rest[-1] in "：:"):     # 「存在以下三个方面的问题：」 ends its line
            found = _heading_items(doc, m.end())
        if found >= 2 and found != n:
            yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                match=m.group(0), announced=m.group("n"), found=found))


def _announcements(text, announce, spans):
    """(block start, block end, match) of ``announce`` in each of ``spans``, in order: the blocks
    of each run whose blocks but the last end where a line does, by one scan (see the module)."""
    n = len(spans)
    if n < 2 or not one_line(announce.pattern):
        yield from _each(text, announce, spans)
        return
    stats["joined"] += 1
    i = 0
    while i < n:
        j = i
        while j + 1 < n and text[spans[j][1]] == "\n":
            j += 1
        k = i
        for m in announce.finditer(text, spans[i][0], spans[j][1]):
            a = m.start()
            while spans[k][1] < a:
                k += 1
            s, e = spans[k]
            if a >= s:
                yield s, e, m
            elif m.end() > s:       # (from the indent before a block into it: block by block)
                yield from _each(text, announce, spans[k:j + 1])
                break
        i = j + 1


def _each(text, announce, spans):
    for s, e in spans:
        for m in announce.finditer(text, s, e):
            yield s, e, m


stats = {"joined": 0}           # reports whose blocks were scanned at once, this process


def one_line(pattern: str) -> bool:
    """Whether no part of ``pattern`` can read a line break (nor a backreference, nor a test of
    where a line or the text ends, nor of a word's edge): once a process, kept in the regex table."""
    def compute():
        from ..rulepack.sreparts import parser
        try:
            tree = parser.parse(pattern)
        except Exception:       # noqa: BLE001 - another Python's parser: scanned block by block
            return ()
        return ("1",) if _no_newline(tree, bool(tree.state.flags & 16)) else ()   # (16: DOTALL)
    return bool(regexcache._fact(("literals", "\0oneline\0" + pattern), compute))


_CROSS = {"CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK",
          "CATEGORY_UNI_SPACE", "CATEGORY_UNI_NOT_DIGIT", "CATEGORY_UNI_NOT_WORD",
          "CATEGORY_UNI_LINEBREAK", "CATEGORY_LOC_NOT_WORD"}
_STARTS = {"AT_BEGINNING", "AT_BEGINNING_LINE", "AT_BEGINNING_STRING"}


def _no_newline(tree, dotall: bool) -> bool:
    for op, av in tree:
        op = str(op)
        if op == "LITERAL":
            if av == 10:
                return False
        elif op == "IN":
            held = False
            negate = False
            for iop, iav in av:
                iop = str(iop)
                if iop == "NEGATE":
                    negate = True
                elif iop == "LITERAL":
                    held = held or iav == 10
                elif iop == "RANGE":
                    held = held or iav[0] <= 10 <= iav[1]
                elif iop == "CATEGORY":
                    held = held or str(iav) in _CROSS
                else:
                    return False
            if held != negate:
                return False
        elif op == "ANY":
            if dotall:
                return False
        elif op == "AT":
            if str(av) not in _STARTS:
                return False
        elif op == "SUBPATTERN":
            if av[1] & 16 or not _no_newline(av[3], dotall and not av[2] & 16):
                return False
        elif op == "BRANCH":
            if not all(_no_newline(b, dotall) for b in av[1]):
                return False
        elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _no_newline(av[2], dotall):
                return False
        elif op in ("ASSERT", "ASSERT_NOT"):
            if not _no_newline(av[1], dotall):
                return False
        elif op == "ATOMIC_GROUP":
            if not _no_newline(av, dotall):
                return False
        else:                   # (NOT_LITERAL, GROUPREF, …: may read one)
            return False
    return True


def _inline_items(ctx, item, start, block_end) -> int:
    """Consecutive markers 1, 2, 3 … after ``start``: in its block and the blocks that follow up
    to the next heading (a list written one item per paragraph)."""
    doc, text = ctx.doc, ctx.doc.text
    ends = [block_end]
    for b in doc.blocks_in(block_end + 1, len(text)):
        if b.heading is not None:
            break
        ends.append(b.end)
    expected = 1
    for mm in item.finditer(text, start, ends[-1]):
        v = _value(mm.group("num") or mm.groupdict().get("ord") or "")
        if v == expected:
            expected += 1
        elif v == 1 and expected > 1:        # a second list starts: the announced one has ended
            break
    return expected - 1


def _heading_items(doc, start) -> int:
    """Numbered headings after the announcing block: the first one's siblings, counted."""
    after = [h for h in doc.headings if h.start >= start and h.token is not None]
    if not after or after[0].value != 1:
        return 0
    first = after[0]
    count = 0
    for h in after:
        if h.parent is first.parent and h.style == first.style:
            if h.value != count + 1:
                break
            count += 1
        elif h.level < first.level:
            break
    return count
