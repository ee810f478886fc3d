"""Check many files, optionally in parallel. Workers get paths and send back small results."""
from __future__ import annotations

import sys

from .result import FileResult


def _lint_one(item, config):
    from .api import lint_path, lint_source
    from .errors import LawlintError
    if isinstance(item, FileResult):
        return item
    if item == "-":
        from .loaders import load_bytes
        try:
            source = load_bytes(sys.stdin.buffer.read(), path="<stdin>", encoding=config.encoding)
        except LawlintError as e:
            return FileResult(path="<stdin>", error=str(e))
        return lint_source(source, config)
    return lint_path(item, config)


def check_paths(items, config, jobs=1) -> list[FileResult]:
    if jobs <= 1 or len(items) < 4:
        return [_lint_one(i, config) for i in items]
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(partial(_lint_one, config=config), items, chunksize=8))
