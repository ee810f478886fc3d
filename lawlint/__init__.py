"""lawlint: a compliance linter for annual reports on rule-of-law government construction.

The public API is deliberately small and imports nothing heavy at package import time, so that
``lawlint check`` starts fast (a pre-commit hook runs it on every commit).
"""
from ._version import __version__

__all__ = ["__version__", "lint_text", "lint_path", "load_rules"]


def lint_text(text, *, year=None, config=None, path="<text>", kind="txt"):
    """Lint a report given as a string and return a :class:`lawlint.result.FileResult`."""
    from .api import lint_text as _lint_text
    return _lint_text(text, year=year, config=config, path=path, kind=kind)


def lint_path(path, config=None):
    """Lint one report file and return a :class:`lawlint.result.FileResult`."""
    from .api import lint_path as _lint_path
    return _lint_path(path, config=config)


def load_rules(paths=None):
    """Load the built-in rules plus the rule packs at ``paths`` into a RuleSet."""
    from .rulepack.ruleset import load_rules as _load_rules
    return _load_rules(paths)
