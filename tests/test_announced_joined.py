"""review.announced_count's blocks scanned at once (lawlint.checks.announced): the same matches,
in the same blocks, as a scan block by block; and the fast path is taken on a real report."""
import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from helpers import lint
from lawlint.checks import announced
from lawlint.rulepack.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
ANNOUNCE = next(r for r in load_rules() if r.id == "review.announced_count").bound(2021).announce


def _plain(text, rx, spans):
    return [(s, e, m.span()) for s, e in spans for m in rx.finditer(text, s, e)]


def _joined(text, rx, spans):
    return [(s, e, m.span()) for s, e, m in announced._announcements(text, rx, spans)]


def _lines(text, keep):
    """The non-empty lines of ``text`` as (start, end), those whose index ``keep`` says."""
    out, at = [], 0
    for k, line in enumerate(text.split("\n")):
        body = line.strip(" \u2002\xa0")
        if body and keep(k):
            lead = len(line) - len(line.lstrip(" \u2002\xa0"))
            out.append((at + lead, at + lead + len(body)))
        at += len(line) + 1
    return out


def test_one_line_reads_the_pattern():
    assert announced.one_line(ANNOUNCE.pattern)
    assert announced.one_line(r"[\u4e00-\u9fff]{2}(?=[一二])") and announced.one_line("(?m)^从a.")
    for pattern in (r"a\s", r"a(?!\s*b)", "a$", r"a\b", "(?s)a.", "a(?s:.)", "[^x]", r"(a)\1", "a[\n]"):
        assert not announced.one_line(pattern), pattern


_PIECES = ["从", "三个", "方面", "两点", "有", "四项", "制度", "工作", "，", "：", "\n", "\n", " ", "一是", "以下",
           "2", "类", "体现在", "机制", "\u2002", "\xa0", "\n\u2002 "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.integers(1, 4), st.integers(0, 3))
def test_joined_scan_finds_what_block_by_block_does(pieces, every, skip):
    text = "".join(pieces)
    spans = _lines(text, lambda k: k % every != skip)
    assert _joined(text, ANNOUNCE, spans) == _plain(text, ANNOUNCE, spans)
    loose = re.compile(r"(?:从|有)(?P<n>[三两])(?:个)?(?:方面|点)(?!\s*制度)")     # (reads a line break)
    assert _joined(text, loose, spans) == _plain(text, loose, spans)
    spaced = re.compile("[ \u2002]*(?:从|有)(?P<n>[三两])(?:个)?(?:方面|点)(?![ \xa0]*制度)")  # (reads an indent)
    assert _joined(text, spaced, spans) == _plain(text, spaced, spans)


def test_joined_scan_on_every_corpus():
    texts = [p.read_text(encoding="utf-8") for d in ("seeds", "tests/corpus/real", "tests/corpus/handwritten",
                                                      "tests/corpus/varied", "tests/corpus/varied2")
             for p in sorted((ROOT / d).glob("*.txt"))]
    assert len(texts) > 20
    for text in texts:
        spans = _lines(text, lambda k: k % 5 != 1)
        assert _joined(text, ANNOUNCE, spans) == _plain(text, ANNOUNCE, spans)


def test_a_report_is_scanned_at_once():
    """The fast path must not silently stop being taken: a report's body blocks are scanned at once."""
    before = announced.stats["joined"]
    text = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    lint(text, select=["review.announced_count"])
    assert announced.stats["joined"] == before + 1
