"""What makes a fresh start fast changes no result: the cross-process regex cache hands back
exactly the patterns regexcache builds (re.compile's, with a first-character hint where sre had
none: tests/test_sreinfo.py), rule patterns compile when first used (a bad one still
fails at load), and a re-run reads a sentence's words from the cache instead of loading the
segmenter, with the same findings."""
import json
import re
import subprocess
import sys

import pytest

from helpers import ROOT, SEEDS


def _rule_patterns():
    """Every regex of the built-in rules (year placeholders filled for one year)."""
    from lawlint.rulepack.regexcache import compile_all
    from lawlint.rulepack.ruleset import load_rules

    from lawlint.checks.spec import patterns

    out = set()
    for rule in load_rules():                # each rule's parameters, bound for one year
        out.update(rx.pattern for rx in patterns(rule.bound(2021)))
    assert compile_all(["x"])[0].pattern == "x"
    return sorted(p for p in out if isinstance(p, str))


@pytest.fixture
def fresh_regexcache(tmp_path, monkeypatch):
    from lawlint.rulepack import regexcache
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regexcache, "_table", None)
    monkeypatch.setattr(regexcache, "_added", False)
    monkeypatch.setattr(regexcache, "_live", {})
    return regexcache


@pytest.mark.slow          # every rule pattern compiled twice, from nothing
def test_cached_patterns_equal_what_re_compile_builds(fresh_regexcache):
    rc = fresh_regexcache
    patterns = _rule_patterns()
    assert len(patterns) > 200
    built = {p: rc.compile(p) for p in patterns}   # a miss: built, checked, remembered
    for p in patterns:
        rc.required_literals(p)
    rc.save()
    rc._table, rc._live = None, {}            # as a new process would: read the table back
    hits = 0
    for p in patterns:
        if (p, 0) in rc._load():
            hits += 1
        got = rc.compile(p)
        assert got == built[p], p             # Pattern equality compares the compiled code
        assert got.groupindex == re.compile(p).groupindex
    assert hits == len(patterns)
    # sre's own code, but for the INFO block where lawlint.rulepack.sreinfo adds a first-character hint
    unhinted = [p for p in patterns if rc._build(p, 0)[1] is None]
    assert unhinted and all(built[p] == re.compile(p) for p in unhinted)
    from lawlint.rulepack.literals import required
    assert all(("literals", p) in rc._load() for p in patterns)
    assert [rc.required_literals(p) for p in patterns] == [required(p) for p in patterns]
    text = (SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8")
    for p in patterns[:80]:
        assert [m.span() for m in rc.compile(p).finditer(text)] == \
               [m.span() for m in re.compile(p).finditer(text)]


def test_a_broken_cache_entry_falls_back_to_re_compile(fresh_regexcache):
    rc = fresh_regexcache
    rc._load()[("[\u4e00-\u9fff]+", 0)] = (0, [1, 2, 3], 0, {}, (None,))     # not valid sre code
    rx = rc.compile("[\u4e00-\u9fff]+")
    assert rx.pattern == "[\u4e00-\u9fff]+"
    assert rx.findall("ab中文cd") == ["中文"]
    with pytest.raises(re.error):
        rc.compile("[unclosed")


def test_rule_patterns_compile_on_first_use_and_a_new_pack_still_fails_at_load(tmp_path):
    from lawlint.rulepack.regexcache import LazyPattern
    from lawlint.errors import RuleError
    from lawlint.rulepack.ruleset import read_pack

    lazy = LazyPattern("(?<![\u4e00-\u9fff])材料")
    assert "_rx" not in lazy.__dict__
    assert [m.start() for m in lazy.finditer("申报材料，材料")] == [5]
    assert lazy.__dict__["_rx"].pattern == lazy.pattern     # compiled now (hinted: test_sreinfo)
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
                 + [sys.modules["lawlint.parse.segment"].loaded()]))
"""


@pytest.mark.slow
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


# What `check --format json` must not import on a warm start: the parsers and validators the
# cache stands in for, the segmenter, the terminal renderer, and what only writing (a baseline,
# a cache entry) or a Traditional report's fix needs.
HEAVY = ("yaml", "rjieba", "jieba", "rich", "jsonschema", "tempfile", "subprocess", "glob",
         "difflib", "lawlint.reporters.baseline")
# … nor what only made a warm start slower (issue 26): dataclasses (with inspect, ast, dis,
# tokenize: lawlint.plain instead), typing, pathlib (with urllib.parse, ipaddress), hashlib
# (OpenSSL: the cache hashes with _blake2), threading, shutil (argparse's terminal width), copy,
# the parsers of the commands not run, the fingerprints the JSON format does not print, signal's
# enums and contextlib (the rule time limit uses _signal and a plain context manager), the
# importlib package (__import__ does), fnmatch (only a folder's walk and overrides need it), and
# the rule packs' schema and regex screen (a pack met for the first time only), and datetime (its
# pure-Python implementation: lawlint.checks.dates takes the same date type from _datetime), and
# platformdirs (on Linux the user cache folder is read as it reads it: lawlint.rulepack.usercache).
LIGHT = ("platformdirs", "dataclasses", "inspect", "ast", "dis", "tokenize", "typing", "pathlib", "urllib.parse",
         "ipaddress", "hashlib", "threading", "shutil", "copy", "lawlint.reporters.fingerprint",
         "signal", "contextlib", "importlib", "fnmatch", "lawlint.rulepack.schema",
         "lawlint.rulepack.regexsafety", "datetime")


@pytest.mark.slow
@pytest.mark.parametrize("where", ["LAWLINT_CACHE_DIR", "XDG_CACHE_HOME"])   # the second: as users meet it
def test_a_warm_start_imports_neither_yaml_nor_the_segmenter_nor_rich(tmp_path, where):
    code = ("import sys, io; before = set(sys.modules); from lawlint.cli import main\n"
            "out, sys.stdout = sys.stdout, io.StringIO()\n"
            "try: main(['check', '--format', 'json', sys.argv[1]])\n"
            "except SystemExit: pass\n"
            "sys.stdout = out\n"
            "print(sorted(m for m in HEAVY if m in sys.modules))\n"
            "print(sorted(m for m in LIGHT if m in set(sys.modules) - before))").replace("HEAVY", repr(HEAVY)).replace(
        "LIGHT", repr(LIGHT))
    env = {where: str(tmp_path), "PATH": "/usr/bin:/bin"}
    seed = str(SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt")
    runs = [subprocess.run([sys.executable, "-c", code, seed], capture_output=True, text=True,
                           env=env, cwd=tmp_path, timeout=120) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[-1].stderr
    # the first start too imports no YAML parser nor jsonschema (the built-in packs and data come
    # validated from lawlint.prebuilt); it segments this report's one candidate repeat (reading
    # jieba's dictionary for its characters only, lawlint.parse.dictcut) and writes the words to
    # the cache
    assert [r.stdout.split("\n")[0] for r in runs] == ["['tempfile']", "[]"]
    # the warm start imports none of LIGHT either (an editable install's finder imports pathlib
    # before lawlint starts: only what lawlint imports is counted)
    assert runs[1].stdout.split("\n")[1] == "[]"


def _split_by_characters(text, base=0):
    """split_sentences as it was written before (a loop over every character): the specification."""
    ws = " \t\u3000\u00a0\ufeff\u200b\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\n"
    out, start, i, n = [], 0, 0, len(text)
    while i < n:
        if text[i] in "。！？；!?;\n":
            j = i + 1
            while j < n and text[j] in "”’」』）)】":
                j += 1
            seg = text[start:j]
            if seg.strip(ws):
                out.append((base + start + len(seg) - len(seg.lstrip(ws)), base + j, seg.strip(ws)))
            start = i = j
            continue
        i += 1
    seg = text[start:]
    if seg.strip(ws):
        lead = len(seg) - len(seg.lstrip(ws))
        out.append((base + start + lead, base + start + lead + len(seg.strip(ws)), seg.strip(ws)))
    return out


from hypothesis import given, strategies as st  # noqa: E402


@given(st.lists(st.sampled_from(list("。！？；!?;\n”’」』）)】 \u3000a中")), max_size=40).map("".join),
       st.integers(0, 50))
def test_sentence_split_is_unchanged(text, base):
    from lawlint.parse.document import split_sentences
    assert [(s.start, s.end, s.text) for s in split_sentences(text, base)] == \
        _split_by_characters(text, base)


def test_sentence_split_is_unchanged_on_the_seeds():
    from lawlint.parse.document import split_sentences
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert [(s.start, s.end, s.text) for s in split_sentences(text)] == _split_by_characters(text)


@pytest.mark.parametrize("pattern,needed", [
    (r"(?<![\u4e00-\u9fff])(?:环保局|工商局)", ("工商局", "环保局")),
    (r"第[一二三]部分", ("部分",)),
    (r"(?:十三五|“十三五”)规划", ("十三五",)),     # the longer certain literal
    (r"[%％]", ("%", "％")),
    (r"a?b*", None), (r"(?i)abc", None), (r"x|\d", None), (r"\d+", None),
    (r"[\u4e00-\u9fff]{2,4}", None), (r"(?=材料)", None), (r"(?:材料){0,2}", None),
])
def test_required_literals(pattern, needed):
    from lawlint.rulepack.literals import required
    assert required(pattern) == needed


@given(st.text(alphabet="环保局工商厅部分第一二%％ab1\n", max_size=30), st.integers(-3, 35), st.integers(-3, 35))
def test_a_prefiltered_pattern_finds_what_re_finds(text, pos, endpos):
    from lawlint.rulepack.regexcache import LazyPattern
    for p in [r"(?<![一二])(?:环保局|工商厅)", r"第[一二]部分", r"[%％]", r"(?:局|厅)+b"]:
        lazy, rx = LazyPattern(p), re.compile(p)
        assert [m.span() for m in lazy.finditer(text, pos, endpos)] == \
               [m.span() for m in rx.finditer(text, pos, endpos)]
        assert bool(lazy.search(text, pos, endpos)) == bool(rx.search(text, pos, endpos))
        assert bool(lazy.match(text, pos, endpos)) == bool(rx.match(text, pos, endpos))
        assert lazy.findall(text) == rx.findall(text)


def test_the_command_ends_without_teardown_but_saves_the_cache_and_flushes(tmp_path):
    """lawlint.cli.run leaves with os._exit after the exit handlers: the regex cache (saved by
    one) is written, the whole JSON report is out, and the exit status is main's."""
    from helpers import run_cli
    cache = tmp_path / "cache"
    r = run_cli("check", "--format", "json", SEEDS / "2021-henan-xinyang-pingqiao.txt",
                env={"LAWLINT_CACHE_DIR": str(cache), "LAWLINT_NO_PREBUILT": "1"})
    assert r.returncode == 1, r.stderr                   # findings at error level
    assert json.loads(r.stdout)["files"][0]["diagnostics"]
    assert list((cache / "regex").glob("*.bin"))


def test_check_runs_the_reports_with_the_garbage_collector_on(tmp_path):
    """cli.run starts `check` with the collector off; cmd_check turns it on before any report
    (a batch's heading trees have cycles: with it off, memory would grow with the batch)."""
    code = ("import gc, sys, atexit\n"
            "import lawlint.api as api\n"
            "seen = []\n"
            "def spy(*a, **k):\n"
            "    seen.append(gc.isenabled())\n"
            "    return real(*a, **k)\n"
            "real, api.parse_and_lint = api.parse_and_lint, spy\n"
            "atexit.register(lambda: print('GC', seen, file=sys.stderr))\n"
            "sys.argv = ['lawlint', 'check', '--jobs', '1', '--format', 'json', sys.argv[1]]\n"
            "from lawlint.cli import run; run()\n")
    r = subprocess.run([sys.executable, "-c", code, str(SEEDS / "2021-henan-xinyang-pingqiao.txt")],
                       capture_output=True, text=True, cwd=tmp_path, timeout=120,
                       env={"LAWLINT_CACHE_DIR": str(tmp_path / "c"), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1, r.stderr
    assert "GC [True]" in r.stderr, r.stderr
