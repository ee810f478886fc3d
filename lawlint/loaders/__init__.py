"""Loaders turn a path (or bytes) into a :class:`~lawlint.loaders.source.Source`.

One module per input kind; this registry maps file suffixes to them. A loader never lets a bare
exception escape: every failure is a :class:`~lawlint.errors.LoadError` with a Chinese message.
"""
from __future__ import annotations

import os
from ..plain import dataclass

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
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What lawlint will read of one input; each is a configuration key (see Config)."""

    max_bytes: int = DEFAULT_MAX_BYTES          # max_file_mb: a file, or standard input
    max_chars: int = 1_000_000                  # max_chars: the text a report yields
    max_unpacked: int = 20 * MB                 # max_docx_mb: a .docx's XML after unpacking
    max_pages: int = 300                        # max_pdf_pages


def too_long(n: int, limits: Limits, path: str) -> LoadError:
    return LoadError(f"文字过多（超过 {limits.max_chars:,} 个字符，已读到 {n:,}），疑为异常文件，已拒绝；"
                     "可用配置项 max_chars 调整", path)


def _check_chars(source, limits: Limits, path: str):
    if len(source.text) > limits.max_chars:
        raise too_long(len(source.text), limits, path)
    return source


def supported_suffixes():
    return tuple(LOADERS)


def _loader_for(suffix):
    target = LOADERS.get(suffix.lower())
    if target is None:
        return None
    mod, func = target.split(":")
    return getattr(__import__(f"{__name__}.{mod}", fromlist=[func]), func)     # (no importlib to import)


def load_path(path, *, max_bytes=None, encoding=None, limits: Limits | None = None):
    """Read ``path`` and return a Source; raise LoadError with a Chinese message on failure."""
    limits = limits or Limits()
    max_bytes = limits.max_bytes if max_bytes is None else max_bytes
    path = str(path)
    suffix = os.path.splitext(path)[1].lower()
    loader = _loader_for(suffix)
    if loader is None:
        known = "、".join(sorted(LOADERS))
        raise LoadError(f"不支持的文件类型“{suffix or '无扩展名'}”（支持：{known}）", path)
    from .safeio import TooBig, problem, read_regular
    if os.path.isdir(path):
        raise LoadError("这是一个目录，不是文件", path)
    try:
        data = read_regular(path, max_bytes)    # a regular file only: a named pipe would block
    except TooBig as e:
        raise too_big(e.size, max_bytes, path) from None
    except OSError as e:
        raise LoadError(problem(e), path) from None
    return _check_chars(_run(loader, data, path, encoding, limits), limits, path)


def _run(loader, data, path, encoding, limits):
    """The loader's Source; what it did not foresee is a LoadError naming the file (``--debug``
    shows the traceback)."""
    try:
        return loader(data, path=path, encoding=encoding, limits=limits)
    except LoadError:
        raise
    except Exception as e:      # noqa: BLE001 - a parser library's surprise on a hostile file
        from ..errors import debugging, show_path
        if debugging():
            raise
        raise LoadError(f"无法读取文件（{type(e).__name__}：{show_path(str(e))[:200]}）", path) from None


def too_big(size: int, max_bytes: int, path: str) -> LoadError:
    return LoadError(f"文件过大（{size / MB:.1f} MB，上限 {max_bytes / MB:g} MB），"
                     "可用配置项 max_file_mb 调整", path)


def read_stream(stream, max_bytes: int, path: str = "<stdin>") -> bytes:
    """At most ``max_bytes`` of a stream (standard input): one byte more means it is too big,
    found without reading the rest."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LoadError(f"输入过大（超过 {max_bytes / MB:g} MB），可用配置项 max_file_mb 调整", path)
    return data


def load_bytes(data, *, path="<stdin>", kind="txt", encoding=None, limits: Limits | None = None):
    """Load bytes that did not come from a file (standard input)."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise too_big(len(data), limits.max_bytes, path)
    loader = _loader_for("." + kind) or _loader_for(".txt")
    return _check_chars(_run(loader, data, path, encoding, limits), limits, path)
