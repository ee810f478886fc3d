"""``--format github``: GitHub Actions workflow commands, so findings appear as annotations on the
pull request. GitHub shows at most 10 annotations of each type per step: errors come first in each
file, and a summary line says where the rest are."""
from __future__ import annotations

from . import summary
from ._paths import relative

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
RANK = {"error": 0, "warning": 1, "info": 2}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results, run) -> str:
    lines = []
    for r in results:
        path = relative(r.path)
        if r.error is not None:
            lines.append(f"::error file={escape_property(path)},title={escape_property('lawlint')}::"
                         f"{escape_data(r.error)}")
            continue
        lines.append(f"::group::lawlint {escape_data(path)}：{r.score} 分（{r.grade_label}）")
        for d in sorted(r.diagnostics, key=lambda d: (RANK[d.severity], d.line, d.column)):
            if d.baseline:
                continue
            props = [f"file={escape_property(path)}", f"line={d.line}", f"col={d.column}",
                     f"endLine={d.end_line}", f"endColumn={d.end_column}",
                     f"title={escape_property('lawlint ' + d.rule)}"]
            text = d.message + (f"\n建议：{d.suggestion}" if d.suggestion else "")
            lines.append(f"::{COMMAND[d.severity]} {','.join(props)}::{escape_data(text)}")
        lines.append("::endgroup::")
    s = summary(results)
    mean = "—" if s["mean_score"] is None else s["mean_score"]
    failed = f"（{s['failed_files']} 个文件无法检查）" if s["failed_files"] else ""
    lines.append(f"lawlint：检查 {s['files']} 份报告{failed}，平均得分 {mean}；错误 {s['errors']}，"
                 f"警告 {s['warnings']}，提示 {s['infos']}。GitHub 每个步骤每类最多显示 10 条注释，"
                 "完整列表见本日志或上传的 SARIF。")
    return "\n".join(lines) + "\n"
