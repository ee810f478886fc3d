"""A check type's contract, declared once: what :mod:`lawlint.rulepack.ruleset` validates, fills in, compiles
and hands to the check, and what ``docs/checks.md`` shows.

A check module defines ``SPEC = CheckSpec(params, fields=…, phase=…)``. Each :class:`Param` states

- its JSON Schema (validated at load, shipped in ``rules/rule.schema.json``);
- its default, required by construction: a value, :data:`REQUIRED` (a rule must give it) or
  ``None`` (may be left out; the check reads ``None``);
- whether it is a regex (a string or a list of strings, bound once when the rule is loaded, as
  :class:`lawlint.rulepack.regexcache.LazyPattern` s: compiled on first use, skipped where the text lacks
  a literal the pattern needs; ``prefilter=False`` for a pattern run on many short pieces, where
  that check costs more than it saves: compiled at load, run as is) and whether it may use
  ``{year}``, ``{next_year}`` and ``{prev_year}`` (then bound once per report year); named groups
  it must have (``groups``). Any regex parameter may name a shared pattern (``{plans_cue}``,
  ``rules/data/patterns.yaml``), put in before the year is filled.

A :class:`Table` is a parameter holding a list of entries, each with declared fields of its own.

The loader binds a rule's parameters to a frozen namespace (``__slots__``: one attribute per
parameter, the default where the rule gives none) and the engine calls ``check(ctx, rule, p)``.
Values the check derives from its parameters once (a character class built from a table) are
``derived``: computed when the namespace is made, read as attributes like the parameters.
"""
from __future__ import annotations

import re

from ..rulepack import regexcache
from ..rulepack.regexcache import LazyPattern
from ..rulepack.template import expand_shared, expand_year, fields_of
from .record import Record, record


class _Required:
    def __repr__(self):
        return "REQUIRED"


REQUIRED = _Required()
YEAR_FIELDS = {"year", "next_year", "prev_year"}     # what a pattern of a ``year`` parameter may use


class Param:
    """One rule parameter: its schema, its default, and how the loader turns it into a value."""

    __slots__ = ("schema", "default", "description", "regex", "year", "groups", "prefilter")

    def __init__(self, schema: dict, default, description: str = "", *, regex: bool = False,
                 year: bool = False, groups: tuple = (), prefilter: bool = True):
        if (year or groups or not prefilter) and not regex:
            raise TypeError("year, groups and prefilter apply to regex parameters")
        self.schema, self.default, self.description = schema, default, description
        self.regex, self.year, self.groups, self.prefilter = regex, year, tuple(groups), prefilter

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def json(self) -> dict:
        """The JSON Schema of the parameter, its description and real default included."""
        out = dict(self.schema)
        if self.description:
            out["description"] = self.description
        if self.default is not REQUIRED and self.default is not None:
            out["default"] = _fresh(self.default)
        return out

    def bind(self, name: str, raw: dict, year, where: str = ""):
        """The value a check reads: the rule's or the default, regexes compiled."""
        value = raw[name] if name in raw else _fresh(self.default)
        if value is None or not self.regex:
            return value
        if isinstance(value, str):
            return self._pattern(where or name, value, year)
        return [self._pattern(where or name, v, year) for v in value]

    def _pattern(self, name, pattern, year):
        text = _shared(pattern)
        text = expand_year(text, year) if self.year else text
        rx = LazyPattern(text) if self.prefilter else regexcache.compile(text)
        if self.groups:
            missing = [g for g in self.groups if g not in rx.groupindex]
            if missing:
                raise ValueError(f"{name} 的正则 {pattern!r} 须含命名分组 {'、'.join(self.groups)}")
        return rx

    def templated(self, name, raw_value):
        """(where, pattern) of each pattern that names a year placeholder it may not use."""
        if not self.regex or self.year or raw_value is None:
            return
        for p in [raw_value] if isinstance(raw_value, str) else raw_value:
            if fields_of(_shared(p)) & YEAR_FIELDS:
                yield name, p


class Table(Param):
    """A list of entries, each a mapping of declared fields (themselves :class:`Param` s); the check
    reads a tuple of frozen entries."""

    __slots__ = ("fields", "entry")

    def __init__(self, fields: dict, default, description: str = "", *, min_items: int | None = None,
                 item_description: str = ""):
        items = {"type": "object", "additionalProperties": False,
                 "required": [k for k, f in fields.items() if f.required],
                 "properties": {k: f.json() for k, f in fields.items()}}
        if item_description:
            items["description"] = item_description
        schema = {"type": "array", "items": items}
        if min_items is not None:
            schema["minItems"] = min_items
        super().__init__(schema, default, description)
        self.fields = fields
        self.regex = any(f.regex for f in fields.values())
        self.year = any(f.year for f in fields.values())
        self.entry = record("Entry", fields)

    def bind(self, name, raw, year, where: str = ""):
        value = raw[name] if name in raw else _fresh(self.default)
        if value is None:
            return None
        plain, rich = _split(self.fields)
        out = []
        for i, item in enumerate(value):
            values = {k: item[k] if k in item else (d if fixed else _fresh(d)) for k, d, fixed in plain}
            for k, f in rich:
                values[k] = f.bind(k, item, year, f"{name}[{i}].{k}")
            out.append(self.entry(**values))
        return tuple(out)

    def templated(self, name, raw_value):
        for i, item in enumerate(raw_value or ()):
            for k, f in self.fields.items():
                if k in item:
                    yield from f.templated(f"{name}[{i}].{k}", item[k])


class Group(Param):
    """A mapping with declared fields (themselves :class:`Param` s); the check reads a frozen
    namespace of them, or None when the rule leaves the parameter out and its default is None."""

    __slots__ = ("fields", "entry")

    def __init__(self, fields: dict, default, description: str = ""):
        schema = {"type": "object", "additionalProperties": False,
                  "required": [k for k, f in fields.items() if f.required],
                  "properties": {k: f.json() for k, f in fields.items()}}
        super().__init__(schema, default, description)
        self.fields = fields
        self.regex = any(f.regex for f in fields.values())
        self.year = any(f.year for f in fields.values())
        self.entry = record("Group", fields)

    def bind(self, name, raw, year, where: str = ""):
        value = raw[name] if name in raw else _fresh(self.default)
        if value is None:
            return None
        return self.entry(**{k: f.bind(k, value, year, f"{name}.{k}") for k, f in self.fields.items()})

    def templated(self, name, raw_value):
        for k, f in self.fields.items():
            if raw_value and k in raw_value:
                yield from f.templated(f"{name}.{k}", raw_value[k])


class CheckSpec:
    """A check type's parameters, the {placeholders} its messages may use, and its phase (``post``:
    runs after suppressions, on the final findings)."""

    def __init__(self, params: dict, *, fields: tuple = (), phase: str = "", derived: dict | None = None,
                 requires_any: tuple = ()):
        self.params = params
        self.fields = tuple(fields)
        self.phase = phase
        self.derived = derived or {}          # name -> fn(dict of bound parameters) -> value
        self.requires_any = tuple(requires_any)
        self.namespace = record("Params", [*params, *self.derived])
        self._year_keys = [k for k, p in params.items() if p.year]

    @property
    def properties(self) -> dict:
        return {k: p.json() for k, p in self.params.items()}

    @property
    def required(self) -> tuple:
        return tuple(k for k, p in self.params.items() if p.required)

    def check_raw(self, raw: dict) -> None:
        """Load-time checks the schema cannot state (a ValueError in Chinese)."""
        if self.requires_any and not any(_given(raw.get(k)) for k in self.requires_any):
            raise ValueError("须写明 " + "、".join(self.requires_any) + " 之一")
        for name, param in self.params.items():
            if name in raw:
                for where, pattern in param.templated(name, raw[name]):
                    bad = sorted(fields_of(_shared(pattern)) & YEAR_FIELDS)
                    raise ValueError(f"{where}: 正则 {pattern!r} 不能使用占位符 {{{bad[0]}}}"
                                     "（只有声明按报告年度填写的参数可以）")

    def binder(self, raw: dict):
        """``year -> namespace`` for one rule: parameters without ``{year}`` bound once, the others
        once per report year."""
        plain, rich = _split(self.params)
        fixed = {k: raw[k] if k in raw else (d if same else _fresh(d)) for k, d, same in plain}
        for k, p in rich:
            if not p.year:
                fixed[k] = p.bind(k, raw, None)
        if not self._year_keys:
            ns = self._make(fixed)
            return lambda year: ns
        memo: dict = {}
        keys = self._year_keys

        def at(year):
            ns = memo.get(year)
            if ns is None:
                ns = memo[year] = self._make({**fixed, **{k: self.params[k].bind(k, raw, year) for k in keys}})
            return ns

        return at

    def _make(self, values: dict):
        for name, fn in self.derived.items():
            values[name] = fn(values)
        return self.namespace(**values)


_SPLIT: dict = {}


def _split(params: dict) -> tuple:
    """``params`` as (plain, rich): ``(name, default, default is immutable)`` of each parameter whose
    value is the rule's or the default as it is (what :meth:`Param.bind` gives for one that is not
    a regex), and ``(name, param)`` of the others (regexes, tables, groups), bound by their own
    ``bind``. Binding ≈100 rules' ≈1,700 parameters with a call each cost a start ≈5 M."""
    got = _SPLIT.get(id(params))
    if got is None or got[0] is not params:
        plain = tuple((k, p.default, _immutable(p.default))
                      for k, p in params.items() if type(p) is Param and not p.regex)
        rich = tuple((k, p) for k, p in params.items() if not (type(p) is Param and not p.regex))
        got = _SPLIT[id(params)] = (params, plain, rich)
    return got[1], got[2]


def _immutable(value) -> bool:
    """None, a string, a number or a bool: shared as it is."""
    return value is None or type(value) in (str, int, float, bool)


def _fresh(default):
    """A default a rule may change without changing the next rule's: the value itself when it
    cannot change (most defaults), else a deep copy (copy is imported only then)."""
    if _immutable(default):
        return default
    if type(default) in (list, tuple) and all(map(_immutable, default)):
        return type(default)(default)          # a new list of the same values (tuple: itself)
    if type(default) is dict and not default:
        return {}
    import copy
    return copy.deepcopy(default)


def _shared(pattern: str) -> str:
    """The pattern with the shared patterns it names put in (``{plans_cue}``)."""
    if "{" not in pattern:
        return pattern
    from ..rulepack.resources import shared_patterns
    shared = shared_patterns()
    if not any("{" + name + "}" in pattern for name in shared):     # (a quantifier: the regex
        return pattern                            # substitution would scan the whole pattern)
    return expand_shared(pattern, shared)


def _given(value) -> bool:
    """Is a parameter set to something (0 is; None, false and empty lists are not)?"""
    if value is None or value is False:
        return False
    return not (isinstance(value, (list, dict, str)) and not value)


def patterns(value):
    """Every pattern inside a bound value (a namespace, its entries, lists, dicts)."""
    if isinstance(value, (LazyPattern, re.Pattern)):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from patterns(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from patterns(v)
    elif isinstance(value, Record):
        for name in value._record_fields:
            yield from patterns(getattr(value, name))
