"""The check-type contract (lawlint/checks/spec.py): a default is declared with every parameter,
regex parameters compile once (once per report year where they may use {year}), and a check
reads a frozen namespace."""
import pytest

from lawlint.checks.record import FrozenRecordError
from lawlint.checks.spec import REQUIRED, CheckSpec, Param, Table, patterns
from lawlint.rulepack.regexcache import LazyPattern

LIST = {"type": "array", "items": {"type": "string"}}


def _spec(**extra):
    return CheckSpec({
        "patterns": Param(LIST, REQUIRED, "要找的", regex=True, year=True),
        "unless": Param(LIST, [], "例外", regex=True),
        "scope": Param({"type": "string"}, "body"),
        "lead": Param({"type": "integer"}, None, "前几句"),
    }, fields=("match",), **extra)


def test_a_parameter_cannot_be_declared_without_its_default():
    with pytest.raises(TypeError):
        Param({"type": "string"})                       # noqa - the point: no default given
    with pytest.raises(TypeError):
        Param({"type": "string"}, "", year=True)        # {year} is for regexes


def test_defaults_fill_what_the_rule_leaves_out_and_the_schema_shows_them():
    spec = _spec()
    p = spec.binder({"patterns": ["甲"]})(2021)
    assert p.scope == "body" and p.unless == [] and p.lead is None
    assert spec.required == ("patterns",)
    props = spec.properties
    assert props["scope"]["default"] == "body" and props["unless"]["default"] == []
    assert "default" not in props["lead"] and "default" not in props["patterns"]
    assert props["patterns"]["description"] == "要找的"


def test_the_namespace_is_frozen_and_has_only_the_declared_names():
    p = _spec().binder({"patterns": ["甲"]})(None)
    with pytest.raises(FrozenRecordError):
        p.scope = "title"
    with pytest.raises(FrozenRecordError):
        del p.scope
    with pytest.raises(AttributeError):
        p.other                                          # noqa: B018
    assert not hasattr(p, "__dict__")                    # slots


def test_defaults_are_not_shared_between_rules():
    spec = _spec()
    a, b = spec.binder({"patterns": ["甲"]})(None), spec.binder({"patterns": ["乙"]})(None)
    assert a.unless == b.unless and a.unless is not b.unless


def test_year_patterns_are_bound_per_year_once_and_others_once():
    at = _spec().binder({"patterns": ["{year}年度", "全年"], "unless": ["{year}"]})
    p21, p22 = at(2021), at(2022)
    assert [rx.pattern for rx in p21.patterns] == ["2021年度", "全年"]
    assert p22.patterns[0].pattern == "2022年度"
    assert at(2021) is p21                               # memoised per year
    assert p21.unless is p22.unless                      # not templated: bound once
    assert all(isinstance(rx, LazyPattern) for rx in p21.patterns)
    assert at(None).patterns[0].pattern.startswith("(?:19|20)")


def test_a_year_placeholder_in_a_parameter_that_is_not_filled_is_an_error():
    spec = _spec()
    spec.check_raw({"patterns": ["{year}年"]})
    with pytest.raises(ValueError, match="unless.*year"):
        spec.check_raw({"patterns": ["x"], "unless": ["{year}年"]})


def test_named_groups_are_checked():
    spec = CheckSpec({"total": Param({"type": "string"}, REQUIRED, regex=True, groups=("n", "unit"))})
    spec.binder({"total": r"(?P<n>\d+)(?P<unit>件)"})
    with pytest.raises(ValueError, match="n、unit"):
        spec.binder({"total": r"(?P<n>\d+)件"})


def test_requires_any():
    spec = CheckSpec({"min": Param({"type": "number"}, None), "max": Param({"type": "number"}, None)},
                     requires_any=("min", "max"))
    spec.check_raw({"max": 3})
    with pytest.raises(ValueError, match="min、max"):
        spec.check_raw({})


def test_tables_bind_their_entries_and_derived_values_are_computed_once():
    spec = CheckSpec({
        "terms": Table({"match": Param(LIST, REQUIRED, regex=True, year=True),
                        "current": Param({"type": "string"}, ""),
                        "quoted": Param({"type": "boolean"}, False)}, REQUIRED, min_items=1),
    }, derived={"count": lambda v: len(v["terms"])})
    props = spec.properties["terms"]
    assert props["items"]["required"] == ["match"] and props["minItems"] == 1
    p = spec.binder({"terms": [{"match": ["{prev_year}年"], "current": "新"}, {"match": ["旧"]}]})(2021)
    assert p.count == 2
    first, second = p.terms
    assert first.match[0].pattern == "2020年" and first.current == "新" and second.current == ""
    assert second.quoted is False
    assert sorted(rx.pattern for rx in patterns(p)) == ["2020年", "旧"]
    spec.check_raw({"terms": [{"match": ["{year}"]}]})  # a templated field may use it


# -- through the loader ---------------------------------------------------------------------------
def _load(tmp_path, rule):
    from helpers import write_pack

    from lawlint.rulepack.ruleset import load_rules
    return load_rules([write_pack(tmp_path / "p.yaml", {**rule, "examples": {"bad": ["x"], "good": ["y"]}})],
                      include_builtin=False)


def test_loader_rejects_a_year_placeholder_where_the_check_does_not_fill_it(tmp_path):
    from lawlint.errors import RuleError
    with pytest.raises(RuleError) as e:
        _load(tmp_path, {"id": "my.title", "check": "citation",
                         "titles": [{"match": "纲要{year}", "canonical": "纲要"}]})
    assert "titles[0].match" in str(e.value) and "{year}" in str(e.value) and "p.yaml" in str(e.value)
    rules = _load(tmp_path, {"id": "my.words", "check": "existence", "patterns": ["{year}年度"]})
    assert rules.get("my.words").bound(2023).patterns[0].pattern == "2023年度"


def test_loader_rejects_a_pattern_without_its_declared_groups(tmp_path):
    from lawlint.errors import RuleError
    with pytest.raises(RuleError) as e:
        _load(tmp_path, {"id": "my.list", "check": "enumeration", "marker": "[一二三]是",
                         "separators": {"；": "分号"}})
    assert "marker" in str(e.value) and "num" in str(e.value)


def test_every_check_type_declares_a_default_for_every_parameter():
    from lawlint import checks
    for name in checks.names():
        spec = checks.contract(name)
        for key, param in spec.params.items():
            assert param.required or param.default is None or "default" in param.json(), (name, key)
        if spec.requires_any:
            assert set(spec.requires_any) <= set(spec.params)


def test_a_pattern_without_prefilter_is_compiled_at_bind():
    import re
    spec = CheckSpec({"marker": Param({"type": "string"}, REQUIRED, regex=True, prefilter=False)})
    p = spec.binder({"marker": "一是"})(None)
    assert isinstance(p.marker, re.Pattern) and list(patterns(p)) == [p.marker]
    with pytest.raises(re.error):
        spec.binder({"marker": "("})


def test_a_record_takes_exactly_its_fields_and_shows_them():
    from lawlint.checks.record import record
    entry = record("Entry", ("a", "b"))
    e = entry(a=1, b=[2])
    assert (e.a, e.b) == (1, [2]) and repr(e) == "Entry(a=1, b=[2])"
    with pytest.raises(TypeError):
        entry(a=1)
    with pytest.raises(TypeError):
        entry(a=1, b=2, c=3)
    nested = entry(a=LazyPattern("甲"), b=(entry(a=None, b=[LazyPattern("乙")]),))
    assert [p.pattern for p in patterns(nested)] == ["甲", "乙"]      # patterns() walks records
