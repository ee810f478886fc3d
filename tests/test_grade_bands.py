"""Each grade band holds its boundary: a score exactly at a band's minimum gets that band, half a
point below gets the next one down (no real report's score sits on a boundary, so the corpus tests
alone would let a ``>=`` become ``>``)."""
from types import SimpleNamespace

import pytest

from lawlint.scoring import score
from lawlint.vocabulary import profile

BANDS = profile()["grades"]


def _score_after(deduction: float) -> dict:
    """The score of a report whose only findings cost ``deduction`` points (split over the
    categories so no budget caps it)."""
    rules, diagnostics, left = {}, [], deduction
    for cat, spec in profile()["categories"].items():
        part = min(left, spec["budget"])
        left -= part
        rules[cat] = SimpleNamespace(id=f"t.{cat}", weight=part, cap=100, category=cat)
        if part:
            diagnostics.append(SimpleNamespace(rule=cat, weight=None))
    assert left == 0
    return score(diagnostics, SimpleNamespace(get=rules.get))


def test_the_bands_run_from_best_to_worst_and_end_at_zero():
    mins = [b["min"] for b in BANDS]
    assert mins == sorted(mins, reverse=True) and mins[-1] == 0 and len(set(mins)) == len(mins)


@pytest.mark.parametrize("i", range(len(BANDS) - 1), ids=[b["name"] for b in BANDS[:-1]])
def test_a_score_on_the_boundary_gets_the_band_and_just_below_the_next(i):
    band, below = BANDS[i], BANDS[i + 1]
    on = _score_after(100 - band["min"])
    assert on["score"] == band["min"] and on["grade"] == band["name"]
    under = _score_after(100 - band["min"] + 0.5)
    assert under["score"] == band["min"] - 0.5 and under["grade"] == below["name"]


def test_a_clean_report_and_an_empty_one():
    assert _score_after(0)["grade"] == BANDS[0]["name"] and _score_after(0)["score"] == 100
    assert _score_after(100)["grade"] == BANDS[-1]["name"] and _score_after(100)["score"] == 0
