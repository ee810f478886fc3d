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
    return {"order": {f: i for i, f in enumerate(d["order"])}, "punct": d["punct"], "canonical": d["canonical"],
            "names": d["names"], "inline": {k: regexcache.compile(num.expand(v)) for k, v in d["inline"].items()}}


def flattened(doc) -> bool:
    """Was any heading found in the middle of a line (a scraped page that lost its line breaks)?"""
    text = doc.text
    for h in doc.headings:
        start = h.block.start
        if not start or text[start - 1] == "\n":
            continue            # (at the start of its line)
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip(_WS):
            return True
    return False


def token_span(h) -> tuple[int, int]:
    start = h.title_start - h.token.length
    return start, start + len(h.token.text.rstrip(_WS))


def canonical(family, value) -> str:
    """What ``num.Token(family, value, "", "", "", 0).canonical()`` gives (the standard way to
    write number ``value`` of ``family``), without making the token."""
    form = data()["canonical"].get(family)
    if form is None:
        return ""
    return form.replace("{cn}", num.int_to_cn(value)).replace("{n}", str(value))


def message_for(rule, params, variant=None, **kw) -> str:
    """The rule's message, or its ``variants`` message for a special case, filled: what
    ``tpl.fill(template, **kw)`` gives, joined from the template's pieces (cut once a process) when
    its every field is a plain ``{name}`` (str.format costs ≈ 5,000 instructions on a Chinese
    message, the join a fifth of that)."""
    template = params.variants[variant] if variant in params.variants else rule.message
    pieces = _pieces(template)
    if pieces is None:
        return tpl.fill(template, **kw)
    out = [pieces[0]]
    for name, literal in pieces[1]:
        v = kw.get(name, _MISSING)
        out.append("{" + name + "}" if v is _MISSING else v if type(v) is str else format(v, ""))
        out.append(literal)
    return "".join(out)


_MISSING = object()


@lru_cache(maxsize=256)
def _pieces(template: str):
    """(the text before the first field, ((field name, the text after it), …)) of a template whose
    fields are all plain ``{name}``, with no ``{{`` or ``}}``; None for any other template."""
    if "{{" in template or "}}" in template:
        return None
    head, *rest = template.split("{")
    if "}" in head:
        return None
    fields = []
    for piece in rest:
        name, sep, literal = piece.partition("}")
        if not sep or not name.isidentifier() or "}" in literal:
            return None
        fields.append((name, literal))
    return head, tuple(fields)


def sibling_groups(doc):
    """Sibling lists: the top level, then each heading's children, in document order."""
    yield doc.top_headings
    for h in doc.headings:
        if h.children:
            yield h.children


def numbered_of(sibs):
    return [h for h in sibs if h.token is not None]
