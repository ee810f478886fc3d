"""Section verdicts agree with a careful reader's labels on the synthetic corpus (tests/corpus).

``varied`` is the set the detection was tuned on, ``heldout`` a third kept apart and not looked at
while tuning; both are composed by tests/corpus/compose.py and labelled from the composition.
``handwritten`` holds reports written by hand after tuning (a second held-out set), and
``independent`` 17 reports written by another author who never saw the corpus or lawlint's output
and labelled them from reading alone (a third held-out set, measured before any change). Parts a
truncated copy never reached are ``unknown`` and not judged. Thresholds are issue 10's.
"""
import json
from pathlib import Path

import pytest

import lawlint
from helpers import PRESENT, presence_counts

CORPUS = Path(__file__).parent / "corpus"
GROUPS = ("varied", "heldout", "handwritten", "independent")
HELD_OUT = ("heldout", "handwritten", "independent")
# Held-out reports whose verdict is known to be wrong, kept so the held-out figures stay honest;
# each must still be wrong (a fix makes this list stale and the test says so).
KNOWN_MISSES = {("independent", "ind04_2020_nanhai_district"): "causes",   # 究其根源，一是…法治思维不强…
                ("heldout", "h08_sthj_2020"): "disputes"}


def _labels(group):
    with open(CORPUS / group / "labels.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def verdicts():
    out = {}
    for group in GROUPS:
        for row in _labels(group):
            result = lawlint.lint_path(CORPUS / group / row["file"])
            out[(group, row["id"])] = (row, result)
    return out


def _figures(verdicts, groups):
    n = presence_counts(pair for (group, _), pair in verdicts.items() if group in groups)
    return n["agree"] / n["total"], n["caught"] / n["absent"], n["false_absent"] / n["present"]


@pytest.mark.parametrize("groups", [("varied",), GROUPS], ids=["tuned", "all"])
def test_agreement_thresholds(verdicts, groups):
    presence, caught, false_absent = _figures(verdicts, groups)
    assert presence >= 0.95
    assert caught >= 0.9
    assert false_absent <= 0.05


def test_heldout_presence_and_false_absent(verdicts):
    presence, _, false_absent = _figures(verdicts, HELD_OUT)
    assert presence >= 0.95
    assert false_absent <= 0.05


# The composed and hand-written held-out sets alone catch 6 of 7 absent parts (h08 is the miss);
# with the independent set, 17 of 18.
def test_heldout_absent_caught(verdicts):
    assert _figures(verdicts, HELD_OUT)[1] >= 0.9


def test_known_misses_are_still_missed(verdicts):
    for key, sid in KNOWN_MISSES.items():
        row, result = verdicts[key]
        want_present = row["sections"][sid] in PRESENT
        assert (result.sections[sid].status in PRESENT) != want_present, f"{key} now right: drop it"


def test_grade_cap_matches_statutory_labels(verdicts):
    """A report missing a statutory item (by the labels) is capped, and only such reports are."""
    for (group, rid), (row, result) in verdicts.items():
        if row["complete"] != "yes" or (group, rid) in KNOWN_MISSES:
            continue
        assert bool(row["statutory_missing"]) == (result.grade_cap is not None), rid
        if row["statutory_missing"]:
            assert result.grade not in ("优秀", "良好"), rid


def test_truncated_copies_are_not_failed_for_parts_never_reached(verdicts):
    for (group, rid), (row, result) in verdicts.items():
        if row["complete"] == "yes":
            continue
        unknown = [sid for sid, want in row["sections"].items() if want == "unknown"]
        for sid in unknown:
            v = result.sections[sid]
            assert v.status != "absent" or not v.reached, (rid, sid)
        rules = {d.rule for d in result.diagnostics}
        assert "section.truncated" in rules, rid
        assert not rules & {f"section.{sid}" for sid in unknown}, rid
        assert result.grade_cap is None, rid
