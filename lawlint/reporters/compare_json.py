"""``lawlint compare --format json``: the shape documented in docs/compare.md."""
from __future__ import annotations

import json


def render(run, version) -> str:
    return json.dumps(run.to_json(version), ensure_ascii=False, indent=2) + "\n"
