"""Where a rule's documentation (docs/rules.md) can be opened, for SARIF's ``helpUri``: an absolute
URI or None.

lawlint is installed from its repository (docs/install.md), and pip records where from
(``direct_url.json``, PEP 610): a git URL and the commit on GitHub or GitLab gives the page of that
very commit; a local checkout (editable install, or running from the source tree) gives the file.
A wheel installed from elsewhere has no documentation to point to, and rules get no helpUri.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DOC = "docs/rules.md"


def rule_anchor(rule_id: str) -> str:
    """The heading anchor GitHub and GitLab give 「## numbering.single」: lower case, dots dropped."""
    return re.sub(r"[^\w\- ]", "", rule_id.lower()).replace(" ", "-")


def help_uri(rule_id: str) -> str | None:
    base = rules_doc()
    return f"{base}#{rule_anchor(rule_id)}" if base else None


@lru_cache(maxsize=1)
def rules_doc() -> str | None:
    try:
        from importlib.metadata import distribution
        raw = distribution("lawlint").read_text("direct_url.json")
        info = json.loads(raw) if raw else {}
    except Exception:          # noqa: BLE001 - no metadata (running from a source tree): look there
        info = {}
    url, vcs = info.get("url", ""), info.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and url.startswith("https://"):
        web = url[:-4] if url.endswith(".git") else url
        if "github" in url:
            return f"{web}/blob/{vcs['commit_id']}/{DOC}"
        if "gitlab" in url:
            return f"{web}/-/blob/{vcs['commit_id']}/{DOC}"
        return None
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / DOC).is_file() and (checkout / "pyproject.toml").is_file():
        return (checkout / DOC).as_uri()
    return None
