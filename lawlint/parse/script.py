"""Traditional script: match a Traditional report through a Simplified copy of the same length.

Reports are often copied from Hong Kong or Taiwan mirrors, or through a site's 繁體 switch, and
every rule is written in Simplified characters. The parser therefore reads a *Simplified copy* of
such a text, made with OpenCC's data one line at a time; a line whose phrase conversion would
change its length is converted character by character, so every offset in the copy is the offset
of the same character in the original. Findings keep their positions; what they quote, and the
replacements ``lawlint fix`` writes, are mapped back to the original's characters
(:meth:`Script.restore`), so a fix never puts Simplified characters into a Traditional file.

OpenCC is imported only when the text shows several frequent Traditional-only characters
(``rules/data/script.yaml``): a Simplified report never loads it.
"""
from __future__ import annotations

import codecs
import re
from ..plain import dataclass, field
from functools import lru_cache

from ..rulepack import regexcache
from ..chars import HAN_RE


@lru_cache(maxsize=1)
def _data() -> dict:
    from ..rulepack.resources import load_data
    d = dict(load_data("script.yaml"))
    markers = "".join(dict.fromkeys("".join(d["markers"].split())))
    d["marker_map"] = _marker_map(markers)
    d["markers"] = regexcache.compile("[" + re.escape(markers) + "]")
    d["punct"] = str.maketrans(d["punctuation"]["from"], d["punctuation"]["to"])
    return d


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc
    return opencc.OpenCC(config)


def _marker_map(markers: str):
    """A charmap encoding table in which the markers (and U+0000) alone are encodable, or None
    when the markers do not fit one (more than 255, or CPython gives a dict, not its compact
    table). Encoding a text with it, errors ignored, leaves one byte per marker (and NUL): the
    markers are counted in C at ≈37 instructions a character; sre's scan for the class cost ≈64
    (Python's ``charmap_build`` makes its compact table only when the first character is U+0000)."""
    if not markers or len(markers) > 255:
        return None
    table = codecs.charmap_build("\0" + markers + markers[0] * (255 - len(markers)))
    return None if isinstance(table, dict) else table


def is_traditional(text: str) -> bool:
    """Does the text show at least ``min_markers`` frequent Traditional-only characters?"""
    d = _data()
    need = d["min_markers"]
    table = d["marker_map"]
    if table is not None and "\0" not in text:     # (NUL is encodable too: such a text is scanned)
        return len(codecs.charmap_encode(text, "ignore", table)[0]) >= need
    for seen, _ in enumerate(d["markers"].finditer(text), 1):
        if seen >= need:
            return True
    return False


def _convert_line(line: str, configs) -> str:
    out = line
    for name in configs:
        conv = _converter(name).convert(out)
        if len(conv) != len(out):            # a phrase changed length: character by character
            conv = "".join(c if len(c) == 1 else o
                           for o, c in zip(out, (_converter(name).convert(ch) for ch in out)))
        out = conv
    return out


@dataclass
class Script:
    """The original text and its same-length Simplified copy."""

    original: str
    simplified: str
    _back: dict = field(default_factory=dict, repr=False)

    @property
    def converted(self) -> bool:
        return self.original is not self.simplified and self.original != self.simplified

    def back_map(self) -> dict:
        """Simplified character → the original form this report writes it in most often (only
        for characters the conversion changed somewhere)."""
        if not self._back:
            from collections import Counter
            forms: dict = {}
            for o, s in zip(self.original, self.simplified):
                forms.setdefault(s, Counter())[o] += 1
            self._back.update({s: c.most_common(1)[0][0] for s, c in forms.items()
                               if len(c) > 1 or s not in c})
        return self._back

    def restore(self, new: str, start: int, end: int) -> str:
        """``new`` (written against the Simplified copy's text[start:end]) in the original's
        script: characters kept from the matched text are the original's; new ones take the
        form the report uses elsewhere, else OpenCC's Simplified → Traditional form."""
        if not self.converted or not new:
            return new
        old_s = self.simplified[start:end]
        old_o = self.original[start:end]
        if new == old_s:
            return old_o
        from difflib import SequenceMatcher     # only for a Traditional report's fixes
        back = self.back_map()
        out = []
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old_s, new, autojunk=False).get_opcodes():
            if op == "equal":
                out.append(old_o[i1:i2])
            else:
                out.append("".join(self._char_back(c, back) for c in new[j1:j2]))
        return "".join(out)

    def quote(self, value: str, start: int, end: int) -> str:
        """A quoted piece of the Simplified copy, as the original writes it: found at or near the
        finding's span it is the original's text there; elsewhere it is restored char by char."""
        if not self.converted or not value:
            return value
        lo = max(0, start - len(value) - 200)
        hi = min(len(self.simplified), end + len(value) + 200)
        i = self.simplified.find(value, lo, hi)
        if i < 0:
            i = self.simplified.find(value)
        if i >= 0:
            return self.original[i:i + len(value)]
        back = self.back_map()
        return "".join(back.get(c, c) for c in value)

    def _char_back(self, ch: str, back: dict) -> str:
        if ch in back:
            return back[ch]
        if HAN_RE.match(ch):
            t = _converter(_data()["back"]).convert(ch)
            return t if len(t) == 1 else ch
        return ch


def simplify(text: str) -> Script:
    """The text and its Simplified copy (the same string when the text is not Traditional)."""
    if not is_traditional(text):
        return Script(text, text)
    d = _data()
    lines = [_convert_line(line, d["configs"]).translate(d["punct"]) if line else line
             for line in text.split("\n")]
    simplified = "\n".join(lines)
    assert len(simplified) == len(text)
    return Script(text, simplified)
