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


_STR: dict = {}


def _string(v) -> str:
    """A string's JSON, remembered: a report's findings repeat the same message, suggestion and
    basis (hundreds of half-width marks), and rule ids and severities repeat across reports."""
    got = _STR.get(v)
    if got is None:
        if len(_STR) > 8192:
            _STR.clear()
        got = _STR[v] = _one_line(v)
    return got


def _diagnostic(d) -> str:
    """``_one_line(d.to_json())`` without building the dict and encoding its constant strings
    again; any value of another type than the contract's goes the general way."""
    rule, sev, cat, msg, sug, basis = d.rule, d.severity, d.category, d.message, d.suggestion, d.basis
    line, col, eline, ecol, fixable = d.line, d.column, d.end_line, d.end_column, d.fixable
    if not (type(rule) is type(sev) is type(cat) is type(msg) is type(sug) is type(basis) is str
            and type(line) is type(col) is type(eline) is type(ecol) is int
            and type(fixable) is bool):
        return _one_line(d.to_json())
    return (f'{{"rule": {_string(rule)}, "severity": {_string(sev)}, "category": {_string(cat)}, '
            f'"line": {line}, "column": {col}, "end_line": {eline}, "end_column": {ecol}, '
            f'"message": {_string(msg)}, "suggestion": {_string(sug)}, "basis": {_string(basis)}, '
            f'"fixable": {"true" if fixable else "false"}}}')


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
