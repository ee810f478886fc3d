"""sre's own Python modules, wherever this Python keeps them: ``re._parser``/``re._compiler``/
``re._constants`` on 3.11+, ``sre_parse``/``sre_compile``/``sre_constants`` on 3.10 (the same
code under the older names). The regex fast path (cached compiled code, first-character hints,
required literals) reads them; without this the path would silently switch off on 3.10."""
from __future__ import annotations

try:                                   # Python 3.11+
    from re import _compiler as compiler
    from re import _constants as constants
    from re import _parser as parser
except ImportError:                    # Python 3.10
    import sre_compile as compiler      # type: ignore[no-redef]
    import sre_constants as constants   # type: ignore[no-redef]
    import sre_parse as parser          # type: ignore[no-redef]

__all__ = ["compiler", "constants", "parser"]
