"""The engine's contracts (issue 13): parts located once and looked up, one selector for rule
ids, one definition of whitespace, strict mode, placeholders checked at load."""
import time

import pytest

from helpers import SEEDS, lint, run_cli, write_pack
from lawlint import load_rules
from lawlint.sections import detect
from lawlint.errors import RuleError
from lawlint.rulepack.selectors import matches

GAP_REPORT = ("{ind}一、主要举措和成效\n{ind}全年审查规范性文件12件，办理行政复议案件30件，均在法定期限内办结。\n"
              "{ind}三、存在的不足\n{ind}执法力量不足，执法人员培训不系统，基层执法能力有待提升。\n")


# -- selectors -----------------------------------------------------------------------------------
@pytest.mark.parametrize("selector,rule_id,hit", [
    ("section.causes", "section.causes", True), ("section", "section.causes", True),
    ("section.*", "section.causes", True), ("*", "punct.halfwidth", True),
    ("sect", "section.causes", False), ("section.*", "sections.x", False),
    ("section.causes", "section.causes_x", False), ("punct.*", "section.causes", False)])
def test_selector_forms(selector, rule_id, hit):
    assert matches(rule_id, selector) is hit


def test_disable_file_with_wildcard_suppresses_and_is_not_unknown():
    """Regression (issue 13): `section.*` in a suppression comment suppressed nothing and was
    reported as naming an unknown rule."""
    text = "全年办理案件12件，审结10件。"
    plain = {d.rule for d in lint(text, year=2021, kind="md").diagnostics}
    assert {"section.causes", "section.plans"} <= plain
    found = lint("<!-- lawlint-disable-file section.* -->\n" + text, year=2021, kind="md").diagnostics
    assert not [d.rule for d in found if d.rule.startswith("section.")]
    assert not [d.message for d in found if d.rule == "lawlint.unused_suppression"]


def test_select_wildcard_in_cli_and_config(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("全年办理案件12件,审结10件。\n", encoding="utf-8")
    r = run_cli("check", "--format", "json", "--select", "section.*", report)
    assert r.returncode == 1, r.stderr.decode()
    import json
    rules = {d["rule"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]}
    assert rules and all(x.startswith("section.") for x in rules)
    (tmp_path / ".lawlint.yaml").write_text("ignore: ['section.*', 'punct.*']\n", encoding="utf-8")
    r = run_cli("check", "--format", "json", report)
    rules = {d["rule"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]}
    assert not [x for x in rules if x.startswith(("section.", "punct."))]
    assert run_cli("check", "--select", "nosuch.*", report).returncode == 2


# -- whitespace ----------------------------------------------------------------------------------
@pytest.mark.parametrize("indent", ["", "\u3000\u3000", "\u2002\u2002", "\u00a0\u00a0", "\u2003", "\u202f"])
def test_unicode_space_indent_keeps_structural_numbering_checks(indent):
    """Regression (issue 10 item 6): an indent of U+2002 made the numbering check think headings
    were found mid-line (a flattened page) and switched the tree checks off for the whole file."""
    from lawlint.loaders.source import Source
    from lawlint.numbering.check import flattened
    from lawlint.parse.document import parse
    text = GAP_REPORT.format(ind=indent)
    assert not flattened(parse(Source(text=text, path="<t>", kind="txt")))
    gaps = [d for d in lint(text, year=2021).diagnostics if d.rule == "numbering.gap"]
    assert len(gaps) == 1 and gaps[0].line == 3


def test_one_whitespace_definition():
    from lawlint import chars
    for ch in "\u2002\u3000\u00a0\u2003\u2009\u202f\u205f\u1680\t ":
        assert ch.isspace() and ch in chars.WHITESPACE and chars.is_blank(ch * 3)
    assert not chars.is_blank("一")


# -- parts ---------------------------------------------------------------------------------------
def test_parts_are_located_once_per_document(monkeypatch):
    calls = []
    real = detect.detect

    def counting(doc, rule, year, verdicts, rules=()):
        calls.append(rule.params["section"])
        return real(doc, rule, year, verdicts, rules)

    monkeypatch.setattr(detect, "detect", counting)
    r = lint((SEEDS / "2021-henan-xinyang-pingqiao.txt").read_text(encoding="utf-8"))
    assert sorted(calls) == sorted(set(calls)) and len(calls) == 9
    assert r.sections["measures"].status == "heading"


def test_parts_order_puts_dependencies_first():
    order = [r.bound(None).section for r in load_rules().section_rules]
    assert order.index("shortcomings") < order.index("causes")          # causes: scope shortcomings
    assert order.index("shortcomings") < order.index("plans")           # plans: lead_after
    assert order.index("plans") < order.index("measures")               # measures: not_within plans


def test_context_section_is_a_lookup():
    from lawlint.engine import Context
    ctx = Context(doc=None, rules=None)
    assert ctx.section("causes").status == "absent" and ctx.sections == {}


def test_part_dependency_cycle_is_a_rule_error(tmp_path):
    pack = write_pack(tmp_path / "cycle.yaml", {
        "id": "section.shortcomings", "check": "section", "category": "structure",
        "section": "shortcomings", "scope": "causes", "heading": ["不足"],
        "examples": {"bad": ["无"], "good": ["一、存在的不足\n执法力量不足。"]}})
    with pytest.raises(RuleError) as e:
        load_rules([pack])
    assert f"{pack}:2" in str(e.value) and "shortcomings → causes → shortcomings" in str(e.value) and "section.causes（" in str(e.value)
    r = run_cli("check", "--rules", pack, SEEDS / "2021-henan-xinyang-pingqiao.txt")
    err = r.stderr.decode()
    assert r.returncode == 2 and f"{pack}:2" in err and "成环" in err and "Traceback" not in err


# -- placeholders --------------------------------------------------------------------------------
@pytest.mark.parametrize("rule", [
    {"id": "my.pairs", "check": "pairs", "pairs": ["“”"], "message": "“{mark}”在{where}不配对"},
    {"id": "my.words", "check": "existence", "patterns": ["工作"], "message": "“{match}”见于{where}"},
    {"id": "my.gap", "check": "numbering", "aspect": "gap", "message": "{prev}之后是{token}",
     "variants": {"start": "第一个是{tokn}"}},
])
def test_unknown_placeholder_is_a_load_error(tmp_path, rule):
    """Regression (issue 13): a typo field crashed `pairs` with a KeyError ("report a lawlint
    bug") and was printed literally by `existence`; now the pack does not load."""
    rule = {**rule, "examples": {"bad": ["“工作"], "good": ["无"]}}
    pack = write_pack(tmp_path / "pack.yaml", rule)
    with pytest.raises(RuleError) as e:
        load_rules([pack])
    msg = str(e.value)
    assert "未知的占位符" in msg and str(pack) + ":" in msg
    line = int(msg.split(str(pack) + ":")[1].split(":")[0])
    bad = "{where}" if "where" in str(rule) else "{tokn}"
    assert bad in pack.read_text(encoding="utf-8").splitlines()[line - 1]
    r = run_cli("rules", "--rules", pack)
    assert r.returncode == 2 and "未知的占位符" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_known_placeholders_load(tmp_path):
    pack = write_pack(tmp_path / "pack.yaml", {
        "id": "my.pairs", "check": "pairs", "pairs": ["“”"], "message": "“{mark}”{problem}",
        "examples": {"bad": ["“工作"], "good": ["无"]}})
    assert load_rules([pack]).get("my.pairs") is not None


# -- strict mode ---------------------------------------------------------------------------------
def _break(monkeypatch, check_type):
    from lawlint import checks

    def boom(ctx, rule, p):
        raise ZeroDivisionError("mutant")
        yield

    monkeypatch.setattr(checks.get(check_type), "check", boom)


def test_strict_mode_raises_and_lenient_mode_reports(monkeypatch):
    from lawlint import engine
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    _break(monkeypatch, "existence")
    doc = parse(Source(text="全年办理案件12件。", path="<t>", kind="txt"), year=2021)
    with pytest.raises(ZeroDivisionError):
        engine.run(doc, load_rules(), strict=True)
    out = engine.run(doc, load_rules(), strict=False)
    assert any("运行出错" in d.message and "ZeroDivisionError" in d.message for d in out.diagnostics)


def test_the_suite_runs_strict():
    import os
    from lawlint.engine import strict_default
    assert os.environ.get("LAWLINT_STRICT") == "1" and strict_default()


def test_a_check_that_raises_fails_the_example_tests(monkeypatch):
    """The rule-example test ("bad must fire") passed for a check that crashed on every input,
    because the crash became a finding of the same rule. Under strict mode it fails."""
    import test_rule_examples as ex
    rule = next(r for r in ex.RULES if r.check == "existence")
    ex.test_bad_examples_fire(rule)                  # passes as written
    _break(monkeypatch, "existence")
    with pytest.raises(ZeroDivisionError):
        ex.test_bad_examples_fire(rule)
    with pytest.raises(ZeroDivisionError):
        ex.test_good_examples_pass(rule)


# -- lawlint rules --test ------------------------------------------------------------------------
def _words_pack(tmp_path, bad, good):
    return write_pack(tmp_path / "my.yaml", {
        "id": "my.words", "check": "existence", "patterns": ["成效显著"], "message": "避免“{match}”",
        "examples": {"bad": bad, "good": good}})


def test_rules_test_runs_a_user_pack(tmp_path):
    pack = _words_pack(tmp_path, ["工作成效显著。", {"text": "一、举措\n工作成效显著。", "at": "2:3"},
                                  {"text": "工作成效显著。", "at": 1}], ["办理案件12件。"])
    r = run_cli("rules", "--test", pack)
    out = r.stdout.decode()
    assert r.returncode == 0, out + r.stderr.decode()
    assert "my.words" in out and "4 条示例：全部通过" in out and "section." not in out


@pytest.mark.parametrize("bad,good,needle", [
    (["工作成效显著。"], ["工作成效显著。"], "正例不应报告"),
    (["办理案件12件。"], ["无"], "反例应当报告"),
    ([{"text": "一、举措\n工作成效显著。", "at": "2:4"}], ["无"], "应在第2行第4列报告，实际报告在 2:3"),
])
def test_rules_test_reports_failing_examples(tmp_path, bad, good, needle):
    r = run_cli("rules", "--test", _words_pack(tmp_path, bad, good))
    out = r.stdout.decode()
    assert r.returncode == 1 and needle in out and "✗ my.words" in out and "1 条未通过" in out


def test_rules_test_checks_the_fix(tmp_path):
    pack = write_pack(tmp_path / "fix.yaml", {
        "id": "my.term", "check": "substitution", "message": "“{term}”应为“{current}”",
        "terms": [{"match": ["法制政府"], "current": "法治政府", "replacement": "法治政府"}],
        "examples": {"bad": [{"text": "推进法制政府建设。", "fix": "推进法治政府建设。"}], "good": ["无"]}})
    assert run_cli("rules", "--test", pack).returncode == 0
    text = pack.read_text(encoding="utf-8").replace('"fix": "推进法治政府建设。"', '"fix": "推进法制政府建设。"')
    pack.write_text(text, encoding="utf-8")
    r = run_cli("rules", "--test", pack)
    assert r.returncode == 1 and "修正后应为" in r.stdout.decode()


def test_rules_test_bad_pack_exits_2(tmp_path):
    pack = tmp_path / "broken.yaml"
    pack.write_text("rules:\n  - id: my.rule\n    check: nosuch\n", encoding="utf-8")
    r = run_cli("rules", "--test", pack)
    assert r.returncode == 2 and str(pack) in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_rules_test_reports_a_crashing_check(monkeypatch, tmp_path):
    from lawlint.ruledocs.examples import run_rule
    _break(monkeypatch, "existence")
    pack = _words_pack(tmp_path, ["工作成效显著。"], ["无"])
    outcomes = run_rule(load_rules([pack]).get("my.words"), [pack])
    assert outcomes and all("检查运行出错" in o.problem and "ZeroDivisionError" in o.problem for o in outcomes)


def test_severity_override_by_selector():
    from lawlint.api import lint_text
    from lawlint.config import Config
    text = "全年办理案件12件,审结10件。"
    cfg = Config(select=["punct.halfwidth"], severity={"punct.*": "info"})
    assert {d.severity for d in lint_text(text, year=2021, config=cfg).diagnostics} == {"info"}
    cfg = Config(select=["punct.halfwidth"], severity={"punct": "info", "punct.halfwidth": "error"})
    assert {d.severity for d in lint_text(text, year=2021, config=cfg).diagnostics} == {"error"}


def test_severity_override_is_the_rules_not_rewritten_into_findings():
    """The configuration's severity is set on the rule when the rules are loaded for it: it wins
    over a severity a term entry gives itself, and the shared built-in rules keep theirs."""
    from lawlint.api import lint_text, ruleset_for
    from lawlint.config import Config
    text = "2024年，区政府共收到行政复议申请13件，维持具体行政行为3件。"
    plain = lint_text(text, year=2024, config=Config(select=["term.specific_act"])).diagnostics
    assert [d.severity for d in plain] == ["error"]                    # the entry's own severity
    cfg = Config(select=["term.specific_act"], severity={"term.*": "info"})
    assert [d.severity for d in lint_text(text, year=2024, config=cfg).diagnostics] == ["info"]
    assert ruleset_for(cfg).get("term.specific_act").severity == "info"
    assert ruleset_for(Config()).get("term.specific_act").severity == "info"       # as written
    assert ruleset_for(Config(severity={"term.specific_act": "error"})).get("term.specific_act").severity == "error"
    assert ruleset_for(Config()).get("term.misnomer").severity == "error"


@pytest.mark.slow          # hypothesis shrinks each failing property (≈20 s on a loaded machine)
def test_a_check_that_raises_fails_the_property_tests(monkeypatch):
    """The property tests promise "never raises"; with the crash turned into a finding they could
    not fail for a check. Under strict mode a mutant check makes them fail."""
    import test_properties as props
    _break(monkeypatch, "pairs")
    with pytest.raises(ZeroDivisionError):
        props.test_arbitrary_text()
    with pytest.raises(ZeroDivisionError):
        props.test_structured_reports()


# -- check-type contract -------------------------------------------------------------------------
def test_missing_required_parameter_and_bad_parameter_are_load_errors(tmp_path):
    pack = write_pack(tmp_path / "p.yaml", {"id": "my.words", "check": "existence",
                                           "examples": {"bad": ["x"], "good": ["y"]}})
    with pytest.raises(RuleError) as e:
        load_rules([pack])
    assert "缺少必填字段 patterns" in str(e.value) and f"{pack}:2" in str(e.value)
    pack = write_pack(tmp_path / "q.yaml", {"id": "my.words", "check": "existence", "patterns": ["x"],
                                           "once": "yes", "examples": {"bad": ["x"], "good": ["y"]}})
    with pytest.raises(RuleError) as e:
        load_rules([pack])
    assert "once" in str(e.value) and "布尔值" in str(e.value) and f"{pack}:" in str(e.value)


def test_declared_defaults_fill_parameters(tmp_path):
    pack = write_pack(tmp_path / "p.yaml", {"id": "my.words", "check": "existence", "patterns": ["x"],
                                           "examples": {"bad": ["x"], "good": ["y"]}})
    rule = load_rules([pack]).get("my.words")
    p = rule.bound(2021)                         # what the check reads
    assert p.scope == "document" and p.once is False and p.unless == []
    assert "scope" not in rule.params            # the rule as written
    from lawlint import checks
    for name in checks.names():                  # every default validates against its own schema
        import jsonschema
        for key, schema in checks.contract(name).properties.items():
            if "default" in schema:
                jsonschema.validate(schema["default"], {k: v for k, v in schema.items() if k != "default"})



def _section_pack(tmp_path, **params):
    return write_pack(tmp_path / "s.yaml", {
        "id": "my.causes", "check": "section", "category": "structure", "section": "causes",
        "heading": ["原因"], **params,
        "examples": {"bad": ["无"], "good": ["一、存在问题的原因\n究其原因，一是认识不到位。"]}})


def test_part_dependencies_are_read_through_the_section_spec(tmp_path):
    """sections.order reads scope / not_within / lead_after bound by the spec: a rule that names none
    depends on nothing (the defaults ``document`` and ``[]`` are the spec's, not the order's)."""
    from lawlint.sections.order import dependencies
    bare = load_rules([_section_pack(tmp_path)]).get("my.causes")
    assert dependencies(bare) == [] and "scope" not in bare.params
    named = load_rules([_section_pack(tmp_path, scope="shortcomings", not_within=["plans", "shortcomings"],
                                      lead_after="measures")]).get("my.causes")
    assert dependencies(named) == ["shortcomings", "plans", "measures"]


def test_causal_defaults_are_declared_in_the_section_spec(tmp_path):
    """causal.py holds no defaults: a causal block that gives only its required frames and
    predicates reads the spec's weak_min, restate and empty lists; leaving out a required one is
    a load error naming it."""
    rule = load_rules([_section_pack(tmp_path, causal={"frames": ["原因"], "predicates": ["不到位"]})]).get("my.causes")
    c = rule.bound(2021).causal
    assert (c.weak_min, c.restate, c.weak_frames, c.deficits, c.outcomes) == (2, 0.6, [], [], [])
    assert [rx.pattern for rx in c.frames] == ["原因"]
    from lawlint.sections import causal
    assert causal.analysis("究其原因，主要是思想认识不到位。", c, []) is not None
    assert causal.analysis("执法人员认识不到位。", c, []) is None           # a cause without a frame
    with pytest.raises(RuleError) as e:
        load_rules([_section_pack(tmp_path, causal={"frames": ["原因"]})])
    assert "predicates" in str(e.value)


def _busy(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_the_time_limit_counts_from_the_start_of_each_rule():
    """One timer per report: time between rules does not count against the next rule, a rule that
    starts late still gets its whole limit, and a rule that runs past it is stopped."""
    from lawlint import timelimit
    with timelimit.watch(0.3) as w:
        _busy(0.4)                       # between rules: the timer fires and is set again
        w.arm()
        _busy(0.15)                      # shorter than the limit: not stopped
        w.disarm()
        w.arm()
        with pytest.raises(timelimit.RuleTimeout):
            _busy(5)
        w.disarm()
        _busy(0.4)                       # disarmed: nothing is raised
        w.arm()                          # a rule after one that was stopped is stopped too (a slow
        with pytest.raises(timelimit.RuleTimeout):      # segmenter load once used up the only timer)
            _busy(5)
        w.disarm()
