"""Inline suppression comments in .md and .txt, with reasons; unused ones are reported."""
from helpers import lint

BODY = "全年办理案件12件,审结10件。"


def rules_of(text, kind="txt"):
    return [d.rule for d in lint(text, year=2021, kind=kind).diagnostics]


def test_disable_next_line_md_and_txt():
    for kind, line in (("md", "<!-- lawlint-disable-next-line punct.halfwidth -- 引用原文 -->"),
                       ("txt", "// lawlint-disable-next-line punct.halfwidth -- 引用原文")):
        found = rules_of(f"{line}\n{BODY}\n{BODY}", kind)
        assert found.count("punct.halfwidth") == 1, kind        # only the second line is reported
        assert "lawlint.unused_suppression" not in found


def test_disable_enable_range_and_file():
    text = f"{BODY}\n<!-- lawlint-disable punct -->\n{BODY}\n{BODY}\n<!-- lawlint-enable -->\n{BODY}"
    assert rules_of(text, "md").count("punct.halfwidth") == 2
    assert "punct.halfwidth" not in rules_of(f"<!-- lawlint-disable-file punct.halfwidth -->\n{BODY}\n{BODY}", "md")


def test_directive_lines_are_not_report_text():
    r = lint("// lawlint-disable-next-line punct.halfwidth\n一、主要举措和成效\n" + BODY, year=2021)
    assert [h.title for h in []] == [] and r.sections["measures"].line == 2


def test_unused_and_unknown_suppressions_are_reported():
    found = lint(f"<!-- lawlint-disable-next-line word.duplicated -->\n{BODY}", year=2021, kind="md").diagnostics
    unused = [d for d in found if d.rule == "lawlint.unused_suppression"]
    assert len(unused) == 1 and unused[0].line == 1 and "没有屏蔽" in unused[0].message
    found = lint(f"<!-- lawlint-disable-next-line no.such -->\n{BODY}", year=2021, kind="md").diagnostics
    assert any("不存在的规则" in d.message for d in found)


def test_suppressed_findings_do_not_cost_points():
    plain = lint(f"{BODY}\n{BODY}", year=2021)
    quiet = lint(f"<!-- lawlint-disable-file punct.halfwidth -->\n{BODY}\n{BODY}", year=2021, kind="md")
    assert "punct.halfwidth" in plain.deductions and "punct.halfwidth" not in quiet.deductions
