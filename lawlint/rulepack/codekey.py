"""The code part of a cache entry's key (:mod:`lawlint.rulepack.cache`): a hash of the content of
the files whose code produced the entry, so that an edited module never meets its predecessor's
output, whatever the files' times say.

Every start keys its entries so (≈0.25 MB of code and YAML), so each file is read once a process,
unbuffered, and hashed with the 64-bit SipHash CPython checks hash-based ``.pyc`` files against
their source with (``importlib.util.source_hash``: a content hash, ≈4x fewer instructions than
BLAKE2b); the hashes are combined with BLAKE2b. A Python without it hashes each file with BLAKE2b.
"""
from __future__ import annotations

import os

try:        # hashlib's own BLAKE2, without importing hashlib (which loads OpenSSL: ≈11 M instructions)
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

try:
    from _imp import source_hash as _sip
except ImportError:
    _sip = None
_SIP_KEY = 0x6c61776c696e74     # any fixed key


def files_hash(patterns, pkg: str, memo: dict) -> str:
    """A hash of the names and content of the files ``patterns`` name under ``pkg`` (``memo``
    keeps each file's hash, as ``("file", path)``)."""
    h = blake2b(digest_size=32)
    for pattern in patterns:
        for p in files(pattern, pkg):
            h.update(os.path.basename(p).encode() + b"\0" + _file_hash(p, memo))
    return h.hexdigest()


def _file_hash(path: str, memo: dict) -> bytes:
    got = memo.get(("file", path))
    if got is None:
        fd = os.open(path, os.O_RDONLY)         # (no file object to build)
        try:
            data = b"".join(iter(lambda: os.read(fd, 1 << 16), b""))
        finally:
            os.close(fd)
        got = memo[("file", path)] = _sip(_SIP_KEY, data) if _sip else blake2b(data).digest()
    return got


def files(pattern: str, pkg: str) -> list:
    """The package's files a pattern names (``dir/name.py`` or ``dir/*.py``), sorted."""
    folder, name = os.path.split(os.path.join(pkg, pattern))
    if name.startswith("*"):
        suffix = name[1:]
        assert "*" not in suffix and "?" not in suffix and "[" not in suffix, pattern
        return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(suffix)]
    path = os.path.join(folder, name)
    return [path] if os.path.exists(path) else []
