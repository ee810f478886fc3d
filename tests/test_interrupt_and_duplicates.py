"""Issue 23, item 7: Ctrl-C during an HTML batch leaves an overview of the pages written and says
so; a key written twice in a YAML rule pack or configuration file is a file:line error."""
import pytest

from helpers import SEEDS, run_cli
from lawlint.cli import main

SEED_TEXT = (SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8")


def test_ctrl_c_in_an_html_batch_writes_the_index_of_what_was_written(tmp_path, capsys, monkeypatch):
    import lawlint.api as api
    reports = tmp_path / "reports"
    reports.mkdir()
    for i in range(5):
        (reports / f"r{i}.txt").write_text(SEED_TEXT, encoding="utf-8")
    real = api.lint_source

    def interrupted(source, *a, **k):
        if source.path.endswith("r3.txt"):
            raise KeyboardInterrupt
        return real(source, *a, **k)

    monkeypatch.setattr(api, "lint_source", interrupted)
    out = tmp_path / "site"
    assert main(["check", "--jobs", "1", "--format", "html", "--output", str(out), str(reports)]) == 130
    err = capsys.readouterr().err
    assert "已中断" in err and "3 份" in err and "index.html" in err
    index = (out / "index.html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in out.glob("r*.html"))
    assert pages == ["r0.html", "r1.html", "r2.html"]
    assert all(name in index for name in pages) and "r3.html" not in index


def test_a_duplicated_key_in_a_rule_pack_is_a_file_line_error(tmp_path):
    pack = tmp_path / "dup.yaml"
    pack.write_text("""rules:
  - id: my.dup
    check: existence
    severity: warning
    category: language
    title: 测试
    message: 测试
    basis: 测试
    severity: error
    weight: 1
    cap: 1
    patterns: ['测试']
    examples: {bad: ['测试'], good: ['无']}
""", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("一、主要举措\n", encoding="utf-8")
    r = run_cli("check", "--rules", pack, report)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2 and len(err.strip().splitlines()) == 1
    assert f"{pack}:9" in err and "severity" in err and "重复" in err


@pytest.mark.parametrize("name,text,line", [
    (".lawlint.yaml", "year: 2021\nselect: [punct]\nyear: 2022\n", 3),
    (".lawlint.yaml", "severity:\n  punct.halfwidth: error\n  punct.halfwidth: info\n", 3),
])
def test_a_duplicated_key_in_a_configuration_file_is_a_file_line_error(tmp_path, name, text, line):
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("一、主要举措\n", encoding="utf-8")
    r = run_cli("check", "--format", "json", report)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2 and f"{tmp_path / name}:{line}" in err and "重复" in err


def test_distinct_keys_and_merge_keys_still_load(tmp_path):
    from lawlint.rulepack.yamlio import load_yaml_text
    assert load_yaml_text("a: 1\nb: {a: 2}\n", "x.yaml") == {"a": 1, "b": {"a": 2}}
    assert load_yaml_text("base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n", "x.yaml")["c"] == {"x": 1, "y": 2}
