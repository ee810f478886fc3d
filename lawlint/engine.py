"""Run a RuleSet over one Document: locate the sections, run the checks, apply suppressions.

The pipeline is one-way: load → parse (``parse.document``) → locate sections (``sections``) → check
(``checks``, which only read the Context) → score → report. Nothing below this module imports it.

Strict mode (``LAWLINT_STRICT=1``, or ``run(..., strict=True)``; the test suite runs in it): a check
that raises propagates its exception instead of becoming a finding, so a crashing check fails
every test that runs it.
"""
from __future__ import annotations

import os
from itertools import islice
from operator import attrgetter
from .plain import dataclass, field

from . import checks, timelimit
from .checks import hints, overflow
from .sections import stage
from .parse import directives
from .result import Diagnostic, SectionVerdict, spans_to_diagnostics
from .rulepack.selectors import any_match
from .rulepack.template import fill_map


def strict_default() -> bool:
    return os.environ.get("LAWLINT_STRICT", "") not in ("", "0")


@dataclass
class Context:
    """What a check sees: the document, its report year, the rule set, the located parts and a
    shared cache. Checks read it; they never call each other."""

    doc: object
    rules: object
    year: int | None = None
    sections: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    rules_run: tuple = ()
    directives: list = field(default_factory=list)
    partial: object = None          # a lawlint.sections.stage.Partial when the text is not a whole report

    def section(self, section_id: str) -> SectionVerdict:
        """The located part (absent when no rule describes it)."""
        return self.sections.get(section_id) or SectionVerdict()

    def __post_init__(self):
        # What every finding reads, looked up once per report (a report has hundreds of findings).
        script = getattr(self.doc, "script", None)
        self._script = script if script is not None and script.converted else None
        self._text = getattr(self.doc, "text", "")      # (a Context may be made without a document)
        self._position = getattr(self.doc, "position", None)

    def diagnostic(self, rule, start: int, end: int | None = None, *, message: str | None = None,
                   suggestion: str | None = None, severity: str | None = None,
                   replacement: str | None = None, weight: float | None = None,
                   fields: dict | None = None) -> Diagnostic:
        """A finding of ``rule`` over [start, end). ``fields`` fill the {placeholders} of the
        message and of the suggestion alike (the loader has checked that the rule's message names
        only fields its check fills)."""
        end = start if end is None else end
        script = self._script
        if script is not None:     # a Traditional report: quote its own text
            fields = {k: script.quote(v, start, end) if isinstance(v, str) else v
                      for k, v in fields.items()} if fields else fields
            replacement = None if replacement is None else script.restore(replacement, start, end)
        message = message or rule.message
        suggestion = rule.suggestion if suggestion is None else suggestion
        if fields:
            message, suggestion = _filled(message, suggestion, fields)
        position = self._position or self.doc.position
        line, col = position(start)
        text = self._text
        if end <= start:
            end_line, end_col = line, col
        elif end <= len(text) and text.find("\n", start, end) == -1:   # one line
            end_line, end_col = line, col + end - start
        else:
            end_line, end_col = position(end)
        # positional, in Diagnostic's field order (built hundreds of times per report)
        if severity is None or rule.severity_set:     # a severity the configuration set wins
            severity = rule.severity
        return Diagnostic(rule.id, severity, rule.category, line, col, end_line,
                          end_col, message, suggestion, rule.basis, replacement is not None, start,
                          end, replacement, weight)

    def diagnostics(self, rule, items) -> list:
        """``diagnostic(rule, start, end, fields=…, replacement=…, weight=…)`` for each
        (start, end, fields, replacement, weight) of ``items``, built in one go: a systemic rule
        (half-width marks) makes hundreds per report, and the message of each distinct ``fields``
        object is filled once."""
        if self._script is not None:        # a Traditional report quotes its own text per finding
            return [self.diagnostic(rule, s, e, fields=f, replacement=r, weight=w)
                    for s, e, f, r, w in items]
        source = getattr(self.doc, "source", None)
        return spans_to_diagnostics(rule, items, self.doc.position, getattr(source, "line_start", None),
                                    getattr(source, "line_count", 0), self._text, _filled)


_FILLED: dict = {}


def _filled(message: str, suggestion: str, fields: dict) -> tuple[str, str]:
    """The message and suggestion with ``fields`` filled, remembered: a report repeats the same
    finding (the same half-width mark) hundreds of times."""
    for v in fields.values():
        if type(v) is not str:              # 1, 1.0 and True are one key but print differently
            return fill_map(message, fields), fill_map(suggestion, fields)
    key = (message, suggestion, *fields.items())
    got = _FILLED.get(key)
    if got is None:
        if len(_FILLED) > 4096:
            _FILLED.clear()
        got = _FILLED[key] = (fill_map(message, fields), fill_map(suggestion, fields))
    return got


@dataclass
class RunOutput:
    diagnostics: list
    sections: dict
    rules_run: tuple
    directives: list
    partial: object = None


def run(doc, ruleset, *, year=None, select=None, ignore=None, options=None,
        strict=None) -> RunOutput:
    """Locate every part; run every active rule; apply inline suppressions; then the rules that
    judge the run itself (check types of phase ``post``, e.g. unused suppressions) see the
    final findings."""
    strict = strict_default() if strict is None else strict
    ctx = Context(doc=doc, rules=ruleset, year=year if year is not None else doc.year,
                  options=options or {})
    first, post, rules_run, known_ids = _plan(ruleset, select, ignore, ctx.year)
    diagnostics: list[Diagnostic] = []
    with timelimit.watch(ctx.options.get("rule_time_limit")) as timer:
        # Every part gets a verdict, even when its rule was not selected (other rules and the
        # output read them); a detector that fails reports against its rule. Whether the text is
        # whole is decided there too, by the active truncation rule: the verdicts are final.
        truncation = next((r for r in first if r.check == "truncation"), None)
        ctx.sections, ctx.partial = stage.locate(
            doc, ruleset, ctx.year, truncation,
            run=lambda rule, fn: _guarded(ctx, rule, timer, fn, diagnostics, strict))
        ctx.directives = directives.parse(doc.text, known_ids=known_ids)
        check = _checker(ctx)
        _run_rules(ctx, first, timer, check, diagnostics, strict)
        ctx.rules_run = rules_run
        diagnostics = directives.apply(ctx.directives, diagnostics)
        diagnostics = directives.apply_spans(doc.meta.get("ignore_spans"), diagnostics)   # Word 「忽略」
        diagnostics = hints.fold(diagnostics, ruleset)
        _run_rules(ctx, post, timer, check, diagnostics, strict)
    diagnostics.sort(key=_ORDER)
    return RunOutput(diagnostics, ctx.sections, ctx.rules_run, ctx.directives, ctx.partial)


_ORDER = attrgetter("line", "column", "rule")    # (d.line, d.column, d.rule), without a lambda call per finding


def _plan(ruleset, select, ignore, year) -> tuple:
    """The rules a run checks (before and after suppressions), the ids of those that run, and every
    known id: the same for every report of one year under one selection, so worked out once."""
    plans = ruleset.engine_plans
    key = (tuple(select or ()), tuple(ignore or ()), year)
    got = plans.get(key)
    if got is None:
        active = [r for r in ruleset if _active(r, select, ignore) and r.applies_to_year(year)]
        post = [r for r in active if checks.contract(r.check).phase == "post"]
        first = [r for r in active if all(r is not q for q in post)]  # identity: Rule.__eq__ compares every field
        got = plans[key] = (first, post, tuple(r.id for r in active), [r.id for r in ruleset])
    return got


def _checker(ctx):
    """``check(rule, out)``: run one rule (its parameters bound for the report year) and collect its
    findings into ``out`` (those so far stay if it raises; past max_findings_per_rule the rest are
    counted into one finding, lawlint.checks.overflow). What is the same for every rule of a report
    (the limit, the suppressions, each check type's function) is looked up once: a report runs
    about a hundred rules."""
    limit = ctx.options.get("max_findings_per_rule", overflow.DEFAULT_LIMIT)
    spans = ctx.doc.meta.get("ignore_spans")
    year = ctx.year
    get = checks.get
    collect, fold = overflow.collect, overflow.fold
    covered, covered_by_span = directives.covered, directives.covered_by_span
    functions: dict = {}        # check type -> its check function

    def suppressed(d):
        return covered(ctx.directives, d) or covered_by_span(spans, d)

    def check(rule, out):
        fn = functions.get(rule.check) or functions.setdefault(rule.check, get(rule.check).check)
        found = fn(ctx, rule, rule.bound(year))
        if type(found) is list:
            if len(found) <= limit:             # (collect's first case, without the call)
                return out.extend(found)
        elif limit:                             # a generator: its first ``limit`` findings taken
            found = iter(found)                 # here (most have none), and collect called only
            first = next(found, _END)           # when it has more
            if first is _END:
                return None
            n = len(out)
            out.append(first)
            out.extend(islice(found, limit - 1))
            if len(out) - n < limit:
                return None
            return fold(found, rule, limit, out, suppressed)
        collect(found, rule, limit, out, suppressed)

    return check


_END = object()


def _run_rules(ctx, rules, timer, check, out: list, strict: bool) -> None:
    """``_guarded(ctx, rule, timer, check, out, strict, rule, out)`` for each rule, written out (the
    timer's arm and disarm too)."""
    monotonic = timelimit.monotonic if timer.seconds else None    # what timer.arm()/disarm() do,
    for rule in rules:                                              # without two calls per rule
        try:
            if monotonic is not None:
                timer.started = monotonic()
            try:
                check(rule, out)
            finally:
                timer.started = None
        except timelimit.RuleTimeout:
            out.append(_timed_out(ctx, rule, timer))
        except Exception as e:  # noqa: BLE001 - reported as a finding, never swallowed
            if strict:
                raise
            out.append(_crashed(ctx, rule, e))


def _guarded(ctx, rule, timer, fn, out: list, strict: bool, *args):
    """Run ``fn(*args)`` for ``rule`` and return its result; a failure's finding goes to ``out``. A rule
    that crashes on some input, or runs past the time limit (a pathological pattern in a user's
    pack), must not take the whole run down: one error says the rule failed. In strict mode a
    crash propagates (a time-out is still a finding: it is the user's pattern, not a bug)."""
    try:
        timer.arm()
        try:
            result = fn(*args)
        finally:
            timer.disarm()
    except timelimit.RuleTimeout:
        out.append(_timed_out(ctx, rule, timer))
        return None
    except Exception as e:  # noqa: BLE001 - reported as a finding, never swallowed
        if strict:
            raise
        out.append(_crashed(ctx, rule, e))
        return None
    return result


def _timed_out(ctx, rule, timer) -> Diagnostic:
    seconds = timer.seconds
    where = f"（{rule.file}:{rule.line}）" if rule.file and rule.line else ""
    return ctx.diagnostic(rule, 0, 0, severity="error", weight=0, suggestion="",
                          message=f"规则 {rule.id}{where} 在本报告上运行超过 {seconds:g} 秒，已中止，"
                                  "结果不完整；多半是规则中的正则会灾难性回溯，请改写该正则"
                                  "（配置项 rule_time_limit 可调整时限）")


def _crashed(ctx, rule, e) -> Diagnostic:
    return ctx.diagnostic(rule, 0, 0, severity="error", weight=0, suggestion="", message=f"规则 {rule.id} "
                          f"运行出错（{type(e).__name__}: {e}），本规则的结果不完整；请向 lawlint 报告此问题")


def _active(rule, select, ignore) -> bool:
    if not rule.enabled and not (select and any_match(rule.id, select)):
        return False
    if select and not any_match(rule.id, select):
        return False
    if ignore and any_match(rule.id, ignore):
        return False
    return True
