"""Stable identities for findings, shared by SARIF ``partialFingerprints``, GitLab Code Quality
and the baseline: the rule, the text of the flagged line (whitespace folded) and which occurrence
of that pair it is. Editing other lines, above or below, leaves it unchanged.

They are computed only for the outputs that show them (:func:`of`): text, JSON and HTML output never
read them, and hashing every finding of a report with a few hundred half-width commas was a
twentieth of its lint time."""
from __future__ import annotations

import hashlib
from collections import Counter

from ..rulepack import regexcache
from ..chars import SPACE_CLASS

_WS = regexcache.compile("[\\s" + SPACE_CLASS[1:] + "+")     # chars.WHITESPACE, and line ends


def of(result) -> list:
    """The fingerprint of each of a result's findings, in their order: computed from the result's
    text the first time it is asked for (and kept on each finding). The outputs that show them
    (SARIF, GitLab) and the baseline call this; a result that no longer holds its text (a batch
    told nothing would read them, so they were never computed) raises instead of reading as ""."""
    diagnostics = result.diagnostics
    if any(d._fingerprint is None for d in diagnostics):
        if result.text is None:
            raise RuntimeError(f"{result.path}: fingerprints were not computed before the text was "
                               "dropped (lawlint.batch: fingerprints=True)")
        compute(diagnostics, result.text)
    return [d._fingerprint for d in diagnostics]


def settle(result, needed: bool) -> None:
    """Before a batch lets go of a result's text: compute its fingerprints if they will be read."""
    if needed:
        of(result)


def compute(diagnostics, text: str) -> None:
    """Set ``d.fingerprint`` on each diagnostic now. Occurrences are counted in the engine's order
    (line, column, rule), whatever order the list is in now."""
    diagnostics = sorted(diagnostics, key=lambda d: (d.line, d.column, d.rule))    # stable
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
