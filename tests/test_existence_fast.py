"""The existence check's fast paths find what its plain way finds: one pattern's matches taken as they
come (no sort, a ``once`` rule stops at its first), and a rule whose patterns all open with a rare
pair of marks not scanned where no such pair stands (rulepack.heads / rulepack.pairgate). The
oracle is the check itself with its plain ordering patched in (every match sorted, overlaps
tracked, no gate): on every corpus and on generated texts. The pairs a pattern is said to open
with are checked against re on generated patterns and texts; and the fast paths must not silently
stop being taken."""
import inspect
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import lint
from lawlint.checks import existence
from lawlint.rulepack import heads, needgate, pairgate, regexcache
from lawlint.rulepack.ruleset import load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["seeds", "tests/corpus/handwritten", "tests/corpus/heldout", "tests/corpus/independent",
           "tests/corpus/real", "tests/corpus/varied", "tests/corpus/varied2"]
TEXTS = sorted(p for d in CORPORA for p in (ROOT / d).glob("*.txt"))
EXISTENCE = sorted(r.id for r in load_rules() if r.check == "existence")


def _plain(text, patterns, bounds, plan=None, every=None, places=None):
    """The check's ordering before the fast paths: every match sorted, overlaps tracked."""
    return sorted(existence._matches(text, patterns, bounds), key=lambda m: (m.start(), -m.end())), False


def _findings(text, year=None):
    return [(d.rule, d.line, d.column, d.end_line, d.end_column, d.message, d.replacement)
            for d in lint(text, year=year, select=EXISTENCE).diagnostics]


def _both(monkeypatch, text, year=None):
    fast = _findings(text, year)
    with monkeypatch.context() as m:
        m.setattr(existence, "_ordered", _plain)
        m.setattr(needgate, "possible", lambda needs, text, cache: None)
        m.setattr(existence, "_placed", lambda ctx, text, patterns, bounds, plan: bounds)
        m.setattr(existence, "_part_bounds", lambda ctx, where: None)
        m.setattr(existence.jointscan, "scan", lambda patterns, text, lo, hi: {})
        plain = _findings(text, year)
    return fast, plain


def test_every_corpus_text_gives_the_plain_findings(monkeypatch):
    assert len(TEXTS) > 40 and len(EXISTENCE) >= 30
    found = 0
    for path in TEXTS:
        fast, plain = _both(monkeypatch, path.read_text(encoding="utf-8"))
        assert fast == plain, path.name
        found += len(fast)
    assert found > 50                   # the comparison compared findings, not empty lists


_MARKS = "，,、；;：:。.…“”《》 \u3000\n"
_WORDS = ["今年", "去年", "目前", "取得", "成效", "明显", "提升", "2021年", "2020", "—", "某某", "XX",
          "一是", "12", ".", "附件：", "的的", "截止", "十四五", "1.5", "万元", "资金", "《条例》"]


@st.composite
def _report(draw):
    parts = draw(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_MARKS + "我市推进法治", max_size=6)),
                          max_size=40))
    return "关于2021年法治政府建设情况的报告\n\n一、主要工作\n" + "".join(parts) + "。\n二、存在的不足\n" + \
        "".join(reversed(parts)) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_report())
def test_generated_reports_give_the_plain_findings(monkeypatch, text):
    fast, plain = _both(monkeypatch, text, year=2021)
    assert fast == plain


def test_fast_paths_are_taken(monkeypatch):
    rules = {r.id: r.bound(2021) for r in load_rules() if r.check == "existence"}
    repeated = rules["punct.repeated"].patterns
    got = pairgate.gate(repeated)
    assert got is not None and {a for a, _ in got} >= {"，", "、", "；", "。"}
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    assert pairgate.shut(got, text, 0, len(text))                 # a seed has no doubled marks
    assert not pairgate.shut(got, "我市，，推进", 0, 6)
    single = rules["residue.web_page"].patterns
    found, alone = existence._ordered(text, single, existence._bounds([(0, len(text))]))
    assert alone and inspect.isgenerator(found)                  # lazy: a ``once`` rule stops at its first
    before = dict(pairgate.stats)
    lint(text, select=["punct.repeated"])
    assert pairgate.stats["shut"] > before["shut"]
    # pairs of letters, digits or hanzi are common: no gate (term.plan_milestone opens with 19/20)
    assert pairgate.gate(rules["term.plan_milestone"].patterns) is None


def _pattern():
    base = st.sampled_from(["，", ",", "、", "。", "a", "1", "[，,]", "[、。a]", "[^，]", r"\d", ".",
                            "(?<!。)", "(?=，)", "(?!a)", "^", "$", r"\b"])
    return st.recursive(base, lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
        inner.map(lambda x: f"(?:{x})?"), inner.map(lambda x: f"(?:{x})*"),
        inner.map(lambda x: f"(?:{x})+"), inner.map(lambda x: f"(?:{x}){{1,2}}"),
        inner.map(lambda x: f"(?>{x})"), inner.map(lambda x: f"({x})")), max_leaves=6)


_ONE = st.sampled_from(["，", "、", "[，,]", "[、。a]", "(?:，|、)", "(?:，|、，)", "(?<!。)，", "(?:，)+",
                        "(?:，|a)?", "(，)", "。{1,2}", "(?=，)", "[，,]*"])


@settings(max_examples=400, deadline=None)
@given(st.one_of(_pattern(), _pattern().map(lambda x: f"({x})\\1+"),
                 st.sampled_from(["[，,、]", "[。，]", "a"]).map(lambda x: f"(?<!1)({x})\\1"),
                 st.tuples(st.lists(_ONE, min_size=1, max_size=3).map("".join), _pattern()).map("".join)),
       st.text(alphabet="，、。a,1", min_size=1, max_size=16))
def test_pairs_hold_every_match(pattern, text):
    try:
        rx = re.compile(pattern)
    except re.error:
        return
    got = heads.pairs(pattern)
    if not got:
        return
    first, second = got
    for i in range(len(text) + 1):
        for end in (len(text), max(i, len(text) - 1)):
            m = rx.match(text, i, end)
            if m is not None:
                s = m.group()
                assert len(s) >= 2 and s[0] in first and s[1] in second, (pattern, text, i, s)


_EACH = ["(?:，a|、。)", "(?:，|a)?、。", "(?:，)*、。", "([，、])\\1", "(?<!a)(?:，|、)+。", "(?>，a|、)。",
         "(?:，a){1,2}", "[，、]{2,}", "(?:(，)|、)\\1?。", "(?=a)a，", "(?:a|)，。", "(?:，a?)*、a", "(?:，。|、、)+",
         "(?:，|、。)(，)\\1", "^，{2}", "(?:，|、){2}", "(?:a(?:，|。)|、)a"]
_ALL_TEXTS = [""] + [a + b for a in "，、。a" for b in "，、。a"]
_ALL_TEXTS = _ALL_TEXTS + [a + t for a in "，、。a" for t in _ALL_TEXTS if len(t) == 2] + \
    [a + t for a in "，、。a" for t in _ALL_TEXTS if len(t) == 2 for a in (a + "，", a + "、", a + "a")]


@pytest.mark.parametrize("pattern", _EACH)
def test_pairs_hold_every_match_of_each_construct(pattern):
    """Each construct heads reads (a branch, an optional or repeated item, a back reference, an
    atomic group, a look-around), against every short text over its characters."""
    rx = re.compile(pattern)
    first, second = heads.pairs(pattern)
    matched = 0
    for text in _ALL_TEXTS:
        for i in range(len(text) + 1):
            m = rx.match(text, i)
            if m is not None:
                matched += 1
                assert len(m.group()) >= 2 and m.group()[0] in first and m.group()[1] in second, (text, i)
    assert matched


def test_pairs_of_rule_patterns():
    assert heads.pairs(r"([，,、；;：:])\1+") == (",:;、，：；", ",:;、，：；")
    assert heads.pairs(r"(?<!。)。。(?!。)") == ("。", "。")
    assert heads.pairs("a") == () and heads.pairs("ab?") == () and heads.pairs("(?i)ab") == ()
    assert heads.pairs("(?:a?)*b") == ()            # a run-away expansion gives up, never loops
    assert regexcache.pairs_of(r"[、，,][，,、]") == heads.pairs(r"[、，,][，,、]") == (",、，", ",、，")


REPEATED = [r"([，,、；;：:])\1+", r"(?<!。)。。(?!。)", r"[、，,][，,、]", r"[，,；;、][。]", r"[。][，,；;、]"]


@pytest.mark.parametrize("text", ["甲，乙。丙；", "甲，，乙", "甲。；乙", "甲；；", "。。", "、。", ":,", "，"])
def test_a_shut_gate_means_no_match(text):
    compiled = [regexcache.compile(p) for p in REPEATED]
    got = pairgate._build(compiled)
    assert got is not None
    shut = pairgate.shut(got, text, 0, len(text))
    assert not (shut and any(rx.search(text) for rx in compiled))     # shut: no pattern matches
    assert shut is (text in ("甲，乙。丙；", "，"))          # (a pair it lets through may match none)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(["a", "b", "ab", "。", "ba"]), min_size=1, max_size=3, unique=True),
                          st.integers(0, 6), st.integers(0, 6), st.integers(0, 12)), min_size=1, max_size=8),
       st.text(alphabet="ab。c", max_size=14))
def test_window_places_shared_by_a_reports_rules_are_found_afresh(asks, text):
    """windowscan._places with the report's table of places found (existence's rules share it)
    answers every ask, in any order and with any budget, as a fresh look does."""
    from lawlint.rulepack import windowscan
    pair = (text, {})
    for strings, lo, width, most in asks:
        hi = min(len(text), lo + width)
        windowscan.shared = None
        plain = windowscan._places(text, strings, lo, hi, most)
        windowscan.shared = pair
        try:
            assert windowscan._places(text, strings, lo, hi, most) == plain
        finally:
            windowscan.shared = None


def test_window_places_are_found_once_a_report(monkeypatch):
    """punct.day_name's two patterns look for the same eight marks: the second takes the first's
    places (the shared table must not silently stop being taken), and nothing outlives the report."""
    from lawlint.rulepack import windowscan
    finds = []
    real = windowscan._places

    def spy(text, strings, lo, hi, most):
        pair = windowscan.shared
        finds.append(sum(pair is not None and pair[0] is text and (s, lo, hi) in pair[1] for s in strings))
        return real(text, strings, lo, hi, most)
    monkeypatch.setattr(windowscan, "_places", spy)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    lint(text, select=["punct.day_name"])
    assert len(finds) == 2 and finds[0] == 0 and finds[1] >= 8
    lint(text, select=["punct.day_name"])
    assert finds[2] == 0 and windowscan.shared is None


def test_a_parts_bounds_read_off_its_regions_are_its_pieces():
    """existence._part_bounds (a part's regions cut by the body blocks, as list slices) equals the
    pieces scope.spans builds, on every corpus text and every part; and it is taken (not None) for
    nearly all of them, so the fast path cannot silently stop."""
    from lawlint.checks import scope as sc
    from lawlint.vocabulary import SECTION_IDS
    taken = compared = 0
    seen_ctx = []
    real = existence._part_bounds

    def spy(ctx, where):
        seen_ctx.append(ctx)
        return real(ctx, where)
    existence._part_bounds = spy
    try:
        for path in TEXTS:
            seen_ctx.clear()
            lint(path.read_text(encoding="utf-8"), select=["content.vague_claim"])
            for ctx in seen_ctx[:1]:
                for where in SECTION_IDS:
                    got = real(ctx, where)
                    compared += 1
                    if got is not None:
                        taken += 1
                        assert got == existence._bounds(sc.spans(ctx, where)), (path.name, where)
    finally:
        existence._part_bounds = real
    assert compared > 200 and taken >= 0.9 * compared


def test_window_places_are_not_left_set_when_a_scan_is_cut():
    """existence sets windowscan.shared only around a pattern's scan: a scan cut short (the rule
    timer's exception) leaves nothing set for the next report."""
    from lawlint.checks import existence
    from lawlint.rulepack import windowscan

    class Cut:
        def finditer(self, text, lo, hi):
            assert windowscan.shared is places        # (set while the pattern scans)
            raise RuntimeError("cut")
    text = "正文。"
    places = (text, {})
    with pytest.raises(RuntimeError):
        list(existence._matches(text, [Cut()], ([0], [len(text)], 0, len(text)), places))
    assert windowscan.shared is None
