"""A progress bar for a batch, on the terminal only: rich's bar on stderr while results arrive
(lines a report prints to stdout meanwhile appear above it), gone when the batch ends. None when
stderr is not a terminal (CI logs, pipes), with ``-q``, or for a single report."""
from __future__ import annotations

import os
import sys


def wanted(count: int, quiet: bool) -> bool:
    return count > 1 and not quiet and sys.stderr.isatty() and not os.environ.get("LAWLINT_NO_PROGRESS")


def with_progress(results, total: int):
    """Yield ``results`` unchanged, advancing the bar by one for each."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=sys.stderr)
    columns = (TextColumn("检查报告"), BarColumn(), MofNCompleteColumn(), TextColumn("剩余"),
               TimeRemainingColumn(), TextColumn("{task.fields[name]}"))
    # stdout on the same terminal goes above the bar; stdout to a file or pipe is left alone
    with Progress(*columns, console=console, transient=True, redirect_stdout=sys.stdout.isatty()) as bar:
        task = bar.add_task("", total=total, name="")
        for r in results:
            bar.update(task, advance=1, name=os.path.basename(str(r.path)))
            yield r
