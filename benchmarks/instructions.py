#!/usr/bin/env python3
"""Instructions per warm pass of ``lint_text`` over the five seeds, counted by callgrind.

Wall time on a shared 2-core machine moves by a third from run to run; an instruction count does
not (same interpreter, same inputs, ``PYTHONHASHSEED=0`` so that set and dict order is the same),
so it is the figure to compare two versions by. Needs valgrind (Debian's ``valgrind``).

    python benchmarks/instructions.py [--passes 2]

It runs the same script twice under callgrind, once without passes (start-up, imports, one
warming pass) and once with them, and prints the difference per pass.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
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


def collected(passes: int) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("LAWLINT_NO_CACHE", None)
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                        sys.executable, "-c", _PASS, str(passes), str(ROOT)],
                       capture_output=True, text=True, env=env)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode or not m:
        sys.exit(f"callgrind failed:\n{r.stderr[-2000:]}")
    return int(m.group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind not found (apt-get install valgrind)")
    base, full = collected(0), collected(args.passes)
    print(f"{(full - base) / args.passes / 1e6:.0f} M instructions per warm pass over the five seeds"
          f" (lawlint at {ROOT})")


if __name__ == "__main__":
    main()
