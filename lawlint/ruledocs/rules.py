"""Documentation generated from the rules themselves (``lawlint rules``, ``lawlint explain``,
``docs/rules.md``), so it never drifts from what runs."""
from __future__ import annotations

import json

from .examples import example_text
from ..vocabulary import SEVERITY_NAMES as SEVERITY
from ..vocabulary import profile as default_profile


def _category(cat):
    return default_profile()["categories"][cat]["title"]


def render_rules(ruleset, fmt="text") -> str:
    rules = sorted(ruleset, key=lambda r: r.id)
    if fmt == "json":
        return json.dumps([{"id": r.id, "check": r.check, "severity": r.severity,
                            "category": r.category, "title": r.title, "message": r.message,
                            "basis": r.basis, "weight": r.weight, "cap": r.cap,
                            "enabled": r.enabled, "years": r.years or None} for r in rules],
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(rules)
    width = max(len(r.id) for r in rules) if rules else 10
    lines = [f"{r.id:<{width}}  {SEVERITY[r.severity]}  {_category(r.category)}  {r.title}"
             + ("" if r.enabled else "（默认关闭）") for r in rules]
    lines.append(f"共 {len(rules)} 条规则；lawlint explain 规则编号 查看说明和示例")
    return "\n".join(lines) + "\n"


def explain(rule) -> str:
    out = [f"{rule.id}　{rule.title}",
           f"级别：{SEVERITY[rule.severity]}　类别：{_category(rule.category)}　检查类型：{rule.check}　"
           f"扣分：每处 {rule.weight} 分，最多 {rule.cap} 分"]
    if rule.years:
        span = f"{rule.years.get('from', '')}—{rule.years.get('to', '')}"
        out.append(f"适用报告年度：{span}")
    if rule.description:
        out += ["", "说明：" + rule.description.strip()]
    out += ["", "提示信息：" + rule.message]
    if rule.suggestion:
        out.append("修改建议：" + rule.suggestion)
    out.append("依据：" + rule.basis)
    ex = rule.examples or {}
    for label, key in (("不合格示例（会报告）", "bad"), ("合格示例（不会报告）", "good")):
        for i, t in enumerate(ex.get(key, []), 1):
            out += ["", f"{label} {i}："] + [_indent(example_text(t))]
    out.append(f"\n定义位置：{rule.file}:{rule.line}")
    return "\n".join(out) + "\n"


def _indent(text):
    return "\n".join("    " + line for line in text.splitlines())


def _markdown(rules) -> str:
    out = ["# lawlint 规则参考", "",
           "本文件由 `lawlint rules --format markdown` 从规则文件生成，请勿手工编辑。", "",
           "| 规则编号 | 名称 | 级别 | 类别 | 扣分（每处/上限） |", "|---|---|---|---|---|"]
    for r in rules:
        out.append(f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.title} | {SEVERITY[r.severity]} | "
                   f"{_category(r.category)} | {r.weight}/{r.cap} |")
    for r in rules:
        out += ["", f"## {r.id}", "", f"**{r.title}**（{SEVERITY[r.severity]}，{_category(r.category)}，"
                f"检查类型 `{r.check}`）", ""]
        if r.description:
            out += [r.description.strip(), ""]
        out += [f"- 提示信息：{r.message}"]
        if r.suggestion:
            out.append(f"- 修改建议：{r.suggestion}")
        out.append(f"- 依据：{r.basis}")
        if r.years:
            out.append(f"- 适用报告年度：{r.years.get('from', '')}—{r.years.get('to', '')}")
        for label, key in (("不合格示例", "bad"), ("合格示例", "good")):
            for t in (r.examples or {}).get(key, []):
                out += ["", f"{label}：", "", "```text", example_text(t), "```"]
    return "\n".join(out) + "\n"
