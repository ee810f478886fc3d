"""Text loading: encodings, BOMs, newlines, and clean failures for unreadable input."""
import codecs

import pytest

from lawlint.errors import LoadError
from lawlint.loaders import load_path

TEXT = "关于2021年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件93件。\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
    ("big5", b"")])
def test_encodings(tmp_path, encoding, prefix):
    text = TEXT if encoding != "big5" else "關於2021年度法治政府建設情況的報告\n一、主要舉措和成效\n全年辦理行政複議案件93件。\n"
    p = tmp_path / "r.txt"
    p.write_bytes(prefix + text.encode(encoding))
    src = load_path(p)
    assert src.text == text


def test_crlf_is_normalised_and_remembered(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(TEXT.replace("\n", "\r\n").encode())
    src = load_path(p)
    assert "\r" not in src.text and src.newline == "\r\n"
    assert src.position(src.text.index("一、")) == (2, 1)


@pytest.mark.parametrize("data,needle", [
    (b"", "为空"), (b"  \n\r\n ", "为空"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "二进制"),
    (bytes(range(256)) * 4, "二进制")])
def test_unreadable(tmp_path, data, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(LoadError) as e:
        load_path(p)
    assert needle in str(e.value) and "bad.txt" in str(e.value)


def test_missing_and_unsupported(tmp_path):
    with pytest.raises(LoadError, match="不存在"):
        load_path(tmp_path / "nope.txt")
    (tmp_path / "a.pdfx").write_text("x")
    with pytest.raises(LoadError, match="不支持"):
        load_path(tmp_path / "a.pdfx")


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(("法治" * 1000).encode())
    with pytest.raises(LoadError, match="过大"):
        load_path(p, max_bytes=1000)
