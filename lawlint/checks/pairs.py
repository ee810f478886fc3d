"""``pairs``: quotation marks and brackets balance within a paragraph (GB/T 15834).

Full- and half-width brackets count as one family (their width is the punctuation rule's
business). A closing mark with no opener, and an opener never closed, are each reported where
they stand; an inner opener closed with the outer form (「《…〈…》的通知》」) is one defect, at the
inner opener. A lone closing bracket right after an ordinal at the start of an item (「：1）加强学习；
2）强化培训」) is a list marker written the short way, not half of a pair: it is left alone.
"""
from __future__ import annotations

import re

from ..rulepack import regexcache
from ..chars import SENTENCE_ENDS, WHITESPACE
from ..numbering import CN_NUM
from ..rulepack.resources import load_data
from .spec import REQUIRED, CheckSpec, Param


def _families(p):
    """Each mark's family (its pair), openers and closers apart, and a regex finding any of them."""
    opens, closes = {}, {}
    for fam, pair in enumerate(p["pairs"]):
        half = len(pair) // 2
        for ch in pair[:half]:
            opens[ch] = fam
        for ch in pair[half:]:
            closes[ch] = fam
    marks = regexcache.compile("[" + re.escape("".join(opens) + "".join(closes)) + "]")
    # Each opener written next to a closer of its family: removing these from a paragraph's marks
    # until none is left shows it balanced (when no mark both opens and closes a pair).
    adjacent = () if opens.keys() & closes.keys() else tuple(
        o + c for o, fo in opens.items() for c, fc in closes.items() if fo == fc)
    return opens, closes, marks, adjacent


SPEC = CheckSpec({
    "pairs": Param({"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 2, "maxLength": 4}},
                   REQUIRED, "成对符号：每项为“开符号+闭符号”，如 “” 《》；同族的半角/全角写在一起，如 （()）"),
}, fields=("mark", "problem"), derived={"families": _families})


def check(ctx, rule, p):
    opens, closes, marks, adjacent = p.families
    text = ctx.doc.text
    blocks = ctx.doc.body_blocks
    if adjacent:                    # (only the paragraphs whose marks do not all pair up are read)
        blocks = _unsettled(text, blocks, opens, closes, marks, adjacent)
    for b in blocks:
        if adjacent and _balanced(marks.findall(text, b.start, b.end), adjacent):
            continue                # nothing to report (most paragraphs): no mark read one by one
        stack = []
        for m in marks.finditer(text, b.start, b.end):
            i, ch = m.start(), m.group(0)
            if ch in opens:
                stack.append((opens[ch], i))
            elif ch in closes:
                fam = closes[ch]
                if stack and stack[-1][0] == fam:
                    stack.pop()
                elif any(f == fam for f, _ in stack) and _spare_closer(text, m.end(), b.end, fam,
                                                                      opens, closes, marks):
                    # 《…〈…》的通知》: the inner mark was closed with the outer form; the later
                    # closer belongs to the outer pair. One defect, at the inner opener.
                    _, j = stack.pop()
                    yield _unclosed(ctx, rule, j)
                elif any(f == fam for f, _ in stack):
                    while stack and stack[-1][0] != fam:
                        _, j = stack.pop()
                        yield _unclosed(ctx, rule, j)
                    stack.pop()
                elif ch in ")）" and _item_start(text, i, b.start):
                    continue
                else:
                    yield ctx.diagnostic(rule, i, i + 1, fields=dict(
                        mark=ch, problem=load_data("wording.yaml")["pairs"]["unopened"]))
        for _, j in stack:
            yield _unclosed(ctx, rule, j)


def _balanced(found: list, adjacent: tuple) -> bool:
    """Do these marks (in order) pair up, each closer closing the last opener still open? Then
    the scan below reports nothing: it pops a matching opener at every closer."""
    return not found or not _cancel("".join(found), adjacent)


def _cancel(seq: str, adjacent: tuple) -> str:
    """``seq`` with each opener written next to a closer of its family removed, until none is
    left. No two such pairs overlap (a pair starts with an opener, ends with a closer, and no
    mark is both), so what is left does not depend on the order of the removals: cancelling a
    string of several paragraphs' marks (a separator between them, in no pair) leaves each
    paragraph's marks as cancelling them alone does."""
    while True:
        before = len(seq)
        for pair in adjacent:
            if pair in seq:
                seq = seq.replace(pair, "")
        if len(seq) == before:
            return seq


_LINED: dict = {}               # marks' pattern -> the same class with a line break (rule-pack data)
TAKEN = [0]                     # reports whose paragraphs were sorted here (tests: the way is taken)


def _unsettled(text, blocks, opens, closes, marks, adjacent) -> list:
    """The blocks whose marks do not pair up (``_balanced`` is False), in order: the paragraphs
    joined one a line and their marks and line breaks found in one scan, the pairs cancelled in
    one go (:func:`_cancel`), and what is left split at the line breaks (a regex call and a
    cancelling a paragraph cost ≈ 5 k instructions; most paragraphs pair up). All the blocks
    when a line break is a mark or a block holds one (a Markdown paragraph of several lines)."""
    rx = _LINED.get(marks.pattern)
    if rx is None:
        rx = _LINED[marks.pattern] = "\n" not in opens and "\n" not in closes and regexcache.compile(
            "[" + re.escape("".join(opens) + "".join(closes)) + "\n]")
    if not rx or len(blocks) < 2:
        return blocks
    joined = "\n".join([text[b.start:b.end] for b in blocks])
    left = _cancel("".join(rx.findall(joined)), adjacent).split("\n")
    if len(left) != len(blocks):
        return blocks
    TAKEN[0] += 1
    return [b for b, rest in zip(blocks, left) if rest]


def _spare_closer(text, start, end, fam, opens, closes, marks) -> bool:
    """Is the next mark of family ``fam`` after ``start`` in the paragraph another closer?"""
    for m in marks.finditer(text, start, end):
        ch = m.group(0)
        if opens.get(ch) == fam:
            return False
        if closes.get(ch) == fam:
            return True
    return False


def _unclosed(ctx, rule, j):
    return ctx.diagnostic(rule, j, j + 1, fields=dict(
        mark=ctx.doc.text[j], problem=load_data("wording.yaml")["pairs"]["unclosed"]))


_ORDINAL = regexcache.compile(rf"(?:\d{{1,2}}|[A-Za-z]|{CN_NUM}|[①-⑳])$")
_ITEM_BEFORE = WHITESPACE + SENTENCE_ENDS + "：:，,.、"


def _item_start(text, i, lo):
    """Is there an ordinal just before text[i] that opens an item (at the paragraph start or after
    a mark or space)?"""
    m = _ORDINAL.search(text, max(lo, i - 4), i)
    return m is not None and (m.start() == lo or text[m.start() - 1] in _ITEM_BEFORE)
