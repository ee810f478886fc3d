"""``--diff-base REV``: only the files changed since REV (for pull requests)."""
from __future__ import annotations

import os
import subprocess

from ..errors import ConfigError


def changed_files(rev: str) -> set[str]:
    def git(*args):
        try:
            r = subprocess.run(["git", *args], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as e:
            raise ConfigError(f"--diff-base 需要 git（{e}）") from None
        if r.returncode != 0:
            raise ConfigError(f"--diff-base {rev}：git 出错（{r.stderr.strip().splitlines()[-1] if r.stderr.strip() else r.returncode}）")
        return r.stdout

    top = git("rev-parse", "--show-toplevel").strip()
    names = git("diff", "--name-only", "--diff-filter=ACMR", rev).splitlines()
    names += git("ls-files", "--others", "--exclude-standard").splitlines()
    return {os.path.realpath(os.path.join(top, n)) for n in names if n}
