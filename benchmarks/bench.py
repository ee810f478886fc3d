#!/usr/bin/env python3
"""Print lawlint's speed and memory figures next to AutoCorrect's on the same inputs.

    pip install autocorrect-py      # benchmark only; not a lawlint dependency
    python benchmarks/bench.py [--runs 9] [--corpus 1000]

Figures are medians of --runs runs, measured side by side in one run so ratios are comparable on a
shared, noisy machine:
  1. a fresh process checking one report (all default rules) vs AutoCorrect-py in a fresh process;
  2. warm per-report cost (library call, all rules) on a ~10,000-character report;
  3. batch throughput over a generated corpus with --jobs 1 and 2, and peak memory (RSS);
  4. cost against report length (1×, 4×, 16×).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "2021-henan-xinyang-pingqiao.txt"
PY = sys.executable


def timed(cmd, runs, env=None):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_rss_kb(cmd, env=None):
    """Peak RSS of a command and its children, from GNU time when present, else rusage."""
    if Path("/usr/bin/time").exists():
        r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, env=env)
        try:
            return int(r.stderr.strip().splitlines()[-1])
        except (ValueError, IndexError):
            pass
    import resource
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--corpus", type=int, default=1000)
    args = ap.parse_args()
    env = dict(os.environ, NO_COLOR="1")
    # An installed lawlint has compiled bytecode (pip writes it); let the checkout's be cached too,
    # or every run would recompile the sources and measure that instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cli = [PY, "-m", "lawlint", "check", "--exit-zero"]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, medians of {args.runs} runs")

    # Warm the rule cache once so every timed run is a warm start (as on the second commit).
    subprocess.run(cli + [str(SEED)], stdout=subprocess.DEVNULL, env=env)

    base = timed([PY, "-c", "pass"], args.runs)
    ll = timed(cli + [str(SEED)], args.runs, env)
    print(f"\n1. fresh process, one report ({SEED.name}, {len(SEED.read_text(encoding='utf-8'))} chars)")
    print(f"   python -c pass            {base:.3f} s")
    print(f"   lawlint check             {ll:.3f} s")
    try:
        import autocorrect_py  # noqa: F401
        ac_code = ("import autocorrect_py as a,sys;"
                   "a.lint_for(open(sys.argv[1],encoding='utf-8').read(),'x.txt')")
        ac = timed([PY, "-c", ac_code, str(SEED)], args.runs)
        print(f"   autocorrect-py            {ac:.3f} s")
        print(f"   ratio lawlint/autocorrect {ll / ac:.2f}×   (target ≤ 4×)")
    except ImportError:
        print("   autocorrect-py not installed (pip install autocorrect-py) — ratio not measured")

    # 2. warm per-report cost, in process
    sys.path.insert(0, str(ROOT))
    import lawlint
    from lawlint.api import lint_text
    text = SEED.read_text(encoding="utf-8")
    ten_k = (text * (10000 // len(text) + 1))[:10000]
    lint_text(ten_k)  # warm: rules loaded, patterns compiled, tokenizer loaded if any rule needs it
    per = []
    for _ in range(args.runs):
        t = time.perf_counter()
        lint_text(ten_k)
        per.append(time.perf_counter() - t)
    print(f"\n2. warm per-report cost, 10,000 characters, all rules: {statistics.median(per) * 1000:.1f} ms"
          "   (target ≤ 20 ms)")

    # 3. batch throughput and memory
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([PY, str(ROOT / "benchmarks" / "make_corpus.py"), tmp, "--n", str(args.corpus)],
                       stdout=subprocess.DEVNULL, check=True)
        print(f"\n3. batch over {args.corpus} generated reports")
        for jobs in (1, 2):
            cmd = cli + ["--format", "json", "--jobs", str(jobs), tmp]
            t = timed(cmd, max(1, args.runs // 3), env)
            rss = peak_rss_kb(cmd, env)
            print(f"   --jobs {jobs}: {t:.2f} s, {args.corpus / t:.0f} reports/s, peak RSS {rss / 1024:.0f} MB"
                  + ("   (target ≥ 100 reports/s with --jobs 2, ≤ 200 MB)" if jobs == 2 else ""))

    # 4. linearity
    print("\n4. cost against length (warm, in process)")
    unit = None
    for k in (1, 4, 16):
        big = "\n".join([text] * k)
        lint_text(big)
        ts = []
        for _ in range(max(3, args.runs // 2)):
            t = time.perf_counter()
            lint_text(big)
            ts.append(time.perf_counter() - t)
        m = statistics.median(ts)
        unit = unit or m
        print(f"   {k:>2}× ({len(big):>7} chars): {m * 1000:8.1f} ms   {m / unit:5.1f}× the 1× cost")
    print(f"\nlawlint {lawlint.__version__}")


if __name__ == "__main__":
    main()
