"""Where the shortcomings and plans are in a report (from lawlint's own section verdicts), and the
items written there."""
from __future__ import annotations

import re

from ..chars import lstrip_blank, rstrip_blank
from ..parse.document import split_sentences
from .model import Report, settings
from .words import content_chars


def spans(report: Report):
    """(shortcomings spans, plans spans). A merged heading (「存在不足及下步打算」) is cut where the
    first sentence opening with a plans cue (下一步, 明年, YYYY+1年) begins."""
    sections = report.result.sections
    short = [r for sid in ("shortcomings", "causes") for r in _regions(sections.get(sid))]
    plans = _regions(sections.get("plans"))
    if not (short and plans and any(_overlap(a, b) for a in short for b in plans)):
        return _merge(short), plans
    cue = _plans_cue(report.result.report_year)
    cut = None
    for s, e in plans:
        for sent in split_sentences(report.text[s:e], s):
            if cue.match(settings()["lead"].sub("", sent.text, count=1)):
                cut = sent.start
                break
        if cut is not None:
            break
    if cut is None:
        return _merge(short), plans
    return _merge([(s, min(e, cut)) for s, e in short if s < cut]), [(max(s, cut), e) for s, e in plans if e > cut]


def _regions(verdict) -> list:
    if verdict is None or verdict.status == "absent" or not verdict.regions:
        return []
    return [tuple(r) for r in verdict.regions]


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _merge(spans) -> list:
    out = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _plans_cue(year):
    from ..rulepack.resources import shared_patterns
    from ..rulepack.template import expand_shared
    pattern = expand_shared(settings()["items"]["plans_start"], shared_patterns())
    next_year = str(year + 1) if year else r"(?!x)x"
    return re.compile(pattern.replace("{next_year}", next_year))


def items(report: Report, spans, min_chars: int) -> list[tuple[int, str]]:
    """(offset, text) of the items in ``spans``: sentences, split again before inline
    enumerators (……；二是……), leading numbering removed. A heading line with no sentence
    punctuation (「三、下步工作打算」) at the start of a span is the part's title, not an item."""
    cfg = settings()
    out = []
    for s, e in spans:
        first_line_end = report.text.find("\n", s, e)
        first_line_end = e if first_line_end < 0 else first_line_end
        if not any(ch in report.text[s:first_line_end] for ch in "。；;！？!?，,："):
            s = first_line_end
        for sent in split_sentences(report.text[s:e], s):
            if report.in_chrome(sent.start):
                continue
            cuts = [0] + [m.start() for m in cfg["split_before"].finditer(sent.text)] + [len(sent.text)]
            for a, b in zip(cuts, cuts[1:]):
                piece = sent.text[a:b]
                lead = cfg["lead"].match(piece)
                skip = lead.end() if lead else len(piece) - len(lstrip_blank(piece))
                body = rstrip_blank(piece[skip:]).rstrip("。；;，,：:")
                if content_chars(body) >= min_chars:
                    out.append((sent.start + a + skip, body))
    return out
