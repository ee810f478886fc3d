"""The regex cache's stored form: data only (JSON and an array of 32-bit integers), never code.

:mod:`lawlint.rulepack.regexcache` keeps, per (pattern, flags), the arguments sre's compiler passes to
``_sre.compile`` (a list of integers and the group names), and per pattern the literals it
requires. :func:`encode` writes them as a JSON list of entries followed by every pattern's code
as one array of unsigned 32-bit integers (parsing them as JSON numbers would cost a warm start
≈ 7 ms); :func:`decode` reads that back, checking every field's type, and returns an empty table
for anything else. ``_sre.compile`` validates the code again before it is used.
"""
from __future__ import annotations

import json


def encode(table: dict) -> bytes:
    """The table as data: a JSON list of entries, then every pattern's sre code as one array of
    unsigned 32-bit integers (parsing them as JSON numbers would cost a warm start ≈ 7 ms)."""
    from array import array
    entries, codes = [], array("I")
    for key, val in table.items():
        if isinstance(key[1], str):                  # ("literals", pattern) -> strings
            entries.append([key[1], list(val)])
        else:                                        # (pattern, flags) -> _sre.compile's arguments
            flags, code, groups, groupindex, indexgroup = val
            entries.append([key[0], key[1], flags, len(code), groups, groupindex, list(indexgroup)])
            codes.extend(code)
    head = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return len(head).to_bytes(8, "little") + head + codes.tobytes()


def decode(data) -> dict:
    """What :func:`encode` wrote, or an empty table for anything else (never an exception)."""
    if not data:
        return {}
    try:
        from array import array
        n = int.from_bytes(data[:8], "little")
        entries = json.loads(data[8:8 + n])
        codes = array("I")
        if codes.itemsize != 4:
            return {}
        codes.frombytes(data[8 + n:])
        code, at, table = codes, 0, {}      # each entry's code stays an array (C memory, no int
                                            # objects) until regexcache compiles it: a start uses
                                            # a third of the table
        for e in entries:
            if len(e) == 2:
                pattern, needed = e
                if type(pattern) is not str or not all(type(x) is str for x in needed):
                    return {}
                table[("literals", pattern)] = tuple(needed)
                continue
            pattern, flags, cflags, size, groups, groupindex, indexgroup = e
            if not (type(pattern) is str and type(flags) is int and type(cflags) is int
                    and type(size) is int and type(groups) is int and type(groupindex) is dict
                    and type(indexgroup) is list and 0 < size <= len(code) - at):
                return {}
            table[(pattern, flags)] = (cflags, code[at:at + size], groups, groupindex, tuple(indexgroup))
            at += size
        return table if at == len(code) else {}
    except Exception:           # noqa: BLE001 - a damaged or foreign entry: rebuilt
        return {}
