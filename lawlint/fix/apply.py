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
import stat
from collections import Counter
from ..plain import dataclass, field, replace

from ..api import lint_source
from .atomic import ChangedMeanwhile, read_with_snapshot, stale_temporaries, write_bytes_atomic
from ..config import Config
from ..errors import LoadError, show_path
from ..loaders import load_bytes
from ..loaders.source import Source

MAX_ROUNDS = 5
WRITABLE = ("txt", "md", "docx")
WRITABLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx")


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
    skipped: int = 0                               # fixes not made: the text may not change there
    notes: list = field(default_factory=list)      # what the user should know (hard links)

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


def fix_source(source: Source, config=None, editable=None) -> FixResult:
    """Apply safe fixes until none is left (at most MAX_ROUNDS). ``editable(offset)`` says
    whether a character of the original text may change (a .docx: not inside revisions, fields
    or Word's numbering); edits that would change another, or insert beside none, are skipped."""
    text, counts, rounds = source.text, Counter(), []
    # every location a fix applies to, not max_findings_per_rule of them (lawlint.checks.overflow)
    config = replace(config or Config(), max_findings_per_rule=0)
    origin = list(range(len(text))) if editable is not None else None
    skipped = set()                       # (rule, original offset): counted once over the rounds
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
            if origin is not None and not _allowed(origin, d.start, d.end, editable):
                skipped.add((d.rule, next((o for o in origin[d.start:] if o is not None), None)))
                continue
            edits.append(d)
            last_end = d.end
        if not edits:
            break
        rounds.append([Edit(d.start, d.end, text[d.start:d.end], d.replacement, d.rule) for d in edits])
        for d in reversed(edits):
            text = text[:d.start] + d.replacement + text[d.end:]
            if origin is not None:
                origin[d.start:d.end] = [None] * len(d.replacement)
            counts[d.rule] += 1
    return FixResult(source.path, source.text, text, counts, rounds, skipped=len(skipped))


def _allowed(origin, start, end, editable) -> bool:
    """May the text at [start, end) of this round (``origin``: each character's offset in the
    original text, None for text an earlier round put in) be replaced?"""
    own = [o for o in origin[start:end] if o is not None]
    if own:
        return all(editable(o) for o in own)
    if start < end:
        return True                       # only text lawlint itself put in
    left = next((o for o in reversed(origin[:start]) if o is not None), None)
    right = next((o for o in origin[end:] if o is not None), None)
    return (left is not None and editable(left)) or (right is not None and editable(right))


def net_edits(outcome: FixResult) -> list[tuple[int, int, str]]:
    """All rounds of a fix as non-overlapping (start, end, new text) replacements in the
    coordinates of the original text, ascending (a .docx writes each as one revision)."""
    cells = [(i, c) for i, c in enumerate(outcome.original)]     # (original offset | None, char)
    for edits in outcome.rounds:
        for e in reversed(edits):
            cells[e.start:e.end] = [(None, c) for c in e.new]
    out, kept, new = [], 0, []
    for o, c in cells + [(len(outcome.original), "")]:
        if o is None:
            new.append(c)
            continue
        if (o > kept or new) and outcome.original[kept:o] != "".join(new):
            out.append((kept, o, "".join(new)))
        kept, new = o + 1, []
    return out


def writable(path) -> bool:
    """Can ``lawlint fix`` write this kind of file? (Folders are walked for every readable kind;
    plain text and Markdown are rewritten, a .docx gets tracked changes.)"""
    return os.path.splitext(os.fspath(path))[1].lower() in WRITABLE_SUFFIXES


def fix_path(path, config=None, *, write=True, output=None) -> FixResult:
    """Fix one file in place (or into ``output``). A .docx gets each fix as a tracked change.

    In place, the file is written only if it is still as it was read (size, modification time,
    hash), through a symbolic link to its target, keeping owner, group and mode; a read-only file
    is refused. Any failure to write leaves the file as it was and raises LoadError."""
    config = config or Config()
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if not writable(path):
        raise LoadError(f"lawlint fix 只修改 .txt、.md 和 .docx 文件，不修改 {suffix or '无扩展名的'} 文件"
                        "（请在原编辑器中修改）", path)
    notes = _stale_notes(path) if write and not output else []
    raw, snap = _read(path, config, write and not output)
    source = load_bytes(raw, path=str(path), kind=suffix[1:], encoding=config.encoding,
                        limits=config.limits)
    if source.kind not in WRITABLE:
        raise LoadError(f"lawlint fix 只修改 .txt、.md 和 .docx 文件（{source.kind} 文件请在原编辑器中修改）", path)
    target = output or path
    if source.kind == "docx":
        outcome = fix_source(source, config, editable=source.editable)
        if write and (outcome.changed or output):
            refuse_if_open(target)
            from .tracked import write_tracked
            out = write_tracked(raw, source, net_edits(outcome), outcome.fixed) if outcome.changed else raw
            _write(target, out, None if output else snap, path)
    else:
        outcome = fix_source(source, config)
        if write and (outcome.changed or output):
            _write(target, _encode_like_original(path, raw, source, outcome.fixed),
                   None if output else snap, path)
    if write and not output and outcome.changed and snap.nlink > 1:
        notes.append(f"注意：{show_path(path)} 有 {snap.nlink} 个硬链接，修正后只有这个路径指向新内容，"
                     "其他链接仍是原文")
    outcome.notes = notes
    return outcome


_looked_in: set = set()      # folders already searched for stale temporary files, this process


def _stale_notes(path) -> list:
    folder = os.path.dirname(os.path.realpath(os.fspath(path)))
    if folder in _looked_in:
        return []
    _looked_in.add(folder)
    removed, left = stale_temporaries(path)
    return ([f"已删除上次中断的 lawlint fix 留下的临时文件 {show_path(t)}" for t in removed]
            + [f"{show_path(t)} 是 lawlint fix 的临时文件（另一个 lawlint 正在写入，或上次运行被中断；"
               "原文件完好，确认没有 lawlint 在运行后可删除）" for t in left])


def _read(path, config, in_place):
    """The file's bytes and snapshot; refuses what ``fix`` must not rewrite in place."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise LoadError("文件不存在", path) from None
    except OSError as e:
        raise LoadError(f"无法读取文件（{e.strerror or e}）", path) from None
    if not stat.S_ISREG(st.st_mode):
        raise LoadError("不是普通文件，未读取", path)
    if st.st_size > config.limits.max_bytes:
        from ..loaders import too_big
        raise too_big(st.st_size, config.limits.max_bytes, str(path))
    if in_place and (not st.st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise LoadError("文件是只读的，未修改（确需修正请先取消只读属性）", path)
    try:
        return read_with_snapshot(path)
    except OSError as e:
        raise LoadError(f"无法读取文件（{e.strerror or e}）", path) from None


def _write(target, data, snap, path):
    try:
        write_bytes_atomic(target, data, expect=snap)
    except ChangedMeanwhile:
        raise LoadError("文件在修正期间被其他程序改动，为免覆盖新内容未写入；请重新运行 lawlint fix", path) from None
    except OSError as e:
        raise LoadError(f"无法写入（{e.strerror or e}），文件未改动", target) from None


def lock_file(path) -> str | None:
    """The lock file Word/WPS (``~$name``; a long name loses its first two characters) or
    LibreOffice (``.~lock.name#``) keeps beside a document it has open, if there is one."""
    folder, name = os.path.split(os.path.abspath(os.fspath(path)))
    stem = os.path.splitext(name)[0]
    cands = ["~$" + name] + (["~$" + name[1:], "~$" + name[2:]] if len(stem) > 2 else []) + [f".~lock.{name}#"]
    for cand in cands:
        if os.path.exists(os.path.join(folder, cand)):
            return cand
    return None


def refuse_if_open(path) -> None:
    lock = lock_file(path)
    if lock:
        raise LoadError(f"文件正在 Word/WPS 中打开（旁边有锁定文件 {lock}），未写入；请先关闭文档再运行", path)


_ENDINGS = re.compile(r"\r\n|\r|\n")


def _encode_like_original(path, raw: bytes, source: Source, fixed: str) -> bytes:
    """Re-encode with the file's own encoding, BOM and per-line endings."""
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
