"""The offending line under a finding, with its span marked, as ruff prints it:

      12 │ 全年共办理行政复议案件32件,审结30件。
         │                          ^

Widths are terminal columns (a Chinese character takes two). A long line (a web page's text
flattened into one line) is cut around the span, with 「…」 where it was cut; a span over several
lines is marked to the end of its first line."""
from __future__ import annotations

import unicodedata

from ..chars import is_blank, rstrip_blank

WIDTH = 72            # columns of report text shown at most


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in s)


def snippet(text: str | None, d, indent: str) -> list[str]:
    """Two lines (the text, the carets), or none when there is no text or no span to show."""
    if not text or d.end <= d.start or d.start >= len(text):
        return []
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].replace("\t", " ").replace("\r", "")
    a, b = d.start - line_start, max(d.start - line_start + 1, min(d.end, line_end) - line_start)
    left, mid, right = line[:a], line[a:b], line[b:]
    if is_blank(mid):                       # a space or an empty span: mark one column
        mid = mid or " "
    if width(mid) > WIDTH:
        mid = _head(mid, WIDTH - 1) + "…"
        right = ""
    room = max(0, WIDTH - width(mid))
    left_room = max(room // 3, room - width(right))       # context on both sides, more after
    if width(left) > left_room:
        left = "…" + _tail(left, left_room - 1)
    right_room = max(0, WIDTH - width(mid) - width(left))
    if width(right) > right_room:
        right = _head(right, right_room - 1) + "…" if right_room > 1 else ""
    number = str(d.line)
    bar = " " * len(number)
    return [rstrip_blank(f"{indent}{number} │ {left}{mid}{right}"),
            f"{indent}{bar} │ {' ' * width(left)}{'^' * max(1, width(mid))}"]


def _head(s: str, cols: int) -> str:
    out, used = [], 0
    for ch in s:
        w = width(ch)
        if used + w > cols:
            break
        out.append(ch)
        used += w
    return "".join(out)


def _tail(s: str, cols: int) -> str:
    return _head(s[::-1], cols)[::-1] if cols > 0 else ""
