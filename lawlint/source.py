"""The loaded text of a report and the mapping from offsets back to lines and columns."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from . import regexcache

_NEWLINE = regexcache.compile("\n")


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

    def __post_init__(self):
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]

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

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        offset = max(0, min(offset, len(self.text)))
        idx = bisect.bisect_right(self._starts, offset) - 1
        return idx + 1, offset - self._starts[idx] + 1
