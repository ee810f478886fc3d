"""A part named by a run-in item: 「一是强化责任担当。县委书记主持…」 inside a paragraph devoted to
the part counts as a numbered item, i.e. a heading (the ``inline_items`` of a ``section`` rule).

The document's items are found once for every part (:meth:`lawlint.sections.shared.Shared.inline_items`);
an item's title is weighed before its text, which only a title that scores can make enough.
"""
from __future__ import annotations

from ..chars import lstrip_blank
from ..result import SectionVerdict
from . import evidence
from .shared import stats


def item(doc, sh, pats, regions, need):
    """A run-in 「一是……。」 item inside a paragraph devoted to the part (its title matches
    ``inline_items`` and its own text carries ``evidence_min`` evidence, or the part's score says
    so): the part has a numbered item, i.e. a heading. Its region runs to the next item of the
    paragraph."""
    spec = pats.score_spec    # 「一是强化责任担当。县委书记主持…听取汇报」: its text decides
    scored = spec is not None and not spec["frame"]
    may_score = _may_score(sh, pats, spec) if scored else None
    named, excluded = sh.item_titles(pats.inline_items), sh.item_titles(pats.heading_exclude)
    for b, items in sh.inline_items():
        if not any(s <= b.start < e for s, e in regions):
            continue
        text = b.text
        for i, m in enumerate(items):
            title, end = m.group(1), items[i + 1].start() if i + 1 < len(items) else len(text)
            if scored and _said(title, text[m.end():end], pats, spec, may_score):
                pass
            elif title not in named or title in excluded:
                continue
            elif sum(1 for e in sh.live(pats.evidence) if e.search(text, m.start(), end)) < need:
                continue
            start = b.start + m.start() + (len(m.group(0)) - len(lstrip_blank(m.group(0))))
            v = SectionVerdict("heading", doc.position(start)[0], title, start)
            v.regions = [(start, b.start + end)]
            return v
    return None


def _may_score(sh, pats, spec):
    """The item titles that may score for the part, or None (any may): with ``title_min`` above
    0, a title that matches neither ``heading`` nor a pattern of a cue scores nothing."""
    cues = [cue for cue, _w in spec["title_cues"]]
    if spec["title_min"] <= 0 or not all(cues):
        return None
    return sh.item_titles(pats.heading).union(*(sh.item_titles(cue) for cue in cues))


def _said(title, text, pats, spec, may_score) -> bool:
    """Does the item's title with what its text says reach the part's threshold (and its text
    say something)? A title that does not score makes the sum 0, so its text is not read then."""
    base = None if may_score is not None and title not in may_score else \
        evidence.title_score(title, pats, spec)
    if base is None and spec["threshold"] > 0:
        stats["unscored"] += 1
        return False
    said = evidence.sentence_score(text, spec)
    return bool(said) and (0 if base is None else base + said) >= spec["threshold"]
