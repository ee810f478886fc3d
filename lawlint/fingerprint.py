"""Stable identities for findings, shared by SARIF ``partialFingerprints``, GitLab Code Quality
and the baseline: the rule, the text of the flagged line (whitespace folded) and which occurrence
of that pair it is. Editing other lines, above or below, leaves it unchanged.

They are computed when first read: text, JSON and HTML output never read them, and hashing every
finding of a report with a few hundred half-width commas was a twentieth of its lint time."""
from __future__ import annotations

import hashlib
from collections import Counter

from . import regexcache
from .chars import SPACE_CLASS

_WS = regexcache.compile("[\\s" + SPACE_CLASS[1:] + "+")     # chars.WHITESPACE, and line ends


def assign(diagnostics, text: str) -> None:
    """Give each diagnostic its fingerprint: computed for all of them together the first time any
    one of them is asked for it (the occurrence count depends on the findings before it, in this
    order, so the order is taken now)."""
    if diagnostics:
        pending = _Pending(tuple(diagnostics), text)
        for d in diagnostics:
            d.fingerprint = pending


class _Pending:
    __slots__ = ("diagnostics", "text")

    def __init__(self, diagnostics, text):
        self.diagnostics, self.text = diagnostics, text

    def resolve(self) -> None:
        if self.diagnostics is not None:
            compute(self.diagnostics, self.text)
            self.diagnostics = self.text = None      # the text is not kept alive by its findings


def settle(diagnostics, needed: bool) -> None:
    """Before a result lets go of its text: compute the fingerprints now if they will be read
    (SARIF, GitLab, a baseline), else drop the pending computation (they read as "")."""
    if diagnostics and type(diagnostics[0]._fingerprint) is _Pending:
        if needed:
            diagnostics[0]._fingerprint.resolve()
        else:
            for d in diagnostics:
                if type(d._fingerprint) is _Pending:
                    d._fingerprint = ""


def compute(diagnostics, text: str) -> None:
    """Set ``d.fingerprint`` on each diagnostic now."""
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
