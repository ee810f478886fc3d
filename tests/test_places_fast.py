"""checks.places: a pattern tried only around the places of a string its every match holds gives
what ``finditer`` gives over each range; punct.list_separator and date.zero_padded find through it
(and date_form._padded, around each 「年」) exactly what scanning every range found, and the
shortcuts are taken (a silent fallback would only show as a slower pass)."""
import re
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import ROOT, SEEDS
from lawlint.api import ruleset_for
from lawlint.checks import date_form, enumeration, places
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse.document import parse

RULES = ruleset_for(Config())
LIST = next(r for r in RULES if r.id == "punct.list_separator")
PADDED = next(r for r in RULES if r.id == "date.zero_padded")
CORPUS = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*/*.txt"))
PATTERNS = [LIST.bound(None).marker.pattern,
            r"(?<![\d.])\d{1,2}(?:月|日)(?!份)",                  # two strings, a look-behind
            r"第[一二三四五六七八九十]{1,3}(?:是|条)",               # a string that is not the last
            r"(?<=是)[一二]?是否",                                # strings that overlap
            r"\d+是"]                                             # unbounded: scanned as it is
PIECES = ["一是", "二是", "三是", "十一是", "是", "是否", "否", "第", "第一", "条", "月", "日", "份", "12",
          "1", ".", "3月", "一", "二", "依法", "。", "；", ";", "\n", " ", "\u3000"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _doc(text):
    return parse(Source(text=text, path="<t>", kind="txt"))


def _ranges(text, cuts):
    cuts = sorted({min(c, len(text)) for c in cuts})
    return list(zip(cuts[::2], cuts[1::2]))


@settings(max_examples=400)
@given(TEXT, st.sampled_from(PATTERNS), st.lists(st.integers(0, 120), max_size=8))
@example("十一是否二是", PATTERNS[0], [0, 6])
@example("依法一是；二是", PATTERNS[0], [3, 7])           # a range cutting a match off
def test_within_is_finditer_over_each_range(text, pattern, cuts):
    rx = re.compile(pattern)
    ranges = _ranges(text, cuts) or [(0, len(text))]
    got = places.within(_doc(text), rx, ranges)
    assert [[m.span() for m in ms] for ms in got] == \
        [[m.span() for m in rx.finditer(text, lo, hi)] for lo, hi in ranges]


def test_plans_of_the_patterns():
    """Bounded patterns with a required string are windowed; an unbounded one is not."""
    assert places.plan(PATTERNS[0]) == (("是",), 3)
    assert places.plan(PATTERNS[1])[0] == ("日", "月")
    assert places.plan(PATTERNS[4]) is None


def test_the_windows_are_taken_not_the_scan():
    """Through a plan, the pattern's own ``finditer`` is never run, only ``match`` near 「是」."""
    rx = re.compile(PATTERNS[0])
    tried = []

    class Spy:
        pattern = rx.pattern

        def finditer(self, *a):
            raise AssertionError("scanned whole")

        def match(self, text, pos, endpos):
            tried.append(pos)
            return rx.match(text, pos, endpos)
    text = "依法行政工作扎实推进。" * 20 + "一是加强学习；二是完善制度。"
    got = places.within(_doc(text), Spy(), [(0, len(text))])
    assert [m.group(0) for m in got[0]] == ["一是", "二是"]
    assert len(tried) <= 6 and all(p >= 200 for p in tried)


def _ctx(text):
    doc = _doc(text)
    return Context(doc=doc, rules=RULES, year=doc.year)


def _plain(monkeypatch, fn):
    """``fn()`` with places.within scanning every range whole and _padded as finditer."""
    with monkeypatch.context() as m:
        m.setattr(places, "plan", lambda pattern: None)
        m.setattr(date_form, "_padded", lambda text, spans, years: (
            x for s, e in spans for x in date_form._PADDED.finditer(text, s, e)))
        return fn()


def _findings(ctx):
    found = list(enumeration.check(ctx, LIST, LIST.bound(None)))
    found += list(date_form.check(ctx, PADDED, PADDED.bound(None)))
    return [(d.rule, d.start, d.end, d.message, d.replacement) for d in found]


def test_same_findings_on_every_corpus(monkeypatch):
    n = 0
    for path in CORPUS:
        ctx = _ctx(normalise(path.read_text(encoding="utf-8"))[0])
        fast = _findings(ctx)
        assert fast == _plain(monkeypatch, lambda: _findings(_ctx(ctx.doc.source.text))), path
        n += len(fast)
    assert n > 0


DATE_PIECES = ["2024", "2023", "1999", "19", "20", "1", "0", "03", "05", "12", "年", "月", "日", " ", "\u3000",
               "\t", "\n", "\u2003", ".", "-", "/", "依法", "，", "０３", "\u0663", "²", "度"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=30).map("".join),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=4))
@example("2024 \u3000年03月05日", [])
@example("2024年03月2023年3月05日", [(0, 30), (5, 20)])          # spans out of order, overlapping
@example("年", [(0, 2)])                     # a span past the text's end (finditer takes the end)
@example("2024年 ", [(0, 40)])
def test_padded_is_finditer_over_each_span(text, spans):
    spans = [(min(a, b), max(a, b)) for a, b in spans] or [(0, len(text))]
    years = [m.start() for m in re.finditer("年", text)]
    got = [m.span() for m in date_form._padded(text, spans, years)]
    assert got == [m.span() for s, e in spans for m in date_form._PADDED.finditer(text, s, e)]


def test_isdecimal_is_what_backslash_d_matches():
    """_padded asks str.isdecimal of the character after a 「年」 and its blanks; the pattern's
    month is ``\\d``."""
    d = re.compile(r"\d")
    bad = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isdecimal() != bool(d.fullmatch(c))]
    assert bad == []


def test_padded_tries_no_year_without_a_digit_after_it(monkeypatch):
    """The fast path: a 「年」 not followed by a digit (年度, 年以来) is not tried."""
    tried = []
    real = date_form._PADDED

    class Spy:
        def match(self, text, pos, endpos):
            tried.append(pos)
            return real.match(text, pos, endpos)
    text = "2023年度工作，2023年以来，2023年 03月05日，2023年\n"
    with monkeypatch.context() as m:
        m.setattr(date_form, "_PADDED", Spy())
        got = [x.group(0) for x in date_form._padded(text, [(0, len(text))], [i for i, c in enumerate(text) if c == "年"])]
    assert got == ["2023年 03月05日"] and tried == [text.index("2023年 03")]


def test_isspace_is_what_backslash_s_matches():
    """_padded walks back over str.isspace; the pattern's blanks are ``\\s``."""
    s = re.compile(r"\s")
    bad = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() != bool(s.fullmatch(c))]
    assert bad == []


def test_padded_tries_only_beside_each_year(monkeypatch):
    real = date_form._PADDED
    tried = []

    class Spy:
        def finditer(self, *a):
            raise AssertionError("scanned whole")

        def match(self, text, pos, endpos):
            tried.append(pos)
            return real.match(text, pos, endpos)
    monkeypatch.setattr(date_form, "_PADDED", Spy())
    text = "依法行政工作扎实推进。" * 30 + "\n2024年03月05日"
    found = list(date_form.check(_ctx(text), PADDED, PADDED.bound(None)))
    assert [d.replacement for d in found] == ["2024年3月5日"] and tried == [text.index("2024")]


# -- consistency: a one-character variant read from the report's places of it -----------------------
from lawlint.checks import consistency  # noqa: E402

PERCENT = next(r for r in RULES if r.id == "number.percent_mixed")
CHAR_VARIANTS = [re.compile(p) for p in ["%", "％", "a", "、", ".", r"\.", "%%", "[%％]", "(?i)a"]]


def _occurrences_plain(ctx, variants):
    from lawlint.checks import scope as sc
    text = ctx.doc.text
    spans = [(b.start, b.end) for b in ctx.doc.body_blocks]
    return [[(m.start(), m.end(), m.group(0)) for s, e in sc.able(text, rx, spans) for m in rx.finditer(text, s, e)]
            for rx in variants]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["%", "％", "a", "A", "、", ".", "12", "依法", "\n", "一、主要做法\n", " ", "。"]),
                max_size=40).map("".join),
       st.lists(st.sampled_from(range(len(CHAR_VARIANTS))), min_size=1, max_size=3))
def test_one_character_variants_are_what_finditer_finds_in_the_body(text, which):
    variants = [CHAR_VARIANTS[i] for i in which]
    ctx = _ctx(text)
    assert consistency._occurrences(ctx, variants) == _occurrences_plain(ctx, variants)


def test_percent_mixed_same_findings_on_every_corpus_and_no_scan(monkeypatch):
    """The built-in variants 「%」「％」 are read from the places (no finditer runs), and the findings
    on every corpus are those of scanning each body block."""
    p = PERCENT.bound(None)
    assert all(consistency._one_char(rx) for g in p.groups for rx in g.variants)
    assert not consistency._one_char(re.compile(".")) and not consistency._one_char(re.compile("(?i)a"))
    n = 0
    for path in CORPUS:
        ctx = _ctx(normalise(path.read_text(encoding="utf-8"))[0])
        fast = [(d.start, d.end, d.message) for d in consistency.check(ctx, PERCENT, p)]
        with monkeypatch.context() as m:
            m.setattr(consistency, "_occurrences", _occurrences_plain)
            slow = [(d.start, d.end, d.message) for d in consistency.check(ctx, PERCENT, p)]
        assert fast == slow, path
        n += len(fast)
    assert n > 0


# -- numbering.inline._marks: each lead mark's search run from its first place -----------------------
from lawlint.numbering import inline  # noqa: E402


def _marks_plain(text, finders):
    out = []
    for c, pattern, flags in finders:
        if c in text:
            out.extend(m.end() for m in re.compile(pattern, flags).finditer(text))
    return sorted(out)


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["。", "；", ";", "：", "1.", "2、", "第一，", "第二、", " ", "依法", "12", ".",
                                 "\n", "！", "?"]), max_size=40).map("".join))
def test_inline_marks_are_those_of_a_scan_from_the_start(text):
    for finders in inline.scanners()["finders"].values():
        assert inline._marks(text, finders) == _marks_plain(text, finders)


def test_inline_marks_scan_from_the_first_mark(monkeypatch):
    starts = []
    real = inline.regexcache.compile

    class Spy:
        def __init__(self, rx):
            self.rx = rx

        def finditer(self, text, pos=0):
            starts.append(pos)
            return self.rx.finditer(text, pos)
    monkeypatch.setattr(inline.regexcache, "compile", lambda p, f=0: Spy(real(p, f)))
    text = "依法行政" * 50 + "。1.加强学习；2.强化培训。"
    (finders,) = inline.scanners()["finders"].values()
    assert inline._marks(text, finders) == _marks_plain(text, finders)
    assert starts and min(starts) >= 200
