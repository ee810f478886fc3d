"""A small on-disk cache of validated rule packs, keyed by the pack's text and lawlint's version.

Validating YAML against the JSON Schema costs more than linting a report, so a warm run skips it;
the parsed data files (``rules/data/*.yaml``, the scoring profile) are kept the same way, so a warm
run does not import the YAML parser at all, and so are the words of the few sentences a rule had
to segment (a fresh process then need not load the segmenter for them).
The cache lives in the user cache directory (``$LAWLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME`` or
``~/.cache``, ``/lawlint``). Any failure to read or write it is ignored: the cache is only speed.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from ._version import __version__


def cache_dir() -> Path | None:
    if os.environ.get("LAWLINT_NO_CACHE"):
        return None
    root = os.environ.get("LAWLINT_CACHE_DIR")
    if root:
        return Path(root)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawlint"


def _key(text: str) -> str:
    h = hashlib.sha256(f"{__version__}\0".encode() + text.encode("utf-8")).hexdigest()
    return h[:32]


def get_pack(text: str):
    return get("packs", text)


def put_pack(text: str, value) -> None:
    put("packs", text, value)


def get(kind: str, text: str):
    """What was stored for ``text`` under ``kind`` (``packs``, ``data``, ``tokens``), or None."""
    d = cache_dir()
    if d is None:
        return None
    try:
        with open(d / kind / f"{_key(text)}.pickle", "rb") as fh:
            return pickle.load(fh)
    except Exception:
        return None


def put(kind: str, text: str, value) -> None:
    d = cache_dir()
    if d is None:
        return
    tmp = None
    try:
        target = d / kind
        target.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target / f"{_key(text)}.pickle")
    except Exception:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
