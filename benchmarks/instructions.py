#!/usr/bin/env python3
"""Instructions per warm pass of ``lint_text`` over the five seeds, counted by callgrind.

Wall time on a shared 2-core machine moves by a third from run to run; an instruction count does
not (same interpreter, same inputs, ``PYTHONHASHSEED=0`` so that set and dict order is the same),
so it is the figure to compare two versions by. Needs valgrind (Debian's ``valgrind``).

    python benchmarks/instructions.py [--passes 2] [--python PATH]

It runs the same script twice under callgrind, once without passes (start-up, imports, one
warming pass) and once with them, and prints the difference per pass. Without ``--python`` it
measures the checkout (its folder first on ``sys.path``); with it, the lawlint that python has
installed (``benchmarks/bench.py`` uses these functions on a non-editable install, and counts
whole fresh processes with :func:`collected`).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PASS = """
import sys
from pathlib import Path
if sys.argv[4]:
    sys.path.insert(0, sys.argv[4])
if sys.argv[3] == "lawlint":
    from lawlint.api import lint_text
else:
    import autocorrect_py
    def lint_text(text):
        return autocorrect_py.lint_for(text, "x.txt")
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
for t in texts:
    lint_text(t)
for _ in range(int(sys.argv[1])):
    for t in texts:
        lint_text(t)
"""


def have_valgrind() -> bool:
    return shutil.which("valgrind") is not None


def parse_collected(stderr: str) -> int | None:
    """The instruction count callgrind prints at exit (``==123== Collected : 783373767``)."""
    m = re.search(r"Collected\s*:\s*(\d+)", stderr)
    return int(m.group(1)) if m else None


def collected(cmd, env=None, cwd=None) -> int:
    """Instructions one run of ``cmd`` executes, under callgrind with ``PYTHONHASHSEED=0``."""
    env = dict(os.environ if env is None else env, PYTHONHASHSEED="0")
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    n = parse_collected(r.stderr)
    if n is None or r.returncode not in (0, 1):       # lawlint exits 1 when it found something
        raise RuntimeError(f"callgrind failed on {cmd}:\n{r.stderr[-2000:]}")
    return n


def warm_pass(python, seeds_dir, passes=2, lib="lawlint", syspath="", env=None, cwd=None) -> float:
    """Instructions per warm pass of ``lib``'s lint over the ``*.txt`` of ``seeds_dir`` (the
    difference between a run with ``passes`` passes and one without, divided by ``passes``)."""
    env = dict(os.environ if env is None else env)
    env.pop("LAWLINT_NO_CACHE", None)

    def run(n):
        return collected([python, "-c", _PASS, str(n), str(seeds_dir), lib, str(syspath)], env, cwd)
    return (run(passes) - run(0)) / passes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--python", help="measure the lawlint this python has installed, not the checkout")
    args = ap.parse_args()
    if not have_valgrind():
        sys.exit("valgrind not found (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as cwd:        # python -c puts its folder first on sys.path
        per = warm_pass(args.python or sys.executable, ROOT / "seeds", args.passes,
                        syspath="" if args.python else ROOT, cwd=cwd)
    where = args.python or f"lawlint at {ROOT}"
    print(f"{per / 1e6:.0f} M instructions per warm pass over the five seeds ({where})")


if __name__ == "__main__":
    main()
