"""What Word says about a paragraph's place in the report: its heading style or outline level
(followed through the style's basedOn chain), and its automatic number (numbering.xml), rebuilt
from the list's formats and counters so the numbering checks see 一、 （一） 1. as a reader does.
Used by the .docx loader."""
from __future__ import annotations

import re

from ..numbering import int_to_cn

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


MAX_LEVEL = 8                # Word's list levels are 0–8


MAX_COUNTER = 32767          # Word's largest list start value; counters are clamped to it


MAX_STYLE_DEPTH = 32         # basedOn chains are this short in practice; cycles stop here too


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


def _int(value, default):
    """An attribute as an int, or ``default`` when it is missing, not a number, or absurdly long
    (int() refuses more than 4,300 digits; Word's own values have at most five)."""
    if value is None:
        return default
    value = value.strip()
    if not (1 <= len(value) <= 9 and value.lstrip("-").isdigit()):
        return default
    return int(value)


def _start(value, default) -> int:
    n = _int(value, None)
    if n is None:
        return default if value is None or not value.strip().isdigit() else MAX_COUNTER
    return max(0, min(n, MAX_COUNTER))


def _heading_level(p, styles) -> int | None:
    for name, _ in styles.chain(p):
        m = _HEADING_STYLE.match(name)
        if m:
            return int(m.group(1))
    ppr = p._p.pPr
    if ppr is not None:
        lvl = ppr.find(_W + "outlineLvl")
        val = _int(lvl.get(_W + "val") if lvl is not None else None, None)
        if val is not None and 0 <= val < 9:
            return val + 1
    return None


class _Styles:
    """Paragraph styles by id, read once from styles.xml. (python-docx's ``p.style`` scans every
    style for each paragraph, and following its ``base_style`` loops for ever on a style that is
    based on itself.)"""

    def __init__(self, document):
        self.by_id: dict = {}       # styleId -> (name, basedOn id, pPr element)
        self.default = None
        try:
            root = document.styles.element
        except Exception:  # noqa: BLE001 - no or broken styles part: no styles
            return
        for st in root.findall(_W + "style"):
            if st.get(_W + "type", "paragraph") != "paragraph":
                continue
            sid = st.get(_W + "styleId")
            name, based = st.find(_W + "name"), st.find(_W + "basedOn")
            self.by_id.setdefault(sid, (name.get(_W + "val", "") if name is not None else "",
                                        based.get(_W + "val") if based is not None else None,
                                        st.find(_W + "pPr")))
            if self.default is None and st.get(_W + "default") in ("1", "true", "on"):
                self.default = sid

    def chain(self, p):
        """(name, pPr) of the paragraph's style and of each style it is based on, each once."""
        ppr = p._p.pPr
        ps = ppr.find(_W + "pStyle") if ppr is not None else None
        sid = ps.get(_W + "val") if ps is not None else None
        if sid not in self.by_id:       # as Word and python-docx do: an unknown id is the default
            sid = self.default
        seen = set()
        while sid in self.by_id and sid not in seen and len(seen) < MAX_STYLE_DEPTH:
            seen.add(sid)
            name, based, sppr = self.by_id[sid]
            yield name, sppr
            sid = based


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


class _Numbering:
    """Rebuilds the numbers Word shows for automatically numbered paragraphs."""

    FORMATS = {
        "decimal": str, "chineseCounting": int_to_cn, "chineseCountingThousand": int_to_cn,
        "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
        "taiwaneseCounting": int_to_cn, "japaneseCounting": int_to_cn,
        "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
        "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
        "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26), "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
        "lowerRoman": lambda n: _roman(n).lower(), "upperRoman": _roman,
    }

    def __init__(self, document, styles):
        self.styles = styles
        self.nums = {}        # numId -> <w:num> element; its levels are read on first use
        self.abstract = {}    # abstractNumId -> <w:abstractNum> element
        self._levels = {}     # numId -> {ilvl: (start, fmt, text)}
        self.counters = {}    # numId -> [count per level]
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        for a in root.findall(_W + "abstractNum"):
            self.abstract.setdefault(a.get(_W + "abstractNumId"), a)
        for num in root.findall(_W + "num"):
            self.nums.setdefault(num.get(_W + "numId"), num)

    def levels(self, num_id):
        """{ilvl: (start, fmt, text)} of one list, with its overrides; levels that are not 0–8
        are dropped, starts that are not numbers count from 1 and are clamped to Word's range."""
        if num_id in self._levels:
            return self._levels[num_id]
        lv = self._levels[num_id] = {}
        num = self.nums.get(num_id)
        ref = num.find(_W + "abstractNumId") if num is not None else None
        a = self.abstract.get(ref.get(_W + "val")) if ref is not None else None
        if a is None:
            return lv
        for lvl in a.findall(_W + "lvl"):
            ilvl = _int(lvl.get(_W + "ilvl", "0"), None)
            if ilvl is None or not 0 <= ilvl <= MAX_LEVEL or ilvl in lv:
                continue
            start = lvl.find(_W + "start")
            fmt = lvl.find(_W + "numFmt")
            txt = lvl.find(_W + "lvlText")
            lv[ilvl] = (_start(start.get(_W + "val") if start is not None else None, 1),
                        fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                        txt.get(_W + "val", "") if txt is not None else "")
        for ov in num.findall(_W + "lvlOverride"):
            so = ov.find(_W + "startOverride")
            ilvl = _int(ov.get(_W + "ilvl", "0"), None)
            if so is not None and ilvl in lv:
                s, f, t = lv[ilvl]
                lv[ilvl] = (_start(so.get(_W + "val"), s), f, t)
        return lv

    def format(self, fmt, n) -> str:
        try:
            return self.FORMATS.get(fmt, str)(n)
        except (IndexError, ValueError):     # beyond what a format can count (一百 and up): digits
            return str(n)

    def token(self, p) -> str:
        num_id, ilvl = self._num_pr(p)
        if num_id is None or ilvl is None:
            return ""
        lv = self.levels(num_id)
        if ilvl not in lv:
            return ""
        counts = self.counters.setdefault(num_id, [None] * 9)
        counts[ilvl] = min(counts[ilvl] + 1, MAX_COUNTER) if counts[ilvl] is not None else lv[ilvl][0]
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        start, fmt, text = lv[ilvl]
        if fmt in ("none", "bullet"):
            return ""

        def repl(m):
            k = int(m.group(1)) - 1
            s, f, _ = lv.get(k, (1, "decimal", ""))
            n = counts[k] if counts[k] is not None else s
            return self.format(f, n)
        return re.sub(r"%([1-9])", repl, text)

    def _num_pr(self, p):
        """(numId, level) of a numbered paragraph; level None when it is not a number 0–8."""
        for ppr in (p._p.pPr, _style_ppr(p, self.styles)):
            if ppr is None:
                continue
            num_pr = ppr.find(_W + "numPr")
            if num_pr is None:
                continue
            nid, lvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
            if nid is not None and nid.get(_W + "val") not in (None, "0"):
                ilvl = _int(lvl.get(_W + "val", "0"), None) if lvl is not None else 0
                return nid.get(_W + "val"), ilvl if ilvl is not None and 0 <= ilvl <= MAX_LEVEL else None
        return None, 0


def _style_ppr(p, styles):
    for _, ppr in styles.chain(p):
        if ppr is not None and ppr.find(_W + "numPr") is not None:
            return ppr
    return None
