"""What makes a fresh start fast changes no result: the cross-process regex cache hands back
exactly the patterns re.compile builds, rule patterns compile when first used (a bad one still
fails at load), and a re-run reads a sentence's words from the cache instead of loading the
segmenter, with the same findings."""
import json
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS


def _rule_patterns():
    """Every regex of the built-in rules (year placeholders filled for one year)."""
    from lawlint.checks.scope import LazyPattern, compile_all
    from lawlint.ruleset import load_rules

    out = set()
    for rule in load_rules():
        compiled = rule.compiled(2021) if callable(rule.compiled) else rule.compiled
        stack = [compiled]
        while stack:
            v = stack.pop()
            if isinstance(v, LazyPattern):
                out.add(v.pattern)
            elif isinstance(v, re.Pattern):
                out.add(v.pattern)
            elif isinstance(v, dict):
                stack.extend(v.values())
            elif isinstance(v, (list, tuple, set)):
                stack.extend(v)
    assert compile_all(["x"])[0].pattern == "x"
    return sorted(p for p in out if isinstance(p, str))


@pytest.fixture
def fresh_regexcache(tmp_path, monkeypatch):
    from lawlint import regexcache
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_table", None)
    monkeypatch.setattr(regexcache, "_added", False)
    return regexcache


def test_cached_patterns_equal_what_re_compile_builds(fresh_regexcache):
    rc = fresh_regexcache
    patterns = _rule_patterns()
    assert len(patterns) > 200
    for p in patterns:
        rc.compile(p)                         # a miss: built, checked, remembered
    rc.save()
    rc._table = None                          # as a new process would: read the table back
    hits = 0
    for p in patterns:
        if (p, 0) in rc._load():
            hits += 1
        got = rc.compile(p)
        assert got == re.compile(p), p        # Pattern equality compares the compiled code
        assert got.groupindex == re.compile(p).groupindex
    assert hits == len(patterns)
    text = (SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8")
    for p in patterns[:80]:
        assert [m.span() for m in rc.compile(p).finditer(text)] == \
               [m.span() for m in re.compile(p).finditer(text)]


def test_a_broken_cache_entry_falls_back_to_re_compile(fresh_regexcache):
    rc = fresh_regexcache
    rc._load()[("[\u4e00-\u9fff]+", 0)] = (0, [1, 2, 3], 0, {}, (None,))     # not valid sre code
    rx = rc.compile("[\u4e00-\u9fff]+")
    assert rx == re.compile("[\u4e00-\u9fff]+")
    assert rx.findall("ab中文cd") == ["中文"]
    with pytest.raises(re.error):
        rc.compile("[unclosed")


def test_rule_patterns_compile_on_first_use_and_a_new_pack_still_fails_at_load(tmp_path):
    from lawlint.checks.scope import LazyPattern
    from lawlint.errors import RuleError
    from lawlint.ruleset import read_pack

    lazy = LazyPattern("(?<![\u4e00-\u9fff])材料")
    assert "_rx" not in lazy.__dict__
    assert [m.start() for m in lazy.finditer("申报材料，材料")] == [5]
    assert lazy.__dict__["_rx"] == re.compile(lazy.pattern)
    pack = tmp_path / "bad.yaml"
    pack.write_text("""rules:
  - id: my.bad
    check: existence
    severity: warning
    category: language
    title: 坏正则
    message: 坏
    basis: 测试
    weight: 1
    cap: 1
    patterns: ['好', '(?<=坏']
    examples: {bad: ['好'], good: ['无']}
""", encoding="utf-8")
    with pytest.raises(RuleError) as e:
        read_pack(pack)
    assert "正则表达式错误" in str(e.value) and e.value.line


PROBE = """
import json, sys
from lawlint import lint_text
from lawlint.config import Config
r = lint_text(sys.argv[1], year=2021, config=Config(select=["word.duplicated"]))
print(json.dumps([[d.rule, d.line, d.column, d.message] for d in r.diagnostics]
                 + ["rjieba" in sys.modules or "jieba" in sys.modules]))
"""


def test_a_rerun_reads_the_words_from_the_cache_with_the_same_findings(tmp_path):
    text = "一、主要举措\n认真审核申报材料材料，确保真实。\n"
    env = {"LAWLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}

    def run():
        out = subprocess.run([sys.executable, "-c", PROBE, text], capture_output=True, text=True,
                             env=env, cwd=ROOT, timeout=120)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    *first, loaded_first = run()
    *second, loaded_second = run()
    assert first == second and len(first) == 1 and "材料材料" in first[0][3]
    assert (loaded_first, loaded_second) == (True, False)
    env["LAWLINT_NO_CACHE"] = "1"             # no cache: the segmenter loads and agrees
    *third, loaded_third = run()
    assert third == first and loaded_third is True


def test_a_warm_start_imports_neither_yaml_nor_the_segmenter_nor_rich(tmp_path):
    code = ("import sys, io, contextlib; from lawlint.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try: main(['check', '--format', 'json', sys.argv[1]])\n"
            "    except SystemExit: pass\n"
            "print(sorted(m for m in ('yaml', 'rjieba', 'jieba', 'rich', 'jsonschema') if m in sys.modules))")
    env = {"LAWLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    seed = str(SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt")
    runs = [subprocess.run([sys.executable, "-c", code, seed], capture_output=True, text=True,
                           env=env, cwd=tmp_path, timeout=120) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[-1].stderr
    assert "yaml" in runs[0].stdout                        # the first start parses the packs
    assert runs[1].stdout.strip() == "[]"
