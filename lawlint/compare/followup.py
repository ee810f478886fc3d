"""Were last year's plans followed up, and are last year's shortcomings written again?"""
from __future__ import annotations

import difflib
import math
from bisect import bisect_right

from ..parse.document import split_sentences
from .model import PlanItem, Recurrence, Report, settings
from .sections import items
from .words import content_word, fold, plain


def plans_follow_up(last: Report, last_plans, this: Report, exclude):
    """Each of last year's plan items, reported or not in this year's text outside ``exclude``
    (this year's plans and shortcomings: a plan restated, or named as still lacking, is not a
    plan carried out)."""
    cfg, stop = settings()["plans"], settings()["stop"]
    sentences = [x for x in split_sentences(this.text)
                 if not this.in_chrome(x.start) and not any(s <= x.start < e for s, e in exclude)]
    offsets = [o for _, o in this.words]
    bags = []
    for x in sentences:
        lo, hi = bisect_right(offsets, x.start - 1), bisect_right(offsets, x.end - 1)
        bags.append({fold(w) for w, _ in this.words[lo:hi] if content_word(w, stop)})
    df: dict = {}
    for bag in bags:
        for w in bag:
            df[w] = df.get(w, 0) + 1
    n = len(bags)
    weight = lambda w: max(math.log((n + 1) / (df.get(w, 0) + 1)), 0.05)  # noqa: E731
    windows = _windows(this, sentences, cfg["window_sentences"])
    from ..parse.segment import segment
    out, skipped = [], 0
    for offset, text in items(last, last_plans, cfg["min_item_chars"]):
        words = {fold(w) for w, _ in segment(text) if content_word(w, stop)}
        if len(words) < cfg["min_content_words"]:
            skipped += 1
            continue
        total = sum(weight(w) for w in words)
        best, where = 0.0, None
        for window in windows:
            got = sum(weight(w) for w in words if any(w in bags[k] for k in window))
            if got > best:
                best, where = got, window
        score = round(best / total, 2) if total else 0.0
        item = PlanItem(item=text, last_line=last.line(offset), score=score,
                        status="reported" if score >= cfg["threshold"] else "not_found")
        if where is not None and item.status == "reported":
            k = max(where, key=lambda k: sum(weight(w) for w in words & bags[k]))
            item.evidence_line, item.evidence = this.line(sentences[k].start), sentences[k].text
        out.append(item)
    return out, skipped


def _windows(this: Report, sentences, size: int) -> list:
    """Runs of up to ``size`` consecutive sentence indices within one line (paragraph)."""
    by_line: dict = {}
    for k, x in enumerate(sentences):
        by_line.setdefault(this.line(x.start), []).append(k)
    out = []
    for ks in by_line.values():
        out.extend(ks[i:i + size] for i in range(max(1, len(ks) - size + 1)))
    return out


def recurring_shortcomings(last: Report, last_short, this: Report, this_short) -> list:
    cfg = settings()["shortcomings"]
    theirs = [(o, t, plain(t)) for o, t in items(this, this_short, cfg["min_sentence_chars"])]
    out = []
    for offset, text in items(last, last_short, cfg["min_sentence_chars"]):
        mine, best = plain(text), None
        for o, t, flat in theirs:
            m = difflib.SequenceMatcher(None, mine, flat, autojunk=False)
            if m.real_quick_ratio() < cfg["similarity"] or m.quick_ratio() < cfg["similarity"]:
                continue
            r = m.ratio()
            if r >= cfg["similarity"] and (best is None or r > best[0]):
                best = (r, o, t)
        if best:
            out.append(Recurrence(text=text, last_line=last.line(offset), this_text=best[2],
                                  this_line=this.line(best[1]), similarity=round(best[0], 2)))
    return out
