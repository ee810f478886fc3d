"""A pattern whose every match starts with one known character gets a literal prefix in its
INFO block (sre finds it in a tight loop), not a one-character class. These tests fail when the
prefix silently stops being written, and compare matches where the prefix meets look-arounds,
anchors and overlapping occurrences."""
import re

import pytest

from lawlint.rulepack import regexcache
from lawlint.rulepack.sreparts import constants as c


def _info(pattern):
    built = regexcache._build(pattern, 0)
    assert built is not None, pattern
    return None if built[1] is None else built[1][1]    # the code; None: sre's own INFO block kept


@pytest.mark.parametrize("pattern, prefix", [
    (r"(?<![\u4e00-\u9fff])环保局", "环保局"),
    (r"(?<!。)。{3,}", "。"),
    (r"(?<![目标])的(?=的(?![确士哥]))", "的"),
    (r"(?<=[\u4e00-\u9fff])(?:年度)?报告", None),        # may start with 年 or 报: a class
    (r"\b(?:x)y", "xy"),                                 # sre inlines the group: x, y at the top
])
def test_one_first_character_becomes_a_literal_prefix(pattern, prefix):
    code = _info(pattern)
    assert code is not None and code[0] == c.INFO
    if prefix is None:
        assert code[2] == c.SRE_INFO_CHARSET
        return
    assert code[2] == c.SRE_INFO_PREFIX
    n, skip = code[5], code[6]
    assert (n, skip) == (len(prefix), 0)                 # the whole pattern runs at the prefix
    assert "".join(map(chr, code[7:7 + n])) == prefix


TEXTS = ["", "环保局", "省环保局环保局", "市环保局和环保局", "。。。。", "a。。。b。。。。。", "的的的确的的",
         "目的的问题", "xxyxy", "aaab aab", "\n环保局\n环保", "环环保环保局局"]


@pytest.mark.parametrize("pattern", [
    r"(?<![\u4e00-\u9fff])环保局", r"(?<!。)。{3,}", r"(?<![目标])的(?=的(?![确士哥]))",
    r"(?<=x)xy", r"(?<!a)aab", r"(?m)^环保", r"\b(?:x)y", r"(?<=环)环保(?=局)", r"(?<!环)环保局?",
])
def test_prefixed_patterns_find_what_re_finds(pattern):
    import _sre
    built = regexcache._build(pattern, 0)
    hinted = _sre.compile(pattern, *built[1]) if built[1] is not None else None
    plain = re.compile(pattern)
    assert hinted is not None and hinted != plain
    for text in TEXTS:
        assert [m.span() for m in hinted.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(len(text) + 1):
            a, b = hinted.search(text, pos), plain.search(text, pos)
            assert (a and a.span()) == (b and b.span()), (pattern, text, pos)


@pytest.mark.parametrize("pattern", [
    r"\d+(?:\.\d+)?\s*(?:%|％|件)",                  # sre's own class hint, \d: replaced
    r"(?<![\d.])\d+(?:\.\d+)?[千百]",                # no hint of sre's own
    r"\s*[\[【]\s*(?P<y>\d{4})",
])
def test_digit_and_space_hints_are_listed_not_tested_by_category(pattern):
    code = _info(pattern)
    assert code is not None and code[2] == c.SRE_INFO_CHARSET
    head = code[5:code[1] + 1]
    assert c.CATEGORY not in head[:1] and c.BIGCHARSET in head        # a table, not a category
    import _sre
    hinted = _sre.compile(pattern, *regexcache._build(pattern, 0)[1])
    plain = re.compile(pattern)
    found = 0
    for text in ["12件", "٣٤%", "\U0001d7cf\U0001d7d0件", "１２件 ３千", "第\u3000【 2021", "x\u20281百",
                 "\U0001d7cf百 \u3000【\U0001d7cf٣12"]:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in hinted.finditer(text)] == want
        found += len(want)
    assert found >= 2          # astral and Arabic-Indic digits, ideographic spaces among them


@pytest.mark.parametrize("test, cls", [("isdecimal", r"\d"), ("isspace", r"\s")])
def test_listed_classes_hold_exactly_what_re_takes_in_the_bmp(test, cls):
    from lawlint.rulepack import sreinfo
    listed = set()
    for lo, hi in sreinfo._ranges(test):
        listed.update(range(lo, min(hi, 0xFFFF) + 1))
    rx = re.compile(cls)
    assert listed == {cp for cp in range(0x10000) if rx.match(chr(cp))}
    assert len(listed) > (300 if test == "isdecimal" else 20)
