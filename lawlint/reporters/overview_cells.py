"""Cells of the batch CSV and the HTML overview read from a report's findings: 公开及时性 and
与上年重复.

公开及时性 is read from what the publication-deadline rule (``residue.late``) found: 「逾期N天」 when it reported
the report late (N as its message says), 「按时」 when it ran and the report carries a publication,
written or file date that it did not report, and 「—」 when it did not run or had no page date to
go on (a signature date alone is not shown as on time: the overview cannot tell it was read).

与上年重复 is the share of last year's text the reuse rule (``reuse.previous_year``, run with
``--previous``) stated: 「23%」, or 「—」 when the report was not compared.
"""
from __future__ import annotations

import re

_LATE, _REUSE = "residue.late", "reuse.previous_year"
_DAYS = re.compile(r"(\d+)\s*天")
_SHARE = re.compile(r"\d+%")
_DATES = ("date_published", "date_written", "date_created")


def reused(r) -> str:
    found = next((d for d in r.diagnostics if d.rule == _REUSE), None) if r.error is None else None
    m = _SHARE.search(found.message) if found is not None else None
    return m.group(0) if m else "—"


def timeliness(r) -> str:
    if r.error is not None or _LATE not in r.rules_run:
        return "—"
    late = next((d for d in r.diagnostics if d.rule == _LATE), None)
    if late is not None:
        m = _DAYS.search(late.message)
        return f"逾期{m.group(1)}天" if m else "逾期"
    return "按时" if any(r.meta.get(k) for k in _DATES) else "—"
