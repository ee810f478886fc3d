"""Stable identities for findings, shared by SARIF ``partialFingerprints``, GitLab Code Quality
and the baseline: the rule, the text of the flagged line (whitespace folded) and which occurrence
of that pair it is. Editing other lines, above or below, leaves it unchanged."""
from __future__ import annotations

import hashlib
from collections import Counter

from . import regexcache

_WS = regexcache.compile(r"\s+")


def assign(diagnostics, text: str) -> None:
    """Set ``d.fingerprint`` on each diagnostic (computed once, at lint time, from the text)."""
    lines = text.split("\n")
    seen: Counter = Counter()
    folded: dict[int, str] = {}          # many findings share a line (a report of half-width commas)
    for d in diagnostics:
        if d.line not in folded:
            folded[d.line] = _WS.sub("", lines[d.line - 1]) if 0 < d.line <= len(lines) else ""
        key = (d.rule, folded[d.line])
        seen[key] += 1
        raw = f"{d.rule}\0{key[1]}\0{seen[key]}"
        d.fingerprint = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
