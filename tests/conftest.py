import atexit
import json
import os
import shutil
import tempfile
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

# Each test session gets a fresh, empty cache folder: tests never share the user's cache nor an
# earlier session's (whose entries an edit could make stale), and they exercise validation.
_CACHE = tempfile.mkdtemp(prefix="lawlint-test-cache-")
os.environ["LAWLINT_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)


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

