"""Each hostile shape at the ``max_chars`` limit (1,000,000 characters), and the .docx and web-page
cases, checked by a fresh ``lawlint check --format json`` as a user runs it (issue 23, item 8).

The inputs are the growth benchmark's (benchmarks/growth.py prints their CPU seconds and peak
memory). These tests assert the outcome only: exit code, a valid JSON result, and a finding count
(or a folded count) that proves the whole text was read — never a time. A hang fails through the
subprocess timeout of ``run_cli`` (120 s); the rule time limit (wall clock, so loaded machines could
trip it) is raised so that only a real hang fails."""
import json
import re
import sys
from collections import Counter

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from growth import LIMIT, limit_page, limit_text, numbered_docx  # noqa: E402

LISTED = 10_000            # max_findings_per_rule by default
pytestmark = pytest.mark.slow


def check(tmp_path, cli, name, data: bytes):
    (tmp_path / ".lawlint.yaml").write_text("rule_time_limit: 600\n", encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    r = cli("check", "--format", "json", name, cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode in (0, 1) and "Traceback" not in err, err
    (f,) = json.loads(r.stdout)["files"]
    assert f.get("error") is None and f["score"] is not None
    assert not any("运行超过" in d["message"] for d in f["diagnostics"])
    return f


def total(f, rule) -> int:
    """Findings of ``rule``: those listed plus those a folded finding says it stands for."""
    n = 0
    for d in f["diagnostics"]:
        if d["rule"] == rule:
            m = re.search(r"另有 ([\d,]+) 处", d["message"])
            n += int(m.group(1).replace(",", "")) if m else 1
    return n


def listed(f, rule) -> int:
    return sum(1 for d in f["diagnostics"] if d["rule"] == rule)


@pytest.mark.parametrize("shape,rule", [("open_paren", "punct.unpaired"), ("book_marks", "punct.unpaired")])
def test_a_million_unpaired_marks(tmp_path, cli, shape, rule):
    text = limit_text(shape)
    f = check(tmp_path, cli, f"{shape}.txt", text.encode())
    assert len(text) == LIMIT and listed(f, rule) == LISTED + 1 and total(f, rule) == LIMIT


def test_spaced_text(tmp_path, cli):
    text = limit_text("spaced")
    f = check(tmp_path, cli, "spaced.txt", text.encode())
    assert listed(f, "punct.space") == LISTED + 1
    assert total(f, "punct.space") == text.strip().count(" ")        # every space between two characters


def test_mixed_punctuation_soup(tmp_path, cli):
    text = limit_text("mixed_punct")
    f = check(tmp_path, cli, "mixed_punct.txt", text.encode())
    for rule in ("punct.halfwidth", "punct.halfwidth.period", "numbering.brackets"):
        assert listed(f, rule) == LISTED + 1, rule
    assert total(f, "numbering.brackets") == text.count("(一)")      # every half-width (一) heading
    assert total(f, "punct.halfwidth.period") == text.count(".")


@pytest.mark.parametrize("shape", ["digits", "dots", "year_range", "repeated_word"])
def test_runs_without_findings_to_fold(tmp_path, cli, shape):
    f = check(tmp_path, cli, f"{shape}.txt", limit_text(shape).encode())
    rules = Counter(d["rule"] for d in f["diagnostics"])
    assert rules["title.missing"] == 1 and all(n < 10 for n in rules.values()), rules


def test_a_million_characters_of_one_line_headings(tmp_path, cli):
    text = limit_text("heading_levels")
    f = check(tmp_path, cli, "heading_levels.txt", text.encode())
    tops = len(re.findall(r"^一、", text, re.M))
    assert tops > 30_000 and total(f, "numbering.repeat") == tops - 1       # every 一、 after the first
    assert listed(f, "numbering.repeat") == LISTED + 1


def test_a_million_characters_of_cn_paren_headings(tmp_path, cli):
    text = limit_text("cn_paren_cycle")
    f = check(tmp_path, cli, "cn_paren_cycle.txt", text.encode())
    firsts = text.count("（一）")
    assert firsts > 15_000 and total(f, "numbering.repeat") == firsts - 1    # every （一） after the first


def test_docx_with_ten_thousand_numbering_definitions(tmp_path, cli):
    f = check(tmp_path, cli, "lists.docx", numbered_docx(10_000))
    # one paragraph per list, levels 1, 2, 3, 0 in turn: each of the 2,500 first-level numbers
    # Word would draw (一、, every list starting at 1) after the first repeats it
    assert total(f, "numbering.repeat") == 10_000 // 4 - 1


@pytest.mark.parametrize("shape", ["html_nested_div", "html_unclosed_div_p"])
def test_web_page_of_a_million_characters_of_tags(tmp_path, cli, shape):
    page = limit_page(shape)
    assert len(page) > LIMIT * 0.99
    check(tmp_path, cli, f"{shape}.html", page.encode())
    from lawlint.loaders import load_bytes
    src = load_bytes(page.encode(), path="page.html", kind="html")
    assert src.text.startswith("关于2021年度法治政府建设情况的报告") and src.text.count("审结80件") == 20
