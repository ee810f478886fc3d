"""A .docx opened for lawlint's own additions (review comments, tracked fixes).

Positions come from the loader's map (:class:`lawlint.loaders.source.Piece`: paragraph, run, offset);
the runs are found by the loader's own enumeration (``paragraph_elements``/``text_runs``), never
by searching the text. A run is split where a comment or a fix starts or ends; each part keeps a
copy of the run's properties, so no character's formatting changes. The package is read and
written by python-docx; only the main document part and the comments part change.
"""
from __future__ import annotations

import copy
import io
from bisect import bisect_right

from ..errors import LoadError
from ..loaders.docx import _RUN_TEXT, _W, paragraph_elements, run_items, text_runs

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class DocxPackage:
    """A python-docx document plus the loader's paragraph and run lists, taken before any change."""

    def __init__(self, data: bytes, path: str):
        import docx
        try:
            self.document = docx.Document(io.BytesIO(data))
        except Exception as e:  # noqa: BLE001 - the loader read it; anything here is a broken file
            raise LoadError(f"无法打开 .docx 文件（{type(e).__name__}）", path) from None
        self.path = path
        self.paragraphs = paragraph_elements(self.document)
        self._runs: dict[int, list] = {}
        self._parts: dict[tuple, list] = {}

    def runs(self, paragraph: int) -> list:
        if paragraph not in self._runs:
            self._runs[paragraph] = [r for r, _ in text_runs(self.paragraphs[paragraph])]
        return self._runs[paragraph]

    def split(self, cuts) -> None:
        """Split runs so that each ``(paragraph, run, offset)`` in ``cuts`` starts a run. Call once,
        with every cut, before :meth:`element`."""
        by_run: dict[tuple, set] = {}
        for p, r, o in cuts:
            by_run.setdefault((p, r), set()).add(o)
        for p in {p for p, _ in by_run}:
            self.runs(p)                        # every run list is taken before any split
        for (p, r), offsets in by_run.items():
            self._parts[(p, r)] = split_run(self.runs(p)[r], offsets)

    def element(self, paragraph: int, run: int, offset: int):
        """The run (part) that holds character ``offset`` of run ``run`` of ``paragraph``."""
        parts = self._parts.get((paragraph, run))
        if parts is None:
            return self.runs(paragraph)[run]
        k = bisect_right([s for s, _ in parts], offset) - 1
        return parts[max(k, 0)][1]

    def elements(self, pieces) -> list:
        """The (split) runs holding exactly these pieces' characters, in order, each once."""
        out = []
        for pc in pieces:
            parts = self._parts.get((pc.paragraph, pc.run)) or [(0, None)]
            for off in [pc.offset] + [s for s, _ in parts if pc.offset < s < pc.offset + pc.length]:
                el = self.element(pc.paragraph, pc.run, off)
                if not out or out[-1] is not el:
                    out.append(el)
        return out

    def paragraph(self, index: int):
        from docx.text.paragraph import Paragraph
        return Paragraph(self.paragraphs[index], self.document)

    def next_id(self) -> int:
        """A w:id above every one used in the main document (revisions need unique ids)."""
        best = 0
        for el in self.document.element.iter():
            v = el.get(_W + "id")
            if v is not None and v.lstrip("-").isdigit():
                best = max(best, int(v))
        return best + 1

    def save(self) -> bytes:
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def cuts_of(pieces) -> set:
    """Run boundaries needed so that exactly these pieces' characters form whole runs."""
    out = set()
    for pc in pieces:
        out.add((pc.paragraph, pc.run, pc.offset))
        out.add((pc.paragraph, pc.run, pc.offset + pc.length))
    return out


def split_run(r, offsets) -> list:
    """Split run ``r`` at the character offsets; return [(start offset, run element)] in order.
    Offsets at either end do nothing."""
    total = sum(len(t) for _, t in run_items(r))
    parts = [(0, r)]
    for o in sorted({o for o in offsets if 0 < o < total}, reverse=True):
        parts.insert(1, (o, _cut(r, o)))
    return parts


def _cut(r, o):
    """Keep characters [0, o) in ``r``; return a copy holding the rest, placed right after it."""
    right = copy.deepcopy(r)
    pos = 0
    for lc, rc in zip(list(r), list(right)):
        if lc.tag == _W + "rPr":
            continue
        n = len(str(lc)) if lc.tag in _RUN_TEXT else 0
        if pos + n <= o and (n or pos <= o):          # wholly before the cut
            right.remove(rc)
        elif pos >= o:                                # wholly after it
            r.remove(lc)
        else:                                         # a w:t the cut goes through
            text = lc.text or ""
            lc.text, rc.text = text[:o - pos], text[o - pos:]
            lc.set(_XML_SPACE, "preserve")
            rc.set(_XML_SPACE, "preserve")
        pos += n
    r.addnext(right)
    return right
