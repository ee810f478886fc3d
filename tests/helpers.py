"""Helpers shared by the test modules, in one place (conftest.py holds only pytest's hooks and
fixtures; ``from helpers import lint, run_cli, write_pack`` in a test module)."""
import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_cli(*args, cwd=None, input=None, env=None):
    """Run ``python -m lawlint`` as a user would; returns CompletedProcess with text output."""
    full_env = dict(os.environ)
    full_env.pop("GITHUB_ACTIONS", None)
    full_env["NO_COLOR"] = "1"
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "lawlint", *map(str, args)], cwd=cwd or ROOT,
                          input=input, capture_output=True, env=full_env, timeout=120)


def lint(text, year=None, select=None, kind="txt", rules=None):
    """Lint ``text`` in-process (strict mode: a crashing check raises); ``rules``: extra packs."""
    from lawlint.api import lint_text
    from lawlint.config import Config
    cfg = Config(select=list(select or []), rule_packs=[str(p) for p in rules or []])
    return lint_text(text, year=year, config=cfg, kind=kind)


RULE_DEFAULTS = {"severity": "warning", "category": "language", "title": "测试", "message": "测试",
                 "basis": "测试", "weight": 1, "cap": 1}


def write_pack(path, *rules):
    """A rule pack of the given rules (dicts; the common fields default to a test rule). Written
    as JSON-style YAML, one key per line, so each rule starts on a known line."""
    lines = ["rules:"]
    for rule in rules:
        full = {**RULE_DEFAULTS, **rule}
        first = True
        for key, value in full.items():
            lines.append(("  - " if first else "    ") + f"{key}: {json.dumps(value, ensure_ascii=False)}")
            first = False
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Path(path)


def existence_pack(path, rule_id, patterns, examples):
    """A one-rule pack of check type existence; its patterns start on line 12."""
    listed = "".join(f"      - '{p}'\n" for p in patterns)
    Path(path).write_text(f"""rules:
  - id: {rule_id}
    check: existence
    severity: warning
    category: language
    title: 测试
    message: 测试
    basis: 测试
    weight: 1
    cap: 1
    patterns:
{listed}    examples: {examples}
""", encoding="utf-8")
    return Path(path)


def find_chromium() -> str | None:
    """The Chromium the browser tests drive ($LAWLINT_CHROMIUM, else Debian's), or None."""
    for name in (os.environ.get("LAWLINT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (path := shutil.which(name)):
            return path
    return None


NO_CHROMIUM = "未找到 Chromium（Debian：apt-get install chromium），浏览器测试跳过"


@contextlib.contextmanager
def chromium(path: str):
    """A headless Chromium at ``path`` driven by Playwright, closed afterwards."""
    from playwright import sync_api
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()


PRESENT = ("heading", "body")


def presence_counts(pairs) -> dict:
    """Section presence against a reader's labels, counted as ../shared/tools/agreement.py counts
    it, over ``(labels row, lint result)`` pairs: parts labelled ``unknown`` (never reached by a
    cut copy) are not judged, and a part the linter did not reach is never right."""
    n = dict(agree=0, total=0, caught=0, absent=0, false_absent=0, present=0)
    for row, result in pairs:
        for sid, want in row["sections"].items():
            if want not in ("heading", "body", "absent"):
                continue
            verdict = result.sections[sid]
            got = verdict.reached and verdict.status in PRESENT
            n["total"] += 1
            n["agree"] += verdict.reached and got == (want in PRESENT)
            if want == "absent":
                n["absent"] += 1
                n["caught"] += verdict.reached and not got
            else:
                n["present"] += 1
                n["false_absent"] += not got
    return n
