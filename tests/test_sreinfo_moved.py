"""The regex fast path survives CPython gh-152100, which moves ``_compile_info``,
``_optimize_charset`` and ``_compile_charset`` from ``re._compiler`` into a new ``re._optimizer``:
run under a simulation of that move (a ``sitecustomize.py`` on PYTHONPATH), lawlint still writes
its first-character hints and finds what it finds without it. With the functions gone from both
modules, lawlint falls back to ``re.compile`` (no hint) with the same findings, and
tests/test_sreinfo.py's ``test_fast_path_is_on_for_this_python`` is what fails."""
import json
import os
import subprocess
import sys

import pytest

from helpers import ROOT, SEEDS

# Moves (or, with SRE_SIM=gone, only deletes) the three functions; re._compiler's own functions are
# rebound to a copy of its namespace that still holds them, so re.compile keeps working.
_SITECUSTOMIZE = '''
import os, re, sys, types
from re import _compiler

_MOVED = ("_compile_info", "_optimize_charset", "_compile_charset")
_g = dict(vars(_compiler))
for _name, _f in list(vars(_compiler).items()):
    if isinstance(_f, types.FunctionType) and _f.__globals__ is vars(_compiler):
        _new = types.FunctionType(_f.__code__, _g, _f.__name__, _f.__defaults__, _f.__closure__)
        _new.__kwdefaults__ = _f.__kwdefaults__
        _g[_name] = _new
        setattr(_compiler, _name, _new)
if os.environ.get("SRE_SIM") == "moved":
    _optimizer = types.ModuleType("re._optimizer")
    for _name in _MOVED:
        setattr(_optimizer, _name, _g[_name])
    sys.modules["re._optimizer"] = re._optimizer = _optimizer
for _name in _MOVED:
    delattr(_compiler, _name)
'''

# Reports whether the simulation is in force and whether regexcache hinted a pattern that opens
# with a look-behind (sre gives it no hint of its own).
_PROBE = r'''
import json, re, sys
from re import _compiler
from lawlint.rulepack import regexcache, sreparts
p = r"(?<![\u4e00-\u9fff])环保局"
built = regexcache._build(p, 0)
rx = regexcache.compile(p)
print(json.dumps({
    "simulated": not hasattr(_compiler, "_compile_info"),
    "optimizer": "re._optimizer" in sys.modules,
    "hinted": built is not None and built[1] is not None,
    "differs": rx != re.compile(p),
    "matches": [m.span() for m in rx.finditer("环保局、A环保局、市环保局")],
    "missing": getattr(getattr(sreparts, "compile_info", None), "__module__", "") == sreparts.__name__,
}))
'''


def _run(args, tmp_path, mode=None):
    # LAWLINT_NO_PREBUILT: every pattern is compiled here, not read from the table shipped for
    # this Python (rules/regex-py311.bin), which the simulation does not change
    env = dict(os.environ, LAWLINT_CACHE_DIR=str(tmp_path / f"cache-{mode}-{len(args)}"), NO_COLOR="1",
               LAWLINT_NO_PREBUILT="1")
    env.pop("GITHUB_ACTIONS", None)
    if mode:
        sim = tmp_path / "sim"
        sim.mkdir(exist_ok=True)
        (sim / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(sim), env.get("PYTHONPATH")]))
        env["SRE_SIM"] = mode
    got = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                         env=env, timeout=120)
    assert "Traceback" not in got.stderr, got.stderr
    return got


@pytest.mark.slow
@pytest.mark.parametrize("mode,hinted", [("moved", True), ("gone", False)])
def test_fast_path_under_the_move_of_sre_functions(tmp_path, mode, hinted):
    probe = json.loads(_run(["-c", _PROBE], tmp_path, mode).stdout)
    assert probe["simulated"] and probe["optimizer"] == (mode == "moved")
    assert probe["hinted"] is hinted and probe["differs"] is hinted
    assert probe["missing"] is not hinted          # found in re._optimizer / found nowhere
    assert probe["matches"] == [[0, 3], [5, 8]]     # not after 市

    seed = sorted(SEEDS.glob("*.txt"))[0]
    plain = _run(["-m", "lawlint", "check", "--format", "json", str(seed)], tmp_path)
    simulated = _run(["-m", "lawlint", "check", "--format", "json", str(seed)], tmp_path, mode)
    assert json.loads(plain.stdout)["files"][0]["diagnostics"]    # a seed with findings …
    assert simulated.stdout == plain.stdout                         # … the same ones
    assert simulated.returncode == plain.returncode
