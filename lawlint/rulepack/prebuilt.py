"""Cache entries shipped in the package: the built-in rule packs validated, and the built-in data
files parsed, when lawlint was built, so that even a first run (an empty cache: every fresh CI
job, a new user) neither parses YAML nor imports jsonschema for them.

``rules/prebuilt.jsonl`` holds one JSON array per line, ``[kind, key digest, value]``: exactly the
entry :mod:`lawlint.rulepack.cache` would store for that kind and key, under the same digest (lawlint's
version, a hash of the producing code, the kind and the key: for a pack, its YAML text). An entry
whose digest nothing asks for is simply never used, so a YAML file or a producing module edited
after the file was written falls back to validating and parsing, as with an empty cache; the test
suite fails until the file is written again (``python tools/prebuild.py``).

The compiled code of the rules' regexes (:mod:`lawlint.rulepack.regexcache`'s table) depends on the Python
that compiled it: ``rules/regex-py3XY.bin`` holds the table one interpreter built, zlib-compressed
:mod:`lawlint.rulepack.regexstore` data behind a header naming the cache key it was built for (the exact
Python version, sre's format, the producing code). Another interpreter, or the same one after an
edit, finds no table here and compiles as with an empty cache.

Data only, like the cache: JSON values, read with ``json.loads``, and sre code as integers; a line
that does not decode or whose kind and digest differ from the ones it was found under is ignored,
and so is a regex file whose header names another key.
"""
from __future__ import annotations

import json
import os

NAME = "prebuilt.jsonl"
KINDS = ("packs", "data")
# tools/prebuild.py builds the entries afresh, and LAWLINT_NO_PREBUILT=1 has a run use only the cache
# (tests of the cache itself): nothing is read from here then
disabled = bool(os.environ.get("LAWLINT_NO_PREBUILT"))
_index: dict | None = None  # (kind, hex digest) -> the line holding its entry


def folder() -> str:
    """The built-in rules folder (as :func:`lawlint.rulepack.resources.rules_dir` finds it, without importing
    it: lawlint.rulepack.cache, which resources uses, reads this module)."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))    # the lawlint package
    packaged = os.path.join(here, "rules")           # installed: rules/ is packaged as lawlint.rules
    return packaged if os.path.isfile(os.path.join(packaged, "profile.yaml")) else \
        os.path.join(os.path.dirname(here), "rules")  # a source checkout


def path() -> str:
    return os.path.join(folder(), NAME)


def _load() -> dict:
    global _index
    if _index is None:
        index = {}
        if not disabled:
            try:
                with open(path(), encoding="utf-8") as fh:
                    lines = fh.read().splitlines()
            except (OSError, UnicodeDecodeError):
                lines = []
            for line in lines:          # ["kind","<64 hex>",value]: the digest sits at a fixed place
                kind, _, rest = line[2:].partition('"')
                index[(kind, rest[2:66])] = line
        _index = index
    return _index


def get(kind: str, digest: bytes):
    """The shipped value of the entry ``digest`` of ``kind`` (a fresh copy), or None."""
    line = _load().get((kind, digest.hex()))
    if line is None:
        return None
    try:
        got_kind, got_digest, value = json.loads(line)
    except ValueError:
        return None
    return value if (got_kind, got_digest) == (kind, digest.hex()) else None


REGEX_MAGIC = b"lawlint-prebuilt-regex 2\n"      # then the key digest (32 bytes), then raw deflate data
# (raw deflate: no adler32 over the 0.7 MB unpacked, ≈2.5 M instructions a start; the table's
# decoder and _sre.compile check what they read, and a damaged stream fails to inflate)


def regex_name() -> str:
    import sys
    return f"regex-py{sys.version_info[0]}{sys.version_info[1]}.bin"


def regex_table(digest: bytes | None) -> bytes | None:
    """The regex table shipped for this interpreter if it was built under ``digest`` (the regex
    cache's key digest), as :func:`lawlint.rulepack.regexstore.decode` reads it; else None."""
    if disabled or digest is None:
        return None
    try:
        with open(os.path.join(folder(), regex_name()), "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    head = REGEX_MAGIC + digest
    if not data.startswith(head):
        return None
    import zlib
    try:
        return zlib.decompress(data[len(head):], -15)
    except zlib.error:
        return None


def regex_file(digest: bytes, table: bytes) -> bytes:
    import zlib
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return REGEX_MAGIC + digest + packer.compress(table) + packer.flush()


def dumps(entries) -> str:
    """The file's text for ``(kind, digest, value)`` entries, sorted so a rebuild is byte-identical."""
    return "".join(json.dumps([k, d.hex(), v], ensure_ascii=False, separators=(",", ":")) + "\n"
                   for k, d, v in sorted(entries, key=lambda e: (e[0], e[1])))
