"""Formats lawlint cannot read directly get a message that says what to do instead."""
from __future__ import annotations

import io
import shutil

from ..errors import LoadError
from ..source import Source


def load_legacy_word(data: bytes, *, path: str, encoding: str | None = None) -> Source:
    how = ("可运行：soffice --headless --convert-to docx 文件名" if shutil.which("soffice") or shutil.which("libreoffice")
           else "或安装 LibreOffice 后运行：soffice --headless --convert-to docx 文件名")
    raise LoadError(f"不支持旧版 Word/WPS 格式，请在 Word 或 WPS 中“另存为” .docx 后再检查（{how}）", path)


def load_pdf(data: bytes, *, path: str, encoding: str | None = None) -> Source:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise LoadError("检查 PDF 需要安装可选组件：pip install 'lawlint[pdf]'", path) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise LoadError("PDF 已加密，无法提取文字", path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise LoadError(f"无法读取 PDF（{type(e).__name__}），文件可能已损坏", path) from None
    text = "\n".join(p.strip("\n") for p in pages)
    from ..chars import count_han
    if count_han(text) < 20:
        raise LoadError("PDF 中没有文字层（可能是扫描件），需要先做文字识别（OCR）后再检查", path)
    from .text import normalise
    text, _ = normalise(text)
    return Source(text=text, path=path, kind="pdf", encoding="pdf", line_label="行")
