"""In-process timings, run by the measured venv's python (``benchmarks/bench.py`` starts it):

    python probe.py warm RUNS SEED…     lawlint.lint_text and autocorrect-py's lint_for, alternately
    python probe.py growth RUNS SEED    lint_text on 1×, 4×, 16× the seed

Prints one JSON object: medians in seconds, and which lawlint was imported (its file), so the
caller can check that it is the installed one, not the checkout's.
"""
import json
import statistics
import sys
import time
from pathlib import Path


def _median_of(fn, text, runs):
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn(text)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu


def warm(runs, seeds):
    from lawlint.api import lint_text
    try:
        import autocorrect_py

        def ac(text):
            return autocorrect_py.lint_for(text, "x.txt")
    except ImportError:
        ac = None
    out = []
    for seed in seeds:
        text = Path(seed).read_text(encoding="utf-8")
        for _ in range(2):                      # rules compiled, memos filled
            lint_text(text)
            if ac:
                ac(text)
        lw, lc, aw = [], [], []
        for _ in range(runs):                   # interleaved: both see the same load
            w, c = _median_of(lint_text, text, 1)
            lw += w
            lc += c
            if ac:
                aw += _median_of(ac, text, 1)[0]
        out.append({"seed": Path(seed).name, "chars": len(text), "lawlint": statistics.median(lw),
                    "lawlint_cpu": statistics.median(lc),
                    "autocorrect": statistics.median(aw) if aw else None})
    return out


def growth(runs, seed):
    from lawlint.api import lint_text
    text = Path(seed).read_text(encoding="utf-8")
    out = []
    for k in (1, 4, 16):
        big = "\n".join([text] * k)
        lint_text(big)
        out.append({"k": k, "chars": len(big), "s": statistics.median(_median_of(lint_text, big, runs)[0])})
    return out


def main():
    what, runs, *paths = sys.argv[1:]
    got = warm(int(runs), paths) if what == "warm" else growth(int(runs), paths[0])
    import lawlint
    print(json.dumps({"file": lawlint.__file__, "rows": got}))


if __name__ == "__main__":
    main()
