"""The law table's stored form: sorted lines of UTF-8 bytes, looked up by binary search.

A start that consults the law table asks it about a few dozen titles; building the dictionaries of
≈1,700 titles and short forms to answer them cost ≈5.5 M instructions a start, and decoding and
hashing the files ≈3 M more. This form needs no per-entry work before a lookup: one bytes object
whose lines are sorted, found by bisection on the bytes (UTF-8 bytes sort as their code points do).

``rules/data/laws-index.txt`` (written by ``tools/build_law_table.py``; a test fails when it is
not what the data files give) holds::

    lawlint-laws-index 1
    <laws.json's size> <BLAKE2b of laws_curated.yaml> <size of the forms> <size of the entries>
    form<TAB>entry key        (every accepted form's key: titles and short forms; sorted)
    entry key<TAB>entry JSON  (the merged entries; sorted)

The second line names the data files it was built from: the hand-kept curated file by a hash of
its bytes, the generated laws.json (rewritten only with this file, by the same tool) by its size.
A file that names other data, or that does not read back, is not used: the table is merged from
the data files instead. Data only: lines of text and JSON values.
"""
from __future__ import annotations

import json

MAGIC = b"lawlint-laws-index 1\n"


class Damaged(ValueError):
    """A line of the stored form that does not read back (no tab, a value that does not decode)."""


def encode(entries: dict, idx: dict, stamp: bytes) -> bytes:
    """The stored form of the merged ``entries`` (key → entry) and ``idx`` (form → key); ``stamp``
    is the second line's start (the data files' size and hash)."""
    forms = sorted((f.encode("utf-8"), k.encode("utf-8")) for f, k in idx.items())
    rows = sorted((k.encode("utf-8"), json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
                  for k, e in entries.items())
    for a, b in [*forms, *rows]:
        if b"\n" in a or b"\t" in a or b"\n" in b:
            raise ValueError(f"a title with a tab or line break cannot be stored: {a!r}")
    forms_part = b"".join(f + b"\t" + k + b"\n" for f, k in forms)
    rows_part = b"".join(k + b"\t" + j + b"\n" for k, j in rows)
    return MAGIC + b"%s %d %d\n" % (stamp, len(forms_part), len(rows_part)) + forms_part + rows_part


class Stored:
    """Lookups in a stored form (``data``); :func:`read` makes one, or None for what is not one."""
    __slots__ = ("data", "forms", "rows")

    def __init__(self, data: bytes, forms: tuple, rows: tuple):
        self.data, self.forms, self.rows = data, forms, rows

    def target(self, form: str) -> str | None:
        """The entry key of an accepted form, or None."""
        got = _get(self.data, *self.forms, form.encode("utf-8", "surrogatepass"))
        try:
            return None if got is None else got.decode("utf-8")
        except UnicodeDecodeError:
            raise Damaged(form) from None

    def entry(self, k: str) -> dict | None:
        """The entry of the key ``k`` (a fresh dict), or None."""
        got = _get(self.data, *self.rows, k.encode("utf-8", "surrogatepass"))
        if got is None:
            return None
        try:
            e = json.loads(got)
        except ValueError:
            raise Damaged(k) from None
        if type(e) is not dict or type(e.get("title")) is not str:
            raise Damaged(k)
        return e

    def starting(self, c: str) -> list:
        """The accepted forms whose first character is ``c``, in order."""
        lo, hi = self.forms
        first = c.encode("utf-8", "surrogatepass")
        s = _bound(self.data, lo, hi, first)
        e = _bound(self.data, s, hi, first + b"\xff")       # (no UTF-8 byte is 0xff)
        try:
            text = self.data[s:e].decode("utf-8")
        except UnicodeDecodeError:
            raise Damaged(c) from None
        return [line.partition("\t")[0] for line in text.split("\n")[:-1]]

    def pairs(self, part: str) -> list:
        """Every (first field, second field) of ``forms`` or ``rows``, decoded: the whole table. A
        line that reads back but is out of order (one lost, one twice) is found here; a lookup
        believes the lines it bisects, as the files' own lines are believed."""
        lo, hi = getattr(self, part)
        out, last = [], None
        for line in self.data[lo:hi].split(b"\n")[:-1]:
            a, tab, b = line.partition(b"\t")
            if not tab or (last is not None and a <= last):
                raise Damaged(line)
            last = a
            out.append((a, b))
        try:
            return [(a.decode("utf-8"), b.decode("utf-8")) for a, b in out]
        except UnicodeDecodeError:
            raise Damaged(part) from None


def read(data: bytes | None, stamp: bytes) -> Stored | None:
    """The stored form in ``data`` if it was built from the data files ``stamp`` names, else None."""
    if not data or not data.startswith(MAGIC):
        return None
    head_end = data.find(b"\n", len(MAGIC))
    head = data[len(MAGIC):head_end].rsplit(b" ", 2)
    if head_end < 0 or len(head) != 3 or head[0] != stamp:
        return None
    try:
        n_forms, n_rows = int(head[1]), int(head[2])
    except ValueError:
        return None
    lo = head_end + 1
    mid, hi = lo + n_forms, lo + n_forms + n_rows
    if n_forms < 1 or n_rows < 1 or hi != len(data) or data[mid - 1:mid] != b"\n" or data[-1:] != b"\n":
        return None
    return Stored(data, (lo, mid), (mid, hi))


def _bound(data: bytes, lo: int, hi: int, k: bytes) -> int:
    """The start of the first line in ``data[lo:hi]`` whose first field is not below ``k`` (``hi``
    when there is none); ``lo`` and ``hi`` are line starts."""
    while lo < hi:
        mid = (lo + hi) >> 1
        s = data.rfind(b"\n", lo, mid) + 1
        if s < lo:
            s = lo
        e = data.find(b"\n", s, hi)
        t = data.find(b"\t", s, e) if e >= 0 else -1
        if t < 0:
            raise Damaged(data[s:e])
        if data[s:t] < k:
            lo = e + 1
        else:
            hi = s
    return lo


def _get(data: bytes, lo: int, hi: int, k: bytes) -> bytes | None:
    """The second field of the line whose first field is ``k``, or None."""
    s = _bound(data, lo, hi, k)
    if s >= hi:
        return None
    e = data.find(b"\n", s, hi)
    n = len(k)
    return data[s + n + 1:e] if data[s + n:s + n + 1] == b"\t" and data[s:s + n] == k else None
