"""The small pieces of ``benchmarks/bench.py``: timing a command, its peak memory, a block's
load average, a summary row and its verdict, the batch's copies of the seeds."""
import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path


def verdict(value, limit, at_least=False) -> str:
    if value is None:
        return "not measured"
    return "met" if (value >= limit if at_least else value <= limit) else "NOT MET"


def flat(small_kb, big_kb) -> bool:
    """Memory is flat when the larger batch's peak is at most 10% + 5 MB above the smaller's."""
    return big_kb <= small_kb * 1.10 + 5 * 1024


def make_copies(dest: Path, n: int, seeds) -> int:
    """``n`` files in ``dest``: the seeds copied in turn (n/len(seeds) copies of each); total bytes."""
    dest.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(n):
        seed = seeds[i % len(seeds)]
        shutil.copyfile(seed, dest / f"{i:05d}-{seed.name}")
        size += seed.stat().st_size
    return size


def run_time(cmd, ctx, env=None):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or ctx.env,
                   cwd=ctx.cwd)
    return time.perf_counter() - t


def time_and_rss(cmd, ctx):
    """Wall time and peak RSS (kB, the largest process of the run) from GNU time."""
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, env=ctx.env, cwd=ctx.cwd)
    took = time.perf_counter() - t
    try:
        return took, int(r.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return took, None


@contextmanager
def block(title):
    t, load = time.perf_counter(), os.getloadavg()[0]
    print(f"\n{title}\n   load {load:.2f} at start", flush=True)
    yield
    print(f"   load {os.getloadavg()[0]:.2f} at end ({time.perf_counter() - t:.0f} s)", flush=True)


def row(ctx, figure, value, target, met):
    ctx.summary.append((figure, value, target, met))
    print(f"   → {figure}: {value}   target {target}: {met}", flush=True)
