"""The words lawlint's parts share, defined once: severities, categories, the nine part ids.

Ground level: imports only the resource readers, and reads ``rules/profile.yaml`` (display names,
budgets, grade bands) on first use.
"""
from __future__ import annotations

from functools import lru_cache

SEVERITIES = ("error", "warning", "info")                       # worst first
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}   # as shown to users
SEVERITY_SCHEMA = {"enum": list(SEVERITIES)}
FAIL_ON = (*SEVERITIES, "never")

CATEGORIES = ("structure", "content", "language", "format")    # the scoring profile's budgets

SECTION_IDS = ("measures", "leadership", "decision", "enforcement", "disputes", "supervision",
               "shortcomings", "causes", "plans")              # design.md §3, in display order


@lru_cache(maxsize=1)
def profile() -> dict:
    """The scoring profile, ``rules/profile.yaml``: budgets, grades, the parts' display names."""
    from .rulepack.resources import load_builtin_yaml, rules_file
    return load_builtin_yaml(rules_file("profile.yaml"))


def section_names() -> dict:
    """Display names of the parts (``rules/profile.yaml``, ``sections``)."""
    return profile()["sections"]
