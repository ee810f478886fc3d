"""Only regular files are read, each within a size limit (issue 23, item 4): a named pipe inside a
checked folder does not hang ``check`` (one or two jobs), ``rules: [/dev/zero]`` in a
configuration file is refused at once instead of filling memory, and an oversized pack,
configuration file or baseline is refused like an oversized report. Every run has a timeout guard."""
import os
import subprocess
import sys

import pytest

from helpers import ROOT, SEEDS

SEED_TEXT = (SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def _run(*args, cwd=None, timeout=60):
    env = dict(os.environ, NO_COLOR="1")
    r = subprocess.run([sys.executable, "-m", "lawlint", *map(str, args)], cwd=cwd or ROOT, env=env,
                       capture_output=True, timeout=timeout)        # a hang fails here, not forever
    r.stderr = r.stderr.decode("utf-8")
    return r


@needs_fifo
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_named_pipe_in_a_folder_is_skipped(tmp_path, jobs):
    os.mkfifo(tmp_path / "a-pipe.txt")
    for i in range(4):
        (tmp_path / f"r{i}.txt").write_text(SEED_TEXT, encoding="utf-8")
    r = _run("check", "--jobs", jobs, "--format", "json", tmp_path)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert b"a-pipe.txt" not in r.stdout and b'"files": 4,' in r.stdout


@needs_fifo
def test_a_named_pipe_named_on_the_command_line_is_one_line(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(SEED_TEXT, encoding="utf-8")
    for command in ("check", "fix"):
        r = _run(command, tmp_path / "pipe.txt", tmp_path / "ok.txt")
        lines = [ln for ln in r.stderr.splitlines() if ln.startswith("lawlint:")]
        assert r.returncode == 2 and len(lines) == 1 and "不是普通文件" in lines[0] and "pipe.txt" in lines[0]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_as_a_rule_pack_in_a_configuration_file_is_refused(tmp_path):
    (tmp_path / ".lawlint.yaml").write_text("rules: [/dev/zero]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text(SEED_TEXT, encoding="utf-8")
    r = _run("check", tmp_path / "r.txt", timeout=30)
    assert r.returncode == 2 and "/dev/zero" in r.stderr and "不是普通文件" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("what", ["pack", "config", "baseline"])
def test_oversized_packs_configs_and_baselines_are_refused_unread(tmp_path, what):
    big = tmp_path / {"pack": "big.yaml", "config": ".lawlint.yaml", "baseline": "base.json"}[what]
    with open(big, "wb") as fh:             # sparse: 2 GB on paper, nothing on disk
        fh.truncate(2 * 1024 ** 3)
    report = tmp_path / "r.txt"
    report.write_text(SEED_TEXT, encoding="utf-8")
    args = {"pack": ["--rules", big], "config": [], "baseline": ["--baseline", big]}[what]
    r = _run("check", *args, report, timeout=60)
    assert r.returncode == 2 and "过大" in r.stderr and big.name in r.stderr
