"""Synthetic reports (other provinces, years 2016–2025, governments and departments, plain text,
Markdown and NFKC-style half-width text) with every finding of the structure, terminology and
content rules listed in tests/fixtures/structure/expected.yaml."""
from collections import Counter
from pathlib import Path

import pytest
import yaml

from lawlint import lint_path

HERE = Path(__file__).resolve().parent / "fixtures" / "structure"
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))
MINE = ("numbering.", "term.", "plenum.", "citation.", "title.", "placeholder.", "request.",
        "residue.", "content.")


def test_every_fixture_has_expectations():
    files = sorted(p.name for p in HERE.iterdir() if p.suffix in (".txt", ".md"))
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_findings(name):
    want = EXPECTED[name]
    r = lint_path(HERE / name)
    assert r.report_year == want["year"]
    got = Counter((d.rule, d.line) for d in r.diagnostics if d.rule.startswith(MINE))
    assert got == Counter(tuple(x) for x in want["findings"])


@pytest.mark.parametrize("path", sorted((HERE.parent / "clean").glob("*.txt")), ids=lambda p: p.name)
def test_clean_reports_have_no_findings(path):
    """Well-written reports in different hands (numbers with thousands separators, decimals, a URL,
    an APP name, 〔2023〕5号, 究其原因 with 主观上/客观上): every part found, nothing reported."""
    r = lint_path(path)
    assert [(d.rule, d.line, d.message) for d in r.diagnostics] == []
    assert {v.status for v in r.sections.values()} == {"heading"} and r.score == 100
