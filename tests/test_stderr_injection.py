"""A file name cannot start a new line on stderr (issue 23, item 5): a newline in a name would let
``::error::…`` reach GitHub Actions as a workflow command. Every message naming a path escapes
control characters; names keep working as paths."""
import os

from helpers import SEEDS, run_cli

HOSTILE = "bad\n::error::pwned\r\x1b[31m"


def _lines(stream: bytes):
    return stream.decode("utf-8").splitlines()


def _assert_no_command(lines):
    assert not any(ln.startswith("::") or "\x1b" in ln for ln in lines), lines


def test_a_newline_in_a_broken_files_name_stays_on_one_line(tmp_path):
    bad = tmp_path / f"{HOSTILE}.docx"
    bad.write_bytes(b"not a zip")
    missing = tmp_path / f"{HOSTILE}-missing.txt"
    r = run_cli("check", bad, missing)
    err = _lines(r.stderr)
    assert r.returncode == 2 and len(err) == 2
    assert all(ln.startswith("lawlint: ") and "\\x0a::error::pwned\\x0d\\x1b[31m" in ln for ln in err)
    _assert_no_command(err + _lines(r.stdout))


def test_fix_messages_and_the_text_report_escape_the_name_too(tmp_path):
    report = tmp_path / f"{HOSTILE}.txt"
    report.write_text((SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8"),
                      encoding="utf-8")
    r = run_cli("check", report)                  # a regular report: its name heads the text report
    _assert_no_command(_lines(r.stdout) + _lines(r.stderr))
    assert "\\x0a::error::pwned" in r.stdout.decode("utf-8")
    os.chmod(report, 0o444)
    r = run_cli("fix", report)
    assert r.returncode == 2 and len(_lines(r.stderr)) == 1 and "只读" in r.stderr.decode("utf-8")
    os.chmod(report, 0o644)
    r = run_cli("fix", report)
    assert r.returncode == 0 and len(_lines(r.stdout)) == 1 and "已修正" in r.stdout.decode("utf-8")
    _assert_no_command(_lines(r.stdout) + _lines(r.stderr))


def test_the_cache_warning_escapes_its_folder(tmp_path):
    shared = tmp_path / HOSTILE
    shared.mkdir()
    shared.chmod(0o777)
    report = tmp_path / "r.txt"
    report.write_text("一、主要举措\n", encoding="utf-8")
    r = run_cli("check", report, env={"LAWLINT_CACHE_DIR": str(shared)})
    err = _lines(r.stderr)
    assert len(err) == 1 and "缓存" in err[0]
    _assert_no_command(err)
