"""``docs/checks.md``: the check types' contract (parameters, defaults, placeholders), generated
from the check modules themselves (``lawlint rules --format checks``) so it cannot drift."""
from __future__ import annotations

import json

from .. import checks

_TYPES = {"string": "字符串", "integer": "整数", "number": "数字", "boolean": "是/否",
          "array": "列表", "object": "映射"}


def _summary(module) -> str:
    doc = (module.__doc__ or "").strip()
    first = doc.split("\n\n")[0].replace("\n", " ").replace("``", "`")
    return first


def _kind(schema) -> str:
    if "enum" in schema:
        return "其一：" + "、".join(f"`{v}`" for v in schema["enum"])
    t = schema.get("type")
    if isinstance(t, list):
        return "/".join(_TYPES.get(x, x) for x in t)
    if t == "array" and isinstance(schema.get("items"), dict) and "enum" in schema["items"]:
        return "列表，元素其一：" + "、".join(f"`{v}`" for v in schema["items"]["enum"])
    return _TYPES.get(t, t or "见模式")


def _param_kind(param, schema) -> str:
    if not param.regex:
        return _kind(schema)
    if getattr(param, "fields", None):
        return _kind(schema) + "（含正则" + ("，可用 `{year}` 等" if param.year else "") + "）"
    kind = "正则" if schema.get("type") == "string" else "正则列表"
    return kind + ("，可用 `{year}` `{next_year}` `{prev_year}`" if param.year else "")


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_checks(ruleset) -> str:
    used: dict = {}
    for r in ruleset:
        used.setdefault(r.check, []).append(r.id)
    out = ["# lawlint 检查类型", "",
           "本文件由 `lawlint rules --format checks` 从各检查模块（`lawlint/checks/*.py`）生成，请勿手工编辑。",
           "规则包中的每条规则用 `check:` 选一种检查类型；下表列出各类型接受的参数（未写的参数取默认值）、",
           "必填参数，以及提示信息 `message`、`suggestion` 中可用的占位符（写了其他占位符的规则包加载时报错）。",
           "规则参考见 [rules.md](rules.md)。", ""]
    for name in sorted(checks.names()):
        spec = checks.contract(name)
        required = set(spec.required)
        fields = spec.fields
        out += [f"## {name}", "", _summary(checks.get(name)), ""]
        if spec.properties:
            out += ["| 参数 | 类型 | 默认值 | 说明 |", "|---|---|---|---|"]
            for key, schema in spec.properties.items():
                param = spec.params[key]
                default = "（必填）" if key in required else (
                    f"`{json.dumps(schema['default'], ensure_ascii=False)}`" if "default" in schema else "—")
                kind = _param_kind(param, schema)
                out.append(f"| `{key}` | {_cell(kind)} | {default} | {_cell(schema.get('description', ''))} |")
            out.append("")
        else:
            out += ["没有参数。", ""]
        out.append("占位符：" + ("、".join(f"`{{{f}}}`" for f in fields) if fields else "无"))
        ids = used.get(name, [])
        out += ["", f"使用本类型的规则（{len(ids)} 条）：" + ("、".join(f"`{i}`" for i in ids) if ids else "无"), ""]
    return "\n".join(out).rstrip("\n") + "\n"
