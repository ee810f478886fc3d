"""``numbering``: heading numbers as GB/T 9704 §7.3.3 and GB/T 15834 want them.

The document model already gives every heading its token (family, value, punctuation, bracket
width), level, parent and children. One check type covers the numbering; each ``aspect`` is its
own rule, so each has its own severity, weight and cap:

- ``gap`` / ``repeat``: within one parent the values run 1, 2, 3 … without holes or repeats
  (numbering that continues across parents — （一） 1. 2. （二） 3. 4. — is a style, not a gap);
- ``unnumbered``: a heading with no number sits exactly where one is missing (（五）, an
  unnumbered heading, （七）);
- ``single``: a list of one (「一、」 never followed by 「二、」);
- ``depth``: a child's family is not deeper than its parent's (「（一）」 under 「1.」);
- ``skip``: a level is skipped (「1.」 directly under 「一、」), or level 1 is not 「一、」;
- ``brackets``: half-width or mixed brackets 「(一)」 (fixable: 「（一）」);
- ``punct``: wrong punctuation after the ordinal (「1、」「第一、」「（一）、」), fixable;
- ``period``: a stand-alone heading line ends in 「。」 (a run-in heading may);
- ``mixed``: one level written in different ways (「（一）」 under one parent, 「1.」 under
  another; 「1.」 and 「1. 」 with a space), headings and numbered items inside paragraphs alike.

Families, their order and their punctuation are data (``rules/data/numbering.yaml``).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import regexcache
from .. import numbering as num
from ..chars import WHITESPACE
from .. import template as tpl

ASPECTS = ["gap", "repeat", "unnumbered", "single", "depth", "skip", "brackets", "punct", "period",
           "mixed"]
# The {placeholders} this check fills in messages and suggestions (the loader checks them).
FIELDS = (
    "token", "missing", "prev", "title", "expected", "next", "parent", "family",
    "parent_family", "fixed", "punct", "major")
PARAMS = {
    "aspect": {"enum": ASPECTS, "description": "检查哪一方面（见 lawlint/checks/numbering.py）"},
    "levels": {"type": "array", "items": {"type": "integer", "minimum": 1},
               "description": "只检查这些层级的标题（默认全部）"},
    "inline": {"type": "boolean", "description": "同时检查段落中的编号（如“。1.……2.……”）"},
    "variants": {"type": "object", "additionalProperties": {"type": "string"},
                 "description": "特殊情形的提示信息（如 start：同级第一个序号不是 1；top：一级标题）"},
}
_WS = WHITESPACE


@lru_cache(maxsize=1)
def data():
    from ..resources import load_data
    d = load_data("numbering.yaml")
    return {"order": {f: i for i, f in enumerate(d["order"])}, "punct": d["punct"],
            "names": d["names"], "inline": {k: regexcache.compile(v) for k, v in d["inline"].items()}}


def compile(rule):
    if "aspect" not in rule.params:
        raise ValueError("numbering 规则必须写明 aspect")
    data()
    return None


# Aspects that read the heading tree; a flattened page (headings found mid-line) gives an
# unreliable tree, so only the token-level aspects run there.
TREE_ASPECTS = {"gap", "repeat", "unnumbered", "single", "depth", "skip", "period"}


def check(ctx, rule):
    aspect = rule.params["aspect"]
    levels = rule.params.get("levels")
    doc = ctx.doc
    if aspect in TREE_ASPECTS and flattened(doc):
        return
    heads = [h for h in doc.headings if not levels or h.level in levels]
    yield from globals()["_" + aspect](ctx, rule, heads, doc)


def flattened(doc) -> bool:
    """Was any heading found in the middle of a line (a scraped page that lost its line breaks)?"""
    text = doc.text
    for h in doc.headings:
        line_start = text.rfind("\n", 0, h.start) + 1
        if text[line_start:h.start].strip(_WS):
            return True
    return False


# -- helpers -------------------------------------------------------------------------------------
def token_span(h) -> tuple[int, int]:
    start = h.title_start - h.token.length
    return start, start + len(h.token.text.rstrip(_WS))


def canonical(family, value) -> str:
    return num.Token(family, value, "", "", "", 0).canonical()


def _fmt(rule, variant=None, **kw) -> str:
    template = rule.params.get("variants", {}).get(variant, rule.message) if variant else rule.message
    return tpl.fill(template, **kw)


def _groups(doc):
    """Sibling lists: the top level, then each heading's children, in document order."""
    yield doc.top_headings
    for h in doc.headings:
        if h.children:
            yield h.children


def _numbered(sibs):
    return [h for h in sibs if h.token is not None]


# -- sequence --------------------------------------------------------------------------------------
def _walk(doc, heads):
    """(kind, heading, expected value, previous heading) for every break in a sibling sequence."""
    allowed = set(map(id, heads))
    last: dict = {}      # (level, family) -> last value, for numbering continued across parents
    for sibs in _groups(doc):
        prev, pending = None, []
        for h in sibs:
            if h.token is None:
                pending.append(h)
                continue
            key = (h.level, h.token.family)
            before = last.get(key, 0)
            continued = prev is None and h.value > 1 and h.value == before + 1
            last[key] = h.value
            if prev is None and len(pending) == 1 and h.value == 2:
                if id(pending[0]) in allowed:       # an unnumbered first item, then （二）
                    yield "unnumbered", pending[0], 1, h
            elif prev is None and h.value > 1 and not pending and not continued \
                    and id(h) in allowed:
                yield "gap", h, before + 1 if 1 < before + 1 < h.value else 1, None
            if prev is None or prev.token.family != h.token.family:
                prev, pending = h, []
                continue
            expected = prev.value + 1
            if pending and h.value == expected + len(pending):
                for i, u in enumerate(pending):
                    if id(u) in allowed:
                        yield "unnumbered", u, expected + i, prev
            elif h.value > expected + len(pending) and id(h) in allowed:
                yield "gap", h, expected, prev
            elif h.value < expected and id(h) in allowed:
                yield "repeat", h, expected, prev
            prev, pending = h, []


def _gap(ctx, rule, heads, doc):
    for kind, h, expected, prev in _walk(doc, heads):
        if kind != "gap":
            continue
        s, e = token_span(h)
        fam = h.token.family
        missing = "".join(f"「{canonical(fam, v)}」" for v in range(expected, h.value)) \
            if h.value - expected <= 3 else \
            f"「{canonical(fam, expected)}」至「{canonical(fam, h.value - 1)}」"
        yield ctx.diagnostic(rule, s, e, message=_fmt(
            rule, "start" if prev is None else None, token=h.token.text.strip(), missing=missing,
            prev=prev.token.text.strip() if prev else "（无）"))


def _repeat(ctx, rule, heads, doc):
    for kind, h, expected, prev in _walk(doc, heads):
        if kind == "repeat":
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=_fmt(
                rule, token=h.token.text.strip(), prev=prev.token.text.strip(),
                expected=canonical(h.token.family, expected)))


def _unnumbered(ctx, rule, heads, doc):
    for kind, h, expected, prev in _walk(doc, heads):
        if kind == "unnumbered":
            want = canonical(prev.token.family, expected)
            yield ctx.diagnostic(rule, h.start, h.start + min(len(h.title), 12),
                                 message=_fmt(rule, title=h.title[:20], expected=want,
                                              prev=prev.token.text.strip()),
                                 suggestion=f"在标题前加上序号「{want}」")


def _single(ctx, rule, heads, doc):
    allowed = set(map(id, heads))
    for sibs in _groups(doc):
        numbered = _numbered(sibs)
        if len(sibs) == 1 and len(numbered) == 1 and numbered[0].value == 1 \
                and id(numbered[0]) in allowed:
            h = numbered[0]
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=_fmt(
                rule, token=h.token.text.strip(), next=canonical(h.token.family, 2)))


# -- hierarchy -------------------------------------------------------------------------------------
def _rank(h):
    return data()["order"].get(h.token.family) if h.token is not None else None


def _depth(ctx, rule, heads, doc):
    names = data()["names"]
    first: dict = {}     # id(parent) -> its first ranked child, found once per parent
    for h in heads:
        p = h.parent
        if p is None or _rank(h) is None or _rank(p) is None:
            continue
        if id(p) not in first:
            first[id(p)] = next(c for c in p.children if _rank(c) is not None)
        if _rank(h) <= _rank(p) and h is first[id(p)]:
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=_fmt(
                rule, token=h.token.text.strip(), parent=p.token.text.strip(),
                family=names[h.token.family], parent_family=names[p.token.family]))


def _skip(ctx, rule, heads, doc):
    names, order = data()["names"], data()["order"]
    allowed = set(map(id, heads))     # identity, not a list scan (nor dataclass equality)
    ranked = [h for h in doc.top_headings if _rank(h) is not None]
    if ranked and min(_rank(h) for h in ranked) > 0 and id(ranked[0]) in allowed:
        h = ranked[0]
        s, e = token_span(h)
        yield ctx.diagnostic(rule, s, e, message=_fmt(
            rule, "top", token=h.token.text.strip(), family=names[h.token.family],
            expected=names[next(iter(order))]))
    for p in doc.headings:
        kids = [c for c in p.children if _rank(c) is not None and id(c) in allowed]
        if not kids or _rank(p) is None:
            continue
        h = kids[0]
        if _rank(h) > _rank(p) + 1:
            want = next(f for f, r in order.items() if r == _rank(p) + 1)
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=_fmt(
                rule, token=h.token.text.strip(), family=names[h.token.family],
                expected=names[want], parent=p.token.text.strip()))


# -- how a token is written --------------------------------------------------------------------------
def _brackets(ctx, rule, heads, doc):
    for h in heads:
        t = h.token
        if t is None or t.brackets not in ("half", "mixed"):
            continue
        start = h.title_start - t.length
        close = max(t.text.rfind(")"), t.text.rfind("）"))
        inner = t.text[1:close].strip(_WS)
        yield ctx.diagnostic(rule, start, start + close + 1,
                             message=_fmt(rule, token=t.text[:close + 1], fixed=f"（{inner}）"),
                             replacement=f"（{inner}）")


def _punct_of(h):
    """(offset, punctuation as written) of a heading token's ordinal punctuation."""
    t = h.token
    start = h.title_start - t.length
    body = t.text.rstrip(_WS)
    if not t.punct:
        return start + len(body), ""
    return start + len(body) - len(t.punct), t.punct


def _punct(ctx, rule, heads, doc):
    allowed, names = data()["punct"], data()["names"]
    for h in heads:
        t = h.token
        if t is None or t.family not in allowed or t.punct in allowed[t.family]:
            continue
        off, p = _punct_of(h)
        good = allowed[t.family][0]
        yield ctx.diagnostic(rule, off, off + len(p), message=_fmt(
            rule, token=t.text.strip(), punct=p, fixed=canonical(t.family, t.value),
            family=names[t.family]), replacement=good)
    if rule.params.get("inline"):
        for family, m, off in _inline_items(doc):
            p = m.group("punct")
            if p in allowed[family]:
                continue
            good = allowed[family][0]
            written = m.group(0).strip(_WS)
            yield ctx.diagnostic(rule, off + m.start("punct"), off + m.end("punct"), message=_fmt(
                rule, token=written, punct=p, fixed=canonical(family, _value(family, m)),
                family=names[family]), replacement=good)


def _value(family, m):
    n = m.group("num")
    return int(n) if n.isdigit() else (num.cn_to_int(n) or 1)


def _inline_items(doc):
    """(family, match, offset) of numbered items inside the running text of paragraphs."""
    text = doc.text
    for b in doc.body_blocks:
        if b.heading is not None and not b.heading.run_in:
            continue
        start = b.body_start if b.heading is not None else b.start
        chunk = text[start:b.end]
        for family, rx in data()["inline"].items():
            for m in rx.finditer(chunk):
                yield family, m, start


def _period(ctx, rule, heads, doc):
    blocks = doc.body_blocks
    index = {id(b): i for i, b in enumerate(blocks)}
    for h in heads:
        if h.run_in or not h.block.text.endswith("。") or re.search(r"\d", h.title):
            continue
        i = index.get(id(h.block))
        nxt = blocks[i + 1] if i is not None and i + 1 < len(blocks) else None
        if h.children or (nxt is not None and nxt.heading is None):
            end = h.block.end
            yield ctx.diagnostic(rule, end - 1, end, message=_fmt(rule, title=h.title[:20]),
                                 replacement="")


def _mixed(ctx, rule, heads, doc):
    names = data()["names"]
    # 1. One level, different families under different parents.
    by_level: dict[int, list] = {}
    allowed = set(map(id, heads))
    for sibs in ([] if flattened(doc) else _groups(doc)):
        numbered = [h for h in _numbered(sibs) if id(h) in allowed and h.token.family != "di"]
        if numbered:
            by_level.setdefault(numbered[0].level, []).append(numbered)
    for level, groups in sorted(by_level.items()):
        fams = Counter(g[0].token.family for g in groups)
        if len(fams) < 2:
            continue
        major = fams.most_common(1)[0][0]
        for g in groups:
            if g[0].token.family != major:
                s, e = token_span(g[0])
                yield ctx.diagnostic(rule, s, e, message=_fmt(
                    rule, token=g[0].token.text.strip(), family=names[g[0].token.family],
                    major=names[major]))
    # 2. One family written two ways: with or without a space after the number (and 1. vs 1．).
    allowed = data()["punct"]
    forms = []   # (family, form, start of the space, end of the space, has space, token as written)
    # A token with wrong punctuation counts as the form the punct rule's fix will give it, so
    # fixing both rules' findings once leaves nothing for a second pass.
    def as_fixed(family, p):
        ok = allowed.get(family, [p])
        return p if p in ok else ok[0]

    for h in heads:
        t = h.token
        if t is None:
            continue
        off, p = _punct_of(h)
        end = off + len(p)
        space = h.title_start - end
        forms.append((t.family, as_fixed(t.family, p) + (" " if space else ""), end,
                      h.title_start, bool(space), t.text.strip(_WS)))
    if rule.params.get("inline"):
        for family, m, off in _inline_items(doc):
            sp = m.group("space")
            forms.append(("inline-" + family, as_fixed(family, m.group("punct")) + (" " if sp else ""),
                          off + m.end("punct"), off + m.end("space"), bool(sp),
                          m.group(0).strip(_WS)))
    for family in sorted({f[0] for f in forms}):
        mine = [f for f in forms if f[0] == family]
        count = Counter(f[1] for f in mine)
        if len(count) < 2:
            continue
        major = min(count, key=lambda k: (-count[k], " " in k))   # a tie: prefer no space
        sample = next(f[5] for f in mine if f[1] == major)
        for fam, form, s, e, space, token in mine:
            if form == major:
                continue
            if space and " " not in major:
                yield ctx.diagnostic(rule, s, e, replacement="", message=_fmt(
                    rule, "space", token=token, major=sample))
            else:
                yield ctx.diagnostic(rule, s - len(form.strip()), e, message=_fmt(
                    rule, "form", token=token, major=sample))
