"""One pair of reports: the three answers and the notes that go with them."""
from __future__ import annotations

from ..rulepack.template import fill
from .followup import plans_follow_up, recurring_shortcomings
from .model import Comparison, Report, settings
from .repeated import repeated_text
from .sections import spans


def compare(last: Report, this: Report) -> Comparison:
    c = Comparison(last=last.source.path, this=this.source.path, last_year=last.result.report_year,
                   this_year=this.result.report_year, last_label=last.source.line_label,
                   this_label=this.source.line_label,
                   issuer=this.result.issuer or last.result.issuer)
    notes = settings()["notes"]
    if c.last_year and c.this_year and c.last_year >= c.this_year:
        c.notes.append(fill(notes["years_swapped"], last_year=c.last_year, this_year=c.this_year))
    c.repeated_share, c.passages, c.passages_total = repeated_text(last, this)
    last_short, last_plans = spans(last)
    this_short, this_plans = spans(this)
    c.sections = {"last_plans": bool(last_plans), "last_shortcomings": bool(last_short),
                  "this_plans": bool(this_plans), "this_shortcomings": bool(this_short)}
    if not last_plans:
        c.notes.append(notes["no_last_plans"])
    else:
        c.plans, c.plans_skipped = plans_follow_up(last, last_plans, this, this_plans + this_short)
    if not last_short:
        c.notes.append(notes["no_last_shortcomings"])
    if not this_short:
        c.notes.append(notes["no_this_shortcomings"])
    if last_short and this_short:
        c.recurring = recurring_shortcomings(last, last_short, this, this_short)
    return c
