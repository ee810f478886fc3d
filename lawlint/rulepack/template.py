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

ANY_YEAR = r"(?:19|20)\d{2}"


def expand_year(pattern: str, year: int | None) -> str:
    """Fill ``{year}``, ``{next_year}`` and ``{prev_year}`` in a rule pattern."""
    if "{" not in pattern or not ("{year}" in pattern or "{next_year}" in pattern or "{prev_year}" in pattern):
        return pattern                  # (a quantifier {4}: no regex substitution scanning it)
    # each field is replaced in turn (what one \{(year|next_year|prev_year)\} substitution does:
    # the fields cannot overlap and no value holds a field), without a regex to compile a start
    return pattern.replace("{year}", str(year) if year else ANY_YEAR).replace(
        "{next_year}", str(year + 1) if year else ANY_YEAR).replace(
        "{prev_year}", str(year - 1) if year else ANY_YEAR)


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def fill(template: str, **fields) -> str:
    """A message template with its {fields} filled; unknown fields are left as written."""
    return fill_map(template, fields)


def fill_map(template: str, fields: dict) -> str:
    """:func:`fill` of a dict of fields (not changed). When the template names only fields that
    ``fields`` has (nearly always: the loader checks a message's fields), ``format_map`` reads the
    dict as it is; a KeyError (a field it lacks) fills again leaving unknown fields as written."""
    if "{" not in template and "}" not in template:     # most suggestions name no field
        return template
    try:
        return template.format_map(fields)
    except KeyError:
        return template.format_map(_Keep(fields))


_FIELD = r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})"     # (compiled when first used: re's cache)


def fields_of(template: str) -> set[str]:
    """The {placeholders} a message template names."""
    return set(re.findall(_FIELD, template or ""))


def expand_shared(pattern: str, shared: dict) -> str:
    """``pattern`` with each ``{name}`` of a shared pattern put in as ``(?:…)``; other fields
    (``{year}``…) and regex braces (``{2}``) are left as written."""
    if "{" not in pattern:
        return pattern
    # what re.sub(_FIELD, …) puts in, found with str.find (rules are bound once a process: the
    # regex would be compiled for this alone)
    out, at, i = [], 0, pattern.find("{")
    while i != -1:
        j = pattern.find("}", i + 1)
        if j == -1:
            break
        name = pattern[i + 1:j]
        if name in shared and _is_field(name) and (i == 0 or pattern[i - 1] != "{") \
                and not pattern.startswith("}", j + 1):
            out += (pattern[at:i], "(?:", shared[name], ")")
            at = j + 1
            i = pattern.find("{", at)
        else:
            i = pattern.find("{", i + 1)
    out.append(pattern[at:])
    return "".join(out)


def _is_field(name: str) -> bool:
    """Does ``name`` read as [A-Za-z_][A-Za-z0-9_]* (what _FIELD takes for a field's name)?"""
    return name.isascii() and name.replace("_", "a").isalnum() and not name[0].isdigit()
