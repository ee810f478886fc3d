"""Accepting uploaded files and .zip archives into a job's ``in`` folder, within the limits.

A file is refused when lawlint cannot read its kind or it is over ``max_file_mb`` (the command
line's own limit and message). A .zip is unpacked entry by entry with every name checked (no
absolute path, no ``..``, no drive letter: such an archive is refused whole), at most
``max_files`` entries, each at most ``max_file_mb`` and all together at most ``max_upload_mb``
as actually read (the sizes an archive declares are not trusted), so a zip bomb stops at the
bound. Archives inside archives are not unpacked. Names in archives made by Chinese Windows
(GBK, without the UTF-8 flag) are decoded as such.
"""
from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path, PurePosixPath

from ..loaders import MB, supported_suffixes, too_big

CHUNK = 1024 * 1024
_BAD_CHARS = re.compile(r'[\x00-\x1f<>:"|?*\\]')


class Refused(Exception):
    """An upload refused as a whole: a Chinese sentence for the page, and the HTTP status."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def safe_name(name: str) -> str:
    """A browser's file name as one safe path component (some send a whole Windows path)."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _BAD_CHARS.sub("_", base).strip(" .")
    return base[-120:] or "未命名"


class Inbox:
    """The files accepted into one job's ``in`` folder: ``names`` (relative paths, in order) and
    ``skipped`` [(name, why)]."""

    def __init__(self, folder: Path, max_files: int, max_file: int, max_total: int):
        self.folder, self.max_files, self.max_file, self.max_total = folder, max_files, max_file, max_total
        self.names: list[str] = []
        self.skipped: list[tuple[str, str]] = []
        self.total = 0

    def _count(self, name: str):
        if len(self.names) + len(self.skipped) >= self.max_files:
            raise Refused(f"文件过多：一次最多上传 {self.max_files} 份报告（压缩包中的文件逐个计数），"
                          f"“{name}”及以后的文件未接收", 413)

    def _target(self, rel: str) -> Path:
        path = self.folder / rel
        stem, suffix, n = path.stem, path.suffix, 2
        while path.exists() or str(path.relative_to(self.folder)) in self.names:
            path = path.with_name(f"{stem}-{n}{suffix}")
            n += 1
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    def supported(self, name: str) -> bool:
        suffix = os.path.splitext(name)[1].lower()
        if suffix in supported_suffixes():
            return True
        self.skipped.append((name, f"不支持的文件类型“{suffix or '无扩展名'}”"
                                   f"（支持：{'、'.join(sorted(supported_suffixes()))}、.zip）"))
        return False

    def add(self, rel: str, chunks, declared: int | None = None) -> str | None:
        """Write one file from an iterable of byte chunks; None (and a reason in ``skipped``)
        when it is over a limit (``declared``: its size when known beforehand; not trusted)."""
        self._count(rel)
        if not self.supported(rel):
            return None
        if declared is not None and declared > self.max_file:
            self.skipped.append((rel, too_big(declared, self.max_file, rel).message))
            return None
        target = self._target(rel)
        size = 0
        with open(target, "wb", opener=lambda p, f: os.open(p, f, 0o600)) as fh:
            for chunk in chunks:
                size += len(chunk)
                self.total += len(chunk)
                if self.total > self.max_total:
                    raise Refused(f"上传的文件合计（含压缩包解压后）超过 {self.max_total / MB:g} MB，已拒绝；"
                                  "请分批上传", 413)
                if size > self.max_file:
                    break
                fh.write(chunk)
        if size > self.max_file:
            target.unlink()
            self.skipped.append((rel, too_big(size, self.max_file, rel).message))
            return None
        name = str(target.relative_to(self.folder)).replace(os.sep, "/")
        self.names.append(name)
        return name

    def add_zip(self, name: str, fileobj) -> None:
        """Unpack a .zip's report files (see the module's notes); refuse a hostile archive."""
        try:
            z = zipfile.ZipFile(fileobj)
            infos = [i for i in z.infolist() if not i.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError):
            raise Refused(f"“{name}”不是有效的 zip 压缩包，已拒绝") from None
        entries = []
        for info in infos:
            rel = _entry_name(info)
            parts = PurePosixPath(rel.replace("\\", "/")).parts
            if (rel.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", rel) or ".." in parts
                    or any(_BAD_CHARS.search(p) for p in parts)):
                raise Refused(f"压缩包“{name}”中有不安全的文件名“{rel}”（指向压缩包以外的位置），已拒绝整个压缩包")
            if parts[0] == "__MACOSX" or parts[-1].startswith("."):
                continue
            entries.append((info, "/".join(p.strip() or "_" for p in parts)))
        if len(entries) + len(self.names) + len(self.skipped) > self.max_files:
            raise Refused(f"压缩包“{name}”中有 {len(entries)} 个文件，超过一次最多 {self.max_files} 份的上限，已拒绝", 413)
        for info, rel in entries:
            if info.flag_bits & 0x1:
                self._count(rel)
                self.skipped.append((rel, "文件已加密，无法读取"))
            elif rel.lower().endswith(".zip"):
                self._count(rel)
                self.skipped.append((rel, "压缩包中的压缩包不展开，请单独上传"))
            elif self.supported(rel):
                try:
                    with z.open(info) as fh:
                        self.add(rel, iter(lambda: fh.read(CHUNK), b""), info.file_size)
                except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
                    self.skipped.append((rel, "压缩包中的这个文件已损坏，无法解压"))


def _entry_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not info.flag_bits & 0x800:            # not marked UTF-8: Chinese Windows writes GBK
        try:
            name = name.encode("cp437").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name
