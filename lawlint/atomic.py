"""Atomic file writes: a temporary file in the same folder, then ``os.replace``.

A reader (or a crash) never sees half a file; the only user files lawlint writes are an explicit
``--output`` target and, with ``lawlint fix``, the fixed report.
"""
from __future__ import annotations

import os
import tempfile


def write_bytes_atomic(path, data: bytes) -> None:
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".lawlint-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:                          # mkstemp makes 0600; a new file gets the usual mode
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomic(path, text: str, encoding="utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))
