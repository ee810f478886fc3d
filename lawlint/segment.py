"""Chinese word segmentation, loaded only when a rule needs word boundaries.

Two backends, chosen by measurement (benchmarks/bench.py): **rjieba** (jieba's algorithm in Rust,
dictionary compiled in: ≈0.1 s to import, ≈40 MB) is the default when installed; **jieba** (≈0.7 s
and ≈50 MB more to load its dictionary) is the fallback, with its cache in the user cache
directory. Both take this field's terms from ``rules/data/userdict.txt`` (放管服, 三项制度,
第一责任人 …). Both run without HMM, and give the same findings on the seeds and fixtures
(tests/test_segment.py). ``LAWLINT_SEGMENTER=jieba`` forces jieba. Nothing imports this module at
start-up; the first call to ``segment`` loads the backend.
"""
from __future__ import annotations

import os
import threading

_lock = threading.Lock()
_tokenizer = None


def backend() -> str:
    if os.environ.get("LAWLINT_SEGMENTER", "").lower() == "jieba":
        return "jieba"
    try:
        import rjieba  # noqa: F401
        return "rjieba"
    except ImportError:
        return "jieba"


def _userdict_entries():
    """(word, freq) pairs of ``rules/data/userdict.txt`` (jieba's format: word [freq] [tag])."""
    from .resources import rules_dir

    path = rules_dir() / "data" / "userdict.txt"
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
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

        from .cache import cache_dir
        from .resources import rules_dir

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


def segment(text: str) -> list[tuple[str, int]]:
    """Words of ``text`` with their character offsets."""
    tok = _load()
    return [(w, start) for w, start, _ in tok.tokenize(text, HMM=False)]


def loaded() -> bool:
    return _tokenizer is not None


__all__ = ["segment", "loaded"]
