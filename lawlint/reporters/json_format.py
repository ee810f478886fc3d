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


# json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) without building an encoder per value
_one_line = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


class _Lines(list):
    """A list whose items are already written, each as one line of JSON."""


_PARTS: dict = {}


def _diagnostic(d) -> str:
    """``_one_line(d.to_json())`` without building the dict: the JSON around a finding's position
    is remembered per (rule, severity, category, message, suggestion, basis, fixable), which a
    report repeats (hundreds of half-width marks) and a batch repeats across reports. Positions
    that are not plain ints go the general way."""
    line, col, eline, ecol, fixable = d.line, d.column, d.end_line, d.end_column, d.fixable
    if not (type(line) is type(col) is type(eline) is type(ecol) is int and type(fixable) is bool):
        return _one_line(d.to_json())       # (True == 1: a key must not meet another type)
    key = (d.rule, d.severity, d.category, d.message, d.suggestion, d.basis, fixable)
    parts = _PARTS.get(key)
    if parts is None:
        rule, sev, cat, msg, sug, basis, fixable = key
        if not all(isinstance(v, str) for v in key[:6]):
            return _one_line(d.to_json())
        if len(_PARTS) > 8192:
            _PARTS.clear()
        parts = _PARTS[key] = (
            f'{{"rule": {_one_line(rule)}, "severity": {_one_line(sev)}, "category": {_one_line(cat)}, "line": ',
            f', "message": {_one_line(msg)}, "suggestion": {_one_line(sug)}, "basis": {_one_line(basis)}, '
            f'"fixable": {_one_line(fixable)}}}')
    return f'{parts[0]}{line}, "column": {col}, "end_line": {eline}, "end_column": {ecol}{parts[1]}'


def _dump(obj, depth: int, expand: int) -> str:
    """Pretty JSON whose first ``expand`` levels are laid out one item per line and whose deeper
    values (a diagnostic, a section verdict) are one line each. ``indent=`` would send every value
    through json's pure-Python encoder, which cost 3/4 of a large batch's time; one-line values
    use the C encoder."""
    if type(obj) is _Lines and expand > 0 and obj:
        pad, inner = "  " * depth, "  " * (depth + 1)
        return "[\n" + ",\n".join(inner + v for v in obj) + "\n" + pad + "]"
    if expand <= 0 or not isinstance(obj, (dict, list)) or not obj:
        return _one_line(obj)
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(obj, dict):
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, depth + 1, expand - 1)}"
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    items = [inner + _dump(v, depth + 1, expand - 1) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + pad + "]"


def file_block(result, run, index: int) -> str:
    block = result.to_json(findings=False)
    if "diagnostics" in block:      # each finding one line, written straight from the Diagnostic
        block["diagnostics"] = _Lines(_diagnostic(d) for d in result.diagnostics)
    body = "    " + _dump(block, 2, 2)
    return ("," if index else "") + "\n" + body


def end(totals: Summary, run) -> str:
    s = totals.as_dict()
    summary = {k: s[k] for k in ("files", "errors", "warnings", "infos", "mean_score")}
    close = "\n  ]" if totals.files else "]"
    return close + ',\n  "summary": ' + _indent(json.dumps(summary, ensure_ascii=False, indent=2), 2)[2:] + "\n}\n"


def render(results, run) -> str:
    return render_blocks(sys.modules[__name__], results, run)
