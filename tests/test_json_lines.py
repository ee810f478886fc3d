"""--format json writes each finding from the Diagnostic directly: the same line json's encoder
writes from the finding's dict, for every finding of the seeds and for odd values."""
from pathlib import Path

import pytest

from lawlint.api import lint_text
from lawlint.reporters import json_format
from lawlint.result import Diagnostic

SEEDS = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))


def test_every_seed_finding_is_written_as_json_encodes_it():
    seen = 0
    for path in SEEDS:
        for d in lint_text(path.read_text(encoding="utf-8")).diagnostics:
            assert json_format._diagnostic(d) == json_format._one_line(d.to_json())
            seen += 1
    assert seen > 100


@pytest.mark.parametrize("d", [
    Diagnostic("a.b", "error", "style", 1, 2, 1, 3, '引号"与\\反斜杠\n换行\x1b', "", "", True),
    Diagnostic("a.b", "info", "style", 10, 1, 12, 5, "消息", "建议\u2028", "依据\ud800"),
    Diagnostic("a.b", "info", "style", 1.0, 1, 1, 1, "浮点行号", "", ""),     # goes the general way
    Diagnostic("a.b", "info", "style", True, 1, 1, 1, "布尔行号", "", ""),
    Diagnostic("a.b", "info", "style", 1, 1, 1, 1, "无修正", None, "", 0),
    Diagnostic("a.b", "info", "style", 1, 1, 1, 1, "整数修正", "", "", 1),
    Diagnostic("a.b", "info", "style", 1, 1, 1, 1, True, "", "", True),
    Diagnostic("a.b", "info", "style", 1, 1, 1, 1, 1, "", "", True),
])
def test_odd_values_are_written_as_json_encodes_them(d):
    assert json_format._diagnostic(d) == json_format._one_line(d.to_json())


def test_a_remembered_line_is_not_reused_for_an_equal_value_of_another_type():
    a = Diagnostic("a.b", "info", "style", 1, 1, 1, 1, "同一消息", "", "", True)
    b = Diagnostic("a.b", "info", "style", 1, 1, 1, 1, "同一消息", "", "", 1)       # 1 == True
    for d in (a, b, a):
        assert json_format._diagnostic(d) == json_format._one_line(d.to_json())
