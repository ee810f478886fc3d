"""punct.indent finds where lines break with str.find (no line and column per block), sorts each
indentation once per distinct indentation and words only those it reports: its findings must be
exactly those of the check as it was (its line finding kept verbatim below as the oracle), on any
text."""
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawlint.api import ruleset_for
from lawlint.checks import consistency as C
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse.document import parse


def reference(ctx, rule, p):
    """The check as it was: its line finding (a line and column per block) is :func:`_indents`
    below; the rest of the check is unchanged, so it runs as it is with that put in."""
    with patch.object(C, "_indents", _indents):
        yield from C.check(ctx, rule, p)


def _indents(ctx, variants):
    text, doc = ctx.doc.text, ctx.doc
    found = [[] for _ in variants]
    skip = C._laid_out(doc)
    lines = [doc.position(b.start)[0] for b in doc.blocks]
    first = {id(b) for i, b in enumerate(doc.blocks) if i == 0 or lines[i - 1] != lines[i]}
    for b in doc.body_blocks:
        if id(b) in skip or id(b) not in first:
            continue
        line_start = b.start - doc.position(b.start)[1] + 1
        lead = text[line_start:b.start]
        for i, rx in enumerate(variants):
            if rx.fullmatch(lead):        # (worded by the check, as it reports)
                found[i].append((line_start, b.start, lead))
                break
    return found


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULES = ruleset_for(Config())
CHOSEN = [r for r in RULES if r.check == "consistency"]
assert {r.bound(None).where for r in CHOSEN} == {"indent", "text"}
LEADS = ["", "", "\u3000\u3000", "\u3000", "  ", "    ", "\u00a0", "\t", " \u3000", "\u2002"]
BODIES = ["一、主要做法", "我们坚持依法行政，推进改革。", "（一）加强领导", "全年办理案件12件，增长5%。",
          "占比３０％。", "各位领导：", "某某县人民政府", "2021年12月31日", "特此报告。", "1. 完善制度",
          "第一，强化学习", "｜表格｜单元｜", "— 1 —"]
LINE = st.builds(lambda lead, body: lead + body, st.sampled_from(LEADS), st.sampled_from(BODIES))
TEXT = st.lists(LINE, max_size=30).map("\n".join)


def _run(check, text):
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    ctx = Context(doc=doc, rules=RULES, year=doc.year)
    return [list(check(ctx, r, r.bound(doc.year))) for r in CHOSEN]


def _both(text):
    return _run(C.check, text), _run(reference, text)


@settings(max_examples=300)
@given(TEXT)
@example("\u3000\u3000一、总体情况\n\u3000\u3000我们坚持依法行政。\n 推进改革。\n\u3000\u3000全年办理案件。\n"
         "\u3000\u3000成效明显。\n\u3000\u3000特此报告。")
def test_same_findings_as_the_check_before(text):
    fast, slow = _both(text)
    assert fast == slow


def test_same_findings_on_the_seeds_and_a_traditional_text():
    texts = [normalise(p.read_text(encoding="utf-8"))[0] for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("\u3000\u3000一、總體情況\n\u3000\u3000我們堅持依法行政。\n  推進改革。\n"
                 "\u3000\u3000全年辦理案件。\n\u3000\u3000成效明顯。\n\u3000\u3000特此報告。")
    found = 0
    for text in texts:
        fast, slow = _both(text)
        assert fast == slow
        found += sum(map(len, fast))
    assert found > 0


def test_each_indentation_is_worded_only_when_reported(monkeypatch):
    """The shortcut is taken: a report indented alike throughout words no indentation."""
    worded = []
    real = C._describe
    monkeypatch.setattr(C, "_describe", lambda lead: worded.append(lead) or real(lead))
    text = "\n".join("\u3000\u3000" + b for b in ["我们坚持依法行政。", "推进改革。", "成效明显。"] * 5)
    assert _run(C.check, text) == [[], []] and worded == []
    fast = _run(C.check, text + "\n 全年办理案件。")
    assert sum(map(len, fast)) == 1 and set(worded) == {"\u3000\u3000", " "}


CORPUS = sorted(SEEDS.glob("*.txt")) + sorted((SEEDS.parent / "tests" / "corpus").glob("*/*.txt"))


def test_same_findings_on_every_corpus_and_a_flattened_page():
    """Pages that lost their line breaks (several blocks on a line) among them."""
    texts = [normalise(p.read_text(encoding="utf-8"))[0] for p in CORPUS]
    texts.append("\u3000\u3000一、主要做法 全年办理案件12件。 二、存在问题 执法力量不足。 （一）加强领导\n"
                 " 推进改革。\n\u3000\u3000成效明显。")
    for text in texts:
        fast, slow = _both(text)
        assert fast == slow


def test_the_block_before_is_read_by_index():
    """The shortcut is taken: every block's ``index`` is its place in ``doc.blocks`` (so the block
    before one compared is looked up, never searched for), on every corpus."""
    for p in CORPUS:
        doc = parse(Source(text=normalise(p.read_text(encoding="utf-8"))[0], path="<t>", kind="txt"))
        assert all(doc.blocks[b.index] is b for b in doc.blocks), p
