"""Heading numbering tokens (第一部分 一、 （一） 1. （1） 第一， ① …) and Chinese numerals.

A token is recognised only at the start of a block; the same shapes in the middle of a paragraph
are inline enumerations, not headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import regexcache
from .chars import HAN, SPACE_CLASS

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "[一二三四五六七八九十]{1,3}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_to_int(s: str) -> int | None:
    """Parse a Chinese numeral up to 99 (一, 十, 十五, 二十, 二十三); None if it is not one."""
    if not s:
        return None
    if "十" not in s:
        if len(s) == 1 and s in CN_DIGITS:
            return CN_DIGITS[s]
        return None
    head, _, tail = s.partition("十")
    if "十" in tail or len(head) > 1 or len(tail) > 1:
        return None
    tens = CN_DIGITS.get(head, None) if head else 1
    ones = CN_DIGITS.get(tail, None) if tail else 0
    if tens is None or ones is None or tens == 0:
        return None
    return tens * 10 + ones


def int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


# Each style: (family, regex). The regex must match at the start of the stripped block text and
# capture: num (the numeral), and optionally open/close brackets and the following punctuation.
# "family" is what defines a heading level; punctuation and bracket width are checked separately.
_SPACE = SPACE_CLASS + "*"
_PATTERNS = [
    ("part", regexcache.compile(rf"第(?P<num>{CN_NUM})部分(?P<punct>[：:、，,．.]?){_SPACE}")),
    ("di", regexcache.compile(rf"第(?P<num>{CN_NUM})(?P<punct>[，,、．.：:]){_SPACE}")),
    ("cn_paren", regexcache.compile(rf"(?P<open>[（(]){_SPACE}(?P<num>{CN_NUM}){_SPACE}(?P<close>[）)])(?P<punct>[、，,．.]?){_SPACE}")),
    ("cn", regexcache.compile(rf"(?P<num>{CN_NUM})(?P<punct>[、．.，,]){_SPACE}")),
    ("ar_paren", regexcache.compile(rf"(?P<open>[（(]){_SPACE}(?P<num>\d{{1,2}}){_SPACE}(?P<close>[）)])(?P<punct>[、，,．.]?){_SPACE}")),
    ("ar", regexcache.compile(rf"(?P<num>\d{{1,2}})(?P<punct>[.．、，,](?!\d)|\s*[、](?!\d)){_SPACE}")),
    ("circled", regexcache.compile(rf"(?P<num>[{CIRCLED}])(?P<punct>[、．.]?){_SPACE}")),
]
# GB/T 9704 §7.3.3 canonical order, used only to name a level in messages.
CANONICAL = {"cn": "一、", "cn_paren": "（一）", "ar": "1.", "ar_paren": "（1）", "di": "第一，", "circled": "①",
             "part": "第一部分"}


@dataclass(frozen=True)
class Token:
    family: str
    value: int
    text: str          # the whole token as written, including trailing punctuation and spaces
    punct: str         # punctuation after the numeral or closing bracket ("" if none)
    brackets: str      # "full", "half", "mixed" or "" for unbracketed styles
    length: int        # characters consumed

    def canonical(self) -> str:
        if self.family == "cn":
            return int_to_cn(self.value) + "、"
        if self.family == "cn_paren":
            return "（" + int_to_cn(self.value) + "）"
        if self.family == "ar":
            return f"{self.value}."
        if self.family == "ar_paren":
            return f"（{self.value}）"
        if self.family == "di":
            return "第" + int_to_cn(self.value) + "，"
        if self.family == "part":
            return "第" + int_to_cn(self.value) + "部分"
        return self.text.strip()


def match_token(text: str) -> Token | None:
    """Recognise a numbering token at the start of ``text`` (already stripped of indentation)."""
    for family, rx in _PATTERNS:
        m = rx.match(text)
        if not m:
            continue
        num = m.group("num")
        if family in ("ar", "ar_paren"):
            value = int(num)
        elif family == "circled":
            value = CIRCLED.index(num) + 1
        else:
            value = cn_to_int(num)
        if value is None or value == 0:
            continue
        rest = text[m.end():]
        if not rest.strip():
            continue
        if family == "cn" and m.group("punct") in ",，" :
            # 一,xxx is rare as a heading and common as prose ("一,二年级"); require a CJK title.
            if not re.match(rf"[{HAN}“《]", rest):
                continue
        if family == "ar" and re.match(r"[\d%％万亿元个件项人次年月日号]", rest):
            continue  # "3.5万" "2021.5" are numbers, not items
        brackets = ""
        if "open" in m.groupdict() and m.group("open"):
            o, c = m.group("open"), m.group("close")
            full = (o == "（") + (c == "）")
            brackets = "full" if full == 2 else "half" if full == 0 else "mixed"
        punct = (m.group("punct") or "").strip()
        return Token(family, value, m.group(0), punct, brackets, m.end())
    return None
