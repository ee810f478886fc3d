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
"""
from __future__ import annotations

from bisect import bisect_left

from ..rulepack import regexcache
from . import titles
from .livepatterns import live
from .pieces import contextfree as _contextfree, matching as _matching, raise_to as _raise, \
    sentence_spans as _sentence_spans

_BOOK = regexcache.compile(r"《[^《》]{0,80}》")


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


def own_text(doc, h) -> str:
    """The text a heading governs before its first sub-heading (all of it for a leaf)."""
    end = h.children[0].start if h.children else h.end
    parts = []
    for b in doc.blocks_in(h.start, end):
        parts.append(doc.text[b.body_start:b.end] if b is h.block else b.text)
    return "\n".join(p for p in parts if p)


def sentence_score(text, spec) -> float:
    """What the sentences of ``text`` add (each its highest weight), capped."""
    if not spec["sentences"] or not text:
        return 0
    return _said(_sentences(text), spec)




def _sentences(text) -> tuple:
    """``text`` with book titles blanked, its sentences of four characters or more (what the
    scorers weigh; every part rule weighs the same section's sentences) and their spans."""
    return _split(_BOOK.sub("《》", text) if "《" in text else text)


def _split(text) -> tuple:
    return text, _sentence_spans(text)


def _said(split, spec) -> float:
    text, spans = split
    items = spec["sentences"]
    if not items or not spans:
        return 0
    best = _best(text, spans, items)
    total = sum(best)
    return min(total, spec["cap"]) if spec["cap"] else total


def _best(text, spans, items, starts=None) -> list:
    """Each sentence's highest weight among ``items`` (``starts``: the spans' starts, if kept)."""
    # A sentence adds the highest weight among the items it matches. A pattern without anchors
    # or look-arounds matches the same characters wherever they stand, so for an item of one
    # such pattern the sentences it matches are found by searching the whole text, one search
    # per matching sentence instead of one per sentence (most sentences match nothing). An item
    # of several patterns (all in one sentence) asks its other patterns only about the sentences
    # that every such pattern matches.
    best = [0] * len(spans)
    for pats, w in items:
        if w <= 0:
            continue
        if len(pats) == 1 and _contextfree(pats[0]):    # one pattern (most items): no set nor sort
            _raise(best, pats[0], w, text, spans, starts)
            continue
        free = [rx for rx in pats if _contextfree(rx)]
        found = None
        for rx in free:
            hits = set(_matching(rx, text, spans, starts))
            found = hits if found is None else found & hits
            if not found:
                break
        rest = [rx for rx in pats if not _contextfree(rx)]
        for i in range(len(spans)) if found is None else sorted(found):
            if w > best[i] and all(rx.search(text[spans[i][0]:spans[i][1]]) for rx in rest):
                best[i] = w
    return best


def _own_split(doc) -> tuple:
    """Every heading's own text as the scorers read it (:func:`_sentences`), joined one after
    another with a stop between, and where each heading's sentences are among them: one search
    per pattern answers for every section (each section's sentences are those of its own text)."""
    def compute():
        texts, bounds, at = [], [], 0
        for h in doc.headings:
            text = own_text(doc, h)
            if "《" in text:
                text = _BOOK.sub("《》", text)
            texts.append(text)
            bounds.append(at)
            at += len(text) + 1           # a stop between two sections' texts: no sentence spans it
        text, spans = _split("\n".join(texts))
        firsts = [s for s, _ in spans]
        where, lo = {}, 0
        for h, start in zip(doc.headings, bounds[1:] + [at]):
            hi = bisect_left(firsts, start, lo)
            where[id(h)] = (lo, hi)
            lo = hi
        return text, spans, where, firsts
    return doc.derived("own_split", compute)


def said_of(doc, h, spec) -> float:
    """What the sentences of heading ``h``'s own text add for a part (``sentence_score`` of
    :func:`own_text`), worked out for every heading of the document at once."""
    return _said_table(doc, spec)[id(h)]


def _said_table(doc, spec) -> dict:
    """id(heading) -> :func:`said_of` for every heading."""
    def compute():
        text, spans, where, starts = _own_split(doc)
        best = _best(text, spans, spec["sentences"], starts) if spec["sentences"] and spans else None
        out, cap = {}, spec["cap"]
        for key, (lo, hi) in where.items():
            if best is None or lo == hi:
                out[key] = 0
                continue
            total = sum(best[lo:hi])
            out[key] = min(total, cap) if cap else total
        return out
    return doc.derived_for("said", (spec,), compute)


def score(doc, h, pats, spec, text=None, said=None) -> float:
    """A section's score for one part (``pats``: the rule's compiled patterns)."""
    base = _title_memo(doc, pats, spec, h.title, bool(spec["last"]) and h.parent is None
                       and _last_top(doc) is h)[0]
    if base is None:
        return 0
    if said is None:
        said = said_of(doc, h, spec) if text is None else sentence_score(text, spec)
    return base + said


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
    # each part's tables, looked up per heading (what score() and _title_memo() answer)
    tables = [(sid, _said_table(doc, spec), _title_table(doc, pats, spec), spec["threshold"],
               spec["last"], spec["title_min"]) for sid, pats, spec in scored]
    last_top = _last_top(doc)
    out, shared = {}, {}                         # shared: one frozenset per distinct frame set
    for h in doc.headings:                       # parents come before their children
        best, best_key, titled = None, (0, False, 0), set()
        key, is_last = id(h), h.parent is None and last_top is h
        for sid, saids, title_table, threshold, last, title_min in tables:
            said = saids[key]
            s, named = title_table[h.title]
            s += last if last and is_last else 0
            s = 0 if s < title_min else s + said
            if named:
                titled.add(sid if s >= threshold else None)
            # A tie goes to a title its own text supports, then to what the text says.
            rank = (s, named and said > 0, said)
            if s >= threshold and rank > best_key:
                best, best_key = sid, rank
        # A title that names no frame leaves the section to its parent's frame; a title that
        # names one is weighed against what the section's sentences say. A shared title
        # (「存在不足及下步打算」) that the winner shares keeps every frame it names.
        if not titled:
            out[id(h)] = out.get(id(h.parent), frozenset()) if h.parent else frozenset()
        elif best in titled:
            out[id(h)] = frozenset(titled - {None})
        else:
            out[id(h)] = frozenset({best} if best else ())
        out[id(h)] = shared.setdefault(out[id(h)], out[id(h)])
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
    groups = [(None, doc.top_headings)] + [(h, h.children) for h in doc.headings if h.children]
    for parent, group in groups:
        if parent is not None and any(s <= parent.start < e for s, e in excluded):
            continue
        hits = [h for h in group if any(rx.search(h.title) for rx in areas)
                and not any(rx.search(h.title) for rx in pats.heading_exclude)
                and not any(s <= h.start < e for s, e in excluded)]
        if len(hits) >= least:
            return [parent] if parent is not None else hits
    return []
