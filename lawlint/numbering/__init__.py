"""Heading numbering tokens (第一部分 一、 （一） 1. （1） 第一， ① …) and Chinese numerals.

A token is recognised only at the start of a block; the same shapes in the middle of a paragraph
are inline enumerations, not headings.

This package is heading numbering, whole: the grammar here (read by the parser and the loaders), and
the ``numbering`` check type built on it (``check``, its aspects in ``tokens`` and ``tree``, what they
share in ``base``).
"""
from __future__ import annotations

from ..plain import dataclass
from functools import lru_cache
import re

from ..chars import BLANKS, CN_DIGITS, CN_NUMERAL_CHARS, CN_NUMERALS, HAN, SPACE_CLASS, strip_blank
from ..rulepack import regexcache

_TITLE_START = regexcache.compile(rf"[{HAN}“《]")
_AMOUNT_NEXT = regexcache.compile(r"[\d%％万亿元个件项人次年月日号]")

CN_NUM = f"[{CN_NUMERAL_CHARS}]{{1,3}}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@lru_cache(maxsize=1024)
def cn_to_int(s: str) -> int | None:
    """Parse a Chinese numeral up to 99 (一, 十, 十五, 二十, 二十三); None if it is not one.
    Remembered (a fact of the language, not of a report): numbered lines and list markers ask
    for the same few dozen numerals in every report."""
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
    digits = CN_NUMERALS
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def expand(pattern: str) -> str:
    """A numbering pattern from ``rules/data/numbering.yaml`` with its named character classes
    filled: ``{cn_num}`` a Chinese numeral, ``{circled}`` ①…⑳, ``{space}`` any run of blanks
    (chars.WHITESPACE), ``{han}`` a Han character."""
    return (pattern.replace("{cn_num}", CN_NUM).replace("{circled}", CIRCLED)
            .replace("{space}", SPACE_CLASS + "*").replace("{han}", HAN))


@lru_cache(maxsize=1)
def families() -> list:
    """(family, regex) in the order they are tried (``rules/data/numbering.yaml``, ``families``).
    Each regex matches at the start of the stripped block text and captures ``num`` (the
    numeral), optionally ``open``/``close`` brackets and the following ``punct``. The family is
    what defines a heading level; punctuation and bracket width are checked separately."""
    from ..rulepack.resources import load_data
    return [(f["family"], regexcache.compile(expand(f["pattern"]))) for f in load_data("numbering.yaml")["families"]]


@dataclass(frozen=True, slots=True)
class Token:
    family: str
    value: int
    text: str          # the whole token as written, including trailing punctuation and spaces
    punct: str         # punctuation after the numeral or closing bracket ("" if none)
    brackets: str      # "full", "half", "mixed" or "" for unbracketed styles
    length: int        # characters consumed

    def __init__(self, family, value, text, punct, brackets, length):
        setter = object.__setattr__
        setter(self, "family", family)
        setter(self, "value", value)
        setter(self, "text", text)
        setter(self, "punct", punct)
        setter(self, "brackets", brackets)
        setter(self, "length", length)

    def canonical(self) -> str:
        """The token as GB/T 9704 writes it (``canonical`` in ``rules/data/numbering.yaml``)."""
        from ..rulepack.resources import load_data
        form = load_data("numbering.yaml")["canonical"].get(self.family)
        if form is None:
            return strip_blank(self.text)
        return form.replace("{cn}", int_to_cn(self.value)).replace("{n}", str(self.value))


@lru_cache(maxsize=8192)     # a memo for one document: parse.document.parse empties it (Token is frozen)
def match_token(text: str, tried=None) -> Token | None:
    """Recognise a numbering token at the start of ``text`` (already stripped of indentation): the
    first family (in the data's order) whose pattern matches there and whose number and what
    follows it make a heading's. Only the families whose pattern may open with the line's first
    character are tried (:class:`_ByFirst`: 「第」 the two 第 families, 「（」 the bracketed two, a
    line opening with a Han character no family opens with none); ``tried``: the families to try
    instead (:func:`match_plain`: every one, in turn). The token is read in place (what follows
    it is not copied out, a numeral's value is looked up once a process) and made by
    :func:`_made`, in this one call a line."""
    if tried is None:
        tried = (_by_first or _first_plan())[text[:1]]
    for family, rx, bracketed in tried:
        m = rx.match(text)
        if m is None:
            continue
        n, p = m.group("num", "punct")
        if family in ("ar", "ar_paren"):
            value = int(n)
        elif family == "circled":
            value = CIRCLED.index(n) + 1
        else:
            value = cn_to_int(n)
        if value is None or value == 0:
            continue
        end = m.end()
        if len(text.rstrip(BLANKS)) <= end:        # (nothing but blanks after it: chars.is_blank)
            continue
        if family == "cn" and p in ",，":
            # 一,xxx is rare as a heading and common as prose ("一,二年级"); require a CJK title.
            if not _TITLE_START.match(text, end):
                continue
        if family == "ar" and _AMOUNT_NEXT.match(text, end):
            continue  # "3.5万" "2021.5" are numbers, not items
        brackets = ""
        if bracketed:
            o, c = m.group("open", "close")
            if o:
                full = (o == "（") + (c == "）")
                brackets = "full" if full == 2 else "half" if full == 0 else "mixed"
        return _made(family, value, text[:end], p.strip(BLANKS) if p else "", brackets, end)
    return None


def match_plain(text: str, first: int = 0) -> Token | None:
    """:func:`match_token`, each family's pattern tried in turn (from the ``first``)."""
    return match_token.__wrapped__(text, _every()[first:])


def _every() -> tuple:
    """(family, regex, has brackets) of every family, in the data's order."""
    return tuple((family, rx, "open" in rx.groupindex) for family, rx in families())


class _ByFirst(dict):
    """First character → the families (``(family, regex, has brackets)``, in the data's order)
    whose pattern may open with it: those whose first class
    (:func:`lawlint.rulepack.regexcache.first_class`, kept across processes) takes it, and any
    whose first character cannot be told. Filled on first use, a character at a time (a fact of
    the families, not of a report); an empty text is asked of every family."""

    def __init__(self, plan):
        super().__init__()
        self.plan = plan            # [((family, regex, has brackets), the first class compiled or None)]

    def __missing__(self, first):
        got = self[first] = tuple(tried for tried, cls in self.plan
                                  if cls is None or not first or cls.match(first) is not None)
        return got


_by_first: _ByFirst | None = None


def _first_plan() -> _ByFirst:
    """The :class:`_ByFirst` of :func:`families`, made once a process."""
    global _by_first
    plan = []
    for tried in _every():
        rx = tried[1]
        src = regexcache.first_class(rx.pattern) if rx.flags == re.UNICODE else None
        plan.append((tried, regexcache.compile(src) if src is not None and src.startswith("[") else None))
    _by_first = _ByFirst(plan)
    return _by_first


class _Made:
    """Token's twin without its guard against assignment (the same slots, so an instance may
    become a Token): a Token is made at each numbered line, and its own ``__init__`` (through
    ``object.__setattr__``, a field at a time) cost ≈9 k instructions of the ≈20 k a line took."""
    __slots__ = Token.__slots__

    def __init__(self, family, value, text, punct, brackets, length):
        self.family = family
        self.value = value
        self.text = text
        self.punct = punct
        self.brackets = brackets
        self.length = length



def _made(family, value, text, punct, brackets, length) -> Token:
    """``Token(family, value, text, punct, brackets, length)``, made as its twin :class:`_Made`
    and given Token's class (≈4.5 k instructions)."""
    t = _Made(family, value, text, punct, brackets, length)
    t.__class__ = Token
    return t
