"""CI output formats: SARIF validates against the official 2.1.0 schema, JUnit is XML whose counts
match the JSON, GitHub annotations survive %, :, , and newlines, GitLab Code Quality is complete."""
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from helpers import FIXTURES


@pytest.fixture(scope="module")
def seed_json():
    from helpers import run_cli
    return json.loads(run_cli("check", "--format", "json", "seeds/").stdout)


def test_sarif_validates_and_matches_json(cli, seed_json):
    r = cli("check", "--format", "sarif", "seeds/")
    log = json.loads(r.stdout)
    schema = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "lawlint" and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    total = sum(len(f["diagnostics"]) for f in seed_json["files"])
    assert len(run["results"]) == total
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].startswith("seeds/")
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert len(res["partialFingerprints"]["lawlint/v1"]) == 32
    fps = [res["partialFingerprints"]["lawlint/v1"] for res in run["results"]]
    assert len(set(fps)) == len(fps)


def test_fingerprints_survive_unrelated_edits(tmp_path):
    from lawlint.reporters import fingerprint
    from lawlint import lint_path
    text = (ROOT_SEED := FIXTURES.parent.parent / "seeds" / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8")
    a = tmp_path / "a.txt"
    a.write_text(text, encoding="utf-8")
    r = lint_path(a)
    before = {(d.rule, fp) for d, fp in zip(r.diagnostics, fingerprint.of(r)) if d.line > 30}
    lines = text.split("\n")
    lines.insert(20, "此外，全年召开专题会议3次，审议相关文件5件。")
    a.write_text("\n".join(lines), encoding="utf-8")
    r = lint_path(a)
    after = {(d.rule, fp) for d, fp in zip(r.diagnostics, fingerprint.of(r))}
    assert before and before <= after
    assert ROOT_SEED.exists()


def test_junit_counts_match_json(cli, seed_json):
    """Error and warning findings fail their rule's testcase; info findings (hints) do not: they
    are listed in the testcase's system-out."""
    root = ET.fromstring(cli("check", "--format", "junit", "seeds/").stdout)
    suites = root.findall("testsuite")
    assert len(suites) == len(seed_json["files"])
    total = 0
    for suite, f in zip(suites, seed_json["files"]):
        failing = [d for d in f["diagnostics"] if d["severity"] != "info"]
        infos = [d for d in f["diagnostics"] if d["severity"] == "info"]
        assert infos and failing                           # every seed has both kinds
        failures = suite.findall("testcase/failure")
        assert int(suite.get("failures")) == len(failures) == len({d["rule"] for d in failing})
        assert {x.get("type") for x in failures} == {d["rule"] for d in failing}
        assert sum(len(x.text.splitlines()) for x in failures) == len(failing)
        notes = suite.findall("testcase/system-out")
        assert sum(len(x.text.splitlines()) for x in notes) == len(infos)
        assert all("[info]" in line for x in notes for line in x.text.splitlines())
        assert int(suite.get("tests")) >= len(failures)
        total += len(failures)
    assert int(root.get("failures")) == total


def test_github_escaping_round_trip():
    from lawlint.reporters.github import escape_data, escape_property

    def unescape(s):
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    nasty = "纠错率35%，应为27%: 见第1,2行\n第二行\r%0A"
    assert unescape(escape_data(nasty)) == nasty
    assert unescape(escape_property(nasty)) == nasty
    assert "\n" not in escape_data(nasty) and ":" not in escape_property(nasty) and "," not in escape_property(nasty)


def test_github_output(cli):
    r = cli("check", "seeds/2024-henan-nanyang-dengzhou.txt", env={"GITHUB_ACTIONS": "true"})
    out = r.stdout.decode()
    assert out.startswith("::group::lawlint seeds/2024-henan-nanyang-dengzhou.txt")
    lines = [l for l in out.splitlines() if l.startswith(("::error ", "::warning ", "::notice "))]
    assert lines and all("file=seeds/2024-henan-nanyang-dengzhou.txt,line=" in l for l in lines)
    assert any("title=lawlint section.causes::" in l for l in lines)
    assert "::endgroup::" in out and "最多显示 10 条" in out
    first_kinds = [l.split(" ")[0] for l in lines]
    assert first_kinds == sorted(first_kinds, key=["::error", "::warning", "::notice"].index)


def test_gitlab_code_quality(cli, seed_json):
    issues = json.loads(cli("check", "--format", "gitlab", "seeds/").stdout)
    assert len(issues) == sum(len(f["diagnostics"]) for f in seed_json["files"])
    for i in issues:
        assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert i["location"]["path"].startswith("seeds/") and i["location"]["lines"]["begin"] >= 1
        assert i["check_name"] and i["description"] and i["fingerprint"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_output_file_keeps_text_on_terminal(cli, tmp_path):
    out = tmp_path / "lawlint.sarif"
    r = cli("check", "--format", "sarif", "--output", out, "seeds/2024-henan-nanyang-dengzhou.txt")
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "得分" in r.stdout.decode()


def _seed_pairs():
    from lawlint.config import Config
    return [(str(p), Config()) for p in sorted((FIXTURES.parent.parent / "seeds").glob("*.txt"))]


def test_fingerprints_are_what_of_computes_whatever_the_order_and_never_blank():
    """Fingerprints come from fingerprint.of(result), which outputs call: the same values whatever
    order the findings are in when it is called; read before it, a fingerprint raises instead of
    reading as an empty string."""
    import pickle

    from lawlint.reporters import fingerprint
    from lawlint import lint_text
    text = (FIXTURES.parent.parent / "seeds" / "2024-henan-nanyang-dengzhou.txt").read_text(encoding="utf-8")
    first = lint_text(text)
    assert first.diagnostics
    with pytest.raises(RuntimeError):
        first.diagnostics[0].fingerprint
    expected = fingerprint.of(first)
    assert all(len(fp) == 32 for fp in expected) and len(set(expected)) == len(expected)
    shuffled = lint_text(text)
    shuffled.diagnostics.reverse()
    assert fingerprint.of(shuffled) == expected[::-1]
    copy = pickle.loads(pickle.dumps(lint_text(text)))        # a batch worker's result, text and all
    assert fingerprint.of(copy) == expected
    copy2 = pickle.loads(pickle.dumps(first))                 # computed before: kept without the text
    copy2.text = None
    assert fingerprint.of(copy2) == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_results_keep_no_text_alive(jobs):
    """A batch drops each report's text: nothing a result holds may still refer to it, whether
    the fingerprints were wanted (computed) or not (never computed)."""
    from lawlint.reporters import fingerprint
    from lawlint.batch import check_paths
    for wanted in (True, False):
        results = list(check_paths(_seed_pairs(), jobs=jobs, fingerprints=wanted))
        for r in results:
            assert r.text is None and r.diagnostics
            if wanted:
                assert all(len(fp) == 32 for fp in fingerprint.of(r))
            else:                                # never computed, and now they cannot be: loud
                with pytest.raises(RuntimeError):
                    fingerprint.of(r)


def test_cli_computes_fingerprints_only_for_formats_that_show_them(cli, tmp_path):
    base = tmp_path / "base.json"
    cli("check", "--format", "json", "--write-baseline", str(base), "seeds/")
    entries = json.loads(base.read_text(encoding="utf-8"))["entries"]
    assert entries and all(len(e["fingerprint"]) == 32 for e in entries)
    gitlab = json.loads(cli("check", "--format", "gitlab", "--jobs", "2", "seeds/").stdout)
    assert all(len(i["fingerprint"]) == 32 for i in gitlab if not i["fingerprint"].startswith("load-error"))
