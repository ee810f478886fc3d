"""The JSON output of every seed and report fixture is byte-identical to tests/golden/ (a guard for
refactorings: moving code must not move a finding). Regenerate deliberately with
``python tests/golden/regenerate.py`` when an output change is intended, and review the diff."""
import pytest

from golden.regenerate import golden_path, inputs, render

INPUTS = inputs()


def test_every_input_has_a_golden_file():
    assert len(INPUTS) >= 5 + 10
    missing = [rel for rel in INPUTS if not golden_path(rel).exists()]
    assert not missing, f"no golden output for {missing}: run python tests/golden/regenerate.py"


@pytest.mark.parametrize("rel", INPUTS)
def test_json_output_is_unchanged(rel):
    want = golden_path(rel).read_text(encoding="utf-8")
    got = render(rel)
    assert '"path": "' + rel + '"' in got          # relative: no checkout location in the output
    assert got == want, f"{rel}: output differs from {golden_path(rel).name}; if intended, run python tests/golden/regenerate.py and review the diff"
