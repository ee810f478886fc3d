"""rulepack.anchors.needs / checks.existence: a rule is not run on a report that lacks, for each of
its patterns, every string of one set the pattern's matches hold one of. The sets must hold every
match (on generated patterns and texts, and on every rule pattern over the seeds and real reports);
the findings with the skip are those without it (tests/test_existence_fast.py compares the check
with its plain way, skip turned off, on every corpus and on generated reports); and the skip must
not silently stop being taken (a parser change would turn it off without changing any finding)."""
import re
from pathlib import Path

import pytest

from hypothesis import given, settings, strategies as st

from helpers import lint
from lawlint.api import ruleset_for
from lawlint.checks import existence
from lawlint.checks.spec import patterns
from lawlint.config import Config
from lawlint.rulepack import anchors, needgate
from lawlint.rulepack.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for d in ("seeds", "tests/corpus/real") for p in sorted((ROOT / d).glob("*.txt"))]
EXISTENCE = sorted(r.id for r in load_rules() if r.check == "existence")


def _sets(pattern):
    return [s.split(anchors.SEP) for s in anchors.needs(pattern)]


def _holds(pattern, text):
    """Every match of ``pattern`` in ``text``, at every start, holds a string of each set."""
    rx, sets = re.compile(pattern), _sets(pattern)
    for i in range(len(text) + 1):
        m = rx.match(text, i)
        if m is not None:
            got = m.group()
            for strings in sets:
                assert any(s in got for s in strings), (pattern, text, i, got, strings)


def _pattern():
    base = st.sampled_from(["取得", "成效", "a", "1", "19", "[，,]", "[、。a]", "[^，]", r"\d", ".", "年",
                            "(?<!。)", "(?=，)", "(?!a)", "^", "$", r"\b", r"\s*"])
    return st.recursive(base, lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
        inner.map(lambda x: f"(?:{x})?"), inner.map(lambda x: f"(?:{x})*"),
        inner.map(lambda x: f"(?:{x})+"), inner.map(lambda x: f"(?:{x}){{1,2}}"),
        inner.map(lambda x: f"(?>{x})"), inner.map(lambda x: f"({x})"),
        inner.map(lambda x: f"(?P<g>{x})"), inner.map(lambda x: f"(?i:{x})")), max_leaves=7)


@settings(max_examples=500, deadline=None)
@given(_pattern(), st.text(alphabet="取得成效年a1 9，,、。A", max_size=14))
def test_needs_hold_every_match(pattern, text):
    try:
        re.compile(pattern)
    except re.error:
        return
    _holds(pattern, text)


def test_needs_of_rule_patterns_hold_every_match_in_real_reports():
    found = set()
    for rule in ruleset_for(Config()).rules:
        for year in (2019, 2021, 2024):
            found.update(rx.pattern for rx in patterns(rule.bound(year)))
    known = matched = 0
    for pattern in sorted(found):
        sets = _sets(pattern)
        if not sets:
            continue
        known += 1
        rx = re.compile(pattern)
        for text in TEXTS:
            for m in rx.finditer(text):
                matched += 1
                assert all(any(s in m.group() for s in strings) for strings in sets), (pattern, m.group())
    assert known >= 300 and matched >= 1000       # the comparison compared something


def test_needs_of_a_few_patterns():
    assert _sets(r"(?<![\d\-])(?:19|20)\d{2}年?\s*(?:[-－–~～]|——)\s*(?:19|20)\d{2}") == \
        [["19", "20"], ["-", "~", "–", "——", "－", "～"]]
    assert _sets(r"取得了?[^。]{0,12}(?:成绩|成效)") == [["取得"], ["成效", "成绩"], ["效", "绩"]]   # (sre takes 成 out)
    assert _sets(r"(?<!\d)(?:19|20)\d{2}年?一(?:19|20)\d{2}") == [["一19", "一20"], ["19", "20"]]
    assert _sets(r"(?<!。)。{3,}") == [["。。。"]]          # (a string grows past its item: 一 then 19)
    assert _sets(r"\S.{0,15}") == [] and _sets("(?i)ab") == [] and _sets("a?b*") == []
    assert needgate.needs_of("近日")[1:] == anchors.needs("近日") == ("近日",)


def test_a_report_lacking_the_strings_skips_the_rules():
    rules = {r.id: r.bound(2021) for r in load_rules() if r.check == "existence"}
    planned = [rid for rid, p in rules.items() if needgate.needs(p.patterns) is not None]
    assert len(planned) >= len(rules) - 3 and len(rules) >= 30
    text = "关于2023年法治政府建设情况的报告\n\n一、主要工作\n\n我局推进依法行政。\n"
    before = existence.stats["skipped"]
    assert lint(text, select=EXISTENCE).diagnostics == []
    assert existence.stats["skipped"] - before >= 20
    # …and a report holding them runs the rule and finds what it finds
    before = existence.stats["skipped"]
    got = lint(text + "近日，我局召开会议。\n", select=["time.relative"]).diagnostics
    selected = [r for r in EXISTENCE if r.startswith("time.relative")]       # (a prefix selects them all)
    assert [d.rule for d in got] == ["time.relative"] and existence.stats["skipped"] - before < len(selected)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="Xx0年一19", min_size=1, max_size=3), min_size=1, max_size=6),
       st.text(alphabet="Xx0年一19 ", max_size=12))
def test_fewest_strings_answer_as_all_do(strings, text):
    kept = needgate.fewest(strings)
    assert set(kept) <= set(strings) and kept
    assert any(s in text for s in kept) == any(s in text for s in strings)


def test_possible_patterns_are_those_with_a_string_of_each_set():
    needs = ((("X",), ("0", "1")), (("年",),), (("X",),), ())
    pad = "。" * needgate.SHORT                     # (a report's length: what it holds is kept)
    cache: dict = {}
    assert needgate.possible(needs, "2021年" + pad, cache) == [1, 3]
    assert cache["needs_seen"] == {"X": False, "年": True}     # each tested once; 0/1 not needed
    assert needgate.possible(needs, "X1" + pad, {}) is None        # all (年 not tested: held)
    assert needgate.possible(needs, "X1" + pad, {"needs_seen": {"年": False}}) == [0, 2, 3]
    assert needgate.possible(((("X",),),), "年" + pad, {}) == []
    # past a pattern that may match, only what is known rules a pattern out
    cache = {"needs_seen": {"年": True}}
    assert needgate.possible(((("年",),), (("X",),)), "X" + pad, cache) is None
    assert "X" not in cache["needs_seen"]
    assert needgate.possible(((("年",),), (("X",),)), "X" + pad, {"needs_seen": {"年": True, "X": False}}) == [0]
    # a short text is tested afresh, all or nothing
    for text in ("2021年", "X1", "年", "X", ""):
        cache = {}
        got = needgate.possible(needs[:3], text, cache)
        assert cache == {} and got == (None if "年" in text or "X" in text else [])
        assert needgate.possible(needs, text, cache) is None        # (a pattern needing nothing)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(["a", "b", "ab", "c", "年"]), min_size=1, max_size=3),
                         max_size=3), min_size=1, max_size=4),
       st.lists(st.integers(0, 3), max_size=4), st.text(alphabet="abc年。", max_size=8))
def test_possible_keeps_every_pattern_that_matches(needs, order, text):
    """Whatever the report's rules asked before (in any order), a pattern left out lacks a set,
    and what the table holds is what the text holds."""
    needs = tuple(tuple(tuple(s) for s in sets) for sets in needs)
    text = text + "。" * needgate.SHORT
    cache: dict = {}
    for k in order:                                 # (other rules of the report, asked first)
        needgate.possible(needs[k % len(needs):], text, cache)
    got = needgate.possible(needs, text, cache)
    held = [i for i, sets in enumerate(needs) if all(any(s in text for s in strings) for strings in sets)]
    kept = range(len(needs)) if got is None else got
    assert set(held) <= set(kept) and (got != [] or held == [])
    assert all((s in text) == known for s, known in cache.get("needs_seen", {}).items())


def test_the_rules_of_a_report_share_what_it_holds(monkeypatch):
    """One report's rules ask one table of the strings tested, and a rule run on it scans only
    the patterns the report may match (the fast paths must not silently stop being taken)."""
    tables = []
    real = needgate.possible

    def spy(needs, text, cache):
        got = real(needs, text, cache)
        tables.append(cache["needs_seen"])
        return got
    monkeypatch.setattr(needgate, "possible", spy)
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    lint(text, select=EXISTENCE)
    assert len(tables) >= 25 and all(t is tables[0] for t in tables) and len(tables[0]) >= 20
    lint(text, select=EXISTENCE)
    assert tables[-1] is not tables[0]              # (a report's own: nothing kept across reports)
    narrowed = existence.stats["narrowed"]
    body = "我局推进依法行政，完善行政决策程序。\n" * (needgate.SHORT // 18)     # (a report's length)
    got = lint("关于2021年法治政府建设情况的报告\n\n一、主要工作\n\n去年，我局推进依法行政。\n" + body,
               select=["time.relative"]).diagnostics      # (今年 lacking: its two patterns not scanned)
    assert [d.rule for d in got] == ["time.relative"] and existence.stats["narrowed"] == narrowed + 1


_RANK = {ch: i for i, ch in enumerate("法政行的工作和制了全务理规市一进中项执实业信")}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="法政的予填X1、。…〔年", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="法政的予填X1、。…〔年 ", max_size=30), st.integers(0, 3))
def test_keys_answer_as_in_does(strings, text, threshold):
    """A string asked through its keys is held exactly when ``in`` says so, and every key kept in
    the report's table is what the text holds (keys by a small ranking and any threshold)."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(needgate, "KEY_RANK", threshold)
        m.setattr(needgate, "KEYS", {s: needgate.keys(s, _RANK) for s in strings})
        seen: dict = {}
        for s in strings:
            assert needgate._holds(s, text, seen) == (s in text)
        assert all((k in text) == v for k, v in seen.items())


def test_keys_answer_as_in_does_on_every_corpus():
    """Every string the rule pack's existence patterns need, asked through its keys of the shipped
    ranking, over every corpus text (the keys read from the regex table, as a check reads them)."""
    for p in (r.bound(2021) for r in load_rules() if r.check == "existence"):
        needgate.needs(p.patterns)
    strings = {s for s, k in needgate.KEYS.items() if k}
    assert len(strings) >= 40 and needgate.KEYS["请予审批"][0] == "予"
    texts = TEXTS + [p.read_text(encoding="utf-8") for d in ("handwritten", "heldout", "independent", "varied", "varied2")
                     for p in sorted((ROOT / "tests/corpus" / d).glob("*.txt"))]
    assert len(texts) > 20
    for text in texts:
        seen: dict = {}
        for s in sorted(strings):
            assert needgate._holds(s, text, seen) == (s in text), s
        assert all((k in text) == v for k, v in seen.items())


def test_a_string_lacking_a_key_is_not_read_for():
    """The fast path must not silently stop being taken: on a report lacking 予 and 填, the rules'
    asks of 请予审批 … 此处填写 are answered by the keys (their own test never run)."""
    before = needgate.stats["keyed"]
    body = "我局推进依法行政，完善行政决策程序，2021年办理行政复议案件12件。\n" * (needgate.SHORT // 30)
    lint("关于2021年法治政府建设情况的报告\n\n一、主要工作\n\n" + body, select=EXISTENCE)
    assert needgate.stats["keyed"] - before >= 5


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="法政的予填X1、。…〔年", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="法政的予填X1、。…〔年 ", max_size=30), st.integers(0, 3), st.integers(0, 40))
def test_a_string_looked_for_past_its_keys_answers_as_in_does(strings, text, threshold, pad):
    """Looked for only from its keys' first places on (FAR 0: always; a shared ``at`` table), a
    string is held exactly when ``in`` says so, and the places kept are where the keys first stand."""
    text = "法" * pad + text
    with pytest.MonkeyPatch.context() as m:
        m.setattr(needgate, "KEY_RANK", threshold)
        m.setattr(needgate, "FAR", 0)
        m.setattr(needgate, "KEYS", {s: needgate.keys(s, _RANK) for s in strings})
        seen: dict = {}
        at: dict = {}
        for s in strings + strings:
            assert needgate._holds(s, text, seen, at) == (s in text)
        assert all((k in text) == v for k, v in seen.items())
        assert all(text.find(c) == i for c, i in at.items())


def test_a_string_is_looked_for_past_its_keys_first_place(monkeypatch):
    """The fast path must not silently stop being taken: on a report whose 予 first stands late
    (and that lacks 请予审批 …), those strings are looked for from there on only; the findings are
    those of the plain ``in`` (FAR past any report)."""
    body = "我局推进依法行政，完善行政决策程序，2021年办理行政复议案件12件。\n" * (needgate.SHORT // 30)
    text = "关于2021年法治政府建设情况的报告\n\n一、主要工作\n\n" + body + "对符合条件的申请予以受理，今年以来请示3件。\n"
    before = needgate.stats["late"]
    got = lint(text, select=EXISTENCE).diagnostics
    assert needgate.stats["late"] - before >= 4
    monkeypatch.setattr(needgate, "FAR", 10 ** 9)
    assert got and lint(text, select=EXISTENCE).diagnostics == got
