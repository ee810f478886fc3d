import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from helpers import FIXTURES, run_cli

settings.register_profile("lawlint", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# `pytest --hypothesis-profile thorough` runs many more examples (use it before touching fix or
# the parsers); the default keeps the suite quick.
settings.register_profile("thorough", parent=settings.get_profile("lawlint"), max_examples=2000)
settings.load_profile("lawlint")

# Strict mode: a check that raises propagates instead of becoming a finding, so every test that
# runs a crashing check fails (CLI tests inherit it through the environment).
os.environ["LAWLINT_STRICT"] = "1"

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


@pytest.fixture
def cli():
    return run_cli

