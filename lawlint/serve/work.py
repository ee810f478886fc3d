"""What the worker processes run: one report checked and its outputs written into its job's
private folder, or two years' reports compared. Everything is the command line's own code: the
HTML page of ``reporters.html``, the overview row of ``reporters.html_index``, the CSV row of
``reporters.csv_format``, the annotated copy of ``reporters.docx``, the fixes of ``lawlint.fix.apply``
written as tracked changes by ``lawlint.fix.tracked``.

A worker works inside the job's ``in`` folder, so every path a page or message shows is the name
the user uploaded, never the server's temporary folder. Arguments and results are plain data
(a process pool sends them between processes).
"""
from __future__ import annotations

import os
from ..plain import replace
from pathlib import Path

SEVERITIES = ("error", "warning", "info")


def warm(config) -> None:
    """Load the rules (and the checking code) in a new worker."""
    from ..api import ruleset_for
    ruleset_for(config)


def check_file(task: dict) -> dict:
    """Check ``task["name"]`` (a path under ``folder/in``); write its page (and, when asked, its
    annotated copy, fixed copy and fixed text) under ``folder/out``; return what the server shows."""
    from .. import reporters
    from .._version import __version__
    from ..api import lint_source, ruleset_for
    from ..errors import LawlintError
    from ..reporters.fingerprint import of
    from ..loaders import load_path
    from ..reporters.csv_format import file_block
    from ..reporters.html import page
    from ..reporters.html_index import row
    from ..result import FileResult

    folder, name, config = Path(task["folder"]), task["name"], task["config"]
    os.chdir(folder / "in")
    out = folder / "out"
    source = None
    try:
        source = load_path(name, encoding=config.encoding, limits=config.limits)
        r = lint_source(source, config)
        if r.report_year is None and task.get("year"):      # the text does not say its year
            config = replace(config, year=task["year"])
            r = lint_source(source, config)
    except LawlintError as e:
        source, r = None, FileResult(path=name, error=str(e))
    run = reporters.Run(ruleset=ruleset_for(config), version=__version__)
    (out / task["page"]).write_text(page(r, run, back=task.get("back")), encoding="utf-8")
    item = {"index": task["index"], "name": name, "page": task["page"], "error": r.error,
            "row": row(r, task["page"]), "csv": file_block(r, run, task["index"]), "files": {}}
    if r.error is None:
        item.update(score=r.score, grade=r.grade, grade_cap=r.grade_cap, year=r.report_year,
                    counts={s: r.count(s) for s in SEVERITIES},
                    findings=[(fp, d.rule, d.severity, d.line, d.message)
                              for fp, d in zip(of(r), r.diagnostics)])
        item["files"].update(_copies(task, r, source, config, out))
    return item


def _copies(task, r, source, config, out) -> dict:
    """The annotated copy (always) and, for a drafter, the fixed copy and fixed text: file
    name → what it is. A copy that cannot be made is reported in place of the file."""
    from ..errors import LawlintError
    from ..reporters.docx import annotate
    stem = Path(task["page"]).stem
    files = {}
    data = Path(task["name"]).read_bytes() if source.kind == "docx" else None
    try:
        blob, _ = annotate(r, source, data)
        (out / f"{stem}-批注.docx").write_bytes(blob)
        files[f"{stem}-批注.docx"] = "annotated"
        if task.get("fixes"):
            files.update(_fixed(stem, source, data, config, out))
    except LawlintError as e:
        files["problem"] = str(e)
    return files


def _fixed(stem, source, data, config, out) -> dict:
    """The safe fixes as tracked changes in a .docx (a text report is first made a plain .docx
    by the annotated copy's own writer) and the fixed text."""
    from ..fix.apply import fix_source, net_edits
    from ..reporters.docx import _plain_docx
    from ..fix.tracked import write_tracked
    if data is None:
        data, source = _plain_docx(source)
    outcome = fix_source(source, config, editable=source.editable)
    blob = write_tracked(data, source, net_edits(outcome), outcome.fixed) if outcome.changed else data
    (out / f"{stem}-修订.docx").write_bytes(blob)
    newline = "\r\n" if source.newline == "\r\n" else "\n"
    (out / f"{stem}-修正.txt").write_bytes(outcome.fixed.replace("\n", newline).encode("utf-8"))
    return {f"{stem}-修订.docx": "fixed", f"{stem}-修正.txt": "text",
            "fix_count": sum(outcome.counts.values())}


def compare_pair(task: dict) -> dict:
    """Last year's report against this year's, or two folders of a unit's reports paired by
    issuer (``compare_paths``), as the compare command's HTML page."""
    from .._version import __version__
    from ..compare import compare_paths
    from ..errors import LawlintError
    from ..reporters.compare_html import render
    folder, config = Path(task["folder"]), task["config"]
    os.chdir(folder / "in")
    try:
        run = compare_paths(task["last"], task["this"], lambda path: config)
    except LawlintError as e:
        return {"error": str(e)}
    (folder / "out" / "compare.html").write_text(render(run, __version__), encoding="utf-8")
    return {"error": None, "page": "compare.html"}


def finish_batch(folder: str, items: list, config) -> dict:
    """A batch's overview page, CSV and .zip of annotated copies, from the items in order."""
    import zipfile

    from .. import reporters
    from .._version import __version__
    from ..api import ruleset_for
    from ..reporters.csv_format import begin
    from ..reporters.html_index import index
    out = Path(folder) / "out"
    run = reporters.Run(ruleset=ruleset_for(config), version=__version__)
    (out / "index.html").write_text(index([i["row"] for i in items], run), encoding="utf-8")
    (out / "报告检查结果.csv").write_text(begin(run) + "".join(i["csv"] for i in items),
                                       encoding="utf-8", newline="")
    copies = [name for i in items for name, what in i["files"].items() if what == "annotated"]
    with zipfile.ZipFile(out / "批注版报告.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name in copies:
            z.write(out / name, name)
    return {"index.html": "overview", "报告检查结果.csv": "csv", "批注版报告.zip": "zip"}
