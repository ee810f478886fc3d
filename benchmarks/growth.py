#!/usr/bin/env python3
"""Print how lawlint's cost grows with the input on hostile shapes (issues 14, 23).

    python benchmarks/growth.py [--base 10000] [--runs 3] [--only spaced,digits] [--no-growth] [--no-limit]

For each shape: the warm time of ``lint_text`` (web pages: the loader, then the lint) at 1×, 2×, 4×
and 8× the base length, the ratio 8×/1× (linear is 8; the target is at most 12× for 10× text,
i.e. about 9.6 at 8×), and the time of one 20,000-character input (target under 2 s). Medians of
--runs runs. The machine may be shared: compare the ratios, not the seconds.

Then, for each shape at the ``max_chars`` limit (1,000,000 characters; web pages of about that
many characters of markup; a .docx with 10,000 numbering definitions): the CPU seconds (user +
system) and peak resident memory of one fresh ``lawlint check --format json FILE`` process with a
warm rule cache, and how many findings it printed (target: each within 10 s and 300 MB).
"""
import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
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

LIMIT = 1_000_000           # the default max_chars
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def limit_text(name, n=LIMIT) -> str:
    """A shape cut to exactly n characters (some builders overshoot)."""
    return SHAPES[name](n)[:n]


def limit_page(name, n=LIMIT) -> str:
    """A web page of about n characters of markup: n // 4 tags ``<div><p>`` never closed, or n // 11
    ``<div>`` closed by as many ``</div>``."""
    return PAGES[name](n // 4 if "unclosed" in name else n // 11)


def docx_bytes(body: str, numbering: str | None = None, styles: str = "") -> bytes:
    """A real python-docx package with its document body (and numbering, extra styles) replaced."""
    import docx
    buf = io.BytesIO()
    docx.Document().save(buf)
    src, out = zipfile.ZipFile(buf), io.BytesIO()
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = f"{head}<w:document {_W}><w:body>{body}</w:body></w:document>".encode()
            elif info.filename == "word/numbering.xml" and numbering is not None:
                data = f"{head}<w:numbering {_W}>{numbering}</w:numbering>".encode()
            elif info.filename == "word/styles.xml" and styles:
                data = data.replace(b"</w:styles>", styles.encode() + b"</w:styles>")
            z.writestr(info.filename, data)
    return out.getvalue()


def numbered_docx(lists=10_000) -> bytes:
    """A .docx whose numbering.xml defines ``lists`` lists, and one paragraph numbered by each."""
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
                     for i, (f, t) in enumerate([("chineseCounting", "%1、"), ("chineseCounting", "（%2）"),
                                                 ("decimal", "%3."), ("decimal", "（%4）")]))
    numbering = "".join(f'<w:abstractNum w:abstractNumId="{i}">{levels}</w:abstractNum>' for i in range(1, lists + 1))
    numbering += "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="{i}"/></w:num>' for i in range(1, lists + 1))
    paras = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{i % 4}"/><w:numId w:val="{i}"/></w:numPr></w:pPr>'
                    f'<w:r><w:t>全年办理行政复议案件{i}件</w:t></w:r></w:p>' for i in range(1, lists + 1))
    title = "<w:p><w:r><w:t>关于2021年度法治政府建设情况的报告</w:t></w:r></w:p>"
    return docx_bytes(title + paras, numbering)


def limit_files():
    """name -> (file name, bytes) of every shape at the limit."""
    files = {name: (f"{name}.txt", lambda name=name: limit_text(name).encode()) for name in SHAPES}
    files.update({name: (f"{name}.html", lambda name=name: limit_page(name).encode()) for name in PAGES})
    files["docx_10k_lists"] = ("docx_10k_lists.docx", numbered_docx)
    return files


def run_check(path, env):
    """CPU seconds, peak RSS (MB), exit code and finding count of one fresh `lawlint check` process."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, "-m", "lawlint", "check", "--format", "json", str(path)],
                                stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        found, tail = 0, b""            # counted in chunks: the parent must stay small, as a child
        for chunk in iter(lambda: out.read(1 << 20), b""):    # forked from it starts with its memory
            found += (tail + chunk).count(b'{"rule": ')
            tail = chunk[-8:]
        found = found if tail.endswith(b"}\n") else None
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024, proc.returncode, found


def write_limit_files(folder, names):
    for name, (file, build) in limit_files().items():
        if not names or name in names:
            (Path(folder) / file).write_bytes(build())


def limit_table(names):
    """Run before anything big is built in this process: a child started with vfork/posix_spawn
    starts with its parent's peak RSS as its own, so the inputs are written by another process."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        env.setdefault("LAWLINT_CACHE_DIR", str(Path(tmp) / "cache"))
        warm = Path(tmp) / "warm.txt"
        warm.write_text("关于2021年度法治政府建设情况的报告\n认真审核申报材料。\n", encoding="utf-8")
        run_check(warm, env)                                       # fills the rule cache
        subprocess.run([sys.executable, __file__, "--write-limit-files", tmp, "--only", ",".join(names)], check=True)
        print(f"{'at the limit':<22}{'chars':>10}{'CPU':>9}{'peak':>9}{'exit':>6}{'findings':>10}")
        for name, (file, _) in limit_files().items():
            path = Path(tmp) / file
            if not path.exists():
                continue
            if path.suffix == ".docx":
                size = f"{path.stat().st_size // 1024:,} KB"
            else:       # all shapes are ASCII or 3-byte UTF-8, so no character is split between chunks
                with open(path, "rb") as fh:
                    size = f"{sum(len(c.decode('utf-8')) for c in iter(lambda: fh.read(3 << 20), b'')):,}"
            cpu, mb, code, found = run_check(path, env)
            flag = "" if cpu <= 10 and mb <= 300 else "  over"
            print(f"{name:<22}{size:>10}{cpu:>8.1f}s{mb:>6.0f} MB{code:>6}{found if found is not None else '-':>10}{flag}",
                  flush=True)
            path.unlink()
        print()


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
    ap.add_argument("--no-growth", action="store_true", help="only the table at the limit")
    ap.add_argument("--no-limit", action="store_true", help="only the growth table")
    ap.add_argument("--write-limit-files", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    only = [s for s in args.only.split(",") if s]
    if args.write_limit_files:
        return write_limit_files(args.write_limit_files, only)
    if not args.no_limit:
        limit_table(only)
    if not args.no_growth:
        growth_table(args, [n for n in only if n in SHAPES or n in PAGES] or ([] if only else [*SHAPES, *PAGES]))


def growth_table(args, names):
    from lawlint.api import lint_text
    lint_text("关于2021年度法治政府建设情况的报告\n认真审核申报材料材料。")     # warm: rules, segmenter
    print(f"{'shape':<22}" + "".join(f"{f'{k}×':>9}" for k in (1, 2, 4, 8)) + f"{'8×/1×':>8}{'20k':>8}")
    for name in names:
        row = [statistics.median(cost(name, args.base * k) for _ in range(args.runs)) for k in (1, 2, 4, 8)]
        at_20k = statistics.median(cost(name, 20_000) for _ in range(args.runs))
        print(f"{name:<22}" + "".join(f"{t:>8.3f}s" for t in row) + f"{row[3] / row[0]:>8.1f}{at_20k:>7.2f}s",
              flush=True)


if __name__ == "__main__":
    main()
