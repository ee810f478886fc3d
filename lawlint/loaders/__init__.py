"""Loaders turn a path (or bytes) into a :class:`~lawlint.source.Source`.

One module per input kind; this registry maps file suffixes to them. A loader never lets a bare
exception escape: every failure is a :class:`~lawlint.errors.LoadError` with a Chinese message.
"""
from __future__ import annotations

import importlib
import os

from ..errors import LoadError

# suffix -> "module:function"; a new input kind is one module and one line here.
LOADERS = {
    ".txt": "text:load_text",
    ".text": "text:load_text",
    ".md": "text:load_markdown",
    ".markdown": "text:load_markdown",
    ".docx": "docx:load_docx",
    ".html": "html:load_html",
    ".htm": "html:load_html",
    ".pdf": "office:load_pdf",
    ".doc": "office:load_legacy_word",
    ".wps": "office:load_legacy_word",
}

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def supported_suffixes():
    return tuple(LOADERS)


def _loader_for(suffix):
    target = LOADERS.get(suffix.lower())
    if target is None:
        return None
    mod, func = target.split(":")
    return getattr(importlib.import_module(f"{__name__}.{mod}"), func)


def load_path(path, *, max_bytes=DEFAULT_MAX_BYTES, encoding=None):
    """Read ``path`` and return a Source; raise LoadError with a Chinese message on failure."""
    path = str(path)
    suffix = os.path.splitext(path)[1].lower()
    loader = _loader_for(suffix)
    if loader is None:
        known = "、".join(sorted(LOADERS))
        raise LoadError(f"不支持的文件类型“{suffix or '无扩展名'}”（支持：{known}）", path)
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise LoadError("文件不存在", path) from None
    except OSError as e:
        raise LoadError(f"无法读取文件（{e.strerror or e}）", path) from None
    if os.path.isdir(path):
        raise LoadError("这是一个目录，不是文件", path)
    if size > max_bytes:
        raise LoadError(f"文件过大（{size // 1024 // 1024} MB，上限 {max_bytes // 1024 // 1024} MB），"
                        "可用配置项 max_file_mb 调整", path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except PermissionError:
        raise LoadError("没有读取权限", path) from None
    except OSError as e:
        raise LoadError(f"无法读取文件（{e.strerror or e}）", path) from None
    return loader(data, path=path, encoding=encoding)


def load_bytes(data, *, path="<stdin>", kind="txt", encoding=None):
    """Load bytes that did not come from a file (standard input)."""
    loader = _loader_for("." + kind) or _loader_for(".txt")
    return loader(data, path=path, encoding=encoding)
