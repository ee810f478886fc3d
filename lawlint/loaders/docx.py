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
clear error, not a crash or a memory blow-up; the XML it unpacks to (``max_docx_mb``), its
paragraphs and its characters (``max_chars``) are bounded too. numbering.xml and styles.xml are
read defensively: a non-numeric or out-of-range level or start, a start of thousands of digits, a
style based on itself — each is ignored or clamped, never a traceback or a hang.
"""
from __future__ import annotations

import io
import zipfile

from ..chars import is_blank
from ..errors import LoadError
from .source import Piece, Source
from .docx_structure import _W, _Numbering, _Styles, _heading_level  # noqa: F401 - _W is shared with the writers

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200


def _guard_zip(data: bytes, path: str, limits=None) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):   # 8.1: a zip version
        raise LoadError("不是有效的 .docx 文件（可能已损坏或被截断）；请在 Word/WPS 中打开后另存为 .docx", path) from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise LoadError(f".docx 解压后过大（{total // 1024 // 1024} MB，压缩比 {total // packed}），疑为异常文件，已拒绝", path)
    if "word/document.xml" not in {i.filename for i in infos}:
        raise LoadError("不是有效的 .docx 文件（缺少 word/document.xml）", path)
    xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    if limits is not None and xml > limits.max_unpacked:
        raise LoadError(f".docx 解压后的 XML 过大（{xml / 1024 / 1024:.0f} MB，上限 "
                        f"{limits.max_unpacked / 1024 / 1024:g} MB），疑为异常文件，已拒绝；"
                        "可用配置项 max_docx_mb 调整", path)


def load_docx(data: bytes, *, path: str, encoding: str | None = None, limits=None) -> Source:
    from . import Limits, too_long
    limits = limits or Limits()
    _guard_zip(data, path, limits)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        document = docx.Document(io.BytesIO(data))
    except LoadError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on broken XML
        raise LoadError(f"无法读取 .docx 文件（{type(e).__name__}）；请在 Word/WPS 中打开后另存", path) from None
    if getattr(document.element, "body", None) is None:        # the main part is some other XML
        raise LoadError("不是 Word 文档（主体部分不是 Word 正文）；请在 Word/WPS 中打开后另存为 .docx", path)
    styles = _Styles(document)
    numbers = _Numbering(document, styles)
    lines, hints, pieces = [], {}, []
    body = document.element.body
    index = {p: i for i, p in enumerate(paragraph_elements(document))}
    fields = _FieldDepth()
    seen = set()                      # a vertically merged cell comes back on every row
    at = [0]                          # offset of the next line in the text; each line break counts,
                                      # so empty paragraphs count towards max_chars too

    def emit(line: "_Line"):
        pieces.extend(line.pieces(at[0]))
        lines.append(line.text())
        at[0] += len(lines[-1]) + 1

    for child in body.iterchildren():
        if at[0] > limits.max_chars:
            raise too_long(at[0], limits, path)
        if child.tag == _W + "p":
            p = Paragraph(child, document)
            line = _paragraph_line(child, index[child], fields).inline()
            token = numbers.token(p)
            if token and not is_blank(line.text()):
                line = _Line.synthetic(token) + line.lstrip()
            level = _heading_level(p, styles)
            if level and not is_blank(line.text()):
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
    if is_blank(text):
        raise LoadError(".docx 文件中没有文字", path)
    from .docx_ignore import ignore_spans
    from .docx_props import meta
    ignored = ignore_spans(document, pieces, list(index), text_runs)
    props = meta(document)
    if ignored:
        props["ignore_spans"] = ignored
    return Source(text=text, path=path, kind="docx", encoding="docx", line_label="段", hints=hints,
                  pieces=pieces, meta=props)


# --------------------------------------------------------------------------- position map
# Shared with the writers (lawlint.fix.docxedit): they find a Piece's run by the same enumeration.

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
