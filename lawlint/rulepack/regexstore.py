"""The regex cache's stored form: data only (32-bit integers and text), never code, read lazily.

:mod:`lawlint.rulepack.regexcache` keeps, per (pattern, flags), the arguments sre's compiler passes to
``_sre.compile`` (a list of integers and the group names), and per pattern the literals it
requires: about 1,100 entries, of which a run uses a third. Parsing them all as JSON and checking
each in a Python loop cost a warm start ≈ 17 M instructions, so :func:`encode` writes a layout a
start can use without reading every entry:

* :data:`MAGIC` (the format tag: a table in any other format, an older one too, reads as empty);
* unsigned 32-bit integers (native order: the cache key names the byte order): eight counts
  (patterns, records, code words, other strings, the two texts' bytes, bytes per text unit, the
  separator); nine per record: a code entry's flags, sre's flags, where its code starts and ends
  (in words; equal: no code entry), its group count and its group names (0: none, else 1 + the
  number of an other string holding ``[groupindex, indexgroup]`` as JSON), 1 + the first and
  the end number of the pattern's literals among the other strings (0, 0: no literal entry),
  and the number of the pattern's next record (0: none; a pattern compiled with other flags
  too). Record ``i < patterns`` is pattern ``i``'s first; then the code;
* the patterns, then the other strings (literals, group names), each text joined by the
  separator: a character that occurs in none of its strings (:func:`encode` picks one), so
  ``split`` gives back exactly the strings; in UTF-16, or UTF-32 when a string holds a lone
  surrogate (UTF-16 would join a pair of them into one character), each after a byte order mark.

:func:`decode` checks the counts against the length and the texts against the counts, and
returns a :class:`Table` that knows each pattern's number (one ``split`` and one ``dict``: C loops);
an entry's fields are read and checked when it is first looked up, and one that fails the checks
reads as absent. Anything that is not such a table decodes to an empty one, never an exception;
``_sre.compile`` validates the code itself before it is used.
"""
from __future__ import annotations

import json
from array import array
from collections.abc import MutableMapping

MAGIC = b"lawlint-regex-table 3\n\0\0"       # (24 bytes: the integers after it stay aligned)
_HEAD, _REC = 8, 9                            # integers: counts, per record
_U32 = 1 << 32
_GONE = object()                              # looked up and not there, or removed
_CODECS = {2: "utf-16", 4: "utf-32"}         # (with a byte order mark: str() decodes these in C, no codec lookup)


class Table(MutableMapping):
    """A dict of the regex cache's entries whose stored ones are read (and checked) on first use:
    ``(pattern, flags) -> (cflags, code, groups, groupindex, indexgroup)`` and
    ``("literals", pattern) -> tuple of literals``."""

    __slots__ = ("_index", "_got", "_recs", "_raw", "_other", "_firsts")

    def __init__(self, index=None, recs=None, raw=None, other=None):
        self._index = index or {}       # pattern -> the number of its first record
        self._got: dict = {}            # key -> value read or set, or _GONE
        self._recs, self._raw, self._other = recs, raw, other
        self._firsts = len(self._index)     # records 0 .. _firsts - 1: each pattern's first

    def get(self, key, default=None):
        got = self._got.get(key)
        if got is None:
            got = self._read(key)
        return default if got is _GONE else got

    def _read(self, key):
        """Read ``key``'s stored entry into ``_got`` (its pattern's literals with its code), checked."""
        got, value = self._got, _GONE
        try:
            pattern, flags = key
            literals = pattern == "literals" and type(flags) is str
            r = self._index.get(flags if literals else pattern)
            recs, other = self._recs, self._other
            while r is not None:
                i = r * _REC
                f, cflags, start, end, groups, names, first, last, after = recs[i:i + _REC]
                if r < self._firsts:            # a pattern's first record holds its literals
                    lits = tuple(other[first - 1:last - 1]) if 0 < first <= last <= len(other) + 1 else _GONE
                    if literals:
                        value = lits
                        break
                    if lits is not _GONE and ("literals", pattern) not in got:
                        got["literals", pattern] = lits
                if f == flags and start < end:
                    if names or groups > end - start or 4 * end > len(self._raw):
                        value = self._code(cflags, start, end, groups, names)      # (checked there)
                    else:               # the common case, inline: a start reads a few hundred
                        code = array("I")               # (C memory: int objects only when compiled)
                        code.frombytes(self._raw[4 * start:4 * end])
                        value = cflags, code, groups, {}, (None,) * (groups + 1)
                    break
                r = after if after > r else None
        except Exception:       # noqa: BLE001 - a damaged entry (or a key of another shape): absent
            value = _GONE
        got[key] = value
        return value

    def _code(self, cflags, start, end, groups, names):
        raw = self._raw
        if not start < end <= len(raw) // 4 or groups > end - start or names > len(self._other):
            return _GONE
        code = array("I")
        code.frombytes(raw[4 * start:4 * end])
        if not names:
            return cflags, code, groups, {}, (None,) * (groups + 1)
        groupindex, indexgroup = json.loads(self._other[names - 1])
        return (cflags, code, groups, groupindex, tuple(indexgroup)) if _names_ok(groupindex, indexgroup) else _GONE

    def __getitem__(self, key):
        got = self.get(key, _GONE)
        if got is _GONE:
            raise KeyError(key)
        return got

    def __contains__(self, key):
        return self.get(key, _GONE) is not _GONE

    def __setitem__(self, key, value):
        self._got[key] = value

    def __delitem__(self, key):
        if self.pop(key, _GONE) is _GONE:
            raise KeyError(key)

    def pop(self, key, default=None):
        got = self.get(key, _GONE)
        if got is _GONE:
            return default
        self._got[key] = _GONE
        return got

    def _read_all(self):
        if self._index:
            recs = self._recs
            for pattern, r in list(self._index.items()):
                self.get(("literals", pattern))
                seen = set()
                while r not in seen and r * _REC < len(recs):
                    seen.add(r)
                    self.get((pattern, recs[r * _REC]))
                    r = recs[r * _REC + _REC - 1] or r
            self._index = {}
        self._got = {k: v for k, v in self._got.items() if v is not _GONE}

    def __iter__(self):
        self._read_all()        # every stored entry read: a damaged one is dropped
        return iter(self._got)

    def __len__(self):
        self._read_all()
        return len(self._got)

    def __bool__(self):         # without reading every entry (a damaged one counts until read)
        return bool(self._index) or any(v is not _GONE for v in self._got.values())

    def __repr__(self):
        return f"Table({len(self._got)} looked up, {len(self._index)} patterns stored)"


def _names_ok(groupindex, indexgroup) -> bool:
    return (type(groupindex) is dict and type(indexgroup) in (list, tuple)
            and all(type(k) is str and type(v) is int for k, v in groupindex.items())
            and all(x is None or type(x) is str for x in indexgroup))


def decode(data) -> Table:
    """What :func:`encode` wrote (bytes, or a memoryview of them), or an empty table for anything
    else (never an exception)."""
    try:
        if not data or data[:len(MAGIC)] != MAGIC:
            return Table()
        view = memoryview(data)[len(MAGIC):]
        n_pat, n_rec, n_words, n_other, pat_bytes, other_bytes, unit, sep = view[:4 * _HEAD].cast("I")
        codes = 4 * (_HEAD + n_rec * _REC)
        texts = codes + 4 * n_words
        if n_pat > n_rec or unit not in _CODECS or len(view) != texts + pat_bytes + other_bytes:
            return Table()
        codec, sep = _CODECS[unit], chr(sep)
        patterns = str(view[texts:texts + pat_bytes], codec, "surrogatepass").split(sep) if n_pat else []
        other = str(view[texts + pat_bytes:], codec, "surrogatepass").split(sep) if n_other else []
        if len(patterns) != n_pat or len(other) != n_other:
            return Table()
        recs = array("I")
        recs.frombytes(view[4 * _HEAD:codes])
        return Table(dict(zip(patterns, range(n_pat))), recs, view[codes:texts], other)
    except Exception:           # noqa: BLE001 - a damaged or foreign table: rebuilt
        return Table()


def _holds(key, value) -> bool:
    """Can the format hold this entry as it is (so that decoding gives it back)?"""
    try:
        if type(key) is not tuple or len(key) != 2 or type(key[0]) is not str:
            return False
        if type(key[1]) is str:
            return key[0] == "literals" and all(type(x) is str for x in value)
        cflags, code, groups, groupindex, indexgroup = value
        return (type(key[1]) is int and 0 <= key[1] < _U32 and type(cflags) is int and 0 <= cflags < _U32
                and type(groups) is int and 0 <= groups <= len(code) and len(code) > 0
                and len(array("I", code)) == len(code) and _names_ok(groupindex, indexgroup))
    except (TypeError, ValueError, OverflowError):     # code words that are not 32-bit integers
        return False


def _separator(strings: list) -> str:
    """A character none of the strings holds (so that ``split`` by it gives them back)."""
    text = "".join(strings)
    return next(c for c in map(chr, range(0xE000, 0x110000)) if c not in text)


def encode(table) -> bytes:
    """The entries of ``table`` (a mapping) in this format; an entry it cannot hold (a value of
    another shape or out of range) is left out. Patterns keep the order they first appear in."""
    number: dict = {}                       # pattern -> [its code entries, its literals or None]
    for key, value in table.items():
        if _holds(key, value):
            literals = type(key[1]) is str
            got = number.setdefault(key[1] if literals else key[0], [[], None])
            if literals:
                got[1] = value
            else:
                got[0].append((key[1], value))
    other, firsts, extra, codes = [], array("I"), [], array("I")
    for code_entries, literals in number.values():
        first = 0 if literals is None else len(other) + 1
        other.extend(literals or ())
        lits = (first, first and len(other) + 1)
        recs = []                           # (flags, cflags, start, end, groups, names)
        for flags, (cflags, code, groups, groupindex, indexgroup) in code_entries:
            names = 0
            if groupindex or tuple(indexgroup) != (None,) * (groups + 1):
                other.append(json.dumps([groupindex, list(indexgroup)], ensure_ascii=False))
                names = len(other)          # 1 + its number
            start = len(codes)
            codes.extend(array("I", code))
            recs.append((flags, cflags, start, len(codes), groups, names))
        recs = recs or [(0, 0, 0, 0, 0, 0)]       # literals only: a record without code
        after = [len(number) + len(extra) + i for i in range(len(recs) - 1)] + [0]     # the next record
        firsts.extend(recs[0] + lits + (after[0],))
        extra.extend(rec + (0, 0, nxt) for rec, nxt in zip(recs[1:], after[1:]))
    records = firsts + array("I", [x for rec in extra for x in rec])
    patterns = list(number)
    sep = _separator(patterns + other)
    pat_text, other_text = sep.join(patterns), sep.join(other)
    try:
        (pat_text + other_text).encode("utf-8")
        unit = 2
    except UnicodeEncodeError:              # a lone surrogate
        unit = 4
    pat_data, other_data = (t.encode(_CODECS[unit], "surrogatepass") for t in (pat_text, other_text))
    head = array("I", (len(number), len(records) // _REC, len(codes), len(other), len(pat_data),
                       len(other_data), unit, ord(sep)))
    return MAGIC + (head + records + codes).tobytes() + pat_data + other_data
