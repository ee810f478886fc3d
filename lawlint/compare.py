"""Year-over-year comparison of two reports by the same issuer (``lawlint compare``).

Reviewers ask three things of this year's report against last year's (domain notes D10, D11):
how much of it is last year's text again; whether last year's plans were followed up; and which
of last year's shortcomings are written down again. Each answer is computed here from the loaded
texts and lawlint's own section verdicts (so year detection and section boundaries are the ones
``lawlint check`` shows); the reporters in ``lawlint/reporters/compare_*.py`` only format them.
Thresholds and word lists are data: ``rules/data/compare.yaml``.
"""
from __future__ import annotations

import difflib
import math
import os
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .document import split_sentences
from .errors import LawlintError, LoadError


@dataclass
class Passage:
    """A maximal stretch of this year's text made of n-grams that also occur in last year's."""
    text: str
    chars: int                # characters other than punctuation and spaces
    this_line: int
    last_line: int

    def to_json(self) -> dict:
        return {"text": self.text, "last_line": self.last_line, "this_line": self.this_line,
                "chars": self.chars}


@dataclass
class PlanItem:
    item: str
    last_line: int
    status: str               # reported | not_found
    score: float              # weighted share of the item's content words in the best evidence
    evidence_line: int | None = None
    evidence: str = ""

    def to_json(self) -> dict:
        return {"item": self.item, "last_line": self.last_line, "status": self.status,
                "evidence_line": self.evidence_line, "evidence": self.evidence, "score": self.score}


@dataclass
class Recurrence:
    text: str                 # last year's sentence
    last_line: int
    this_text: str
    this_line: int
    similarity: float

    def to_json(self) -> dict:
        return {"text": self.text, "last_line": self.last_line, "this_text": self.this_text,
                "this_line": self.this_line, "similarity": self.similarity}


@dataclass
class Comparison:
    last: str
    this: str
    last_year: int | None = None
    this_year: int | None = None
    issuer: str | None = None
    last_label: str = "行"          # what a "line" is in each file (a .docx paragraph: 段)
    this_label: str = "行"
    repeated_share: float = 0.0
    passages: list = field(default_factory=list)
    passages_total: int = 0
    plans: list = field(default_factory=list)
    plans_skipped: int = 0          # items too vague to trace (too few content words)
    recurring: list = field(default_factory=list)
    sections: dict = field(default_factory=dict)   # last_plans, last_shortcomings, this_plans, this_shortcomings
    notes: list = field(default_factory=list)      # Chinese remarks: missing parts, swapped years

    def to_json(self) -> dict:
        return {"last": self.last, "this": self.this, "last_year": self.last_year,
                "this_year": self.this_year, "issuer": self.issuer,
                "repeated_share": self.repeated_share, "passages_total": self.passages_total,
                "passages": [p.to_json() for p in self.passages],
                "plans": [p.to_json() for p in self.plans], "plans_skipped": self.plans_skipped,
                "recurring_shortcomings": [r.to_json() for r in self.recurring],
                "sections": dict(self.sections), "notes": list(self.notes)}


@dataclass
class CompareRun:
    comparisons: list = field(default_factory=list)
    unmatched: list = field(default_factory=list)   # {"path", "side": "last" | "this"}
    errors: list = field(default_factory=list)      # {"path", "error"}: files that could not be read

    def to_json(self, version: str) -> dict:
        return {"lawlint": version, "comparisons": [c.to_json() for c in self.comparisons],
                "unmatched": list(self.unmatched), "errors": list(self.errors)}


@lru_cache(maxsize=1)
def settings() -> dict:
    from .resources import load_data
    data = load_data("compare.yaml")
    items = data["items"]
    return {**data, "split_before": re.compile(items["split_before"]),
            "lead": re.compile(items["lead"]), "stop": frozenset(data["plans"]["stop_words"])}


# ---- loading and pairing -------------------------------------------------------------------

class Report:
    """A loaded source, lawlint's verdict on it, and its words (segmented once). Web-page chrome
    (navigation, footers: the same on every page of a site) is no part of the report's text."""

    def __init__(self, source, result):
        from .document import Document
        from .segment import segment
        self.source, self.result, self.text = source, result, source.text
        doc = Document(source, year=result.report_year)
        self.chrome = [(b.start, b.end) for b in doc.blocks if b.kind == "chrome"]
        self.words = [(w, o) for w, o in segment(self.text)
                      if not _is_punct(w) and not self.in_chrome(o)]

    def in_chrome(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.chrome)

    def line(self, offset: int) -> int:
        return self.source.position(offset)[0]


def load_report(path, config=None) -> Report:
    from .api import lint_source
    from .config import Config
    from .loaders import load_path
    config = config or Config()
    source = load_path(path, encoding=config.encoding, limits=config.limits)
    return Report(source, lint_source(source, config))


def compare_files(last_path, this_path, config_for=None) -> Comparison:
    config_for = config_for or (lambda p: None)
    return compare(load_report(last_path, config_for(last_path)), load_report(this_path, config_for(this_path)))


def compare_paths(last, this, config_for=None) -> CompareRun:
    """Two files, or two folders whose reports are paired by issuer (then by file name)."""
    from .walk import expand_paths
    for p in (last, this):
        if not os.path.exists(p):
            raise LoadError("路径不存在", p)
    if os.path.isdir(last) != os.path.isdir(this):
        raise LawlintError("两个路径应同为文件或同为目录（去年的报告在前，今年的在后）")
    if not os.path.isdir(last):
        return CompareRun(comparisons=[compare_files(last, this, config_for)])
    config_for = config_for or (lambda p: None)
    run, sides = CompareRun(), {}
    for side, root in (("last", last), ("this", this)):
        sides[side] = []
        for item in expand_paths([root]):
            try:
                sides[side].append(load_report(item, config_for(item)))
            except LawlintError as e:
                run.errors.append({"path": item, "error": str(e)})
    pairs, rest_last, rest_this = pair_reports(sides["last"], sides["this"])
    run.comparisons = [compare(a, b) for a, b in pairs]
    run.unmatched = ([{"path": r.source.path, "side": "last"} for r in rest_last]
                     + [{"path": r.source.path, "side": "this"} for r in rest_this])
    return run


def issuer_key(issuer: str | None) -> str:
    return re.sub(r"\s+|人民政府$|政府$", "", issuer or "")


def name_key(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    return re.sub(r"\d+\s*年?度?|[-_\s.]+", "", stem)


def pair_reports(last: list, this: list):
    """Pair reports by issuer: the same name, else one name ending with the other (信阳市平桥区 /
    平桥区) when that is unambiguous, else the file name without years and digits."""
    left, pairs = list(last), []
    tests = (lambda a, b: issuer_key(a.result.issuer) and issuer_key(a.result.issuer) == issuer_key(b.result.issuer),
             _suffix_match,
             lambda a, b: name_key(a.source.path) and name_key(a.source.path) == name_key(b.source.path))
    pending = list(this)
    for test in tests:
        still = []
        for b in pending:
            hits = [a for a in left if test(a, b)]
            if len(hits) == 1 or (hits and test is not _suffix_match):
                left.remove(hits[0])
                pairs.append((hits[0], b))
            else:
                still.append(b)
        pending = still
    order = {id(b): i for i, b in enumerate(this)}
    pairs.sort(key=lambda ab: order[id(ab[1])])
    return pairs, left, pending


def _suffix_match(a, b) -> bool:
    x, y = issuer_key(a.result.issuer), issuer_key(b.result.issuer)
    return bool(x and y) and min(len(x), len(y)) >= 2 and (x.endswith(y) or y.endswith(x))


# ---- the comparison ------------------------------------------------------------------------

def compare(last: Report, this: Report) -> Comparison:
    c = Comparison(last=last.source.path, this=this.source.path, last_year=last.result.report_year,
                   this_year=this.result.report_year, last_label=last.source.line_label,
                   this_label=this.source.line_label,
                   issuer=this.result.issuer or last.result.issuer)
    if c.last_year and c.this_year and c.last_year >= c.this_year:
        c.notes.append(f"去年报告的年度（{c.last_year}）不早于今年报告的年度（{c.this_year}），请确认两个文件的先后顺序")
    c.repeated_share, c.passages, c.passages_total = repeated_text(last, this)
    last_short, last_plans = parts(last)
    this_short, this_plans = parts(this)
    c.sections = {"last_plans": bool(last_plans), "last_shortcomings": bool(last_short),
                  "this_plans": bool(this_plans), "this_shortcomings": bool(this_short)}
    if not last_plans:
        c.notes.append("去年的报告中未找到下一年度工作安排部分，无法核对落实情况")
    else:
        c.plans, c.plans_skipped = plans_follow_up(last, last_plans, this, this_plans + this_short)
    if not last_short:
        c.notes.append("去年的报告中未找到存在的不足部分")
    if not this_short:
        c.notes.append("今年的报告中未找到存在的不足部分")
    if last_short and this_short:
        c.recurring = recurring_shortcomings(last, last_short, this, this_short)
    return c


def repeated_text(last: Report, this: Report):
    """(share of this year's characters inside repeated n-grams, the longest passages, how many)."""
    cfg = settings()["repeated"]
    n = cfg["ngram_words"]
    lw = [_fold(w) for w, _ in last.words]
    tw = [_fold(w) for w, _ in this.words]
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


def parts(report: Report):
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
    pattern = settings()["items"]["plans_start"]
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
                skip = lead.end() if lead else len(piece) - len(piece.lstrip())
                body = piece[skip:].rstrip().rstrip("。；;，,：:")
                if _content_chars(body) >= min_chars:
                    out.append((sent.start + a + skip, body))
    return out


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
        bags.append({_fold(w) for w, _ in this.words[lo:hi] if _content_word(w, stop)})
    df: dict = {}
    for bag in bags:
        for w in bag:
            df[w] = df.get(w, 0) + 1
    n = len(bags)
    weight = lambda w: max(math.log((n + 1) / (df.get(w, 0) + 1)), 0.05)  # noqa: E731
    windows = _windows(this, sentences, cfg["window_sentences"])
    from .segment import segment
    out, skipped = [], 0
    for offset, text in items(last, last_plans, cfg["min_item_chars"]):
        words = {_fold(w) for w, _ in segment(text) if _content_word(w, stop)}
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
    theirs = [(o, t, _plain(t)) for o, t in items(this, this_short, cfg["min_sentence_chars"])]
    out = []
    for offset, text in items(last, last_short, cfg["min_sentence_chars"]):
        mine, best = _plain(text), None
        for o, t, plain in theirs:
            m = difflib.SequenceMatcher(None, mine, plain, autojunk=False)
            if m.real_quick_ratio() < cfg["similarity"] or m.quick_ratio() < cfg["similarity"]:
                continue
            r = m.ratio()
            if r >= cfg["similarity"] and (best is None or r > best[0]):
                best = (r, o, t)
        if best:
            out.append(Recurrence(text=text, last_line=last.line(offset), this_text=best[2],
                                  this_line=this.line(best[1]), similarity=round(best[0], 2)))
    return out


# ---- characters and words ------------------------------------------------------------------

def _is_punct(word: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PZSC" for ch in word)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word)


def _content_word(word: str, stop) -> bool:
    w = _fold(word)
    return len(w) >= 2 and not _is_punct(w) and not w.isdigit() and w not in stop


def _content_chars(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch)[0] not in "PZSC")


def _plain(text: str) -> str:
    return "".join(ch for ch in _fold(text) if unicodedata.category(ch)[0] not in "PZSC")
