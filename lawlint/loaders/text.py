"""Plain text and Markdown loaders, with encoding detection."""
from __future__ import annotations

import codecs

from ..chars import is_blank
from ..rulepack import regexcache
from ..errors import LoadError
from .source import Source

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data):
    """UTF-16 without a BOM: NUL bytes (from ASCII, digits, newlines) all on one parity, and a
    decoding that reads as text. Mostly-CJK text has few NULs, so the decoding decides."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    order = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    if min(even, odd) > 0.25 * max(even, odd):
        return None
    for enc in order:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
        cjk = sum(1 for ch in text if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
        if plausible >= 0.97 * len(text) and (cjk >= 0.2 * len(text) or text.isascii()):
            return enc
    return None


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raise LoadError for empty, binary or undecodable data."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise LoadError("文件为空，没有可检查的内容", path)
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as e:
            raise LoadError(f"无法按指定编码 {encoding} 解码（{e.__class__.__name__}）", path) from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise LoadError(f"文件以 {enc} 字节序标记开头，但内容无法按该编码解码", path) from None
    enc16 = _utf16_without_bom(data)
    if enc16:
        try:
            return data.decode(enc16), enc16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise LoadError("看起来是二进制文件（含 NUL 字节），不是文本报告", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: GB18030 (a superset of GBK/GB2312) is by far the most common legacy encoding of
    # these reports; charset-normalizer decides between it, Big5 and the rest.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = [best.encoding] if best is not None else []
    candidates += ["gb18030", "big5"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_textual(text):
            return text, enc
    raise LoadError("无法识别文件编码（尝试了 UTF-8、UTF-16、GB18030、Big5），可用 --encoding 指定", path)


_BAD_CHARS = regexcache.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")   # control characters but \t \n \f \r


def _looks_textual(text):
    if not text:
        return False
    bad = len(_BAD_CHARS.findall(text, 0, 20000))     # (a Python loop per character cost a batch 5%)
    return bad / min(len(text), 20000) < 0.01


_NEWLINES = regexcache.compile(r"\r\n|\r")


def normalise(text: str) -> tuple[str, str]:
    """Strip a BOM character and normalise newlines; return (text, dominant original newline)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"
    return _NEWLINES.sub("\n", text), newline


def _load(data, path, kind, encoding):
    text, enc = decode(data, path, encoding)
    if not _looks_textual(text):
        raise LoadError("看起来是二进制文件（含大量控制字符），不是文本报告", path)
    text, newline = normalise(text)
    if is_blank(text):
        raise LoadError("文件为空，没有可检查的内容", path)
    return Source(text=text, path=path, kind=kind, encoding=enc, newline=newline)


def load_text(data: bytes, *, path: str, encoding: str | None = None, limits=None) -> Source:
    return _load(data, path, "txt", encoding)


def load_markdown(data: bytes, *, path: str, encoding: str | None = None, limits=None) -> Source:
    return _load(data, path, "md", encoding)
