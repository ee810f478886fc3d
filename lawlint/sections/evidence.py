"""What a section is about, by weighted evidence: each part rule's ``score`` weighs a section's
title words, the sentences of its own text (actors doing duties, achievements with figures,
deficiencies, intentions) and its position; the part with the highest score at or above its
threshold is the section's *frame*. A single word in a title does not decide: 「运用法治方式处理
问题」 matches the shortcomings title words, but a section of achievements with figures scores
higher as measures, so it neither becomes a false shortcomings part nor hides the leadership and
supervision text it holds from the parts that look for them.

Weights are data (``score:`` of a ``section`` rule in ``rules/sections.yaml``, declared in the
``section`` check's SPEC):

``title``       weight of a title that matches the rule's ``heading`` (and not ``heading_exclude``)
``title_cues``  ``[{pattern, weight}]`` other title words (「站位」「重视」 for leadership)
``sentences``   ``[{pattern, weight}]`` or ``[{all: [patterns], weight}]`` (every pattern in the
                same sentence, e.g. an actor and a duty); a sentence adds its highest weight
``cap``         most the sentences add; ``threshold`` least score that makes a part
``last``        added when the section is the report's last top-level one
``title_min``   least the title must score (a section titled 政务公开 is no leadership part)
``frame``       true: the part competes for whole sections (measures, shortcings, plans)
Book titles (《…》) are blanked before sentences are read: 「…领导小组关于…的通知」 names no actor.

Only the sections whose sentences can change an answer are read (:mod:`lawlint.sections.said`): a
section whose title names no frame takes its parent's frame whatever its sentences say, and a part
with ``title_min`` scores only the sections whose title reaches it.
"""
from __future__ import annotations

from . import titles
from .livepatterns import live
from .said import _BOOK, fill as _fill, own_text, said_memo as _said_memo, said_of, sentence_score

__all__ = ["_BOOK", "area_headings", "compile_spec", "frame_regions", "frames", "own_text", "said_of",
           "score", "sentence_score", "title_score", "weigh"]


def compile_spec(score):
    """A rule's bound ``score`` block (patterns already bound for the report year) as the dict
    the scorers read, each weighted item a (patterns, weight) pair; None: the rule has no score."""
    if score is None:
        return None

    def weighted(items):
        return [(list(it.all) if it.all is not None else [it.pattern], it.weight) for it in items or ()]

    return {"title": score.title, "threshold": score.threshold, "cap": score.cap, "last": score.last,
            "frame": bool(score.frame), "title_min": score.title_min,
            "title_cues": weighted(score.title_cues), "sentences": weighted(score.sentences)}


def score(doc, h, pats, spec, text=None, said=None) -> float:
    """A section's score for one part (``pats``: the rule's compiled patterns)."""
    base = _title_memo(doc, pats, spec, h.title, _is_last(doc, h, spec))[0]
    if base is None:
        return 0
    if said is None:
        said = _said_memo(doc, spec, h, lambda: _scored_heads(doc, pats, spec)) if text is None \
            else sentence_score(text, spec)
    return base + said


def _is_last(doc, h, spec) -> bool:
    return bool(spec["last"]) and h.parent is None and _last_top(doc) is h


def _scored_heads(doc, pats, spec) -> list:
    """The headings whose title scores at least ``title_min`` for a part: the only ones whose
    sentences :func:`score` reads."""
    return [h for h in doc.headings
            if _title_memo(doc, pats, spec, h.title, _is_last(doc, h, spec))[0] is not None]


def _title_memo(doc, pats, spec, title, last) -> tuple:
    """(title_score, _titled) of one of the document's heading titles. Every distinct title is
    weighed once per part, its patterns asked about all the titles at once
    (:mod:`lawlint.sections.titles`): a title repeated down a long report (「（一）工作」 ten
    thousand times) is weighed once."""
    table = _title_table(doc, pats, spec)
    got = table.get(title)
    if got is None:                   # not a heading's title
        return title_score(title, pats, spec, last), _titled(title, pats)
    s = got[0]
    s += spec["last"] if last else 0
    return (None if s < spec["title_min"] else s), got[1]


def _title_table(doc, pats, spec) -> dict:
    """title -> (what it scores before ``last`` and ``title_min``, _titled) for every distinct
    heading title, for one part."""
    def compute():
        named = titles.named(doc, pats.heading, pats.heading_exclude)
        cues = [(titles.all_of(doc, cue), w) for cue, w in spec["title_cues"]]
        out = dict.fromkeys(titles.distinct(doc), (0, False))     # a title that names nothing
        for t in named.union(*(hit for hit, _ in cues)):
            ok = t in named
            s = spec["title"] if spec["title"] and ok else 0
            s += sum(w for hit, w in cues if t in hit)
            out[t] = (s, ok)
        return out
    return doc.derived_for("title_table", (spec, pats), compute)


def _last_top(doc):
    """The report's last top-level heading (computed once: ``top_headings`` is a fresh list)."""
    return doc.derived("last_top", lambda: doc.top_headings[-1] if doc.top_headings else None)


def title_score(title, pats, spec, last=False):
    """What a title (and being the last top-level section) scores; None below ``title_min``."""
    s = spec["title"] if spec["title"] and _titled(title, pats) else 0
    s += sum(w for cue, w in spec["title_cues"] if all(rx.search(title) for rx in cue))
    s += spec["last"] if last else 0
    return None if s < spec["title_min"] else s


def weigh(title, text, pats, spec, said=0) -> float:
    """A title's score plus what ``text``'s sentences add (``said``, when ``text`` is None)."""
    base = title_score(title, pats, spec)
    if base is None:
        return 0
    return base + (sentence_score(text, spec) if text else said)


def _titled(title, pats) -> bool:
    return any(rx.search(title) for rx in pats.heading) \
        and not any(rx.search(title) for rx in pats.heading_exclude)


def frames(doc, year, rules) -> dict:
    """Every heading's frame parts (a set, empty for none), memoised per document and year. A heading whose own
    score decides nothing inherits its parent's frame."""
    return doc.derived(("section_frames", year, tuple(r.id for r in rules)), lambda: _frames(doc, year, rules))


def _frames(doc, year, rules) -> dict:
    scored = []
    for r in rules:
        pats = r.bound(year)
        if pats.score_spec and pats.score_spec["frame"]:
            scored.append((pats.section, pats, pats.score_spec))
    # each part's title table, looked up per heading (what _title_memo() answers)
    tables = [(sid, spec, _title_table(doc, pats, spec), spec["threshold"], spec["last"],
               spec["title_min"]) for sid, pats, spec in scored]
    # A heading whose title names no frame takes its parent's, whatever its sentences say: only
    # the sections whose title names one are read (what score() and said_of() answer).
    naming = {title for t in tables for title, (_s, named) in t[2].items() if named}
    read = [h for h in doc.headings if h.title in naming]
    saids = []
    for _sid, spec, *_ in tables:
        memo = doc.derived_for("said", (spec,), dict)
        _fill(doc, spec, memo, read)
        saids.append(memo)
    read = set(map(id, read))
    last_top = _last_top(doc)
    none = frozenset()
    out, shared = {}, {none: none}               # shared: one frozenset per distinct frame set
    parts = [(sid, title_table, threshold, last, title_min, memo)
             for (sid, _spec, title_table, threshold, last, title_min), memo in zip(tables, saids)]
    for h in doc.headings:                       # parents come before their children
        key = id(h)
        if key not in read:
            out[key] = out.get(id(h.parent), none) if h.parent else none    # (already shared)
            continue
        best, best_key, titled = None, (0, False, 0), []
        is_last, title = h.parent is None and last_top is h, h.title
        for sid, title_table, threshold, last, title_min, memo in parts:
            said = memo[key]
            s, named = title_table[title]
            if last and is_last:
                s += last
            s = 0 if s < title_min else s + said
            if named:
                titled.append(sid if s >= threshold else None)
            # A tie goes to a title its own text supports, then to what the text says.
            if s >= threshold:
                rank = (s, named and said > 0, said)
                if rank > best_key:
                    best, best_key = sid, rank
        # A title that names no frame leaves the section to its parent's frame (above); a title
        # that names one is weighed against what the section's sentences say. A shared title
        # (「存在不足及下步打算」) that the winner shares keeps every frame it names.
        if best in titled:
            got = frozenset(titled).difference((None,))
        else:
            got = frozenset((best,)) if best else none
        out[key] = shared.setdefault(got, got)
    return out


def frame_regions(doc, year, rules, sid) -> list:
    """Spans of the sections whose frame is part ``sid`` (what ``not_within`` leaves out; several
    parts ask, so worked out once per document)."""
    def compute():
        fr = frames(doc, year, rules)
        return [(h.start, h.end) for h in doc.headings if sid in fr.get(id(h), ())]
    return doc.derived(("frame_regions", year, tuple(r.id for r in rules), sid), compute)



def area_headings(doc, pats, least, excluded) -> list:
    """Sibling headings about the 纲要's work areas (决策, 执法, 复议…): ``least`` of them make a
    topic-structured measures part, at the top level or under one umbrella heading (「二、严格要求，
    抓好落实」 over 制度建设、行政决策、行政执法…方面), unless the umbrella is another frame."""
    areas = live(doc, pats.areas.patterns, "titles")
    if not areas:                               # no title names a work area
        return []
    # (a pattern is searched only in a title holding one of its literals: lawlint.sections.titles)
    named, unnamed = titles.asking(areas), titles.asking(pats.heading_exclude)
    matched = titles.matched
    groups = [(None, doc.top_headings)] + [(h, h.children) for h in doc.headings if h.children]
    for parent, group in groups:
        if parent is not None and any(s <= parent.start < e for s, e in excluded):
            continue
        hits = [h for h in group if matched(h.title, named) and not matched(h.title, unnamed)
                and not any(s <= h.start < e for s, e in excluded)]
        if len(hits) >= least:
            return [parent] if parent is not None else hits
    return []
