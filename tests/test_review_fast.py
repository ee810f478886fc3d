"""Fast paths of the review and content checks (answers, metric, ratio, total, announced, plenum)
give what their plain forms give, on generated text and on every corpus, and are taken (a fast
path that silently stopped applying would only show as a slower pass)."""
import re
from operator import add

import pytest
from hypothesis import given, settings, strategies as st

from helpers import FIXTURES, ROOT, SEEDS, lint
from lawlint.chars import HAN, HAN_RUN_RE
from lawlint.checks import answers

CORPORA = [SEEDS, FIXTURES] + [ROOT / "tests" / "corpus" / d for d in
                               ("handwritten", "heldout", "independent", "real", "varied", "varied2")]
TEXTS = [p.read_text(encoding="utf-8") for d in CORPORA for p in sorted(d.glob("*.txt"))]

# Han characters at the ends of the range and beside it, a character sharing a code unit's half
# with a Han one, non-BMP characters (two code units), lone surrogates, punctuation, ASCII
_CHARS = ["\u33ff", "\u3400", "\u4e00", "\u9fff", "\ua000", "\u3000", "，", "a", "\n", "\U0001f600",
          "\U00020000", "\ud800", "\udc00", "\u0034", "\u009f", "\u3434", "\u9f9f", "\u34ff", "执", "法"]
_TEXT = st.text(alphabet=st.sampled_from(_CHARS), max_size=40)


def _bigrams(text: str) -> set:
    """The plain way: each run of Han characters, each pair of neighbours as a string."""
    out = set()
    for m in HAN_RUN_RE.finditer(text):
        run = m.group()
        out.update(map(add, run, run[1:]))
    return out


def _code(bigram: str) -> int:
    (code,) = answers._pairs(bigram)       # two Han characters: one pair
    return code


@settings(max_examples=400)
@given(_TEXT)
def test_han_pairs_are_the_bigrams_of_the_han_runs(text):
    assert answers.han_pairs(text) == {_code(b) for b in _bigrams(text)}
    han = re.compile(f"[{HAN}]{{2}}")
    # the pairs of every neighbouring code units hold the Han bigrams and no other Han-Han pair
    assert {x for x in answers._pairs(text) if x in answers.han_pairs(text)} == answers.han_pairs(text)
    assert all(len(b) == 2 and han.fullmatch(b) for b in _bigrams(text))


@settings(max_examples=400)
@given(_TEXT, _TEXT, st.lists(st.sampled_from(["执法", "法执", "\u3400\u4e00", "a执"]), max_size=3))
def test_shared_terms_count_as_the_string_bigrams_did(item, plans, generic):
    """What the check reads, the item's term count and the terms it shares with the plans, is
    what the string bigrams gave (the plans' pairs are every pair, junk included)."""
    g_str = {w[i:i + 2] for w in generic for i in range(len(w) - 1)}
    g_int = frozenset(x for w in generic for x in answers._pairs(w))
    old_item, old_plan = _bigrams(item) - g_str, _bigrams(plans) - g_str
    new_item = answers.han_pairs(item) - g_int
    assert len(new_item) == len(old_item)
    assert len(new_item & answers._pairs(plans)) == len(old_item & old_plan)
    assert answers._has_term(answers._pairs(plans), g_int) == bool(old_plan)


def _plain_answers(ctx, rule, p):
    """review.plans_answer as it was: string bigrams of each plan span and each item."""
    from lawlint.checks import scope as sc
    from lawlint.chars import strip_blank
    generic = {w[i:i + 2] for w in p.generic for i in range(len(w) - 1)}
    if ctx.section("shortcomings").status == "absent" or ctx.section("plans").status == "absent":
        return
    text = ctx.doc.text
    short = sc.body_spans(ctx, "shortcomings")
    cut = min((m.start() for s, e in short for rx in p.stop for m in [rx.search(text, s, e)] if m), default=None)
    if cut is not None:
        short = [(s, min(e, cut)) for s, e in short if s < cut]
    plans = answers._minus(sc.body_spans(ctx, "plans"), short)
    plan_terms = set()
    for s, e in plans:
        plan_terms |= _bigrams(text[s:e]) - generic
    if not plan_terms:
        return
    for s, e in answers._items(ctx, short, p.item, p.skip):
        terms = _bigrams(text[s:e]) - generic
        shared = len(terms & plan_terms)
        if len(terms) < p.min_shared or shared >= p.min_shared or (shared >= 2 and shared >= p.min_share * len(terms)):
            continue
        piece = strip_blank(text[s:e])
        yield ctx.diagnostic(rule, s, min(e, sc.sentence_at(text, s, s + 1)[1]),
                             fields=dict(item=piece if len(piece) <= 30 else piece[:30] + "……"))


def _compare(monkeypatch, module, plain, rule_id, texts, year=None):
    """Run ``rule_id`` over ``texts``, each call of the check also run the plain way on the same
    context: both must give the same findings. Returns how many findings there were."""
    seen = []
    fast_check = module.check

    def both(ctx, rule, p):
        fast = list(fast_check(ctx, rule, p))
        slow = list(plain(ctx, rule, p))
        assert [(d.start, d.end, d.message) for d in fast] == [(d.start, d.end, d.message) for d in slow]
        seen.append(len(fast))
        return fast

    monkeypatch.setattr(module, "check", both)
    for text in texts:
        lint(text, year=year, select=[rule_id])
    assert seen, rule_id
    return sum(seen)


def test_plans_answer_equals_the_string_bigrams_on_every_corpus(monkeypatch):
    assert _compare(monkeypatch, answers, _plain_answers, "review.plans_answer", TEXTS) > 0


def test_plans_answer_takes_the_int_pairs(monkeypatch):
    """The plans are read as one set of pairs, once per report; each item is first read pair by
    pair against them (_answered), and only an item not answered so is made its set of Han
    pairs (most are answered: a fast path that stopped answering would make every item's set)."""
    calls = {"pairs": 0, "han": 0, "answered": 0}
    pairs, han, answered = answers._pairs, answers.han_pairs, answers._answered

    def count_pairs(s):
        calls["pairs"] += 1
        return pairs(s)

    def count_han(s):
        calls["han"] += 1
        return han(s)

    def count_answered(*a):
        calls["answered"] += 1
        return answered(*a)

    monkeypatch.setattr(answers, "_pairs", count_pairs)
    monkeypatch.setattr(answers, "han_pairs", count_han)
    monkeypatch.setattr(answers, "_answered", count_answered)
    lint((SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8"),
         select=["review.plans_answer"])
    assert calls["pairs"] == calls["han"] + 1     # (han_pairs reads _pairs)
    assert calls["answered"] >= 2 and calls["han"] < calls["answered"]


@settings(max_examples=400)
@given(_TEXT, _TEXT, st.lists(st.sampled_from(["执法", "法执", "\u3400\u4e00", "a执"]), max_size=3),
       st.integers(min_value=1, max_value=4))
def test_answered_is_the_shared_term_count_reaching_need(item, plans, generic, need):
    g_int = frozenset(x for w in generic for x in answers._pairs(w))
    plan_pairs = answers._pairs(plans)
    shared = len((answers.han_pairs(item) - g_int) & plan_pairs)
    assert answers._answered(item, plan_pairs, g_int, need) == (shared >= need)


PLENUM = ["plenum.future", "plenum.stale", "plenum.missing", "plenum.arabic"]
_PLENUM_TEXTS = ["2021年，全县深入学习贯彻党的十九大和十九届二中、三中、四中全会精神，学习十九届中央委员会第六次全体会议精神。\n"
                 "坚持以19届6中全会精神为指导，贯彻20大精神。", "2023年，我们学习贯彻党的十九大精神和二十大精神。"]


def _plenum_findings(texts):
    return [[(d.rule, d.start, d.end, d.message) for d in lint(t, year=y, select=PLENUM).diagnostics]
            for t in texts for y in (2021, 2023)]


def test_plenum_shapes_found_once_give_what_each_aspect_found(monkeypatch):
    """Each shape's matches are found once per report and read by every aspect: the findings
    are those of each aspect scanning for itself."""
    from lawlint.checks import plenum
    texts = TEXTS + _PLENUM_TEXTS
    fast = _plenum_findings(texts)
    assert sum(map(len, fast)) >= 4
    monkeypatch.setattr(plenum, "_matches", lambda ctx, rx: list(plenum._find(ctx, rx)))
    assert _plenum_findings(texts) == fast


def test_plenum_scans_each_shape_once_per_report(monkeypatch):
    from lawlint.checks import plenum
    calls = []
    find = plenum._find
    monkeypatch.setattr(plenum, "_find", lambda ctx, rx: calls.append(rx.pattern) or find(ctx, rx))
    lint(_PLENUM_TEXTS[0], year=2021, select=PLENUM)
    assert calls and len(calls) == len(set(calls)) == len(plenum.patterns())


# -- metric: a per-1,000 count with only a floor stops once the floor is reached -----------------

@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(["1", "2", "件", "项", "%", "，", "执", "\n", " "]), max_size=60),
       st.integers(1, 200), st.sampled_from([0.5, 4, 10, 33.3, 200, 1000]))
def test_count_until_the_floor_decides_as_the_full_count(text, chars, floor):
    from lawlint.checks import metric
    from lawlint.rulepack import regexcache
    counters = [regexcache.compile(r"\d+\s*[件项%]"), regexcache.compile(r"执")]
    full = sum(len(rx.findall(text)) for rx in counters)
    got = metric._count(counters, text, chars, floor)
    assert got <= full
    low_full = round(full * 1000 / chars, 1) < floor
    assert (round(got * 1000 / chars, 1) < floor) == low_full
    if low_full:
        assert got == full                  # a reported count is the whole count
    assert metric._count(counters, text, chars, None) == full


def test_data_density_stops_counting_at_its_floor_and_finds_the_same(monkeypatch):
    from lawlint.checks import metric
    rules = ["content.data_density", "content.shortcomings_stock", "content.plan_slogans"]
    counted = []
    plain = metric._count

    def spy(counters, text, chars, floor):
        got = plain(counters, text, chars, floor)
        counted.append((got, sum(len(rx.findall(text)) for rx in counters)))
        return got

    def run():
        return [[(d.rule, d.start, d.message) for d in lint(t, select=rules).diagnostics] for t in TEXTS]
    monkeypatch.setattr(metric, "_count", spy)
    fast = run()
    assert any(got < full for got, full in counted)        # the early stop is taken
    assert sum(map(len, fast)) > 0
    monkeypatch.setattr(metric, "_count", lambda counters, text, chars, floor: plain(counters, text, chars, None))
    assert run() == fast


@settings(max_examples=500)
@given(st.floats(-5, 2000, allow_nan=False), st.integers(1, 40000))
def test_least_count_is_the_first_to_reach_the_floor(floor, per):
    from lawlint.checks import metric
    n = metric._least(floor, per)
    assert n >= 1 and round(n * 1000 / per, 1) >= floor
    assert n == 1 or round((n - 1) * 1000 / per, 1) < floor


def _plain_metric(ctx, rule, p):
    """content.* metric rules as they were: the Han characters counted before anything else."""
    from lawlint.checks import metric, scope as sc
    from lawlint.chars import count_han
    pieces = sc.body_spans(ctx, p.scope)
    if p.stop:
        pieces = metric._until(ctx, pieces, p.stop)
    if not pieces:
        return
    text = sc.joined(ctx, pieces)
    chars = count_han(text)
    if chars < p.min_chars or any(rx.search(text) for rx in p.unless):
        return
    if p.measure == "per_1000":
        count = sum(len(rx.findall(text)) for rx in p.count)
        value = round(count * 1000 / max(chars, 1), 1)
    else:
        sents = list(sc.sentences(ctx, pieces))
        if len(sents) < p.min_sentences:
            return
        count = sum(1 for s in sents if any(rx.search(s.text) for rx in p.count))
        value = round(count / len(sents), 2)
    if (p.min is not None and value < p.min) or (p.max is not None and value > p.max):
        start = pieces[0][0]
        yield ctx.diagnostic(rule, start, start, fields=dict(
            value=value, min="" if p.min is None else p.min, max="" if p.max is None else p.max,
            count=count, chars=chars))


_SPARSE = ["2022年，我县扎实推进法治政府建设。\n一、主要举措和成效\n" + "（一）加强党的领导。县政府高度重视法治政府建设，"
           "主要负责同志切实履行第一责任人职责，定期听取工作汇报，及时研究解决重大问题，推动各项任务落地见效，" * 4
           + "审查文件3件。\n二、存在的不足\n执法力量不足。"]


def test_metric_rules_equal_the_plain_count_on_every_corpus(monkeypatch):
    from lawlint.checks import metric
    texts = TEXTS + _SPARSE
    for rule_id in ("content.data_density", "content.shortcomings_stock", "content.plan_slogans"):
        _compare(monkeypatch, metric, _plain_metric, rule_id, texts)
    monkeypatch.undo()
    assert lint(_SPARSE[0], select=["content.data_density"]).diagnostics      # (a finding compared)


def test_data_density_rules_out_a_dense_part_without_counting_its_han(monkeypatch):
    """A part whose figures reach the floor over all its characters is not reported whatever its
    Han count: the count is not made (count_han is asked only of parts that may be reported)."""
    from lawlint.checks import metric
    asked = []
    han = metric.count_han
    monkeypatch.setattr(metric, "count_han", lambda text: asked.append(len(text)) or han(text))
    lint(TEXTS[0], select=["content.data_density"])
    assert not asked
    lint(_SPARSE[0], select=["content.data_density"])
    assert asked


def test_share_rules_count_han_only_for_a_finding(monkeypatch):
    """content.shortcomings_stock and content.plan_slogans (share, no min_chars) count the Han
    characters only for the message of a finding; the findings are those of the plain count."""
    from lawlint.checks import metric
    asked = []
    han = metric.count_han
    monkeypatch.setattr(metric, "count_han", lambda text: asked.append(len(text)) or han(text))
    rules = ["content.shortcomings_stock", "content.plan_slogans"]
    good = ("2021年，我区扎实推进法治政府建设。\n一、主要举措和成效\n全年审查规范性文件12件。\n二、存在的不足\n"
            "一是行政复议纠错率偏高，被纠错案件8件。二是基层执法力量薄弱，12个乡镇中有5个没有持证执法人员。\n三、2022年工作安排\n"
            "2022年，我区将以习近平法治思想为指导。一是制定重大行政决策事项目录；二是完成乡镇综合执法人员轮训。")
    assert not lint(good, select=rules).diagnostics and not asked
    bad = ("2022年，我县扎实推进法治政府建设。\n二、存在的不足\n一是法治意识有待进一步加强。个别单位对法治政府建设重视不够。"
           "二是执法规范化水平有待提升。")
    found = lint(bad, select=rules).diagnostics
    assert [d.rule for d in found] == ["content.shortcomings_stock"] and len(asked) == 1
