"""Reject regular expressions that can backtrack catastrophically, before any report is read.

Python's ``re`` cannot be interrupted mid-match, so a user pattern such as ``(a+)+$`` could hang a
run on one unlucky paragraph. Such patterns are refused at load with the rule's file and line:
an unbounded repeat inside another unbounded repeat (nested quantifiers). Bounded repeats
(``{0,20}``, up to 100) are allowed at any depth. Overlapping alternatives such as ``(a|aa)+`` are
not detected; the documented limit on file size bounds what such a pattern can cost.
"""
from __future__ import annotations

from .sreparts import constants as sre_constants, parser as sre_parse

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_UNBOUNDED = sre_constants.MAXREPEAT
_BIG = 100


def dangerous(pattern: str) -> str | None:
    """A short reason when ``pattern`` nests unbounded repetition, else None."""
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - compile errors are reported by re.compile itself
        return None
    return _walk(tree, inside_repeat=False)


def _walk(items, inside_repeat: bool) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, body = av
            unbounded = hi == _UNBOUNDED or hi > _BIG
            if unbounded and inside_repeat:
                return "嵌套的重复量词（如 (a+)+），可能造成灾难性回溯"
            found = _walk(body, inside_repeat or unbounded)
            if found:
                return found
        elif op == sre_constants.SUBPATTERN:
            found = _walk(av[-1], inside_repeat)
            if found:
                return found
        elif op == sre_constants.BRANCH:
            for branch in av[1]:
                found = _walk(branch, inside_repeat)
                if found:
                    return found
    return None
