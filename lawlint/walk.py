"""Expand command-line paths into report files: folders are walked for supported suffixes."""
from __future__ import annotations

import fnmatch
import os

from .errors import show_path
from .loaders import supported_suffixes
from .result import FileResult

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
            out.extend(_walk(p, suffixes, seen_dirs))
        elif os.path.lexists(p) or os.path.exists(p):
            out.append(p)
        else:
            out.append(FileResult(path=p, error=f"{show_path(p)}: 路径不存在"))
    return out


def _walk(root, suffixes, seen_dirs):
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
