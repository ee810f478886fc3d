"""checks.enumeration: only the body blocks where the marker's string (「是」) stands are walked. The
findings must be those of walking every block with a plain finditer (places.plan turned off), on
every corpus and on generated reports; and the path must not silently stop being taken."""
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import lint
from lawlint.checks import enumeration, places

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["seeds", "tests/corpus/handwritten", "tests/corpus/heldout", "tests/corpus/independent",
           "tests/corpus/real", "tests/corpus/varied", "tests/corpus/varied2"]
TEXTS = sorted(p for d in CORPORA for p in (ROOT / d).glob("*.txt"))


def _findings(text):
    return [(d.line, d.column, d.message) for d in lint(text, select=["punct.list_separator"]).diagnostics]


def _both(monkeypatch, text):
    fast = _findings(text)
    with monkeypatch.context() as m:
        m.setattr(places, "plan", lambda pattern: None)
        plain = _findings(text)
    return fast, plain


def test_every_corpus_text_gives_the_plain_findings(monkeypatch):
    assert len(TEXTS) > 40
    found = 0
    for path in TEXTS:
        fast, plain = _both(monkeypatch, path.read_text(encoding="utf-8"))
        assert fast == plain, path.name
        found += len(fast)
    assert found >= 2                   # (the comparison compared findings, not empty lists)


_PIECES = ["一是", "二是", "三是", "十一是", "是否", "就是", "；", "。", "\n", "（一）", " ", "加强", "管理", "一",
           "是", "\n二、工作\n"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_generated_reports_give_the_plain_findings(monkeypatch, parts):
    text = "关于2021年法治政府建设情况的报告\n\n一、主要工作\n" + "".join(parts) + "。\n"
    fast, plain = _both(monkeypatch, text)
    assert fast == plain


def test_only_blocks_holding_the_string_are_walked():
    text = "一、主要工作\n" + "加强管理，完善机制。\n" * 30 + "一是加强领导；二是完善机制。三是压实责任。\n"
    before = enumeration.stats["picked"]
    assert [d.rule for d in lint(text, select=["punct.list_separator"]).diagnostics] == ["punct.list_separator"]
    assert enumeration.stats["picked"] == before + 1
