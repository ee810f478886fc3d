"""rulepack.splitscan: a rule pattern whose matches start with one of a few characters is scanned
once per character (a literal-prefix scan) and the matches merged. They must be re.compile's, on
every rule pattern so scanned, over the seeds, the real reports and generated texts, whole and
over a range; and the split must not silently stop happening (it rewrites sre's INFO block)."""
import random
import re
from pathlib import Path

import pytest

from lawlint.api import lint_text
from lawlint.rulepack import regexcache, splitscan

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + \
        [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/corpus/real").glob("*.txt"))]


def _split_patterns():
    for t in TEXTS[:2]:
        lint_text(t)                    # every built-in rule pattern compiled
    return sorted(p for (p, f) in list(regexcache._load()) if isinstance(f, int) and f == 0
                  and regexcache.split_scans(p))


def _found(it):
    return [(m.span(), m.groups(), m.groupdict()) for m in it]


def test_rule_patterns_are_split():
    pats = _split_patterns()
    assert len(pats) >= 40                          # a CPython change to the INFO block would zero this
    assert r"[、，,][，,、]" in pats


@pytest.mark.parametrize("bounds", [(0, None), (100, -50), (1000, 1400)])
def test_split_finditer_gives_re_compiles_matches(bounds):
    for pat in _split_patterns():
        rx = re.compile(pat)
        split = splitscan.finditer(rx, regexcache.split_scans(pat))
        for text in TEXTS:
            lo, hi = bounds[0], len(text) + bounds[1] if bounds[1] is not None else len(text)
            assert _found(split(text, lo, hi)) == _found(rx.finditer(text, lo, hi)), pat


def test_split_finditer_on_generated_texts():
    rng = random.Random(26)
    pats = [r"[、，,][，,、]", r"(?<!。)[，,；;、][。]", r"(?:成效|效果)(?:明显|显著)?",
            r"(?<![\u4e00-\u9fff])(?:甲乙|乙丙|丙)+", r"(?:^|(?<=。))[ab，](?=[，c]|$)"]
    alphabet = "、，,。成效果明显著甲乙丙abc \n"
    for pat in pats:
        rx = regexcache.compile(pat)
        scans = regexcache.split_scans(pat)
        assert scans, pat
        split = splitscan.finditer(rx, scans)
        for _ in range(200):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 700)))
            lo = rng.randint(0, 20)
            assert _found(split(text, lo)) == _found(re.compile(pat).finditer(text, lo)), (pat, text)


def test_scans_are_made_only_for_a_long_finditer():
    """Working out a pattern's first characters and compiling its variants costs a fresh process
    more than it saves on a pattern only ever searched or scanned over short pieces: the scans are
    made on the first finditer over a range of MIN_RANGE characters or more, once."""
    pat = r"(?:陈述|申辩)(?:权利)?"
    lazy = regexcache.LazyPattern(pat)
    made = []
    real = regexcache.split_scans

    def counting(p):
        made.append(p)
        return real(p)
    regexcache.split_scans, saved = counting, regexcache.split_scans
    try:
        text = "当事人依法享有陈述、申辩权利。" * 40
        assert lazy.search(text) is not None
        short = list(lazy.finditer(text, 0, splitscan.MIN_RANGE - 1))
        assert made == []                           # searched, scanned short: nothing made
        assert _found(short) == _found(re.compile(pat).finditer(text, 0, splitscan.MIN_RANGE - 1))
        for _ in range(2):
            assert _found(lazy.finditer(text)) == _found(re.compile(pat).finditer(text))
        assert made == [pat]                        # made once, on the first long scan
    finally:
        regexcache.split_scans = saved


@pytest.mark.parametrize("chars, expected", [(6, True), (7, False)])
def test_first_chars_counts_a_class_before_listing_it(chars, expected):
    """A class of up to MAX_CHARS characters is read from the INFO block, across the 256-bit
    maps of a large (CJK) class too; one more character and there is no split."""
    cjk = "".join(chr(0x4E00 + 300 * i) for i in range(chars))    # one per high byte's block
    pat = f"[{cjk}]甲"
    code = list(regexcache._build(pat, 0)[0][1])
    got = splitscan.first_chars(code)
    assert (got == sorted(map(ord, cjk))) if expected else got is None
    assert splitscan.may_split(code)
