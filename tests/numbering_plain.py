"""The numbering aspects as they were before each was made cheaper (lawlint/numbering at main
20bdc8e, verbatim but for imports and the names of what they keep on the document): the oracle the
fast paths are compared with (tests/test_numbering_fast.py)."""
# flake8: noqa
import re
from collections import Counter

from lawlint import numbering as num
from lawlint.chars import strip_blank
from lawlint.rulepack import template as tpl
from lawlint.rulepack.regexcache import required_literals
from lawlint.rulepack.resources import load_data
from lawlint.numbering.base import _WS, data, numbered_of, sibling_groups, token_span


def flattened(doc) -> bool:
    """Was any heading found in the middle of a line (a scraped page that lost its line breaks)?"""
    text = doc.text
    for h in doc.headings:
        line_start = text.rfind("\n", 0, h.start) + 1
        if text[line_start:h.start].strip(_WS):
            return True
    return False


def canonical(family, value) -> str:
    return num.Token(family, value, "", "", "", 0).canonical()


def message_for(rule, params, variant=None, **kw) -> str:
    """The rule's message, or its ``variants`` message for a special case, filled."""
    template = params.variants[variant] if variant in params.variants else rule.message
    return tpl.fill(template, **kw)



# -- sequence --------------------------------------------------------------------------------------
def _walk(doc, heads):
    """(kind, heading, expected value, previous heading) for every break in a sibling sequence."""
    allowed = set(map(id, heads))
    last: dict = {}      # (level, family) -> last value, for numbering continued across parents
    for sibs in sibling_groups(doc):
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


def gap(ctx, rule, params, heads, doc):
    for kind, h, expected, prev in _walk(doc, heads):
        if kind != "gap":
            continue
        s, e = token_span(h)
        fam = h.token.family
        words = load_data("wording.yaml")["numbering"]
        missing = "".join(tpl.fill(words["item"], token=canonical(fam, v)) for v in range(expected, h.value)) \
            if h.value - expected <= 3 else \
            tpl.fill(words["range"], first=canonical(fam, expected), last=canonical(fam, h.value - 1))
        yield ctx.diagnostic(rule, s, e, message=message_for(
            rule, params, "start" if prev is None else None, token=strip_blank(h.token.text), missing=missing,
            prev=strip_blank(prev.token.text) if prev else words["none"]))


def repeat(ctx, rule, params, heads, doc):
    for kind, h, expected, prev in _walk(doc, heads):
        if kind == "repeat":
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=message_for(
                rule, params, token=strip_blank(h.token.text), prev=strip_blank(prev.token.text),
                expected=canonical(h.token.family, expected)))


def unnumbered(ctx, rule, params, heads, doc):
    for kind, h, expected, prev in _walk(doc, heads):
        if kind == "unnumbered":
            want = canonical(prev.token.family, expected)
            yield ctx.diagnostic(rule, h.start, h.start + min(len(h.title), 12),
                                 message=message_for(rule, params, title=h.title[:20], expected=want,
                                              prev=strip_blank(prev.token.text)),
                                 fields={"expected": want})


def single(ctx, rule, params, heads, doc):
    allowed = set(map(id, heads))
    for sibs in sibling_groups(doc):
        numbered = numbered_of(sibs)
        if len(sibs) == 1 and len(numbered) == 1 and numbered[0].value == 1 \
                and id(numbered[0]) in allowed:
            h = numbered[0]
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=message_for(
                rule, params, token=strip_blank(h.token.text), next=canonical(h.token.family, 2)))


# -- hierarchy -------------------------------------------------------------------------------------
def _rank(h):
    return data()["order"].get(h.token.family) if h.token is not None else None


def depth(ctx, rule, params, heads, doc):
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
            yield ctx.diagnostic(rule, s, e, message=message_for(
                rule, params, token=strip_blank(h.token.text), parent=strip_blank(p.token.text),
                family=names[h.token.family], parent_family=names[p.token.family]))


def skip(ctx, rule, params, heads, doc):
    names, order = data()["names"], data()["order"]
    allowed = set(map(id, heads))     # identity, not a list scan (nor dataclass equality)
    ranked = [h for h in doc.top_headings if _rank(h) is not None]
    if ranked and min(_rank(h) for h in ranked) > 0 and id(ranked[0]) in allowed:
        h = ranked[0]
        s, e = token_span(h)
        yield ctx.diagnostic(rule, s, e, message=message_for(
            rule, params, "top", token=strip_blank(h.token.text), family=names[h.token.family],
            expected=names[next(iter(order))]))
    for p in doc.headings:
        kids = [c for c in p.children if _rank(c) is not None and id(c) in allowed]
        if not kids or _rank(p) is None:
            continue
        h = kids[0]
        if _rank(h) > _rank(p) + 1:
            want = next(f for f, r in order.items() if r == _rank(p) + 1)
            s, e = token_span(h)
            yield ctx.diagnostic(rule, s, e, message=message_for(
                rule, params, token=strip_blank(h.token.text), family=names[h.token.family],
                expected=names[want], parent=strip_blank(p.token.text)))





# -- how a token is written --------------------------------------------------------------------------
def brackets(ctx, rule, params, heads, doc):
    for h in heads:
        t = h.token
        if t is None or t.brackets not in ("half", "mixed"):
            continue
        start = h.title_start - t.length
        close = max(t.text.rfind(")"), t.text.rfind("）"))
        inner = t.text[1:close].strip(_WS)
        yield ctx.diagnostic(rule, start, start + close + 1,
                             message=message_for(rule, params, token=t.text[:close + 1], fixed=f"（{inner}）"),
                             replacement=f"（{inner}）")


def _punct_of(h):
    """(offset, punctuation as written) of a heading token's ordinal punctuation."""
    t = h.token
    start = h.title_start - t.length
    body = t.text.rstrip(_WS)
    if not t.punct:
        return start + len(body), ""
    return start + len(body) - len(t.punct), t.punct


def punct(ctx, rule, params, heads, doc):
    allowed, names = data()["punct"], data()["names"]
    for h in heads:
        t = h.token
        if t is None or t.family not in allowed or t.punct in allowed[t.family]:
            continue
        off, p = _punct_of(h)
        good = allowed[t.family][0]
        yield ctx.diagnostic(rule, off, off + len(p), message=message_for(
            rule, params, token=strip_blank(t.text), punct=p, fixed=canonical(t.family, t.value),
            family=names[t.family]), replacement=good)
    if params.inline:
        for family, m, off in _inline_items(doc):
            p = m.group("punct")
            if p in allowed[family]:
                continue
            good = allowed[family][0]
            written = m.group(0).strip(_WS)
            yield ctx.diagnostic(rule, off + m.start("punct"), off + m.end("punct"), message=message_for(
                rule, params, token=written, punct=p, fixed=canonical(family, _value(family, m)),
                family=names[family]), replacement=good)


def _value(family, m):
    n = m.group("num")
    return int(n) if n.isdigit() else (num.cn_to_int(n) or 1)


def _inline_items(doc):
    """(family, match, offset) of numbered items inside the running text of paragraphs, found
    once per document (two rules read them)."""
    return doc.derived("plain.inline_items", lambda: list(_find_inline_items(doc)))


def _find_inline_items(doc):
    # A pattern is scanned only through the paragraphs holding one of the strings each of its
    # matches contains (「第」 for 第一、…): a scan tries every position of the paragraph.
    text = doc.text
    scans = [(family, rx.finditer, required_literals(rx.pattern) or ("",))
             for family, rx in data()["inline"].items()]
    for b in doc.body_blocks:
        if b.heading is not None and not b.heading.run_in:
            continue
        start = b.body_start if b.heading is not None else b.start
        chunk = text[start:b.end]
        for family, finditer, needed in scans:
            for s in needed:
                if s in chunk:
                    for m in finditer(chunk):
                        yield family, m, start
                    break


def period(ctx, rule, params, heads, doc):
    """Stand-alone headings ending in 「。」 where their level mostly does not (an outlier)."""
    for h in _periods(doc, heads, house_style=False):
        end = h.block.end
        yield ctx.diagnostic(rule, end - 1, end, message=message_for(rule, params, title=h.title[:20]),
                             replacement="")


def period_style(ctx, rule, params, heads, doc):
    """The same headings where their level consistently ends in 「。」: a house style (the
    standard only says 通常), reported as a hint rather than at every heading."""
    for h in _periods(doc, heads, house_style=True):
        end = h.block.end
        yield ctx.diagnostic(rule, end - 1, end, message=message_for(rule, params, title=h.title[:20]))


def _periods(doc, heads, *, house_style: bool):
    """Stand-alone headings ending in 「。」 (with children or body text after them), those whose
    level is written that way by most of its headings (house_style) or those that are not."""
    blocks = doc.body_blocks
    index = {id(b): i for i, b in enumerate(blocks)}
    ended, total = Counter(), Counter()
    for h in doc.headings:             # a run-in heading's title ends in 。 by nature: that style too
        total[h.level] += 1
        ended[h.level] += h.run_in or h.block.text.endswith("。")
    for h in heads:
        if h.run_in or not h.block.text.endswith("。") or re.search(r"\d", h.title):
            continue
        i = index.get(id(h.block))
        nxt = blocks[i + 1] if i is not None and i + 1 < len(blocks) else None
        if not (h.children or (nxt is not None and nxt.heading is None)):
            continue
        style = ended[h.level] >= 2 and 2 * ended[h.level] > total[h.level]
        if style == house_style:
            yield h


def mixed(ctx, rule, params, heads, doc):
    names = data()["names"]
    # 1. One level, different families under different parents.
    by_level: dict[int, list] = {}
    allowed = set(map(id, heads))
    flat = doc.derived("plain.flattened", lambda: flattened(doc))   # (asked by the tree aspects too)
    for sibs in ([] if flat else sibling_groups(doc)):
        numbered = [h for h in numbered_of(sibs) if id(h) in allowed and h.token.family != "di"]
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
                yield ctx.diagnostic(rule, s, e, message=message_for(
                    rule, params, token=strip_blank(g[0].token.text), family=names[g[0].token.family],
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
    if params.inline:
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
                yield ctx.diagnostic(rule, s, e, replacement="", message=message_for(
                    rule, params, "space", token=token, major=sample))
            else:
                yield ctx.diagnostic(rule, s - len(strip_blank(form)), e, message=message_for(
                    rule, params, "form", token=token, major=sample))


# Aspects that read the heading tree; a flattened page (headings found mid-line) gives an
# unreliable tree, so only the token-level aspects run there.
TREE_ASPECTS = {"gap", "repeat", "unnumbered", "single", "depth", "skip", "period", "period_style"}


def check(ctx, rule, p):
    aspect = p.aspect
    levels = p.levels
    doc = ctx.doc
    if aspect in TREE_ASPECTS and doc.derived("plain.flattened", lambda: flattened(doc)):
        return          # (asked by eight rules: worked out once per report)
    heads = [h for h in doc.headings if not levels or h.level in levels]
    if aspect == "single" and ctx.partial is not None and doc.top_headings:
        # a partial text: the lists open where it stops may go on past the cut
        floor = doc.top_headings[-1].start
        heads = [h for h in heads if h.start < floor]
    yield from _ASPECTS[aspect](ctx, rule, p, heads, doc)


_ASPECTS = {"gap": gap, "repeat": repeat, "unnumbered": unnumbered,
            "single": single, "depth": depth, "skip": skip,
            "brackets": brackets, "punct": punct, "period": period,
            "period_style": period_style,
            "mixed": mixed}
