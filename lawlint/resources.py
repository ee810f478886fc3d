"""Locate the built-in rules folder, in a checkout or inside an installed wheel."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The folder holding the built-in ``*.yaml`` rule packs, ``data/`` and the JSON schema."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"          # installed: top-level rules/ is packaged as lawlint.rules
    if (packaged / "profile.yaml").is_file():
        return packaged
    return here.parent / "rules"       # a source checkout


@lru_cache(maxsize=None)
def load_data(name: str):
    """A YAML data file from ``rules/data``, parsed once per process."""
    from .yamlio import load_yaml_file
    return load_yaml_file(rules_dir() / "data" / name)
