"""YAML reading: the fast C loader when available, safe loading only, errors with file:line."""
from __future__ import annotations

import yaml

from .errors import RuleError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_text(text: str, path: str, error=RuleError):
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise error(f"YAML 语法错误：{problem}", path, line) from None


def load_yaml_file(path, error=RuleError):
    from .safeio import read_text
    return load_yaml_text(read_text(path, error), str(path), error)


def node_line(text: str, keys: list) -> int | None:
    """1-based line of the node at ``keys`` (mapping keys / sequence indexes) in YAML ``text``.

    Used only to point an error at the right line, so it re-parses with the node composer.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in keys:
        if node is None:
            break
        if isinstance(node, yaml.MappingNode):
            found = None
            for k, v in node.value:
                if k.value == key:
                    found = (k, v)
                    break
            if found is None:
                break
            line = found[0].start_mark.line + 1
            node = found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line
