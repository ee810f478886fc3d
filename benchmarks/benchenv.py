"""The interpreter the benchmark measures: lawlint installed from a wheel, as users install it.

An editable install (``pip install -e .``) puts a finder hook in a ``.pth`` file that every Python
process of that venv imports at start (≈14 ms here, autocorrect-py's processes too), which shrinks
lawlint's ratio to AutoCorrect; running from the checkout also skips the bytecode pip compiles. So
:func:`build_venv` builds a wheel of the checkout (``pip wheel --no-deps``), installs it with
autocorrect-py into a new venv, and every lawlint and autocorrect-py process runs with that
venv's python; :func:`describe` tells how a given python has lawlint (``--python PATH``).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WHICH = """
import json, sys
out = {"python": sys.version.split()[0], "executable": sys.executable}
try:
    import lawlint
    out["lawlint"] = lawlint.__version__
    out["file"] = lawlint.__file__
except ImportError:
    pass
try:
    from importlib.metadata import distribution, version
    url = distribution("lawlint").read_text("direct_url.json") or "{}"
    out["editable"] = bool(json.loads(url).get("dir_info", {}).get("editable"))
except Exception:
    out["editable"] = None
import site
hooks = []
for d in site.getsitepackages():
    try:
        hooks += [n for n in __import__("os").listdir(d) if n.startswith("__editable__") and n.endswith(".pth")]
    except OSError:
        pass
out["editable_hooks"] = sorted(hooks)
try:
    out["autocorrect"] = version("autocorrect-py")
except Exception:
    out["autocorrect"] = None
print(json.dumps(out))
"""


def clean_env(**extra) -> dict:
    """The environment of every measured process: nothing that points Python at the checkout or
    changes how it starts (PYTHONPATH, no bytecode), lawlint's cache on where a user's is (the
    caller names the folder by XDG_CACHE_HOME, not LAWLINT_CACHE_DIR, which users seldom set),
    colour off."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONSTARTUP", "PYTHONHOME",
                        "LAWLINT_NO_CACHE", "LAWLINT_CACHE_DIR", "PYTHONHASHSEED", "PYTHONPROFILEIMPORTTIME")}
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


def describe(python: str, cwd: str) -> dict:
    """What ``python`` imports as lawlint: version, file, whether the install is editable (its
    ``direct_url.json``, the file's place in the checkout, an ``__editable__`` hook in site-packages),
    and autocorrect-py's version (None when missing). ``cwd`` must be outside the checkout, or
    ``python -c`` would import the checkout's ``lawlint/`` folder."""
    r = subprocess.run([python, "-c", _WHICH], capture_output=True, text=True, cwd=cwd,
                       env=clean_env(), timeout=120)
    if r.returncode:
        sys.exit(f"{python} does not run: {r.stderr.strip()[-500:]}")
    info = json.loads(r.stdout)
    if "file" in info:
        in_checkout = Path(info["file"]).resolve().is_relative_to(ROOT)
        info["editable"] = bool(info["editable"] or in_checkout or info["editable_hooks"])
    return info


def build_venv(where: Path, log=print) -> str:
    """Build a wheel of the checkout and install it, non-editable, with autocorrect-py into a new
    venv under ``where``; return that venv's python."""
    wheels, venv = where / "wheels", where / "venv"
    log(f"   building a wheel of {ROOT} …")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, stdout=subprocess.DEVNULL, timeout=600)
    wheel = next(wheels.glob("lawlint-*.whl"))
    log(f"   installing {wheel.name} and autocorrect-py into a new venv …")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = str(venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))
    subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel),
                    "autocorrect-py"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=900, cwd=where)
    return python


def lawlint_command(python: str) -> list:
    """How a user starts lawlint in that venv: its console script (run by that python, so
    valgrind follows it), or ``-m lawlint`` when there is none."""
    script = Path(python).parent / ("lawlint.exe" if os.name == "nt" else "lawlint")
    if script.is_file() and os.name != "nt":
        return [python, str(script)]
    return [python, "-m", "lawlint"]
