"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (upload-sarif) and other viewers."""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from ..examples import example_text
from ._paths import base_dir, relative

FINGERPRINTS = True    # reads each finding's fingerprint (lawlint.batch computes them)

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"


def _rule(r):
    ex = r.examples or {}
    md = [f"**{r.title}**", "", r.message, "", f"依据：{r.basis}"]
    if r.suggestion:
        md += ["", f"修改建议：{r.suggestion}"]
    for label, key in (("不合格示例", "bad"), ("合格示例", "good")):
        for t in ex.get(key, [])[:1]:
            md += ["", f"{label}：", "", "```text", example_text(t), "```"]
    return {
        "id": r.id,
        "name": "".join(p.capitalize() for p in r.id.replace("_", ".").split(".")),
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": (r.description or r.message).strip()},
        "help": {"text": f"{r.message}\n依据：{r.basis}" + (f"\n修改建议：{r.suggestion}" if r.suggestion else ""),
                 "markdown": "\n".join(md)},
        "defaultConfiguration": {"level": LEVEL[r.severity], "enabled": r.enabled},
        "properties": {"category": r.category, "tags": ["lawlint", r.category], "basis": r.basis},
    }


def render(results, run) -> str:
    rules = sorted(run.ruleset, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    out, notes = [], []
    for res in results:
        uri = quote(os.fsencode(relative(res.path)), safe="/:")   # the name's own bytes, even if not UTF-8
        if res.error is not None:
            notes.append({"level": "error", "message": {"text": res.error},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"}}}]})
            continue
        for d in res.diagnostics:
            item = {
                "ruleId": d.rule,
                "level": LEVEL[d.severity],
                "message": {"text": d.message + (f"（建议：{d.suggestion}）" if d.suggestion else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"},
                    "region": {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line,
                               "endColumn": max(d.end_column, d.column + 1) if d.end_line == d.line
                               else d.end_column}}}],
                "partialFingerprints": {"lawlint/v1": d.fingerprint},
                "properties": {"category": d.category},
            }
            if d.rule in index:
                item["ruleIndex"] = index[d.rule]
            if d.baseline:
                item["baselineState"] = "unchanged"
            out.append(item)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lawlint", "version": run.version, "semanticVersion": run.version,
                                "rules": [_rule(r) for r in rules]}},
            "originalUriBaseIds": {"SRCROOT": {"uri": "file://" + quote(os.fsencode(base_dir().rstrip("/") + "/"))}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notes,
                             "toolExecutionNotifications": notes}],
            "results": out,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
