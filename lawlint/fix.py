"""``lawlint fix``: apply the safe mechanical fixes that rules attach to their findings.

A finding is fixable when its rule gave it a ``replacement`` (full-width punctuation in Chinese
context, the dash of a year range, heading bracket style, 截止目前 → 截至目前, clear-cut term
substitutions …). This module knows nothing about any rule: it applies non-overlapping
replacements, re-checks, and repeats until nothing changes (bounded). Replacements never span or
insert a line break, so the structure and every line ending stay as they were; the file keeps its
encoding and BOM, and is written atomically.
"""
from __future__ import annotations

import codecs
import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from .api import lint_source
from .atomic import write_bytes_atomic
from .config import Config
from .errors import LoadError
from .loaders import load_path
from .source import Source

MAX_ROUNDS = 5
WRITABLE = ("txt", "md")
WRITABLE_SUFFIXES = (".txt", ".text", ".md", ".markdown")


@dataclass(frozen=True)
class Edit:
    """One replacement, in the coordinates of the text of its round (before the round's edits)."""
    start: int
    end: int
    old: str
    new: str
    rule: str


@dataclass
class FixResult:
    path: str
    original: str
    fixed: str
    counts: Counter = field(default_factory=Counter)
    rounds: list = field(default_factory=list)     # list[list[Edit]], in the order applied

    def reverted(self) -> str:
        """The fixed text with every edit undone: equals ``original`` (nothing else changed)."""
        text = self.fixed
        for edits in reversed(self.rounds):
            shift, placed = 0, []
            for e in edits:                      # ascending and non-overlapping
                placed.append((e.start + shift, e.start + shift + len(e.new), e.old))
                shift += len(e.new) - (e.end - e.start)
            for start, end, old in reversed(placed):
                text = text[:start] + old + text[end:]
        return text

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}"))


def fix_source(source: Source, config=None) -> FixResult:
    text, counts, rounds = source.text, Counter(), []
    for _ in range(MAX_ROUNDS):
        src = Source(text=text, path=source.path, kind=source.kind, encoding=source.encoding,
                     newline=source.newline, meta=source.meta)
        result = lint_source(src, config)
        edits, last_end = [], -1
        for d in sorted((d for d in result.diagnostics if d.replacement is not None),
                        key=lambda d: (d.start, d.end)):
            span = text[d.start:d.end]
            if d.start < last_end or "\n" in span or "\n" in d.replacement or span == d.replacement:
                continue
            edits.append(d)
            last_end = d.end
        if not edits:
            break
        rounds.append([Edit(d.start, d.end, text[d.start:d.end], d.replacement, d.rule) for d in edits])
        for d in reversed(edits):
            text = text[:d.start] + d.replacement + text[d.end:]
            counts[d.rule] += 1
    return FixResult(source.path, source.text, text, counts, rounds)


def writable(path) -> bool:
    """Can ``lawlint fix`` write this kind of file? (Folders are walked for every readable kind;
    only plain text and Markdown are rewritten.)"""
    return os.path.splitext(os.fspath(path))[1].lower() in WRITABLE_SUFFIXES


def fix_path(path, config=None, *, write=True) -> FixResult:
    config = config or Config()
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix and not writable(path):
        raise LoadError(f"lawlint fix 只修改 .txt 和 .md 文件，不修改 {suffix} 文件（请在原编辑器中修改）", path)
    source = load_path(path, encoding=config.encoding, limits=config.limits)
    if source.kind not in WRITABLE:
        raise LoadError(f"lawlint fix 只修改 .txt 和 .md 文件（{source.kind} 文件请在原编辑器中修改）", path)
    outcome = fix_source(source, config)
    if write and outcome.changed:
        write_bytes_atomic(path, _encode_like_original(path, source, outcome.fixed))
    return outcome


_ENDINGS = re.compile(r"\r\n|\r|\n")


def _encode_like_original(path, source: Source, fixed: str) -> bytes:
    """Re-encode with the file's own encoding, BOM and per-line endings."""
    with open(path, "rb") as fh:
        raw = fh.read()
    bom = b""
    encoding = source.encoding
    for mark, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
                       (codecs.BOM_UTF32_BE, "utf-32-be")):
        if raw.startswith(mark) and (encoding or "").replace("_", "-").lower().startswith(name[:6]):
            bom, encoding = mark, name
            break
    original = raw[len(bom):].decode(encoding)
    endings = _ENDINGS.findall(original)
    lines = fixed.split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i < len(lines) - 1:
            out.append(endings[i] if i < len(endings) else source.newline)
    try:
        return bom + "".join(out).encode(encoding)
    except UnicodeEncodeError:
        raise LoadError(f"修正后的文字无法按原编码 {encoding} 保存，文件未改动", path) from None
