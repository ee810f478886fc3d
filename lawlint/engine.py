"""Run a RuleSet over one Document and collect diagnostics and section verdicts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import checks, timelimit
from .result import Diagnostic, SectionVerdict


@dataclass
class Context:
    """What a check sees: the document, its report year, the rule set and a shared cache.

    ``sections`` holds the section verdicts that ``section`` rules produce; other checks (order,
    content rules scoped to a part) read them through :meth:`section`.
    """

    doc: object
    rules: object
    year: int | None = None
    sections: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    rules_run: tuple = ()
    directives: list = field(default_factory=list)

    def section(self, section_id: str) -> SectionVerdict:
        if section_id not in self.sections:
            for rule in self.rules.of_check("section"):
                if rule.params.get("section") == section_id:
                    checks.get("section").detect(self, rule)
                    break
            else:
                self.sections[section_id] = SectionVerdict()
        return self.sections[section_id]

    def diagnostic(self, rule, start: int, end: int | None = None, *, message: str | None = None,
                   suggestion: str | None = None, severity: str | None = None,
                   replacement: str | None = None, weight: float | None = None,
                   fields: dict | None = None) -> Diagnostic:
        """A finding of ``rule`` over [start, end). ``fields`` fill the {placeholders} of the
        message and of the suggestion alike (unknown ones are left as written)."""
        end = start if end is None else end
        message = message or rule.message
        suggestion = rule.suggestion if suggestion is None else suggestion
        if fields:
            from .checks.scope import fill
            message, suggestion = fill(message, **fields), fill(suggestion, **fields)
        line, col = self.doc.position(start)
        end_line, end_col = self.doc.position(max(start, end))
        return Diagnostic(
            rule=rule.id, severity=severity or rule.severity, category=rule.category,
            line=line, column=col, end_line=end_line, end_column=end_col,
            message=message, suggestion=suggestion,
            basis=rule.basis, fixable=replacement is not None, start=start, end=end,
            replacement=replacement, weight=weight)


def expand_year(pattern: str, year: int | None) -> str:
    """Fill ``{year}``, ``{next_year}`` and ``{prev_year}`` in a rule pattern."""
    if "{" not in pattern:
        return pattern
    any_year = r"(?:19|20)\d{2}"
    values = {"year": str(year) if year else any_year,
              "next_year": str(year + 1) if year else any_year,
              "prev_year": str(year - 1) if year else any_year}
    return re.sub(r"\{(year|next_year|prev_year)\}", lambda m: values[m.group(1)], pattern)


@dataclass
class RunOutput:
    diagnostics: list
    sections: dict
    rules_run: tuple
    directives: list


def run(doc, ruleset, *, year=None, select=None, ignore=None, severity_overrides=None,
        options=None) -> RunOutput:
    """Run every active rule; apply inline suppressions; then the rules that judge the run itself
    (check types with ``PHASE = "post"``, e.g. unused suppressions) see the final findings."""
    from . import suppress

    ctx = Context(doc=doc, rules=ruleset, year=year if year is not None else doc.year,
                  options=options or {})
    active = [r for r in ruleset if _active(r, select, ignore) and r.applies_to_year(ctx.year)]
    post = [r for r in active if getattr(checks.get(r.check), "PHASE", "") == "post"]
    diagnostics: list[Diagnostic] = []
    with timelimit.watch(ctx.options.get("rule_time_limit")) as timer:
        for rule in active:
            if rule not in post:
                diagnostics.extend(_guarded(ctx, rule, timer))
        ctx.rules_run = tuple(r.id for r in active)
        ctx.directives = suppress.parse(doc.text, known_ids=[r.id for r in ruleset])
        diagnostics = suppress.apply(ctx.directives, diagnostics)
        for rule in post:
            diagnostics.extend(_guarded(ctx, rule, timer))
    if severity_overrides:
        for d in diagnostics:
            d.severity = severity_overrides.get(d.rule, d.severity)
    # Every section id gets a verdict, even when its rule was not selected.
    for rule in ruleset.of_check("section"):
        ctx.section(rule.params["section"])
    checks.get("truncation").mark(ctx)
    diagnostics.sort(key=lambda d: (d.line, d.column, d.rule))
    return RunOutput(diagnostics, ctx.sections, ctx.rules_run, ctx.directives)


def _guarded(ctx, rule, timer) -> list:
    """A rule that crashes on some input, or runs past the time limit (a pathological pattern in
    a user's pack), must not take the whole run down: its findings so far are kept and one error
    says the rule failed."""
    out = []
    try:
        timer.arm()
        try:
            for d in checks.get(rule.check).check(ctx, rule):
                out.append(d)
        finally:
            timer.disarm()
    except timelimit.RuleTimeout:
        seconds = timer.seconds
        where = f"（{rule.file}:{rule.line}）" if rule.file and rule.line else ""
        out.append(ctx.diagnostic(rule, 0, 0, severity="error", weight=0, suggestion="",
                                  message=f"规则 {rule.id}{where} 在本报告上运行超过 {seconds:g} 秒，已中止，"
                                          "结果不完整；多半是规则中的正则会灾难性回溯，请改写该正则"
                                          "（配置项 rule_time_limit 可调整时限）"))
    except Exception as e:  # noqa: BLE001 - reported as a finding, never swallowed
        out.append(ctx.diagnostic(rule, 0, 0, severity="error", weight=0, suggestion="",
                                  message=f"规则 {rule.id} 运行出错（{type(e).__name__}: {e}），"
                                          "本规则的结果不完整；请向 lawlint 报告此问题"))
    return out


def _active(rule, select, ignore) -> bool:
    if not rule.enabled and not (select and _matches(rule.id, select)):
        return False
    if select and not _matches(rule.id, select):
        return False
    if ignore and _matches(rule.id, ignore):
        return False
    return True


def _matches(rule_id: str, patterns) -> bool:
    """A pattern selects a rule id exactly or as a dotted prefix (``section`` → ``section.*``)."""
    return any(rule_id == p or rule_id.startswith(p.rstrip(".*") + ".") for p in patterns)
