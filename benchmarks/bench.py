#!/usr/bin/env python3
"""Print lawlint's speed and memory figures next to AutoCorrect's on the same inputs.

    pip install -e ".[bench]"       # autocorrect-py, for the comparison only; not a lawlint dependency
    python benchmarks/bench.py [--runs 7] [--corpus 1000] [--big 10000] [--quick]

Timings on a shared machine are noisy, so every ratio comes from one interleaved run (lawlint and
AutoCorrect alternately, same file, same interpreter) and every figure is a median of --runs.
  1. a fresh process on each seed report, all default rules, ``check --format json`` (rule
     cache warm, as on a pre-commit hook's second commit), vs AutoCorrect-py in a fresh process;
     the ratio per seed and the worst; also lawlint's very first start (empty cache) on each seed;
  2. warm library cost (``lint_text``, all rules) per seed, in ms per 10,000 characters;
  3. batch throughput and peak memory (RSS) over a generated corpus with --jobs 1 and 2, and a
     corpus ten times larger (is throughput flat, is memory flat?), AutoCorrect on the same files;
  4. cost against report length (1×, 4×, 16× a seed).
``--quick``: 3 runs, corpora of 200 and 2,000 reports (a smoke test, not figures to quote).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PY = sys.executable
AC_ONE = ("import autocorrect_py as a,sys;"
          "a.lint_for(open(sys.argv[1],encoding='utf-8').read(),'x.txt')")
AC_DIR = ("import autocorrect_py as a,sys,pathlib\n"
          "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
          "    a.lint_for(p.read_text(encoding='utf-8'),'x.txt')")


def run_time(cmd, env=None):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t


def timed(cmd, runs, env=None):
    return statistics.median(run_time(cmd, env) for _ in range(runs))


def time_and_rss(cmd, env=None):
    """Wall time and peak RSS (kB) of one run of a command, from GNU time when present, else
    rusage (the largest child so far)."""
    t = time.perf_counter()
    if Path("/usr/bin/time").exists():
        r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, env=env)
        try:
            return time.perf_counter() - t, int(r.stderr.strip().splitlines()[-1])
        except (ValueError, IndexError):
            pass
    import resource
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def batch_run(cmd, runs, env=None):
    """Median time and largest peak RSS over ``runs`` runs."""
    got = [time_and_rss(cmd, env) for _ in range(runs)]
    return statistics.median(t for t, _ in got), max(kb for _, kb in got)


def have_autocorrect():
    try:
        import autocorrect_py  # noqa: F401
        return True
    except ImportError:
        print("   autocorrect-py not installed (pip install autocorrect-py): no ratios")
        return False


def cold(args, env, cli, ac):
    print("\n1. fresh process per seed, all default rules: lawlint check --format json SEED")
    print(f"   python -c pass: {timed([PY, '-c', 'pass'], args.runs) * 1000:.0f} ms")
    for seed in SEEDS:
        subprocess.run(cli + [str(seed)], stdout=subprocess.DEVNULL, env=env)   # warm the cache
    print(f"   {'seed':40} {'chars':>6} {'lawlint':>9} {'autocorrect':>12} {'ratio':>6}"
          f" {'first start':>12}")
    worst = 0.0
    for seed in SEEDS:
        ll, acs, first = [], [], []
        for _ in range(args.runs):            # interleaved: the two see the same machine load
            ll.append(run_time(cli + [str(seed)], env))
            if ac:
                acs.append(run_time([PY, "-c", AC_ONE, str(seed)]))
        for _ in range(max(1, args.runs // 3)):
            empty = tempfile.mkdtemp(prefix="lawlint-bench-empty-")
            first.append(run_time(cli + [str(seed)], dict(env, LAWLINT_CACHE_DIR=empty)))
            shutil.rmtree(empty, ignore_errors=True)
        lm = statistics.median(ll)
        am = statistics.median(acs) if acs else None
        ratio = f"{lm / am:5.2f}×" if am else "    -"
        worst = max(worst, lm / am) if am else worst
        print(f"   {seed.name:40} {len(seed.read_text(encoding='utf-8')):6} {lm * 1000:7.0f} ms"
              f" {am * 1000 if am else float('nan'):9.0f} ms {ratio} {statistics.median(first) * 1000:9.0f} ms")
    if ac:
        print(f"   worst ratio lawlint/autocorrect: {worst:.2f}×   (target ≤ 3×)")
    print("   (first start: an empty cache, as on the very first run: rules validated, regexes"
          " compiled, the segmenter loaded when a sentence needs it)")


def warm(args):
    print("\n2. warm library cost, lawlint.lint_text, all rules (median wall / CPU time)")
    sys.path.insert(0, str(ROOT))
    from lawlint.api import lint_text
    worst = worst_bytes = 0.0
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        lint_text(text)
        lint_text(text)
        wall, cpu = [], []
        for _ in range(max(args.runs, 9)):
            t, c = time.perf_counter(), time.process_time()
            lint_text(text)
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        w, c = statistics.median(wall), statistics.median(cpu)
        per, per_cpu = (x * 1000 * 10000 / len(text) for x in (w, c))
        size = seed.stat().st_size
        worst = max(worst, per)
        worst_bytes = max(worst_bytes, w * 1000 * 10000 / size)
        print(f"   {seed.name:40} {len(text):6} chars {w * 1000:6.1f} ms (CPU {c * 1000:5.1f})"
              f"  {per:5.1f} ms per 10k chars (CPU {per_cpu:5.1f}),"
              f" {w * 1000 * 10000 / size:4.1f} per 10k bytes of the file")
    print(f"   worst: {worst:.1f} ms per 10,000 characters, {worst_bytes:.1f} per 10,000 bytes"
          "   (target ≤ 6; issue 12 measured per 10k of the file's UTF-8 size)")
    return lint_text


def batch(args, env, cli, ac):
    for n in [n for n in (args.corpus, args.big) if n]:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([PY, str(ROOT / "benchmarks" / "make_corpus.py"), tmp, "--n", str(n)],
                           stdout=subprocess.DEVNULL, check=True)
            size = sum(p.stat().st_size for p in Path(tmp).glob("*.txt"))
            print(f"\n3. batch over {n} generated reports ({size / 1e6:.1f} MB)")
            runs = max(1, args.runs // 3) if n == args.corpus else 1
            for jobs in ((1, 2) if n == args.corpus else (2,)):
                cmd = cli + ["--quiet", "--jobs", str(jobs), tmp]
                t, rss = batch_run(cmd, runs, env)
                target = "   (target ≥ 150 reports/s with --jobs 2, ≤ 200 MB)" if jobs == 2 else ""
                print(f"   lawlint --jobs {jobs}: {t:6.2f} s, {n / t:5.0f} reports/s,"
                      f" peak RSS {rss / 1024:4.0f} MB{target}")
            if ac:
                t, rss = batch_run([PY, "-c", AC_DIR, tmp], runs)
                print(f"   autocorrect-py, one process: {t:6.2f} s, {n / t:5.0f} reports/s,"
                      f" peak RSS {rss / 1024:4.0f} MB")


def linearity(args, lint_text):
    print("\n4. cost against length (warm, in process)")
    text = (ROOT / "seeds" / "2021-henan-xinyang-pingqiao.txt").read_text(encoding="utf-8")
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--corpus", type=int, default=1000)
    ap.add_argument("--big", type=int, default=10000, help="the larger corpus (0: skip)")
    ap.add_argument("--quick", action="store_true", help="3 runs, corpora of 200 and 2,000")
    args = ap.parse_args()
    if args.quick:
        args.runs, args.corpus, args.big = 3, 200, 2000
    cache = tempfile.mkdtemp(prefix="lawlint-bench-cache-")
    env = dict(os.environ, NO_COLOR="1", LAWLINT_CACHE_DIR=cache)
    os.environ["LAWLINT_CACHE_DIR"] = cache
    # An installed lawlint has compiled bytecode (pip writes it); let the checkout's be cached too,
    # or every run would recompile the sources and measure that instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cli = [PY, "-m", "lawlint", "check", "--exit-zero", "--format", "json"]
    import platform
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
          f"Python {sys.version.split()[0]}; medians of {args.runs} runs")
    ac = have_autocorrect()
    if ac:
        from importlib.metadata import version
        print(f"autocorrect-py {version('autocorrect-py')}")
    try:
        cold(args, env, cli, ac)
        lint_text = warm(args)
        batch(args, env, cli, ac)
        linearity(args, lint_text)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    import lawlint
    print(f"\nlawlint {lawlint.__version__}")


if __name__ == "__main__":
    main()
