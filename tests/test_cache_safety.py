"""The on-disk cache holds data only and cannot be turned against its user (issue 23, item 1): a
planted pickle runs nothing, a folder others can write or that another user owns is not used, no
home means no cache (never ``./~/.cache``), entries are keyed by lawlint's version and its code,
a damaged or foreign entry is rebuilt, and the fast path it serves (cached sre code with
first-character hints, required literals) demonstrably works on a warm start."""
import ast
import json
import os
import pickle
import subprocess
import sys

import pytest

from helpers import ROOT, SEEDS, run_cli

SEED = SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt"


class _Payload:
    """Unpickling this creates a marker file (a harmless stand-in for running any code)."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _entries(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def _check(cache, *extra, env=None):
    # LAWLINT_NO_PREBUILT: packs, data and regex code go through the cache, not the shipped entries
    r = run_cli("check", "--format", "json", SEED, *extra,
                env={"LAWLINT_CACHE_DIR": str(cache), "LAWLINT_NO_PREBUILT": "1", **(env or {})})
    assert r.returncode in (0, 1), r.stderr
    r.stdout, r.stderr = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
    return r


def _findings(r):
    return [(d["rule"], d["line"], d["column"]) for f in json.loads(r.stdout)["files"] for d in f["diagnostics"]]


def test_no_pickle_import_anywhere_in_lawlint():
    found = []
    for path in (ROOT / "lawlint").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("pickle", "_pickle", "shelve", "dill")]
    assert found == []


def test_a_planted_pickle_runs_nothing_and_every_entry_is_rebuilt(tmp_path):
    cache, marker = tmp_path / "cache", tmp_path / "MARKER"
    clean = _findings(_check(cache))
    planted = _entries(cache)
    assert len(planted) > 5                           # packs, data, regex were stored
    payload = pickle.dumps(_Payload(marker))
    for p in planted:
        p.write_bytes(payload)
    for name in ("packs/x.pickle", "regex/x.pickle", "data/x.pickle"):   # the old names, too
        (cache / name).write_bytes(payload)
    again = _check(cache)
    assert not marker.exists()
    assert _findings(again) == clean and "Traceback" not in again.stderr and "缓存" not in again.stderr
    assert all(p.read_bytes() != payload for p in planted)           # rebuilt in place
    third = _check(cache)                              # rebuilt entries are read back as before
    assert _findings(third) == clean and not marker.exists()


@pytest.mark.parametrize("garbage", [b"", b"\x00\xff" * 40, b'{"rules": 1}', b"[[1, 2, 3]]",
                                     b'[{"id": "x", "unknown_field": 1}]', b"\x10" + b"\0" * 7 + b"[[\"a\"]]"])
def test_an_entry_that_does_not_fit_is_ignored_and_rebuilt(tmp_path, garbage):
    cache = tmp_path / "cache"
    clean = _findings(_check(cache))
    for p in _entries(cache):
        p.write_bytes(garbage)
    r = _check(cache)
    assert _findings(r) == clean and "Traceback" not in r.stderr


def test_a_folder_others_can_write_is_not_used_with_one_warning(tmp_path):
    cache = tmp_path / "shared"
    cache.mkdir()
    cache.chmod(0o777)
    r = _check(cache)
    assert _findings(r) == _findings(_check(tmp_path / "own"))
    lines = [ln for ln in r.stderr.splitlines() if "缓存" in ln]
    assert len(lines) == 1 and "其他用户写入" in lines[0] and str(cache) in lines[0]
    assert _entries(cache) == []                       # nothing written there, nothing read


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_folder_another_user_owns_is_not_used(tmp_path):
    cache = tmp_path / "theirs"
    cache.mkdir(mode=0o755)
    marker = tmp_path / "MARKER"
    (cache / "packs").mkdir()
    (cache / "packs" / "x.json").write_bytes(pickle.dumps(_Payload(marker)))
    os.chown(cache, 54321, 54321)
    r = _check(cache)
    assert "不归当前用户所有" in r.stderr and not marker.exists()
    assert sorted(p.name for p in _entries(cache)) == ["x.json"]


def test_the_folder_is_created_private(tmp_path):
    cache = tmp_path / "a" / "cache"
    _check(cache)
    assert (cache.stat().st_mode & 0o777) == 0o700
    assert all((d.stat().st_mode & 0o777) == 0o700 for d in cache.iterdir() if d.is_dir())


def test_no_home_means_no_cache_never_one_under_the_working_folder(tmp_path, monkeypatch):
    import pwd
    from lawlint.rulepack import cache

    def no_entry(uid):
        raise KeyError(uid)
    monkeypatch.delenv("LAWLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)          # no HOME and no passwd entry
    monkeypatch.setattr(cache, "_decided", {})
    monkeypatch.chdir(tmp_path)
    assert cache.cache_dir() is None
    monkeypatch.setattr(cache, "_decided", {})
    monkeypatch.setenv("HOME", "relative/home")             # a relative HOME counts as none
    assert cache.cache_dir() is None
    monkeypatch.setattr(cache, "_decided", {})
    monkeypatch.setenv("LAWLINT_CACHE_DIR", "relative/cache")
    monkeypatch.setattr(cache, "_warned", False)
    assert cache.cache_dir() is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is read by lawlint on Linux only")
@pytest.mark.parametrize("xdg, home", [(None, "/home/u"), ("/x/cache", "/home/u"), ("/x/cache/", "/home/u/"),
                                       ("", "/home/u"), ("relative", "/home/u"), (None, "/"),
                                       ("/x", "relative"), (None, None), (None, "relative")])
def test_the_user_cache_folder_is_the_one_platformdirs_names(xdg, home, monkeypatch):
    """lawlint.rulepack.usercache reads the XDG rule itself (importing platformdirs costs a start
    ≈ 38 M instructions): it must name the folder platformdirs names."""
    import platformdirs
    from lawlint.rulepack.usercache import user_cache_root
    for name, value in (("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        theirs = platformdirs.user_cache_dir("lawlint", appauthor=False)
    except RuntimeError:        # platformdirs: no home it can name
        theirs = None
    assert user_cache_root() == theirs


NO_PASSWD_PROBE = """
import os, sys
os.setresuid(54321, 0, 0)     # the real uid has no passwd entry (the effective one can still read)
sys.argv = ["lawlint", "check", "--format", "json", sys.argv[1]]
from lawlint.cli import main
code = main()
print("CACHE", __import__("lawlint.rulepack.cache", fromlist=["x"]).cache_dir())
sys.exit(code)
"""


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to drop to a uid")
def test_a_uid_without_passwd_entry_and_no_home_writes_nothing_in_the_working_folder(tmp_path):
    import pwd
    try:
        pwd.getpwuid(54321)
        pytest.skip("uid 54321 exists here")
    except KeyError:
        pass
    work = tmp_path / "repo"
    work.mkdir()
    report = work / "r.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME", "LAWLINT_CACHE_DIR")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    r = subprocess.run([sys.executable, "-c", NO_PASSWD_PROBE, str(report)], cwd=work, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode in (0, 1), r.stderr
    assert "CACHE None" in r.stdout
    assert sorted(p.name for p in work.iterdir()) == ["r.txt"]      # no ./~/.cache


def test_entries_are_keyed_by_version_and_by_the_code_that_produced_them(tmp_path, monkeypatch):
    from lawlint.rulepack import cache
    pkg = tmp_path / "pkg"
    for sub in ("checks", "numbering", "parse", "rulepack"):
        (pkg / sub).mkdir(parents=True)
    for kind, files in cache.PRODUCERS.items():
        for pattern in files:
            for src in (ROOT / "lawlint").glob(pattern):
                (pkg / src.relative_to(ROOT / "lawlint")).write_bytes(src.read_bytes())
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "_PKG", pkg)
    monkeypatch.setattr(cache, "_code", {})
    before = {k: cache.entry_path(k, "key", ".json") for k in cache.PRODUCERS}
    with open(pkg / "rulepack" / "sreinfo.py", "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    monkeypatch.setattr(cache, "_code", {})
    after = {k: cache.entry_path(k, "key", ".json") for k in cache.PRODUCERS}
    assert after["regex"] != before["regex"]
    assert after["packs"] == before["packs"] and after["data"] == before["data"]
    (pkg / "checks" / "existence.py").write_text("# changed\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_code", {})
    assert cache.entry_path("packs", "key", ".json") != before["packs"]
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert cache.entry_path("data", "key", ".json") != before["data"]


def test_json_entries_keep_only_what_json_gives_back_unchanged(tmp_path, monkeypatch):
    from lawlint.rulepack import cache
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path))
    cache.put("data", "a", {"x": [1, "二", None, True, 1.5]})
    assert cache.get("data", "a") == {"x": [1, "二", None, True, 1.5]}
    cache.put("data", "b", {1: "int key"})           # JSON would give back "1"
    cache.put("data", "c", [("a", 1)])               # a tuple would come back a list
    cache.put("data", "d", {"s": {1, 2}})
    assert cache.get("data", "b") is None and cache.get("data", "c") is None and cache.get("data", "d") is None


WARM_PROBE = """
import json, re, sys
from lawlint import lint_path
from lawlint.rulepack import regexcache
r = lint_path(sys.argv[1])
stats = dict(regexcache.stats)      # what the run compiled; then every pattern of the rules is compiled
lazy = hinted = 0                   # (a run leaves the terms its report cannot hold uncompiled)
from lawlint.api import ruleset_for
from lawlint.config import Config
from lawlint.checks.spec import patterns
seen = set()
for rule in ruleset_for(Config()):
    for v in patterns(rule.bound(2021)):          # the patterns the run used (bound per year, memoised)
        if isinstance(v, regexcache.LazyPattern) and v.pattern not in seen:
            seen.add(v.pattern)
            v.compiled()
            lazy += "_lacks" in v.__dict__
            hinted += v._rx != re.compile(v.pattern)
print(json.dumps({"stats": stats, "prefiltered": lazy, "hinted": hinted, "n": len(r.diagnostics)}))
"""


def test_a_warm_start_compiles_every_pattern_from_the_cache_with_its_hints(tmp_path):
    """Fails when the fast path silently stops working: a warm process must build no pattern
    afresh, and patterns must carry sreinfo's first-character hints and literal prefilters."""
    env = dict(os.environ, LAWLINT_CACHE_DIR=str(tmp_path / "cache"), LAWLINT_NO_PREBUILT="1")
    runs = [json.loads(subprocess.run([sys.executable, "-c", WARM_PROBE, str(SEED)], env=env, cwd=ROOT,
                                      capture_output=True, text=True, timeout=120, check=True).stdout)
            for _ in range(2)]
    cold, warm = runs
    assert cold["stats"]["built"] > 100 and cold["n"] == warm["n"]
    assert warm["stats"]["built"] == 0 and warm["stats"]["stored"] > 200
    assert warm["hinted"] > 30 and warm["hinted"] == cold["hinted"]
    assert warm["prefiltered"] > 50


def test_the_code_key_reads_the_content_not_the_file_times(tmp_path, monkeypatch):
    """An edit of the same size with the file's times put back still changes the key (the
    producers are hashed, never trusted by their stat)."""
    import os
    from lawlint.rulepack import cache
    pkg = tmp_path / "pkg"
    (pkg / "rulepack").mkdir(parents=True)
    for name in cache.PRODUCERS["regex"]:
        (pkg / name).parent.mkdir(parents=True, exist_ok=True)     # (rulepack/, checks/termscan.py)
        (pkg / name).write_bytes((ROOT / "lawlint" / name).read_bytes())
    monkeypatch.setattr(cache, "_PKG", str(pkg))
    monkeypatch.setattr(cache, "_code", {})
    before = cache.code_hash("regex")
    target = pkg / "rulepack" / "literals.py"
    st = os.stat(target)
    data = target.read_bytes()
    target.write_bytes(data.replace(b"_MAX_STRINGS = 6", b"_MAX_STRINGS = 7"))
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(target).st_size == st.st_size and os.stat(target).st_mtime_ns == st.st_mtime_ns
    monkeypatch.setattr(cache, "_code", {})
    assert cache.code_hash("regex") != before
    target.write_bytes(data)
    monkeypatch.setattr(cache, "_code", {})
    assert cache.code_hash("regex") == before
