"""Golden output: ``lawlint check --format json`` of every seed and every report fixture.

``tests/test_golden.py`` asserts today's output is byte-identical to the files stored here, so a
refactoring that changes any finding, position, message, score or section verdict fails loudly.
When a change of output is intended (a new rule, a better message), regenerate deliberately and
review the diff before committing:

    python tests/golden/regenerate.py

Paths are given relative to the repository root, so the stored JSON does not depend on where the
repository is checked out.
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".pdf")


def inputs() -> list[str]:
    """The checked inputs, as paths relative to the repository root (posix separators)."""
    files = [p for p in sorted((ROOT / "seeds").iterdir()) if p.suffix == ".txt"]
    files += [p for p in sorted((ROOT / "tests" / "fixtures").rglob("*"))
              if p.is_file() and p.suffix in REPORT_SUFFIXES and p.name != "README.md"]
    return [p.relative_to(ROOT).as_posix() for p in files]


def golden_path(rel: str) -> Path:
    return HERE / (rel.replace("/", "__") + ".json")


def render(rel: str) -> str:
    """What ``lawlint check --format json REL`` prints when run from the repository root."""
    from lawlint.cli import main

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["check", "--format", "json", "--exit-zero", rel])
    finally:
        os.chdir(cwd)
    if code != 0:
        raise RuntimeError(f"lawlint check {rel} exited {code}")
    return out.getvalue()


def main() -> int:
    sys.path.insert(0, str(ROOT))
    keep = set()
    for rel in inputs():
        target = golden_path(rel)
        keep.add(target)
        text = render(rel)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if old != text:
            target.write_text(text, encoding="utf-8", newline="\n")
            print(("updated " if old is not None else "created ") + target.relative_to(ROOT).as_posix())
    for stale in HERE.glob("*.json"):
        if stale not in keep:
            stale.unlink()
            print("removed " + stale.relative_to(ROOT).as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
