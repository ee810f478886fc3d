"""The closed set of check types. Each is one module exposing:

- ``SPEC``: its :class:`lawlint.checks.spec.CheckSpec` — parameters (schema, default, regex,
  ``{year}``), placeholders, phase; the loader validates, fills in and compiles from it;
- ``check(ctx, rule, p)``: a generator of Diagnostics for one Document (``ctx.doc``), ``p`` the
  rule's parameters bound for the report year.

A new check type is one module plus one line in ``REGISTRY``; a large one may keep its parts in
``<name>_*.py`` beside it (``numbering_tree``, ``numbering_tokens``). Modules are imported on first
use.
"""
from __future__ import annotations

import importlib

REGISTRY = {
    "section": "section",
    "order": "order",
    "numbering": "numbering",
    "substitution": "substitution",
    "plenum": "plenum",
    "citation": "citation",
    "title": "title",
    "existence": "existence",
    "deadline": "deadline",
    "metric": "metric",
    "ratio": "ratio",
    "punctuation": "punctuation",
    "pairs": "pairs",
    "enumeration": "enumeration",
    "consistency": "consistency",
    "repetition": "repetition",
    "suppression": "suppression",
    "truncation": "truncation",
    "announced": "announced",
    "total": "total",
    "future_date": "future_date",
    "answers": "answers",
}

_loaded = {}


def names():
    return REGISTRY.keys()


def contract(name):
    """The contract of check type ``name`` (its :class:`lawlint.checks.spec.CheckSpec`)."""
    return get(name).SPEC


def get(name):
    if name not in _loaded:
        if name not in REGISTRY:
            raise ValueError(f"未知的检查类型 {name!r}")
        _loaded[name] = importlib.import_module(f"{__name__}.{REGISTRY[name]}")
    return _loaded[name]
