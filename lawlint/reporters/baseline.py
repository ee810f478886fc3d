"""Baselines: adopt lawlint on a repository of old reports and gate only new findings.

``--write-baseline FILE`` records every current finding by path, rule and fingerprint (see
:mod:`lawlint.reporters.fingerprint`: it survives edits elsewhere in the file). ``--baseline FILE`` marks the
findings recorded there: they are still shown, but do not fail the run; entries that no longer
occur are counted so the baseline can shrink.
"""
from __future__ import annotations

import json
from collections import Counter

from . import fingerprint
from ..fix.atomic import write_text_atomic
from ..errors import ConfigError
from ._paths import relative


def entries_of(r) -> list:
    if r.error is not None:
        return []
    return [{"path": relative(r.path), "rule": d.rule, "fingerprint": fp}
            for d, fp in zip(r.diagnostics, fingerprint.of(r))]


def write(path, entries) -> int:
    from . import clean
    write_text_atomic(path, clean(json.dumps({"lawlint_baseline": 1, "entries": entries},
                                             ensure_ascii=False, indent=1) + "\n", "json"))
    return len(entries)


def load(path) -> Counter:
    from ..loaders.safeio import read_regular
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
        return Counter((e["path"], e["rule"], e["fingerprint"]) for e in data["entries"])
    except FileNotFoundError:
        raise ConfigError("基线文件不存在（先用 --write-baseline 生成）", path) from None
    except OSError as e:
        from ..loaders.safeio import problem
        raise ConfigError(f"基线文件{problem(e)}", path) from None
    except (ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"基线文件格式不对（{type(e).__name__}）", path) from None


class Matcher:
    """Marks baseline findings one result at a time; counts the entries left unmatched."""

    def __init__(self, entries: Counter):
        self.left = Counter(entries)
        self.checked: set = set()

    def mark(self, r) -> None:
        if r.error is not None:
            return
        rel = relative(r.path)
        self.checked.add(rel)
        for d, fp in zip(r.diagnostics, fingerprint.of(r)):
            key = (rel, d.rule, fp)
            if self.left[key] > 0:
                self.left[key] -= 1
                d.baseline = True

    def stale(self) -> int:
        return sum(n for (p, _, _), n in self.left.items() if n > 0 and p in self.checked)
