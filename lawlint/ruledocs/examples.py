"""A rule's examples, runnable: every ``bad`` example must fire the rule, no ``good`` one may.

An example is a string (the report text) or a mapping ``{text, at, fix}``: ``at`` says where the
finding must be (``"行:列"`` or a line number), ``fix`` what the text becomes when ``lawlint fix``
applies this rule's fixes. The test suite and ``lawlint rules --test PACK`` both run them through
:func:`run_rule`, in strict mode (a check that raises fails its examples).
"""
from __future__ import annotations

import re
from ..plain import dataclass

_AT = re.compile(r"^\s*(\d+)\s*(?:[:：]\s*(\d+))?\s*$")   # as ruleset.AT_RX, with groups


@dataclass
class Example:
    kind: str                  # bad | good
    index: int                 # 1-based, within its kind
    text: str
    at: tuple | None = None    # (line, column or None)
    fix: str | None = None


def example_text(item) -> str:
    return item if isinstance(item, str) else item["text"]


def examples_of(rule) -> list[Example]:
    out = []
    for kind in ("bad", "good"):
        for i, item in enumerate((rule.examples or {}).get(kind, []), 1):
            if isinstance(item, str):
                out.append(Example(kind, i, item))
                continue
            at = item.get("at")
            if at is not None:
                m = _AT.match(str(at))
                at = (int(m.group(1)), int(m.group(2)) if m.group(2) else None)
            out.append(Example(kind, i, item["text"], at, item.get("fix")))
    return out


def run_example(rule, ex: Example, packs=()) -> str | None:
    """None when the example behaves, else why not (in Chinese). Runs strict: an exception from
    the check propagates to the caller."""
    from ..api import lint_text
    from ..config import Config
    year = (rule.examples or {}).get("year")
    previous = (rule.examples or {}).get("previous")
    if previous is not None:
        return _with_previous(rule, ex, packs, year, previous)
    config = Config(select=[rule.id], rule_packs=[str(p) for p in packs])
    result = lint_text(ex.text, year=year, config=config, strict=True)
    return _judge(rule, ex, result, config)


def _with_previous(rule, ex, packs, year, previous):
    """An example of a rule that compares with last year's report: that text, written to a file."""
    import os
    import tempfile

    from ..api import lint_text
    from ..config import Config
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "previous.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(previous)
        config = Config(select=[rule.id], rule_packs=[str(p) for p in packs], previous=(path,))
        return _judge(rule, ex, lint_text(ex.text, year=year, config=config, strict=True), config)


def _judge(rule, ex, result, config):
    fired = [d for d in result.diagnostics if d.rule == rule.id]
    if ex.kind == "good":
        if fired:
            return "正例不应报告，却报告了：" + "；".join(f"第{d.line}行 {d.message}" for d in fired)
        return None
    if not fired:
        return "反例应当报告，却没有报告"
    lines = ex.text.count("\n") + 1
    for d in fired:
        if not 1 <= d.line <= lines or not d.message or not d.basis:
            return f"报告的位置或信息不完整（第{d.line}行，{d.message!r}）"
        for said in (d.message, d.suggestion):
            if re.search(r"\{[a-z_]+\}", said or ""):
                return f"提示信息中有未填写的占位符：{said}"
    if ex.at is not None:
        line, col = ex.at
        if not any(d.line == line and (col is None or d.column == col) for d in fired):
            where = f"第{line}行" + (f"第{col}列" if col else "")
            got = "、".join(f"{d.line}:{d.column}" for d in fired)
            return f"应在{where}报告，实际报告在 {got}"
    if ex.fix is not None:
        from ..fix.apply import fix_source
        from ..loaders.text import normalise
        from ..loaders.source import Source
        text, newline = normalise(ex.text)
        fixed = fix_source(Source(text=text, path="<example>", kind="txt", newline=newline),
                           config).fixed
        if fixed != ex.fix:
            return f"修正后应为 {ex.fix!r}，实际为 {fixed!r}"
    return None


@dataclass
class Outcome:
    rule: object
    example: Example
    problem: str | None


def run_rule(rule, packs=()) -> list[Outcome]:
    out = []
    for ex in examples_of(rule):
        try:
            problem = run_example(rule, ex, packs)
        except Exception as e:  # noqa: BLE001 - a crashing check is a failed example, said plainly
            problem = f"检查运行出错（{type(e).__name__}: {e}）"
        out.append(Outcome(rule, ex, problem))
    return out


def render(outcomes) -> str:
    """The Chinese report of ``lawlint rules --test``."""
    lines, failed, by_rule = [], 0, {}
    for o in outcomes:
        by_rule.setdefault(o.rule.id, []).append(o)
    for rule_id, items in by_rule.items():
        bad = [o for o in items if o.problem]
        failed += len(bad)
        rule = items[0].rule
        if not bad:
            lines.append(f"✓ {rule_id}：{len(items)} 条示例通过")
            continue
        lines.append(f"✗ {rule_id}（{rule.file}:{rule.line}）：{len(bad)}/{len(items)} 条示例未通过")
        for o in bad:
            label = "反例" if o.example.kind == "bad" else "正例"
            first = o.example.text.splitlines()[0] if o.example.text else ""
            lines.append(f"    {label} {o.example.index}（{first[:30]}）：{o.problem}")
    total = len(outcomes)
    lines.append(f"共 {len(by_rule)} 条规则、{total} 条示例：" +
                 ("全部通过" if not failed else f"{failed} 条未通过"))
    return "\n".join(lines) + "\n"
