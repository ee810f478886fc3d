"""Every install recipe in docs/install.md, run as written with the real pip and pre-commit; only
the repository address is replaced by a local copy of this checkout, published (like the real
one) as a branch main without tags. The CI recipes (docs/github-actions.md, gitlab-ci.md) use the
same pip line, which is asserted, so running it once covers them."""
import os
import re
import shutil
import subprocess
import sys
import venv

import pytest
import yaml

from helpers import FIXTURES, ROOT, SEEDS

URL = "https://example.invalid/lawlint.git"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
              pytest.mark.skipif(not (ROOT / ".git").exists(), reason="not a git checkout")]


def blocks(lang):
    text = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def sh(script, cwd, env, timeout=900):
    return subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A bare repository whose only branch, main, holds this checkout (uncommitted edits to
    tracked files included); its address stands for the real one."""
    pub = tmp_path_factory.mktemp("published") / "lawlint.git"
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "stash", "create"], capture_output=True, text=True, check=True).stdout.strip()
    commit = commit or subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True,
                                      check=True).stdout.strip()
    subprocess.run(["git", "init", "-q", "--bare", str(pub)], check=True)
    subprocess.run([*git, "push", "-q", str(pub), f"{commit}:refs/heads/main"], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(pub), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
    # file://localhost/…: pip 23 refuses "name @ git+file:///…" (an empty host)
    return f"file://localhost{pub}", commit


def fresh_env(tmp_path, name):
    """A new virtual environment, first on PATH (as after ``source venv/bin/activate``)."""
    d = tmp_path / name
    venv.create(d, with_pip=True)
    env = dict(os.environ, PATH=f"{d / 'bin'}:{os.environ['PATH']}", VIRTUAL_ENV=str(d), NO_COLOR="1")
    env.pop("PYTHONPATH", None)
    return d, env


def test_ci_docs_use_the_documented_pip_line():
    line = blocks("sh")[0].splitlines()[0]
    assert line.startswith("pip install ") and URL in line
    for name in ("github-actions.md", "gitlab-ci.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert line in text and "pip install lawlint" not in text


def test_pip_from_the_repository_and_repo_local_hook(tmp_path, published):
    url, _ = published
    d, env = fresh_env(tmp_path, "venv")
    r = sh(blocks("sh")[0].replace(URL, url), tmp_path, env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"^lawlint \d", r.stdout, re.M)
    assert "Warning" not in r.stdout + r.stderr
    assert shutil.which("lawlint", path=env["PATH"]) == str(d / "bin" / "lawlint")
    check = sh(f"lawlint check {SEEDS / '2021-henan-zhengzhou-zhongyuan.txt'}", tmp_path, env)
    assert check.returncode == 1 and "section.shortcomings" in check.stdout
    # repo: local runs the lawlint this environment installed (pre-commit is the test's own)
    env["PATH"] = f"{env['PATH']}:{os.path.dirname(sys.executable)}"
    reports = _reports_repo(tmp_path / "local", env)
    (reports / ".pre-commit-config.yaml").write_text(blocks("yaml")[1], encoding="utf-8")
    _commit_bad_then_clean(reports, env)


def test_built_wheel(tmp_path, published):
    url, _ = published
    _, env = fresh_env(tmp_path, "venv")
    work = tmp_path / "work"
    work.mkdir()
    r = sh(blocks("sh")[1].replace(URL, url), work, env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"^lawlint \d", r.stdout, re.M)
    assert list((work / "dist").glob("lawlint-*.whl"))


def test_precommit_remote_pinned_to_a_commit(tmp_path, published):
    url, commit = published
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")
    env = dict(os.environ, NO_COLOR="1", PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    env["PATH"] = f"{os.path.dirname(sys.executable)}:{env['PATH']}"      # the test's pre-commit
    reports = _reports_repo(tmp_path / "remote", env)
    config = blocks("yaml")[0].replace(URL, url)
    assert re.search(r"rev: 0{40}", config)                               # the placeholder commit id
    config = re.sub(r"rev: 0{40}", f"rev: {commit}", config)
    (reports / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _commit_bad_then_clean(reports, env)
    r = sh(blocks("sh")[2].replace(URL, url), reports, env)               # install + autoupdate
    assert r.returncode == 0, r.stdout + r.stderr
    rev = yaml.safe_load((reports / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["rev"]
    assert rev == commit


def _reports_repo(d, env):
    d.mkdir()
    for args in (["init", "-q"], ["config", "user.email", "t@example.invalid"], ["config", "user.name", "t"]):
        subprocess.run(["git", *args], cwd=d, check=True, env=env)
    return d


def _commit_bad_then_clean(d, env):
    """``pre-commit install``, then a commit of a report with errors is refused and a clean one
    goes through."""
    r = sh("pre-commit install", d, env)
    assert r.returncode == 0, r.stdout + r.stderr
    shutil.copy(SEEDS / "2021-henan-zhengzhou-zhongyuan.txt", d / "bad.txt")
    subprocess.run(["git", "add", "bad.txt", ".pre-commit-config.yaml"], cwd=d, check=True, env=env)
    bad = sh("git commit -qm bad", d, env)
    assert bad.returncode == 1 and "section.shortcomings" in bad.stdout + bad.stderr, bad.stdout + bad.stderr
    subprocess.run(["git", "rm", "-q", "--cached", "bad.txt"], cwd=d, check=True, env=env)
    shutil.copy(FIXTURES / "clean" / "2023-clean-county.txt", d / "clean.txt")
    subprocess.run(["git", "add", "clean.txt"], cwd=d, check=True, env=env)
    good = sh("git commit -qm clean", d, env)
    assert good.returncode == 0, good.stdout + good.stderr
