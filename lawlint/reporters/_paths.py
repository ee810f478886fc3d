"""Report paths relative to the repository (git top level) or the working directory."""
from __future__ import annotations

import os
import subprocess
from functools import lru_cache


@lru_cache(maxsize=1)
def base_dir() -> str:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                             timeout=5)
        if top.returncode == 0 and top.stdout.strip():
            return top.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return os.getcwd()


def relative(path: str) -> str:
    """Forward-slash path relative to the repository root; absolute when outside it."""
    if path.startswith("<"):
        return path.strip("<>")
    full = os.path.abspath(path)
    rel = os.path.relpath(full, base_dir())
    if rel.startswith(".."):
        rel = full
    return rel.replace(os.sep, "/")
