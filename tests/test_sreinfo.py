"""The first-character hint (lawlint.rulepack.sreinfo) changes where sre tries a pattern, never what it
matches: on every built-in rule pattern over the seeds and fixture texts, and on generated
patterns over generated texts, the hinted pattern finds exactly what re.compile's finds."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, SEEDS
from test_speed import _rule_patterns


def _hinted(pattern: str, flags: int = 0):
    """The pattern as regexcache builds it with the hint (None when it keeps sre's own block)."""
    import _sre

    from lawlint.rulepack import regexcache
    built = regexcache._build(pattern, flags)
    assert built is not None, pattern
    return None if built[1] is None else _sre.compile(pattern, *built[1])


def _same(a, b, text, pos=0, endpos=None):
    endpos = len(text) if endpos is None else endpos
    got = [(m.span(), m.groups()) for m in a.finditer(text, pos, endpos)]
    want = [(m.span(), m.groups()) for m in b.finditer(text, pos, endpos)]
    assert got == want, a.pattern
    assert (a.search(text, pos, endpos) is None) == (b.search(text, pos, endpos) is None)


def _texts():
    out = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    return out


def test_every_rule_pattern_matches_as_re_compile_does():
    texts = _texts()
    hinted = 0
    for p in _rule_patterns():
        rx = _hinted(p)
        if rx is None:
            continue
        hinted += 1
        plain = re.compile(p)
        assert rx != plain                    # the code differs (the INFO block) …
        for t in texts:                       # … the matches do not
            _same(rx, plain, t)
            _same(rx, plain, t, len(t) // 3, 2 * len(t) // 3)
    assert hinted > 60        # a quarter of the rule patterns open with a look-around, a group or a repeat


@pytest.mark.parametrize("pattern,first,not_first", [
    (r"(?<![\u4e00-\u9fff])环保局", "环", "保局a"),
    (r"(?<![\d.])\d+(?:\.\d+)?%", "09٣", ".%a"),          # \d is Unicode: any decimal digit
    (r"(?<![\d一二])(?:多次|数次|若干)", "多数若", "次干"),
    (r"(?<=x)a?b+c", "ab", "cx"),
    (r"(?:x{0}|y?)z", "yz", "x"),
    (r"\b(?:(?=甲)甲|乙)丙", "甲乙", "丙"),
])
def test_first_characters(pattern, first, not_first):
    from lawlint.rulepack.sreinfo import first_chars
    from lawlint.rulepack.sreparts import constants as c
    from lawlint.rulepack.sreparts import parser as _parser
    assert _hinted(pattern) is not None
    chars = first_chars(_parser.parse(pattern), c)

    def fits(ch):
        return any(op is c.LITERAL and chr(av) == ch or op is c.RANGE and av[0] <= ord(ch) <= av[1]
                   or op is c.CATEGORY and ch.isdecimal() for op, av in chars)
    assert all(fits(ch) for ch in first)
    assert not any(fits(ch) for ch in not_first)


@pytest.mark.parametrize("pattern", [
    r"环保局", r"[一二三]是", r"(?i)(?<!a)bc", r"(?<!a)b?", r"(?<!a).b", r"(?<!a)[^b]c",
    r"(?<!a)(b)?\1c", r"(a)?(?<!b)(?(1)b|c)", r"x*", r"(?:多次|数次|若干)",
])
def test_patterns_sre_already_hints_or_that_cannot_be_told_are_left_alone(pattern):
    assert _hinted(pattern) is None


_ATOMS = st.sampled_from([
    "甲", "乙", "a", "1", r"\d", r"\d+", "[甲乙]", "[a-c]", "[0-9.]", "(?:甲|乙a)", "(?:a|)",
    "甲?", "a*", "(?:1{0})", "(乙)", "(?:甲乙)+", r"\s*", "[。，]",
])
_ASSERTS = st.sampled_from(["", "(?<![甲a])", "(?<=[乙1])", "(?<!甲乙)", "(?=[甲a1])", "(?!乙)", r"\b", "^"])


@st.composite
def _patterns(draw):
    parts = [draw(_ASSERTS)]
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(_ATOMS))
        if draw(st.booleans()):
            parts.append(draw(_ASSERTS))
    p = "".join(parts)
    if draw(st.booleans()):
        p = f"{draw(_ASSERTS)}(?:{p}|{draw(_ATOMS)}{draw(_ATOMS)})"
    return p


@settings(max_examples=400, deadline=None)
@given(_patterns(), st.text(alphabet="甲乙a1b2.。， \n", max_size=40), st.integers(0, 40), st.integers(0, 45))
def test_a_hinted_pattern_finds_what_re_finds(pattern, text, pos, endpos):
    rx = _hinted(pattern)
    if rx is None:
        return
    _same(rx, re.compile(pattern), text, min(pos, len(text)), min(endpos, len(text)))
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in re.finditer(pattern, text)]
    assert rx.sub("#", text) == re.sub(pattern, "#", text)


def test_fast_path_is_on_for_this_python():
    """3.10 keeps sre's modules under other names (sre_parse …): the hint, the cached code and the
    required literals must work there too, not switch off silently (CI runs 3.11; run this file
    under 3.10 to check it there)."""
    from lawlint.rulepack.literals import required
    from lawlint.rulepack.regexcache import _build
    built = _build(r"(?<![\u4e00-\u9fff])环保局", 0)
    assert built is not None and built[1] is not None
    assert required(r"(?<![\u4e00-\u9fff])环保局") == ("环保局",)


def _starts_with_a_character(items, c):
    """The parsed items begin by consuming a literal or a plain class (through groups and
    alternatives that all do)."""
    op, av = items[0]
    if op is c.LITERAL:
        return True
    if op is c.IN:
        return all(o in (c.LITERAL, c.RANGE, c.CATEGORY) for o, _ in av)
    if op is c.SUBPATTERN:
        return not (av[1] | av[2]) and bool(av[3]) and _starts_with_a_character(list(av[3]), c)
    if op is c.BRANCH:
        return all(alt and _starts_with_a_character(list(alt), c) for alt in av[1])
    return False


def _anchored_at_start(items, c, flags):
    """``^`` (not multi-line) or ``\\A`` first."""
    op, av = items[0]
    return op is c.AT and (av is c.AT_BEGINNING_STRING or (
        av is c.AT_BEGINNING and not flags & c.SRE_FLAG_MULTILINE))


@pytest.mark.parametrize("pattern", [r"^(?:上一篇|下一篇)\s*[:：]", r"\A(?:甲|乙)丙", r"^[甲乙]+$"])
def test_a_pattern_anchored_at_the_start_gets_no_hint(pattern):
    """sre tries ``^…``/``\\A…`` at the search's start only (its general case stops after one
    try when the code opens with that anchor); a first-character hint would make it test every
    position of the text instead, for nothing. A multi-line ``^`` keeps its hint."""
    assert _hinted(pattern) is None
    assert _hinted("(?m)" + pattern.replace("\\A", "^")) is not None
    text = "甲" * 5000 + "\n上一篇：x"
    assert re.compile(pattern).search(text) is None


def test_the_fast_path_is_active_on_every_rule_pattern_sre_cannot_hint():
    """Active, not merely harmless: a rule pattern that opens with a look-around or an anchor (not
    ``^``/``\\A``, tried at the start only) and then a literal or a class (``(?<![\\u4e00-\\u9fff])环保局``, the shape of most term rules)
    gets no first-character hint from sre (its prefix search stops at the zero-width item) and
    must get one from sreinfo, in the pattern the engine uses. Fails when sre's internals move
    (CPython gh-152100 moves ``_compile_info``, ``_optimize_charset`` … from ``re._compiler`` to
    ``re._optimizer``) and regexcache falls back to ``re.compile`` without a word."""
    from lawlint.rulepack import regexcache
    from lawlint.rulepack.sreparts import constants as c
    from lawlint.rulepack.sreparts import parser as _parser

    shaped = []
    for p in _rule_patterns():
        parsed = _parser.parse(p)
        if parsed.state.flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE | c.SRE_FLAG_ASCII):
            continue
        items = list(parsed)
        k = next((i for i, (op, _) in enumerate(items) if op not in (c.ASSERT, c.ASSERT_NOT, c.AT)), 0)
        if k and _starts_with_a_character(items[k:], c) \
                and not _anchored_at_start(items, c, parsed.state.flags):
            shaped.append(p)
    assert len(shaped) > 10                  # the shape is common among the rules (found from the tree)
    assert [p for p in shaped if _hinted(p) is None] == []
    assert [p for p in shaped if regexcache.compile(p) == re.compile(p)] == []
