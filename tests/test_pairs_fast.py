"""punct.unpaired skips a paragraph whose marks pair up (found by cancelling adjacent pairs) without
reading its marks one by one: its findings must be exactly those of reading every paragraph."""
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawlint.api import ruleset_for
from lawlint.checks import pairs as P
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse.document import parse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULES = ruleset_for(Config())
RULE = next(r for r in RULES if r.id == "punct.unpaired")
PARAMS = [RULE.bound(None),
          P.SPEC.binder({"pairs": ['""', "“”", "（(）)"]})(None),      # a mark that opens and closes
          P.SPEC.binder({"pairs": ["[]", "《》", "{}"]})(None)]
PIECES = ["“", "”", "‘", "’", "（", "）", "(", ")", "《", "》", "〈", "〉", "【", "】", "〔", "〕",
          '"', "[", "]", "{", "}", "依法", "行政", "1", "2）", "：1）", "a)", "。", "，", "\n", "一、", " "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)


def _ctx(text):
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    return Context(doc=doc, rules=RULES, year=doc.year)


def _both(text, p, monkeypatch):
    ctx = _ctx(text)
    fast = list(P.check(ctx, RULE, p))
    with monkeypatch.context() as m:
        m.setattr(P, "_balanced", lambda found, adjacent: False)       # every paragraph read
        m.setattr(P, "_unsettled", lambda text, blocks, *a: blocks)   # (none left out beforehand)
        slow = list(P.check(ctx, RULE, p))
    return fast, slow


@settings(max_examples=300)
@given(TEXT, st.sampled_from(range(len(PARAMS))))
@example("《关于〈条例〉的通知》“好”（一）", 0)
@example("《关于〈条例》的通知》", 0)
@example('说"好"(一)）', 1)
def test_same_findings_as_reading_every_paragraph(monkeypatch_module, text, which):
    fast, slow = _both(text, PARAMS[which], monkeypatch_module)
    assert fast == slow


@pytest.fixture(scope="module")
def monkeypatch_module():
    m = pytest.MonkeyPatch()
    yield m
    m.undo()


def test_same_findings_on_the_seeds(monkeypatch):
    for path in sorted(SEEDS.glob("*.txt")):
        fast, slow = _both(normalise(path.read_text(encoding="utf-8"))[0], PARAMS[0], monkeypatch)
        assert fast == slow


def test_balanced_paragraphs_are_skipped():
    """The shortcut is taken: a paragraph whose marks pair up is never scanned mark by mark."""
    opens, closes, marks, adjacent = PARAMS[0].families
    assert P._balanced(list("《〈〉》“”（)"), adjacent) and not P._balanced(list("《〈》〉"), adjacent)
    assert PARAMS[1].families[3] == ()          # a mark that opens and closes: no shortcut
    scanned = []

    class Spy:
        pattern = marks.pattern

        def findall(self, *a):
            return marks.findall(*a)

        def finditer(self, *a):
            scanned.append(a[1:])
            return marks.finditer(*a)

    class Params:
        families = (opens, closes, Spy(), adjacent)
    ctx = _ctx("我们依法行政（试点），推进《条例》“落实”。\n全年办理案件。")
    taken = P.TAKEN[0]
    assert list(P.check(ctx, RULE, Params)) == [] and scanned == []
    assert P.TAKEN[0] == taken + 1              # the paragraphs sorted in one scan, not one by one
    ctx = _ctx("我们依法行政（试点，推进。\n全年办理案件。")
    assert len(list(P.check(ctx, RULE, Params))) == 1 and len(scanned) == 1


def test_unsettled_leaves_out_only_paragraphs_that_pair_up():
    """_unsettled keeps exactly the blocks _balanced finds unbalanced (and every block when one
    holds a line break, or a line break is a mark)."""
    opens, closes, marks, adjacent = PARAMS[0].families
    ctx = _ctx("一、总体情况\n依法行政（试点），推进。\n推进《条例》“落实。\n全年办理案件）。\n完成。")
    doc = ctx.doc
    got = P._unsettled(doc.text, doc.body_blocks, opens, closes, marks, adjacent)
    assert [b.text for b in got] == ["推进《条例》“落实。", "全年办理案件）。"]
    assert got == [b for b in doc.body_blocks if not P._balanced(marks.findall(b.text), adjacent)]
    blocks = doc.body_blocks
    assert P._unsettled(doc.text, blocks[:1], opens, closes, marks, adjacent) == blocks[:1]
    lined = {"pairs": ["\n】"]}
    o, c, m, a = P.SPEC.binder(lined)(None).families
    assert P._unsettled(doc.text, blocks, o, c, m, a) == blocks
