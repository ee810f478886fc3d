"""``punctuation``: half-width marks in Chinese context (GB/T 15834: Chinese punctuation takes a
full character cell).

A mark counts when the nearest non-space character on either side is Chinese (or Chinese
punctuation). Marks inside numbers (``1,000``, ``10:30``), URLs and e-mail addresses, and brackets
that are part of a heading's numbering token (the numbering rules own those) are left alone. Each
finding carries its full-width replacement; a space after ``, ; : ? !`` is absorbed by the fix.
"""
from __future__ import annotations

import re

PARAMS = {
    "marks": {"type": "object", "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 1},
              "minProperties": 1, "description": "半角标点 → 全角标点"},
}
_CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f“”‘’《》〈〉【】…—]")
_SKIP = re.compile(r"(?:https?|ftp)://[^\s\u3000-\u303f\u4e00-\u9fff“”，。；]+|www\.[A-Za-z0-9.\-/_%?=&]+|"
                   r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SPACES = " \t\u00a0"


def compile(rule):
    marks = rule.params["marks"]
    return re.compile("[" + re.escape("".join(marks)) + "]")


def _near(text, i, step, lo, hi, skip=_SPACES):
    """The nearest character that is not a space (nor another half-width mark) in one direction."""
    j = i + step
    while lo <= j < hi and text[j] in skip:
        j += step
    return text[j] if lo <= j < hi else ""


def check(ctx, rule):
    doc, marks = ctx.doc, rule.params["marks"]
    text = doc.text
    in_token = {i for h in doc.headings if h.token is not None
                for i in range(h.start, h.start + h.token.length)}
    for b in doc.body_blocks:
        skip = [m.span() for m in _SKIP.finditer(text, b.start, b.end)]
        for m in rule.compiled.finditer(text, b.start, b.end):
            i, ch = m.start(), m.group(0)
            if i in in_token or any(s <= i < e for s, e in skip):
                continue
            chain = _SPACES + "".join(marks)      # a run of half-width marks shares its context
            left = _near(text, i, -1, b.start, b.end, chain)
            right = _near(text, i, 1, b.start, b.end, chain)
            if ch in ",:" and _near(text, i, -1, b.start, b.end).isdigit() \
                    and _near(text, i, 1, b.start, b.end).isdigit():
                continue
            if ch in "()" and not (_bracket_in_chinese(text, i, b.start, b.end)
                                   or _CJK.match(left or " ") or _CJK.match(right or " ")):
                continue
            if not (_CJK.match(left or " ") or _CJK.match(right or " ")):
                continue
            end = i + 1
            if ch in ",;:?!":
                while end < b.end and text[end] in _SPACES:
                    end += 1
            yield ctx.diagnostic(rule, i, end, message=rule.message.format(mark=ch, full=marks[ch]),
                                 replacement=marks[ch])


def _bracket_in_chinese(text, i, lo, hi):
    """A half-width bracket is Chinese when Chinese is next to it or inside the pair."""
    if text[i] == "(":
        j = text.find(")", i, hi)
        inner = text[i + 1:j] if j != -1 else text[i + 1:min(hi, i + 20)]
    else:
        j = text.rfind("(", lo, i)
        inner = text[j + 1:i] if j != -1 else text[max(lo, i - 20):i]
    return bool(_CJK.search(inner)) or bool(_CJK.match(_near(text, i, -1, lo, hi) or " ")) \
        or bool(_CJK.match(_near(text, i, 1, lo, hi) or " "))
