"""``lawlint fix`` never loses an edit (issue 23, item 2): a file changed while it was being fixed
is not replaced, a symbolic link keeps pointing at the fixed report, a read-only report is refused,
owner and group stay, a hard link is mentioned, a failed write (read-only folder, full disk) leaves
the file whole with one line and the batch goes on, and a killed run's temporary file is cleaned up
or explained on the next run."""
import errno
import os

import pytest

from lawlint.cli import main

TEXT = "一、主要举措\n全年办理案件12件,审结10件。\n"
FIXED = "一、主要举措\n全年办理案件12件，审结10件。\n"


def _report(folder, name="r.txt", text=TEXT):
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def _fix(capsys, *paths):
    code = main(["fix", *map(str, paths)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _temporaries(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".lawlint-"))


def test_an_edit_made_while_fix_ran_is_kept_and_the_file_is_not_replaced(tmp_path, capsys, monkeypatch):
    import lawlint.fix.apply as fixmod
    report = _report(tmp_path)
    real = fixmod.fix_source

    def slow_fix(*a, **k):              # another program appends a line while lawlint works
        out = real(*a, **k)
        with open(report, "a", encoding="utf-8") as fh:
            fh.write("另一个程序追加的一行。\n")
        return out

    monkeypatch.setattr(fixmod, "fix_source", slow_fix)
    code, _, err = _fix(capsys, report)
    assert code == 2
    assert report.read_text(encoding="utf-8") == TEXT + "另一个程序追加的一行。\n"
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "被其他程序改动" in lines[0] and str(report) in lines[0]
    assert _temporaries(tmp_path) == []


def test_a_same_size_rewrite_with_the_same_mtime_is_found_by_the_hash(tmp_path, capsys, monkeypatch):
    import lawlint.fix.apply as fixmod
    report = _report(tmp_path)
    real = fixmod.fix_source
    other = TEXT.replace("12", "13")

    def sneaky(*a, **k):
        out = real(*a, **k)
        st = os.stat(report)
        report.write_text(other, encoding="utf-8")
        os.utime(report, ns=(st.st_atime_ns, st.st_mtime_ns))
        return out

    monkeypatch.setattr(fixmod, "fix_source", sneaky)
    assert _fix(capsys, report)[0] == 2
    assert report.read_text(encoding="utf-8") == other


def test_a_symlink_fixes_its_target_and_stays_a_link(tmp_path, capsys):
    real = _report(tmp_path, "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    code, out, _ = _fix(capsys, link)
    assert code == 0 and "已修正" in out
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_text(encoding="utf-8") == FIXED
    assert _temporaries(tmp_path) == []


def test_a_read_only_report_is_refused(tmp_path, capsys):
    report = _report(tmp_path)
    report.chmod(0o444)
    code, _, err = _fix(capsys, report)
    assert code == 2 and "只读" in err and len(err.strip().splitlines()) == 1
    assert report.read_text(encoding="utf-8") == TEXT and (report.stat().st_mode & 0o777) == 0o444
    assert main(["fix", "--diff", str(report)]) in (0, 1)          # showing the fix is fine


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_owner_group_and_mode_are_kept(tmp_path, capsys):
    report = _report(tmp_path)
    os.chown(report, 54321, 54322)
    report.chmod(0o640)
    assert _fix(capsys, report)[0] == 0
    st = report.stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (54321, 54322, 0o640)
    assert report.read_text(encoding="utf-8") == FIXED


def test_a_file_with_several_hard_links_is_mentioned(tmp_path, capsys):
    report = _report(tmp_path)
    os.link(report, tmp_path / "other.txt")
    code, _, err = _fix(capsys, report)
    assert code == 0 and "2 个硬链接" in err
    assert report.read_text(encoding="utf-8") == FIXED


@pytest.mark.parametrize("failure", ["folder", "disk"])
def test_a_failed_write_is_one_line_and_the_batch_goes_on(tmp_path, capsys, monkeypatch, failure):
    import lawlint.fix.atomic as atomic
    bad_dir, good_dir = tmp_path / "a", tmp_path / "b"
    bad_dir.mkdir()
    good_dir.mkdir()
    bad, good = _report(bad_dir), _report(good_dir)
    if failure == "folder":
        real = atomic.tempfile.mkstemp

        def mkstemp(*a, dir=None, **k):
            if os.path.realpath(dir) == os.path.realpath(bad_dir):
                raise PermissionError(errno.EACCES, "Permission denied")
            return real(*a, dir=dir, **k)
        monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)
    else:
        real_fsync = atomic.os.fsync
        target = os.stat(bad_dir).st_ino

        def fsync(fd):
            if os.stat(os.path.dirname(os.readlink(f"/proc/self/fd/{fd}"))).st_ino == target:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_fsync(fd)
        if not os.path.isdir("/proc/self/fd"):
            pytest.skip("needs /proc")
        monkeypatch.setattr(atomic.os, "fsync", fsync)
    code, out, err = _fix(capsys, bad, good)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "无法写入" in lines[0] and "文件未改动" in lines[0] and "Traceback" not in err
    assert bad.read_text(encoding="utf-8") == TEXT and good.read_text(encoding="utf-8") == FIXED
    assert _temporaries(bad_dir) == [] and "已修正" in out


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_a_really_read_only_folder(tmp_path, capsys):
    report = _report(tmp_path)
    tmp_path.chmod(0o555)
    try:
        code, _, err = _fix(capsys, report)
    finally:
        tmp_path.chmod(0o755)
    assert code == 2 and "无法写入" in err and report.read_text(encoding="utf-8") == TEXT


def _dead_pid():
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_a_killed_runs_temporary_file_is_removed_or_explained(tmp_path, capsys):
    report = _report(tmp_path)
    dead = tmp_path / f".lawlint-{_dead_pid()}-x1y2.tmp"
    dead.write_text("半个文件", encoding="utf-8")
    running = tmp_path / f".lawlint-{os.getppid()}-a1b2.tmp"      # a process that is alive
    running.write_text("正在写", encoding="utf-8")
    code, _, err = _fix(capsys, report)
    assert code == 0 and report.read_text(encoding="utf-8") == FIXED
    assert not dead.exists() and "已删除" in err and dead.name in err
    assert running.exists() and running.name in err and "可删除" in err
