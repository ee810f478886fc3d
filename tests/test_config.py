"""Configuration files: discovery, pyproject, per-path overrides, provenance, errors with lines."""
import json
import shutil

from helpers import SEEDS

SEED = SEEDS / "2024-henan-nanyang-dengzhou.txt"


def _repo(tmp_path):
    (tmp_path / ".git").mkdir()
    d = tmp_path / "reports" / "dept"
    d.mkdir(parents=True)
    shutil.copy(SEED, d / "r.txt")
    return d / "r.txt"


def _rules(cli, path, *extra):
    out = json.loads(cli("check", "--format", "json", *extra, path).stdout)
    return {d["rule"] for d in out["files"][0]["diagnostics"]}


def test_nearest_yaml_wins_and_overrides_apply(cli, tmp_path):
    report = _repo(tmp_path)
    (tmp_path / ".lawlint.yaml").write_text("ignore: [punct]\n", encoding="utf-8")
    assert not any(r.startswith("punct.") for r in _rules(cli, report))
    (tmp_path / "reports" / ".lawlint.yaml").write_text(
        "select: [section]\noverrides:\n  - files: ['dept/*.txt']\n    ignore: [section.causes]\n",
        encoding="utf-8")
    rules = _rules(cli, report)
    assert all(r.startswith("section.") for r in rules) and "section.causes" not in rules
    other = report.parent.parent / "county.txt"            # not under dept/: no override
    shutil.copy(SEED, other)
    assert "section.causes" in _rules(cli, other)


def test_pyproject_section(cli, tmp_path):
    report = _repo(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.lawlint]\nselect = ["section.causes"]\n',
                                             encoding="utf-8")
    assert _rules(cli, report) == {"section.causes"}


def test_same_key_in_both_files_is_an_error(cli, tmp_path):
    report = _repo(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.lawlint]\nfail_on = "warning"\n', encoding="utf-8")
    (tmp_path / ".lawlint.yaml").write_text("fail_on: info\n", encoding="utf-8")
    r = cli("check", report)
    assert r.returncode == 2 and "fail_on" in r.stderr.decode() and ".lawlint.yaml:1" in r.stderr.decode()


def test_unknown_key_and_bad_value_name_file_and_line(cli, tmp_path):
    report = _repo(tmp_path)
    cfg = tmp_path / ".lawlint.yaml"
    cfg.write_text("fail_on: error\nselect: [section]\nfial_under: 80\n", encoding="utf-8")
    r = cli("check", report)
    err = r.stderr.decode()
    assert r.returncode == 2 and f"{cfg}:3" in err and "fial_under" in err and "Traceback" not in err
    cfg.write_text("severity:\n  punct.halfwidth: fatal\n", encoding="utf-8")
    err = cli("check", report).stderr.decode()
    assert f"{cfg}:2" in err and "severity.punct.halfwidth" in err
    (tmp_path / "pyproject.toml").write_text('[tool.lawlint]\nyear = "next"\n', encoding="utf-8")
    cfg.unlink()
    err = cli("check", report).stderr.decode()
    assert "pyproject.toml:2" in err and "year" in err


def test_fail_settings_from_config_and_cli_precedence(cli, tmp_path):
    report = _repo(tmp_path)
    (tmp_path / ".lawlint.yaml").write_text("fail_on: never\nfail_under: 10\n", encoding="utf-8")
    assert cli("check", report).returncode == 0
    assert cli("check", "--fail-under", "99", report).returncode == 1      # the command line wins


def test_rule_pack_relative_to_config_file(cli, tmp_path):
    report = _repo(tmp_path)
    pack = tmp_path / "packs" / "extra.yaml"
    pack.parent.mkdir()
    pack.write_text("""rules:
  - id: local.word
    check: existence
    severity: warning
    category: language
    title: 本省禁用词
    message: 不用“{match}”
    basis: 本省公文规范
    weight: 1
    cap: 1
    patterns: ['邓州']
    examples: {bad: ["邓州"], good: ["南阳"]}
""", encoding="utf-8")
    (tmp_path / ".lawlint.yaml").write_text("rules: [packs/extra.yaml]\n", encoding="utf-8")
    assert "local.word" in _rules(cli, report)


def test_config_show_and_init(cli, tmp_path):
    report = _repo(tmp_path)
    r = cli("init", "--dir", tmp_path)
    assert r.returncode == 0 and "pre-commit" in r.stdout.decode() and "id: lawlint" in r.stdout.decode()
    assert cli("init", "--dir", tmp_path).returncode == 2                    # never overwrites
    out = cli("config", "--show", report).stdout.decode()
    assert "fail_on" in out and f"{tmp_path / '.lawlint.yaml'}:" in out and "默认值" in out
    assert cli("check", report).returncode in (0, 1)                          # the template is valid


def test_explicit_config(cli, tmp_path):
    report = _repo(tmp_path)
    other = tmp_path / "strict.yaml"
    other.write_text("select: [section.causes]\n", encoding="utf-8")
    assert _rules(cli, report, "--config", other) == {"section.causes"}
    r = cli("check", "--config", tmp_path / "missing.yaml", report)
    assert r.returncode == 2 and "不存在" in r.stderr.decode()
