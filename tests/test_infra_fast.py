"""The shared machinery's fast paths (issue 26, row c) give what the plain way gives, and are taken:

- the engine takes a generator's findings up to the limit itself and calls overflow only past it;
- the engine's rule loop notes each rule's start for the time limit without timer.arm/disarm;
- LazyPattern.may_occur_in keeps the table's literals on the pattern, asked once per pattern;
- template.fill_map reads the fields' dict as it is; Source.line_starts and position use C loops;
- lawlint.plain fills a class's fields with two dict updates instead of a setattr per field.
"""
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from lawlint import engine, timelimit
from lawlint.api import lint_text, ruleset_for
from lawlint.checks import overflow
from lawlint.checks.spec import patterns
from lawlint.config import Config
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse.document import parse
from lawlint.rulepack import regexcache
from lawlint.rulepack.literals import absent

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted([*ROOT.glob("seeds/*.txt"), *(ROOT / "tests" / "corpus").glob("*/*.txt")])
RULES = ruleset_for(Config())


# -- the engine's generator path -------------------------------------------------------------------

def _ctx(limit):
    doc = parse(Source(text=(ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")))
    return engine.Context(doc=doc, rules=RULES, year=doc.year, options={"max_findings_per_rule": limit})


@pytest.mark.parametrize("limit", [0, 1, 3, 10])
@pytest.mark.parametrize("kind", [list, tuple, iter])
def test_a_generator_s_findings_are_collected_as_overflow_collects_them(monkeypatch, limit, kind):
    rule = next(r for r in RULES if r.check == "existence")
    ctx = _ctx(limit)
    for n in (0, 1, 2, 3, 4, 9, 10, 11, 30):
        made = [ctx.diagnostic(rule, i, i + 1, weight=0.5 if i % 3 else None) for i in range(n)]

        class Fake:
            @staticmethod
            def check(ctx, rule, p):
                return kind(made) if kind is not iter else (d for d in made)
        monkeypatch.setattr(engine.checks, "get", lambda name: Fake)
        out, plain = [], []
        engine._checker(ctx)(rule, out)
        overflow.collect(Fake.check(ctx, rule, None), rule, limit, plain, lambda d: False)
        assert [vars_of(d) for d in out] == [vars_of(d) for d in plain], (n, limit)


def vars_of(d):
    return tuple(getattr(d, k) for k in ("rule", "start", "end", "message", "weight", "folded", "fixable"))


def test_a_generator_within_the_limit_never_reaches_overflow(monkeypatch):
    """Fails if the engine's generator path stops being taken: within the limit neither
    overflow.collect nor overflow.fold is called; past it, fold alone."""
    rule = next(r for r in RULES if r.check == "existence")
    ctx = _ctx(3)
    calls = []
    monkeypatch.setattr(overflow, "collect", lambda *a: calls.append("collect"))
    real_fold = overflow.fold
    monkeypatch.setattr(overflow, "fold", lambda *a: calls.append("fold") or real_fold(*a))
    made = [ctx.diagnostic(rule, i, i + 1) for i in range(5)]
    for n, want in ((0, []), (2, []), (3, ["fold"]), (5, ["fold"])):

        class Fake:
            @staticmethod
            def check(ctx, rule, p):
                return (d for d in made[:n])
        monkeypatch.setattr(engine.checks, "get", lambda name: Fake)
        calls.clear()
        out = []
        engine._checker(ctx)(rule, out)
        assert calls == want and len(out) == min(n, 3) + (n > 3)


def test_the_rule_loop_keeps_the_time_limit(monkeypatch):
    """The rule loop notes each rule's start itself (timer.arm/disarm written out): a rule that runs
    past the limit is stopped with a finding, the next rule starts its own limit."""
    ctx = _ctx(10)
    rules = [r for r in RULES if r.check == "existence"][:3]
    seen = []

    def check(rule, out):
        seen.append(rule.id)
        if rule is rules[1]:
            end = time.monotonic() + 5
            while time.monotonic() < end:
                pass
        else:
            time.sleep(0.3)
    out = []
    with timelimit.watch(0.5) as timer:
        engine._run_rules(ctx, rules, timer, check, out, True)
        assert timer.started is None
    assert seen == [r.id for r in rules]
    assert [d.rule for d in out] == [rules[1].id] and "0.5" in out[0].message


# -- LazyPattern.may_occur_in ------------------------------------------------------------------

def _lazy():
    seen, out = set(), []
    for rule in RULES:
        for year in (None, 2019, 2023):
            for v in patterns(rule.bound(year)):
                if isinstance(v, regexcache.LazyPattern) and v.pattern not in seen:
                    seen.add(v.pattern)
                    out.append(v)
    return out


LAZY = _lazy()


def _plain_may_occur(rx, text):
    needed = regexcache.required_literals(rx.pattern)
    return needed is None or not absent(needed, text, 0, len(text))


def test_may_occur_in_equals_the_table_s_answer_on_every_corpus():
    texts = [normalise(p.read_text(encoding="utf-8"))[0] for p in CORPUS]
    fresh = [regexcache.LazyPattern(rx.pattern) for rx in LAZY]      # not compiled yet, then compiled
    for rx in LAZY + fresh:
        for text in texts:
            assert rx.may_occur_in(text) == _plain_may_occur(rx, text), rx.pattern


LITERAL_CHARS = "".join(sorted({c for rx in LAZY for s in regexcache.required_literals(rx.pattern) or () for c in s}))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=LITERAL_CHARS + "。，\n1a", max_size=12), st.sampled_from(range(len(LAZY))))
def test_may_occur_in_equals_the_table_s_answer_on_short_texts(text, i):
    fresh = regexcache.LazyPattern(LAZY[i].pattern)
    assert fresh.may_occur_in(text) == _plain_may_occur(fresh, text) == LAZY[i].may_occur_in(text)


def test_may_occur_in_asks_the_table_once_per_pattern(monkeypatch):
    """Fails if the literals stop being kept on the pattern: the second report's questions
    never reach regexcache.required_literals."""
    rx = next(rx for rx in LAZY if regexcache.required_literals(rx.pattern))
    fresh = regexcache.LazyPattern(rx.pattern)
    assert fresh.may_occur_in("无关的文字") is False and "_rx" not in fresh.__dict__

    def asked(*a, **k):
        raise AssertionError("asked the table again")
    monkeypatch.setattr(regexcache, "required_literals", asked)
    assert fresh.may_occur_in("另一份报告") is False


# -- filling a message, placing a finding ------------------------------------------------------

from lawlint.rulepack import template  # noqa: E402
from lawlint.loaders import source as source_mod  # noqa: E402

NAMES = st.sampled_from(["match", "year", "fixed", "x"])
VALUES = st.one_of(st.text(max_size=4), st.integers(-3, 3000), st.sampled_from([1.0, 0.5, True, None]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet="ab中，{}", max_size=4), NAMES.map(lambda n: "{" + n + "}")), max_size=6),
       st.dictionaries(NAMES, VALUES, max_size=4))
def test_fill_map_equals_filling_through_keep(parts, fields):
    text = "".join(parts)
    try:
        want = text if "{" not in text and "}" not in text else text.format_map(template._Keep(fields))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        with pytest.raises(type(e)):
            template.fill_map(text, fields)
        return
    assert template.fill_map(text, fields) == want == template.fill(text, **fields)


def test_every_rule_message_fills_without_keep(monkeypatch):
    """Fails if filling silently goes the slow way: a rule's message and suggestion, given every
    field its check declares, are filled from the dict as it is (no _Keep made)."""
    from lawlint import checks

    class NoKeep(dict):
        def __init__(self, *a):
            raise AssertionError("filled through _Keep")
    monkeypatch.setattr(template, "_Keep", NoKeep)
    for rule in RULES:
        fields = {k: "值" for k in checks.contract(rule.check).fields}
        template.fill_map(rule.message, fields)
        template.fill_map(rule.suggestion or "", fields)
    with pytest.raises(AssertionError):
        template.fill_map("{missing}", {})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a中\n", max_size=30), st.lists(st.integers(-5, 40), max_size=8))
def test_line_starts_and_position_equal_the_regex_way(text, offsets):
    import bisect
    import re
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    assert source_mod.line_starts(text) == starts
    src = Source(text=text)
    for offset in offsets:
        o = max(0, min(offset, len(text)))
        i = bisect.bisect_right(starts, o) - 1
        assert src.position(offset) == (i + 1, o - starts[i] + 1)


def test_line_starts_on_every_corpus():
    import re
    for path in CORPUS:
        text = normalise(path.read_text(encoding="utf-8"))[0]
        assert source_mod.line_starts(text) == [0] + [m.end() for m in re.finditer("\n", text)]


# -- plain's __init__ by dict ------------------------------------------------------------------

from lawlint import plain  # noqa: E402


def _classes():
    import sys
    out = []
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("lawlint"):
            for cls in vars(mod).values():
                if isinstance(cls, type) and "__plain_fields__" in cls.__dict__ and cls not in out:
                    out.append(cls)
    return out


def test_the_classes_built_per_report_fill_their_fields_by_dict():
    """Fails if the dict way silently stops being taken for what a report builds."""
    lint_text("关于2023年法治政府建设情况的报告\n\n一、主要工作\n\n我局推进依法行政。\n")
    names = {c.__qualname__: c for c in _classes()}
    for name in ("SectionVerdict", "Config", "FileResult", "Context", "Document", "Source", "RunOutput"):
        assert hasattr(names[name].__init__, "generic"), name


def test_every_init_by_dict_sets_what_the_generic_one_sets(monkeypatch):
    """Every instance the seeds' runs build, built again field by field: the same fields in the
    same order, each the same object when given, of the same type when a default or factory."""
    calls = []
    for cls in _classes():
        init = cls.__dict__.get("__init__")
        if hasattr(init, "generic"):
            def spy(self, *a, _init=init, _cls=cls, **k):
                _init(self, *a, **k)
                calls.append((_cls, _init.generic, a, k, list(vars(self).items())))
            monkeypatch.setattr(cls, "__init__", spy)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lint_text(path.read_text(encoding="utf-8"))
    monkeypatch.undo()
    assert len({c[0] for c in calls}) >= 6
    for cls, generic, a, k, got in calls:
        other = object.__new__(cls)
        generic(other, *a, **k)
        want = list(vars(other).items())
        given = {id(v) for v in [*a, *k.values()]}
        assert [n for n, _ in got] == [n for n, _ in want], cls
        for (n, v), (_, w) in zip(got, want):
            assert (v is w) if id(v) in given or id(w) in given else type(v) is type(w), (cls, n)


@pytest.mark.parametrize("params", [{}, {"frozen": True}, {"eq": False}, {"frozen": True, "eq": False}])
def test_init_by_dict_equals_generic_on_every_call_shape(params):
    @plain.dataclass(**params)
    class P:
        x: int
        y: str = "a"
        tags: list = plain.field(default_factory=list)
        hidden: object = plain.field(default=None, repr=False)
        memo: dict = plain.field(default_factory=dict, init=False)
        late: int = plain.field(default=3, init=False)
    init = P.__init__
    assert hasattr(init, "generic")
    shapes = [((1,), {}), ((1, "b"), {"tags": [1]}), ((), {"x": 2, "hidden": 5}), ((1, "b", [2], 4), {}),
              ((), {"y": "z", "x": 0}), ((1,), {"x": 2}), ((1, 2, 3, 4, 5), {}), ((), {"y": "q"}),
              ((), {"memo": {}}), ((1,), {"nope": 1})]
    for a, k in shapes:
        got, want = object.__new__(P), object.__new__(P)
        try:
            init.generic(want, *a, **k)
        except TypeError as e:
            with pytest.raises(TypeError, match=str(e).replace("(", r"\(").replace(")", r"\)")):
                init(got, *a, **k)
            continue
        init(got, *a, **k)
        assert list(vars(got).items()) == list(vars(want).items()) and vars(got) is not None


def test_init_by_dict_is_not_used_where_a_field_cannot_be_put_in_the_dict():
    @plain.dataclass(slots=True)
    class S:
        x: int

    @plain.dataclass
    class W:
        x: int

        def __setattr__(self, name, value):
            object.__setattr__(self, name, value * 2)
    @plain.dataclass
    class O:
        __slots__ = ("x",)
        x: int
    assert not hasattr(S.__init__, "generic") and not hasattr(W.__init__, "generic") and W(2).x == 4
    assert not hasattr(O.__init__, "generic") and O(3).x == 3


def test_a_signal_handled_after_the_watch_ended_sets_no_timer():
    """The timer's signal can reach its Python handler after the watch stopped the timer (a signal
    that came during __exit__): the handler must not set the timer again, or the process would be
    killed by SIGALRM once the default action is back (seen under valgrind, ten seconds after a
    run's end)."""
    import _signal
    with timelimit.watch(5) as w:
        pass
    w.fired(_signal.SIGALRM, None)
    assert _signal.getitimer(_signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_empty_generator_is_settled_by_one_next(monkeypatch):
    """Fails if the engine's empty-generator shortcut stops being taken: no islice is made for a
    check that yields nothing (most, on most reports)."""
    rule = next(r for r in RULES if r.check == "existence")
    ctx = _ctx(3)

    class Fake:
        @staticmethod
        def check(ctx, rule, p):
            return (d for d in ())
    monkeypatch.setattr(engine.checks, "get", lambda name: Fake)

    def no_islice(*a):
        raise AssertionError("islice made for an empty generator")
    monkeypatch.setattr(engine, "islice", no_islice)
    out = []
    engine._checker(ctx)(rule, out)
    assert out == []


def test_a_finding_is_placed_by_the_position_the_context_took_once():
    ctx = _ctx(3)
    rule = next(r for r in RULES if r.check == "existence")
    assert ctx._position is not None
    text = ctx.doc.text
    for start in (0, 7, len(text) // 2, len(text) - 1, len(text)):
        for end in (start, start + 1, start + 40):
            d = ctx.diagnostic(rule, start, end)
            assert (d.line, d.column) == ctx.doc.source.position(start)
            assert (d.end_line, d.end_column) == ctx.doc.source.position(end)
