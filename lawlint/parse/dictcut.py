"""jieba's cut without HMM, as rjieba (jieba-rs) computes it, reading only the dictionary lines a
text needs: no 349k-word dictionary is built (``import rjieba`` alone costs ≈0.12 s and ≈40 MB, more
than checking a whole report).

The algorithm (jieba-rs ``cut_dag_no_hmm``): the text is split into blocks of CJK ideographs, ASCII
letters and digits and ``+#&._%-``; everything else is one token per character (``\\r\\n`` one).
In a block, the DAG holds at each position every dictionary word starting there (a position with
none gets its single character); the route maximises the sum of ``ln(freq) - ln(total)`` from the
end, ties going to the longer word; runs of single ASCII letters or digits on the route are joined.

Only the dictionary entries that occur in the text matter, and the total frequency. jieba's
``dict.txt`` (installed with the ``jieba`` dependency; rjieba compiles in the same entries) is
grouped by first character, so ``rules/data/jieba-index.json`` (``tools/build_jieba_index.py``)
records each group's byte range, the total and the size and CRC-32 of the file it was built from;
a word's frequency is then one ``bytes.find`` in its group. When the installed file is not the one
indexed (another jieba), :func:`load` returns None and :mod:`.segment` uses rjieba.
``tests/test_segment.py`` checks token-for-token equality with rjieba.
"""
from __future__ import annotations

import math
import os
import threading

INDEX = "jieba-index.json"
_lock = threading.Lock()
_loaded: list = []          # [Dictionary | None] once decided


def _is_block(c: str) -> bool:
    """jieba-rs ``is_han_default``: CJK ideographs, ASCII letters and digits, ``+#&._%-``."""
    o = ord(c)
    if o < 0x80:
        return c.isalnum() or c in "+#&._%-"
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2A6DF or 0x2A700 <= o <= 0x2EBEF or 0x2F800 <= o <= 0x2FA1F)


class Dictionary:
    """jieba's dictionary, read group by group from ``dict.txt``, plus the user dictionary."""

    def __init__(self, data, index: dict, userdict=()):     # data: dict.txt, sliced by byte offsets
        self._data = data
        self._chars = index["chars"]
        self._starts = _offsets(index["offsets"])
        self.total = index["total"]
        self._groups: dict = {}     # first character -> b"\n" + its lines
        self._freq: dict = {}       # word -> frequency (None: not a word)
        self._prefix: dict = {}     # prefix -> is the start of some word
        self._added: dict = {}      # the user dictionary: word -> frequency
        self._added_prefixes: set = set()
        for word, freq in userdict:
            self.add_word(word, freq)

    def _group(self, c: str) -> bytes:
        g = self._groups.get(c)
        if g is None:
            parts, chars, i = [], self._chars, self._chars.find(c)
            while i >= 0:
                parts.append(self._data[self._starts[i]:self._starts[i + 1]])
                i = chars.find(c, i + 1)
            g = self._groups[c] = b"\n" + b"".join(parts)
        return g

    def freq(self, word: str):
        """The word's frequency, None when it is not in the dictionary."""
        f = self._freq.get(word, -1)
        if f != -1:
            return f
        f = self._added.get(word)
        if f is None:
            key = b"\n" + word.encode("utf-8") + b" "
            g = self._group(word[0])
            i = g.find(key)
            if i >= 0:                  # "word freq tag\n"
                i += len(key)
                f = int(g[i:g.find(b"\n", i)].split(b" ", 1)[0])
        self._freq[word] = f
        return f

    def is_prefix(self, prefix: str) -> bool:
        p = self._prefix.get(prefix)
        if p is None:
            p = self._prefix[prefix] = (prefix in self._added_prefixes
                                        or self._group(prefix[0]).find(b"\n" + prefix.encode("utf-8")) >= 0)
        return p

    def add_word(self, word: str, freq=None) -> int:
        """jieba-rs ``add_word``: a word without a frequency gets :meth:`suggest_freq`'s."""
        if not word:
            return 0
        if freq is None:
            freq = self.suggest_freq(word)
        old = self.freq(word)
        self.total += freq - (old or 0)
        self._added[word] = freq
        self._freq[word] = freq
        for k in range(1, len(word) + 1):
            self._added_prefixes.add(word[:k])
            self._prefix.pop(word[:k], None)
        return freq

    def suggest_freq(self, segment: str) -> int:
        logtotal = math.log(self.total)
        logfreq = 0.0
        for w, _ in self.cut(segment):
            logfreq = logfreq + _ln(self._freq_or_1(w)) - logtotal
        return max(int(math.exp(logfreq + logtotal)) + 1, self._freq_or_1(segment))

    def _freq_or_1(self, word: str) -> int:        # jieba-rs get_word_freq(word, 1): a 0 stays 0
        f = self.freq(word)
        return 1 if f is None else f

    def cut(self, text: str) -> list[tuple[str, int]]:
        """Words of ``text`` with their character offsets (rjieba ``tokenize(text, hmm=False)``)."""
        out: list = []
        n, i = len(text), 0
        while i < n:
            j = i + 1
            if _is_block(text[i]):
                while j < n and _is_block(text[j]):
                    j += 1
                self._cut_block(text, i, j, out)
            elif text[i] == "\r" and j < n and text[j] == "\n":
                j += 1
                out.append((text[i:j], i))
            else:
                out.append((text[i], i))
            i = j
        return out

    def _cut_block(self, text: str, lo: int, hi: int, out: list) -> None:
        logtotal = math.log(self.total)
        log1 = 0.0 - logtotal
        freq, is_prefix = self.freq, self.is_prefix
        route: list = [(0.0, 0)] * (hi - lo + 1)
        for i in range(hi - 1, lo - 1, -1):
            best = None
            for j in range(i + 1, hi + 1):
                w = text[i:j]
                if not is_prefix(w):
                    break
                f = freq(w)
                if f is not None:
                    cand = (_ln(f) - logtotal + route[j - lo][0], j)
                    if best is None or cand >= best:        # Rust's max_by keeps the last of equals
                        best = cand
            route[i - lo] = best if best is not None else (log1 + route[i + 1 - lo][0], i + 1)
        x, left = lo, None
        while x < hi:
            y = route[x - lo][1]
            if y == x + 1 and text[x] < "\x80" and text[x].isalnum():
                if left is None:
                    left = x
            else:
                if left is not None:
                    out.append((text[left:x], left))
                    left = None
                out.append((text[x:y], x))
            x = y
        if left is not None:
            out.append((text[left:hi], left))


def _ln(f: int) -> float:
    return math.log(f) if f > 0 else -math.inf


def load(userdict=()):
    """The dictionary of the installed jieba, or None when the index does not describe it."""
    with _lock:
        if not _loaded:
            _loaded.append(open_dictionary(userdict))
        return _loaded[0]


def loaded() -> bool:
    return bool(_loaded and _loaded[0] is not None)


def open_dictionary(userdict=()):
    """A new :class:`Dictionary` of the installed jieba (None: not the file the index describes)."""
    import json
    from importlib.util import find_spec
    from pathlib import Path

    from ..rulepack.resources import rules_dir

    try:
        spec = find_spec("jieba")
        if spec is None or not spec.origin:
            return None
        data = _File(Path(spec.origin).parent / "dict.txt")
        index = json.loads((rules_dir() / "data" / INDEX).read_text(encoding="utf-8"))
        if not _valid(index, data.size) or index["crc32"] != data.crc32():
            return None
    except (OSError, ValueError, ImportError):
        return None
    return Dictionary(data, index, userdict)


class _File:
    """dict.txt, read where a group is needed (not mapped: the pages around each group would stay
    in this process's memory, ≈2 MB for the user dictionary's words alone)."""

    def __init__(self, path):
        self._fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self._lock = threading.Lock()
        self.size = os.fstat(self._fd).st_size

    def _read(self, start: int, n: int) -> bytes:
        if hasattr(os, "pread"):        # no shared file position: safe in a forked worker too
            return os.pread(self._fd, n, start)
        with self._lock:
            os.lseek(self._fd, start, os.SEEK_SET)
            return os.read(self._fd, n)

    def __getitem__(self, span: slice) -> bytes:
        out, pos = [], span.start
        while pos < span.stop and (chunk := self._read(pos, span.stop - pos)):
            out.append(chunk)
            pos += len(chunk)
        return b"".join(out)

    def crc32(self) -> int:
        """256 KB at a time: peak memory +0.25 MB, not +5 MB."""
        import zlib

        crc, step = 0, 1 << 18
        for start in range(0, self.size, step):
            crc = zlib.crc32(self[start:start + step], crc)
        return crc

    def __del__(self):
        fd, self._fd = getattr(self, "_fd", None), None
        if fd is not None:
            os.close(fd)


def _offsets(text: str):
    """Group i of dict.txt is bytes offsets[i]:offsets[i + 1] (little-endian uint32, base64)."""
    import sys
    from array import array
    from binascii import a2b_base64

    out = array("I")
    if out.itemsize != 4:
        raise ValueError("no 32-bit array type")
    out.frombytes(a2b_base64(text))
    if sys.byteorder != "little":
        out.byteswap()
    return out


def _valid(index, size: int) -> bool:
    """The index has the shape tools/build_jieba_index.py writes, for a file of this size."""
    if not isinstance(index, dict) or index.get("size") != size:
        return False
    chars, offsets, total = index.get("chars"), index.get("offsets"), index.get("total")
    try:
        starts = _offsets(offsets)
    except (TypeError, ValueError):     # binascii.Error is a ValueError
        return False
    return (isinstance(index.get("crc32"), int) and isinstance(total, int) and total > 0
            and isinstance(chars, str) and len(starts) == len(chars) + 1
            and starts[0] == 0 and starts[-1] == size)


__all__ = ["Dictionary", "load", "loaded", "open_dictionary"]
