"""Part location as it was before its fast paths (lawlint/sections/detect.py and causal.py at main
6caa80b, verbatim but for imports, the two modules in one): the oracle the fast paths are compared
with (tests/test_sections_fast.py)."""
# flake8: noqa
from __future__ import annotations

from functools import lru_cache

from lawlint.chars import CN_NUMERAL_CHARS, strip_blank
from lawlint.rulepack import regexcache


_CLAUSE = regexcache.compile(f"[，,；;。：:！!？?\n]|[{CN_NUMERAL_CHARS}]是|其[{CN_NUMERAL_CHARS}]")


def framed(text: str, c) -> bool:
    """Has the sentence a causal frame, strong or weak (it is analysis, not a listed problem)?"""
    return any(rx.search(text) for rx in c.frames + c.weak_frames)


@lru_cache(maxsize=2048)
def _pairs(text: str) -> frozenset:
    """The character pairs of a text, remembered: each clause is compared with every problem
    sentence of the part, whose pairs are the same each time."""
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def restates(clause: str, problems, share: float) -> bool:
    """Do most of the clause's character pairs appear in one problem sentence?"""
    pairs = _pairs(clause)
    if not pairs:
        return True
    return any(len(pairs & _pairs(p)) >= share * len(pairs) for p in problems)


def analysis(text: str, c, problems, governed: bool = False):
    """Offset in ``text`` where a cause analysis starts, or None. ``governed``: the text sits
    under a 原因 heading (the heading is its frame)."""
    start = 0
    if not governed:
        hits = [m for rx in c.frames for m in [rx.search(text)] if m]
        if not hits:
            return _weak(text, c, problems)
        start = min(m.start() for m in hits)
    tail = text[start:]
    for rx in c.frames:
        tail = rx.sub(" ", tail)
    for clause in _CLAUSE.split(tail):
        clause = strip_blank(clause)
        if len(clause) < 3:
            continue
        named = any(rx.search(clause) for rx in c.predicates)
        if not named and (not any(rx.search(clause) for rx in c.deficits)
                          or any(rx.search(clause) for rx in c.outcomes)):
            continue            # no condition named, or only how the work fell short
        if not restates(clause, problems, c.restate):
            return start
    return None


def _weak(text, c, problems):
    """A sentence with a weak frame (由于, 导致) naming ``weak_min`` distinct causes in clauses
    that do not restate a problem."""
    offset = 0
    for sent in regexcache.compile(r"[^。！？!?]+[。！？!?]?").findall(text):
        fresh = "，".join(cl for cl in _CLAUSE.split(sent)
                         if len(strip_blank(cl)) >= 3 and not restates(strip_blank(cl), problems, c.restate))
        if explains(fresh, c):
            return offset
        offset += len(sent)
    return None


def explains(text: str, c) -> bool:
    """Is this sentence cause analysis (a frame together with enough named causes)?"""
    causes = sum(1 for rx in c.predicates if rx.search(text))
    if not causes:
        return False
    if any(rx.search(text) for rx in c.frames):
        return True
    return causes >= c.weak_min and any(rx.search(text) for rx in c.weak_frames)


# -- detect.py --

from lawlint.chars import is_blank, lstrip_blank
from lawlint.result import SectionVerdict
from lawlint.sections import evidence, titles
from lawlint.sections.livepatterns import live


def locate(doc, detectors, year, run=None) -> dict:
    """Every part's verdict, each detector run once in dependency order. ``run(rule, fn)`` may
    wrap each detection (the engine times it and turns a crash into the rule's finding)."""
    verdicts: dict = {}
    for rule in detectors:
        sid = rule.bound(year).section
        verdicts[sid] = SectionVerdict()          # what a failed detection leaves
        if run is None:
            verdicts[sid] = detect(doc, rule, year, verdicts, detectors)
        else:
            verdicts[sid] = run(rule, lambda r=rule: detect(doc, r, year, verdicts, detectors)) \
                or SectionVerdict()
    return verdicts


def detect(doc, rule, year, verdicts, rules=()) -> SectionVerdict:
    """One part's verdict; ``verdicts`` already holds the parts it depends on, ``rules`` are all
    part detectors (a section's frame is decided among them, :mod:`lawlint.sections.evidence`)."""
    def part(sid):
        return verdicts.get(sid) or SectionVerdict()

    p = pats = rule.bound(year)      # the rule's parameters, patterns compiled for this year
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
    excluded = [r for sid in p.not_within
                for r in evidence.frame_regions(doc, year, rules, sid)] if rules else \
        [r for sid in p.not_within for r in part(sid).regions]
    if excluded:
        regions = _subtract(regions, excluded)
    spec = pats.score_spec
    frame = evidence.frames(doc, year, rules) if spec and spec["frame"] and rules else None
    problems = _problems(doc, verdicts, p, pats) if p.causal else None

    promised = None
    # the titles that name the part (lawlint.sections.titles: each pattern asked about all titles at once)
    named = titles.named(doc, pats.heading, pats.heading_exclude)
    unweak = titles.named(doc, pats.heading, pats.weak_heading) if named else frozenset()  # no weak title
    for h in doc.headings if named else ():
        title = h.title
        if title not in named:
            continue
        if any(s <= h.start < e for s, e in excluded):
            continue
        if frame is not None and frame.get(id(h)) and p.section not in frame[id(h)]:
            continue            # the title says this part, the section's evidence says another
        body = doc.heading_body(h)
        weak = title not in unweak           # (named titles match ``heading``)
        if weak or p.causal:      # a cause heading is only a promise until a cause is named
            if _has_evidence(doc, pats, p, [(h.start, h.end)], problems=problems, governed=not weak):
                return _verdict(doc, "heading", h)
            promised = promised or h
            continue
        if not is_blank(body) or h.children:       # a body of zero-width spaces is blank
            return _verdict(doc, "heading", h)
    if spec and not spec["frame"]:
        best = _best_scored(doc, pats, spec, excluded)
        if best is not None:
            return _verdict(doc, "heading", best)

    if p.areas is not None and p.areas.patterns:
        hits = evidence.area_headings(doc, pats, p.areas.min, excluded)
        if hits:
            v = SectionVerdict("heading", doc.position(hits[0].start)[0], hits[0].title, hits[0].start)
            v.regions = [(h.start, h.end) for h in hits]
            return v

    if p.inline_items:
        item = _inline_item(doc, pats, regions, p.evidence_min)
        if item is not None:
            return item

    after = None
    if p.lead_after:
        after = part(p.lead_after).start
    where = _has_evidence(doc, pats, p, regions, after, problems)
    if where is not None:
        start, region = where
        v = SectionVerdict("body", doc.position(start)[0], "", start)
        v.regions = [region]
        return v
    v = SectionVerdict(note="promised" if promised else "")
    if promised is not None:
        v.start = promised.start
    return v


def _inline_item(doc, pats, regions, need):
    """A run-in 「一是……。」 item inside a paragraph devoted to the part (its title matches
    ``inline_items`` and its own text carries ``evidence_min`` evidence): the part has a numbered item, i.e. a
    heading. Its region runs to the next item of the paragraph."""
    from lawlint.parse.document import lexicon
    rx = lexicon()["inline_item"]
    for b in doc.body_blocks:
        if b.heading is not None and not b.heading.run_in:
            continue
        if not any(s <= b.start < e for s, e in regions):
            continue
        text = b.text
        items = list(rx.finditer(text))
        for i, m in enumerate(items):
            title, end = m.group(1), items[i + 1].start() if i + 1 < len(items) else len(text)
            spec = pats.score_spec    # 「一是强化责任担当。县委书记主持…听取汇报」: its text decides
            said = evidence.sentence_score(text[m.end():end], spec) if spec and not spec["frame"] else 0
            if said and evidence.weigh(title, None, pats, spec, said=said) >= spec["threshold"]:
                pass
            elif not _any(pats.inline_items, title) or _any(pats.heading_exclude, title):
                continue
            elif sum(1 for e in pats.evidence if e.search(text, m.start(), end)) < need:
                continue
            start = b.start + m.start() + (len(m.group(0)) - len(lstrip_blank(m.group(0))))
            v = SectionVerdict("heading", doc.position(start)[0], title, start)
            v.regions = [(start, b.start + end)]
            return v
    return None


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


def _best_scored(doc, pats, spec, excluded):
    """The section scoring highest for a part whose titles vary (「提高政治站位…」 heading a
    section where the Party secretary hears reports): None below the threshold."""
    best, best_score = None, 0
    for h in doc.headings:
        if any(s <= h.start < e for s, e in excluded):
            continue        # (a title word such as 问题 excludes nothing here: the frames decide)
        s = evidence.score(doc, h, pats, spec)
        if s >= spec["threshold"] and s > best_score:
            best, best_score = h, s
    return best


def _problems(doc, verdicts, p, pats):
    """The shortcomings' sentences a cause must not merely restate: the scope's text outside
    cause headings and outside sentences with a causal frame."""
    base = verdicts.get(p.scope)
    if base is None:
        return []
    named = titles.named(doc, pats.heading, pats.weak_heading)
    own = [(h.start, h.end) for h in doc.headings if h.title in named]
    out = []
    for s, e in base.regions:
        for b in doc.blocks_in(s, e):
            if any(hs <= b.start < he for hs, he in own):
                continue
            out.extend(x.text for x in b.sentences()
                       if not framed(x.text, p.causal))
    return out


def _has_evidence(doc, pats, p, regions, after=None, problems=None, governed=False):
    """Return (offset of the first evidence, the region it belongs to) or None. With ``after``
    (an offset), a sentence opening with a lead pattern anywhere after it counts as well."""
    blocks = _blocks_starting_in(doc, regions)
    if not blocks:
        return None
    # A paragraph that opens with a lead pattern is evidence on its own. (Only patterns that can
    # match somewhere in the document are tried: lawlint.sections.livepatterns.)
    lead = live(doc, pats.lead)
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
    evidence = live(doc, pats.evidence)
    if evidence:
        first, hits = None, 0
        for rx in evidence:
            for b in blocks:
                m = rx.search(b.text)
                if m:
                    hits += 1
                    if first is None or b.start + m.start() < first[0]:
                        first = (b.start + m.start(), b)
                    break
        if hits >= need and first is not None:
            return first[0], _paragraph_region(doc, first[1])
    if p.causal:           # cause analysis: a causal frame naming a cause
        for b in blocks:
            text_start = b.body_start if b.heading is not None else b.start
            at = analysis(doc.text[text_start:b.end], p.causal, problems or [],
                                 governed)
            if at is not None:
                return text_start + at, _paragraph_region(doc, b)
    weak = live(doc, pats.weak_evidence)
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


def _blocks_starting_in(doc, regions) -> list:
    """Body blocks that start inside any of ``regions``, in text order (by bisection)."""
    if len(regions) == 1:
        return doc.blocks_in(*regions[0])
    got = {id(b): b for s, e in regions for b in doc.blocks_in(s, e)}
    return sorted(got.values(), key=lambda b: b.start)


def _paragraph_region(doc, block):
    """A part found only in the body: its paragraph and the paragraphs that follow it up to the
    next heading (a 「但仍存在…主要表现在：」 paragraph is often followed by the list)."""
    end = block.end
    for b in doc.body_blocks:
        if b.start <= block.start:
            continue
        if b.heading is not None:
            break
        end = b.end
        if b.start - block.end > 2000:
            break
    return (block.start, end)
