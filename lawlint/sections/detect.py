"""Locating the report's required parts: a stage of its own, run once per document before any check.

Each ``section`` rule describes one part (``params.section``); the first rule naming a part is its
detector. A detector may depend on other parts (``scope``: look for evidence inside another part;
``not_within``: ignore sections whose scored frame is another part, :mod:`lawlint.sections.evidence`; ``lead_after``: a lead sentence after another part
starts counts). :func:`lawlint.sections.order.order` sorts the detectors so every part is located after the parts it
depends on; a cycle is a rule error naming the file and line. :func:`locate` then runs each
detector once and returns a verdict per part: checks only look verdicts up (``ctx.section(id)``),
and the ``section`` check turns them into diagnostics.

Detection is by content, not position (reports reorder the statutory items freely):

1. **Headings.** A heading (any level, run-in titles and unnumbered headings included) whose
   title matches ``heading`` and not ``heading_exclude`` makes the part ``heading``. A title that
   also matches ``weak_heading`` only *promises* the part (「存在的不足和原因」 promises causes):
   it counts only when its own text carries evidence.
2. **Work-area headings** (``areas``): enough sibling headings about the 纲要's work areas
   make a topic-structured report's measures part ``heading`` without an umbrella heading.
3. **Body evidence** inside ``scope`` (the whole report, or another part's text, e.g. causes are
   looked for inside the shortcomings part): ``evidence_min`` distinct ``evidence`` patterns, or a
   paragraph that opens with a ``lead`` pattern, or ``weak_min`` sentences with ``weak_evidence``.

Patterns may use ``{year}``, ``{next_year}`` and ``{prev_year}`` (see :mod:`lawlint.rulepack.template`).
To change how a part is found, change its rule in ``rules/sections.yaml`` first; the logic that
reads those parameters is :func:`detect` and the helpers below it.
"""
from __future__ import annotations

from ..chars import is_blank
from ..result import SectionVerdict
from . import causal, evidence, inline, titles
from .shared import Shared, first_match, literals, shared, stats


def locate(doc, detectors, year, run=None) -> dict:
    """Every part's verdict, each detector run once in dependency order. ``run(rule, fn)`` may
    wrap each detection (the engine times it and turns a crash into the rule's finding: a failed
    detection leaves the part absent)."""
    verdicts: dict = {}
    sh = Shared(doc, year, detectors)       # what they share, read once for this document
    for rule in detectors:
        sid = rule.bound(year).section
        if run is None:
            verdicts[sid] = detect(doc, rule, year, verdicts, sh)
        else:
            verdicts[sid] = run(rule, lambda r=rule: detect(doc, r, year, verdicts, sh)) \
                or SectionVerdict()
    return verdicts


def detect(doc, rule, year, verdicts, rules=()) -> SectionVerdict:
    """One part's verdict; ``verdicts`` already holds the parts it depends on, ``rules`` are all
    part detectors (a section's frame is decided among them, :mod:`lawlint.sections.evidence`),
    or the :class:`~lawlint.sections.shared.Shared` reading of the document made for them."""
    def part(sid):
        return verdicts.get(sid) or SectionVerdict()

    p = pats = rule.bound(year)      # the rule's parameters, patterns compiled for this year
    if type(rules) is Shared and rules.doc is doc and rules.year == year:
        sh, rules = rules, rules.rules
    else:
        sh = shared(doc, year, rules.rules if type(rules) is Shared else rules)
        rules = sh.rules
    scope = p.scope
    if scope != "document":
        base = part(scope)
        if base.status == "absent":
            return SectionVerdict(note="no-scope")
        regions = base.regions
    else:
        regions = [(0, len(doc.text))]
    # Sections scored as another frame (shortcomings, plans) are left out: decided by each
    # section's own evidence, never by another part's first matching heading.
    excluded = sh.excluded(p.not_within) if rules else \
        [r for sid in p.not_within for r in part(sid).regions]
    spec = pats.score_spec
    framed = bool(spec and spec["frame"] and rules)
    problems = _problems(doc, verdicts, p, pats) if p.causal else None

    promised = None
    # the titles that name the part (lawlint.sections.titles: each pattern asked about all titles
    # at once; none when no title holds the literals its patterns need)
    named = frozenset() if sh.dead_in_titles(pats.heading) else \
        titles.named(doc, pats.heading, pats.heading_exclude)
    # the named titles that are no weak title (without ``weak_heading``: every named title, for
    # named titles match ``heading``)
    unweak = titles.named(doc, pats.heading, pats.weak_heading) if named and pats.weak_heading else None
    for h in doc.headings if named else ():
        title = h.title
        if title not in named:
            continue
        if any(s <= h.start < e for s, e in excluded):
            continue
        if framed and sh.frames().get(id(h)) and p.section not in sh.frames()[id(h)]:
            continue            # the title says this part, the section's evidence says another
        weak = unweak is not None and title not in unweak
        if weak or p.causal:      # a cause heading is only a promise until a cause is named
            if _has_evidence(doc, sh, pats, p, [(h.start, h.end)], problems=problems, governed=not weak):
                return _verdict(doc, "heading", h)
            promised = promised or h
            continue
        # (a heading with sub-headings has a body; only a leaf's text is read: a body of
        # zero-width spaces is blank)
        if h.children or not is_blank(doc.heading_body(h)):
            return _verdict(doc, "heading", h)
    if spec and not spec["frame"]:
        best = _best_scored(doc, sh, pats, spec, excluded)
        if best is not None:
            return _verdict(doc, "heading", best)

    if p.areas is not None and p.areas.patterns and not sh.dead_in_titles(p.areas.patterns):
        hits = evidence.area_headings(doc, pats, p.areas.min, excluded)
        if hits:
            v = SectionVerdict("heading", doc.position(hits[0].start)[0], hits[0].title, hits[0].start)
            v.regions = [(h.start, h.end) for h in hits]
            return v

    if excluded:        # (what the body steps below read: a part found by a heading never asks)
        regions = _subtract(regions, excluded)
    if p.inline_items and sh.inline_items():
        item = inline.item(doc, sh, pats, regions, p.evidence_min)
        if item is not None:
            return item

    after = None
    if p.lead_after:
        after = part(p.lead_after).start
    where = _has_evidence(doc, sh, pats, p, regions, after, problems)
    if where is not None:
        start, region = where
        v = SectionVerdict("body", doc.position(start)[0], "", start)
        v.regions = [region]
        return v
    v = SectionVerdict(note="promised" if promised else "")
    if promised is not None:
        v.start = promised.start
    return v


def _subtract(regions, holes):
    out = []
    for s, e in regions:
        pieces = [(s, e)]
        for hs, he in sorted(holes):
            nxt = []
            for ps, pe in pieces:
                if he <= ps or hs >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < hs:
                    nxt.append((ps, hs))
                if he < pe:
                    nxt.append((he, pe))
            pieces = nxt
        out.extend(pieces)
    return out


def _verdict(doc, status, h) -> SectionVerdict:
    v = SectionVerdict(status, doc.position(h.start)[0], h.title, h.start)
    v.regions = [(h.start, h.end)]
    return v


def _any(patterns, text) -> bool:
    return any(rx.search(text) for rx in patterns)


def _best_scored(doc, sh, pats, spec, excluded):
    """The section scoring highest for a part whose titles vary (「提高政治站位…」 heading a
    section where the Party secretary hears reports): None below the threshold."""
    heads, cues = doc.headings, [cue for cue, _w in spec["title_cues"]]
    if spec["title_min"] > 0 and not spec["last"] and all(cues):
        # A title below ``title_min`` scores nothing, whatever its text says, and a title that
        # matches neither ``heading`` nor a cue scores 0: only the other sections are read.
        if sh.dead_in_titles(pats.heading, *cues):
            return None
        scored = titles.named(doc, pats.heading, pats.heading_exclude).union(
            *(titles.all_of(doc, cue) for cue in cues if not sh.dead_in_titles(cue)))
        heads = [h for h in heads if h.title in scored and evidence.score(doc, h, pats, spec, said=0)]
        stats["read"] += len(heads)
        text = lambda h: evidence.own_text(doc, h)     # noqa: E731
    else:
        text = lambda h: None                           # noqa: E731 - the document's table
    best, best_score = None, 0
    for h in heads:
        if any(s <= h.start < e for s, e in excluded):
            continue        # (a title word such as 问题 excludes nothing here: the frames decide)
        s = evidence.score(doc, h, pats, spec, text=text(h))
        if s >= spec["threshold"] and s > best_score:
            best, best_score = h, s
    return best


def _problems(doc, verdicts, p, pats):
    """The shortcomings' sentences a cause must not merely restate: the scope's text outside
    cause headings and outside sentences with a causal frame (:class:`causal.Problems`), read
    when a clause is first compared with them."""
    base = verdicts.get(p.scope)
    if base is None:
        return causal.Problems([])

    def sentences():         # (read when a clause is first compared with them)
        named = titles.named(doc, pats.heading, pats.weak_heading)
        own = [(h.start, h.end) for h in doc.headings if h.title in named]
        out = []
        for s, e in base.regions:
            for b in doc.blocks_in(s, e):
                if any(hs <= b.start < he for hs, he in own):
                    continue
                out.extend(causal.unframed(b.text, b.sentences(), p.causal))
        return out
    return causal.Problems(sentences)


def _has_evidence(doc, sh, pats, p, regions, after=None, problems=None, governed=False):
    """Return (offset of the first evidence, the region it belongs to) or None. With ``after``
    (an offset), a sentence opening with a lead pattern anywhere after it counts as well."""
    blocks = sh.blocks(regions)
    if not blocks:
        return None
    # A paragraph that opens with a lead pattern is evidence on its own. (Only patterns that can
    # match somewhere in the document are tried: lawlint.sections.shared.)
    lead = sh.live(pats.lead)
    for i, b in enumerate(blocks if lead else ()):
        text_start = b.body_start if b.heading is not None else b.start
        lead_text = doc.text[text_start:b.end]
        for rx in lead:
            if rx.match(lead_text):
                return text_start, _paragraph_region(doc, b)
    if after is not None and lead:
        for b in blocks:
            if b.end <= after:
                continue
            for sent in b.sentences():
                if sent.start >= after and any(rx.match(sent.text) for rx in lead):
                    return sent.start, (sent.start, _paragraph_region(doc, b)[1])
    # Distinct evidence patterns.
    need = p.evidence_min
    live = sh.live(pats.evidence)
    if live:
        first, hits = None, 0
        text, starts = doc.text, [b.start for b in blocks]
        table = dict(literals(pats.evidence)[0])
        for rx in live:            # from the first block that holds one of its literals
            # (once ``need`` patterns have a match, another one counts only where it moves the
            # first evidence earlier: the blocks from the first one on are not read for it)
            got = first_match(rx, table[rx], blocks, starts, text,
                              first[0] if first is not None and hits >= need else None)
            if got is not None:
                b, m = got
                hits += 1
                if first is None or b.start + m.start() < first[0]:
                    first = (b.start + m.start(), b)
        if hits >= need and first is not None:
            return first[0], _paragraph_region(doc, first[1])
    if p.causal:           # cause analysis: a causal frame naming a cause
        for b in blocks:
            text_start = b.body_start if b.heading is not None else b.start
            at = causal.analysis(doc.text[text_start:b.end], p.causal, problems or [],
                                 governed)
            if at is not None:
                return text_start + at, _paragraph_region(doc, b)
    weak = sh.live(pats.weak_evidence)
    if weak:
        count, first = 0, None
        for b in blocks:
            for s in b.sentences():
                if _any(weak, s.text):
                    count += 1
                    first = first or (s.start, b)
        if count >= p.weak_min and first is not None:
            return first[0], _paragraph_region(doc, first[1])
    return None


def _paragraph_region(doc, block):
    """A part found only in the body: its paragraph and the paragraphs that follow it up to the
    next heading (a 「但仍存在…主要表现在：」 paragraph is often followed by the list)."""
    end = block.end
    for b in doc.blocks_in(block.start + 1, 1 << 62):      # the blocks after it
        if b.heading is not None:
            break
        end = b.end
        if b.start - block.end > 2000:
            break
    return (block.start, end)
