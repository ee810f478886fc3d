"""Output formats. Each is one small module with ``render(results, run) -> str`` (text) that only
formats what the engine found; a new format is one module and one line in ``FORMATS``.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
}


@dataclass
class Run:
    """What a reporter may need besides the per-file results."""

    ruleset: object
    version: str
    color: bool = False
    width: int | None = None
    options: dict = field(default_factory=dict)


def names():
    return list(FORMATS)


def get(name):
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


def summary(results) -> dict:
    checked = [r for r in results if r.error is None]
    scores = [r.score for r in checked if r.score is not None]
    mean = round(sum(scores) / len(scores), 1) if scores else None
    return {"files": len(results), "errors": sum(r.count("error") for r in checked),
            "warnings": sum(r.count("warning") for r in checked),
            "infos": sum(r.count("info") for r in checked), "mean_score": mean,
            "failed_files": sum(1 for r in results if r.error is not None)}
