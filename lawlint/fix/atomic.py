"""Atomic file writes: a temporary file in the same folder, then ``os.replace``.

A reader (or a crash) never sees half a file; the only user files lawlint writes are an explicit
``--output`` target and, with ``lawlint fix``, the fixed report. For ``fix`` a write also

* replaces only what was read: :func:`snapshot` notes the file's size, modification time and hash
  when it is read, and right before the replace the file must still match (another program's edit
  is never overwritten; the window left is the few microseconds between that check and the rename);
* keeps the owner and group where the process may set them, and the permission bits;
* goes to the target of a symbolic link (the link stays a link).

The temporary file is ``.lawlint-<pid>-….tmp``: one left by a killed run (kill -9, power loss) is
found by :func:`stale_temporaries` on the next run and removed when that process is gone.
"""
from __future__ import annotations

import glob
import hashlib
import os
import stat
import tempfile
from ..plain import dataclass


class ChangedMeanwhile(OSError):
    """The file is not the one that was read: it was not replaced."""


@dataclass(frozen=True)
class Snapshot:
    size: int
    mtime_ns: int
    sha256: str
    uid: int
    gid: int
    mode: int
    nlink: int


def read_with_snapshot(path) -> tuple[bytes, Snapshot]:
    """The file's bytes and what must still hold when it is replaced."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"{path}: not a regular file")
        data = fh.read()
    return data, Snapshot(st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest(), st.st_uid,
                          st.st_gid, st.st_mode & 0o7777, st.st_nlink)


def unchanged(path, snap: Snapshot) -> bool:
    st = os.stat(path)
    if st.st_size != snap.size or st.st_mtime_ns != snap.mtime_ns:
        return False
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest() == snap.sha256


def write_bytes_atomic(path, data: bytes, expect: Snapshot | None = None) -> None:
    """Write ``data`` to ``path`` (the target, if it is a symbolic link) at once. With ``expect``
    the file must still be as it was read, else :class:`ChangedMeanwhile` and nothing written."""
    path = os.path.realpath(os.fspath(path))
    folder = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".lawlint-{os.getpid()}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            st = os.stat(path)
        except FileNotFoundError:
            st = None
        if st is not None:
            os.chmod(tmp, st.st_mode & 0o7777)
            if hasattr(os, "chown") and (st.st_uid, st.st_gid) != _owner(tmp):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:         # not ours to give away: the group, then nothing
                    try:
                        os.chown(tmp, -1, st.st_gid)
                    except OSError:
                        pass
        else:                          # mkstemp makes 0600; a new file gets the usual mode
            os.chmod(tmp, 0o666 & ~_umask())
        if expect is not None and (st is None or not unchanged(path, expect)):
            raise ChangedMeanwhile(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _owner(path):
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomic(path, text: str, encoding="utf-8") -> None:
    write_bytes_atomic(path, text.encode(encoding))


def stale_temporaries(path) -> tuple[list[str], list[str]]:
    """Temporary files a killed run left beside ``path``: (removed now, left in place). One whose
    process is gone is removed; one of a running process, or named the old way, is left."""
    folder = os.path.dirname(os.path.realpath(os.fspath(path)))
    removed, left = [], []
    for tmp in sorted(glob.glob(os.path.join(glob.escape(folder), ".lawlint-*.tmp"))):
        pid = os.path.basename(tmp)[len(".lawlint-"):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                os.unlink(tmp)
                removed.append(tmp)
                continue
            except OSError:
                pass
        if not (pid.isdigit() and int(pid) == os.getpid()):
            left.append(tmp)
    return removed, left


def _alive(pid: int) -> bool:
    if os.name == "nt":                 # os.kill(pid, 0) would send Ctrl-C there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
