"""Locate the built-in rules folder, in a checkout or inside an installed wheel."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The folder holding the built-in ``*.yaml`` rule packs, ``data/`` and the JSON schema."""
    here = Path(__file__).resolve().parent.parent      # the lawlint package
    packaged = here / "rules"          # installed: top-level rules/ is packaged as lawlint.rules
    if (packaged / "profile.yaml").is_file():
        return packaged
    return here.parent / "rules"       # a source checkout


@lru_cache(maxsize=None)
def load_data(name: str):
    """A YAML data file from ``rules/data``, parsed once per process."""
    return load_builtin_yaml(rules_dir() / "data" / name)


def shared_patterns() -> dict:
    """Patterns several rules share, by name (``rules/data/patterns.yaml``)."""
    return load_data("patterns.yaml")["shared"]


def load_builtin_yaml(path: Path):
    """A built-in YAML file, parsed; the parsed data is cached on disk by the file's text (see
    :mod:`lawlint.rulepack.cache`), so a warm start does not import the YAML parser."""
    from . import cache

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = None
    cached = cache.get("data", text) if text is not None else None
    if cached is not None:
        return cached
    from .yamlio import load_yaml_file
    data = load_yaml_file(path)          # names the file in an error
    if text is not None:
        cache.put("data", text, data)
    return data
