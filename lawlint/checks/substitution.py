"""``substitution``: a term that is dated, wrong or anachronistic for the report's year.

A rule carries a table (``terms``) of entries: the patterns of the old or wrong wording, the
current wording, when it changed, the report years the entry applies to, and the contexts in which
the old wording is fine (「原区政府法制办」, a title quoted in 《》, 「“十三五”时期」 looking back).
A report on year Y is written in the first quarter of Y+1, so the windows are in report years.

Entry fields: ``match`` (regexes; write CJK boundaries explicitly, ``\\b`` means nothing in
Chinese), ``current``, ``changed``, ``years`` {from, to}, ``severity``, ``weight``,
``message``/``suggestion`` (templates with {term} {current} {changed} {year}), ``replacement``
(only for clear-cut fixes: the text a fix writes), ``quoted`` (also match inside 《》),
``only_if``/``unless`` (regexes on the sentence), ``only_if_before``/``unless_before`` (regexes on
the text just before the match, on the same line), ``scope``, and ``sentence: full`` (the
sentence the ``only_if``/``unless`` patterns see runs to its 。, not to the first 「；」: a
reconsideration sentence lists its outcomes in clauses).

Entries whose ``years`` window cannot be judged (the report year is unknown) are skipped.
"""
from __future__ import annotations

from ..rulepack import regexcache
from ..vocabulary import SEVERITY_SCHEMA
from . import scope as sc
from . import termscan
from .spec import REQUIRED, CheckSpec, Param, Table

_RX_LIST = {"type": "array", "items": {"type": "string"}}


def _rx(description, required=False):
    """A field of regexes, filled per report year: required (at least one) or default []."""
    return Param(dict(_RX_LIST, minItems=1) if required else _RX_LIST, REQUIRED if required else [],
                 description, regex=True, year=True)


ENTRY = {
    "match": _rx("旧词、错词的正则", required=True),
    "current": Param({"type": "string"}, "", "现行规范说法"),
    "changed": Param({"type": "string"}, "", "变化的时间（如 2018-03）"),
    "years": Param({"type": "object", "additionalProperties": False,
                    "properties": {"from": {"type": "integer"}, "to": {"type": "integer"}}}, None,
                   "适用的报告年度（不写则不限）"),
    "severity": Param(SEVERITY_SCHEMA, None, "本条的严重程度（不写则用规则的）"),
    "weight": Param({"type": "number", "minimum": 0}, None, "本条每处扣分（不写则用规则的）"),
    "message": Param({"type": "string"}, None, "本条的提示（不写则用规则的）"),
    "suggestion": Param({"type": "string"}, None, "本条的修改建议（不写则用规则的）"),
    "replacement": Param({"type": "string"}, None, "可自动替换为（仅限没有歧义的改正）"),
    "quoted": Param({"type": "boolean"}, False, "书名号《》内的也算（默认不算：引用旧文件标题是允许的）"),
    "only_if": _rx("所在句子须匹配其一"),
    "unless": _rx("所在句子匹配其一则不报（历史表述等）"),
    "only_if_before": _rx("紧挨在前的文字须匹配其一（以 $ 结尾）"),
    "unless_before": _rx("紧挨在前的文字匹配其一则不报（如“原”）"),
    "scope": Param(sc.SCOPE_SCHEMA, None, "本条的检查范围（不写则用规则的 scope）"),
    "sentence": Param({"enum": ["clause", "full"]}, "clause",
                      "only_if/unless 看的范围：clause 到分号为止（默认），full 整句（到句号）"),
}
SPEC = CheckSpec({
    "terms": Table(ENTRY, REQUIRED, "术语表", min_items=1),
    "scope": Param(sc.SCOPE_SCHEMA, "document"),
}, fields=("term", "current", "changed", "year"),
    # the strings each entry's patterns cannot match without (None: the pattern needs none)
    derived={"needed": lambda v: _needed(v),
             # all of them (:mod:`.termscan` looks for them once per report), and whether a
             # pattern needs none
             "words": lambda v: frozenset(w for needs in v["needed"] for n in needs if n for w in n),
             "always": lambda v: any(n is None for needs in v["needed"] for n in needs)})


def _needed(v):
    return [[regexcache.required_literals(rx.pattern) for rx in e.match] for e in v["terms"]]
_BEFORE = 24   # characters of left context the *_before patterns see


def _in_years(entry, year) -> bool:
    win = entry.years
    if not win:
        return True
    if year is None:
        return False
    return win.get("from", -10**9) <= year <= win.get("to", 10**9)


def check(ctx, rule, p):
    """The findings (a list when the report holds none of the rule's words: nothing to look at)."""
    found = termscan.present(ctx, p.words)
    if found is not None and not p.always and found.isdisjoint(p.words):
        return []
    return _found(ctx, rule, p, found)


def _found(ctx, rule, p, found):
    """``found``: the words the report holds (:mod:`.termscan`), or None to ask the text."""
    text = ctx.doc.text
    seen = set()
    default_scope = p.scope
    held: dict = {}         # a required string -> whether the text holds it (asked once)
    at = termscan.starts(ctx)   # where the scan's words start (the paragraphs holding them)
    for entry, needs in zip(p.terms, p.needed):
        if not _in_years(entry, ctx.year):
            continue
        live = [rx for rx, need in zip(entry.match, needs)               # most terms: not in it
                if need is None or (_holds(text, need, held) if found is None else not found.isdisjoint(need))]
        if not live:
            continue
        spans = sc.spans(ctx, entry.scope or default_scope)
        live = [(rx, sc.where(ctx, rx, spans, found, at)) for rx in live]     # and where (None: anywhere)
        for s, e in termscan.visited(spans, live):
            for rx, where in live:
                if where is not None and (s, e) not in where:
                    continue
                for m in rx.finditer(text, s, e):
                    a, b = m.span()
                    if a == b or any(a < y and x < b for x, y in seen):
                        continue
                    if not entry.quoted and sc.in_title_marks(text, a, b):
                        continue
                    if not _context_ok(text, a, b, s, entry, entry.sentence == "full"):
                        continue
                    seen.add((a, b))
                    yield _diagnostic(ctx, rule, entry, m)


def _holds(text, need, held) -> bool:
    """Does ``text`` hold one of the strings ``need`` (what ``may_occur_in`` asks, each string
    asked of the text once per rule)?"""
    for w in need:
        got = held.get(w)
        if got is None:
            got = held[w] = w in text
        if got:
            return True
    return False


def _context_ok(text, a, b, line_start, entry, full=False) -> bool:
    lo, hi = sc.sentence_at(text, a, b, sc.FULL_STOPS) if full else sc.sentence_at(text, a, b)
    sentence = text[lo:hi]
    if entry.only_if and not any(rx.search(sentence) for rx in entry.only_if):
        return False
    if any(rx.search(sentence) for rx in entry.unless):
        return False
    before = text[max(line_start, a - _BEFORE):a]
    if entry.only_if_before and not any(rx.search(before) for rx in entry.only_if_before):
        return False
    if any(rx.search(before) for rx in entry.unless_before):
        return False
    return True


def quoted_term(t: str) -> str:
    """A term as it reads inside “…” in a message: outer quotes dropped, inner ones made single."""
    if t.startswith(("“", '"')) and t.endswith(("”", '"')) and t.count("“") <= 1:
        t = t[1:-1]
    return t.replace("“", "‘").replace("”", "’")


def _diagnostic(ctx, rule, entry, m):
    fields = dict(term=quoted_term(m.group(0)), current=quoted_term(entry.current),
                  changed=entry.changed, year=ctx.year or "")
    replacement = entry.replacement
    if replacement is not None:
        replacement = m.expand(replacement)
    return ctx.diagnostic(rule, m.start(), m.end(), message=entry.message,
                          suggestion=entry.suggestion, fields=fields,
                          severity=entry.severity, replacement=replacement,
                          weight=entry.weight)
