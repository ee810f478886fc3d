"""Templating, at the ground of the package (imports nothing of lawlint's own).

Two kinds of template appear in rules:

- **patterns** may use ``{year}``, ``{next_year}`` and ``{prev_year}``, filled from the report year
  (any year when it is unknown) by :func:`expand_year` (:mod:`lawlint.checks.spec` binds a rule's
  patterns once per report year);
- **messages and suggestions** name ``{fields}`` that a check fills with :func:`fill`;
- a pattern may name a **shared pattern** (``{plans_cue}``, ``rules/data/patterns.yaml``), put in
  by :func:`expand_shared` as a non-capturing group: one cue written once for every rule using it.
"""
from __future__ import annotations

import re

_YEAR_FIELD = re.compile(r"\{(year|next_year|prev_year)\}")
ANY_YEAR = r"(?:19|20)\d{2}"


def expand_year(pattern: str, year: int | None) -> str:
    """Fill ``{year}``, ``{next_year}`` and ``{prev_year}`` in a rule pattern."""
    if "{" not in pattern or not ("{year}" in pattern or "{next_year}" in pattern or "{prev_year}" in pattern):
        return pattern                  # (a quantifier {4}: no regex substitution scanning it)
    values = {"year": str(year) if year else ANY_YEAR,
              "next_year": str(year + 1) if year else ANY_YEAR,
              "prev_year": str(year - 1) if year else ANY_YEAR}
    return _YEAR_FIELD.sub(lambda m: values[m.group(1)], pattern)


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def fill(template: str, **fields) -> str:
    """A message template with its {fields} filled; unknown fields are left as written."""
    if "{" not in template and "}" not in template:     # most suggestions name no field
        return template
    return template.format_map(_Keep(fields))


_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")


def fields_of(template: str) -> set[str]:
    """The {placeholders} a message template names."""
    return set(_FIELD.findall(template or ""))


def expand_shared(pattern: str, shared: dict) -> str:
    """``pattern`` with each ``{name}`` of a shared pattern put in as ``(?:…)``; other fields
    (``{year}``…) and regex braces (``{2}``) are left as written."""
    if "{" not in pattern:
        return pattern
    return _FIELD.sub(lambda m: f"(?:{shared[m.group(1)]})" if m.group(1) in shared else m.group(0),
                      pattern)
