"""``--format csv``: one row per report, the batch overview's columns, for reviewers who work in
spreadsheets. UTF-8 with a byte-order mark, so Excel opens the Chinese correctly; written one
report at a time. A cell that a spreadsheet would run as a formula (a file name or title beginning
with ``=``, ``+``, ``-``, ``@``) is written with a leading ``'``."""
from __future__ import annotations

import csv
import io
import sys

from ..result import SECTION_IDS
from ..result import SEVERITY_NAMES as SEVERITY
from ..scoring import default_profile
from .overview_cells import reused, timeliness
from . import render_blocks
from ._safe import csv_cell


def _row(values) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow([csv_cell(v) for v in values])
    return buf.getvalue()


def header() -> list[str]:
    names = default_profile()["sections"]
    return (["文件", "报告主体", "报告年度", "标题", "得分", "等级"]
            + [names[sid] for sid in SECTION_IDS] + list(SEVERITY.values()) + ["公开及时性", "与上年重复", "无法检查的原因"])


def begin(run) -> str:
    return "\ufeff" + _row(header())


def file_block(r, run, index: int) -> str:
    blanks = [""] * (len(SECTION_IDS) + len(SEVERITY) + 2)
    if r.error is not None:
        return _row([r.path, "", "", "", "", ""] + blanks + [r.error])
    marks = default_profile()["status_marks"]
    parts = [marks[r.sections[sid].display if sid in r.sections else "absent"] for sid in SECTION_IDS]
    return _row([r.path, r.issuer or "", r.report_year or "", r.title or "", r.score, r.grade_label]
                + parts + [r.count(s) for s in SEVERITY] + [timeliness(r), reused(r), ""])


def end(totals, run) -> str:
    return ""


def render(results, run) -> str:
    return render_blocks(sys.modules[__name__], results, run)
