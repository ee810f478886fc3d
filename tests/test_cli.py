"""The command line as users run it: output, JSON contract, exit codes, clean errors."""
import json
import re

import pytest

from helpers import ROOT, SEEDS, existence_pack

SECTION_IDS = ["measures", "leadership", "decision", "enforcement", "disputes", "supervision",
               "shortcomings", "causes", "plans"]


def test_check_seeds_text(cli):
    r = cli("check", "seeds/")
    out = r.stdout.decode()
    assert r.returncode == 1, r.stderr.decode()
    assert len(re.findall(r"得分 [\d.]+ / 100", out)) == 5 and "等级" in out and "法定内容" in out
    assert "✗ 存在的不足：缺失" in out
    assert "section.causes" in out and "43:3" in out
    assert "README" not in out          # the folder's README.md is not a report
    assert "Traceback" not in r.stderr.decode()


def test_json_contract(cli):
    r = cli("check", "--format", "json", "seeds/")
    data = json.loads(r.stdout)
    assert set(data) == {"lawlint", "files", "summary"}
    assert set(data["summary"]) == {"files", "errors", "warnings", "infos", "mean_score"}
    assert data["summary"]["files"] == 5
    for f in data["files"]:
        assert set(f) == {"path", "report_year", "score", "grade", "grade_cap", "categories", "sections",
                          "diagnostics"}
        assert list(f["sections"]) == SECTION_IDS
        assert set(f["categories"]) == {"structure", "content", "language", "format"}
        for v in f["sections"].values():
            assert v["status"] in ("heading", "body", "absent")
            assert (v["line"] is None) == (v["status"] == "absent")
        for d in f["diagnostics"]:
            assert set(d) == {"rule", "severity", "category", "line", "column", "end_line",
                              "end_column", "message", "suggestion", "basis", "fixable"}
            assert d["line"] >= 1 and d["column"] >= 1


def test_agreement_with_labels(cli, tmp_path):
    """The brief's own measure: presence ≥ 0.95, absent caught ≥ 0.9, false absent ≤ 0.05."""
    import subprocess
    import sys
    tool = ROOT.parent / "shared" / "tools" / "agreement.py"
    if not tool.exists():
        pytest.skip("shared/tools/agreement.py not beside the checkout")
    out = tmp_path / "out.json"
    out.write_bytes(cli("check", "--format", "json", ROOT.parent / "shared" / "seeds").stdout)
    r = subprocess.run([sys.executable, str(tool), str(out), str(ROOT / "tests/fixtures/seed_labels.jsonl"),
                        "--min-presence", "0.95", "--min-absent-caught", "0.9", "--max-false-absent", "0.05"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout


@pytest.mark.parametrize("args,code", [
    (["--fail-on", "never"], 0), (["--exit-zero"], 0), ([], 1), (["--fail-under", "10", "--fail-on", "never"], 0),
    (["--fail-under", "99", "--fail-on", "never"], 1)])
def test_exit_codes(cli, args, code):
    assert cli("check", *args, "seeds/2024-henan-nanyang-dengzhou.txt").returncode == code


def test_select_and_ignore(cli):
    r = cli("check", "--format", "json", "--select", "section.causes", "seeds/2021-henan-zhengzhou-zhongyuan.txt")
    rules = {d["rule"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]}
    assert rules == {"section.causes"}
    r = cli("check", "--format", "json", "--ignore", "section", "seeds/2021-henan-zhengzhou-zhongyuan.txt")
    assert not [d for d in json.loads(r.stdout)["files"][0]["diagnostics"] if d["rule"].startswith("section.")]
    r = cli("check", "--select", "no.such_rule", "seeds/")
    assert r.returncode == 2 and "no.such_rule" in r.stderr.decode()


@pytest.mark.parametrize("name,data,needle", [
    ("empty.txt", b"", "为空"), ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "二进制")])
def test_bad_input_one_line_exit_2(cli, tmp_path, name, data, needle):
    (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_bytes((SEEDS / "2024-henan-nanyang-dengzhou.txt").read_bytes())
    r = cli("check", "--format", "json", tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2
    assert needle in err and name in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    files = json.loads(r.stdout)["files"]          # the batch went on
    assert {f["path"].split("/")[-1] for f in files} == {name, "good.txt"}
    assert [f for f in files if f["path"].endswith(name)][0]["error"]


def test_missing_path(cli):
    r = cli("check", "no/such/file.txt")
    assert r.returncode == 2 and "路径不存在" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_broken_rule_pack(cli, tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("rules:\n  - id: my.rule\n    check: section\n    severity: fatal\n", encoding="utf-8")
    r = cli("check", "--rules", pack, "seeds/")
    err = r.stderr.decode()
    assert r.returncode == 2 and f"{pack}:4" in err and "severity" in err and "Traceback" not in err
    pack.write_text("rules:\n  - id: [unclosed\n", encoding="utf-8")
    r = cli("check", "--rules", pack, "seeds/")
    assert r.returncode == 2 and "YAML" in r.stderr.decode() and str(pack) in r.stderr.decode()


def test_stdin(cli):
    r = cli("check", "--format", "json", "--year", "2021", "-",
            input="一、主要举措和成效\n全年办理行政复议案件12件。\n".encode())
    f = json.loads(r.stdout)["files"][0]
    assert f["path"] == "<stdin>" and f["report_year"] == 2021


def test_rules_and_explain(cli):
    out = cli("rules").stdout.decode()
    assert "section.causes" in out and "共" in out
    r = cli("explain", "section.causes")
    text = r.stdout.decode()
    assert r.returncode == 0
    assert "依据" in text and "督察工作规定" in text and "不合格示例" in text and "合格示例" in text
    r = cli("explain", "causes")
    assert r.returncode == 2 and "section.causes" in r.stderr.decode()


def test_usage_error_is_chinese_exit_2(cli):
    r = cli("check", "--format", "nope", "seeds/")
    assert r.returncode == 2 and "输出格式" in r.stderr.decode()
    r = cli("check")
    assert r.returncode == 2 and "Traceback" not in r.stderr.decode()


def test_output_file_and_text(cli, tmp_path):
    out = tmp_path / "r.json"
    r = cli("check", "--format", "json", "--output", out, "seeds/2024-henan-nanyang-dengzhou.txt")
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1
    assert "得分" in r.stdout.decode()


def test_jobs_gives_same_results(cli):
    a = json.loads(cli("check", "--format", "json", "seeds/").stdout)
    b = json.loads(cli("check", "--format", "json", "--jobs", "2", "seeds/").stdout)
    assert a == b


@pytest.mark.parametrize("pattern,needle", [("(a+)+$", "灾难性回溯"), ("[unclosed", "正则表达式错误")])
def test_dangerous_or_broken_regex_rejected_at_load(cli, tmp_path, pattern, needle):
    pack = existence_pack(tmp_path / "pack.yaml", "my.words", ["ok", pattern],
                           '{bad: ["ok"], good: ["no"]}')
    r = cli("check", "--rules", pack, "seeds/")
    err = r.stderr.decode()
    assert r.returncode == 2 and needle in err and f"{pack}:13" in err and "Traceback" not in err


def test_slow_user_pattern_is_stopped_and_reported(cli, tmp_path):
    """A pattern the load-time screen lets through (overlapping alternatives, not nested
    quantifiers) but that backtracks for ever is stopped by the per-rule time limit: one error
    against the rule, the other rules' findings intact, no hang, no traceback."""
    pack = existence_pack(tmp_path / "pack.yaml", "my.slow", ["(?:工作|工|作)+成效显著"],
                           '{bad: ["工作成效显著"], good: ["无"]}')
    (tmp_path / ".lawlint.yaml").write_text("rule_time_limit: 0.5\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    # 「成效显著」 on a line of its own: a pattern is scanned only where its literal occurs at all
    report.write_text("一、主要举措\n" + "工作" * 40 + "。\n全年办理案件12件,审结10件。\n成效显著。\n",
                      encoding="utf-8")
    import time
    t = time.monotonic()
    r = cli("check", "--format", "json", "--rules", pack, report)
    assert time.monotonic() - t < 30
    assert "Traceback" not in r.stderr.decode()
    diags = json.loads(r.stdout)["files"][0]["diagnostics"]
    slow = [d for d in diags if d["rule"] == "my.slow"]
    assert len(slow) == 1 and slow[0]["severity"] == "error" and "超过 0.5 秒" in slow[0]["message"]
    assert f"{pack}:2" in slow[0]["message"] or "pack.yaml" in slow[0]["message"]
    assert any(d["rule"] == "punct.halfwidth" for d in diags)          # other rules still ran


def test_cached_pack_names_the_file_it_was_read_from(cli, tmp_path):
    """The validated-pack cache is keyed by content; two copies of one pack in different folders
    must each be named as themselves (in `explain`, and in errors that point at a rule)."""
    text = (ROOT / "rules" / "wording.yaml").read_text(encoding="utf-8").replace("id: word.", "id: mine.")
    env = {"LAWLINT_CACHE_DIR": str(tmp_path / "cache")}
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "pack.yaml").write_text(text, encoding="utf-8")
        out = cli("explain", "mine.duplicated", "--rules", tmp_path / name / "pack.yaml", env=env)
        assert f"{tmp_path / name / 'pack.yaml'}:" in out.stdout.decode(), out.stdout.decode()
