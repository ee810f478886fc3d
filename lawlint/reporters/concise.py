"""``--format concise``: one line per finding, ``path:line:col: 级别 rule 消息``, for editors'
problem matchers, grep and hooks. A file that could not be checked is one line
``path: 错误 消息``. No summary: a failed gate's reason is on stderr as always."""
from __future__ import annotations

import sys

from ..result import SEVERITY_NAMES as SEVERITY
from . import render_blocks

RANK = {"error": 0, "warning": 1, "info": 2}


def render(results, run) -> str:
    return render_blocks(sys.modules[__name__], results, run)


def begin(run) -> str:
    return ""


def file_block(r, run, index: int) -> str:
    if r.error is not None:
        message = r.error[len(r.path) + 2:] if r.error.startswith(f"{r.path}: ") else r.error
        return f"{r.path}: {SEVERITY['error']} {_one_line(message)}\n"
    lines = [f"{r.path}:{d.line}:{d.column}: {SEVERITY[d.severity]} {d.rule} {_one_line(d.message)}"
             for d in sorted(r.diagnostics, key=lambda d: (d.line, d.column, RANK[d.severity], d.rule))]
    return "".join(line + "\n" for line in lines)


def end(totals, run) -> str:
    return ""


def _one_line(s: str) -> str:
    return " ".join(s.split())
