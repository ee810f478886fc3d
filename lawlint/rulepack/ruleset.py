"""Rules are data: YAML packs validated against a JSON Schema and compiled once.

A pack is a YAML file with a top-level ``rules:`` list. Built-in packs are the ``*.yaml`` files in
the top-level ``rules/`` folder (shipped inside the wheel); users add packs by path. Errors name
the file, the line and the field: ``rules/x.yaml:12: rules[3].severity: 'fatal' is not one of …``.
The schema itself is :mod:`lawlint.rulepack.schema`.
"""
from __future__ import annotations

import re
from ..plain import dataclass, field, replace
import os
from functools import cached_property, lru_cache

from .. import checks
from ..errors import RuleError
from .resources import rules_folder
from .template import fields_of


@dataclass
class Rule:
    id: str
    check: str
    severity: str
    category: str
    title: str
    message: str
    basis: str
    weight: float
    cap: float
    examples: dict
    suggestion: str = ""
    description: str = ""
    enabled: bool = True
    hint: bool = False        # optional style: one folded finding per report (lawlint.checks.hints)
    years: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    file: str = ""
    line: int | None = None
    # year -> the parameters bound for that report year (lawlint.checks.spec): what check() reads
    bound: object = field(default=None, repr=False, compare=False)
    # the configuration set this rule's severity: every finding of it takes it (RuleSet.with_severities)
    severity_set: bool = False

    def __init__(self, id, check, severity, category, title, message, basis, weight, cap, examples,   # noqa: A002
                 suggestion="", description="", enabled=True, hint=False, years=None, params=None, file="",
                 line=None, bound=None, severity_set=False):      # (a hundred per start: plain's is generic)
        self.id, self.check, self.severity, self.category, self.title = id, check, severity, category, title
        self.message, self.basis, self.weight, self.cap, self.examples = message, basis, weight, cap, examples
        self.suggestion, self.description, self.enabled, self.hint = suggestion, description, enabled, hint
        self.years = {} if years is None else years
        self.params = {} if params is None else params
        self.file, self.line, self.bound, self.severity_set = file, line, bound, severity_set

    def applies_to_year(self, year: int | None) -> bool:
        if not self.years:
            return True
        if year is None:
            return False
        return self.years.get("from", -10**9) <= year <= self.years.get("to", 10**9)


class RuleSet:
    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.by_id = {r.id: r for r in rules}
        # lawlint.engine's rule lists per (select, ignore, year): a rule set is not changed after load
        self.engine_plans: dict = {}

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)

    def get(self, rule_id):
        return self.by_id.get(rule_id)

    def of_check(self, name):
        return [r for r in self.rules if r.check == name]

    def with_severities(self, overrides: dict) -> "RuleSet":
        """This rule set with a configuration's severity overrides (rule id or selector ->
        severity) applied to its rules, once, before any report is checked."""
        if not overrides:
            return self
        rules = []
        for r in self.rules:
            severity = severity_override(overrides, r.id)
            rules.append(r if severity is None else replace(r, severity=severity, severity_set=True))
        return RuleSet(rules)

    @cached_property
    def section_rules(self) -> list[Rule]:
        """The rule that locates each section, dependencies first (a cycle is a RuleError)."""
        from ..sections.order import order
        return order(self.of_check("section"))


def severity_override(overrides: dict, rule_id: str):
    """The severity set for a rule: by its id, else by the most specific selector naming it."""
    if rule_id in overrides:
        return overrides[rule_id]
    from .selectors import matches
    hits = [s for s in overrides if matches(rule_id, s)]
    return overrides[max(hits, key=len)] if hits else None


NOT_PACKS = {"profile.yaml"}   # the scoring profile lives beside the packs


def builtin_pack_paths() -> list:
    """The built-in rule packs (Paths)."""
    from pathlib import Path
    return [Path(f) for f in _builtin_files()]


@lru_cache(maxsize=1)
def _builtin_files() -> tuple:
    """The built-in rule packs, as strings (os.path: pathlib costs a start ≈19 M), sorted."""
    folder = rules_folder()
    return tuple(os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".yaml") and n not in NOT_PACKS)


def load_rules(paths=None, *, include_builtin=True) -> RuleSet:
    builtin = _builtin_files() if include_builtin else []
    files = list(builtin)
    for p in paths or []:
        from pathlib import Path
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")))
        else:
            files.append(p)
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for f in files:
        for rule in read_pack(f):
            if rule.id in seen:
                prev = seen[rule.id]
                if str(f) in builtin or prev.file == rule.file:
                    raise RuleError(f"id: 规则编号 {rule.id} 重复（已在 {prev.file}:{prev.line} 定义）",
                                    rule.file, rule.line)
                rules[rules.index(prev)] = rule  # a user pack overrides a built-in rule
            else:
                rules.append(rule)
            seen[rule.id] = rule
    ruleset = RuleSet(rules)
    ruleset.section_rules        # parts that depend on each other in a circle: an error at load
    return ruleset


def read_pack(path) -> list[Rule]:
    if not (isinstance(path, str) and path in _builtin_files()):     # a user's: named as Path names it
        from pathlib import Path
        path = Path(path)
    from ..loaders.safeio import decode_text, read_bytes
    raw = read_bytes(path, RuleError, what="规则文件")
    from . import cache
    key = pack_key(raw)
    cached = cache.get_pack(key)
    if cached is not None:     # validated before: patterns are known to compile
        # The cache is keyed by content, which another checkout may share: the rules come from
        # this path (messages and `lawlint explain` name it). (No text: an error, which needs
        # it for its line, is one the validation below gives.)
        try:
            return [_compile(Rule(**{**d, "file": str(path)}), None, validate=False) for d in cached]
        except Exception:      # noqa: BLE001 - an entry of another shape: validate afresh
            pass
    text = decode_text(raw, path, RuleError, what="规则文件")
    from .yamlio import load_yaml_text
    data = load_yaml_text(text, str(path))
    from .schema import validate    # (a pack met for the first time only: a warm start validates none)
    validate(data, text, path)
    rules = [_compile(_to_rule(raw, i, text, path), text, validate=True)
             for i, raw in enumerate(data["rules"])]
    cache.put_pack(key, [_rule_fields(r) for r in rules])
    return rules


def pack_key(data: bytes) -> str:
    """A pack's cache key: a hash of its bytes (not of its text: a warm start then neither decodes
    nor re-encodes ≈190 kB of YAML)."""
    from .cache import blake2b
    return _CACHE_TAG + blake2b(data, digest_size=32).hexdigest()


# The cache holds Rule fields: a build whose Rule has other fields (a field added, as ``hint`` was)
# must not read them, even at the same version number.
_CACHE_TAG = "rule-fields:" + ",".join(Rule.__plain_fields__) + "\0"


def _rule_fields(rule: Rule) -> dict:
    """What the cache keeps of a rule: not its file (the reader's path is used), so an entry does
    not depend on where it was built (the packs shipped in lawlint.rulepack.prebuilt)."""
    return {k: getattr(rule, k) for k in Rule.__plain_fields__
            if k not in ("bound", "severity_set", "file")}


def _to_rule(raw, index, text, path) -> Rule:
    from .yamlio import node_line
    from .schema import COMMON_PROPERTIES
    common = {k: raw[k] for k in COMMON_PROPERTIES if k in raw}
    params = {k: v for k, v in raw.items() if k not in COMMON_PROPERTIES}
    return Rule(**common, params=params, file=str(path),
                line=node_line(text, ["rules", index]))


def _compile(rule: Rule, text: str, validate: bool = True) -> Rule:
    """Let the check type precompile its parameters; turn a bad regex into file:line.

    Year-dependent patterns compile lazily per report year; when ``validate`` (a pack not seen
    before) they are compiled once here so a bad regex fails at load, not mid-run."""
    if validate:
        from .regexsafety import dangerous
        for pattern in _strings(rule.params):
            reason = dangerous(pattern)
            if reason:
                raise RuleError(f"rules[{rule.id}]: 正则 {pattern!r} 被拒绝：{reason}", rule.file,
                                _find_param_line(text, rule, pattern))
    spec = checks.contract(rule.check)
    if validate:
        _check_placeholders(rule, text)
    try:
        if validate:
            spec.check_raw(rule.params)
        rule.bound = spec.binder(rule.params)     # defaults filled, regexes compiled (lazily)
        if validate:
            from ..checks.spec import patterns
            from .regexcache import force
            force(list(patterns(rule.bound(None))))
    except re.error as e:
        line = _find_param_line(text, rule, str(getattr(e, "pattern", "") or ""))
        raise RuleError(f"rules[{rule.id}]: 正则表达式错误：{e.msg}（{e.pattern!r}）", rule.file,
                        line) from None
    except ValueError as e:
        raise RuleError(f"rules[{rule.id}]: {e}", rule.file, rule.line) from None
    except (OverflowError, RecursionError, MemoryError) as e:   # a{1,4294967295}, deep nesting
        raise RuleError(f"rules[{rule.id}]: 正则表达式无法编译（{e or type(e).__name__}）", rule.file,
                        rule.line) from None
    return rule


def _templates(rule):
    """(field path, template) of every message and suggestion a rule carries, its parameters'
    included (``body.message``, a term table's ``message``, numbering ``variants``)."""
    yield "message", rule.message
    if rule.suggestion:
        yield "suggestion", rule.suggestion

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                here = f"{path}.{k}" if path else str(k)
                if isinstance(v, str) and (k in ("message", "suggestion") or path.endswith("variants")):
                    yield here, v
                else:
                    yield from walk(v, here)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from walk(v, f"{path}[{i}]")

    yield from walk(rule.params, "")


def _check_placeholders(rule, text):
    """A placeholder the check does not fill would be shown to the user as written: a load error."""
    known = set(checks.contract(rule.check).fields)
    for where, template in _templates(rule):
        unknown = sorted(fields_of(template) - known)
        if unknown:
            allowed = "、".join("{" + f + "}" for f in sorted(known)) or "（无）"
            raise RuleError(f"rules[{rule.id}].{where}: 未知的占位符 {{{unknown[0]}}}"
                            f"（检查类型 {rule.check} 可填写：{allowed}）", rule.file,
                            _find_param_line(text, rule, template))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _find_param_line(text, rule, pattern):
    if pattern:
        for i, line in enumerate(text.splitlines(), 1):
            if pattern[:30] and pattern[:30] in line and (rule.line is None or i >= rule.line):
                return i
    return rule.line
