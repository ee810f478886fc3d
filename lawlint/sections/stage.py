"""Part location, whole: every part's verdict, and whether the text is a whole report at all.

A crawled page or a first page is sometimes only the opening of a report. Such a text is judged
on what it shows: the parts it never reached are not missing (``SectionVerdict.reached`` is
False), and it gets no grade. Calling a complete report partial would excuse its omissions, so
"partial" needs strong evidence, the signs being data (the ``truncation`` rule's parameters):

- a cut marker at its end (「更多」「阅读全文」「未完」, a trailing 「……」);
- no closing (「特此报告」, a closing line, or an issuer with a full date in the last
  ``closing_window`` characters, wherever it sits), and then one of: the last paragraph stops
  mid-sentence while the parts a report ends with (``last_parts``) are absent; the text ends on a
  standalone heading; or it is only an opening page (under ``min_chars`` characters, with a title,
  page chrome or an opening paragraph before a heading, its shortcomings and last parts absent).

Being short, having no 「特此报告」 or a signature glued to the last paragraph are not signs.

The decision is made once, here, between locating the parts and running any check: the verdicts
returned are final (a partial text's absent parts are built unreached, never rewritten later).
The stage runs only when the ``truncation`` rule is active (``--ignore section.truncated`` turns
it off: every part then counts as reached).
"""
from __future__ import annotations

from ..plain import dataclass, replace

from . import detect
from ..chars import WHITESPACE
from ..rulepack.template import fill
from ..vocabulary import SECTION_IDS

@dataclass(frozen=True)
class Partial:
    """A partial text: the signs seen (as the rule words them), where the text stops, and the
    parts it never reached."""
    signs: tuple
    offset: int
    unreached: tuple


def locate(doc, ruleset, year, truncation=None, run=None) -> tuple[dict, Partial | None]:
    """(every part's final verdict, the Partial or None). ``truncation``: the active truncation
    rule (None: the text is taken as whole). ``run(rule, fn)`` wraps each step as in
    :func:`lawlint.sections.detect.locate`."""
    verdicts = detect.locate(doc, ruleset.section_rules, year, run=run)
    if truncation is None:
        return verdicts, None
    step = (lambda: judge(doc, truncation.bound(year), verdicts))
    found = step() if run is None else run(truncation, step)
    if found is None:
        return verdicts, None
    final = {sid: replace(v, reached=False) if v.status == "absent" else v for sid, v in verdicts.items()}
    unreached = tuple(sid for sid in SECTION_IDS if sid in final and not final[sid].reached)
    return final, Partial(found[0], found[1], unreached)


def judge(doc, p, verdicts) -> tuple[tuple, int] | None:
    """(the signs, where the text stops) when the text is partial, else None; ``p``: the
    truncation rule's bound parameters (:mod:`lawlint.checks.truncation`'s SPEC)."""
    body = doc.body_blocks
    if not body:
        return None
    last = body[-1]
    tail = last.text.rstrip(WHITESPACE)

    def absent(*ids):
        return all((verdicts.get(sid) is None or verdicts[sid].status == "absent") for sid in ids)

    seen = []
    if any(rx.search(tail) for rx in p.cut_markers):
        seen = ["no_ending", "marker"]
    elif not _closed(doc, p.closing_window, p.closing):
        if _ends_on_heading(body, p.sentence_end):
            seen = ["no_ending", "heading"]
        elif tail and tail[-1] not in p.sentence_end and absent(*p.last_parts):
            seen = ["no_ending", "cut"]
        elif sum(len(b.text) for b in body) < p.min_chars and absent("shortcomings", *p.last_parts) \
                and _opens_a_report(doc, body):
            seen = ["no_ending", "short"]
    if not seen:
        return None
    if any(b.kind in ("chrome", "page") for b in doc.blocks):
        seen.append("chrome")
    chars = sum(len(b.text) for b in body)
    words = p.signs
    return tuple(fill(words[k], chars=chars) for k in seen if k in words), last.start


def _opens_a_report(doc, body) -> bool:
    """The text has a report's head: a title, a page's chrome, or an opening paragraph (not a
    heading, over 30 characters, sentences) with a heading after it."""
    if doc.title is not None or any(b.kind == "chrome" for b in doc.blocks):
        return True
    first = body[0]
    return first.heading is None and len(first.text) > 30 and "。" in first.text \
        and any(b.heading is not None for b in body[1:])


def _ends_on_heading(body, ends) -> bool:
    """The text stops right after a heading: the last block is a standalone heading without a
    sentence end, and the heading before it at its level had text under it (a list of bare
    items, 「（三）持续推进……」 after 「（一）」「（二）」, is a complete plans list)."""
    last = body[-1]
    h = last.heading
    if h is None or h.run_in or last.text.rstrip(WHITESPACE)[-1:] in ends:
        return False
    prev = body[-2] if len(body) > 1 else None
    return not (prev is not None and prev.heading is not None and prev.heading.level == h.level)


def _closed(doc, window: int, closing) -> bool:
    """Does the text end with a closing: a closing block, or ``closing`` (an issuer with a full
    date, 「特此报告」) anywhere in its last ``window`` characters?"""
    if any(b.kind == "closing" for b in doc.blocks):
        return True
    end = doc.body_blocks[-1].end
    return closing.search(doc.text, max(0, end - window), end) is not None
