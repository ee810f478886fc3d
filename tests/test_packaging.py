"""The wheel carries the rules: a non-editable install, run from another folder, checks a seed."""
import json
import os
import subprocess
import sys

import pytest

from helpers import ROOT, SEEDS


@pytest.mark.slow
def test_wheel_install_runs_from_elsewhere(tmp_path):
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    # -v: pip shows the build backend's output, where setuptools prints its deprecation warnings
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(wheels), str(ROOT)]
    build = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=300)
    log = build.stdout + build.stderr
    assert "Warning:" not in log and "!!" not in log, [l for l in log.splitlines() if "Warning" in l]
    wheel = next(wheels.glob("lawlint-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    assert (target / "lawlint" / "rules" / "sections.yaml").is_file()
    assert (target / "lawlint" / "rules" / "rule.schema.json").is_file()
    assert (target / "lawlint" / "rules" / "data" / "userdict.txt").is_file()
    assert (target / "lawlint" / "rules" / "prebuilt.jsonl").read_bytes() == \
        (ROOT / "rules" / "prebuilt.jsonl").read_bytes()                 # lawlint.prebuilt's entries
    shipped = sorted(p.name for p in (ROOT / "rules").glob("regex-py3*.bin"))
    assert shipped and sorted(p.name for p in (target / "lawlint" / "rules").glob("regex-py3*.bin")) == shipped
    assert (target / "lawlint" / "reporters" / "assets" / "report.js").is_file()
    licence = [p for p in target.glob("lawlint-*.dist-info/**/LICENSE") if p.is_file()]
    assert licence and "MIT License" in licence[0].read_text(encoding="utf-8")   # the terms travel
    env = dict(os.environ, PYTHONPATH=str(target), NO_COLOR="1")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = subprocess.run([sys.executable, "-m", "lawlint", "check", "--format", "json",
                        str(SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt")],
                       cwd=elsewhere, env=env, capture_output=True, timeout=120)
    data = json.loads(r.stdout)
    assert data["files"][0]["sections"]["causes"]["status"] == "absent"
    page = subprocess.run([sys.executable, "-m", "lawlint", "check", "--format", "html",
                           str(SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt")],
                          cwd=elsewhere, env=env, capture_output=True, timeout=120)
    assert b"<style>" in page.stdout and b"addEventListener" in page.stdout, page.stderr  # assets shipped
    import_check = subprocess.run([sys.executable, "-c", "import lawlint; print(lawlint.__file__)"],
                                  cwd=elsewhere, env=env, capture_output=True, text=True)
    assert import_check.stdout.startswith(str(target))


def test_every_folder_that_ships_files_is_a_listed_package():
    """setuptools warns (and will stop building) when a folder with package data is not in
    ``packages``: the list must match the tree."""
    try:
        import tomllib
    except ImportError:                         # Python 3.10
        import tomli as tomllib
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert conf["project"]["license"] == "MIT"                # an SPDX string, not a table
    assert conf["build-system"]["requires"] == ["setuptools>=77"]
    listed = set(conf["tool"]["setuptools"]["packages"])
    mapped = {v: k for k, v in conf["tool"]["setuptools"]["package-dir"].items()}
    found = set()
    for top, name in (("lawlint", "lawlint"), ("rules", mapped["rules"])):
        for d in [ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            if d.name == "__pycache__" or not any(f.is_file() for f in d.iterdir()):
                continue
            rel = d.relative_to(ROOT / top).parts
            found.add(".".join((name, *rel)))
    assert found == listed


def test_shipped_schema_is_current():
    from lawlint.rulepack.schema import pack_schema
    shipped = json.loads((ROOT / "rules" / "rule.schema.json").read_text(encoding="utf-8"))
    assert shipped == pack_schema(), "run: lawlint rules --format schema > rules/rule.schema.json"


def test_builtin_packs_validate_against_shipped_schema():
    import jsonschema
    import yaml
    schema = json.loads((ROOT / "rules" / "rule.schema.json").read_text(encoding="utf-8"))
    from lawlint.rulepack.ruleset import builtin_pack_paths
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)     # (jsonschema.validate checks the schema each call)
    for p in builtin_pack_paths():
        validator.validate(yaml.safe_load(p.read_text(encoding="utf-8")))


def test_rules_reference_is_current(cli):
    out = cli("rules", "--format", "markdown").stdout.decode()
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == out, \
        "docs/rules.md is stale: run lawlint rules --format markdown > docs/rules.md"


def test_check_types_reference_is_current(cli):
    out = cli("rules", "--format", "checks").stdout.decode()
    assert "## existence" in out and "`{match}`" in out and "（必填）" in out
    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == out, \
        "docs/checks.md is stale: run lawlint rules --format checks > docs/checks.md"
