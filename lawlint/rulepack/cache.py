"""A small on-disk cache that holds data only: validated rule packs, parsed data files, compiled
regex code, the words of segmented sentences and the merged law table (:mod:`lawlint.checks.lawtable`).

Validating YAML against the JSON Schema costs more than linting a report, so a warm run skips it;
the parsed data files (``rules/data/*.yaml``, the scoring profile) are kept the same way, so a warm
run does not import the YAML parser at all, and so are the words of the few sentences a rule had
to segment (a fresh process then need not load the segmenter for them).

Safety (nothing read from disk may run code):

* entries are JSON (:func:`get`/:func:`put`) or bytes a caller decodes itself (:func:`read`/
  :func:`write`; the regex cache stores integers); never pickle;
* the folder is ``$LAWLINT_CACHE_DIR``, else the platform's user cache folder (``platformdirs``;
  on Linux read here as it reads it: ``$XDG_CACHE_HOME/lawlint`` or ``~/.cache/lawlint``), and only an absolute path: with no
  usable home there is no cache, never one under the working folder;
* it is created 0700 and used only when it is owned by the current user and neither group nor
  others may write to it (nor, without the sticky bit, to a folder above it); otherwise the cache
  is off for the run, with one warning;
* every entry is keyed by lawlint's version and a hash of the source of the code that produced it
  (:data:`PRODUCERS`; :mod:`lawlint.rulepack.codekey`), so an edited module never meets its predecessor's output;
* an entry starts with a header naming its full key; one that lacks it, cannot be read or does not
  decode is treated as absent (the caller rebuilds it).

``LAWLINT_NO_CACHE=1`` turns the cache off.
"""
from __future__ import annotations

import os
import stat
import sys
import _thread

from .._version import __version__
from . import codekey

try:        # hashlib's own BLAKE2, without importing hashlib (which loads OpenSSL: ≈11 M instructions)
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b

_PKG = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))     # (os.path: pathlib costs a start ≈19 M)
# kind -> files (relative to the package) whose code produced what is stored under that kind
PRODUCERS = {
    "regex": ("rulepack/regexcache.py", "rulepack/regexstore.py", "rulepack/literals.py", "rulepack/sreinfo.py",
              "rulepack/anchors.py", "rulepack/windowscan.py", "rulepack/heads.py", "checks/termscan.py"),
    "packs": ("rulepack/ruleset.py", "rulepack/schema.py", "rulepack/yamlio.py", "rulepack/regexsafety.py",
              "rulepack/template.py", "vocabulary.py", "checks/*.py", "numbering/*.py"),
    "data": ("rulepack/resources.py", "rulepack/yamlio.py"),
    "tokens": ("parse/segment.py", "parse/dictcut.py"),
    "startregex": ("rulepack/startregex.py", "rulepack/sreparts.py"),
}

_SHIPPED = ("packs", "data")    # the kinds lawlint.rulepack.prebuilt may hold
recorded: list | None = None    # tools/prebuild.py: every packs/data entry put, as (kind, digest, value)

_lock = _thread.allocate_lock()     # threading.Lock, without importing threading
_decided: dict = {}         # environment that locates the folder -> str | None
_code: dict = {}            # kind -> hash of its producers' source; ("file", path) -> hash of one file
_warned = False


def _where() -> tuple:
    env = os.environ
    return (env.get("LAWLINT_NO_CACHE"), env.get("LAWLINT_CACHE_DIR"), env.get("XDG_CACHE_HOME"),
            env.get("HOME"))


def cache_dir():
    """The cache folder (a Path), created and found safe, or None (no cache for this run)."""
    folder = _folder()
    if folder is None:
        return None
    from pathlib import Path
    return Path(folder)


def _folder() -> str | None:
    """:func:`cache_dir` as a string (what this module itself uses)."""
    where = _where()
    if where in _decided:
        return _decided[where]
    with _lock:
        if where not in _decided:
            _decided[where] = _decide(where)
        return _decided[where]


def _decide(where) -> str | None:
    no_cache, explicit, _xdg, _home = where
    if no_cache:
        return None
    if explicit:
        root = explicit
    else:
        from .usercache import user_cache_root
        root = user_cache_root()
        if root is None:
            return None
    if not os.path.isabs(root):   # `~` unexpanded (no HOME, no passwd entry), or a relative value
        if explicit:
            _warn(f"LAWLINT_CACHE_DIR={_show(root)} 不是绝对路径")
        return None
    path = root
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
    except OSError:
        return None             # read-only home and the like: quietly no cache
    problem = unsafe(path)
    if problem:
        _warn(f"{_show(path)} {problem}")
        return None
    return path


def unsafe(path) -> str | None:
    """Why ``path`` must not hold a cache others could plant entries in, or None."""
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    try:
        st = os.stat(path)
    except OSError as e:
        return f"无法读取（{e.strerror or e}）"
    if not stat.S_ISDIR(st.st_mode):
        return "不是目录"
    if uid is not None and st.st_uid != uid:
        return "不归当前用户所有"
    if st.st_mode & 0o022:
        return "可被其他用户写入"
    if uid is None:
        return None
    for parent in _parents(os.path.realpath(path)):
        try:
            pst = os.stat(parent)
        except OSError:
            return None
        if pst.st_uid not in (uid, 0):
            return f"位于其他用户的目录 {_show(parent)} 中"
        if pst.st_mode & 0o002 and not pst.st_mode & stat.S_ISVTX:
            return f"位于他人可写的目录 {_show(parent)} 中"
    return None


def _parents(path: str):
    """The folders above an absolute path, nearest first, ending with the root (Path.parents)."""
    while True:
        parent = os.path.dirname(path)
        if parent == path:
            return
        yield parent
        path = parent


def _show(path) -> str:
    from ..errors import show_path
    return show_path(path)


def _warn(what: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        print(f"lawlint: 缓存目录 {what}，本次不使用缓存"
              "（可设置 LAWLINT_CACHE_DIR 为自己的目录，或设置 LAWLINT_NO_CACHE=1 关闭缓存）",
              file=sys.stderr)


def code_hash(kind: str) -> str:
    """A hash of the source of the modules that produce ``kind``'s entries (their content)."""
    got = _code.get(kind)
    if got is None:
        got = _code[kind] = codekey.files_hash(PRODUCERS.get(kind, ()), _PKG, _code)
    return got


def digest(kind: str, key: str) -> bytes | None:
    """The full key of an entry: lawlint's version, its producers' code, ``kind`` and ``key``."""
    return _digest(kind, key)


def _digest(kind: str, key: str) -> bytes | None:
    try:
        code = code_hash(kind)
    except OSError:             # the sources are not there to hash: no cache for this kind
        return None
    h = blake2b(f"{__version__}\0{code}\0{kind}\0".encode(), digest_size=32)
    h.update(key.encode("utf-8", "surrogatepass"))
    return h.digest()


def entry_path(kind: str, key: str, suffix: str) -> str | None:
    d = _folder()
    digest = _digest(kind, key) if d is not None else None
    return None if digest is None else os.path.join(d, kind, f"{digest.hex()[:40]}{suffix}")


_MAGIC = b"lawlint-cache 2\n"    # then the entry's full 32-byte key digest, then the data


def read(kind: str, key: str, suffix: str = ".bin", view: bool = False) -> bytes | memoryview | None:
    """The bytes stored for ``key`` under ``kind``, or None (also for a file this module did not
    write for exactly this key, version and code); ``view``: as a memoryview, not a copy."""
    path = entry_path(kind, key, suffix)
    if path is None:
        return None
    head = _MAGIC + _digest(kind, key)
    try:
        with open(path, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            data = fh.read()
    except OSError:
        return None
    if not data.startswith(head):
        return None
    return memoryview(data)[len(head):] if view else data[len(head):]


def write(kind: str, key: str, data: bytes, suffix: str = ".bin") -> None:
    path = entry_path(kind, key, suffix)
    if path is None:
        return
    tmp = None
    try:
        folder = os.path.dirname(path)
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            if not os.path.isdir(folder):
                raise
        import tempfile
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + _digest(kind, key) + data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def get(kind: str, key: str):
    """The JSON value stored for ``key`` under ``kind`` (``packs``, ``data``, ``tokens``), or None.
    The entries shipped in the package (:mod:`lawlint.rulepack.prebuilt`) come first."""
    if kind in _SHIPPED:
        digest = _digest(kind, key)
        if digest is not None:
            from . import prebuilt
            value = prebuilt.get(kind, digest)
            if value is not None:
                return value
    data = read(kind, key, ".json")
    if data is None:
        return None
    import json             # (here: a start primes json's regexes before importing it, startregex)
    try:
        return json.loads(data)
    except ValueError:          # half a file, another format: as if absent
        return None


def put(kind: str, key: str, value) -> None:
    """Store ``value`` if JSON gives it back unchanged (plain lists, str-keyed dicts, strings,
    numbers); anything else is simply not cached."""
    import json
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if json.loads(text) != value:
            return
        data = text.encode("utf-8")
    except (TypeError, ValueError):
        return
    if recorded is not None and kind in _SHIPPED:
        recorded.append((kind, _digest(kind, key), value))
    write(kind, key, data, ".json")


def get_pack(text: str):
    return get("packs", text)


def put_pack(text: str, value) -> None:
    put("packs", text, value)
