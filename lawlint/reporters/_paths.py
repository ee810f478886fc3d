"""Report paths relative to the repository (git top level) or the working directory."""
from __future__ import annotations

import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def base_dir() -> str:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                             timeout=5)
        if top.returncode == 0 and top.stdout.strip():
            return top.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return os.getcwd()


def relative(path: str) -> str:
    """Forward-slash path relative to the repository root; absolute when outside it."""
    if path.startswith("<"):
        return path.strip("<>")
    full = os.path.abspath(path)
    rel = os.path.relpath(full, base_dir())
    if rel.startswith(".."):
        rel = full
    return rel.replace(os.sep, "/")


def output_folder(outdir, note: str):
    """Make ``outdir`` lawlint's output folder (marked, so a later check of its parent skips it).
    A file there, or a non-empty folder lawlint did not make, is refused: nobody's files are
    overwritten. ``note`` is written into the marker."""
    from pathlib import Path

    from ..errors import LawlintError
    from ..loaders.walk import OUTPUT_MARKER
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise LawlintError("输出位置已存在且不是目录", outdir)
    if out.is_dir() and any(out.iterdir()) and not (out / OUTPUT_MARKER).exists():
        raise LawlintError("输出目录不是空的，且不是 lawlint 生成的，为免覆盖他人文件未写入；请换一个目录", outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / OUTPUT_MARKER).write_text(note + "\n", encoding="utf-8")
    except OSError as e:
        raise LawlintError(f"无法创建输出目录（{e.strerror or e}）", outdir) from None
    return out


def readable(path: str) -> str:
    """A path whose bytes are not UTF-8 (a zip made on Chinese Windows: GBK names), read as GB18030
    for an output file's name (报告 rather than ``____``); other paths as they are."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("gb18030", errors="replace")


def page_name(path: str, taken: set) -> str:
    """A file name for a report's page: the report's own name, made safe; when two reports share
    a name, their folder's name is put in front, then a number."""
    def safe(text):
        return re.sub(r"[^\w\u3400-\u9fff.-]+", "_", text).strip("._-")[-120:]

    p = Path(readable(path))
    stem = safe(p.stem) or "report"
    candidates = [stem, f"{safe(p.parent.name)}_{stem}".lstrip("_")]
    for cand in candidates:
        name = f"{cand}.html"
        if name not in taken and name != "index.html":
            taken.add(name)
            return name
    n = 2
    while f"{stem}-{n}.html" in taken:
        n += 1
    taken.add(f"{stem}-{n}.html")
    return f"{stem}-{n}.html"