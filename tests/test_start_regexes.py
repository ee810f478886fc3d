"""A warm `check` compiles no regex of lawlint's own outside the regex table (issue 26): the
string code that stands in for a few small regexes answers exactly as they did."""
import re
import subprocess
import sys

from hypothesis import given, strategies as st

from helpers import SEEDS

_YEAR_FIELD = re.compile(r"\{(year|next_year|prev_year)\}")
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
_PIECES = ["{", "}", "year", "next_year", "prev_year", "_", "a", "cue", "b1", "1", "\\d", "é", "{2}", "年"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), st.sampled_from([None, 0, 2021, 1999]))
def test_expand_year_fills_what_the_regex_filled(pattern, year):
    from lawlint.rulepack.template import ANY_YEAR, expand_year
    values = {"year": str(year) if year else ANY_YEAR, "next_year": str(year + 1) if year else ANY_YEAR,
              "prev_year": str(year - 1) if year else ANY_YEAR}
    assert expand_year(pattern, year) == _YEAR_FIELD.sub(lambda m: values[m.group(1)], pattern)


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_expand_shared_puts_in_what_the_regex_put_in(pattern):
    from lawlint.rulepack.template import expand_shared
    shared = {"cue": "a|b", "year": "Y", "b1": "{cue}", "_": "u", "é": "no", "1": "no"}
    want = _FIELD.sub(lambda m: f"(?:{shared[m.group(1)]})" if m.group(1) in shared else m.group(0), pattern)
    assert expand_shared(pattern, shared) == want


@given(st.lists(st.sampled_from(["[tool.lawlint]", "[tool.lawlint.x]", "[tool.lawlintx]", "[tool.other]",
                                 "\n", "\r", "\r\n", " ", "#", "a = 1", "[tool.lawlint"]), max_size=8).map("".join))
def test_the_pyproject_section_test_finds_what_the_regex_found(tmp_path_factory, text):
    from lawlint.config.load import _has_tool_section
    path = tmp_path_factory.mktemp("p") / "pyproject.toml"
    path.write_text(text, encoding="utf-8", newline="")
    want = re.search(r"^\[tool\.lawlint[\].]", text, re.M) is not None
    assert _has_tool_section(str(path)) is want


PROBE = """
import re._parser as P, sys, io, contextlib
seen = []
real = P.parse
def parse(s, flags=0, state=None):
    f = sys._getframe(1)
    while f is not None and "/re/" in f.f_code.co_filename.replace("\\\\", "/"):
        f = f.f_back                            # the first caller outside re: lawlint's?
    name = f.f_code.co_filename.replace("\\\\", "/") if f is not None else ""
    if not name.endswith("/regexcache.py"):
        seen.append((s, name, f.f_lineno))
    return real(s, flags, state)
P.parse = parse
from lawlint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", "--format", "json", sys.argv[1]])
print(seen)
n = len(seen)
from lawlint.rulepack.literals import required
required("探针(?:甲|乙)")                   # the probe sees a parse in lawlint's code
print(len(seen) - n)
"""


def test_a_warm_check_parses_no_regex(tmp_path):
    """What a check compiles comes from the regex table (lawlint.rulepack.regexcache), from the
    patterns an earlier start stored for the standard library's modules (startregex: gettext's,
    argparse's, json's), or is no regex at all: the second run parses none (chrome anchors,
    required literals, templates, the configuration's discovery, the reporters; and on a Python
    whose re keeps no _cache, or an sre this version does not know, this fails)."""
    env = {"LAWLINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text((SEEDS / "2021-henan-xinyang-pingqiao.txt").read_text(encoding="utf-8"), encoding="utf-8")
    runs = [subprocess.run([sys.executable, "-c", PROBE, str(report)], capture_output=True, text=True,
                           env=env, cwd=tmp_path, timeout=120) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[-1].stderr
    assert [r.stdout.split("\n")[1:] for r in runs] == [["1", ""]] * 2   # the probe sees a parse
    assert "argparse" in runs[0].stdout and "json" in runs[0].stdout       # the first start parses
    assert runs[1].stdout.split("\n")[0] == "[]"


def test_primed_patterns_are_what_re_compile_builds(tmp_path, monkeypatch):
    """A stored pattern put into re's cache equals re.compile's (code, flags, groups), and a
    damaged or foreign entry primes nothing."""
    import _sre
    from lawlint.rulepack import cache, startregex
    monkeypatch.setenv("LAWLINT_CACHE_DIR", str(tmp_path))
    keys = [(str, r"(?P<a>甲)(?P<b>[乙丙])?\d+", 0), (str, r"\s+", re.ASCII.value), (bytes, b"[\x80-\xff]", 0),
            (str, "(?x) a b # c", re.M.value)]
    table = {k: startregex._args(k[1], k[2], re.compile(k[1], k[2])) for k in keys}
    assert all(table.values())
    assert startregex.decode(startregex.encode(table)) == {
        k: (v[0], v[1], v[2], v[3], v[4]) for k, v in table.items()}
    for k, (cflags, code, groups, groupindex, indexgroup) in startregex.decode(startregex.encode(table)).items():
        rx = _sre.compile(k[1], cflags, code, groups - 1, groupindex, indexgroup)
        want = re.compile(k[1], k[2])
        assert rx == want and rx.groupindex == want.groupindex and rx.groups == want.groups
        assert rx.pattern == want.pattern and rx.flags == want.flags
    data = startregex.encode(table)
    for bad in (data[:-4], data + b"\0\0\0\0", b"\x02" + data[1:], data[:13], b"xyz", b""):
        assert startregex.decode(bad) == {}
    # a stored entry whose code sre refuses: nothing is primed, re compiles as usual
    cflags, code, groups, groupindex, indexgroup = table[keys[0]]
    cache.write("startregex", startregex._key(), startregex.encode({keys[0]: (cflags, [1, 2, 3], groups, groupindex,
                                                                              indexgroup)}))
    monkeypatch.setattr(startregex, "_primed", None)
    monkeypatch.setattr(re, "_cache", {})
    assert startregex.prime() == 0 and re._cache == {}
    assert re.compile(keys[0][1]).match("甲乙12")
