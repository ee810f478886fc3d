"""``plenum``: Party-congress and plenum wording checked against the report's year.

A report on year Y is written in the first quarter of Y+1 (or on its 成文/发布 date when the
page gives one). Aspects, one rule each:

- ``future``: a plenum (「十九届六中全会」) or congress (「二十大精神」) that had not yet been held
  when the report was written;
- ``stale``: an old congress kept as the guiding reference (「贯彻党的十九大精神」 in a report on
  2023) after a new congress has met;
- ``missing``: a list of plenums (「十九届二中、三中、四中、五中全会」) that stops before the latest
  plenum held in the report year;
- ``arabic``: Arabic numerals in congress or plenum names (「19届6中全会」 → 「十九届六中全会」).

Congress and plenum dates, the phrase shapes and how a finding names them are data
(``rules/data/plenums.yaml``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import dates as dt      # (datetime.date without importing datetime)
from ..rulepack import regexcache
from .. import numbering as num
from ..chars import CN_NUMERAL_CHARS
from ..rulepack.literals import absent
from ..rulepack.patternread import top_alternatives
from ..rulepack.template import fill
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Param

SPEC = CheckSpec({
    "aspect": Param({"enum": ["future", "stale", "missing", "arabic"]}, REQUIRED,
                    "检查哪一方面（见 lawlint/checks/plenum.py）"),
    "unheld_message": Param({"type": "string"}, None,
                            "future：会议不在 plenums.yaml 中（在其 complete_until 之前未召开）时的提示"),
    "written_by": Param({"type": "string", "pattern": r"^\d{2}-\d{2}$"}, "03-31",
                        "报告年度次年的哪一天之前成文（默认 03-31，即一季度末）"),
}, fields=("name", "date", "year", "next_year", "current", "latest", "term", "fixed"))
_CN = CN_NUMERAL_CHARS


@lru_cache(maxsize=1)
def patterns() -> dict:
    """The phrase shapes of ``rules/data/plenums.yaml``, filled with its congress numbers."""
    from ..rulepack.resources import load_data
    data = load_data("plenums.yaml")
    names = {"congress": data["names"]["congress"], "arabic": data["names"]["arabic"], "n": _CN}
    return {k: regexcache.compile(_NAME.sub(lambda m: names[m.group(1)], shape))
            for k, shape in data["shapes"].items()}


_NAME = regexcache.compile(r"\{(congress|arabic|n)\}")


def _display(form: str, **fields) -> str:
    """A name or date as a finding shows it (``display`` in rules/data/plenums.yaml)."""
    from ..rulepack.resources import load_data
    return fill(load_data("plenums.yaml")["display"][form], **fields)


def _plenum(cong, p) -> str:
    return _display("plenum", congress=cong, plenum=p)


def _congress(cong) -> str:
    return _display("congress", congress=cong)


def _month(d) -> str:
    return _display("date", year=d.year, month=d.month)


@lru_cache(maxsize=1)
def table():
    from ..rulepack.resources import load_data
    d = load_data("plenums.yaml")
    congresses = sorted((c["number"], _date(c["date"])) for c in d["congresses"])
    congresses.sort(key=lambda c: c[1])
    plenums = {c: {p: _date(v) for p, v in ps.items()} for c, ps in d["plenums"].items()}
    return congresses, plenums


@lru_cache(maxsize=1)
def complete_until() -> dt.date | None:
    """The table lists every congress and plenum held up to this date: one it does not list had
    not been held by then (二十届五中全会 in a report written in early 2026)."""
    from ..rulepack.resources import load_data
    value = load_data("plenums.yaml").get("complete_until")
    return _date(value) if value else None


def _date(s) -> dt.date:
    return s if isinstance(s, dt.date) else dt.date.fromisoformat(str(s))


def written_by(ctx, p) -> dt.date | None:
    """The latest date the report can be assumed written: end of Q1 of Y+1, or a later page date."""
    if ctx.year is None:
        return None
    md = p.written_by
    ref = dt.date.fromisoformat(f"{ctx.year + 1}-{md}")
    for key in ("date_published", "date_written"):
        value = ctx.doc.meta.get(key)
        if value:
            try:
                ref = max(ref, dt.date.fromisoformat(value))
            except ValueError:
                pass
    return ref


def check(ctx, rule, p):
    yield from globals()["_" + p.aspect](ctx, rule, p)


def _matches(ctx, rx) -> list:
    """The matches of ``rx`` in the blocks of the document, found once per report (two aspects
    read each shape)."""
    memo = ctx.cache.setdefault("plenum", {})
    got = memo.get(rx.pattern)
    if got is None:
        got = memo[rx.pattern] = list(_find(ctx, rx))
    return got


def _find(ctx, rx):
    text = ctx.doc.text
    needed = gate(rx.pattern)      # 届, 大精神 …: most reports lack some
    if needed and absent(needed, text, 0, len(text)):
        return
    spans = sc.spans(ctx, "document")
    for s, e in sc.holding(text, needed, spans) if needed else spans:
        yield from rx.finditer(text, s, e)


_META = r"\\()\[\]{}|.*+?^$"
# an alternative ending in a plain character and a look-ahead of plain words: 「…大(?=精神|代表)」
_ENDS_LOOKING = regexcache.compile(rf"(?<!\\)([^{_META}])\(\?=((?:[^{_META}]+\|)*[^{_META}]+)\)$")
_FLAGS = regexcache.compile(r"\(\?[aiLmsux]+[:)]")


@lru_cache(maxsize=None)
def gate(pattern: str) -> tuple | None:
    """Strings one of which every match of ``pattern`` holds whole, in the range scanned; None
    when no such strings are known (every span is scanned). Per top-level alternative: the
    literals it requires (``regexcache.required_literals``) or, for one ending in a character
    and a look-ahead of plain words, that character followed by each word (「大(?=精神|…)」:
    大精神 …; the look-ahead reads only the range scanned). 「大」 alone is in most reports; 「大精神」
    and 「届」 in few."""
    if _FLAGS.search(pattern):
        return None         # (a flag would not hold for an alternative read alone)
    alternatives = top_alternatives(pattern)
    if alternatives is None:
        return None         # (a comment group: not read)
    out: set = set()
    for alt in alternatives:
        m = _ENDS_LOOKING.search(alt)
        if m:
            out.update(m.group(1) + w for w in m.group(2).split("|"))
            continue
        needed = regexcache.required_literals(alt)
        if needed is None:
            return None
        out.update(needed)
    return tuple(sorted(out)) or None


def _plenum_mentions(ctx):
    """(congress number, [plenum numbers], match) for every plenum or list of plenums."""
    for rx in (patterns()["list"], patterns()["formal"]):
        for m in _matches(ctx, rx):
            listed = re.findall(f"[{_CN}]", m.group("list"))          # 二中、三中 → 二, 三
            yield m.group("cong"), listed, m


def _future(ctx, rule, p):
    ref = written_by(ctx, p)
    if ref is None:
        return
    congresses, plenums = table()
    unheld = complete_until() is not None and ref <= complete_until()
    unheld_message = p.unheld_message
    for cong, listed, m in _plenum_mentions(ctx):
        dates = [(p, plenums.get(cong, {}).get(p)) for p in listed]
        late = [(p, d) for p, d in dates if d is not None and d > ref]
        if late:
            p, d = late[0]
            yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                name=_plenum(cong, p), date=_month(d), year=ctx.year,
                next_year=ctx.year + 1))
        elif unheld and unheld_message and any(d is None for _, d in dates):
            p = next(p for p, d in dates if d is None)
            yield ctx.diagnostic(rule, m.start(), m.end(), message=unheld_message, fields=dict(
                name=_plenum(cong, p), year=ctx.year, next_year=ctx.year + 1))
    known = dict(congresses)
    for m in _matches(ctx, patterns()["guide"]):
        d = known.get(m.group("cong"))
        if d is not None and d > ref:
            yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                name=_congress(m.group("cong")), date=_month(d),
                year=ctx.year, next_year=ctx.year + 1))
        elif d is None and unheld and unheld_message:
            yield ctx.diagnostic(rule, m.start(), m.end(), message=unheld_message, fields=dict(
                name=_congress(m.group("cong")), year=ctx.year, next_year=ctx.year + 1))


def _stale(ctx, rule, p):
    if ctx.year is None:
        return
    congresses, _ = table()
    numbers = [c for c, _ in congresses]
    for m in _matches(ctx, patterns()["guide"]):
        cong = m.group("cong")
        if cong not in numbers or numbers.index(cong) + 1 >= len(numbers):
            continue
        nxt, nxt_date = congresses[numbers.index(cong) + 1]
        if ctx.year >= nxt_date.year + 1:
            yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                name=_congress(cong), current=_congress(nxt), year=ctx.year,
                date=_month(nxt_date)))


def _missing(ctx, rule, p):
    if ctx.year is None:
        return
    congresses, plenums = table()
    year_end = dt.date(ctx.year, 12, 31)
    current = [c for c, d in congresses if d <= year_end]
    if not current:
        return
    cong = current[-1]
    held = sorted(((d, p) for p, d in plenums.get(cong, {}).items() if d <= year_end))
    if not held:
        return
    latest_date, latest = held[-1]
    order = [p for _, p in held]
    for c, listed, m in _plenum_mentions(ctx):
        if c != cong or len(listed) < 2 or latest in listed:
            continue
        known = [p for p in listed if p in order]
        if known and order.index(max(known, key=order.index)) < order.index(latest):
            yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                name=m.group(0), latest=_plenum(cong, latest),
                date=_month(latest_date), year=ctx.year))


def _cn(n: str) -> str:
    return n if not n.isdigit() else num.int_to_cn(int(n))


def _arabic(ctx, rule, p):
    for m in _matches(ctx, patterns()["arabic"]):
        if m.group("c2"):
            fixed = _display("fixed_congress", congress=_cn(m.group("c2")))
        else:
            c, p = m.group("c"), m.group("p")
            if not (c.isdigit() or p.isdigit()):
                continue
            fixed = _display("fixed_plenum", congress=_cn(c), plenum=_cn(p))
        yield ctx.diagnostic(rule, m.start(), m.end(), replacement=fixed,
                             fields=dict(term=m.group(0), fixed=fixed))
