"""The title rules read the title's blocks and text worked out once per report: their findings
must be exactly those of the check as it was (the blocks gathered by each rule, kept below as the
oracle), on any text, and the title must be gathered once."""
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawlint.api import ruleset_for
from lawlint.checks import title as T
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse.document import parse

ROOT = Path(__file__).resolve().parent.parent
RULES = ruleset_for(Config())
CHOSEN = [r for r in RULES if r.check == "title"]
CORPUS = sorted([*ROOT.glob("seeds/*.txt"), *(ROOT / "tests" / "corpus").glob("*/*.txt")])


class _Fresh:
    """A document whose derived values are never kept: each rule gathers the title itself, as
    the check did before."""

    def __init__(self, doc):
        self._doc = doc

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def derived(self, key, compute):
        return compute()


def _run(text, fresh):
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    ctx = Context(doc=_Fresh(doc) if fresh else doc, rules=RULES, year=doc.year)
    return [list(T.check(ctx, r, r.bound(doc.year))) for r in CHOSEN]


TITLES = ["2021年法治政府建设工作报告", "某某县人民政府关于2021年法治政府建设情况的报告", "法治政府建设总结的报告",
          "关于2022年度法治政府建设工作情况报告", "二〇二一年法治政府建设年度报告", "", "某某市2020年工作总结"]
LINES = ["某某县人民政府", "2021年，我县坚持依法行政。", "2022年，全市推进改革。", "一、主要举措", "特此报告。",
         "法治政府建设年度报告", "2021年12月31日"]
TEXT = st.builds(lambda t, rest: "\n".join([t, *rest]), st.sampled_from(TITLES),
                 st.lists(st.sampled_from(LINES), max_size=8))


@settings(max_examples=200, deadline=None)
@given(TEXT)
@example("某某县人民政府关于2021年\n法治政府建设情况的报告\n2022年，全县推进改革。")
def test_same_findings_as_each_rule_gathering_the_title(text):
    assert _run(text, fresh=False) == _run(text, fresh=True)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_findings_on_every_corpus_text(path):
    text = normalise(path.read_text(encoding="utf-8"))[0]
    assert _run(text, fresh=False) == _run(text, fresh=True)


def test_the_title_is_gathered_once_per_report():
    with patch.object(T, "_title", wraps=T._title) as gathered:
        found = _run("某某县人民政府关于2021年法治政府建设总结的报告\n2022年，全县推进改革。", fresh=False)
    assert gathered.call_count == 1 and len(CHOSEN) > 3 and any(found)
