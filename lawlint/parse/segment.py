"""Chinese word segmentation, loaded only when a rule needs word boundaries.

Two backends, chosen by measurement (benchmarks/bench.py): **rjieba** (jieba's algorithm in Rust,
dictionary compiled in: ≈0.1 s to import, ≈40 MB) is the default when installed; **jieba** (≈0.7 s
and ≈50 MB more to load its dictionary) is the fallback, with its cache in the user cache
directory. Both take this field's terms from ``rules/data/userdict.txt`` (放管服, 三项制度,
第一责任人 …). Both run without HMM, and give the same findings on the seeds and fixtures
(tests/test_segment.py). ``LAWLINT_SEGMENTER=jieba`` forces jieba, ``=rjieba`` rjieba itself (not
:mod:`.dictcut`, below). Nothing imports this module at
start-up; the first call to ``segment`` loads the backend.

Loading the backend costs more than checking a whole report, and the one rule that segments
(``word.duplicated``) needs only the sentences around a candidate repeat. So a sentence-sized text
is cut by :mod:`.dictcut` while rjieba is not loaded: rjieba's algorithm and words, reading only the
lines of jieba's ``dict.txt`` that start with the text's characters (≈3 ms and ≈5 MB mapped, not
≈0.12 s and ≈40 MB); rjieba itself when the installed ``dict.txt`` is not the indexed one. The words of a
sentence-sized text are kept in the on-disk cache (:mod:`lawlint.rulepack.cache`, keyed by the backend,
the user dictionary and the text): a fresh process re-checking a report (a pre-commit hook on
the next commit) gets the same words without loading the backend. Longer texts (``compare``'s
whole documents) are not cached.
"""
from __future__ import annotations

import os
import _thread
from functools import lru_cache

_lock = _thread.allocate_lock()     # threading.Lock, without importing threading (a warm start)
_tokenizer = None


_rjieba: list = []      # whether rjieba is installed, asked once a process (≈250,000 instructions a time)


def backend() -> str:
    if os.environ.get("LAWLINT_SEGMENTER", "").lower() == "jieba":
        return "jieba"
    if not _rjieba:
        _rjieba.append(installed("rjieba"))
    return "rjieba" if _rjieba[0] else "jieba"     # (importing rjieba builds its dictionary: ≈0.15 s)


def installed(name: str) -> bool:
    """Can the top-level module ``name`` be imported? What ``importlib.util.find_spec`` answers,
    asked of the import system's finders directly (PEP 451's ``find_spec`` protocol): a warm check
    asks it for the segmenter cache's key, and importing ``importlib.util`` (with ``contextlib``)
    cost it more than the answer."""
    import sys
    if name in sys.modules:
        return sys.modules[name] is not None
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if find is not None and find(name, None) is not None:
            return True
    return False


@lru_cache(maxsize=1)
def _userdict_text() -> str:
    from ..rulepack.resources import rules_file

    path = rules_file("data", "userdict.txt")           # (a string: pathlib is not imported for it)
    if not os.path.isfile(path):
        return ""
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _userdict_entries():
    """(word, freq) pairs of ``rules/data/userdict.txt`` (jieba's format: word [freq] [tag])."""
    out = []
    for line in _userdict_text().splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        out.append((parts[0], freq))
    return out


class _Rjieba:
    def __init__(self):
        import rjieba
        self._rj = rjieba
        for word, freq in _userdict_entries():
            rjieba.add_word(word, freq, None)     # rjieba's shared default dictionary

    def tokenize(self, text, HMM=False):  # noqa: N803 - jieba's keyword
        return self._rj.tokenize(text, hmm=False)


def _load():
    global _tokenizer
    with _lock:
        if _tokenizer is not None:
            return _tokenizer
        if backend() == "rjieba":
            _tokenizer = _Rjieba()
            return _tokenizer
        import logging

        import jieba

        from ..rulepack.cache import cache_dir
        from ..rulepack.resources import rules_dir

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        d = cache_dir()
        if d is not None:
            try:
                d.mkdir(parents=True, exist_ok=True)
                tok.tmp_dir = str(d)
                tok.cache_file = "jieba.cache"
            except OSError:
                pass
        userdict = rules_dir() / "data" / "userdict.txt"
        if userdict.is_file():
            tok.load_userdict(str(userdict))
        _tokenizer = tok
        return tok


CACHED_MAX = 2500       # characters: a sentence (scope.sentence_at reaches 1,000 either side)


def segment(text: str) -> list[tuple[str, int]]:
    """Words of ``text`` with their character offsets."""
    if len(text) > CACHED_MAX:
        return _segment(text)
    from ..rulepack import cache

    key = f"{backend()}\0{_userdict_text()}\0{text}"
    stored = cache.get("tokens", key)
    try:
        return [(w, int(start)) for w, start in stored]   # JSON gives [word, offset] lists
    except (TypeError, ValueError):                       # absent, or of another shape
        pass
    words = _segment(text)
    cache.put("tokens", key, [list(w) for w in words])
    return words


def _segment(text: str) -> list[tuple[str, int]]:
    if (_tokenizer is None and len(text) <= CACHED_MAX and backend() == "rjieba"
            and os.environ.get("LAWLINT_SEGMENTER", "").lower() != "rjieba"):     # that forces rjieba
        from . import dictcut           # rjieba's words, without building its dictionary

        words = dictcut.load(_userdict_entries())
        if words is not None:
            return words.cut(text)
    tok = _load()
    return [(w, start) for w, start, _ in tok.tokenize(text, HMM=False)]


def loaded() -> bool:
    """Has this process segmented anything (loaded a backend or read jieba's dictionary)?"""
    if _tokenizer is not None:
        return True
    import sys

    dictcut = sys.modules.get(f"{__package__}.dictcut")
    return bool(dictcut and dictcut.loaded())


__all__ = ["segment", "loaded"]
