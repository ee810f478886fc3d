#!/usr/bin/env python3
"""Generate a deterministic corpus of N reports by recombining the seeds' paragraphs.

Each generated report keeps a seed's skeleton (its headings in order) and draws body paragraphs
from all five seeds with a seeded RNG, so the defects (half-width punctuation, numbering gaps,
missing parts, dated terms) stay in realistic proportions. Usage:

    python benchmarks/make_corpus.py OUT_DIR [--n 1000] [--seed 7]
"""
import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _paragraphs():
    skeletons, bodies = [], []
    for p in SEEDS:
        lines = [l for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]
        skeletons.append(lines)
        bodies.extend(l for l in lines if len(l) > 80)
    return skeletons, bodies


def make(n, seed=7):
    rng = random.Random(seed)
    skeletons, bodies = _paragraphs()
    for i in range(n):
        skel = skeletons[i % len(skeletons)]
        out = []
        for line in skel:
            if len(line) > 80 and rng.random() < 0.6:
                out.append(rng.choice(bodies))      # swap a body paragraph for another seed's
            else:
                out.append(line)
        yield f"report-{i:05d}.txt", "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in make(args.n, args.seed):
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {args.n} reports to {out}")


if __name__ == "__main__":
    main()
