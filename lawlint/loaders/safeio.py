"""Reading a file lawlint did not write: only a regular file, and never more than a limit.

A named pipe inside a checked folder would block ``open`` forever, and ``/dev/zero`` named as a
rule pack would be read until memory runs out. :func:`read_regular` opens without blocking,
refuses anything but a regular file (after opening: the check and the read are of the same file),
and reads at most ``limit`` bytes (one more tells that the file is too big, whatever its size
said). Reports, rule packs, configuration files and baselines are all read through it.
"""
from __future__ import annotations

import os
import stat

MB = 1024 * 1024
DEFAULT_LIMIT = 20 * MB          # packs, configuration files, baselines: as a report's max_file_mb


class NotRegular(OSError):
    """A named pipe, a device, a socket or a folder."""


class TooBig(OSError):
    def __init__(self, size: int, limit: int):
        super().__init__(f"{size} > {limit}")
        self.size, self.limit = size, limit


def read_regular(path, limit: int = DEFAULT_LIMIT) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(path)
        if st.st_size > limit:
            raise TooBig(st.st_size, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooBig(len(data), limit)
    return data


def problem(e: OSError) -> str:
    """The Chinese reason for an OSError of :func:`read_regular`."""
    if isinstance(e, NotRegular):
        return "不是普通文件（命名管道、设备或目录），未读取"
    if isinstance(e, TooBig):
        return f"文件过大（超过 {e.limit / MB:g} MB），疑为异常文件，未读取"
    if isinstance(e, FileNotFoundError):
        return "文件不存在"
    if isinstance(e, PermissionError):
        return "没有读取权限"
    return f"无法读取文件（{e.strerror or e}）"


def read_text(path, error, limit: int = DEFAULT_LIMIT, what: str = "") -> str:
    """A UTF-8 file's text; any failure is ``error(message, path)``."""
    return decode_text(read_bytes(path, error, limit, what), path, error, what)


def read_bytes(path, error, limit: int = DEFAULT_LIMIT, what: str = "") -> bytes:
    """:func:`read_regular`; any failure is ``error(message, path)``."""
    try:
        return read_regular(path, limit)
    except OSError as e:
        raise error(f"{what}{problem(e)}", path) from None


def decode_text(data: bytes, path, error, what: str = "") -> str:
    """What :func:`read_bytes` read, as UTF-8 text; not UTF-8 is ``error(message, path)``."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise error(f"{what}不是 UTF-8 编码（第 {e.start} 字节）", path) from None
