#!/usr/bin/env python3
"""Print lawlint's speed and memory figures next to AutoCorrect's, as users install lawlint.

    python benchmarks/bench.py [--runs 7] [--copies 1000] [--big 5000] [--quick] [--python PATH]

It builds a wheel of the checkout and installs it, non-editable, with autocorrect-py into a
temporary venv (``benchmarks/benchenv.py``; ``--python PATH``: an existing venv's python that has
both installed non-editable; ``--keep`` keeps the venv and says its python). Every lawlint and
autocorrect-py process runs with that python, outside the checkout. Each block runs lawlint and
AutoCorrect alternately on the same file (both see the same machine load), prints medians of
--runs (default 7) and the load average at its start and end, and each row its target and
whether it is met:
  a. the first run with an empty cache (a new XDG_CACHE_HOME for every run: a fresh CI job,
     a new user), ``lawlint check --format json SEED``, vs autocorrect-py in a fresh process:
     ratio per seed and the worst (target ≤ 5×);
  b. the same with the cache warm (a pre-commit hook's second commit): wall ratio per seed
     (target ≤ 2.5×) and instructions of the whole process under callgrind, which do not move
     with the load (``PYTHONHASHSEED=0``; one run each; target ≤ 1.8×);
  c. warm ``lint_text`` in one process, ms per 10,000 characters per seed, and callgrind's
     instructions per warm pass over the seeds and per 10,000 characters (target ≤ 40 M);
  d. ``check --jobs 2`` over --copies copies of the seeds (each seed copied alike; median of
     --batch-runs, default 3), reports/s and the peak RSS of the largest process (target
     ≥ 150/s), and once over --big copies (memory flat: at most 10% + 5 MB above), autocorrect-py
     in one process over the same files;
  e. warm cost against length (1×, 4×, 16× a seed; linear: at most 20× at 16×).
``--quick``: 3 runs, 200 and 1,000 copies, one callgrind pass (a smoke run, not figures to quote).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchenv       # noqa: E402
import instructions   # noqa: E402
from measure import block, flat, make_copies, row, run_time, time_and_rss, verdict  # noqa: E402,F401

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PROBE = Path(__file__).resolve().parent / "probe.py"
AC_ONE = ("import autocorrect_py as a,sys;"
          "a.lint_for(open(sys.argv[1],encoding='utf-8').read(),'x.txt')")
AC_DIR = ("import autocorrect_py as a,sys,pathlib\n"
          "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
          "    a.lint_for(p.read_text(encoding='utf-8'),'x.txt')")
TARGETS = {"first": 5.0, "warm_wall": 2.5, "warm_instr": 1.8, "per10k": 40e6, "batch": 150.0,
           "growth": 20.0}


def check_cmd(ctx, path):
    return ctx.ll + ["check", "--exit-zero", "--format", "json", str(path)]


def ac_cmd(ctx, path, script=AC_ONE):
    return [ctx.python, "-c", script, str(path)]


def first_run(ctx):
    with block("a. first run, empty cache (a fresh XDG_CACHE_HOME each run) vs autocorrect-py,"
               " fresh processes"):
        print(f"   {'seed':40} {'chars':>6} {'lawlint':>9} {'autocorrect':>12} {'ratio':>7}")
        worst = None
        for seed in ctx.seeds:
            ll, ac = [], []
            for _ in range(ctx.runs):
                empty = tempfile.mkdtemp(prefix="cache-", dir=ctx.cwd)
                ll.append(run_time(check_cmd(ctx, seed), ctx, dict(ctx.env, XDG_CACHE_HOME=empty)))
                shutil.rmtree(empty, ignore_errors=True)
                if ctx.ac:
                    ac.append(run_time(ac_cmd(ctx, seed), ctx))
            worst = _ratio_line(seed, statistics.median(ll), statistics.median(ac) if ac else None, worst)
        row(ctx, "a. first run (empty cache) / autocorrect-py, worst seed", _x(worst),
            f"≤ {TARGETS['first']:g}×", verdict(worst, TARGETS["first"]))


def _ratio_line(seed, ll, ac, worst):
    ratio = ll / ac if ac else None
    print(f"   {seed.name:40} {len(seed.read_text(encoding='utf-8')):6} {ll * 1000:7.0f} ms"
          f" {ac * 1000 if ac else float('nan'):9.0f} ms {_x(ratio):>7}", flush=True)
    return worst if ratio is None else max(worst or 0, ratio)


def _x(ratio):
    return "-" if ratio is None else f"{ratio:.2f}×"


def fresh_warm(ctx):
    with block("b. fresh process, cache warm (check --format json SEED) vs autocorrect-py"):
        for seed in ctx.seeds:                      # fill the cache
            subprocess.run(check_cmd(ctx, seed), stdout=subprocess.DEVNULL, env=ctx.env, cwd=ctx.cwd)
        print(f"   python -c pass: {statistics.median(run_time([ctx.python, '-c', 'pass'], ctx) for _ in range(ctx.runs)) * 1000:.0f} ms")
        print(f"   {'seed':40} {'chars':>6} {'lawlint':>9} {'autocorrect':>12} {'ratio':>7}")
        worst = None
        for seed in ctx.seeds:
            ll, ac = [], []
            for _ in range(ctx.runs):
                ll.append(run_time(check_cmd(ctx, seed), ctx))
                if ctx.ac:
                    ac.append(run_time(ac_cmd(ctx, seed), ctx))
            worst = _ratio_line(seed, statistics.median(ll), statistics.median(ac) if ac else None, worst)
        row(ctx, "b. fresh process, warm cache / autocorrect-py, wall, worst seed", _x(worst),
            f"≤ {TARGETS['warm_wall']:g}×", verdict(worst, TARGETS["warm_wall"]))
        if not (ctx.valgrind and ctx.ac):
            return row(ctx, "b. … in instructions", "-", f"≤ {TARGETS['warm_instr']:g}×", "not measured"
                       " (valgrind or autocorrect-py missing)")
        print("   instructions of the whole process (callgrind, PYTHONHASHSEED=0, one run each):")
        base = instructions.collected([ctx.python, "-c", "pass"], ctx.env, ctx.cwd)
        print(f"   python -c pass: {base / 1e6:.0f} M")
        worst = None
        for seed in ctx.seeds:
            ll = instructions.collected(check_cmd(ctx, seed), ctx.env, ctx.cwd)
            ac = instructions.collected(ac_cmd(ctx, seed), ctx.env, ctx.cwd)
            worst = max(worst or 0, ll / ac)
            print(f"   {seed.name:40} {ll / 1e6:7.0f} M {ac / 1e6:9.0f} M {ll / ac:8.2f}×", flush=True)
        row(ctx, "b. … in instructions, worst seed", _x(worst), f"≤ {TARGETS['warm_instr']:g}×",
            verdict(worst, TARGETS["warm_instr"]))


def warm_lib(ctx):
    with block("c. warm library cost in one process: lawlint.lint_text vs autocorrect_py.lint_for"):
        runs = max(ctx.runs, 9)
        got = probe(ctx, "warm", runs, *ctx.seeds)
        print(f"   medians of {runs}; ms per 10,000 characters (lawlint CPU in brackets)")
        for r in got:
            per = 1e4 / r["chars"] * 1000
            acp = f"{r['autocorrect'] * per:9.2f}" if r["autocorrect"] else "        -"
            print(f"   {r['seed']:40} {r['chars']:6} {r['lawlint'] * per:7.1f} ({r['lawlint_cpu'] * per:5.1f})"
                  f" {acp}   {r['lawlint'] * 1000:6.1f} ms per report")
        chars = sum(r["chars"] for r in got)
        if not ctx.valgrind:
            return row(ctx, "c. instructions per 10,000 characters, warm", "-", "≤ 40 M", "not measured"
                       " (valgrind missing)")
        seeds_dir = Path(ctx.cwd) / "seeds"
        seeds_dir.mkdir(exist_ok=True)
        for s in ctx.seeds:
            shutil.copyfile(s, seeds_dir / s.name)
        ll = instructions.warm_pass(ctx.python, seeds_dir, ctx.passes, env=ctx.env, cwd=ctx.cwd)
        ac = (instructions.warm_pass(ctx.python, seeds_dir, ctx.passes, lib="autocorrect", env=ctx.env,
                                     cwd=ctx.cwd) if ctx.ac else None)
        acs = f", autocorrect-py {ac / 1e6:.0f} M ({ll / ac:.1f}×)" if ac else ""
        print(f"   instructions per warm pass over {len(got)} seeds ({chars} characters):"
              f" lawlint {ll / 1e6:.0f} M{acs}")
        per10k = ll / chars * 1e4
        row(ctx, "c. warm lint_text, instructions per 10,000 characters", f"{per10k / 1e6:.1f} M",
            "≤ 40 M", verdict(per10k, TARGETS["per10k"]))


def batch(ctx):
    with block(f"d. batch, check --jobs 2 over copies of the seeds vs autocorrect-py in one process"):
        peaks = {}
        for n, runs in ((ctx.copies, ctx.batch_runs), (ctx.big, 1)):
            if not n:
                continue
            where = Path(ctx.cwd) / f"copies-{n}"
            size = make_copies(where, n, ctx.seeds)
            ll, ac = [], []
            for _ in range(runs):
                ll.append(time_and_rss(ctx.ll + ["check", "--exit-zero", "--format", "json", "--quiet",
                                                 "--jobs", "2", str(where)], ctx))
                if ctx.ac:
                    ac.append(time_and_rss(ac_cmd(ctx, where, AC_DIR), ctx))
            t = statistics.median(x for x, _ in ll)
            peaks[n] = max((kb or 0) for _, kb in ll)
            acs = (f"; autocorrect-py {n / statistics.median(x for x, _ in ac):5.0f} reports/s,"
                   f" {max((kb or 0) for _, kb in ac) / 1024:.0f} MB" if ac else "")
            print(f"   {n} copies ({size / 1e6:.0f} MB), median of {runs}: lawlint {t:6.2f} s,"
                  f" {n / t:5.0f} reports/s, peak RSS {peaks[n] / 1024:.0f} MB{acs}", flush=True)
            shutil.rmtree(where, ignore_errors=True)
            if n == ctx.copies:
                row(ctx, f"d. batch --jobs 2, {n} copies, reports/s", f"{n / t:.0f}",
                    f"≥ {TARGETS['batch']:g}", verdict(n / t, TARGETS["batch"], at_least=True))
        if ctx.copies and ctx.big:
            small, big = peaks[ctx.copies], peaks[ctx.big]
            row(ctx, f"d. peak RSS {ctx.copies} → {ctx.big} copies", f"{small / 1024:.0f} → {big / 1024:.0f} MB",
                "flat (≤ +10% + 5 MB)", "met" if flat(small, big) else "NOT MET")


def growth(ctx):
    with block("e. warm cost against length (lint_text, one process)"):
        got = probe(ctx, "growth", max(3, ctx.runs // 2), ctx.seeds[min(2, len(ctx.seeds) - 1)])
        for r in got:
            print(f"   {r['k']:>2}× ({r['chars']:>7} chars): {r['s'] * 1000:8.1f} ms"
                  f"   {r['s'] / got[0]['s']:5.1f}× the 1× cost")
        k = got[-1]["s"] / got[0]["s"]
        row(ctx, f"e. cost of {got[-1]['k']}× a seed / 1×", f"{k:.1f}×", "≤ 20× (linear)",
            verdict(k, TARGETS["growth"]))


def probe(ctx, what, runs, *paths):
    r = subprocess.run([ctx.python, str(PROBE), what, str(runs), *map(str, paths)], capture_output=True,
                       text=True, env=ctx.env, cwd=ctx.cwd, check=True)
    got = json.loads(r.stdout)
    if Path(got["file"]).resolve().is_relative_to(ROOT) and not ctx.allow_editable:
        sys.exit(f"the probe imported the checkout's lawlint ({got['file']}), not the installed one")
    return got["rows"]


def arguments(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--runs", type=int, help="runs per median (default 7; --quick 3)")
    ap.add_argument("--copies", type=int, help="batch size (default 1000; --quick 200)")
    ap.add_argument("--big", type=int, help="the larger batch, for flatness (default 5000; --quick 1000; 0: skip)")
    ap.add_argument("--passes", type=int, help="warm passes under callgrind (default 2; --quick 1)")
    ap.add_argument("--batch-runs", type=int, help="runs of the smaller batch (default 3; --quick 1):"
                    " each is a thousand reports, and seven would be half the run's time")
    ap.add_argument("--seeds", type=int, default=len(SEEDS), help="use the first N seeds")
    ap.add_argument("--quick", action="store_true", help="a smoke run: 3 runs, 200 and 1,000 copies")
    ap.add_argument("--python", help="an existing venv's python with lawlint and autocorrect-py installed"
                    " non-editable (default: build a wheel and a temporary venv)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary venv")
    ap.add_argument("--allow-editable", action="store_true", help="accept an editable --python (tests"
                    " only: the figures are flattered)")
    args = ap.parse_args(argv)
    for name, full, quick in (("runs", 7, 3), ("copies", 1000, 200), ("big", 5000, 1000), ("passes", 2, 1),
                              ("batch_runs", 3, 1)):
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    return args


def main(argv=None):
    args = arguments(argv)
    start, work = time.perf_counter(), Path(tempfile.mkdtemp(prefix="lawlint-bench-"))
    ctx = argparse.Namespace(runs=args.runs, copies=args.copies, big=args.big, passes=args.passes,
                             batch_runs=args.batch_runs,
                             seeds=SEEDS[:args.seeds], allow_editable=args.allow_editable, summary=[],
                             cwd=str(work / "work"), valgrind=instructions.have_valgrind())
    os.mkdir(ctx.cwd)
    try:
        ctx.python = args.python or benchenv.build_venv(work)
        info = benchenv.describe(ctx.python, ctx.cwd)
        if "lawlint" not in info:
            sys.exit(f"{ctx.python} has no lawlint")
        if info["editable"] and not args.allow_editable:
            sys.exit(f"{ctx.python} has lawlint as an editable install ({info['file']}): every start pays"
                     " the finder hook; install the wheel (omit --python)")
        ctx.ac, ctx.ll = bool(info["autocorrect"]), benchenv.lawlint_command(ctx.python)
        ctx.env = benchenv.clean_env(XDG_CACHE_HOME=str(work / "cache"))   # the default folder, as users have it
        import platform
        print(f"lawlint {info['lawlint']} from {info['file']}"
              f" ({'EDITABLE: figures flattered, not to quote' if info['editable'] else 'installed from a wheel, non-editable'})")
        print(f"autocorrect-py {info['autocorrect'] or 'not installed: no ratios'}; Python {info['python']};"
              f" {platform.machine()}, {os.cpu_count()} cores; medians of {ctx.runs};"
              f" valgrind {'yes' if ctx.valgrind else 'not found: no instruction counts'}")
        for section in (first_run, fresh_warm, warm_lib, batch, growth):
            section(ctx)
        print("\nsummary")
        for figure, value, target, met in ctx.summary:
            print(f"   {figure:62} {value:>12}   {target:22} {met}")
        print(f"total time {time.perf_counter() - start:.0f} s")
    finally:
        if args.keep and not args.python:
            print(f"kept: --python {getattr(ctx, 'python', None)}")
            shutil.rmtree(ctx.cwd, ignore_errors=True)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
