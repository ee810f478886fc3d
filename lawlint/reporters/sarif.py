"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (upload-sarif) and other viewers."""
from __future__ import annotations

import json
import os
import re
from urllib.parse import quote

from . import fingerprint
from ..ruledocs.examples import example_text
from ._docs_url import help_uri
from ._paths import base_dir, relative

FINGERPRINTS = True    # shows fingerprints (fingerprint.of): a batch computes them before dropping the text

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"     # the OASIS file moved; SchemaStore keeps it


def _plain(message: str) -> str:
    """A rule's message without its placeholders (「同级只有“{token}”一项」 → 「同级只有“…”一项」):
    the help describes the rule, not one finding."""
    return re.sub(r"\{[A-Za-z_][A-Za-z0-9_]*\}", "…", message)


def _rule(r):
    ex = r.examples or {}
    message, suggestion = _plain(r.message), _plain(r.suggestion or "")
    md = [f"**{r.title}**", "", message, "", f"依据：{r.basis}"]
    if suggestion:
        md += ["", f"修改建议：{suggestion}"]
    for label, key in (("不合格示例", "bad"), ("合格示例", "good")):
        for t in ex.get(key, [])[:1]:
            md += ["", f"{label}：", "", "```text", example_text(t), "```"]
    out = {
        "id": r.id,
        "name": "".join(p.capitalize() for p in r.id.replace("_", ".").split(".")),
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": _plain(r.description or r.message).strip()},
        "help": {"text": f"{message}\n依据：{r.basis}" + (f"\n修改建议：{suggestion}" if suggestion else ""),
                 "markdown": "\n".join(md)},
        "defaultConfiguration": {"level": LEVEL[r.severity], "enabled": r.enabled},
        "properties": {"category": r.category, "tags": ["lawlint", r.category], "basis": r.basis},
    }
    uri = help_uri(r.id)
    if uri:
        out["helpUri"] = uri
    return out


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
        for d, fp in zip(res.diagnostics, fingerprint.of(res)):
            item = {
                "ruleId": d.rule,
                "level": LEVEL[d.severity],
                "message": {"text": d.message + (f"（建议：{d.suggestion}）" if d.suggestion else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT"},
                    "region": {"startLine": d.line, "startColumn": d.column, "endLine": d.end_line,
                               "endColumn": max(d.end_column, d.column + 1) if d.end_line == d.line
                               else d.end_column}}}],
                "partialFingerprints": {"lawlint/v1": fp},
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
