"""Rule selectors, one definition for ``--select``/``--ignore``, configuration files and inline
suppression comments.

A selector names a rule exactly (``section.causes``), a group by its dotted prefix (``section``,
``term.old``) or the same group written with a wildcard (``section.*``); ``*`` names every rule.
"""
from __future__ import annotations


def _base(selector: str) -> str:
    s = selector.strip()
    if s == "*":
        return ""
    return s[:-2] if s.endswith(".*") else s


def matches(rule_id: str, selector: str) -> bool:
    """Does ``selector`` name ``rule_id``?"""
    base = _base(selector)
    return not base or rule_id == base or rule_id.startswith(base + ".")


def any_match(rule_id: str, selectors) -> bool:
    return any(matches(rule_id, s) for s in selectors)


def names_any(selector: str, rule_ids) -> bool:
    """Does ``selector`` name at least one of ``rule_ids``? (An unknown selector is a user error.)"""
    return any(matches(r, selector) for r in rule_ids)
