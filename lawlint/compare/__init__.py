"""Year-over-year comparison of two reports by the same issuer (``lawlint compare``).

Reviewers ask three things of this year's report against last year's (domain notes D10, D11):
how much of it is last year's text again; whether last year's plans were followed up; and which
of last year's shortcomings are written down again. Each answer is computed here from the loaded
texts and lawlint's own section verdicts (so year detection and section boundaries are the ones
``lawlint check`` shows); the reporters in ``lawlint/reporters/compare_*.py`` only format them.
Thresholds and word lists are data: ``rules/data/compare.yaml``.

The package: ``model`` (the result objects and the settings), ``load`` (a report loaded and
checked once, pairing of two folders), ``comparison`` (the three answers for one pair), and one
module per answer: ``repeated`` (text again), ``followup`` (plans followed up, shortcomings
again), over ``sections`` (where the parts are) and ``words``.
"""
from .comparison import compare
from .load import Report, compare_files, compare_paths, load_report, pair_reports
from .model import Comparison, CompareRun, Passage, PlanItem, Recurrence, settings

__all__ = ["compare", "compare_files", "compare_paths", "load_report", "pair_reports", "Report",
           "Comparison", "CompareRun", "Passage", "PlanItem", "Recurrence", "settings"]
