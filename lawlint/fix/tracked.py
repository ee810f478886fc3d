"""``lawlint fix`` on a .docx: each safe fix written as a Word revision (w:del + w:ins).

Every replacement is in the coordinates of the loaded text; the loader's map says which runs hold
those characters. Those runs are split at the edit's ends, the old characters' runs are wrapped
in ``w:del`` (their ``w:t`` become ``w:delText``) and the new text follows in ``w:ins``, in a run
with the first old run's properties. Author ``lawlint``. *Accept all* in Word/WPS gives the
fixed text; *reject all* gives back the document as it was. Only characters the map marks
editable are touched (``fix_source(editable=...)`` has already left out the rest).
"""
from __future__ import annotations

import copy
import datetime as _dt

from .docxedit import DocxPackage, cuts_of
from ..errors import LoadError
from ..loaders.docx import _W, load_docx
from ..loaders.source import Piece, Source

AUTHOR = "lawlint"


def write_tracked(data: bytes, source: Source, edits, expected: str, when=None) -> bytes:
    """The .docx ``data`` with ``edits`` [(start, end, new)] as tracked changes. The result is
    loaded again and must read as ``expected`` (the fixed text), or nothing is written."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    pkg = DocxPackage(data, source.path)
    when = (when or _dt.datetime.now(_dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    plans = []
    for start, end, new in edits:
        old = source.pieces_in(start, end)
        if start == end:
            at = source.pieces_in(start, start + 1)
            before = bool(at) and at[0].editable
            if not before:
                at = source.pieces_in(start - 1, start)
                at = [Piece(p.start + 1, 0, p.paragraph, p.run, p.offset + 1, p.editable) for p in at]
            plans.append((old, new, at[0] if at else None, before))
        else:
            plans.append((old, new, None, False))
    cuts = set()
    for old, _, at, _ in plans:
        cuts |= cuts_of(old)
        if at is not None:
            cuts.add((at.paragraph, at.run, at.offset))
    pkg.split(cuts)
    next_id = pkg.next_id()

    def mark(tag):
        nonlocal next_id
        el = OxmlElement(tag, attrs={qn("w:id"): str(next_id), qn("w:author"): AUTHOR, qn("w:date"): when})
        next_id += 1
        return el

    def new_run(like, text):
        r = OxmlElement("w:r")
        r.text = text                      # python-docx: tabs become w:tab
        rpr = like.find(_W + "rPr")
        if rpr is not None:
            r.insert(0, copy.deepcopy(rpr))
        return r

    for old, new, at, before in plans:
        if old:
            runs = pkg.elements(old)
            last = None
            for r in runs:
                d = mark("w:del")
                r.addprevious(d)
                d.append(r)
                for t in r.iter(_W + "t"):
                    t.tag = _W + "delText"
                last = d
            if new:
                ins = mark("w:ins")
                ins.append(new_run(runs[0], new))
                last.addnext(ins)
        elif at is not None:
            if before:
                anchor = pkg.element(at.paragraph, at.run, at.offset)
            else:
                anchor = pkg.element(at.paragraph, at.run, at.offset - 1)
            ins = mark("w:ins")
            ins.append(new_run(anchor, new))
            (anchor.addprevious if before else anchor.addnext)(ins)
        else:
            raise LoadError("内部错误：修正的位置不在文档文字中，文件未改动", source.path)
    out = pkg.save()
    if load_docx(out, path=source.path).text != expected:
        raise LoadError("内部错误：修订写入后与修正结果不一致，文件未改动（请报告此问题）", source.path)
    return out
