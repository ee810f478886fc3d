"""Locate the built-in rules folder, in a checkout or inside an installed wheel."""
from __future__ import annotations

import os
from functools import lru_cache


def rules_dir():
    """The folder holding the built-in ``*.yaml`` rule packs, ``data/`` and the JSON schema (a Path)."""
    from pathlib import Path
    return Path(rules_folder())


@lru_cache(maxsize=1)
def rules_folder() -> str:
    """:func:`rules_dir` as a string: what a check run uses (importing pathlib costs a start ≈19 M)."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))    # the lawlint package
    packaged = os.path.join(here, "rules")  # installed: top-level rules/ is packaged as lawlint.rules
    if os.path.isfile(os.path.join(packaged, "profile.yaml")):
        return packaged
    return os.path.join(os.path.dirname(here), "rules")     # a source checkout


def rules_file(*parts: str) -> str:
    """A file under the built-in rules folder (``rules_file("data", "laws.json")``)."""
    return os.path.join(rules_folder(), *parts)


@lru_cache(maxsize=None)
def load_data(name: str):
    """A YAML data file from ``rules/data``, parsed once per process."""
    return load_builtin_yaml(rules_file("data", name))


def shared_patterns() -> dict:
    """Patterns several rules share, by name (``rules/data/patterns.yaml``)."""
    return load_data("patterns.yaml")["shared"]


def load_builtin_yaml(path):
    """A built-in YAML file, parsed; the parsed data is cached on disk by the file's text (see
    :mod:`lawlint.rulepack.cache`), so a warm start does not import the YAML parser."""
    from . import cache

    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
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
