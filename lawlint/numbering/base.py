"""What the numbering aspects share: the numbering data, a heading token's span and standard
form, sibling groups, and the flattened-page test."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import numbering as num
from ..rulepack import regexcache
from ..rulepack import template as tpl
from ..chars import WHITESPACE
from ..rulepack.resources import load_data

_WS = WHITESPACE


@lru_cache(maxsize=1)
def data():
    d = load_data("numbering.yaml")
    return {"order": {f: i for i, f in enumerate(d["order"])}, "punct": d["punct"],
            "names": d["names"], "inline": {k: regexcache.compile(num.expand(v)) for k, v in d["inline"].items()}}


def flattened(doc) -> bool:
    """Was any heading found in the middle of a line (a scraped page that lost its line breaks)?"""
    text = doc.text
    for h in doc.headings:
        line_start = text.rfind("\n", 0, h.start) + 1
        if text[line_start:h.start].strip(_WS):
            return True
    return False


def token_span(h) -> tuple[int, int]:
    start = h.title_start - h.token.length
    return start, start + len(h.token.text.rstrip(_WS))


def canonical(family, value) -> str:
    return num.Token(family, value, "", "", "", 0).canonical()


def message_for(rule, params, variant=None, **kw) -> str:
    """The rule's message, or its ``variants`` message for a special case, filled."""
    template = params.variants[variant] if variant in params.variants else rule.message
    return tpl.fill(template, **kw)


def sibling_groups(doc):
    """Sibling lists: the top level, then each heading's children, in document order."""
    yield doc.top_headings
    for h in doc.headings:
        if h.children:
            yield h.children


def numbered_of(sibs):
    return [h for h in sibs if h.token is not None]
