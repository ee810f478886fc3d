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
    # Each line is folded, and each (rule, line) prefix hashed, once: thousands of findings on
    # one long line (a page that lost its line breaks) must not refold and rehash it each time.
    folded: dict = {}
    prefixes: dict = {}
    for d in diagnostics:
        if d.line not in folded:
            line = lines[d.line - 1] if 0 < d.line <= len(lines) else ""
            folded[d.line] = _WS.sub("", line)
        key = (d.rule, folded[d.line])
        seen[key] += 1
        prefix = prefixes.get(key)
        if prefix is None:
            prefix = prefixes[key] = hashlib.sha256(f"{d.rule}\0{key[1]}\0".encode("utf-8"))
        h = prefix.copy()
        h.update(str(seen[key]).encode("ascii"))
        d.fingerprint = h.hexdigest()[:32]
