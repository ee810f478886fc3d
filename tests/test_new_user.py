"""A new user's first hour (issue 24), each item run as a user runs it: the command line, its
output and its exit code."""
import json
import shutil
import subprocess

from helpers import SEEDS, run_cli

SEED = SEEDS / "2024-henan-nanyang-dengzhou.txt"
LOW = SEEDS / "2021-henan-zhengzhou-zhongyuan.txt"      # scores under 75 with error findings


def out(r):
    return r.stdout.decode(), r.stderr.decode()


# --- 2. never succeed silently ---------------------------------------------------------------

def test_empty_folder_is_an_error_saying_where_and_what(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "other" / "README.md").write_text("说明\n", encoding="utf-8")
    for folder in ("empty", "other"):
        for fmt in ("text", "json", "github"):
            r = run_cli("check", "--format", fmt, folder, cwd=tmp_path)
            stdout, stderr = out(r)
            assert r.returncode == 2, (folder, fmt)
            assert f"{folder}: 没有找到报告文件" in stderr and ".docx" in stderr and ".txt" in stderr
            assert "None" not in stdout and "Traceback" not in stderr
    r = run_cli("check", "typo/", cwd=tmp_path)
    assert r.returncode == 2 and "路径不存在" in out(r)[1]


def test_diff_base_with_nothing_changed_says_so(tmp_path):
    def git(*a):
        subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    git("config", "user.email", "t@t")
    git("config", "user.name", "t")
    shutil.copy(SEED, tmp_path / "a.txt")
    git("add", ".")
    git("commit", "-qm", "x")
    r = run_cli("check", "--diff-base", "HEAD", ".", cwd=tmp_path)
    assert r.returncode == 0
    assert "没有改动过的报告文件" in out(r)[1] and "HEAD" in out(r)[1]
    r = run_cli("check", "--format", "json", "--diff-base", "HEAD", ".", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["files"] == []


def test_fix_with_nothing_to_fix_says_so(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("2023年度法治政府建设情况报告\n\n一、主要举措和成效\n", encoding="utf-8")
    r = run_cli("fix", clean)
    assert r.returncode == 0 and out(r)[0].strip() == "没有可修正的问题"
    r = run_cli("fix", "--check", clean)
    assert r.returncode == 0 and "没有可修正的问题" in out(r)[0]


def test_failed_gate_says_why_in_its_last_line():
    r = run_cli("check", "-q", "--fail-under", "75", LOW, SEED)
    last = out(r)[1].strip().splitlines()[-1]
    assert r.returncode == 1
    assert last.startswith("lawlint: 未通过：1 份报告低于 75 分：")
    assert "zhongyuan.txt（57.5）" in last and "dengzhou" not in last
    assert "错误级问题" in last
    r = run_cli("check", "-q", "--fail-on", "never", "--fail-under", "50", LOW)
    assert r.returncode == 0 and "未通过" not in out(r)[1]
    r = run_cli("check", "-q", "--fail-on", "warning", "--fail-under", "10", SEED)
    assert r.returncode == 1 and "警告及以上问题" in out(r)[1].strip().splitlines()[-1]
