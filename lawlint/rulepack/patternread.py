"""A regular expression's text read as sre reads its escapes, classes and groups, without parsing
it (sre's parser costs about 0.3 M instructions a pattern, paid at start-up): where a class ends,
the pattern's top-level alternatives, the source of a named group. One reader for the parser's
joined searches (:mod:`lawlint.parse.anyof`), its closing-tail gate (:mod:`lawlint.parse.flat`)
and the plenum shapes' gates (:mod:`lawlint.checks.plenum`)."""
from __future__ import annotations


def class_end(pattern: str, i: int) -> int:
    """Where the class opening at ``pattern[i]`` (a ``[``) ends: the index of its closing ``]``
    (a ``]`` first, or after ``^``, is a member), or ``len(pattern)`` when it is not closed."""
    n = len(pattern)
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < n and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


def top_alternatives(pattern: str) -> list | None:
    """``pattern`` cut at its ``|`` outside every group and class; None when a comment group
    (``(?#…)``, read differently) makes the reading unsure."""
    parts, depth, i, n, last = [], 0, 0, len(pattern), 0
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = class_end(pattern, i)
        elif c == "(":
            if pattern.startswith("(?#", i):
                return None
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth <= 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    return parts + [pattern[last:]]


def group_source(pattern: str, name: str) -> str | None:
    """The pattern of the group ``(?P<name>…)`` as written in ``pattern`` (None: not there)."""
    at = pattern.find(f"(?P<{name}>")
    if at < 0:
        return None
    i = start = at + len(name) + 5
    depth, n = 1, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":
            i = class_end(pattern, i)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return pattern[start:i]
        i += 1
    return None
