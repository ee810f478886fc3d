"""punct.halfwidth's scan takes shortcuts (the right side read only when the left is not Chinese, no
address scan in a text without 「@」「://」「www.」, the digit test only beside a digit, no bracket
test whose answer could not change the outcome): its findings must be exactly those of the
straightforward scan below (the check as it was before the shortcuts), on any text and any marks."""
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawlint.api import ruleset_for
from lawlint.checks import punctuation as P
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse.document import parse


def reference(ctx, rule, p):
    """The scan before the shortcuts, kept verbatim as the oracle."""
    doc, marks = ctx.doc, p.marks
    text = doc.text
    in_token = {i for h in doc.headings if h.token is not None
                and not (h.token.family == "di" and h.token.punct in marks)
                for i in range(h.start, h.start + h.token.length)}
    once, scored = p.once_per_mark, set()
    quotes = p.quotes
    chain = P._SPACES + "".join(marks)
    filled = {ch: {"mark": ch, "full": full} for ch, full in marks.items()}
    found_all = []
    add = found_all.append
    blocks = doc.body_blocks
    if not blocks:
        return ctx.diagnostics(rule, found_all)
    mark_rx = re.compile("[" + re.escape("".join(marks)) + "]")
    at = [m.start() for m in mark_rx.finditer(text, blocks[0].start, blocks[-1].end)]
    quoted = [q for q in quotes if q in text]
    k, n = 0, len(at)
    for b in blocks:
        lo, hi = b.start, b.end
        while k < n and at[k] < lo:
            k += 1
        first = k
        while k < n and at[k] < hi:
            k += 1
        if first == k and not (quoted and any(text.find(q, lo, hi) != -1 for q in quoted)):
            continue
        skip = [m.span() for m in P._SKIP.finditer(text, lo, hi)]
        for i in at[first:k]:
            ch = text[i]
            if i in in_token or (skip and any(s <= i < e for s, e in skip)):
                continue
            j = i - 1
            while j >= lo and text[j] in chain:
                j -= 1
            left = text[j] if j >= lo else ""
            j = i + 1
            while j < hi and text[j] in chain:
                j += 1
            right = text[j] if j < hi else ""
            if ch in ",:" and P._near(text, i, -1, lo, hi).isdigit() \
                    and P._near(text, i, 1, lo, hi).isdigit():
                continue
            cjk_left, cjk_right = P._cjk(left), P._cjk(right)
            if ch in "()" and not (_bracket_in_chinese(text, i, lo, hi) or cjk_left or cjk_right):
                continue
            if not (cjk_left or cjk_right):
                continue
            end = i + 1
            if ch in ",;:?!":
                while end < hi and text[end] in P._SPACES:
                    end += 1
            kind = "()" if ch in "()" else ch
            weight = 0 if once and kind in scored else None
            scored.add(kind)
            add((i, end, filled[ch], marks[ch], weight))
        for q, pair in quotes.items():
            for i, full, fixable in P._straight_quotes(text, q, pair, lo, hi, skip):
                weight = 0 if once and q in scored else None
                scored.add(q)
                add((i, i + 1, dict(mark=q, full=full), full if fixable else None, weight))
    return ctx.diagnostics(rule, found_all)


def _bracket_in_chinese(text, i, lo, hi):
    if text[i] == "(":
        j = text.find(")", i, hi)
        inner = text[i + 1:j] if j != -1 else text[i + 1:min(hi, i + 20)]
    else:
        j = text.rfind("(", lo, i)
        inner = text[j + 1:i] if j != -1 else text[max(lo, i - 20):i]
    return bool(P._CJK.search(inner)) or bool(P._CJK.match(P._near(text, i, -1, lo, hi) or " ")) \
        or bool(P._CJK.match(P._near(text, i, 1, lo, hi) or " "))


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULES = ruleset_for(Config())
RULE = next(r for r in RULES if r.id == "punct.halfwidth")
DEFAULT = {"marks": {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"},
           "quotes": {'"': "“”"}}
PARAMS = [
    RULE.bound(None),
    P.SPEC.binder({**DEFAULT, "once_per_mark": False})(None),
    P.SPEC.binder({"marks": {",": "，", "7": "七", ":": "："}, "quotes": {"'": "‘’", '"': "“”"},
                   "once_per_mark": True})(None),       # a digit among the marks
]
PIECES = ["依法行政", "推进", "年", "（", "）", "。", "，", "A", "b", "x1", "2", "3", "12", "1", "0",
          ",", ",", ",", ";", ":", "?", "!", "(", ")", '"', "'", " ", "  ", "\t", "\u00a0", "\u3000",
          "\n", "\n", "一、", "（一）", "(二)", "1.", "第一,", "①", "http://a.cn/x,y", "www.gov.cn",
          "a.b@c.cn", "@", "“", "”", "7", "2021:10", "1,000", "7,3", "x7:1"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _ctx(text):
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    return Context(doc=doc, rules=RULES, year=doc.year)


def _both(text, p):
    ctx = _ctx(text)
    return list(P.check(ctx, RULE, p)), reference(ctx, RULE, p)


@settings(max_examples=300)
@given(TEXT, st.sampled_from(range(len(PARAMS))))
@example("推进7,2项改革", 2)                 # the mark nearest the comma is a digit
@example("A(依法)B x (行政) y", 0)            # Chinese only inside the brackets
@example("共 1, 2 项;依法 ,推进: 10:30", 1)
def test_same_findings_as_the_straightforward_scan(text, which):
    fast, slow = _both(text, PARAMS[which])
    assert fast == slow


@pytest.mark.parametrize("which", range(len(PARAMS)))
def test_same_findings_on_the_seeds(which):
    for path in sorted(SEEDS.glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8"))[0]
        fast, slow = _both(text, PARAMS[which])
        assert fast == slow


def test_no_address_scan_without_an_address(monkeypatch):
    """The shortcut is taken: a text with no 「@」「://」「www.」 never runs the address pattern
    (and one with an address does, and its marks are left alone)."""
    calls = []

    class Spy:
        def finditer(self, text, lo, hi):
            calls.append((lo, hi))
            return P_SKIP.finditer(text, lo, hi)
    P_SKIP = P._SKIP
    monkeypatch.setattr(P, "_SKIP", Spy())
    fast = P.check(_ctx("我们坚持依法行政,推进改革;成效明显。"), RULE, RULE.bound(None))
    assert len(fast) == 2 and not calls
    fast = P.check(_ctx("详见网站www.gov.cn/a,b,依法公开。"), RULE, RULE.bound(None))
    assert calls and [d.start for d in fast] == [len("详见网站www.gov.cn/a,b")]


def test_marks_after_chinese_take_the_short_way(monkeypatch):
    """A mark right after a Chinese character is found the short way (five line events of the
    scan's loop), not by reading its context (fifteen): counted in line events of ``_scan`` (the
    way the check takes when the bulk way does not apply), so the test fails if the short way
    stops being taken."""
    import sys
    from lawlint.checks import punctuation_bulk
    monkeypatch.setattr(punctuation_bulk, "items", lambda *a: None)
    text = "一、主要做法\n" + "我们坚持依法行政,推进改革;成效明显(试行)。\n" * 40
    ctx = _ctx(text)
    P.check(ctx, RULE, RULE.bound(None))            # (the Chinese characters are known after one run)
    lines = []

    def tracer(frame, event, arg):
        if frame.f_code is P._scan.__code__:
            return lambda f, e, a: lines.append(1) if e == "line" else None
        return None
    sys.settrace(tracer)
    try:
        found = P.check(ctx, RULE, RULE.bound(None))
    finally:
        sys.settrace(None)
    marks = 4 * 40
    assert len(found) == marks == len(reference(ctx, RULE, RULE.bound(None)))
    blocks = 41
    assert len(lines) < 8 * marks + 20 * blocks


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.integers(0, 8), st.integers(0, 80),
       st.sampled_from(["".join(PARAMS[0].marks), ",", ",;()", ",7:"]))
def test_places_are_where_a_class_regex_finds_the_marks(text, lo, span, marks):
    hi = min(len(text), lo + span)
    rx = re.compile("[" + re.escape(marks) + "]")
    assert P._places(text, dict.fromkeys(marks), lo, hi) == [m.start() for m in rx.finditer(text, lo, hi)]
