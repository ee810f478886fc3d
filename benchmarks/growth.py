#!/usr/bin/env python3
"""Print how lawlint's cost grows with the input on hostile shapes (issue 14).

    python benchmarks/growth.py [--base 10000] [--runs 3] [--only spaced,digits]

For each shape: the warm time of ``lint_text`` (web pages: the loader, then the lint) at 1×, 2×, 4×
and 8× the base length, the ratio 8×/1× (linear is 8; the target is at most 12× for 10× text,
i.e. about 9.6 at 8×), and the time of one 20,000-character input (target under 2 s). Medians of
--runs runs. The machine may be shared: compare the ratios, not the seconds.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# One long line (or many short lines) of each shape that once took super-linear time.
SHAPES = {
    "spaced": lambda n: ("法 治 " * n)[:n],
    "mixed_punct": lambda n: ("法治,政府.建设;(一)\"年度\"报告:" * n)[:n],
    "open_paren": lambda n: "（" * n,
    "book_marks": lambda n: "《" * n,
    "digits": lambda n: "1" * n,
    "dots": lambda n: "." * n,
    "year_range": lambda n: ("2021-2025" * n)[:n],
    "heading_levels": lambda n: "\n".join(["一、总体情况", "（一）加强领导", "1.完善制度", "（1）健全机制"] * (n // 28 + 1)),
    "cn_paren_cycle": lambda n: "\n".join(f"（{c}）工作" for c in "一二三四五六七八九十" * (n // 60 + 1)),
    "repeated_word": lambda n: "材料" * (n // 2),
}
_ARTICLE = "<p>关于2021年度法治政府建设情况的报告</p>" + "<p>全年办理行政复议案件93件，审结80件。</p>" * 20
PAGES = {   # n is the number of tags
    "html_nested_div": lambda n: "<html><body>" + "<div>" * n + _ARTICLE + "</div>" * n + "</body></html>",
    "html_unclosed_div_p": lambda n: "<html><body>" + "<div><p>" * (n // 2) + _ARTICLE + "</body></html>",
}


def cost(name, n):
    from lawlint.api import lint_source, lint_text
    from lawlint.loaders import load_bytes
    t = time.perf_counter()
    if name in PAGES:
        lint_source(load_bytes(PAGES[name](n).encode(), path="page.html", kind="html"))
    else:
        lint_text(SHAPES[name](n))
    return time.perf_counter() - t


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--base", type=int, default=10_000, help="1× length (characters; tags for web pages)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated shape names")
    args = ap.parse_args(argv)
    from lawlint.api import lint_text
    lint_text("关于2021年度法治政府建设情况的报告\n认真审核申报材料材料。")     # warm: rules, segmenter
    names = [s for s in args.only.split(",") if s] or [*SHAPES, *PAGES]
    print(f"{'shape':<22}" + "".join(f"{f'{k}×':>9}" for k in (1, 2, 4, 8)) + f"{'8×/1×':>8}{'20k':>8}")
    for name in names:
        row = [statistics.median(cost(name, args.base * k) for _ in range(args.runs)) for k in (1, 2, 4, 8)]
        at_20k = statistics.median(cost(name, 20_000) for _ in range(args.runs))
        print(f"{name:<22}" + "".join(f"{t:>8.3f}s" for t in row) + f"{row[3] / row[0]:>8.1f}{at_20k:>7.2f}s",
              flush=True)


if __name__ == "__main__":
    main()
