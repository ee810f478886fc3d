"""``--format gitlab``: GitLab Code Quality report (artifacts:reports:codequality)."""
from __future__ import annotations

import json

from . import fingerprint
from ._paths import relative

FINGERPRINTS = True    # shows fingerprints (fingerprint.of): a batch computes them before dropping the text

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(results, run) -> str:
    issues = []
    for r in results:
        path = relative(r.path)
        if r.error is not None:
            issues.append({"type": "issue", "check_name": "lawlint.load_error", "description": r.error,
                           "categories": ["Bug Risk"], "severity": "blocker",
                           "fingerprint": f"load-error:{path}", "location": {"path": path, "lines": {"begin": 1}}})
            continue
        for d, fp in zip(r.diagnostics, fingerprint.of(r)):
            if d.baseline:
                continue
            issues.append({"type": "issue", "check_name": d.rule, "description": d.message,
                           "content": {"body": f"{d.suggestion}\n\n依据：{d.basis}".strip()},
                           "categories": ["Style"], "severity": SEVERITY[d.severity],
                           "fingerprint": fp,
                           "location": {"path": path, "lines": {"begin": d.line, "end": d.end_line}}})
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
