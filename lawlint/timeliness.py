"""公开及时性: one cell per report for the batch CSV and the HTML overview.

Read from what the publication-deadline rule (``residue.late``) found: 「逾期N天」 when it reported
the report late (N as its message says), 「按时」 when it ran and the report carries a publication,
written or file date that it did not report, and 「—」 when it did not run or had no page date to
go on (a signature date alone is not shown as on time: the overview cannot tell it was read).
"""
from __future__ import annotations

import re

RULE = "residue.late"
_DAYS = re.compile(r"(\d+)\s*天")
_DATES = ("date_published", "date_written", "date_created")


def cell(r) -> str:
    if r.error is not None or RULE not in r.rules_run:
        return "—"
    late = next((d for d in r.diagnostics if d.rule == RULE), None)
    if late is not None:
        m = _DAYS.search(late.message)
        return f"逾期{m.group(1)}天" if m else "逾期"
    return "按时" if any(r.meta.get(k) for k in _DATES) else "—"
