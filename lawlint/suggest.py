"""「是否要找：…」 for a mistyped name: difflib's close matches among the names there are (rule ids,
commands, options, configuration keys, formats). Ground level: imports only difflib."""
from __future__ import annotations


def close(word: str, names, n: int = 3) -> list[str]:
    """The names most like ``word``: difflib's close matches, and for a dotted rule id also the
    ids whose last part is close (「punct.halfwidht」 → punct.halfwidth)."""
    import difflib
    names = list(dict.fromkeys(names))

    def score(name):
        full = difflib.SequenceMatcher(None, word, name).ratio()
        if "." not in word and "." in name:         # 「halfwidth」 against 「punct.halfwidth」
            full = max(full, difflib.SequenceMatcher(None, word, name.rsplit(".", 1)[1]).ratio())
        return full

    scored = sorted(((score(name), name) for name in names), key=lambda x: -x[0])
    if not scored or scored[0][0] < 0.6:
        return []
    best = scored[0][0]
    return [name for s, name in scored[:n] if s >= best - 0.05]     # the close ones, not the next best


def hint(word: str, names, fallback: str = "") -> str:
    """「（是否要找：a、b）」, or ``fallback`` when nothing is close."""
    found = close(word, names)
    return f"（是否要找：{'、'.join(found)}）" if found else fallback
