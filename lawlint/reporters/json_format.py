"""``--format json``: the machine contract of design.md §4, written one file at a time."""
from __future__ import annotations

import json

import sys

from . import Summary, render_blocks


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.split("\n"))


def begin(run) -> str:
    return '{\n  "lawlint": ' + json.dumps(run.version) + ',\n  "files": ['


def file_block(result, run, index: int) -> str:
    body = _indent(json.dumps(result.to_json(), ensure_ascii=False, indent=2), 4)
    return ("," if index else "") + "\n" + body


def end(totals: Summary, run) -> str:
    s = totals.as_dict()
    summary = {k: s[k] for k in ("files", "errors", "warnings", "infos", "mean_score")}
    close = "\n  ]" if totals.files else "]"
    return close + ',\n  "summary": ' + _indent(json.dumps(summary, ensure_ascii=False, indent=2), 2)[2:] + "\n}\n"


def render(results, run) -> str:
    return render_blocks(sys.modules[__name__], results, run)
