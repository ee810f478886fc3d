"""rulepack.windowscan / rulepack.anchors: a rule pattern whose matches hold one of a few rare strings
is run only around their places. Its matches must be re.compile's: on every rule pattern over the
seeds and real reports (whole and over ranges), through every anchor a plan offers (not only the
one a text picks), and on generated patterns and texts; and the windows must not silently stop
being used (a change to sre's parser or code would turn them off without changing any finding)."""
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from lawlint.api import ruleset_for
from lawlint.checks.spec import patterns
from lawlint.config import Config
from lawlint.rulepack import anchors, regexcache, windowscan

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + \
        [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/corpus/real").glob("*.txt"))]
RANGE_UNIT = r"(?<![\d.])\d+(?:\.\d+)?\s*[～~\-－—]\s*\d+(?:\.\d+)?\s*(?:%|％|万|亿)"
DATE_RANGE = (r"(?<![\d.．])(?P<a>\d{1,2}月\d{1,2}日|\d{1,2}[月日])\s*(?:[―－\-–]|——)\s*"
              r"(?P<b>\d{1,2}月\d{1,2}日|\d{1,2}[月日])(?!\d)")


def _rule_patterns():
    """Every built-in rule's patterns, bound for a few report years (not the table's every pattern:
    a chrome pattern, made to test one line, backtracks for long over a whole report)."""
    found = set()
    for rule in ruleset_for(Config()).rules:
        for year in (2019, 2021, 2024):
            found.update(rx.pattern for rx in patterns(rule.bound(year)))
    return sorted(found)


def _found(it):
    return [(m.span(), m.groups(), m.groupdict()) for m in it]


def _planned():
    out = []
    for pat in _rule_patterns():
        rx = re.compile(pat)
        plan = windowscan.ready(anchors.plan(pat), rx.match, re.compile)
        if plan is not None:
            out.append((pat, rx, plan))
    return out


def _every_option(plan, text, lo, hi):
    """The matches by windows around each anchor of the plan, each anchor forced."""
    for strings, width, back in plan.options:
        places = windowscan._places(text, strings, lo, hi, len(text) + 1)
        yield list(plan._windows(text, lo, hi, places, width, back))


def test_rule_patterns_have_plans_and_long_scans_use_them(monkeypatch):
    # A plan gives up for the rest of the process after GIVE_UP texts in a row too dense with its
    # anchors: what other tests of this process scanned must not decide this one (a fresh table).
    monkeypatch.setattr(windowscan, "_plans", {})
    planned = {p for p, _rx, _plan in _planned()}
    assert len(planned) >= 200                      # a parser change that broke plan() would zero this
    for pat in (RANGE_UNIT, DATE_RANGE):
        assert pat in planned, pat
        rx = regexcache.compile(pat)
        assert regexcache.window_plan(pat, rx) is not None   # sre scans it by a class: worth it
        lazy = regexcache.LazyPattern(pat)
        before = windowscan.stats["windowed"]
        text = "2019年至2021年，投入资金35万元，办理案件12件。\n" * 40 + "增长3-5万元，9月1日—9月3日。"
        assert _found(lazy.finditer(text)) == _found(re.compile(pat).finditer(text))
        assert windowscan.stats["windowed"] == before + 1, pat


def test_a_pattern_with_a_literal_prefix_is_scanned_as_it_is():
    """sre finds a literal prefix in a tight loop: windows would cost more (worth() says no)."""
    pat = r"近日(?:召开|印发)"
    assert anchors.plan(pat)
    assert regexcache.window_plan(pat, regexcache.compile(pat)) is None


@pytest.mark.parametrize("bounds", [(0, None), (100, -50), (1000, 1400), (5, 300)])
def test_every_anchor_of_every_rule_pattern_gives_re_compiles_matches(bounds):
    for pat, rx, plan in _planned():
        for text in TEXTS:
            lo, hi = bounds[0], len(text) + bounds[1] if bounds[1] is not None else len(text)
            want = _found(rx.finditer(text, lo, hi))
            assert _found(plan.finditer(rx.finditer, text, lo, hi)) == want, pat
            for got in _every_option(plan, text, lo, hi):
                assert _found(got) == want, pat


def test_lazy_patterns_give_re_compiles_matches_on_rule_patterns():
    rng = random.Random(26)
    for pat in _rule_patterns():
        lazy, rx = regexcache.LazyPattern(pat), re.compile(pat)
        for text in TEXTS[:6]:
            lo = rng.randrange(len(text) // 2)
            hi = rng.randrange(lo, len(text) + 1)
            for a, b in ((0, len(text)), (lo, hi)):
                assert _found(lazy.finditer(text, a, b)) == _found(rx.finditer(text, a, b)), pat


def test_too_many_anchors_scan_whole_and_give_up_after_a_few_texts():
    pat = r"(?<![\d.])\d+[、，]\d"               # anchored on 、， (common): scanned whole
    rx = re.compile(pat)
    plan = windowscan.ready(anchors.plan(pat), rx.match, re.compile)
    assert plan is not None
    text = "一、二，三、" * 200 + "12，3"
    for _ in range(windowscan.GIVE_UP + 1):
        assert _found(plan.finditer(rx.finditer, text, 0, len(text))) == _found(rx.finditer(text))
    assert plan.misses >= windowscan.GIVE_UP
    assert _found(plan.finditer(rx.finditer, text, 0, len(text))) == _found(rx.finditer(text))


def test_a_split_pattern_with_a_rare_anchor_is_windowed(monkeypatch):
    """time.relative.now opens with one of 截到至目 (splitscan: four literal scans) and needs 目前:
    a long text holding 目前 once is tried around it; one holding it everywhere is scanned."""
    monkeypatch.setattr(windowscan, "_plans", {})
    pat = r"(?:截[止至]到?|到|至)?目前(?:为止)?(?=[^。！？；;!?\n]*\d)"
    lazy, rx = regexcache.LazyPattern(pat), re.compile(pat)
    plan = regexcache.window_plan(pat, regexcache.compile(pat))
    assert plan is not None and plan.scans == 4
    rare = "我局推进依法行政，到年底完成任务。" * 60 + "截至目前已办理案件12件。"
    dense = "截至目前已办理案件12件。" * 60
    for text, windowed in ((rare, 1), (dense, 0)):
        before = windowscan.stats["windowed"]
        assert _found(lazy.finditer(text)) == _found(rx.finditer(text)) != []
        assert windowscan.stats["windowed"] == before + windowed


def test_an_anchor_never_the_best_is_no_longer_looked_for():
    """punct.day_name's plan offers a mark (rare) and a digit (common) as anchors: after GIVE_UP
    texts in a row where the digit was not the best, its finds are spared; the matches stay re's."""
    pat = (r"(?<![\d.．])(?P<m>1[0-2]|[1-9])[.．•・∙?？\ufffd](?P<d>3[01]|[12]\d|[1-9])(?![\d.．%％])"
           r"(?=\s*(?:国际|国家|全国|世界))")
    rx = re.compile(pat)
    plan = windowscan.ready(anchors.plan(pat), rx.match, re.compile)
    assert plan is not None and len(plan.options) >= 2
    digits = [i for i, o in enumerate(plan.options) if "1" in o[0]]
    assert digits and all("." not in plan.options[i][0] for i in digits)
    text = "2021年12月办理案件35件，开展宣传。" * 30 + "12.4国家宪法日。"
    before = dict(windowscan.stats)
    for _ in range(windowscan.GIVE_UP + 2):
        assert _found(plan.finditer(rx.finditer, text, 0, len(text))) == _found(rx.finditer(text))
    assert all(plan.beaten[i] >= windowscan.GIVE_UP for i in digits)
    assert windowscan.stats["windowed"] == before["windowed"] + windowscan.GIVE_UP + 2
    assert _found(rx.finditer(text)) != []


@pytest.mark.parametrize("stored", [("",), ("[", "-\0\0x"), ("", "-\0\0x"), ("", "3\0\0"), ("", "x\0\0a"),
                                    ("", "2\0[\\d\0a"), 5, None, ()])
def test_a_damaged_plan_is_no_plan(stored):
    assert windowscan.ready(stored, re.compile("a").match, re.compile) is None


def test_plans_are_data_and_none_for_what_cannot_be_read():
    for pat in (r"(?i)abc", r"a|", r"(a)\1x", r".*x", r"(?:b|(?=c))x", r"[^a]*x"):
        got = anchors.plan(pat)
        assert isinstance(got, tuple) and all(type(s) is str for s in got)
        for option in got[1:]:
            width, back, *strings = option.split(anchors.SEP)
            assert strings and (width != "-" or back), (pat, option)
    assert anchors.plan(r"(?i)abc") == ()
    assert anchors.plan(r"[^a]*x") == ("", "-\0[^\\u0061]\0x")


_PIECES = ["a", "b", "-", "1", "。", "[ab]", r"\d", r"\s", "[^。]", "[-~]", "(?:ab|-)", "(?:a|b)", ".",
           "(?<!a)", "(?<=1)", "(?=b)", "(?!-)", "^", "$", r"\b"]
_REPS = ["", "", "*", "+", "?", "{0,2}", "{1,3}", "*?"]
_ALPHABET = "ab-1。 \n~"


@st.composite
def _patterns(draw):
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        piece = draw(st.sampled_from(_PIECES))
        rep = draw(st.sampled_from(_REPS))
        if piece[:3] in ("(?<", "(?=", "(?!") or piece in ("^", "$", r"\b"):
            rep = ""
        if draw(st.booleans()) and not rep:
            piece = "(" + piece + ")"
        parts.append(piece + rep)
    if draw(st.integers(0, 4)) == 0:
        parts.insert(draw(st.integers(0, len(parts))), "|")
    return "".join(parts)


@settings(max_examples=400)
@given(_patterns(), st.lists(st.text(_ALPHABET, max_size=40), min_size=1, max_size=3),
       st.integers(0, 10), st.integers(0, 10))
def test_windows_give_re_compiles_matches_on_generated_patterns(pat, texts, cut_lo, cut_hi):
    try:
        rx = re.compile(pat)
    except re.error:
        return
    plan = windowscan.ready(anchors.plan(pat), rx.match, re.compile)
    if plan is None:
        return
    for text in texts:
        lo, hi = min(cut_lo, len(text)), max(0, len(text) - cut_hi)
        want = _found(rx.finditer(text, lo, hi))
        assert _found(plan.finditer(rx.finditer, text, lo, hi)) == want
        for got in _every_option(plan, text, lo, hi):
            assert _found(got) == want
