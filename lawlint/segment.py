"""Chinese word segmentation, loaded only when a rule needs word boundaries.

jieba's dictionary costs most of a second to load, so nothing imports this module at start-up;
``segment`` loads it on first call, adds this field's terms (``rules/data/userdict.txt``) so that
放管服, 三项制度, 第一责任人 … stay whole, and keeps jieba's cache in the user cache directory.
HMM is off: new-word guessing makes results depend on context and is not needed here.
"""
from __future__ import annotations

import threading

_lock = threading.Lock()
_tokenizer = None


def _load():
    global _tokenizer
    with _lock:
        if _tokenizer is not None:
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
