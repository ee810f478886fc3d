"""Configuration files: ``.lawlint.yaml`` or ``[tool.lawlint]`` in ``pyproject.toml``.

The nearest file upward from a checked report wins (the search stops at a folder holding
``.git``); ``--config FILE`` names one explicitly. Values layer as defaults < file < per-path
``overrides`` < command line, and :func:`resolve` records where each value came from
(``lawlint config --show``). Unknown keys and bad values are errors naming the file and line.
"""
from __future__ import annotations

import os
import re
from ..plain import dataclass, field, fields, replace

from . import FAIL_ON, Config
from ..errors import ConfigError
from ..vocabulary import SEVERITY_SCHEMA

YAML_NAME = ".lawlint.yaml"
_RULE_SEL = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SEVERITY = {"type": "object", "additionalProperties": SEVERITY_SCHEMA}
_DEADLINE = {"type": "string", "pattern": r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"}
_YEAR = {"type": "integer", "minimum": 1990, "maximum": 2100}
SCHEMA = {
    "type": "object", "additionalProperties": False,
    "properties": {
        "rules": {"type": "array", "items": {"type": "string"}, "description": "额外规则包（相对配置文件）"},
        "select": _RULE_SEL, "ignore": _RULE_SEL, "severity": _SEVERITY,
        "fail_on": {"enum": list(FAIL_ON)},
        "fail_under": {"type": "number", "minimum": 0, "maximum": 100},
        "year": _YEAR, "deadline": _DEADLINE,
        "max_file_mb": {"type": "number", "exclusiveMinimum": 0},
        "max_chars": {"type": "integer", "minimum": 1},
        "max_docx_mb": {"type": "number", "exclusiveMinimum": 0},
        "max_pdf_pages": {"type": "integer", "minimum": 1},
        "rule_time_limit": {"type": "number", "exclusiveMinimum": 0},
        "max_findings_per_rule": {"type": "integer", "minimum": 0},
        "encoding": {"type": "string"},
        "overrides": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": ["files"],
            "properties": {"files": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                           "select": _RULE_SEL, "ignore": _RULE_SEL, "severity": _SEVERITY,
                           "year": _YEAR, "deadline": _DEADLINE,
                           "fail_under": {"type": "number", "minimum": 0, "maximum": 100}}}},
    },
}
_KEY_TO_FIELD = {"rules": "rule_packs"}


@dataclass
class ConfigFile:
    path: Path
    data: dict
    lines: dict = field(default_factory=dict)   # key -> line, for provenance and errors


def find(start) -> str | None:
    """The nearest config file at or above ``start`` (a file or folder); os.path, not pathlib,
    which a check would import for this walk alone (≈19 M instructions a start)."""
    start = os.fspath(start)
    d = os.path.realpath(start if os.path.isdir(start) else (os.path.dirname(start) or "."))
    while True:
        if os.path.isfile(os.path.join(d, YAML_NAME)):
            return os.path.join(d, YAML_NAME)
        py = os.path.join(d, "pyproject.toml")
        if os.path.isfile(py) and _has_tool_section(py):
            return py
        parent = os.path.dirname(d)
        if os.path.exists(os.path.join(d, ".git")) or parent == d:
            return None
        d = parent


def _has_tool_section(path: Path) -> bool:
    try:
        from ..loaders.safeio import read_regular
        text = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # a line opening with [tool.lawlint] or [tool.lawlint.…] (what ^\[tool\.lawlint[\].] finds under
    # re.M: a line starts the text or follows a \n), without compiling a regex a start
    return text.startswith(_TOOL) or "\n[tool.lawlint]" in text or "\n[tool.lawlint." in text


_TOOL = ("[tool.lawlint]", "[tool.lawlint.")


_LOADED: dict = {}


def load(path) -> ConfigFile:
    from pathlib import Path            # (only when there is a configuration file)
    path = Path(path).resolve()
    if path in _LOADED:
        return _LOADED[path]
    # A .lawlint.yaml and a [tool.lawlint] in one folder are read together; neither may set a
    # key the other sets.
    yaml_path, toml_path = path.parent / YAML_NAME, path.parent / "pyproject.toml"
    parts = [_load_yaml(yaml_path)] if yaml_path.is_file() else []
    if toml_path.is_file() and _has_tool_section(toml_path):
        parts.append(_load_toml(toml_path))
    if not parts:
        parts = [_load_toml(path) if path.name == "pyproject.toml" else _load_yaml(path)]
    if len(parts) == 2:
        both = sorted(set(parts[0].data) & set(parts[1].data))
        if both:
            raise ConfigError(f"{both[0]}: 同一目录的 {YAML_NAME} 和 pyproject.toml [tool.lawlint] "
                              f"都设置了该项，请只保留一处", yaml_path, parts[0].lines.get(both[0]))
    cf = ConfigFile(path, {k: v for p in parts for k, v in p.data.items()},
                    {k: v for p in parts for k, v in p.lines.items()})
    _LOADED[path] = cf
    return cf


def _load_yaml(path: Path) -> ConfigFile:
    from ..rulepack.yamlio import load_yaml_text, node_line    # YAML loads only when there is a file

    from ..loaders.safeio import read_text
    text = read_text(path, ConfigError, what="配置文件")
    data = load_yaml_text(text, str(path), ConfigError) or {}
    if not isinstance(data, dict):
        raise ConfigError("配置文件必须是 YAML 映射（键: 值）", path, 1)
    _validate(data, path, lambda keys: node_line(text, keys))
    return ConfigFile(path, data, {k: node_line(text, [k]) for k in data})


def _load_toml(path: Path) -> ConfigFile:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    from ..loaders.safeio import read_text
    text = read_text(path, ConfigError, what="配置文件")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise ConfigError(f"TOML 语法错误：{e}", path, int(m.group(1)) if m else None) from None
    data = doc.get("tool", {}).get("lawlint", {})
    lines = text.split("\n")

    def line_of(keys):
        key = next((k for k in keys if isinstance(k, str)), None)
        in_section = False
        for n, line in enumerate(lines, 1):
            if line.strip().startswith("["):
                in_section = line.strip().startswith("[tool.lawlint")
            elif in_section and key and re.match(rf"\s*{re.escape(key)}\s*=", line):
                return n
        return next((n for n, l in enumerate(lines, 1) if l.strip().startswith("[tool.lawlint")), None)

    _validate(data, path, line_of)
    return ConfigFile(path, data, {k: line_of([k]) for k in data})


def _validate(data, path, line_of):
    import jsonschema

    from ..rulepack.schema import _dotted, _reason
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data),
                    key=lambda e: (e.validator == "required", list(map(str, e.absolute_path))))
    if not errors:
        return
    err = errors[0]
    where = list(err.absolute_path)
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        if extra:
            where.append(extra[0])
            from ..suggest import hint
            known = list(err.schema.get("properties", {}))
            raise ConfigError(f"{_dotted(where)}: {_reason(err)}" + hint(str(extra[0]), known), path, line_of(where))
    raise ConfigError(f"{_dotted(where)}: {_reason(err)}", path, line_of(where))


def resolve(report: str | None, cli: dict, explicit: str | None = None) -> tuple[Config, dict]:
    """The Config for one report: defaults < config file < overrides < command line.

    Returns the config and, for each field, where its value came from.
    """
    cfg, origin = Config(), {f.name: "默认值" for f in fields(Config)}
    cf = None
    if explicit:
        if not os.path.isfile(explicit):
            raise ConfigError("配置文件不存在", explicit)
        cf = load(explicit)
    elif report and report != "-":
        found = find(report)
        cf = load(found) if found else None
    if cf is not None:
        base = cf.path.parent
        for key, value in cf.data.items():
            if key == "overrides":
                continue
            cfg, origin = _set(cfg, origin, key, value, f"{cf.path}:{cf.lines.get(key)}", base)
        if report and report != "-":
            rel = os.path.relpath(os.path.abspath(report), base).replace(os.sep, "/")
            for i, ov in enumerate(cf.data.get("overrides", [])):
                import fnmatch          # (only for a configuration with overrides)
                if any(fnmatch.fnmatch(rel, g) for g in ov["files"]):
                    where = f"{cf.path}:{cf.lines.get('overrides')}（overrides[{i}]）"
                    for key, value in ov.items():
                        if key != "files":
                            cfg, origin = _set(cfg, origin, key, value, where, base, merge=True)
    for key, value in cli.items():
        if value not in (None, [], {}):
            cfg, origin = _set(cfg, origin, key, value, "命令行", os.getcwd(), merge=key in ("select", "ignore", "rules"))
    return cfg, origin


def _set(cfg, origin, key, value, where, base, merge=False):
    name = _KEY_TO_FIELD.get(key, key)
    if key == "rules":
        value = [os.path.realpath(os.path.join(base, p)) if not os.path.isabs(p) else p for p in value]
    if merge and isinstance(value, list):
        value = list(getattr(cfg, name)) + [v for v in value if v not in getattr(cfg, name)]
    elif merge and isinstance(value, dict):
        value = {**getattr(cfg, name), **value}
    cfg = replace(cfg, **{name: value})
    return cfg, {**origin, name: where}
