"""sre's own Python modules, wherever this Python keeps them: ``re._parser``/``re._compiler``/
``re._constants`` on 3.11+, ``sre_parse``/``sre_compile``/``sre_constants`` on 3.10 (the same
code under the older names). The regex fast path (cached compiled code, first-character hints,
required literals) reads them; without this the path would silently switch off on 3.10.

The compiler's private functions the fast path calls are exported here by name, each taken from
the first module that has it: ``re._optimizer`` (where CPython gh-152100 moves ``_compile_info``,
``_optimize_charset`` and ``_compile_charset``), then ``re._compiler`` (or ``sre_compile``). One
found nowhere raises :class:`Missing` when called: regexcache then falls back to ``re.compile``
(correct, slower) and tests/test_sreinfo.py fails, so a move is never silent."""
from __future__ import annotations

try:                                   # Python 3.11+
    from re import _compiler as compiler
    from re import _constants as constants
    from re import _parser as parser
except ImportError:                    # Python 3.10
    import sre_compile as compiler      # type: ignore[no-redef]
    import sre_constants as constants   # type: ignore[no-redef]
    import sre_parse as parser          # type: ignore[no-redef]

try:                                   # CPython after gh-152100
    from re import _optimizer as optimizer   # type: ignore[attr-defined]
except ImportError:
    optimizer = None


class Missing(RuntimeError):
    """A private sre function the fast path needs is in none of the modules it looks in."""


def _find(name: str):
    for module in (optimizer, compiler):
        found = getattr(module, name, None)
        if callable(found):
            return found

    def missing(*_args, **_kwargs):
        raise Missing(f"sre's {name} is in neither re._optimizer nor {compiler.__name__}")
    missing.__name__ = name
    return missing


code = _find("_code")                              # pattern -> the code _sre.compile takes
compile_info = _find("_compile_info")              # the INFO block (prefix / first-char class)
optimize_charset = _find("_optimize_charset")
compile_charset = _find("_compile_charset")
generate_overlap_table = _find("_generate_overlap_table")

__all__ = ["compiler", "constants", "parser", "optimizer", "Missing", "code", "compile_info",
           "optimize_charset", "compile_charset", "generate_overlap_table"]
