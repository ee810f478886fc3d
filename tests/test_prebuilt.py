"""The cache entries shipped in the package (lawlint.rulepack.prebuilt) are what a build from nothing makes,
a first run uses them instead of validating and compiling, and a stale or damaged one is ignored."""
import json
import subprocess
import sys

import pytest

from helpers import ROOT, SEEDS


def test_shipped_entries_equal_a_fresh_build():
    """Fails when a built-in YAML file or a producing module changed after the files were written."""
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "prebuild.py"), "--check"],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def _rule_patterns():
    """pattern -> whether the rule filters texts by its literals (LazyPattern) or runs it as is."""
    from lawlint.checks.spec import patterns
    from lawlint.rulepack.regexcache import LazyPattern
    from lawlint.rulepack.ruleset import load_rules
    return {rx.pattern: isinstance(rx, LazyPattern) for rule in load_rules()
            for year in (None, 2019, 2026) for rx in patterns(rule.bound(year))}


def test_every_shipped_regex_table_holds_every_rule_pattern():
    """On any Python: a table built for another interpreter still covers the current rules."""
    from lawlint.rulepack import regexstore
    from lawlint.rulepack.prebuilt import REGEX_MAGIC
    import zlib
    tables = sorted((ROOT / "rules").glob("regex-py3*.bin"))
    assert tables
    wanted = _rule_patterns()
    assert len(wanted) > 300
    for path in tables:
        data = path.read_bytes()
        assert data.startswith(REGEX_MAGIC)
        table = regexstore.decode(zlib.decompress(data[len(REGEX_MAGIC) + 32:], -15))     # raw deflate
        missing = sorted(p for p, lazy in wanted.items()
                         if (p, 0) not in table or (lazy and ("literals", p) not in table))
        assert not missing, (path.name, missing[:5])


def test_the_shipped_entries_are_found_where_the_rules_are():
    from lawlint.rulepack import prebuilt, resources
    assert prebuilt.folder() == str(resources.rules_dir())


def test_every_builtin_pack_and_data_file_is_shipped(monkeypatch):
    from lawlint.rulepack import cache, prebuilt, resources
    from lawlint.rulepack.ruleset import NOT_PACKS, builtin_pack_paths, pack_key
    monkeypatch.setattr(prebuilt, "_index", None)
    for path in builtin_pack_paths():
        key = pack_key(path.read_bytes())
        assert prebuilt.get("packs", cache.digest("packs", key)), path.name
    data = sorted((resources.rules_dir() / "data").glob("*.yaml")) + [resources.rules_dir() / n for n in NOT_PACKS]
    for path in data:
        assert prebuilt.get("data", cache.digest("data", path.read_text(encoding="utf-8"))) is not None, path


def test_a_shipped_pack_gives_the_rules_validation_gives(monkeypatch):
    from lawlint.plain import fields
    from lawlint.rulepack import prebuilt, ruleset
    path = ruleset.builtin_pack_paths()[0]
    shipped = ruleset.read_pack(path)
    monkeypatch.setattr(prebuilt, "disabled", True)
    monkeypatch.setattr(prebuilt, "_index", None)
    monkeypatch.setenv("LAWLINT_NO_CACHE", "1")
    validated = ruleset.read_pack(path)
    fields = [f for f in (f.name for f in fields(ruleset.Rule)) if f != "bound"]
    assert [[getattr(r, f) for f in fields] for r in shipped] == \
           [[getattr(r, f) for f in fields] for r in validated]
    assert shipped[0].file == str(path) and shipped[0].line


def test_a_stale_or_damaged_line_is_ignored(monkeypatch):
    from lawlint.rulepack import prebuilt
    digest = bytes(range(32))
    other = bytes(32)
    monkeypatch.setattr(prebuilt, "_index", {
        ("packs", digest.hex()): json.dumps(["packs", other.hex(), [{"id": "x"}]]),   # moved line
        ("data", digest.hex()): '["data","' + digest.hex() + '",{"a":',              # cut short
        ("packs", other.hex()): json.dumps(["packs", other.hex(), [{"id": "y"}]]),
    })
    assert prebuilt.get("packs", digest) is None
    assert prebuilt.get("data", digest) is None
    assert prebuilt.get("packs", other) == [{"id": "y"}]
    assert prebuilt.get("packs", other) is not prebuilt.get("packs", other)   # a fresh copy each time


def test_a_regex_table_built_for_another_key_is_ignored(tmp_path, monkeypatch):
    from lawlint.rulepack import prebuilt
    monkeypatch.setattr(prebuilt, "folder", lambda: str(tmp_path))
    (tmp_path / prebuilt.regex_name()).write_bytes(prebuilt.regex_file(bytes(32), b"table"))
    assert prebuilt.regex_table(bytes(32)) == b"table"
    assert prebuilt.regex_table(bytes(range(32))) is None
    (tmp_path / prebuilt.regex_name()).write_bytes(prebuilt.REGEX_MAGIC + bytes(32) + b"not zlib")
    assert prebuilt.regex_table(bytes(32)) is None


@pytest.mark.slow
def test_a_first_run_neither_validates_nor_compiles_the_builtin_rules(tmp_path):
    code = ("import sys, io, contextlib; from lawlint.cli import main; from lawlint.rulepack import regexcache\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try: main(['check', '--format', 'json', sys.argv[1]])\n"
            "    except SystemExit: pass\n"
            "print(sorted(m for m in ('yaml', 'jsonschema') if m in sys.modules), regexcache.stats['built'])")
    env = {"LAWLINT_CACHE_DIR": str(tmp_path / "empty"), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-c", code, str(SEEDS / "2021-henan-xinyang-pingqiao.txt")],
                       capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    if sys.version_info[:2] == (3, 11):           # the interpreter rules/regex-py311.bin was built by
        assert r.stdout.split() == ["[]", "0"]
    else:
        assert r.stdout.split()[0] == "[]"
