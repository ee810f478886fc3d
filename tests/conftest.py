import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("lawlint", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# `pytest --hypothesis-profile thorough` runs many more examples (use it before touching fix or
# the parsers); the default keeps the suite quick.
settings.register_profile("thorough", parent=settings.get_profile("lawlint"), max_examples=2000)
settings.load_profile("lawlint")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Tests must not share the user's rule cache (and must exercise validation).
os.environ.setdefault("LAWLINT_CACHE_DIR", str(Path(os.environ.get("TMPDIR", "/tmp")) / "lawlint-test-cache"))


@pytest.fixture(scope="session")
def ruleset():
    from lawlint import load_rules
    return load_rules()


@pytest.fixture(scope="session")
def seed_labels():
    names = json.loads((FIXTURES / "seed_names.json").read_text(encoding="utf-8"))
    out = {}
    for line in (FIXTURES / "seed_labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[names[row["id"]]] = row
    return out


def run_cli(*args, cwd=None, input=None, env=None):
    """Run ``python -m lawlint`` as a user would; returns CompletedProcess with text output."""
    full_env = dict(os.environ)
    full_env.pop("GITHUB_ACTIONS", None)
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "lawlint", *map(str, args)], cwd=cwd or ROOT,
                          input=input, capture_output=True, env=full_env, timeout=120)


@pytest.fixture
def cli():
    return run_cli


def lint(text, year=None, select=None, kind="txt"):
    from lawlint.api import lint_text
    from lawlint.config import Config
    cfg = Config(select=list(select or []))
    return lint_text(text, year=year, config=cfg, kind=kind)
