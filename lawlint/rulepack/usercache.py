"""Where the user's cache folder is, without importing platformdirs on Linux."""
from __future__ import annotations

import os
import sys


def user_cache_root() -> str | None:
    """The platform's user cache folder for lawlint, or None where there is none.

    On Linux that is the XDG Base Directory rule, read here: ``$XDG_CACHE_HOME`` when it is an
    absolute path (the specification ignores a relative one), else ``$HOME/.cache`` (a relative
    ``HOME`` counts as unset: the passwd entry's home), then ``lawlint``. It is what
    ``platformdirs.user_cache_dir`` gives there (tests/test_cache_safety.py holds the two equal),
    without importing platformdirs, which costs every start ≈ 38 M instructions (pathlib, tempfile,
    urllib.parse …). Elsewhere platformdirs answers (``~/Library/Caches``, ``%LOCALAPPDATA%``)."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            home = os.environ.get("HOME", "")
            if not os.path.isabs(home):
                try:
                    import pwd
                    home = pwd.getpwuid(os.getuid()).pw_dir
                except (ImportError, KeyError):      # no passwd entry: no home, no cache
                    return None
            base = os.path.join(home.rstrip("/") or "/", ".cache")
        return os.path.join(base, "lawlint")
    try:
        import platformdirs
        return platformdirs.user_cache_dir("lawlint", appauthor=False)
    except Exception:           # noqa: BLE001 - no platformdirs, or no home at all
        return None
