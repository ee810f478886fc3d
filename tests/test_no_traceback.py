"""Bad input is one Chinese line naming the file, exit 2, and the batch goes on (issue 23, item 3):
a rule pattern whose repeat count overflows, a .docx whose main part is not a Word document, a zip
claiming version 8.1, file names that are not UTF-8 in every output format, and any exception
nobody foresaw (``--debug`` shows its traceback)."""
import io
import json
import os
import zipfile

import pytest

from helpers import SEEDS, existence_pack, run_cli
from serve_helpers import docx_bytes
from lawlint.cli import main

SEED_TEXT = (SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8")
GBK_NAME = "报告".encode("gbk") + b".txt"


def _rezip(data, change):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            z.writestr(name, change(name, src.read(name)))
    return out.getvalue()


def _version_81(data):
    b = bytearray(data)
    for sig, at in ((b"PK\x03\x04", 4), (b"PK\x01\x02", 6)):
        i = b.find(sig)
        while i >= 0:
            b[i + at:i + at + 2] = (81).to_bytes(2, "little")
            i = b.find(sig, i + 4)
    return bytes(b)


def _err_lines(r):
    return [ln for ln in r.stderr.decode("utf-8").splitlines() if ln.startswith("lawlint:")]


def test_an_overflowing_repeat_in_a_rule_pack_is_a_file_line_error(tmp_path):
    pack = existence_pack(tmp_path / "pack.yaml", "my.huge", ["a{1,4294967295}"], "{bad: ['a'], good: ['b']}")
    report = tmp_path / "r.txt"
    report.write_text("一、主要举措\n", encoding="utf-8")
    r = run_cli("check", "--rules", pack, report)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and f"{pack}:2" in err and "正则表达式" in err


def test_broken_docx_files_are_one_line_each_and_the_batch_goes_on(tmp_path):
    good = docx_bytes("一、主要举措\n全年办理案件12件。")
    not_word = _rezip(good, lambda n, b: b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main"/>' if n == "word/document.xml" else b)
    (tmp_path / "a-notword.docx").write_bytes(not_word)
    (tmp_path / "b-v81.docx").write_bytes(_version_81(good))
    (tmp_path / "c-good.txt").write_text(SEED_TEXT, encoding="utf-8")
    r = run_cli("check", "--format", "json", tmp_path)
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    lines = _err_lines(r)
    assert len(lines) == 2 and "a-notword.docx" in lines[0] and "b-v81.docx" in lines[1]
    files = json.loads(r.stdout)["files"]
    assert [f.get("error") is None for f in files] == [False, False, True]
    assert files[2]["score"] is not None


@pytest.fixture
def gbk_folder(tmp_path):
    folder = tmp_path / "zip"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/" + GBK_NAME, "w", encoding="utf-8") as fh:
        fh.write(SEED_TEXT)
    return folder


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "csv", "junit", "github", "text"])
def test_names_that_are_not_utf8_give_valid_utf8_output(gbk_folder, fmt):
    r = run_cli("check", "--format", fmt, gbk_folder)
    assert r.returncode == 1, r.stderr
    out = r.stdout.decode("utf-8")              # valid UTF-8, or this raises
    if fmt == "json":                           # and the path still leads to the file
        path = json.loads(out)["files"][0]["path"]
        assert os.path.exists(path) and os.fsencode(path).endswith(GBK_NAME)
    elif fmt == "gitlab":
        assert "\\udcb1\\udca8\\udcb8\\udce6.txt" in out
    elif fmt == "sarif":
        assert "%B1%A8%B8%E6.txt" in out
    elif fmt == "junit":                        # its XML cleaner shows replacement characters
        assert "\ufffd\ufffd\ufffd\ufffd.txt" in out
    else:
        assert "\\xb1\\xa8\\xb8\\xe6.txt" in out


def test_names_that_are_not_utf8_in_html_docx_and_baseline_outputs(gbk_folder, tmp_path):
    site = tmp_path / "site"
    assert run_cli("check", "--format", "html", "--output", site, gbk_folder).returncode == 1
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(".")) == ["index.html", "报告.html"]
    (site / "index.html").read_text(encoding="utf-8")
    copies = tmp_path / "copies"
    r = run_cli("check", "--format", "docx", "--output", copies, gbk_folder)
    assert r.returncode == 1, r.stderr
    assert sorted(p.name for p in copies.iterdir() if not p.name.startswith(".")) == ["报告.docx"]
    base = tmp_path / "base.json"
    assert run_cli("check", "--write-baseline", base, gbk_folder).returncode in (0, 1)
    json.loads(base.read_text(encoding="utf-8"))
    r = run_cli("check", "--baseline", base, gbk_folder)
    assert r.returncode == 0 and "不再出现" not in r.stderr.decode("utf-8")   # every finding matched


def test_an_unforeseen_exception_is_one_line_per_file_and_debug_shows_it(tmp_path, capsys, monkeypatch):
    import lawlint.api as api
    bad, good = tmp_path / "a.txt", tmp_path / "b.txt"
    bad.write_text("一、坏\n", encoding="utf-8")
    good.write_text(SEED_TEXT, encoding="utf-8")
    real = api.lint_source

    def sometimes(source, *a, **k):
        if source.path.endswith("a.txt"):
            raise ZeroDivisionError("nobody foresaw this")
        return real(source, *a, **k)

    monkeypatch.setattr(api, "lint_source", sometimes)
    monkeypatch.delenv("LAWLINT_DEBUG", raising=False)
    assert main(["check", "--format", "json", str(bad), str(good)]) == 2
    out = capsys.readouterr()
    files = json.loads(out.out)["files"]
    assert "ZeroDivisionError" in files[0]["error"] and files[1]["score"] is not None
    lines = [ln for ln in out.err.splitlines() if ln.startswith("lawlint:")]
    assert len(lines) == 1 and str(bad) in lines[0] and "--debug" in lines[0] and "Traceback" not in out.err
    with pytest.raises(ZeroDivisionError):
        main(["check", "--debug", str(bad)])
    monkeypatch.delenv("LAWLINT_DEBUG", raising=False)


def test_an_unforeseen_exception_outside_any_file_is_one_line(monkeypatch, capsys):
    import lawlint.cli as cli

    def broken(args):
        raise KeyError("surprise")
    monkeypatch.setattr(cli, "command", lambda name: broken)
    monkeypatch.delenv("LAWLINT_DEBUG", raising=False)
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "KeyError" in err and "--debug" in err
