"""punct.halfwidth's findings in bulk (lawlint.checks.punctuation_bulk) are exactly the findings of
the mark-by-mark scan (punctuation._scan), in the same order with the same weights, on any text
(both ways of finding the marks the short way may not take: scanned for, or read one by one), on
every corpus; and the bulk way is taken on the seeds (a silent fallback would only show as a
slower pass)."""
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import ROOT, SEEDS
from lawlint.chars import CJK_CONTEXT_RE
from lawlint.checks import punctuation as P
from lawlint.checks import punctuation_bulk as B
from lawlint.loaders.text import normalise
from test_punct_halfwidth_fast import PARAMS, PIECES, RULE, _ctx

CORPUS = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*/*.txt")) \
    + sorted(Path("/work/shared/corpus/real").glob("*.txt"))
# a page number between body paragraphs, a title, quotes, spaces around the marks
MORE = PIECES + ["\n- 3 -\n", "\n关于2021年法治政府建设情况的报告\n", '"依法"', "; ", ", ", "(", "\n\u3000\u3000"]
TEXT = st.lists(st.sampled_from(MORE), max_size=80).map("".join)


def _both(text, p, monkeypatch=None, scan=None):
    ctx = _ctx(text)
    if scan is not None:
        monkeypatch.setattr(B, "SCAN", scan)
    bulk = P.check(ctx, RULE, p)
    monkeypatch.setattr(B, "items", lambda *a: None)
    plain = P.check(ctx, RULE, p)
    monkeypatch.undo()
    return bulk, plain


@settings(max_examples=400, deadline=None)
@given(TEXT, st.sampled_from(range(len(PARAMS))), st.sampled_from([1, B.SCAN, 10 ** 9]))
@example("依法行政; ,", 0, B.SCAN)
@example("(二)依法行政", 0, 1)
@example('一、做法\n依法"行政",推进;\n- 3 -\n改革(试行),"好"', 0, 1)
def test_bulk_is_the_scan(text, which, scan):
    with pytest.MonkeyPatch.context() as mp:
        bulk, plain = _both(text, PARAMS[which], mp, scan)
    assert bulk == plain
    assert [d.weight for d in bulk] == [d.weight for d in plain]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_bulk_is_the_scan_on_every_corpus(path, monkeypatch):
    text = normalise(path.read_text(encoding="utf-8"))[0]
    for p in PARAMS[:2]:
        for scan in (1, 10 ** 9):
            bulk, plain = _both(text, p, monkeypatch, scan)
            assert bulk == plain


def test_the_other_class_is_chinese_context_negated():
    """_OTHER takes exactly the characters CJK_CONTEXT_RE does not (every BMP character)."""
    assert B._OTHER is not None
    for c in map(chr, range(1, 0x10000)):
        if 0xD800 <= ord(c) < 0xE000:
            continue
        assert bool(B._OTHER.match(c)) != bool(CJK_CONTEXT_RE.match(c)), hex(ord(c))


def test_the_bulk_way_is_taken_on_the_seeds(monkeypatch):
    """Every seed goes the bulk way (the mark-by-mark scan is never called), and a text with an
    address goes the scan's way."""
    called = []
    scan = P._scan
    monkeypatch.setattr(P, "_scan", lambda *a: called.append(1) or scan(*a))
    before = B.TAKEN[0]
    seeds = sorted(SEEDS.glob("*.txt"))
    found = 0
    for path in seeds:
        found += len(P.check(_ctx(normalise(path.read_text(encoding="utf-8"))[0]), RULE, RULE.bound(None)))
    assert not called and B.TAKEN[0] - before == len(seeds) and found > 500
    P.check(_ctx("详见网站www.gov.cn/a,b,依法公开。"), RULE, RULE.bound(None))
    assert called
