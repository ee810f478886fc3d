"""Values from reports and file names made safe for the formats that interpret them.

* XML 1.0 allows only tab, line feed, carriage return and U+0020–U+D7FF, U+E000–U+FFFD,
  U+10000–U+10FFFF; anything else (``\\x0b \\x0c \\x1b \\x08``, lone surrogates) makes the document
  not well-formed, so each is replaced by U+FFFD.
* A spreadsheet runs a cell that begins with ``= + - @`` (or a tab or carriage return before
  one) as a formula: such a cell gets a leading ``'`` (OWASP's CSV-injection rule).
"""
from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def xml_text(s: str) -> str:
    return _NOT_XML.sub("\ufffd", s)


def csv_cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value
