"""The pair guard of rulepack.sreinfo: a hinted pattern that opens with look-behinds or an alternation
runs behind a look-ahead for the pair of characters its every match opens with. It changes where sre
gives up, never what it matches: on generated patterns of that shape over generated texts (whole, over
ranges, with groups), on every rule pattern over the seeds (test_sreinfo compares each hinted rule
pattern with re.compile's), and it must not silently stop being built."""
import re

from hypothesis import given, settings, strategies as st

from lawlint.rulepack import regexcache
from lawlint.rulepack.sreparts import constants as c
from test_sreinfo import _hinted, _same
from test_speed import _rule_patterns

_WORDS = st.sampled_from(["甲乙", "甲丙", "乙", "a1", "1", "(甲)乙", "[甲a][乙1]", "甲乙?", "(?:甲|乙)丙", "[乙丙]+"])
_BEHIND = st.sampled_from(["(?<!甲)", "(?<![乙1])", "(?<=[甲乙a])", "(?<!甲乙)", "(?<=丙)"])


@st.composite
def _patterns(draw):
    alts = "|".join(draw(st.lists(_WORDS, min_size=2, max_size=4)))
    head = "".join(draw(st.lists(_BEHIND, max_size=2)))
    tail = draw(st.sampled_from(["", "丙", "(?=[。，])", "a?", r"(\d)"]))
    return head + (f"(?:{alts})" if draw(st.booleans()) else f"({alts})") + tail


@settings(max_examples=400, deadline=None)
@given(_patterns(), st.text(alphabet="甲乙丙a1。，", max_size=30), st.integers(0, 30), st.integers(0, 35))
def test_a_guarded_pattern_finds_what_re_finds(pattern, text, pos, endpos):
    rx = _hinted(pattern)
    if rx is None:
        return
    _same(rx, re.compile(pattern), text, min(pos, len(text)), min(endpos, len(text)))
    assert [(m.span(), m.groups()) for m in rx.finditer(text)] == \
        [(m.span(), m.groups()) for m in re.finditer(pattern, text)]


def _guarded(pattern):
    """Does regexcache build ``pattern`` with the guard (a look-ahead right after the INFO block)?"""
    built = regexcache._build(pattern, 0)
    if built is None or built[1] is None:
        return False
    code = built[1][1]
    return code[code[1] + 1] == c.ASSERT and built[0][1][built[0][1][1] + 1] != c.ASSERT


def test_the_guard_is_built():
    vague = (r"(?<!有待)(?<![要将应])(?:大幅度?|明显|显著|不断|持续|稳步|全面|有效)(?:地)?(?:得到|有所)?"
             r"(?:提升|提高|增强|改善)(?=[，。；,;！!]|$)")
    assert _guarded(vague)
    assert not _guarded(r"(?<![\u4e00-\u9fff])环保局?")       # its prefix 环保 already tests the pair
    assert not _guarded(r"(?<![\u4e00-\u9fff])(?:环|保)")     # a match of one character: no pair
    assert not _guarded(r"[甲乙](?<!丙)丁")                   # opens with a class: sre fails on the 2nd at once
    guarded = [p for p in _rule_patterns() if _guarded(p)]
    assert len(guarded) >= 20                                 # a parser change would zero this
    text = "我们持续提升，不断提高。有待大幅提升。明显增强" * 20
    assert [m.span() for m in regexcache.compile(vague).finditer(text)] == [m.span() for m in re.finditer(vague, text)]
