"""Word .docx reports (python-docx), with Word's own structure kept.

Each paragraph becomes one line (so a finding's "line" is a paragraph: ``line_label = "段"``);
each table row becomes one line with its cells separated by tabs. Heading styles (标题 1/2/3,
Heading 1/2/3) and outline levels are passed to the parser as level hints. Paragraphs numbered by
Word itself (numbering.xml) carry no 一、 in their text: the number Word displays is rebuilt from
the list's formats and counters and put in front of the text, so the numbering checks still work.

The file is a zip: its entries are checked before parsing, so a truncated file or a zip bomb is a
clear error, not a crash or a memory blow-up.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import LoadError
from ..numbering import int_to_cn
from ..source import Source

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


def _guard_zip(data: bytes, path: str) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise LoadError("不是有效的 .docx 文件（可能已损坏或被截断）；请在 Word/WPS 中打开后另存为 .docx", path) from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise LoadError(f".docx 解压后过大（{total // 1024 // 1024} MB，压缩比 {total // packed}），疑为异常文件，已拒绝", path)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise LoadError("不是有效的 .docx 文件（缺少 word/document.xml）", path)


def load_docx(data: bytes, *, path: str, encoding: str | None = None) -> Source:
    _guard_zip(data, path)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        document = docx.Document(io.BytesIO(data))
    except LoadError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on broken XML
        raise LoadError(f"无法读取 .docx 文件（{type(e).__name__}）；请在 Word/WPS 中打开后另存", path) from None
    numbers = _Numbering(document)
    lines, hints = [], {}
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == _W + "p":
            p = Paragraph(child, document)
            text = p.text.replace("\n", " ").replace("\r", " ")
            token = numbers.token(p)
            if token and text.strip():
                text = token + text.lstrip()
            level = _heading_level(p)
            if level and text.strip():
                hints[len(lines) + 1] = level
            lines.append(text)
        elif child.tag == _W + "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):   # merged cells repeat their text
                        cells.append(t)
                lines.append("\t".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(".docx 文件中没有文字", path)
    return Source(text=text, path=path, kind="docx", encoding="docx", line_label="段", hints=hints)


def _heading_level(p) -> int | None:
    style = p.style
    while style is not None:
        m = _HEADING_STYLE.match(style.name or "")
        if m:
            return int(m.group(1))
        style = style.base_style
    ppr = p._p.pPr
    if ppr is not None:
        lvl = ppr.find(_W + "outlineLvl")
        if lvl is not None and lvl.get(_W + "val", "9").isdigit() and int(lvl.get(_W + "val")) < 9:
            return int(lvl.get(_W + "val")) + 1
    return None


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

    def __init__(self, document):
        self.levels = {}      # numId -> {ilvl: (start, fmt, text)}
        self.counters = {}    # numId -> [count per level]
        try:
            part = document.part.numbering_part
        except (NotImplementedError, KeyError, AttributeError):
            return
        root = part.element
        abstract = {}
        for a in root.findall(_W + "abstractNum"):
            lv = {}
            for lvl in a.findall(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl", "0"))
                start = lvl.find(_W + "start")
                fmt = lvl.find(_W + "numFmt")
                txt = lvl.find(_W + "lvlText")
                lv[ilvl] = (int(start.get(_W + "val", "1")) if start is not None else 1,
                            fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                            txt.get(_W + "val", "") if txt is not None else "")
            abstract[a.get(_W + "abstractNumId")] = lv
        for num in root.findall(_W + "num"):
            ref = num.find(_W + "abstractNumId")
            if ref is None:
                continue
            lv = dict(abstract.get(ref.get(_W + "val"), {}))
            for ov in num.findall(_W + "lvlOverride"):
                so = ov.find(_W + "startOverride")
                ilvl = int(ov.get(_W + "ilvl", "0"))
                if so is not None and ilvl in lv:
                    s, f, t = lv[ilvl]
                    lv[ilvl] = (int(so.get(_W + "val", s)), f, t)
            self.levels[num.get(_W + "numId")] = lv

    def token(self, p) -> str:
        num_id, ilvl = self._num_pr(p)
        if num_id is None or num_id not in self.levels or ilvl not in self.levels[num_id]:
            return ""
        lv = self.levels[num_id]
        counts = self.counters.setdefault(num_id, [None] * 9)
        counts[ilvl] = (counts[ilvl] + 1) if counts[ilvl] is not None else lv[ilvl][0]
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        start, fmt, text = lv[ilvl]
        if fmt in ("none", "bullet"):
            return ""

        def repl(m):
            k = int(m.group(1)) - 1
            s, f, _ = lv.get(k, (1, "decimal", ""))
            n = counts[k] if counts[k] is not None else s
            return self.FORMATS.get(f, str)(n)
        return re.sub(r"%(\d)", repl, text)

    @staticmethod
    def _num_pr(p):
        for ppr in (p._p.pPr, _style_ppr(p)):
            if ppr is None:
                continue
            num_pr = ppr.find(_W + "numPr")
            if num_pr is None:
                continue
            nid, lvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
            if nid is not None and nid.get(_W + "val") not in (None, "0"):
                return nid.get(_W + "val"), int(lvl.get(_W + "val", "0")) if lvl is not None else 0
        return None, 0


def _style_ppr(p):
    style = p.style
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.find(_W + "numPr") is not None:
            return ppr
        style = style.base_style
    return None
