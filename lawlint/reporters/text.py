"""``--format text`` (default): a score panel per file, category bars, the nine required parts,
and findings grouped by rule. Colour and boxes (rich) only on a terminal without ``NO_COLOR``;
otherwise the same content as plain text, and rich is never imported.

A systemic defect (hundreds of half-width commas) is one grouped line here; JSON keeps every one.
"""
from __future__ import annotations

from ._cap import cap_lowered

from ..result import SECTION_IDS
from ..result import SEVERITY_NAMES as SEVERITY
from ..scoring import default_profile
import sys

from . import Summary, render_blocks
from .snippet import snippet

GROUP_AFTER = 3          # a rule with more findings than this prints one grouped line
SHOW_LOCATIONS = 8


def render(results, run) -> str:
    return render_blocks(sys.modules[__name__], results, run)


def begin(run) -> str:
    return ""


def file_block(r, run, index: int) -> str:
    lines = _file_lines(r, run)
    sep = "\n" if index else ""
    if run.color:
        return sep + _render_rich(r, lines, run)
    return sep + "\n".join(lines) + "\n"


def end(totals, run) -> str:
    s = totals.as_dict()
    if s["files"] < 2:
        return ""
    return "\n" + "\n".join(summary_lines(s)) + "\n"


def _bar(score, maximum, width=20):
    filled = 0 if not maximum else round(width * score / maximum)
    return "█" * filled + "░" * (width - filled)


def _file_lines(r, run) -> list[str]:
    if r.error is not None:
        return [f"✗ {r.error}"]
    profile = default_profile()
    head = f"{r.path}"
    facts = []
    if r.issuer:
        facts.append(f"报告主体：{r.issuer}")
    facts.append(f"报告年度：{r.report_year}" if r.report_year else "报告年度：未识别（可用 --year 指定）")
    lines = [head, "  " + "　".join(facts),
             f"  得分 {r.score} / 100　等级：{r.grade_label}　"
             f"（错误 {r.count('error')}，警告 {r.count('warning')}，提示 {r.count('info')}）"]
    if cap_lowered(r):
        lines.append(f"  等级上限：{r.grade_cap['reason']}")
    for cat, info in r.categories.items():
        title = profile["categories"][cat]["title"]
        lines.append(f"  {title:<6}{_bar(info['score'], info['max'])} {info['score']:>4}/{info['max']}")
    lines.append("  法定内容：")
    names, statuses, marks = profile["sections"], profile["statuses"], profile["status_marks"]
    for sid in SECTION_IDS:
        v = r.sections.get(sid)
        status = v.display if v else "absent"
        where = f"，第 {v.line} {r.line_label}" if v and v.line else ""
        lines.append(f"    {marks[status]} {names[sid]}：{statuses[status]}{where}")
    groups: dict[str, list] = {}
    for d in r.diagnostics:
        groups.setdefault(d.rule, []).append(d)
    if groups:
        lines.append("  问题：")
    for rule_id, items in sorted(groups.items(), key=lambda kv: (_rank(kv[1][0].severity), kv[0])):
        first = items[0]
        points = r.deductions.get(rule_id, 0)
        cost = f"（扣 {points} 分）" if points else ""
        if len(items) > GROUP_AFTER:
            locs = "、".join(f"{d.line}:{d.column}" for d in items[:SHOW_LOCATIONS])
            more = " 等" if len(items) > SHOW_LOCATIONS else ""
            title = run.ruleset.get(rule_id).title if run.ruleset.get(rule_id) else first.message
            lines.append(f"    {SEVERITY[first.severity]} {rule_id}{cost} 共 {len(items)} 处：{title}")
            lines.append(f"        例：{first.line}:{first.column}  {first.message}")
            lines += snippet(r.text, first, "          ")
            lines.append(f"        位置：{locs}{more}")
            if first.suggestion:
                lines.append(f"        建议：{first.suggestion}")
            continue
        lines.append(f"    {SEVERITY[first.severity]} {rule_id}{cost}")
        for d in items:
            lines.append(f"      {d.line}:{d.column}  {d.message}")
            lines += snippet(r.text, d, "        ")
        if first.suggestion:
            lines.append(f"        建议：{first.suggestion}")
        if first.basis:
            lines.append(f"        依据：{first.basis}")
    return lines


def _rank(sev):
    return {"error": 0, "warning": 1, "info": 2}[sev]


def summary_lines(s) -> list[str]:
    mean = s["mean_score"] if s["mean_score"] is not None else "—"
    line = (f"共检查 {s['files']} 份报告，平均得分 {mean}；错误 {s['errors']}，警告 {s['warnings']}，"
            f"提示 {s['infos']}")
    if s["failed_files"]:
        line += f"；{s['failed_files']} 个文件无法检查"
    return [line]


def _render_rich(r, lines, run) -> str:
    """The same content in a panel, with coloured severities and status marks."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    console = Console(record=True, width=run.width, force_terminal=True, highlight=False, file=_Null())
    style = {"错误": "bold red", "警告": "yellow", "提示": "cyan", "✓": "green", "◐": "yellow",
             "✗": "bold red"}
    text = Text()
    for line in (lines[1:] if r.error is None else lines):
        t = Text(line)
        for word, st in style.items():
            t.highlight_words([word], style=st)
        t.highlight_regex(r"█+", "green")
        t.highlight_regex(r"(?<=│ )[ ]*\^+$", "bold red")      # the span under a finding's line
        text.append(t)
        text.append("\n")
    title = None if r.error is not None else f"[bold]{lines[0]}[/bold]"
    console.print(Panel(text, title=title, title_align="left", border_style="red" if r.error else "blue"))
    return console.export_text(styles=True)


class _Null:
    def write(self, _):
        return 0

    def flush(self):
        pass
