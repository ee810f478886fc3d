"""``--format junit``: JUnit XML (GitLab's test report widget, Jenkins, Azure): one testsuite per
report, one testcase per rule that ran on it; a rule with error or warning findings is a failure
listing them, info findings (hints) are listed in the testcase's system-out and do not fail it."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ._paths import relative
from ._safe import xml_text


def render(results, run) -> str:
    root = ET.Element("testsuites", name="lawlint")
    total_tests = total_failures = total_errors = 0
    for r in results:
        path = relative(r.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        if r.error is not None:
            case = ET.SubElement(suite, "testcase", classname=path, name="load")
            ET.SubElement(case, "error", message=r.error, type="LoadError").text = r.error
            suite.set("tests", "1"), suite.set("failures", "0"), suite.set("errors", "1")
            total_tests, total_errors = total_tests + 1, total_errors + 1
            continue
        by_rule: dict[str, list] = {}
        for d in r.diagnostics:
            if not d.baseline:
                by_rule.setdefault(d.rule, []).append(d)
        ran = list(dict.fromkeys(list(r.rules_run) + list(by_rule)))
        props = ET.SubElement(suite, "properties")
        for k, v in (("score", r.score), ("grade", r.grade_label), ("report_year", r.report_year),
                     ("errors", r.count("error")), ("warnings", r.count("warning")),
                     ("infos", r.count("info"))):
            ET.SubElement(props, "property", name=k, value="" if v is None else str(v))
        failures = 0
        for rule_id in ran:
            case = ET.SubElement(suite, "testcase", classname=path, name=rule_id)
            found = [d for d in by_rule.get(rule_id, []) if d.severity != "info"]
            notes = [d for d in by_rule.get(rule_id, []) if d.severity == "info"]
            if found:
                failures += 1
                rule = run.ruleset.get(rule_id)
                title = rule.title if rule else rule_id
                f = ET.SubElement(case, "failure", type=rule_id,
                                  message=f"{len(found)} 处：{title}")
                f.text = "\n".join(f"{path}:{d.line}:{d.column} [{d.severity}] {d.message}" for d in found)
            if notes:       # info findings are hints, not failures: kept in the test's output
                ET.SubElement(case, "system-out").text = "\n".join(
                    f"{path}:{d.line}:{d.column} [info] {d.message}" for d in notes)
        suite.set("tests", str(len(ran)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests, total_failures = total_tests + len(ran), total_failures + failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    ET.indent(root)
    # Report text and file names may hold characters XML 1.0 forbids; markup itself never does.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_text(ET.tostring(root, encoding="unicode")) + "\n"
