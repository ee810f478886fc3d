"""checks.jointscan: a rule's patterns that sre scans by a class test of many first characters
(content.vague_claim: 「不断」「全面」… and 「多次」「大量」…) found by one scan of their union. Its
matches must be each pattern's finditer's: on generated patterns and texts (whole and over ranges),
on every corpus through the existence check (tests/test_existence_fast.py turns this path off for
its plain way), and the path must not silently stop being taken."""
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import lint
from lawlint.checks import jointscan
from lawlint.numbering import cn_to_int
from lawlint.rulepack import regexcache
from lawlint.rulepack.ruleset import load_rules

_HEADS = st.sampled_from(["[甲乙丙丁戊己]", "(?<!乙)(?:甲|乙|丙|丁|戊)", "(?<![甲1])[甲乙丙丁戊己庚]",
                          "(?:甲乙|乙|丙丁|丁|戊|己)", "(?<=[。a])[甲乙丙丁戊]", "(?m:^)?[甲乙丙丁戊己]"])
_TAILS = st.sampled_from(["", "乙", "(?=[乙1。])", "a?", r"(\d)", "[甲乙]*", r"\b", "(?![丙丁])",
                          "(?=[，。]|$)", "(?P<x>[丁戊])?"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_HEADS, _TAILS).map("".join), min_size=2, max_size=3),
       st.text(alphabet="甲乙丙丁戊己a1 。，\n", max_size=40), st.integers(0, 40), st.integers(0, 45))
def test_one_scan_of_the_union_finds_what_finditer_finds(monkeypatch, patterns, text, lo, hi):
    if sum("(?P<x>" in p for p in patterns) > 1:
        patterns = [p.replace("(?P<x>", "(") for p in patterns]
    lo, hi = min(lo, len(text)), min(hi, len(text))
    monkeypatch.setattr(jointscan, "_class_scanned", lambda pattern: True)
    lazy = [regexcache.LazyPattern(p) for p in patterns]
    for rx in lazy:
        rx.compiled()
    got = jointscan.scan(lazy, text, lo, hi)
    assert len(got) == len(patterns)                # (every generated pattern is joinable)
    for i, p in enumerate(patterns):
        want = [(m.span(), m.groups()) for m in re.compile(p).finditer(text, lo, hi)]
        assert [(m.span(), m.groups()) for m in got[i]] == want


def test_few_first_characters_or_a_back_reference_are_not_joined(monkeypatch):
    monkeypatch.setattr(jointscan, "_class_scanned", lambda pattern: True)
    few = [regexcache.LazyPattern(p) for p in ("(?:成效|效果)好", "[甲乙丙丁戊己]")]
    numbered = [regexcache.LazyPattern(p) for p in (r"([甲乙丙丁戊己])\1", "[甲乙丙丁戊己]")]
    for rx in few + numbered:
        rx.compiled()
    assert jointscan.scan(few, "成效好甲" * 100, 0, 400) == {}
    assert jointscan.scan(numbered, "甲甲乙" * 100, 0, 300) == {}


def test_the_vague_claim_scans_are_joined():
    rule = next(r.bound(2022) for r in load_rules() if r.id == "content.vague_claim")
    text = "2022年，我县扎实推进法治政府建设。\n一、主要举措和成效\n" + \
        "（一）规范行政执法。全县开展执法检查12次，发现问题35个，已整改33个。\n" * 20 + \
        "（二）推进政务公开。开展送法进村活动多次，群众法治意识明显增强。\n二、存在的不足\n执法力量不足。\n"
    lint(text, year=2022, select=["content.vague_claim"])      # (the window plans known: first long scan)
    before = jointscan.stats["joint"]
    got = lint(text, year=2022, select=["content.vague_claim"]).diagnostics
    assert [d.rule for d in got] == ["content.vague_claim"]
    assert jointscan.stats["joint"] == before + 1
    joined = [p for p in rule.patterns if jointscan.joinable(p.pattern)]
    assert len(joined) == 2


def test_list_numerals_read_once_are_cn_to_int():
    text = "一、主要工作\n一是加强领导；二是完善机制。三是压实责任。十一是其他；十二是再次。\n"
    assert [d.rule for d in lint(text, select=["punct.list_separator"]).diagnostics] == ["punct.list_separator"]
    before = cn_to_int.cache_info()
    assert [d.rule for d in lint(text, select=["punct.list_separator"]).diagnostics] == ["punct.list_separator"]
    after = cn_to_int.cache_info()
    assert after.misses == before.misses and after.hits >= before.hits + 5   # (一 二 三 十一 十二: remembered)
