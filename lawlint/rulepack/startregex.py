"""The regexes the standard library compiles while lawlint starts, kept across processes.

Before ``check`` reads a report, modules lawlint uses compile regexes of their own: gettext's
plural-form lexer when argparse is imported, the parser's option and ``nargs`` patterns, json's
scanner and encoder patterns. Each is parsed and compiled by sre's Python code: ≈10 M
instructions of a warm start (3% of it) that give the same code every time. lawlint's own
patterns come from :mod:`lawlint.rulepack.regexcache`'s table; this module keeps these others.

:func:`prime` (first thing a command does) reads what an earlier start stored and puts each
compiled pattern into ``re``'s own cache, where ``re.compile`` looks first; :func:`learn` (called
once start-up is over) stores what ``re`` compiled since :func:`prime` that was not there yet.
What is stored is sre's own code for the pattern, kept only when ``_sre.compile`` of it equals
what ``re.compile`` built (code, flags, groups): a primed pattern is the one ``re`` would build.

The entry is data only (unsigned 32-bit integers: code, flags and the characters of patterns and
group names), in :mod:`lawlint.rulepack.cache` under a key naming the exact Python, sre's format
and this module's code; ``_sre.compile`` validates the code again, and anything unexpected leaves
``re`` to compile as usual. Without ``re._cache`` (another Python) nothing is primed, and
tests/test_start_regexes.py fails.
"""
from __future__ import annotations

import re
import sys

_FORMAT = 1
_MAX = 64                   # entries; more (a command line of many shapes): start over
_primed: dict | None = None  # re's cache key -> sre's arguments, as read at prime()
_seen: set = set()          # re's cache keys at prime(): not this module's to learn


def _key() -> str:
    import _sre
    return f"startregex\0{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{sys.byteorder}"


def prime() -> int:
    """Put the stored patterns into ``re``'s cache; how many."""
    global _primed
    if _primed is not None:
        return 0
    cache = getattr(re, "_cache", None)
    _primed = {}
    if type(cache) is not dict:
        return 0
    _seen.update(cache)
    from . import cache as store
    try:
        import _sre
        table = decode(store.read("startregex", _key()))
        for key, args in table.items():
            kind, pattern, flags = key
            cflags, code, groups, groupindex, indexgroup = args
            cache[key] = _sre.compile(pattern, cflags, code, groups - 1, groupindex, indexgroup)
            _primed[key] = args
    except Exception:       # noqa: BLE001 - a damaged or foreign entry: re compiles as usual
        for key in _primed:
            cache.pop(key, None)
        _primed = {}
    _seen.update(cache)
    return len(_primed)


def learn() -> None:
    """Store what ``re`` compiled since :func:`prime` (when there is anything new)."""
    cache = getattr(re, "_cache", None)
    if _primed is None or type(cache) is not dict:
        return
    new = {}
    for key, rx in list(cache.items()):
        if key not in _seen and len(key) == 3 and key[0] in (str, bytes) and type(key[2]) is int:
            args = _args(key[1], key[2], rx)
            if args is not None:
                new[key] = args
    _seen.update(cache)
    if not new or len(new) > _MAX:      # (a rule pack's patterns: not start-up's)
        return
    table = dict(_primed) if len(_primed) + len(new) <= _MAX else {}
    table.update(new)
    from . import cache as store
    store.write("startregex", _key(), encode(table))
    _primed.update(new)


def _args(pattern, flags: int, rx):
    """What ``re.compile`` passed ``_sre.compile`` for ``rx``, or None if that cannot be told."""
    try:
        import _sre
        from . import sreparts as sre
        p = sre.parser.parse(pattern, flags)
        code = [int(op) for op in sre.code(p, flags)]
        indexgroup = [None] * p.state.groups
        for name, i in p.state.groupdict.items():
            indexgroup[i] = name
        args = (flags | p.state.flags, code, p.state.groups, dict(p.state.groupdict), tuple(indexgroup))
        again = _sre.compile(pattern, args[0], code, args[2] - 1, args[3], args[4])
        if again == rx and again.groupindex == rx.groupindex and again.groups == rx.groups:
            return args
    except Exception:       # noqa: BLE001 - sre's internals are not the ones known here
        pass
    return None


def encode(table: dict) -> bytes:
    """The table as unsigned 32-bit integers: per entry its kind (0 str, 1 bytes), flags, sre's
    flags, group count, the pattern (length, then characters or bytes), the group names (count,
    then each one's length, characters and number) and the code (length, then words)."""
    from array import array
    out = array("I", [_FORMAT, len(table)])
    for (kind, pattern, flags), (cflags, code, groups, groupindex, _) in table.items():
        units = list(pattern) if kind is bytes else [ord(c) for c in pattern]
        out.extend([kind is bytes, flags, cflags, groups, len(units), *units, len(groupindex)])
        for name, i in groupindex.items():
            out.extend([len(name), *map(ord, name), i])
        out.extend([len(code), *code])
    return out.tobytes()


def decode(data) -> dict:
    """What :func:`encode` wrote, or an empty table for anything else (never an exception)."""
    if not data:
        return {}
    try:
        from array import array
        words = array("I")
        if words.itemsize != 4:
            return {}
        words.frombytes(data)
        w = words.tolist()
        if w[0] != _FORMAT:
            return {}
        table, at = {}, 2
        for _ in range(w[1]):
            is_bytes, flags, cflags, groups, size = w[at:at + 5]
            at += 5
            units = w[at:at + size]
            pattern = bytes(units) if is_bytes else "".join(map(chr, units))
            at += size
            groupindex = {}
            for _ in range(w[at]):
                n = w[at + 1]
                groupindex["".join(map(chr, w[at + 2:at + 2 + n]))] = w[at + 2 + n]
                at += n + 2
            at += 1
            size = w[at]
            code = w[at + 1:at + 1 + size]
            at += 1 + size
            indexgroup = [None] * groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            if len(pattern) != len(units) or len(code) != size or is_bytes > 1:
                return {}
            table[(bytes if is_bytes else str, pattern, flags)] = (cflags, code, groups, groupindex,
                                                                   tuple(indexgroup))
        return table if at == len(w) else {}
    except Exception:       # noqa: BLE001 - damaged: as if absent
        return {}
