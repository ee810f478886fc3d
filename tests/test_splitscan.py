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
