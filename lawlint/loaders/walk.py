"""Expand command-line paths into report files: folders are walked for supported suffixes."""
from __future__ import annotations

import os

from ..errors import show_path
from . import supported_suffixes
from ..result import FileResult

# Files that live beside reports but are not reports.
SKIP_NAMES = ("README*", "readme*", "CHANGELOG*", "LICENSE*", ".*")
OUTPUT_MARKER = ".lawlint-output"     # written by --format html into its output folder


def expand_paths(paths) -> list:
    """Return, in order, paths to check and FileResults for paths that do not exist.

    A folder contributes its supported files, sorted; symlinked folders are followed once (a
    loop is cut where a folder is seen again). ``-`` stands for standard input.
    """
    out, seen_dirs = [], set()
    suffixes = supported_suffixes()
    for p in paths:
        if p == "-":
            out.append("-")
        elif os.path.isdir(p):
            seen_before = os.path.realpath(p) in seen_dirs
            found = _walk(p, suffixes, seen_dirs)
            if not found and not seen_before:
                # A gate that checked nothing must not pass: an empty folder is an error.
                out.append(FileResult(path=p, error=no_reports_message(p, suffixes)))
            out.extend(found)
        elif os.path.lexists(p) or os.path.exists(p):
            out.append(p)
        else:
            out.append(FileResult(path=p, error=f"{show_path(p)}: 路径不存在"))
    return out


def no_reports_message(folder, suffixes=None) -> str:
    """The one line for a folder with no report in it: where lawlint looked, what it reads."""
    suffixes = sorted(suffixes or supported_suffixes())
    return (f"{folder}: 没有找到报告文件（在该目录及其子目录中查找 {' '.join(suffixes)} 文件，"
            "跳过 README 等说明文件和以 . 开头的目录）")


def _walk(root, suffixes, seen_dirs):
    import fnmatch              # (a folder's walk only: checking one file needs none)
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        if OUTPUT_MARKER in filenames:          # lawlint's own HTML output, not reports
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if any(fnmatch.fnmatch(name, pat) for pat in SKIP_NAMES):
                continue
            full = os.path.join(dirpath, name)
            if os.path.splitext(name)[1].lower() in suffixes and os.path.isfile(full):
                found.append(full)      # a regular file (or a link to one): no pipe, no device
    return found
