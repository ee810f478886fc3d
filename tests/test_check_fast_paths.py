"""Fast paths of the confusion, ratio and repetition checks give what their plain forms give, and
are taken (a fast path that silently stopped applying would only show as a slower pass)."""
from pathlib import Path

from hypothesis import given, settings, strategies as st

from helpers import ROOT, SEEDS, lint
from lawlint import load_rules
from lawlint.checks import confusion

REAL = sorted((ROOT / "tests" / "corpus" / "real").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) + REAL]

# words that overlap one another every way a scan could pass one over: inside another (权利 in
# 权利清单), starting inside one and running on (清单份 after 权利清单), the same first character
WORDS = ["权利", "权利清单", "清单份", "单份", "份", "利清", "帐", "台帐", "帐帐", "纪录", "录用", "用权",
         "反应", "应急", "急急", "报导", "导报", "其它", "它们"]
PIECES = WORDS + ["，", "的", "清", "单", "权", "。", "a", "\n"]


def _literals(words):
    got = confusion.Literals(words)           # a literal pattern's required literal is itself
    assert got.present("") is not None        # enough words: the text is scanned once for all
    return got


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_one_scan_finds_every_word_the_text_holds(text):
    lits = _literals(WORDS)
    assert lits.present(text) == {w for w in WORDS if w in text}


def test_the_one_scan_on_the_reports():
    lits = _literals(WORDS)
    for text in TEXTS:
        assert lits.present(text) == {w for w in WORDS if w in text}


def test_typo_confusion_scans_once_and_asks_what_each_pattern_would():
    """The rule's own list is long enough to be scanned at once, and every pattern is judged as
    ``may_occur_in`` judges it, on the reports and on each entry's examples."""
    rule = next(r for r in load_rules() if r.id == "typo.confusion")
    p = rule.bound(2023)
    texts = TEXTS + [e.bad for e in p.entries] + [e.good for e in p.entries]
    for text in texts:
        present = p.literals.present(text)
        assert present is not None
        for e in p.entries:
            for rx in e.match:
                assert p.literals.may_occur(rx, present) == rx.may_occur_in(text), (rx.pattern, text[:40])
    usage = next(r for r in load_rules() if r.id == "typo.usage").bound(2023)
    assert usage.literals.present(TEXTS[0]) is None        # four words: each asked itself


def test_rate_mismatch_reads_only_sentences_holding_a_rate(monkeypatch):
    """Reading only the sentences that hold a rate word (scope.sentences_holding) finds what cutting
    every paragraph into sentences found (its answer None is the plain way)."""
    from lawlint.checks import ratio
    texts = TEXTS + ["2024年，共收到行政复议案件340件，受理303件，审结284件，经调解和解终止审查结案76件，调解和解结案率35%。\n"
                     "全区办结3.2万件，办结率99.6%；另有12件占比未计。"]
    fast = [[(d.start, d.end, d.message) for d in lint(t, year=2023, select=["content.rate_mismatch"]).diagnostics]
            for t in texts]
    assert sum(map(len, fast)) >= 2
    monkeypatch.setattr(ratio.sc, "sentences_holding", lambda *a: None)
    slow = [[(d.start, d.end, d.message) for d in lint(t, year=2023, select=["content.rate_mismatch"]).diagnostics]
            for t in texts]
    assert fast == slow


def test_may_occur_in_answers_a_text_lacking_the_literals_without_compiling():
    """A fresh process asks may_occur_in of every term of a list: the ones its report cannot hold
    stay uncompiled, and the answer is the one the compiled pattern gives."""
    from lawlint.rulepack.regexcache import LazyPattern
    for pattern in ["(?:卫生和?计划生育|卫生计生)(?:委员会|委|局)", "台帐", "法制(?:办|局)", "[甲乙]丙"]:
        for text in ["区卫生计生委牵头", "建立台帐", "没有这些词", "原法制办", "甲丙"]:
            lazy = LazyPattern(pattern)
            got = lazy.may_occur_in(text)
            assert ("_rx" in lazy.__dict__) == got        # compiled only when it may occur
            fresh = LazyPattern(pattern)
            fresh.compiled()
            assert fresh.may_occur_in(text) == got
            assert not (not got and fresh.search(text))


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(["\u33ff", "\u3400", "\u4e00", "\u9fff", "\ua000", "\u3000", "，", "a",
                                         "\n", "\U0001f600", "\U00020000", "\ud800", "\udc00", "\u0034", "\u009f",
                                         "\u3434", "\u9f9f", "\u34ff"]), max_size=40))
def test_count_han_counts_what_the_han_class_matches(text):
    import re
    from lawlint.chars import HAN, count_han
    assert count_han(text) == len(re.findall(f"[{HAN}]", text))


def test_count_han_on_the_reports():
    import re
    from lawlint.chars import HAN, count_han
    assert [count_han(t) for t in TEXTS] == [len(re.findall(f"[{HAN}]", t)) for t in TEXTS]


# characters whose codes share a low byte (U+4E00, U+4F00, U+5000) make the low-byte test
# agree where the characters differ: the pattern, tried there, must still decide
_REPEATABLE = ["\u4e00", "\u4f00", "\u5000", "\u4e01", "\u4f01", "材", "料", "，", "a", "\n", "\u3000", "\x00"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_REPEATABLE), max_size=40).map("".join), st.integers(0, 6), st.integers(0, 6))
def test_repeat_candidates_are_what_the_scan_finds(text, cut_start, cut_end):
    from lawlint.checks import repetition
    shifted = repetition._shifted(text)
    assert shifted is not None
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    got = [m.span() for m in repetition._candidates(text, start, end, shifted)]
    assert got == [m.span() for m in repetition._CANDIDATE.finditer(text, start, end)]


def test_repeat_candidates_on_the_reports_and_their_fallbacks():
    from lawlint.checks import repetition
    cases = TEXTS + ["申报材料材料，" * 3 + "😀" + "研究研究", "—" * 3000 + "材料材料", "一步一步" * 200]
    tried = 0
    for text in cases:
        shifted = repetition._shifted(text)
        assert (shifted is None) == ("😀" in text)          # a character beyond U+FFFF: plain scan
        for start, end in [(0, len(text)), (3, len(text) - 2)]:
            got = repetition._candidates(text, start, end, shifted)
            tried += type(got).__name__ == "generator"       # the fast path, not the fallback scan
            assert [m.span() for m in got] == [m.span() for m in repetition._CANDIDATE.finditer(text, start, end)]
    assert tried >= 2 * len(TEXTS)
