"""rulepack.firstscan: a rule whose patterns all open with one of a few characters (punct.space: 「 」
「\\u3000」「\\xa0」) is tried only where those characters stand, found once per report. Its matches
must be finditer's: on generated patterns and texts (whole and over ranges), on every corpus through
the existence check (tests/test_existence_fast.py compares the check with its plain way, this path
turned off), and the path must not silently stop being taken."""
import re

from hypothesis import given, settings, strategies as st

from helpers import lint
from lawlint.rulepack import firstscan, regexcache
from lawlint.rulepack.ruleset import load_rules

_HEADS = st.sampled_from(["[ 甲]", "(?:甲|　)", " ", "(?<=[乙a])[ 　]+", "(?<!甲)[ 甲]", "(?: |甲乙)"])
_TAILS = st.sampled_from(["", "乙", "(?=[乙1])", "a?", r"(\d)", "[ 乙]*", r"\b"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_HEADS, _TAILS).map("".join), min_size=1, max_size=3),
       st.text(alphabet="甲乙a1 　。", max_size=40), st.integers(0, 40), st.integers(0, 45))
def test_tries_at_the_places_find_what_finditer_finds(patterns, text, lo, hi):
    lo, hi = min(lo, len(text)), min(hi, len(text))
    compiled = [regexcache.LazyPattern(p) for p in patterns]
    got = firstscan.chars(compiled)
    if got is None:
        return
    chars, _scans = got
    assert set(chars) <= {" ", "甲", "　"}
    at = firstscan.places(text, chars, lo, max(lo, hi), len(text) + 1)
    for p in patterns:
        want = [(m.span(), m.groups()) for m in re.compile(p).finditer(text, lo, hi)]
        assert [(m.span(), m.groups()) for m in firstscan.finditer(regexcache.compile(p).match, text, at, lo, hi)] == want


def test_places_give_up_past_most():
    text = "甲 乙 丙 丁" * 10
    assert firstscan.places(text, (" ",), 0, len(text), 30) == [i for i, ch in enumerate(text) if ch == " "]
    assert firstscan.places(text, (" ",), 0, len(text), 29) is None


def test_a_rule_sharing_its_first_characters_is_tried_at_their_places():
    rules = {r.id: r.bound(2021) for r in load_rules() if r.check == "existence"}
    assert firstscan.chars(rules["punct.space"].patterns) == ((" ", "\xa0", "\u3000"), 9)
    assert firstscan.chars(rules["typo.doubled_de"].patterns) is None      # one scan: nothing shared
    text = "关于2021年法治政府建设情况的报告\n\n一、主要工作\n" + "我局推进依法行政，取得积极成效。" * 40 + \
        "全年办理 案件12件。\n"
    before = dict(firstscan.stats)
    got = lint(text, year=2021, select=["punct.space"]).diagnostics
    assert [d.rule for d in got] == ["punct.space"]
    assert firstscan.stats["placed"] == before["placed"] + 1
