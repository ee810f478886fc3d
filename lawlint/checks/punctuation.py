"""``punctuation``: half-width marks in Chinese context (GB/T 15834: Chinese punctuation takes a
full character cell).

A mark counts when the nearest non-space character on either side is Chinese (or Chinese
punctuation). Marks inside numbers (``1,000``, ``10:30``), URLs and e-mail addresses, and brackets
that are part of a heading's numbering token (the numbering rules own those) are left alone; the
comma of a 「第一,」 token is not (the numbering rules accept either width after 第一). Each finding
carries its full-width replacement; a space after ``, ; : ? !`` is absorbed by the fix.

A report saved through a normaliser (NFKC) has every comma and bracket half-width: one defect
written a few hundred times. With ``once_per_mark`` only the first finding of each kind of mark
(the two brackets are one kind) costs points; JSON still lists every location.
"""
from __future__ import annotations

from ..rulepack import regexcache
from ..chars import CJK_CONTEXT_RE, MARK_SPACES
from . import punctuation_bulk as bulk
from .spec import REQUIRED, CheckSpec, Param

SPEC = CheckSpec({
    "marks": Param({"type": "object", "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 1},
                    "minProperties": 1}, REQUIRED, "半角标点 → 全角标点"),
    "quotes": Param({"type": "object", "additionalProperties": {"type": "string", "minLength": 2, "maxLength": 2}}, {},
                    "直引号 → 成对的弯引号（如 \" → “”）：段内按出现顺序配对，个数为奇数时只报告、不自动修正"),
    "once_per_mark": Param({"type": "boolean"}, False,
                           "每种标点（成对的括号算一种）只有第一处计分，其余各处照常列出但不扣分"),
}, fields=("mark", "full"))
_CJK = CJK_CONTEXT_RE
_SKIP = regexcache.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff“”，。；]+|www\.[A-Za-z0-9.\-/_%?=&]+|"
                   r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# (An address starts only where its run of address characters starts: tried at every position of a
# long run of digits or dots, the pattern rescanned the rest of the run each time.)
_SPACES = MARK_SPACES


def _near(text, i, step, lo, hi, skip=_SPACES):
    """The nearest character that is not a space (nor another half-width mark) in one direction."""
    j = i + step
    while lo <= j < hi and text[j] in skip:
        j += step
    return text[j] if lo <= j < hi else ""


def check(ctx, rule, p):
    doc, marks = ctx.doc, p.marks
    text = doc.text
    blocks = doc.body_blocks
    quotes = p.quotes
    if not blocks:
        return ctx.diagnostics(rule, [])

    def tokens():                   # the places of the headings' numbering tokens
        out = set()
        for h in doc.headings:
            t = h.token
            if t is not None and not (t.family == "di" and t.punct in marks):
                s = h.block.start
                out.update(range(s, s + t.length))
        return out
    filled = {ch: {"mark": ch, "full": full} for ch, full in marks.items()}   # read, never changed
    digit_marks = any(ch.isdigit() for ch in marks)
    chain = _SPACES + "".join(marks)          # a run of half-width marks shares its context

    def judge(i, lo, hi):
        return _judge(text, i, lo, hi, chain, digit_marks)

    def quote_items(q, lo, hi):
        return [(i, i + 1, dict(mark=q, full=full), full if fixable else None)
                for i, full, fixable in _straight_quotes(text, q, quotes[q], lo, hi, ())]
    found = bulk.items(doc, text, blocks, p, tokens, filled, judge, quote_items, _cjk)
    if found is None:
        # The marks of every body block in one go (blocks are in text order and do not overlap; a
        # mark is one character, so what is found over all of them is what each block holds).
        at = _places(text, marks, blocks[0].start, blocks[-1].end)
        quoted = [q for q in quotes if q in text]       # (a quote the text lacks finds nothing)
        found = _scan(text, blocks, marks, quotes, quoted, at, tokens(), p.once_per_mark, filled, chain,
                      digit_marks) if at or quoted else []
    return ctx.diagnostics(rule, found)


def _scan(text, blocks, marks, quotes, quoted, at, in_token, once, filled, chain, digit_marks):
    """The findings, mark by mark (the way :mod:`punctuation_bulk` takes in bulk)."""
    # the weight of a finding of this kind (a mark's, the two brackets one; a quote's): with
    # once_per_mark, None (the rule's weight) for the first, 0 for the rest
    weigh = dict.fromkeys([*("()" if ch in "()" else ch for ch in marks), *quotes]).pop if once else _unweighed
    # Web and e-mail addresses hold 「://」, 「www.」 or 「@」: a text without any has none to skip.
    addresses = "@" in text or "://" in text or "www." in text
    # What a mark written right after a Chinese character (most, in a report saved through NFKC)
    # becomes: its finding is decided by that character alone (see _others).
    plain = {ch: (filled[ch], full, "()" if ch in "()" else ch) for ch, full in marks.items()}
    others = _others(text, marks, at, blocks, in_token, digit_marks)
    spaced = _SPACES
    found_all = []          # (start, end, fields, replacement, weight): built in one go at the end
    add = found_all.append
    seen = _CJK_SEEN
    k, n = 0, len(at)
    for b in blocks:
        lo, hi = b.start, b.end
        while k < n and at[k] < lo:
            k += 1
        first = k
        while k < n and at[k] < hi:
            k += 1
        if first == k and not (quoted and any(text.find(q, lo, hi) != -1 for q in quoted)):
            continue
        skip = [m.span() for m in _SKIP.finditer(text, lo, hi)] if addresses else ()
        for i in at[first:k]:
            if i not in others and not skip and seen.get(text[i - 1]) and text[i + 1] not in spaced:
                fields, full, kind = plain[text[i]]     # (the common case, in short: see _others)
                add((i, i + 1, fields, full, weigh(kind, 0)))
                continue
            if i in in_token or (skip and any(s <= i < e for s, e in skip)):
                continue
            end = _judge(text, i, lo, hi, chain, digit_marks)
            if end is not None:
                ch = text[i]
                add((i, end, filled[ch], marks[ch], weigh("()" if ch in "()" else ch, 0)))
        for q in quoted:
            pair = quotes[q]
            for i, full, fixable in _straight_quotes(text, q, pair, lo, hi, skip):
                add((i, i + 1, dict(mark=q, full=full), full if fixable else None, weigh(q, 0)))
    return found_all


def _judge(text, i, lo, hi, chain, digit_marks):
    """The end of the finding of the mark at ``i`` (in the block [lo, hi), outside any address or
    numbering token), or None: the nearest character on each side that is neither a space nor a
    half-width mark decides (either Chinese; not inside a number)."""
    ch = text[i]
    j = i - 1                       # (_near, inlined: a report may have hundreds of marks)
    while j >= lo and text[j] in chain:
        j -= 1
    left = text[j] if j >= lo else ""
    if ch in ",:" and (digit_marks or left.isdigit()) and _near(text, i, -1, lo, hi).isdigit() \
            and _near(text, i, 1, lo, hi).isdigit():
        return None                 # inside a number: 1,000  10:30
    chinese = _CJK_SEEN.get(left)
    if chinese is None:
        chinese = _cjk(left)
    if not chinese:                 # then the right side decides (a bracket too: Chinese
        j = i + 1                   # inside a pair with none beside it is not enough)
        while j < hi and text[j] in chain:
            j += 1
        right = text[j] if j < hi else ""
        chinese = _CJK_SEEN.get(right)
        if chinese is None:
            chinese = _cjk(right)
        if not chinese:
            return None
    end = i + 1
    if ch in ",;:?!":
        while end < hi and text[end] in _SPACES:
            end += 1
    return end


def _unweighed(kind, default):
    return None


def _others(text, marks, at, blocks, in_token, digit_marks):
    """The marks of ``at`` that :func:`check` may not take the short way. The short way takes a
    mark right after a Chinese character of its block (one _CJK_SEEN knows), not followed by a
    space (a fix would take it along), outside a heading's numbering token: its finding is the mark
    alone, since the nearest character on its left is that Chinese one (neither a space nor a
    mark, nor a digit: no number), and the right side need not be read. That holds when no mark is
    a digit, a space, a line break or Chinese context: otherwise every mark is returned. So are
    the marks at a block's start (the character before is another block's) and the text's last
    character (none follows)."""
    if digit_marks or any(_cjk(ch) or ch in _SPACES or ch == "\n" for ch in marks):
        return set(at)
    out = set(in_token)
    out.update(b.start for b in blocks)
    out.add(len(text) - 1)
    return out


def _places(text, marks, lo, hi) -> list:
    """Where any of the one-character ``marks`` stands in [lo, hi), in order: what a regex of the
    class of them finds, from str.find (the regex tested the class at every character, then built
    a match object at each mark)."""
    at = []
    for ch in marks:
        i = text.find(ch, lo, hi)
        while i != -1:
            at.append(i)
            i = text.find(ch, i + 1, hi)
    at.sort()
    return at


_CJK_SEEN: dict = {}


def _cjk(ch: str) -> bool:
    """Is a character (or "" at a paragraph's edge) Chinese context? Memoised per character:
    a report asks about the same few hundred characters thousands of times."""
    v = _CJK_SEEN.get(ch)
    if v is None:
        if len(_CJK_SEEN) > 65536:       # a hostile text of every code point: stay bounded
            _CJK_SEEN.clear()
        v = _CJK_SEEN[ch] = bool(_CJK.match(ch or " "))
    return v


def _straight_quotes(text, q, pair, lo, hi, skip):
    """Straight quotes in Chinese context, paired in order of appearance within the paragraph.

    An odd count leaves the pairing unknown: each is still reported, but not fixed."""
    at = []
    i = text.find(q, lo, hi)
    while i != -1:                       # str.find, not a Python loop over every character
        if not any(s <= i < e for s, e in skip):
            at.append(i)
        i = text.find(q, i + 1, hi)
    even = len(at) % 2 == 0
    for n, i in enumerate(at):
        if even:
            a, b = (at[n], at[n + 1]) if n % 2 == 0 else (at[n - 1], at[n])
            chinese = bool(_CJK.search(text, a + 1, b)) or bool(_CJK.match(_near(text, a, -1, lo, hi) or " ")) \
                or bool(_CJK.match(_near(text, b, 1, lo, hi) or " "))
        else:
            chinese = bool(_CJK.match(_near(text, i, -1, lo, hi) or " ")) \
                or bool(_CJK.match(_near(text, i, 1, lo, hi) or " "))
        if chinese:
            yield i, pair[n % 2] if even else pair, even
