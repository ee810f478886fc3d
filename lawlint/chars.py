"""Character classes, defined once: whitespace, sentence ends, Han characters.

Ground level (of lawlint's own, imports only regexcache, which compiles the Han classes from the
cross-process cache: each costs sre ≈2 ms to build). Every module that asks "is this blank?", "does a
sentence end here?" or "is this Chinese?" uses these, so the parser, the checks and the loaders
cannot disagree (an indent of U+2002 EN SPACE once counted as text in one place and as blank in
another, and switched the structural numbering checks off).
"""
from __future__ import annotations

from .rulepack import regexcache

# Blank within a line: every Unicode space separator (U+00A0, U+1680, U+2000–U+200A, U+202F,
# U+205F, U+3000), the tab, and the zero-width characters web pages and Word leave behind.
WHITESPACE = (" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
              "\u202f\u205f\u3000\u200b\ufeff")
SPACE_CLASS = "[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]"   # the same, as a regex class
LINE_BREAKS = "\n\r"
# The spaces typed between a half-width mark and its neighbour: not the ideographic space U+3000,
# which is itself Chinese context (CJK_CONTEXT_RE), nor the zero-width ones.
MARK_SPACES = " \t\u00a0"

SENTENCE_ENDS = "。！？；!?;"                # a sentence (or a semicolon clause) ends here
SENTENCE_STOPS = SENTENCE_ENDS + "\n"        # … or at a line break
FULL_STOPS = "。！？!?\n"                   # a whole sentence: its clauses cut at 「；」 kept together
CLOSERS = "”’」』）)】"                      # kept with the sentence they close
CLAUSE_PUNCT = SENTENCE_ENDS + "，,"         # running-text punctuation: a line with any is no title

HAN = "\u3400-\u9fff"                        # CJK Unified Ideographs and Extension A (regex range)
HAN_RE = regexcache.compile(f"[{HAN}]")
# Chinese context for punctuation: Han characters, CJK symbols and full-width punctuation.
CJK_CONTEXT_RE = regexcache.compile(f"[{HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f“”‘’《》〈〉【】…—]")


# Every blank a report's text may hold: WHITESPACE, the line breaks, and the rest of what
# ``str.isspace`` calls blank (\v, \f, U+001C–U+001F, U+0085, U+2028, U+2029), so stripping with it
# removes at least what a bare ``str.strip()`` removed, zero-width spaces included.
BLANKS = WHITESPACE + LINE_BREAKS + "\v\f\x1c\x1d\x1e\x1f\x85\u2028\u2029"


def is_blank(text: str) -> bool:
    """Only whitespace: a zero-width space is as blank as a space or a line break (and anything
    ``str.isspace`` calls blank stays blank)."""
    return not text.strip(BLANKS)


def strip_blank(text: str) -> str:
    """``text`` without blanks at either end: ``str.strip()`` for report text, which also strips
    zero-width spaces (a bare ``.strip()`` keeps U+200B and U+FEFF)."""
    return text.strip(BLANKS)


def lstrip_blank(text: str) -> str:
    return text.lstrip(BLANKS)


def rstrip_blank(text: str) -> str:
    return text.rstrip(BLANKS)


# Chinese numerals, defined once: the digits as written (index = value), the characters of a
# numeral up to 99 (一 … 十), and every way a digit is written — in numerals (两), in years
# written digit by digit (二〇二三, with 〇, ○, 零, or a Latin O that OCR and typists leave).
CN_NUMERALS = "零一二三四五六七八九"
CN_NUMERAL_CHARS = CN_NUMERALS[1:] + "十"
CN_DIGITS = {c: i for i, c in enumerate(CN_NUMERALS)} | {"〇": 0, "○": 0, "O": 0, "两": 2}


HAN_RUN_RE = regexcache.compile(f"[{HAN}]+")     # a run of Han characters


_NOT_HAN_HIGH = bytes(b for b in range(256) if not 0x34 <= b <= 0x9F)


def count_han(text: str) -> int:
    """Han characters in ``text`` (:data:`HAN`, U+3400–U+9FFF): the UTF-16 code units whose high
    byte is 0x34–0x9F, counted by deleting the others' high bytes (C loops, ≈10 instructions a
    character; the regex's runs cost ≈185)."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return len(high.translate(None, _NOT_HAN_HIGH))
