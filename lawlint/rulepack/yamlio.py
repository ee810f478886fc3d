"""YAML reading: the fast C loader when available, safe loading only, errors with file:line."""
from __future__ import annotations

import threading

import yaml

from ..errors import RuleError

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKey(yaml.constructor.ConstructorError):
    pass


class Loader(_Base):
    """Safe loading that refuses a key written twice in one mapping (YAML would keep the last one
    silently: a rule's second ``severity:`` or a config's second ``rules:`` would win unseen)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                ident = (key.tag, key.value)
                if ident in seen:
                    raise DuplicateKey(None, None, key.value, key.start_mark)
                seen.add(ident)
        return super().construct_mapping(node, deep)


# Composed node trees of the texts loaded last, so that ``node_line`` (called once per rule of a
# pack) looks lines up in the tree the load already built instead of parsing the text again.
_NODES: dict = {}
_NODES_KEPT = 4
_NODES_LOCK = threading.Lock()


def _remember(text: str, node) -> None:
    with _NODES_LOCK:
        _NODES.pop(text, None)
        _NODES[text] = node
        while len(_NODES) > _NODES_KEPT:
            del _NODES[next(iter(_NODES))]


def _may_merge(text: str) -> bool:
    """Constructing a mapping with a merge key (``<<``) rewrites the node in place: such a text's
    tree cannot be shared with ``node_line``, which must see it as written."""
    return "<<" in text or "merge" in text


def _load(text: str):
    """``yaml.load`` in one pass that also keeps the composed tree for ``node_line``."""
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and not _may_merge(text):
            _remember(text, node)
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def load_yaml_text(text: str, path: str, error=RuleError):
    try:
        return _load(text)
    except DuplicateKey as e:
        raise error(f"键“{e.problem}”在同一层重复出现（YAML 只会保留最后一个，请删去或合并）", path,
                    e.problem_mark.line + 1) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise error(f"YAML 语法错误：{problem}", path, line) from None


def load_yaml_file(path, error=RuleError):
    from ..loaders.safeio import read_text
    return load_yaml_text(read_text(path, error), str(path), error)


def node_line(text: str, keys: list) -> int | None:
    """1-based line of the node at ``keys`` (mapping keys / sequence indexes) in YAML ``text``.

    Uses the tree ``load_yaml_text`` composed for the same text; composes it (C loader when
    available) only for a text not loaded just before.
    """
    with _NODES_LOCK:
        node = _NODES.get(text, _NODES)
    if node is _NODES:
        try:
            node = yaml.compose(text, Loader=_Base)
        except yaml.YAMLError:
            return None
        if not _may_merge(text):
            _remember(text, node)
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
