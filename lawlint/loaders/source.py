"""The loaded text of a report and the mapping from offsets back to lines and columns."""
from __future__ import annotations

import bisect
from bisect import bisect_right
from itertools import accumulate

from ..plain import dataclass, field

_PLUS_ONE = (1).__add__


@dataclass(frozen=True)
class Piece:
    """Where a stretch of a rich document's text came from (a .docx: see lawlint.loaders.docx).

    ``length`` characters from ``start`` in :attr:`Source.text` are characters ``offset`` … of
    text run ``run`` of paragraph ``paragraph`` (indices in the loader's own enumeration).
    ``editable`` is False inside existing revisions, fields, hyperlinks and content controls
    and for a run's tabs and breaks: a fix must not touch them (comments may anchor anywhere).
    """
    start: int
    length: int
    paragraph: int
    run: int
    offset: int
    editable: bool = True

    @property
    def end(self) -> int:
        return self.start + self.length


@dataclass
class Source:
    """Text as loaded (newlines normalised to ``\\n``), where it came from, and how to locate.

    ``line_label`` says what a "line" is for this kind of input (a docx loader reports paragraphs).
    ``meta`` holds loader-extracted metadata such as a web page's 发布日期.
    """

    text: str
    path: str = "<text>"
    kind: str = "txt"
    encoding: str = "utf-8"
    newline: str = "\n"
    line_label: str = "行"
    meta: dict = field(default_factory=dict)
    hints: dict = field(default_factory=dict)  # per-line heading-level hints from rich formats
    pieces: list | None = None   # list[Piece] sorted by start (.docx); characters not covered
                                 # (line breaks, numbers Word draws, table separators) are not
                                 # in the document's own text

    def __post_init__(self):
        self._starts = line_starts(self.text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[line - 1]

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self.text)
        return self.text[start:end]

    def pieces_in(self, start: int, end: int) -> list[Piece]:
        """The document positions of the characters in ``[start, end)``, as pieces cut to it."""
        if not self.pieces:
            return []
        starts = self._piece_starts()
        out = []
        i = max(0, bisect.bisect_right(starts, start) - 1)
        while i < len(self.pieces) and self.pieces[i].start < end:
            p = self.pieces[i]
            s, e = max(start, p.start), min(end, p.end)
            if s < e:
                out.append(Piece(s, e - s, p.paragraph, p.run, p.offset + s - p.start, p.editable))
            i += 1
        return out

    def editable(self, offset: int) -> bool:
        """Is this character plain document text a fix may change?"""
        found = self.pieces_in(offset, offset + 1)
        return bool(found) and found[0].editable

    def _piece_starts(self):
        if getattr(self, "_pstarts", None) is None or len(self._pstarts) != len(self.pieces):
            self._pstarts = [p.start for p in self.pieces]
        return self._pstarts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        if offset < 0:                          # (max(0, min(offset, len)) without the two calls)
            offset = 0
        elif offset > len(self.text):
            offset = len(self.text)
        starts = self._starts
        idx = bisect_right(starts, offset) - 1
        return idx + 1, offset - starts[idx] + 1


def line_starts(text: str) -> list:
    """0 and the offset after each line break of ``text`` (``\\n``), as ``[0] + [m.end() for m
    in re.finditer("\\n", text)]`` gives them, in C loops: each line's length plus one, summed."""
    return list(accumulate(map(_PLUS_ONE, map(len, text.split("\n")[:-1])), initial=0))
