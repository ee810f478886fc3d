"""The integration recipes in docs/ are exercised: their YAML parses, and the lawlint commands in
them run on the seeds with the effect they promise."""
import json
import re
import shlex
import xml.etree.ElementTree as ET

import pytest
import yaml

from helpers import ROOT

DOCS = ["pre-commit.md", "github-actions.md", "gitlab-ci.md", "configuration.md"]


def blocks(name, lang):
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


@pytest.mark.parametrize("name", DOCS)
def test_yaml_snippets_parse(name):
    for block in blocks(name, "yaml"):
        assert yaml.safe_load(block) is not None


def _lawlint_commands(name):
    cmds = []
    for block in blocks(name, "yaml"):
        for line in block.splitlines():
            m = re.search(r"(?:run:|-)\s+(lawlint .+)$", line)
            if m and "${{" not in m.group(1):
                cmds.append(shlex.split(m.group(1)))
    return cmds


@pytest.mark.parametrize("name", ["github-actions.md", "gitlab-ci.md"])
def test_ci_commands_run(cli, tmp_path, name):
    reports = tmp_path / "reports"
    reports.mkdir()
    for p in (ROOT / "seeds").glob("*.txt"):
        (reports / p.name).write_bytes(p.read_bytes())
    cmds = _lawlint_commands(name)
    assert cmds
    for argv in cmds:
        r = cli(*argv[1:], cwd=tmp_path)
        assert r.returncode in (0, 1), (argv, r.stderr.decode())
        assert "Traceback" not in r.stderr.decode()
    if name == "gitlab-ci.md":
        assert ET.parse(tmp_path / "lawlint-junit.xml").getroot().tag == "testsuites"
        assert json.loads((tmp_path / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    else:
        assert json.loads((tmp_path / "lawlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_configuration_examples_are_valid(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    report = tmp_path / "r.txt"
    report.write_bytes((ROOT / "seeds" / "2024-henan-nanyang-dengzhou.txt").read_bytes())
    yaml_cfg = blocks("configuration.md", "yaml")[0].replace("rules: [lawlint-rules/本省要求.yaml]", "")
    yaml_cfg = yaml_cfg.replace("encoding: gb18030", "encoding: utf-8")     # the seed is UTF-8
    (tmp_path / ".lawlint.yaml").write_text(yaml_cfg, encoding="utf-8")
    r = cli("check", report)
    assert r.returncode in (0, 1), r.stderr.decode()
    (tmp_path / ".lawlint.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text(blocks("configuration.md", "toml")[0], encoding="utf-8")
    r = cli("config", "--show", report)
    assert r.returncode == 0 and "pyproject.toml" in r.stdout.decode()


def test_precommit_snippet_names_real_hooks():
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    snippet = yaml.safe_load(blocks("pre-commit.md", "yaml")[0])
    assert {h["id"] for h in snippet["repos"][0]["hooks"]} <= hooks
