"""The rule-pack schema: common rule fields, each check type's parameters, and the Chinese
``file:line: field: reason`` message for the first schema error of a pack."""
from __future__ import annotations

from .. import checks
from ..errors import RuleError
from ..vocabulary import CATEGORIES, SEVERITIES

ID_RX = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"
AT_RX = r"^\s*\d+\s*(?:[:：]\s*\d+)?\s*$"          # an example's position: "line:column" or "line"

COMMON_PROPERTIES = {
    "id": {"type": "string", "pattern": ID_RX,
           "description": "稳定的点分英文规则编号，如 section.causes"},
    "check": {"type": "string", "description": "检查类型"},
    "severity": {"enum": list(SEVERITIES)},
    "category": {"enum": list(CATEGORIES)},
    "title": {"type": "string", "minLength": 1, "description": "规则名称（中文）"},
    "message": {"type": "string", "minLength": 1, "description": "诊断信息（中文）"},
    "suggestion": {"type": "string", "description": "修改建议（中文）"},
    "description": {"type": "string", "description": "规则说明：检查什么、为什么"},
    "basis": {"type": "string", "minLength": 1, "description": "依据（法规、标准条文）"},
    "weight": {"type": "number", "minimum": 0, "description": "每条问题扣分"},
    "cap": {"type": "number", "minimum": 0, "description": "本规则最多扣分"},
    "enabled": {"type": "boolean"},
    "hint": {"type": "boolean",
             "description": "可选的写法建议（依据只说“通常”“宜”）：一份报告只报一处，注明全文共几处"},
    "years": {
        "type": "object", "additionalProperties": False,
        "properties": {"from": {"type": "integer"}, "to": {"type": "integer"}},
        "description": "只对这些报告年度适用",
    },
    "examples": {
        "type": "object", "additionalProperties": False, "required": ["bad", "good"],
        "properties": {
            "year": {"type": "integer"},
            "previous": {"type": "string", "description": "上一年度报告的文字：示例按 --previous 给出它的方式检查"},
            "bad": {"type": "array", "minItems": 1, "items": {"anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": False, "required": ["text"],
                 "properties": {
                     "text": {"type": "string", "description": "报告文字"},
                     "at": {"type": ["string", "integer"], "pattern": AT_RX,
                            "description": "应报告的位置：“行:列”或行号"},
                     "fix": {"type": "string", "description": "lawlint fix 修正本规则后的文字"}}}]}},
            "good": {"type": "array", "minItems": 1, "items": {"anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": False, "required": ["text"],
                 "properties": {"text": {"type": "string"}}}]}},
        },
    },
}
REQUIRED = ["id", "check", "severity", "category", "title", "message", "basis", "weight", "cap",
            "examples"]


def rule_schema(check_name: str | None = None) -> dict:
    """JSON Schema of one rule; with ``check_name``, including that check type's parameters."""
    props = dict(COMMON_PROPERTIES)
    props["check"] = {"enum": sorted(checks.names())}
    required = list(REQUIRED)
    if check_name is not None:
        spec = checks.contract(check_name)
        props.update(spec.properties)
        required += list(spec.required)
    schema = {"type": "object", "required": required, "properties": props}
    if check_name is not None:
        schema["additionalProperties"] = False
    return schema


def pack_schema() -> dict:
    """The schema shipped in ``rules/rule.schema.json`` for editors: one branch per check type."""
    branches = []
    for name in sorted(checks.names()):
        s = rule_schema(name)
        s["properties"] = dict(s["properties"], check={"const": name})
        branches.append({"if": {"properties": {"check": {"const": name}}, "required": ["check"]},
                         "then": s})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://lawlint.invalid/rule.schema.json",
        "title": "lawlint rule pack",
        "type": "object",
        "additionalProperties": False,
        "required": ["rules"],
        "properties": {
            "pack": {"type": "string", "description": "规则包名称"},
            "description": {"type": "string"},
            "rules": {"type": "array", "items": {"allOf": [rule_schema()] + branches}},
        },
    }


def validate(data, text, path):
    import jsonschema

    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError("rules: 规则文件必须是含有 rules 列表的 YAML 映射", path, 1)
    top = {"type": "object", "additionalProperties": False, "required": ["rules"],
           "properties": {"pack": {"type": "string"}, "description": {"type": "string"},
                          "rules": {"type": "array"}}}
    _raise_first(jsonschema.Draft202012Validator(top), data, [], text, path)
    for i, raw in enumerate(data["rules"]):
        base = rule_schema()
        _raise_first(jsonschema.Draft202012Validator(base), raw, ["rules", i], text, path)
        _raise_first(jsonschema.Draft202012Validator(rule_schema(raw["check"])), raw,
                     ["rules", i], text, path)


def _raise_first(validator, instance, prefix, text, path):
    """Raise the most specific schema error (a bad field before a missing one), in Chinese."""
    errors = sorted(validator.iter_errors(instance),
                    key=lambda e: (e.validator == "required", -len(e.absolute_path),
                                   list(map(str, e.absolute_path))))
    if not errors:
        return
    err = errors[0]
    where = list(prefix) + list(err.absolute_path)
    reason = _reason(err)
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        if extra:
            where.append(extra[0])
    from .yamlio import node_line
    line = node_line(text, where)
    raise RuleError(f"{_dotted(where)}: {reason}", path, line)


_TYPES = {"string": "字符串", "integer": "整数", "number": "数字", "boolean": "布尔值",
          "array": "列表", "object": "映射"}


def _reason(err) -> str:
    v, s, inst = err.validator, err.schema, err.instance
    if v == "enum":
        return f"取值 {inst!r} 无效（可选：{'、'.join(map(str, s['enum']))}）"
    if v == "const":
        return f"取值应为 {s['const']!r}"
    if v == "type":
        t = s["type"] if isinstance(s["type"], str) else "/".join(s["type"])
        return f"类型应为{_TYPES.get(t, t)}，实际是 {inst!r}"
    if v == "required":
        missing = [k for k in s["required"] if k not in inst]
        return f"缺少必填字段 {'、'.join(missing)}"
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(s.get("properties", {})))
        return f"未知字段 {extra[0]!r}" if extra else err.message
    if v == "pattern":
        return f"{inst!r} 不符合格式 {s['pattern']}"
    if v in ("minItems", "minLength"):
        return "不能为空"
    if v == "minimum":
        return f"不能小于 {s['minimum']}"
    return err.message


def _dotted(keys):
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "(根)"
