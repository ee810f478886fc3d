"""The closed set of check types. Each is one module exposing:

- ``SPEC``: its :class:`lawlint.checks.spec.CheckSpec` — parameters (schema, default, regex,
  ``{year}``), placeholders, phase; the loader validates, fills in and compiles from it;
- ``check(ctx, rule, p)``: a generator of Diagnostics for one Document (``ctx.doc``), ``p`` the
  rule's parameters bound for the report year.

A new check type is one module plus one line in ``REGISTRY``; a large one may be a package of its
own, named here by its full module path (``numbering`` is :mod:`lawlint.numbering.check`, beside the
heading-number grammar the parser reads). Modules are imported on first use.
"""
from __future__ import annotations

REGISTRY = {
    "section": "section",
    "order": "order",
    "numbering": "lawlint.numbering.check",
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
    "law_status": "law_status",
    "confusion": "confusion",
    "date_form": "date_form",
    "reuse": "reuse",
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
        module = REGISTRY[name]
        full = module if "." in module else f"{__name__}.{module}"
        _loaded[name] = __import__(full, fromlist=["SPEC"])     # the module (no importlib to import)
    return _loaded[name]
