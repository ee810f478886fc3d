"""Formats lawlint cannot read directly get a message that says what to do instead."""
from __future__ import annotations

import io
import logging
import shutil
from contextlib import contextmanager

from ..errors import LoadError
from .source import Source


def load_legacy_word(data: bytes, *, path: str, encoding: str | None = None, limits=None) -> Source:
    how = ("可运行：soffice --headless --convert-to docx 文件名" if shutil.which("soffice") or shutil.which("libreoffice")
           else "或安装 LibreOffice 后运行：soffice --headless --convert-to docx 文件名")
    raise LoadError(f"不支持旧版 Word/WPS 格式，请在 Word 或 WPS 中“另存为” .docx 后再检查（{how}）", path)


def load_pdf(data: bytes, *, path: str, encoding: str | None = None, limits=None) -> Source:
    from . import Limits, too_long
    limits = limits or Limits()
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        raise LoadError("检查 PDF 需要安装可选组件：pip install 'lawlint[pdf]'", path) from None
    encrypted = LoadError("PDF 已加密，无法提取文字；请提供未加密的文件（或在阅读器中去除密码后另存）", path)
    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise encrypted
            n = len(reader.pages)
            if n > limits.max_pages:
                raise LoadError(f"PDF 页数过多（{n} 页，上限 {limits.max_pages} 页），"
                                "可用配置项 max_pdf_pages 调整", path)
            pages, chars = [], 0
            for page in reader.pages:
                pages.append(page.extract_text() or "")
                chars += len(pages[-1])
                if chars > limits.max_chars:
                    raise too_long(chars, limits, path)
    except LoadError:
        raise
    except PyPdfError as e:     # DependencyError: AES needs `cryptography`; so does a password
        if "crypt" in type(e).__name__.lower() or "AES" in str(e) or "cryptography" in str(e):
            raise encrypted from None
        raise LoadError(f"无法读取 PDF（{type(e).__name__}），文件可能已损坏", path) from None
    except (ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, ZeroDivisionError) as e:
        raise LoadError(f"无法读取 PDF（{type(e).__name__}），文件可能已损坏", path) from None
    text = "\n".join(p.strip("\n") for p in pages)
    from ..chars import count_han
    if count_han(text) < 20:
        raise LoadError("PDF 中没有文字层（可能是扫描件），需要先做文字识别（OCR）后再检查", path)
    from .text import normalise
    text, _ = normalise(text)
    return Source(text=text, path=path, kind="pdf", encoding="pdf", line_label="行")


@contextmanager
def _quiet_pypdf():
    """pypdf logs its repairs of a damaged file in English on the root handler (stderr); lawlint
    says in one Chinese line what went wrong, so those records are dropped while it reads."""
    log = logging.getLogger("pypdf")          # its modules log to children of this one
    sink, propagate = logging.NullHandler(), log.propagate
    log.addHandler(sink)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(sink)
        log.propagate = propagate
