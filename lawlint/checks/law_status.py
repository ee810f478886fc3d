"""``law_status``: a law or regulation cited as it did not stand in the report's year.

Titles in 《》 are looked up in the table of laws and regulations (:mod:`lawlint.checks.lawtable`). What
the rule reports (``status``):

- ``repealed``: the title had been repealed (or replaced under a new name) before the report year
  began: 《合同法》 in a 2021 report, 《信访条例》 in 2023. Names listed in ``bare`` are matched
  without 《》 too (they must be unmistakable: 合同法, not 宪法).
- ``future``: the title was published only after the report was due (April 1 of the next year):
  《信访工作条例》 in a 2020 report says the year or the title is wrong.
- ``not_in_force``: the title was published but took effect only after the report year, and the
  sentence applies it (``only_if``: 依据, 依照 …): 「依据《民法典》审查合同」 in a 2020 report.
- ``stale_new``: 「新修订的《X》」 when X's latest revision by the end of the report year is more than
  ``months`` months old; the fix drops the 「新修订的」.

A report on year Y is written in the first quarter of Y+1. A sentence matching ``unless`` (it says
the law was repealed, or the text is a draft being made) and a citation right after a word matching
``unless_before`` (「原」) are left alone. With no report year nothing is judged.
"""
from __future__ import annotations

from . import dates as dt      # (datetime.date without importing datetime)
from . import cited, lawtable
from ..rulepack import regexcache
from . import scope as sc
from . import termscan

from .spec import REQUIRED, CheckSpec, Param

_RX_LIST = {"type": "array", "items": {"type": "string"}}
SPEC = CheckSpec({
    "status": Param({"enum": ["repealed", "future", "not_in_force", "stale_new"]}, REQUIRED, "报告哪一种情况"),
    "only_if": Param(_RX_LIST, [], "所在句子须匹配其一（如“依据|依照”：作为执法依据适用）", regex=True, year=True),
    "bare": Param(_RX_LIST, [], "不带书名号也识别的名称（正则，匹配文字须是表中的名称或简称）", regex=True, year=True),
    "unless": Param(_RX_LIST, [], "所在句子匹配其一则不报（如说明已废止、起草中）", regex=True, year=True),
    "unless_before": Param(_RX_LIST, [], "紧挨在前的文字匹配其一则不报（以 $ 结尾，如“原$”）", regex=True, year=True),
    "new": Param({"type": "string"}, "新(?:修订|修改|修正)?(?:后)?的?$",
                 "stale_new：紧挨在书名号前、表示“新修订”的文字（以 $ 结尾）", regex=True),
    "months": Param({"type": "integer", "minimum": 1}, 24, "stale_new：最近一次修订距报告年度末超过几个月不再称“新”"),
    "skip": Param(_RX_LIST, [], "不由本规则报告的名称（已有专门规则的）"),
    "scope": Param(sc.SCOPE_SCHEMA, "body"),
}, fields=("term", "title", "date", "successor", "year"),
    derived={"skip_keys": lambda v: frozenset(lawtable.key(s) for s in v["skip"]),
             # the bare patterns' names (:mod:`.termscan` looks for them once per report)
             "words": lambda v: frozenset(w for rx in v["bare"] for w in _names(rx) or ())})
_BEFORE = 24
_LONGEST = 60           # characters of a title looked up
_MANY = 24              # ``bare``: the names a pattern needs, found with a str.find each


def _citations(ctx, pats, scope):
    """(start, end, name, span start) of every title in 《》 and every bare name in scope: per span,
    in the spans' order, its titles, then each bare pattern's names."""
    text = ctx.doc.text
    titles = _titles(ctx, scope)
    found = termscan.present(ctx, pats.words) if pats.bare else None
    bare = [(rx, _bare_spans(text, rx, sc.spans(ctx, scope), found)) for rx in pats.bare]
    bare = [(rx, set(where)) for rx, where in bare if where]
    if not bare:
        return _flat(ctx, scope, titles)
    order = {span: i for i, span in enumerate(sc.spans(ctx, scope))}
    held = sorted({*titles, *(span for _, where in bare for span in where)}, key=order.__getitem__)
    return _merged(text, titles, bare, held)


def _titles(ctx, scope) -> dict:
    """{span: [(start, end, title)]}: the document's titles (:mod:`lawlint.checks.cited`, one scan
    shared with ``citation``), or a scan of each span for a section's scope."""
    if scope in cited.BLOCK_SCOPES:
        return cited.by_span(ctx, scope, _LONGEST)
    memo = ctx.cache.setdefault("law_status.titles", {})     # the same for the four rules
    got = memo.get(scope)
    if got is None:
        got = memo[scope] = cited.plain_by_span(ctx, scope, _LONGEST)
    return got


def _known(ctx, pats, scope) -> list:
    """(start, end, span start, entry, entry's key) of each citation in the law table: looked up
    once per report and scope for the rules that read titles alone."""
    found = _citations(ctx, pats, scope)
    if type(found) is not list:             # (bare names too: this rule's own)
        return list(_looked_up(ctx, found))
    memo = ctx.cache.setdefault("law_status.known", {})
    got = memo.get(scope)
    if got is None:
        got = memo[scope] = list(_looked_up(ctx, found))
    return got


def _looked_up(ctx, found):
    """Each citation's entry and its key: each name looked up once per report, whatever the
    rules, scopes and places that cite it."""
    names = ctx.cache.get("law_status.names")
    if names is None:
        names = ctx.cache["law_status.names"] = {}
    for a, b, name, s in found:
        got = names.get(name)
        if got is None:
            entry = lawtable.lookup(name)
            got = names[name] = (entry, None if entry is None else lawtable.key(entry["title"]))
        if got[0] is not None:
            yield a, b, s, got[0], got[1]


def _flat(ctx, scope, titles) -> list:
    return [(a, b, name, s) for (s, _), found in titles.items() for a, b, name in found]


def _names(rx):
    return regexcache.required_literals(rx.pattern, _MANY)


def _bare_spans(text, rx, spans, found=None) -> list:
    """The spans where ``rx`` may match: those holding one of the names it cannot match without
    (however many: a find each costs far less than its scan of every span), or every span. With
    ``found`` (the words the report holds, :mod:`.termscan`) only the names it holds are found."""
    needed = _names(rx)
    if not needed:
        return list(spans)
    if found is not None:
        needed = [w for w in needed if w in found]
        if not needed:
            return []
    return sc.holding(text, needed, spans)


def _merged(text, titles, bare, held):
    for span in held:
        s, e = span
        for a, b, name in titles.get(span, ()):
            yield a, b, name, s
        for rx, where in bare:
            if span not in where:
                continue
            for m in rx.finditer(text, s, e):
                if not sc.in_title_marks(text, m.start(), m.end()):
                    yield m.start(), m.end(), m.group(0), s


def _quiet(text, a, b, line_start, pats) -> bool:
    lo, hi = sc.sentence_at(text, a, b)
    if any(rx.search(text, lo, hi) for rx in pats.unless):
        return True
    if pats.only_if and not any(rx.search(text, lo, hi) for rx in pats.only_if):
        return True
    before = text[max(line_start, a - _BEFORE):a]
    return any(rx.search(before) for rx in pats.unless_before)


def check(ctx, rule, p):
    """The findings (a list when there is nothing to judge: no year, or no citation in the table)."""
    if ctx.year is None:
        return []
    known = _known(ctx, p, p.scope)
    return _judged(ctx, rule, p, known) if known else []


def _judged(ctx, rule, p, known):
    pats, text = p, ctx.doc.text
    judge = {"repealed": _repealed, "future": _future, "not_in_force": _not_in_force,
             "stale_new": _stale}[p.status]
    for a, b, line_start, entry, k in known:
        if k in p.skip_keys:
            continue
        found = judge(ctx, rule, entry, a, b, line_start, pats)
        if found is None or _quiet(text, found[0], found[1], line_start, pats):
            continue
        start, end, when, replacement = found
        yield ctx.diagnostic(rule, start, end, replacement=replacement, fields=dict(
            term=text[start:end], title=entry["title"], date=_shown(when),
            successor=entry.get("replaced_by", ""), year=ctx.year))


def _shown(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _repealed(ctx, rule, entry, a, b, line_start, pats):
    gone = lawtable.date(entry.get("repealed"))
    if gone is None or gone > dt.date(ctx.year, 1, 1):
        return None
    return a, b, gone, None


def _future(ctx, rule, entry, a, b, line_start, pats):
    born = lawtable.date(entry.get("published"))
    if born is None or born < dt.date(ctx.year + 1, 4, 1):   # known when the report was due
        return None
    return a, b, born, None


def _not_in_force(ctx, rule, entry, a, b, line_start, pats):
    starts = lawtable.date(entry.get("effective"))
    if starts is None or starts <= dt.date(ctx.year, 12, 31) or _future(ctx, rule, entry, a, b, line_start, pats):
        return None
    return a, b, starts, None


def _stale(ctx, rule, entry, a, b, line_start, pats):
    text = ctx.doc.text
    if text[a] != "《":
        return None
    m = pats.new.search(text, max(line_start, a - 8), a)
    if m is None:
        return None
    end_of_year = dt.date(ctx.year, 12, 31)
    dates = [lawtable.date(r["date"]) for r in entry.get("revisions", ())]
    dates = [d for d in dates if d is not None and d <= end_of_year]
    if not dates:
        return None
    last = max(dates)
    months = (end_of_year.year - last.year) * 12 + end_of_year.month - last.month
    if months <= pats.months:
        return None
    return m.start(), b, last, text[a:b]
