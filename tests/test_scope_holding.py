"""checks.scope.holding: the spans that contain one of some strings whole, as a scan of each span
would tell (plenum scans only those)."""
import random

from lawlint.checks.scope import holding


def _brute(text, strings, spans):
    return [(lo, hi) for lo, hi in spans if any(text.find(s, lo, hi) != -1 for s in strings)]


def test_holding_agrees_with_a_find_in_every_span():
    rng = random.Random(26)
    alphabet = "届大中全会十九二\n，。。。十"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(0, 10))))
        spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
        strings = rng.sample(["届", "全会", "十九大", "中全", "。", "。。", "十十"], rng.randint(1, 3))
        assert holding(text, strings, spans) == _brute(text, strings, spans)
        rng.shuffle(spans)                          # any order, overlapping spans too
        spans += [(a, min(len(text), a + rng.randint(1, 9))) for a in rng.sample(range(len(text) + 1), min(3, len(text)))]
        assert holding(text, strings, spans) == _brute(text, strings, spans)


def test_a_common_string_gives_every_span():
    text = "，".join("第一部分" for _ in range(80))
    spans = [(i, i + 4) for i in range(0, len(text), 5)]
    assert holding(text, ["，"], spans) == spans                    # 79 places: not looked for
    assert holding(text, ["第一部分"], spans[:3]) == spans[:3]


def test_a_string_across_a_span_edge_does_not_count():
    text = "十九届四中全会"
    assert holding(text, ["全会"], [(0, 6)]) == []
    assert holding(text, ["全会"], [(0, 7)]) == [(0, 7)]
