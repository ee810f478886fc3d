"""lawlint check --previous: last year's text written again (reuse.previous_year, with a deduction)
and the share stated for every compared report (reuse.share); one file or two folders paired by
issuer as lawlint compare pairs them; the share in JSON, text, CSV and the HTML overview."""
import csv
import io
import json

LONG = ("坚持把法治政府建设作为全局工作的基础性、保障性工程，成立由主要负责同志任组长的法治政府建设领导小组，"
        "定期听取工作汇报，研究解决重大问题。全面落实重大行政决策程序，对涉及群众切身利益的重大事项，严格履行"
        "公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序，未发生因决策失误引发的群体性事件。")


def report(issuer, year, body, weak="执法力量不足，原因是编制紧张。", plan="加强执法队伍建设。"):
    return (f"{issuer}关于{year}年度法治政府建设情况的报告\n一、主要举措和成效\n{body}\n"
            f"二、存在的不足和原因\n{weak}\n三、{year + 1}年工作安排\n{plan}\n")


def _write(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def _diags(out):
    return {f["path"].split("/")[-1]: [(d["rule"], d["message"]) for d in f["diagnostics"]]
            for f in json.loads(out.stdout)["files"]}


def test_one_file_against_last_year(cli, tmp_path):
    last = _write(tmp_path / "2022", "甲县.txt", report("甲县人民政府", 2022, "县政府" + LONG + "全年办理复议案件32件。"))
    this = _write(tmp_path / "2023", "甲县.txt", report("甲县人民政府", 2023, "县政府" + LONG + "全年办理复议案件41件。"))
    out = cli("check", "--select", "reuse", "--format", "json", "--previous", str(last), str(this))
    (rule, message), = _diags(out)["甲县.txt"]
    assert rule == "reuse.previous_year" and "%" in message and "上一年度报告第3行" in message
    plain = cli("check", "--select", "reuse", "--previous", str(last), str(this)).stdout.decode()
    assert "reuse.previous_year（扣 3 分）" in plain
    without = cli("check", "--select", "reuse", "--format", "json", str(this))
    assert _diags(without)["甲县.txt"] == []                       # nothing to compare with


def test_folders_pair_by_issuer(cli, tmp_path):
    old, new = tmp_path / "2021", tmp_path / "2022"
    _write(old, "a.txt", report("乙镇人民政府", 2021, "镇政府" + LONG))
    _write(old, "b.txt", report("丙市司法局", 2021, "市司法局全年办理行政复议案件120件，审查规范性文件35件，组织旁听庭审6次。",
                                "律师队伍结构不优，原因是引进渠道窄。", "推进公共法律服务中心建设。"))
    _write(old, "c.txt", report("丁区人民政府", 2021, "区政府全年出台规范性文件9件，备案审查率100%。"))
    _write(new, "x.txt", report("乙镇人民政府", 2022, "镇政府" + LONG + "全年化解矛盾纠纷86件。"))     # its own: reused
    _write(new, "y.txt", report("丙市司法局", 2022, "市司法局" + LONG,                           # another's text: not its own
                                "复议纠错率偏低，原因是审查不够细致。", "开展复议案件质量评查。"))
    _write(new, "z.txt", report("戊县人民政府", 2022, "县政府全年审查合同58份。"))                  # no last year's report
    out = cli("check", "--select", "reuse", "--format", "json", "--previous", str(old), str(new))
    got = _diags(out)
    assert [r for r, _ in got["x.txt"]] == ["reuse.previous_year"]
    assert [r for r, _ in got["y.txt"]] == ["reuse.share"]         # compared with 丙市司法局 2021: little shared
    assert got["z.txt"] == []
    table = cli("check", "--select", "reuse", "--format", "csv", "--previous", str(old), str(new))
    rows = {r["文件"].split("/")[-1]: r for r in csv.DictReader(io.StringIO(table.stdout.decode("utf-8-sig")))}
    assert rows["x.txt"]["与上年重复"].endswith("%") and int(rows["x.txt"]["与上年重复"][:-1]) >= 20
    assert rows["z.txt"]["与上年重复"] == "—"
    cli("check", "-q", "--select", "reuse", "--format", "html", "-o", tmp_path / "site", "--previous", str(old), str(new))
    assert "与上年重复" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_later_report_is_not_last_year(cli, tmp_path):
    later = _write(tmp_path / "a", "甲县.txt", report("甲县人民政府", 2024, "县政府" + LONG))
    this = _write(tmp_path / "b", "甲县.txt", report("甲县人民政府", 2023, "县政府" + LONG))
    assert _diags(cli("check", "--select", "reuse", "--format", "json", "--previous", str(later), str(this)))["甲县.txt"] == []


def test_missing_previous_is_one_clear_line(cli, tmp_path):
    this = _write(tmp_path, "r.txt", report("甲县人民政府", 2023, "县政府" + LONG))
    out = cli("check", "--previous", str(tmp_path / "无此文件.txt"), str(this))
    err = out.stderr.decode()
    assert out.returncode == 2 and "--previous" in err and "Traceback" not in err
