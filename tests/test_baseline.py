"""Baselines and --diff-base: adopt lawlint on old reports, gate only what is new or changed."""
import json
import shutil
import subprocess

from helpers import SEEDS


def test_baseline_gates_only_new_findings(cli, tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt", report)
    base = tmp_path / "baseline.json"
    r = cli("check", "--write-baseline", base, report)
    assert r.returncode == 0 and json.loads(base.read_text(encoding="utf-8"))["entries"]   # recording is no failure
    assert "已把" in r.stderr.decode() and "未通过" not in r.stderr.decode()
    r = cli("check", "--baseline", base, report)
    assert r.returncode == 0 and "已在基线中" in r.stderr.decode()
    text = report.read_text(encoding="utf-8")
    report.write_text("此外，全年召开专题会议3次。\n" + text + "下一步，制定五年规划（2021一2026年）。\n",
                      encoding="utf-8")
    r = cli("check", "--baseline", base, "--format", "json", report)
    assert r.returncode == 1                                           # the new error fails the run
    new = [d for d in json.loads(r.stdout)["files"][0]["diagnostics"] if d["rule"] == "number.year_range_yi"]
    assert len(new) == 2
    report.write_text(text.replace("材料材料", "材料"), encoding="utf-8")
    r = cli("check", "--baseline", base, report)
    assert r.returncode == 0 and "已不再出现" in r.stderr.decode()       # the fixed one can leave


def test_bad_baseline_file(cli, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    r = cli("check", "--baseline", bad, SEEDS / "2024-henan-nanyang-dengzhou.txt")
    assert r.returncode == 2 and "基线文件" in r.stderr.decode()


def test_diff_base_checks_only_changed_files(cli, tmp_path):
    def git(*a):
        subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    git("config", "user.email", "t@t")
    git("config", "user.name", "t")
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEEDS / "2024-henan-nanyang-dengzhou.txt", tmp_path / name)
    git("add", ".")
    git("commit", "-qm", "x")
    (tmp_path / "b.txt").write_text((tmp_path / "b.txt").read_text(encoding="utf-8") + "补充。\n", encoding="utf-8")
    shutil.copy(SEEDS / "2024-henan-nanyang-dengzhou.txt", tmp_path / "c.txt")
    r = cli("check", "--format", "json", "--diff-base", "HEAD", ".", cwd=tmp_path)
    names = sorted(f["path"].split("/")[-1] for f in json.loads(r.stdout)["files"])
    assert names == ["b.txt", "c.txt"]
    r = cli("check", "--diff-base", "no-such-rev", ".", cwd=tmp_path)
    assert r.returncode == 2 and "git" in r.stderr.decode()
