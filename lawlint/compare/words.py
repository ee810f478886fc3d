"""Characters and words as the comparison counts them (Unicode categories, NFKC folding)."""
from __future__ import annotations

import unicodedata


def is_punct(word: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PZSC" for ch in word)


def fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word)


def content_word(word: str, stop) -> bool:
    w = fold(word)
    return len(w) >= 2 and not is_punct(w) and not w.isdigit() and w not in stop


def content_chars(text: str) -> int:
    return sum(1 for ch in text if unicodedata.category(ch)[0] not in "PZSC")


def plain(text: str) -> str:
    return "".join(ch for ch in fold(text) if unicodedata.category(ch)[0] not in "PZSC")
