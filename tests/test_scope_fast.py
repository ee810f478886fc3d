"""scope's per-report shortcuts for the term rules (substitution, confusion, law_status): where a
pattern can match found from the places of its strings (the shared term scan's, or places.of),
the sentence around a place found by two regex calls, and whether a place is inside 《》 by
walking only the marks. Each must give exactly what the plain way gave, and each fast path must
be taken."""
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawlint.api import ruleset_for
from lawlint.checks import confusion, places, substitution, termscan
from lawlint.checks import scope as sc
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.parse.document import parse
from lawlint.rulepack import regexcache

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["seeds", "tests/corpus/handwritten", "tests/corpus/heldout", "tests/corpus/independent",
           "tests/corpus/real", "tests/corpus/varied", "tests/corpus/varied2", "tests/fixtures"]
FILES = sorted(p for d in CORPORA for p in (ROOT / d).glob("*") if p.suffix in (".txt", ".md"))
RULES = ruleset_for(Config())


def _ctx(text, year=2021, kind="txt"):
    doc = parse(Source(text=text, path="<t>", kind=kind))
    return Context(doc=doc, rules=RULES, year=year)


# --- the plain ways, as they were ----------------------------------------------------------------

def _plain_sentence_at(text, start, end, stops=sc.SENTENCE_STOPS):
    floor = max(0, start - sc._SENTENCE_MAX)
    lo = max(text.rfind(c, floor, start) for c in stops) + 1
    lo = max(lo, floor)
    hi = min(len(text), end + sc._SENTENCE_MAX)
    for c in stops:
        i = text.find(c, end, hi)
        if i != -1:
            hi = min(hi, i + 1)
    return lo, hi


def _plain_in_title_marks(text, start, end):
    line_start = text.rfind("\n", 0, start) + 1
    depth = 0
    for ch in text[line_start:start]:
        if ch == "《":
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
    if depth <= 0:
        return False
    line_end = text.find("\n", end)
    return "》" in text[end:line_end if line_end >= 0 else len(text)]


def _holding_whole(text, needed, spans):
    """The spans holding one of ``needed`` whole, asked span by span."""
    return {(a, b) for a, b in spans if any(text.find(s, a, b) != -1 for s in needed)}


# --- sentence_at ----------------------------------------------------------------------------------

SPIECES = ["。", "！", "？", "；", "!", "?", ";", "\n", "，", "依法行政", "法", "长" * 70, "短" * 300, "”", "a"]
STEXT = st.lists(st.sampled_from(SPIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(STEXT, st.data(), st.sampled_from([sc.SENTENCE_STOPS, sc.FULL_STOPS]))
@example("长" * 1200 + "。" + "短" * 1500, None, sc.SENTENCE_STOPS)
def test_sentence_at_is_the_plain_one(text, data, stops):
    if data is None:
        places = [(1300, 1302), (2000, 2001), (5, 5)]
    else:
        a = data.draw(st.integers(0, len(text)))
        places = [(a, data.draw(st.integers(a, len(text))))]
    for a, b in places:
        assert sc.sentence_at(text, a, b, stops) == _plain_sentence_at(text, a, b, stops)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sentence_at_is_the_plain_one_on_every_corpus(path):
    text = path.read_text(encoding="utf-8")
    for a in range(0, len(text), 97):
        b = min(len(text), a + 3)
        for stops in (sc.SENTENCE_STOPS, sc.FULL_STOPS):
            assert sc.sentence_at(text, a, b, stops) == _plain_sentence_at(text, a, b, stops), a


def test_sentence_at_looks_near_first(monkeypatch):
    """The fast path: with a stop a few characters back, the last-stop pattern is asked of the
    near stretch alone (not of up to 1,000 characters), once."""
    text = "短" * 2000 + "。依法行政，推进工作。" + "短" * 2000
    asked = []
    sc.sentence_at(text, 0, 1)                  # (compiles the stops' patterns)
    last, first = sc._FINDERS[sc.SENTENCE_STOPS]

    class Counting:
        def match(self, text, lo, hi):
            asked.append(hi - lo)
            return last.match(text, lo, hi)
    with monkeypatch.context() as m:
        m.setitem(sc._FINDERS, sc.SENTENCE_STOPS, (Counting(), first))
        assert sc.sentence_at(text, 2003, 2005) == (2001, 2011)
    assert asked == [sc._NEAR]


# --- in_title_marks -------------------------------------------------------------------------------

TPIECES = ["《", "》", "\n", "法", "行政处罚法", "条例", "，", "《信访条例》", "》》", "《《"]
TTEXT = st.lists(st.sampled_from(TPIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(TTEXT, st.data())
@example("《《法》法》法", None)
def test_in_title_marks_is_the_plain_one(text, data):
    spans = [(a, a + 1) for a in range(len(text))] if data is None else \
        [(a, data.draw(st.integers(a, len(text)))) for a in [data.draw(st.integers(0, len(text)))]]
    for a, b in spans:
        assert sc.in_title_marks(text, a, b) == _plain_in_title_marks(text, a, b)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_in_title_marks_is_the_plain_one_on_every_corpus(path):
    text = path.read_text(encoding="utf-8")
    for a in [m.start() for m in re.finditer("法|条例|规定", text)]:
        assert sc.in_title_marks(text, a, a + 1) == _plain_in_title_marks(text, a, a + 1), a


class _Watched(str):
    """A text that records the slices taken of it."""
    taken: list = []

    def __getitem__(self, k):
        self.taken.append(k)
        return str.__getitem__(self, k)


def test_in_title_marks_walks_no_line_it_need_not(monkeypatch):
    """The fast path: no character of the line before the place is walked (sliced and looped
    over) — a line without 《 there, or whose last 《 is still open, is answered at once, and a
    line with both marks has its marks alone walked."""
    cases = [("依法行政》，推进法治", 7, 9, False), ("学习《中华人民共和国行政处罚法》", 12, 15, True),
             ("学习《中华人民共和国行政处罚法", 12, 15, False), ("《民法典》《中华人民共和国行政处罚法》", 13, 15, True)]
    for text, a, b, inside in cases:
        watched = _Watched(text)
        watched.taken = []
        with monkeypatch.context() as m:
            if "》" not in text[:a]:
                m.setattr(sc, "_MARKS", None)          # (walking the marks would fail)
            assert sc.in_title_marks(watched, a, b) is inside
        assert all(isinstance(k, slice) and k.start >= b for k in watched.taken), (text, watched.taken)


# --- where: the spans a pattern can match in ------------------------------------------------------

WORDS = ["法制办", "卫生计生委", "领导小组", "份", "部份", "具体行政行为", "环境保护局", "权利", "权利清单"]
WTEXT = st.lists(st.sampled_from(WORDS + ["\n", "。", "依法行政", "一、总体情况\n", "《", "》", "法", "小组"]),
                 max_size=40).map("".join)
PATTERNS = ["法制办", "(?<=[部过])份(?![额子数])", "(?:卫生和?计划生育|卫生计生)(?:委员会|委|局)", "具体行政行为",
            "依法治[省市区县](?:工作)?领导小组", "权利(?=清单)", "(?:环境保护|领导小组)"]


@settings(max_examples=300, deadline=None)
@given(WTEXT, st.sampled_from(PATTERNS), st.sampled_from(["document", "body", "shortcomings"]),
       st.booleans(), st.booleans())
def test_where_is_every_span_holding_a_string(text, pattern, scope, with_present, with_starts):
    ctx = _ctx(text)
    spans = sc.spans(ctx, scope)
    rx = regexcache.compile(pattern)
    needed = regexcache.required_literals(pattern)
    present = {w for w in needed if w in text} if with_present else None
    starts = (lambda s: places.occurrences(text, s)) if with_starts else None
    got = sc.where(ctx, rx, spans, present, starts)
    assert got is None or got == _holding_whole(text, needed, spans)
    if sum(len(places.occurrences(text, s)) for s in needed) <= sc._MANY_PLACES:
        assert got == _holding_whole(text, needed, spans)


def test_where_of_spans_out_of_order_asks_each_span():
    ctx = _ctx("法制办。\n依法行政。\n法制办公室\n")
    spans = tuple(reversed(sc.spans(ctx, "document")))
    rx = regexcache.compile("法制办")
    assert sc._index(ctx, spans) is None
    assert sc.where(ctx, rx, spans) == _holding_whole(ctx.doc.text, ("法制办",), spans)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_scans_starts_are_every_place_of_its_words(path):
    """termscan: for each word found whose places it gives, they are every place of the word."""
    text = path.read_text(encoding="utf-8")
    scan = termscan._plan(RULES, 2021)
    found, at = scan.scan(text)
    assert found == {w for w in scan.words if w in text}
    for w, got in at.items():
        assert got == places.occurrences(text, w), w


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["政府法制办", "法制", "a.b", "a"]), min_size=1, max_size=10),
       st.lists(st.sampled_from(WORDS + ["。", "法", "制", "办", "a", "."]), max_size=30).map("".join),
       st.lists(st.sampled_from(sorted(set("".join(WORDS)))), unique=True).map(
           lambda chars: {ch: i for i, ch in enumerate(chars)}))
def test_the_scans_starts_hold_for_any_anchoring(words, text, rank):
    found, at = termscan.Scan(words, rank).scan(text)
    assert found == {w for w in words if w in text}
    assert set(at) <= found
    for w, got in at.items():
        assert got == places.occurrences(text, w), w


def test_the_term_rules_find_their_spans_from_the_scan(monkeypatch):
    """The fast path: the substitution and confusion rules find the spans to scan from the places
    the shared scan gave (no find per string, no walk of the spans by holding) and still find."""
    text = "一、总体情况\n区环保局、区法制办与卫计委开展工作，布署任务。\n依法行政。\n"
    ctx = _ctx(text)
    narrowed = []
    real = sc.where
    with monkeypatch.context() as m:
        m.setattr(sc, "holding", lambda *a: pytest.fail("the spans walked by holding"))
        m.setattr(sc, "of", lambda *a: pytest.fail("a string found again"))
        m.setattr(sc, "where", lambda *a: narrowed.append((real(*a), len(a[2]))) or narrowed[-1][0])
        got = [d.rule for r in RULES if r.check in ("substitution", "confusion")
               for d in ({"substitution": substitution, "confusion": confusion}[r.check].check(ctx, r, r.bound(2021)))]
    assert {"term.reform_bodies", "typo.confusion"} <= set(got)
    assert narrowed and all(w is not None and len(w) < n for w, n in narrowed)
