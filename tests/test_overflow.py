"""Past ``max_findings_per_rule`` a rule's findings in one report fold into one finding that says
how many more there are (lawlint/checks/overflow.py): same score, suppressions still honoured, hints
still counting every place, and ``fix`` still fixing every place."""
from collections import Counter

from lawlint.api import lint_text
from lawlint.config import Config
from lawlint.fix.apply import fix_source
from lawlint.loaders.source import Source

HEAD = "关于2023年度某县法治政府建设情况的报告\n"


def commas(n, lines=1):
    """``n`` half-width commas in Chinese text, spread over ``lines`` paragraphs."""
    per = n // lines
    return HEAD + "\n".join("推进依法行政," * per for _ in range(lines)) + "\n"


def by_rule(result, rule):
    return [d for d in result.diagnostics if d.rule == rule]


def test_findings_past_the_limit_fold_into_one_that_counts_them():
    text = commas(300)
    full = lint_text(text, config=Config(max_findings_per_rule=0))
    capped = lint_text(text, config=Config(max_findings_per_rule=40))
    every = by_rule(full, "punct.halfwidth")
    listed = by_rule(capped, "punct.halfwidth")
    assert len(every) == 300 and len(listed) == 41
    assert [(d.line, d.column) for d in listed] == [(d.line, d.column) for d in every[:41]]
    last = listed[-1]
    assert "另有 260 处" in last.message and "40" in last.message and "max_findings_per_rule" in last.message
    assert not last.fixable and last.replacement is None
    assert capped.score == full.score and capped.deductions == full.deductions
    assert all("另有" not in d.message for d in every)


def test_the_default_limit_leaves_a_real_sized_report_alone():
    r = lint_text(commas(600, lines=6))
    assert len(by_rule(r, "punct.halfwidth")) == 600
    assert not any(d.folded for d in r.diagnostics)


def test_suppressed_findings_past_the_limit_are_not_counted():
    text = commas(20, lines=2)
    lines = text.split("\n")
    text = "\n".join(lines[:2] + ["<!-- lawlint-disable-next-line punct.halfwidth -- 原文如此 -->"] + lines[2:])
    r = lint_text(text, config=Config(max_findings_per_rule=5))
    listed = by_rule(r, "punct.halfwidth")
    assert len(listed) == 6 and "另有 5 处" in listed[-1].message      # the suppressed line's 10 not counted
    assert not any(d.rule == "lawlint.unused_suppression" for d in r.diagnostics)


def test_a_hint_rule_counts_its_folded_places():
    text = HEAD + "".join(f"学习了《条例{i}》、《办法{i}》等文件。" for i in range(30)) + "\n"
    full = by_rule(lint_text(text, config=Config(max_findings_per_rule=0)), "punct.serial_comma")
    capped = by_rule(lint_text(text, config=Config(max_findings_per_rule=7)), "punct.serial_comma")
    assert len(full) == len(capped) == 1
    assert "全文共 30 处" in full[0].message and "全文共 30 处" in capped[0].message


def test_fix_fixes_every_place_whatever_the_limit():
    text = commas(120)
    out = fix_source(Source(text=text, path="r.txt", kind="txt"), Config(max_findings_per_rule=10))
    assert out.counts["punct.halfwidth"] == 120 and "," not in out.fixed


def test_config_file_key(tmp_path, cli):
    (tmp_path / "r.txt").write_text(commas(50), encoding="utf-8")
    (tmp_path / ".lawlint.yaml").write_text("max_findings_per_rule: 10\n", encoding="utf-8")
    r = cli("check", "--format", "json", "r.txt", cwd=tmp_path)
    import json
    diags = json.loads(r.stdout)["files"][0]["diagnostics"]
    counts = Counter(d["rule"] for d in diags)
    assert counts["punct.halfwidth"] == 11
    (tmp_path / ".lawlint.yaml").write_text("max_findings_per_rule: -1\n", encoding="utf-8")
    r = cli("check", "r.txt", cwd=tmp_path)
    assert r.returncode == 2 and "max_findings_per_rule" in r.stderr.decode()
