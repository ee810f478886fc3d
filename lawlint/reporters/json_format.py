"""``--format json``: the machine contract of design.md §4."""
from __future__ import annotations

import json

from . import summary


def render(results, run) -> str:
    s = summary(results)
    out = {
        "lawlint": run.version,
        "files": [r.to_json() for r in results],
        "summary": {k: s[k] for k in ("files", "errors", "warnings", "infos", "mean_score")},
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
