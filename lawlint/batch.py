"""Check many files, optionally in parallel. Workers get (path, config) and send back results;
results come back in order as they are ready, so a long batch streams."""
from __future__ import annotations

import sys
from functools import partial

from .result import FileResult


def _lint_one(pair, keep_text=False, fingerprints=True):
    r = _lint(pair)
    if not keep_text:
        if fingerprints:            # (its module only then: most formats never read them)
            from .reporters.fingerprint import settle
            settle(r, fingerprints)   # before the text goes: computed now if they will be read
        r.text = None          # results stay small (and cheap to send back from a worker)
    return r


def _lint(pair):
    from .api import lint_path, lint_source
    from .errors import LawlintError
    item, config = pair
    if isinstance(item, FileResult):
        return item
    if item == "-":
        from .loaders import load_bytes, read_stream
        try:
            data = read_stream(sys.stdin.buffer, config.max_bytes)
            source = load_bytes(data, path="<stdin>", encoding=config.encoding, limits=config.limits)
        except LawlintError as e:
            return FileResult(path="<stdin>", error=str(e))
        return lint_source(source, config)
    try:
        return lint_path(item, config)
    except LawlintError as e:           # a bad rule pack named by this file's config
        return FileResult(path=str(item), error=str(e))
    except Exception as e:              # noqa: BLE001 - one file's surprise must not end the batch
        from .errors import debugging, unforeseen
        if debugging():
            raise
        return FileResult(path=str(item), error=unforeseen(e, item))


def check_paths(pairs, jobs=1, keep_text=False, fingerprints=True):
    """Yield a FileResult per (item, config), in order. ``keep_text`` keeps each report's text
    on its result (for formats that show it); ``fingerprints=False`` says nothing will read the
    findings' fingerprints (they are then never computed)."""
    one = partial(_lint_one, keep_text=keep_text, fingerprints=fingerprints)
    if jobs <= 1 or len(pairs) < 4 or any(item == "-" for item, _ in pairs):
        for pair in pairs:
            yield one(pair)
        return
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(one, pairs, chunksize=8)
