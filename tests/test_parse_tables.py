"""The parser's shortcuts answer as the plain reading does: one regex call for "any of these
patterns" (lawlint.parse.anyof) on generated lines and on the chrome patterns themselves."""
import random
import re

import pytest

from lawlint.parse import anyof
from lawlint.rulepack import regexcache
from lawlint.rulepack.patternread import top_alternatives

PATTERNS = [
    r"^(?:上一篇|下一篇)\s*[:：]", r"^(?:共\s*\d+\s*页|首页|\d{1,3})+$", r"(?:备案序?号|ICP备)",
    r"^第\s*\d{1,3}\s*页$", r"^a|b$", r"(?i)^ab", r"^(x)\1", r"^(?P<n>甲)乙", r"^(?P<n>乙)甲",
    r"^$", r"^\s*", r"[:：]\s*$", r"(?m)^乙", r"^(?:甲|^乙)丙",
]
ALPHABET = ["上一篇", "下一篇", "：", ":", "共", "3", "页", "首页", "备案号", "ICP备", "第", " ", "a",
            "b", "A", "B", "x", "甲", "乙", "丙", "\n"]


def _lines(n, seed):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 8)))


@pytest.mark.parametrize("how", ["search", "match"])
def test_any_of_answers_as_each_pattern_asked_alone(how):
    compiled = [re.compile(p) for p in PATTERNS]
    rnd = random.Random(3)
    groups = [rnd.sample(compiled, rnd.randint(1, len(compiled))) for _ in range(40)] + [compiled]
    lines = list(_lines(400, 9))
    told_apart = 0
    for pats in groups:
        test = anyof.searcher(pats) if how == "search" else anyof.matcher(pats)
        for line in lines:
            want = any(getattr(p, how)(line) for p in pats)
            assert test(line) == want, ([p.pattern for p in pats], line)
            told_apart += want
    assert 0 < told_apart < len(groups) * len(lines)


def test_anchored_patterns_are_joined_and_the_rest_asked_alone():
    anchored = anyof._anchored
    assert anchored(re.compile(r"^(?:上一篇|下一篇)\s*[:：]"))
    assert not anchored(re.compile(r"^a|b$"))          # ^ only in the first alternative
    assert not anchored(re.compile(r"(?m)^乙"))         # a line's start anywhere
    assert not anchored(re.compile(r"(?:备案序?号|ICP备)"))


def test_chrome_patterns_answer_as_before_on_the_seeds():
    from helpers import SEEDS
    from lawlint.parse.lexicon import lexicon
    lx = lexicon()
    lines = [line.strip() for p in sorted(SEEDS.glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    lines += ["您现在的位置：首页 > 信息公开", "上一篇：关于……", "— 3 —", "第 3 页 共 9 页", "打印本页",
              "索引号：123", "发布时间：2022-01-01 来源：某局"]
    for key in ("page_number", "labels", "breadcrumb", "metadata", "line", "footer"):
        pats = lx[key]
        for how, test in (("search", anyof.searcher(pats)), ("match", anyof.matcher(pats))):
            hits = 0
            for line in lines:
                want = any(getattr(p, how)(line) for p in pats)
                assert test(line) == want, (key, how, line)
                hits += want
            assert hits or how == "match"


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["^", "a", "甲", "|", "(", ")", "(?:", "(?P<g>", "(?#c|)", "[", "]", "[^", "\\", "\\|", "\\[",
           "\\(", "*", "+", "?", "{2}", "$", "\\d", "(?i:", "(?=", "(?<=x)", "-", " "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map(lambda p: "^" + "".join(p)))
def test_the_quick_anchor_test_agrees_with_sres_parse(pattern):
    """anyof tells a pattern opening with ^ by reading it (groups, classes, escapes) instead of
    parsing it; where it answers, sre's parse gives the same answer."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")         # (a possible nested set: still a class; sre's parse warns again)
        try:
            rx = re.compile(pattern)
        except re.error:
            return
        assert anyof._anchored(rx) == anyof._parsed_anchored(rx), pattern
        if anyof._no_top_bar(pattern):          # the quick answer alone, where it gives one
            assert anyof._parsed_anchored(rx), pattern


@pytest.mark.parametrize("pattern,quick", [
    ("^[|]", True), ("^[]|]", True), ("^[^]|]", True), (r"^[\]|]", True), (r"^\|", True),
    ("^(a|b)", True), ("^(?:[(]|x)", True), ("^[)]a", True), ("^a|b", False), ("^[a]|b", False),
    ("^(a)|b", False), ("^[(]|b", False), ("^(?#|)a", False), (r"^\\|a", False),
])
def test_the_quick_anchor_test_reads_classes_groups_and_escapes(pattern, quick):
    rx = re.compile(pattern)
    assert anyof._no_top_bar(pattern) is quick
    assert anyof._anchored(rx) == anyof._parsed_anchored(rx)


def test_the_chrome_patterns_are_told_anchored_without_a_parse(monkeypatch):
    """Every chrome pattern opening with ^ is answered by the quick test (no parse a start)."""
    from lawlint.parse.lexicon import lexicon
    monkeypatch.setattr(anyof, "_parsed_anchored", lambda p: pytest.fail(p.pattern))
    lx = lexicon()
    told = [anyof._anchored(p) for key in ("labels", "breadcrumb", "metadata", "footer")
            for p in lx[key] if p.pattern.startswith("^")]
    assert len(told) > 5 and all(told)


SPLIT = [r"现将.{0,40}报告如下|请审阅|^[^，,。；;]{2,40}[:：]$|^附件\s*\d*\s*[:：]", r"^a|b$|^(?:甲|乙)丙", r"a|b",
         r"^a|^b", r"(?i)^a|b", r"^(x)\1|y", r"^(?P<n>甲)乙|(?P<m>乙)", r"[|^]a|b", r"\|^a|甲", r"(^a|b)|c$",
         r"(?#|)^a|b", r"^$|x", r"^\s*|页"]


def test_a_pattern_split_at_its_alternatives_answers_as_its_search():
    """anyof.alternatives: the alternatives opening with ^ tried at the start, the others
    searched joined: found where the pattern's own search finds a match, on generated lines."""
    lines = list(_lines(600, 11)) + ["现将我局2022年度法治政府建设情况报告如下：", "市委依法治市办：", "附件1：", "请审阅。"]
    for pattern in SPLIT:
        rx = re.compile(pattern)
        test = anyof.alternatives(rx)
        found = [test(line) for line in lines]
        assert found == [rx.search(line) is not None for line in lines], pattern
        assert any(found), pattern


def test_the_others_are_searched_only_in_a_line_holding_their_literals():
    """The fast path is taken: a paragraph holding none of the strings the unanchored
    alternatives need is not searched for them."""
    class Counted:
        def __init__(self, rx):
            self.rx, self.texts = rx, []

        def search(self, text, *a):
            self.texts.append(text)
            return self.rx.search(text, *a)
    real = regexcache.compile
    made = []

    def compile_counted(pattern, *a, **k):
        got = real(pattern, *a, **k)
        if "请审阅" in pattern and pattern.startswith("(?:"):     # the others, joined
            made.append(Counted(got))
            return made[-1]
        return got
    rx = re.compile(r"现将.{0,40}报告如下|请审阅|^[^，,。；;]{2,40}[:：]$|^附件\s*\d*\s*[:：]|请审议")
    with pytest.MonkeyPatch.context() as m:
        m.setattr(anyof.regexcache, "compile", compile_counted)
        m.setattr(anyof, "_memo", {})
        test = anyof.alternatives(rx)
    lines = ["全年办理案件12件，做到应审必审。" * 5, "2022年，现将我局法治政府建设情况报告如下：", "请审议。"]
    assert [test(t) for t in lines] == [False, True, True]
    assert made and made[0].texts == lines[1:]


def test_the_cover_letter_pattern_is_split():
    """The fast path is taken for the shipped cover-letter pattern: its lines opening with ^ are
    tried with one match, the rest with one search (not its search at every position), and that
    search only in a line holding one of the strings its matches hold (「报告如下」, 「请审阅」 …)."""
    from lawlint.parse.lexicon import lexicon
    rx = lexicon()["cover_letter"]
    assert len(top_alternatives(rx.pattern)) > 2
    assert set(anyof.alternatives(rx).__code__.co_freevars) == {"at", "anywhere", "needs"}
    assert top_alternatives(r"(?#|)^a|b") is None and top_alternatives(r"[|]a") == [r"[|]a"]
