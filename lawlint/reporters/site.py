"""Write a batch's HTML report as a folder: one page per report as results arrive (each
report's text is dropped once its page is written, so a batch of any size streams), then
``index.html``. The pages are rendered by ``reporters.html`` and ``reporters.html_index``."""
from __future__ import annotations

from pathlib import Path

from ..errors import LawlintError
from .html import page
from .html_index import index, row
from ._paths import output_folder, page_name


def write_site(results, run, outdir):
    """Write one page per result into ``outdir`` and ``index.html`` at the end; yield each result
    (without its text) once its page is written."""
    from ..fix.atomic import write_text_atomic
    out = Path(outdir)
    if out.suffix.lower() in (".html", ".htm"):
        raise LawlintError("检查多份报告时 --output 应是一个目录（将在其中生成 index.html 和每份报告的页面）", outdir)
    output_folder(out, "lawlint HTML 输出目录（lawlint 检查目录时会跳过这里）")
    rows, taken = [], set()
    try:
        for r in results:
            name = page_name(r.path, taken)
            _write(write_text_atomic, out / name, page(r, run, back="index.html"))
            r.text = None
            rows.append(row(r, name))
            yield r
    except KeyboardInterrupt:           # Ctrl-C: an overview of the pages written so far
        _write(write_text_atomic, out / "index.html", index(rows, run))
        import sys

        from ..errors import one_line
        print("lawlint: " + one_line(f"已中断：已写入 {len(rows)} 份报告的页面，总览页 {out / 'index.html'} "
                                     "只列出这些报告"), file=sys.stderr)
        raise
    _write(write_text_atomic, out / "index.html", index(rows, run))

def _write(writer, path, text):
    from . import clean
    try:
        writer(path, clean(text, "html"))
    except OSError as e:
        raise LawlintError(f"无法写入（{e.strerror or e}）", path) from None
