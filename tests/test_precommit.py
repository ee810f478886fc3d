"""The real pre-commit, against this checkout: the hook blocks a commit of a report with errors
and lets a clean report through (docs/pre-commit.md)."""
import os
import shutil
import subprocess
import sys

import pytest

from helpers import FIXTURES, ROOT, SEEDS

pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
              pytest.mark.slow]          # each runs the real pre-commit: ~50 s


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")
    d = tmp_path_factory.mktemp("reports")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")))

    def run(*args, check=False):
        return subprocess.run(list(args), cwd=d, env=env, capture_output=True, text=True, timeout=900,
                              check=check)
    run("git", "init", "-q", check=True)
    run("git", "config", "user.email", "t@example.invalid", check=True)
    run("git", "config", "user.name", "t", check=True)
    return d, run


def _try(run, hook, name):
    return run(sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", name)


def test_hook_blocks_bad_report_and_passes_clean_one(repo):
    d, run = repo
    shutil.copy(SEEDS / "2021-henan-zhengzhou-zhongyuan.txt", d / "bad.txt")
    shutil.copy(FIXTURES / "clean" / "2023-clean-county.txt", d / "clean.txt")
    run("git", "add", ".", check=True)
    bad = _try(run, "lawlint", "bad.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "section.shortcomings" in bad.stdout and "Failed" in bad.stdout
    good = _try(run, "lawlint", "clean.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_fix_hook_fixes_and_fails_once(repo):
    d, run = repo
    (d / "fixme.txt").write_text("关于2023年度法治政府建设情况的报告\n全年办理案件12件,审结10件。\n", encoding="utf-8")
    run("git", "add", "fixme.txt", check=True)
    first = _try(run, "lawlint-fix", "fixme.txt")
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout
    assert (d / "fixme.txt").read_text(encoding="utf-8").endswith("全年办理案件12件，审结10件。\n")
    run("git", "add", "fixme.txt", check=True)
    assert _try(run, "lawlint-fix", "fixme.txt").returncode == 0
