"""How much of this year's text is last year's again: shared n-grams of words, longest passages."""
from __future__ import annotations

from .model import Passage, Report, settings
from .words import fold

OPENING = "（(《“‘「『【〔［["     # a quote starts with the bracket or quote mark its first word follows


def repeated_text(last: Report, this: Report):
    """(share of this year's characters inside repeated n-grams, the longest passages, how many)."""
    cfg = settings()["repeated"]
    n = cfg["ngram_words"]
    lw = [fold(w) for w, _ in last.words]
    tw = [fold(w) for w, _ in this.words]
    index: dict = {}
    for i in range(len(lw) - n + 1):
        index.setdefault(tuple(lw[i:i + n]), []).append(i)
    covered = [False] * len(tw)
    starts = {}
    for i in range(len(tw) - n + 1):
        hits = index.get(tuple(tw[i:i + n]))
        if hits:
            starts[i] = hits
            covered[i:i + n] = [True] * n
    total = sum(len(w) for w in tw)
    share = round(sum(len(w) for w, c in zip(tw, covered) if c) / total, 4) if total else 0.0
    passages = []
    for i, j in _runs(covered, this):
        chars = sum(len(w) for w in tw[i:j])
        if chars < cfg["min_passage_chars"]:
            continue
        # where in last year's text: the n-gram covering token i nearest to it, at the
        # occurrence that runs along furthest
        s = max(k for k in range(max(0, i - n + 1), i + 1) if k in starts)
        best = max((p + i - s for p in starts[s][:50]), key=lambda p: _common_run(lw, p, tw, i, j))
        start, (w_end, o_end) = this.words[i][1], this.words[j - 1]
        while start > 0 and this.text[start - 1] in OPENING:     # 「（一）…」, not 「一）…」
            start -= 1
        passages.append(Passage(text=this.text[start:o_end + len(w_end)], chars=chars,
                                this_line=this.line(start), last_line=last.line(last.words[best][1])))
    passages.sort(key=lambda p: -p.chars)
    return share, passages[:cfg["max_passages"]], len(passages)


def _runs(covered, this: Report):
    """[i, j) runs of covered words, cut at line breaks: a passage stays in one paragraph, so its
    line numbers say where all of it is (a match may still run on into the next heading)."""
    i, n = 0, len(covered)
    while i < n:
        if not covered[i]:
            i += 1
            continue
        j = i + 1
        while j < n and covered[j]:
            w, o = this.words[j - 1]
            if "\n" in this.text[o + len(w):this.words[j][1]]:
                break
            j += 1
        yield i, j
        i = j


def _common_run(lw, p, tw, i, j) -> int:
    k = 0
    while i + k < j and p + k < len(lw) and lw[p + k] == tw[i + k]:
        k += 1
    return k
