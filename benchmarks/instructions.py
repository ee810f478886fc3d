#!/usr/bin/env python3
"""Instructions per warm pass of ``lint_text`` over the five seeds, counted by callgrind.

Wall time on a shared 2-core machine moves by a third from run to run; an instruction count does
not (same interpreter, same inputs, ``PYTHONHASHSEED=0`` so that set and dict order is the same),
so it is the figure to compare two versions by. Needs valgrind (Debian's ``valgrind``).

    python benchmarks/instructions.py [--passes 2] [--top 25]

It runs the same script twice under callgrind, once without passes (start-up, imports, one
warming pass) and once with them, and prints the difference per pass.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PASS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from lawlint.api import lint_text
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2], "seeds").glob("*.txt"))]
for t in texts:
    lint_text(t)
for _ in range(int(sys.argv[1])):
    for t in texts:
        lint_text(t)
"""


def _env() -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("LAWLINT_NO_CACHE", None)
    return env


def warm_cache() -> None:
    """One run outside callgrind first: with an empty cache (a fresh LAWLINT_CACHE_DIR) the
    pass-less run would fill it and count the first run's compiling, not a warm start's."""
    subprocess.run([sys.executable, "-c", _PASS, "0", str(ROOT)], check=True, env=_env())


def collected(passes: int, out: str = "/dev/null") -> int:
    r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        sys.executable, "-c", _PASS, str(passes), str(ROOT)],
                       capture_output=True, text=True, env=_env())
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode or not m:
        sys.exit(f"callgrind failed:\n{r.stderr[-2000:]}")
    return int(m.group(1))


def functions(out: str) -> Counter:
    """Instructions per C function (self cost) in a callgrind file."""
    r = subprocess.run(["callgrind_annotate", "--threshold=100", out],
                       capture_output=True, text=True, check=True)
    got = Counter()
    for line in r.stdout.splitlines():
        m = re.match(r"\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*?):(\S+?)(?:'\d+)?(?:\s+\[.*\])?$", line)
        if m and "PROGRAM TOTALS" not in line:
            got[m.group(3)] += int(m.group(1).replace(",", ""))
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--top", type=int, default=0,
                    help="also print the N C functions that cost most per pass (self cost)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind not found (apt-get install valgrind)")
    warm_cache()
    with tempfile.TemporaryDirectory() as tmp:
        outs = (f"{tmp}/base.out", f"{tmp}/full.out") if args.top else ("/dev/null", "/dev/null")
        base, full = collected(0, outs[0]), collected(args.passes, outs[1])
        per_pass = (full - base) / args.passes
        print(f"{per_pass / 1e6:.0f} M instructions per warm pass over the five seeds"
              f" (lawlint at {ROOT})")
        if args.top:
            diff = functions(outs[1])
            diff.subtract(functions(outs[0]))
            for name, n in diff.most_common(args.top):
                print(f"{n / args.passes / 1e6:8.1f} M {100 * n / args.passes / per_pass:5.1f}%  {name}")


if __name__ == "__main__":
    main()
