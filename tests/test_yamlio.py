"""yamlio: a YAML text is parsed once; lines for error messages come from that same parse."""
import pytest
import yaml

from lawlint.rulepack import yamlio
from lawlint.errors import ConfigError, RuleError
from lawlint.rulepack.yamlio import load_yaml_text, node_line

PACK = """\
pack: 示例
rules:
  - id: a.one
    check: existence
  # a comment between rules
  - id: a.two
    check: existence
    message: 第二条

  - id: a.three
    check: existence
"""


def _no_parse(*_a, **_k):
    raise AssertionError("the text was parsed a second time")


def test_lines_after_a_load_come_from_that_load(monkeypatch):
    text = PACK.replace("示例", "一次解析")       # a text no other test loaded
    data = load_yaml_text(text, "p.yaml")
    assert [r["id"] for r in data["rules"]] == ["a.one", "a.two", "a.three"]
    monkeypatch.setattr(yamlio.yaml, "compose", _no_parse)
    monkeypatch.setattr(yamlio.Loader, "get_single_node", _no_parse)
    assert [node_line(text, ["rules", i]) for i in range(3)] == [3, 6, 10]
    assert node_line(text, ["rules", 1, "message"]) == 8
    assert node_line(text, ["pack"]) == 1
    assert node_line(text, ["rules", 1, "nosuchkey"]) == 6    # the nearest node that exists


def test_a_text_not_loaded_before_is_composed_for_its_lines():
    text = PACK.replace("示例", "未加载过")
    assert node_line(text, ["rules", 2, "check"]) == 11
    assert node_line("a: [1,\n", ["a"]) is None               # broken YAML: no line, no error


def test_a_merge_key_does_not_move_the_lines_of_the_keys_as_written(monkeypatch):
    # Constructing a mapping with ``<<`` rewrites its node (the merged keys first): the lines must
    # still point at the keys as the user wrote them, not at the anchor's copy.
    text = "base: &b\n  x: 1\n  y: 2\nthing:\n  <<: *b\n  x: 3\n"
    assert load_yaml_text(text, "m.yaml") == {"base": {"x": 1, "y": 2}, "thing": {"x": 3, "y": 2}}
    assert node_line(text, ["thing", "x"]) == 6
    assert node_line(text, ["thing", "y"]) == 4                # not written there: its mapping


@pytest.mark.parametrize("error", [RuleError, ConfigError])
def test_errors_keep_their_file_and_line(error):
    with pytest.raises(error) as e:
        load_yaml_text("rules:\n  - id: a\n    id: b\n", "dup.yaml", error)
    assert e.value.line == 3 and "重复" in str(e.value)
    with pytest.raises(error) as e:
        load_yaml_text("a: 1\nb: [\n", "bad.yaml", error)
    assert e.value.line is not None and "YAML" in str(e.value)


def test_the_kept_trees_are_few():
    for i in range(yamlio._NODES_KEPT + 5):
        load_yaml_text(f"k: {i}\n", "n.yaml")
    assert len(yamlio._NODES) == yamlio._NODES_KEPT
    assert "k: 0\n" not in yamlio._NODES


def test_the_c_loader_is_used_where_pyyaml_has_it():
    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(yamlio.Loader, yaml.CSafeLoader)
