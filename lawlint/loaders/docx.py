"""Word .docx reports (python-docx), with Word's own structure kept.

Each paragraph becomes one line (so a finding's "line" is a paragraph: ``line_label = "段"``);
each table row becomes one line with its cells separated by tabs. Heading styles (标题 1/2/3,
Heading 1/2/3) and outline levels are passed to the parser as level hints. Paragraphs numbered by
Word itself (numbering.xml) carry no 一、 in their text: the number Word displays is rebuilt from
the list's formats and counters and put in front of the text, so the numbering checks still work.

The text is what Word shows (pending tracked insertions in, deletions out), and the Source's
``pieces`` say where each character came from (paragraph, run, offset): the .docx writers
(comments, tracked fixes) map findings back through them.

The file is a zip: its entries are checked before parsing, so a truncated file or a zip bomb is a
clear error, not a crash or a memory blow-up.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import LoadError
from ..numbering import int_to_cn
from ..source import Piece, Source

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
    lines, hints, pieces = [], {}, []
    body = document.element.body
    index = {p: i for i, p in enumerate(paragraph_elements(document))}
    fields = _FieldDepth()
    seen = set()                      # a vertically merged cell comes back on every row
    at = [0]                          # offset of the next line in the text

    def emit(line: "_Line"):
        pieces.extend(line.pieces(at[0]))
        lines.append(line.text())
        at[0] += len(lines[-1]) + 1

    for child in body.iterchildren():
        if child.tag == _W + "p":
            p = Paragraph(child, document)
            line = _paragraph_line(child, index[child], fields).inline()
            token = numbers.token(p)
            if token and line.text().strip():
                line = _Line.synthetic(token) + line.lstrip()
            level = _heading_level(p)
            if level and line.text().strip():
                hints[len(lines) + 1] = level
            emit(line)
        elif child.tag == _W + "tbl":
            for row in Table(child, document).rows:
                cells, row_line = [], _Line()
                for cell in row.cells:
                    cell_line = _Line()
                    for k, cp in enumerate(cell._tc.iterchildren(_W + "p")):
                        if k:
                            cell_line += _Line.synthetic("\n")
                        cell_line += _paragraph_line(cp, index[cp], fields, locked=cp in seen)
                        seen.add(cp)
                    cell_line = cell_line.collapse_spaces()
                    t = cell_line.text()
                    if t and (not cells or cells[-1] != t):   # merged cells repeat their text
                        if cells:
                            row_line += _Line.synthetic("\t")
                        row_line += cell_line
                        cells.append(t)
                emit(row_line)
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(".docx 文件中没有文字", path)
    return Source(text=text, path=path, kind="docx", encoding="docx", line_label="段", hints=hints,
                  pieces=pieces)


# --------------------------------------------------------------------------- position map
# Shared with the writers (lawlint.docxedit): they find a Piece's run by the same enumeration.

_CONTAINERS = {_W + n for n in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "sdt",
                                "sdtContent", "customXml", "dir", "bdo")}
_SKIPPED = {_W + n for n in ("del", "moveFrom", "pPr", "sdtPr", "sdtEndPr")}
_RUN_TEXT = {_W + n for n in ("t", "tab", "br", "cr", "noBreakHyphen", "ptab")}


def paragraph_elements(document) -> list:
    """Every w:p of the main story, in document order: a Piece's ``paragraph`` indexes this."""
    return list(document.element.body.iter(_W + "p"))


def text_runs(p) -> list:
    """The runs whose text Word shows in paragraph ``p`` (with pending insertions, without
    deletions), with whether each is a direct child of the paragraph: a Piece's ``run``
    indexes this list."""
    out = []

    def walk(parent, direct):
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _W + "r":
                out.append((child, direct))
            elif tag in _CONTAINERS:
                walk(child, False)
    walk(p, True)
    return out


def run_items(r) -> list:
    """(element, text) of a run's text-bearing children, as python-docx reads them."""
    return [(c, str(c)) for c in r.iterchildren() if c.tag in _RUN_TEXT]


class _FieldDepth:
    """Complex fields (w:fldChar begin … end) can span runs and paragraphs."""

    def __init__(self):
        self.depth = 0

    def inside(self, r) -> bool:
        was = self.depth > 0
        for fc in r.iter(_W + "fldChar"):
            kind = fc.get(_W + "fldCharType")
            if kind == "begin":
                self.depth += 1
            elif kind == "end" and self.depth:
                self.depth -= 1
        return was or self.depth > 0


class _Line:
    """A line of the loaded text being built, with each character's origin (or None)."""

    __slots__ = ("chars", "origins")

    def __init__(self, chars=None, origins=None):
        self.chars = chars or []
        self.origins = origins or []

    @classmethod
    def synthetic(cls, text):
        return cls(list(text), [None] * len(text))

    def __add__(self, other):
        return _Line(self.chars + other.chars, self.origins + other.origins)

    def __iadd__(self, other):
        self.chars += other.chars
        self.origins += other.origins
        return self

    def text(self) -> str:
        return "".join(self.chars)

    def inline(self):
        """Soft line breaks inside a paragraph are spaces in the loaded text."""
        return _Line([" " if c in "\n\r" else c for c in self.chars], self.origins)

    def lstrip(self):
        k = 0
        while k < len(self.chars) and self.chars[k].isspace():
            k += 1
        return _Line(self.chars[k:], self.origins[k:])

    def collapse_spaces(self):
        """``" ".join(text.split())`` with the origins kept (the joining spaces have none)."""
        chars, origins, gap = [], [], False
        for c, o in zip(self.chars, self.origins):
            if c.isspace():
                gap = bool(chars)
                continue
            if gap:
                chars.append(" ")
                origins.append(None)
                gap = False
            chars.append(c)
            origins.append(o)
        return _Line(chars, origins)

    def pieces(self, start):
        out, cur = [], None
        for k, o in enumerate(self.origins):
            if o is not None and cur is not None and o[:2] == cur[1:3] and o[2] == cur[3] + cur[4] \
                    and o[3] == cur[5]:
                cur[4] += 1
                continue
            if cur is not None:
                out.append(Piece(cur[0], cur[4], cur[1], cur[2], cur[3], cur[5]))
                cur = None
            if o is not None:
                cur = [start + k, o[0], o[1], o[2], 1, o[3]]
        if cur is not None:
            out.append(Piece(cur[0], cur[4], cur[1], cur[2], cur[3], cur[5]))
        return out


def _paragraph_line(p, p_index, fields, locked=False) -> _Line:
    """Paragraph ``p``'s text with the origin (paragraph, run, offset, editable) of each character."""
    line = _Line()
    for k, (r, direct) in enumerate(text_runs(p)):
        in_field = fields.inside(r)
        offset = 0
        for el, t in run_items(r):
            plain = direct and not in_field and not locked and el.tag == _W + "t"
            for c in t:
                line.chars.append(c)
                line.origins.append((p_index, k, offset, plain))
                offset += 1
    return line


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
