"""``existence``: wording that should not be there (Vale's existence type, CJK-aware).

``patterns`` are regexes matched in a ``scope`` (the whole report, the body, the title, the
web-page residue, or one part such as ``shortcomings``); ``{year}``, ``{next_year}`` and
``{prev_year}`` are filled from the report year. ``lead: N`` looks only at the first N sentences
of the scope (a part that *opens* with something), ``unless`` drops a match whose sentence matches
one of its patterns (``unless_followed``: or, for a topic sentence that an enumeration follows
at once, the enumeration's first ``within`` characters: 「各项工作取得积极进展。一是……12件」 is
supported by its items), ``outside_titles`` skips matches inside 《》 (「《…若干措施》」 names a
document), ``per_sentence`` reports a sentence once however many of its words match, and
``once`` reports only the first match (a page's residue is one finding).
The message may use ``{match}``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import islice

from ..chars import LINE_BREAKS, WHITESPACE
from ..rulepack import firstscan, needgate, pairgate, windowscan
from ..vocabulary import SECTION_IDS
from . import jointscan
from . import scope as sc
from .spec import REQUIRED, CheckSpec, Group, Param

_STRINGS = {"type": "array", "items": {"type": "string"}}


def _table(p):
    """The character table of ``translate``, made once."""
    t = p["translate"]
    if t is None:
        return None
    if len(t["from"]) != len(t["to"]):
        raise ValueError("translate 的 from 与 to 长度必须相同")
    return str.maketrans(t["from"], t["to"])


SPEC = CheckSpec({
    "patterns": Param(dict(_STRINGS, minItems=1), REQUIRED, "不应出现的内容（正则）", regex=True, year=True),
    "scope": Param(sc.SCOPE_SCHEMA, "document"),
    "lead": Param({"type": "integer", "minimum": 1}, None, "只看该范围的前几句（不写则看全部）"),
    "unless": Param(_STRINGS, [], "所在句子匹配其一则不报", regex=True, year=True),
    "once": Param({"type": "boolean"}, False, "只报告第一处"),
    "replacement": Param({"type": "string"}, None,
                         "可安全自动修正时的替换文本（可用 \\1、\\g<name> 引用分组）"),
    "translate": Param({"type": "object", "additionalProperties": False, "required": ["from", "to"],
                        "properties": {"from": {"type": "string"}, "to": {"type": "string"}}}, None,
                       "可安全自动修正：把匹配文字中的字符逐一替换（如全角数字→半角）"),
    "per_sentence": Param({"type": "boolean"}, False,
                          "一句只报告一处（一句话没有数据是一个问题，不因其中有两个空泛词报两次）"),
    "outside_titles": Param({"type": "boolean"}, False,
                            "书名号《》内的不报（文件名称中的“若干措施”不是空泛表述）"),
    "unless_followed": Group({
        "by": Param({"type": "string"}, REQUIRED, "列举的开头（正则）", regex=True),
        "within": Param({"type": "integer", "minimum": 1}, REQUIRED, "在列举的前多少个字符内查找 unless")},
        None, "句子之后紧接着以 by 开头的列举时，在列举的前 within 个字符内也查找 unless：总起句的依据在随后的列举中"),
    "unless_around": Param(_STRINGS, [], "匹配处前后各 8 个字符匹配其一则不报", regex=True, year=True),
}, fields=("match", "year", "next_year", "fixed"), derived={"table": _table, "plan": lambda p: []})

stats = {"skipped": 0, "narrowed": 0}     # reports a rule was not run on (its patterns' strings
                                        # absent) / run with some of its patterns only, this process


def check(ctx, rule, p):
    """The rule's findings; none, at once, when the report lacks what each of its patterns needs
    (:mod:`lawlint.rulepack.needgate`): the scope, the matches and their filters are not worked
    out; and only its patterns that may match are scanned. ``p.plan``: [those needs, the rule's
    pair gate, its first characters, whether it has patterns to scan together (:mod:`jointscan`)],
    filled on the rule's first report."""
    plan = p.plan
    if not plan:
        plan.append(needgate.needs(p.patterns))
        plan.append(None)
        plan.append(None)
        plan.append(None)
    text = ctx.doc.text
    needs = plan[0]
    if needs is not None:
        may = needgate.possible(needs, text, ctx.cache)
        if may is not None:
            if not may:
                stats["skipped"] += 1
                return []
            stats["narrowed"] += 1
            return _findings(ctx, rule, p, text, plan, [p.patterns[i] for i in may])
    return _findings(ctx, rule, p, text, plan, p.patterns)


def _findings(ctx, rule, p, text, plan, patterns):
    unless, around = p.unless, p.unless_around
    replacement = p.replacement
    table = p.table
    where = p.scope
    if p.lead:      # what a part opens with: its running text, not its heading
        pieces = _bounds([(s.start, s.end)        # (only the pieces that hold them are split)
                          for s in islice(sc.sentences(ctx, sc.body_spans(ctx, where)), p.lead)])
    else:           # (a scope's bounds are worked out once per report: most rules share a few)
        memo = ctx.cache.setdefault("existence_bounds", {})
        pieces = memo.get(where)
        if pieces is None:
            pieces = _part_bounds(ctx, where)
            if pieces is None:
                pieces = _bounds(sc.spans(ctx, where))
            memo[where] = pieces
    if pieces and plan[2] != ():
        pieces = _placed(ctx, text, p.patterns, pieces, plan)
    shared = ctx.cache.get("window_places")
    if shared is None:                  # (anchors' places, for every rule of this report)
        shared = ctx.cache["window_places"] = (text, {})
    found, single = _ordered(text, patterns, pieces, plan, p.patterns, shared)
    covered, sentences_seen = None, set()
    for m in found:
        if covered is not None and any(covered[m.start():m.end()]):
            continue
        if unless:
            lo, hi = sc.sentence_at(text, m.start(), m.end())
            if any(u.search(text, lo, hi) for u in unless):
                continue
            followed = p.unless_followed
            if followed is not None and _supported_after(text, hi, followed.by, unless, followed.within):
                continue
        if p.outside_titles and sc.in_title_marks(text, m.start(), m.end()):
            continue
        if p.per_sentence:
            where_sentence = sc.sentence_at(text, m.start(), m.end(), sc.FULL_STOPS)
            if where_sentence in sentences_seen:
                continue
            sentences_seen.add(where_sentence)
        if around:
            window = text[max(0, m.start() - 8):m.end() + 8]
            if any(a.search(window) for a in around):
                continue
        if not single:
            if covered is None:
                covered = bytearray(len(text))
            covered[m.start():m.end()] = b"\1" * (m.end() - m.start())
        fields = dict(match=m.group(0), year=ctx.year or "",
                      next_year=ctx.year + 1 if ctx.year else "")
        fixed = m.expand(replacement) if replacement is not None else \
            m.group(0).translate(table) if table is not None else None
        if fixed is not None:
            fields["fixed"] = fixed
        yield ctx.diagnostic(rule, m.start(), m.end(), fields=fields, replacement=fixed)
        if p.once:
            return


_LEAD_SPACE = WHITESPACE + LINE_BREAKS


def _placed(ctx, text, patterns, bounds, plan):
    """``bounds`` with, for a rule whose patterns all open with one of a few characters that stand
    in the report in a few places, those places (found once per report: :mod:`firstscan`)."""
    got = plan[2]
    if got is None:
        got = plan[2] = firstscan.chars(patterns) or ()
        if not got:
            return bounds
    starts, ends, lo, hi = bounds
    if hi - lo < firstscan.splitscan.MIN_RANGE:
        return bounds
    chars, scans = got
    most = firstscan.most(scans, len(patterns), lo, hi)
    memo = ctx.cache.setdefault("first_places", {})
    key = (chars, lo, hi)
    at = memo.get(key, False)
    if at is False or (at is None and memo.get((key, "most"), 0) < most):   # (not enough for a rule: maybe for this one)
        at = memo[key] = firstscan.places(text, chars, lo, hi, most)
        memo[(key, "most")] = most
    elif at is not None and len(at) > most:
        at = None
    if at is None:
        firstscan.stats["scanned"] += 1
        return bounds
    firstscan.stats["placed"] += 1
    return starts, ends, lo, hi, at


def _supported_after(text, end, by, unless, within) -> bool:
    """Does an enumeration open right after ``end`` (spaces and line breaks aside) and carry an
    ``unless`` pattern in its first ``within`` characters?"""
    start = end
    while start < len(text) and text[start] in _LEAD_SPACE:
        start += 1
    if not by.match(text, start):
        return False
    stop = min(start + within, len(text))
    return any(u.search(text, start, stop) for u in unless)


def _bounds(pieces):
    """(starts, ends, lo, hi) of the pieces in order, or () when there are none."""
    if not pieces:
        return ()
    pieces = sorted(pieces)
    ends = [e for _, e in pieces]
    return [s for s, _ in pieces], ends, pieces[0][0], max(ends)


def _part_bounds(ctx, where):
    """``_bounds(scope.spans(ctx, where))`` of a part (a section id), read off its regions and the
    body blocks' starts and ends (list slices: not a piece made per block of the part); None when
    that reading does not hold (not a part, its regions out of order, an empty body block)."""
    if where not in SECTION_IDS:
        return None
    verdict = ctx.section(where)
    if verdict.status == "absent":
        return ()
    doc = ctx.doc
    blocks, block_starts = doc._body_index
    block_ends = doc.derived("body_ends", lambda: [b.end for b in blocks])
    if doc.derived("body_empty_block", lambda: any(b.start >= b.end for b in blocks)):
        return None
    starts: list = []
    ends: list = []
    last = 0
    for s, e in verdict.regions:
        if s < last:
            return None             # (overlapping or out of order: the pieces are built)
        i, j = bisect_right(block_ends, s), bisect_left(block_starts, e)
        if i < j:                   # the blocks it overlaps, the first and last cut to it
            first, final = len(starts), len(starts) + j - i - 1
            starts += block_starts[i:j]
            ends += block_ends[i:j]
            starts[first] = max(s, starts[first])
            ends[final] = min(e, ends[final])
        last = max(last, e)
    return (starts, ends, starts[0], ends[-1]) if starts else ()


def _ordered(text, patterns, bounds, plan=None, every=None, places=None):
    """(the matches of ``patterns`` inside the pieces by start, longest first; whether they are one
    pattern's, which come so and never overlap: then taken as found, and a ``once`` rule stops at
    its first). Patterns that all open with a rare pair of marks are not scanned where no such pair
    stands (:mod:`lawlint.rulepack.pairgate`; the gate of the rule's patterns, ``every``, holds for
    the few of them that :func:`check` scans). ``places``: (text, the places found of the window
    plans' anchors in it, :func:`lawlint.rulepack.windowscan._places`), this report's."""
    if not bounds:
        return (), True
    every = patterns if every is None else every
    if len(every) > 1:
        if plan is None:
            got = pairgate.gate(every)
        else:               # (the gate kept in the rule's plan: no key to build per report)
            got = plan[1]
            if got is None:
                got = plan[1] = (pairgate.gate(every),)
            got = got[0]
        if got is not None and pairgate.shut(got, text, bounds[2], bounds[3]):
            return (), True
    if len(patterns) == 1:
        return _matches(text, patterns, bounds, places), True
    join = False
    if plan is not None and len(bounds) == 4:
        join = plan[3]
        if join is None:        # (whether the rule has patterns to join: once a rule)
            join = plan[3] = jointscan.worth(every)
    return sorted(_matches(text, patterns, bounds, places, join), key=lambda m: (m.start(), -m.end())), False


def _matches(text, patterns, bounds, places=None, join=False):
    """Non-empty matches lying inside one piece: one scan per pattern over the range the pieces
    cover (scanning piece by piece costs a call per paragraph per pattern; patterns that sre scans
    by a class test, in one scan of their union: :mod:`jointscan`), or its tries at the places of
    its first characters when ``bounds`` carries them (:func:`_placed`)."""
    if not bounds:
        return
    starts, ends, lo, hi = bounds[:4]
    joint = jointscan.scan(patterns, text, lo, hi) if join and hi - lo >= jointscan.MIN_RANGE else {}
    for k, rx in enumerate(patterns):
        if k in joint:                      # (several class scans made one: jointscan)
            found = joint[k]
        elif len(bounds) == 4:
            windowscan.shared = places      # (a window plan's places: found once a report)
            try:
                found = rx.finditer(text, lo, hi)
            finally:                        # (a run cut by the rule timer leaves nothing set)
                windowscan.shared = None
        else:
            found = firstscan.finditer(firstscan.match_of(rx), text, bounds[4], lo, hi)
        for m in found:
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < m.end() <= ends[i]:
                yield m
