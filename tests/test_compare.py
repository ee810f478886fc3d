"""``lawlint compare``: repeated text, plans follow-up and recurring shortcomings between two
years' reports. "This year" is built from a real seed: some passages kept word for word, two of
last year's plan items turned into achievements, the others dropped, one shortcoming kept."""
import json
import re
import shutil
import unicodedata

import pytest

from helpers import ROOT, SEEDS
from lawlint.cli import main
from lawlint.compare import compare_files, compare_paths

LAST = SEEDS / "2021-henan-xinyang-pingqiao.txt"
LAST_LINES = LAST.read_text(encoding="utf-8").split("\n")
KEPT = LAST_LINES[47 - 1]                     # a 普法 paragraph of the measures, kept verbatim
KEPT_SHORTCOMING = ("各乡镇（街道）各部门法制专门机构设置与人员配备不足，高素质法律人才匮乏，"
                    "特别是乡镇推进法治政府建设力量相对薄弱，与推进依法行政的任务要求不相适应。")
FOLLOWED = [                                  # last year's plan items (line 57, 58) …
    "严格落实《平桥区重大行政决策程序的实施意见》，全面推行重大行政决策目录化管理和动态调整制度",
    "稳步推进明港镇行政执法协调监督工作体系建设试点工作",
]
DONE = [                                      # … reported as done this year, in new words
    "已严格落实《平桥区重大行政决策程序的实施意见》，全面推行重大行政决策目录化管理和动态调整制度，"
    "年初公布重大行政决策事项目录9项，完成行政决策后评估3项，决策质量效率明显提高。",
    "明港镇行政执法协调监督工作体系建设试点工作已完成并通过省级验收，探索形成行政执法监督工作中的"
    "新办法、新举措8项，打通了行政执法协调监督向基层延伸的“最后一公里”。",
]
DROPPED = "深入推进“跨域通办”"                   # a plan item of line 60 that this year never mentions

THIS_YEAR = "\n".join([
    "信阳市平桥区人民政府",
    "",
    "关于2022年度法治政府建设工作的报告",
    "2022年，平桥区政府坚持以习近平法治思想为指导，全面贯彻党的二十大精神，围绕全区中心工作，"
    "推动法治政府建设迈上新台阶。现将有关工作情况报告如下：",
    "",
    "一、2022年法治政府建设主要做法和成效",
    "（一）依法防控疫情，保障经济社会平稳运行",
    "全年制定疫情防控应急处置预案12件，组织应急演练36场次，依法做好物资保障、交通管控和隔离场所征用工作，"
    "未发生因疫情防控引发的行政争议。",
    "（二）重大行政决策管理更加规范",
    DONE[0],
    "（三）行政执法协调监督体系建设取得突破",
    DONE[1],
    "（四）普法宣传教育",
    KEPT,
    "（五）行政复议应诉",
    "全年收到行政复议申请152件，受理139件，审结131件，纠错率12%；行政诉讼案件一审败诉率降至4%。",
    "二、存在的问题和薄弱环节",
    "对照上级要求，我区法治政府建设仍有不足：一是数字法治政府建设起步较晚，执法信息平台尚未与省平台贯通。"
    "二是" + KEPT_SHORTCOMING,
    "三、2023年法治政府建设主要任务",
    "2023年，我区将建成全区统一的行政执法信息平台，开展行政规范性文件集中清理，推动复议案件网上办理。",
    ""])
THIS_LINES = THIS_YEAR.split("\n")
KEPT_CHARS = sum(1 for ch in KEPT if unicodedata.category(ch)[0] not in "PZSC")   # no punctuation


def this_line(needle):
    return next(i for i, line in enumerate(THIS_LINES, 1) if needle in line)


@pytest.fixture(scope="module")
def this_year(tmp_path_factory):
    path = tmp_path_factory.mktemp("compare") / "平桥区2022年度报告.txt"
    path.write_text(THIS_YEAR, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def comparison(this_year):
    return compare_files(str(LAST), str(this_year))


def test_repeated_share_and_longest_passage(comparison):
    assert 0.35 <= comparison.repeated_share <= 0.7
    longest = comparison.passages[0]
    assert KEPT.startswith(longest.text) and len(longest.text) >= len(KEPT) - 1   # all but the final 。
    assert (longest.last_line, longest.this_line) == (47, this_line(KEPT[:20]))
    assert longest.chars == KEPT_CHARS >= 300
    assert all(p.chars >= 15 for p in comparison.passages)
    assert [p.chars for p in comparison.passages] == sorted((p.chars for p in comparison.passages), reverse=True)
    kept_shortcoming = next(p for p in comparison.passages if p.text.startswith("各乡镇（街道）各部门法制专门机构"))
    assert (kept_shortcoming.last_line, kept_shortcoming.this_line) == (52, this_line(KEPT_SHORTCOMING))


def test_exactly_the_followed_up_plans_are_reported(comparison):
    assert comparison.sections["last_plans"] and len(comparison.plans) >= 15
    reported = [p for p in comparison.plans if p.status == "reported"]
    assert len(reported) == 2
    for item, followed, done in zip(reported, FOLLOWED, DONE):
        assert item.item.startswith(followed)
        assert item.evidence_line == this_line(done[:20]) and item.evidence in done
        assert item.score >= 0.6
    assert [p.last_line for p in reported] == [57, 58]
    dropped = next(p for p in comparison.plans if p.item.startswith(DROPPED))
    assert dropped.status == "not_found" and dropped.evidence_line is None and dropped.last_line == 60
    assert dropped.score < 0.6


def test_plan_restated_in_this_years_plans_is_not_a_report(tmp_path):
    """The same words in this year's own plans section are a plan again, not a report."""
    text = THIS_YEAR.replace(DONE[0], "全年收到人大代表建议45件，已全部办结。").replace(
        "2023年，我区将", "2023年，我区将" + FOLLOWED[0] + "，")
    path = tmp_path / "this.txt"
    path.write_text(text, encoding="utf-8")
    c = compare_files(str(LAST), str(path))
    item = next(p for p in c.plans if p.item.startswith(FOLLOWED[0]))
    assert item.status == "not_found"


def test_recurring_shortcoming(comparison):
    assert [(r.last_line, r.this_line) for r in comparison.recurring] == [(52, this_line(KEPT_SHORTCOMING))]
    r = comparison.recurring[0]
    assert r.text == KEPT_SHORTCOMING.rstrip("。") and r.similarity == 1.0


def test_identical_files_repeat_everything():
    c = compare_files(str(LAST), str(LAST))
    assert c.repeated_share == pytest.approx(1.0)
    # one passage per paragraph (passages never run over a line break), each where it was
    assert c.passages_total > 20 and len(c.passages) == 20
    assert all(p.last_line == p.this_line and "\n" not in p.text for p in c.passages)
    assert len(c.recurring) >= 5                 # every shortcoming sentence recurs
    assert any("不早于" in n for n in c.notes)    # same year on both sides: probably a mistake


def test_unrelated_reports_share_little():
    c = compare_files(str(LAST), str(SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt"))
    assert c.repeated_share < 0.05
    assert c.recurring == []
    assert sum(p.status == "reported" for p in c.plans) <= len(c.plans) // 4


def test_merged_shortcomings_and_plans_heading_is_cut_at_the_plans():
    """Dengzhou 2024 has one heading 「三、存在不足及下步打算」: the plans start at 「下一步」."""
    c = compare_files(str(SEEDS / "2024-henan-nanyang-dengzhou.txt"), str(SEEDS / "2024-henan-nanyang-dengzhou.txt"))
    assert c.plans[0].item.startswith("下一步邓州市委")
    assert not any("有待" in p.item for p in c.plans)
    assert c.recurring and all("下一步" not in r.text for r in c.recurring)
    assert any(r.text.startswith("行政执法规范化和精细化程度有待进一步提高") for r in c.recurring)


def test_missing_parts_are_reported_not_errors(tmp_path):
    no_plans = tmp_path / "no_plans.txt"
    no_plans.write_text("\n".join(LAST_LINES[:49]) + "\n", encoding="utf-8")     # cut before 二、存在的问题
    c = compare_files(str(no_plans), str(SEEDS / "2021-henan-zhengzhou-zhongyuan.txt"))
    assert not c.sections["last_plans"] and c.plans == []
    assert not c.sections["this_shortcomings"] and c.recurring == []
    assert "去年的报告中未找到下一年度工作安排部分，无法核对落实情况" in c.notes
    assert "今年的报告中未找到存在的不足部分" in c.notes


@pytest.fixture
def folders(tmp_path, this_year):
    last, this = tmp_path / "2021", tmp_path / "2022"
    last.mkdir()
    this.mkdir()
    for name in ("2021-henan-xinyang-pingqiao.txt", "2021-hebei-shijiazhuang-yuanshi.txt", "2018-chongqing-kaizhou.txt"):
        shutil.copy(SEEDS / name, last / name)
    # issuer written without the city: 平桥区人民政府 still pairs with 信阳市平桥区人民政府
    (this / "报告一.txt").write_text(THIS_YEAR.replace("信阳市平桥区人民政府", "平桥区人民政府", 1), encoding="utf-8")
    shutil.copy(SEEDS / "2024-henan-nanyang-dengzhou.txt", this / "dengzhou.txt")
    # no issuer line: paired by the file name without its year
    kaizhou = (SEEDS / "2018-chongqing-kaizhou.txt").read_text(encoding="utf-8").replace("2018", "2019")
    (this / "2019-chongqing-kaizhou.txt").write_text(kaizhou, encoding="utf-8")
    return last, this


def test_folders_pair_by_issuer_then_file_name(folders):
    last, this = folders
    run = compare_paths(str(last), str(this))
    pairs = {(c.last.split("/")[-1], c.this.split("/")[-1]) for c in run.comparisons}
    assert pairs == {("2021-henan-xinyang-pingqiao.txt", "报告一.txt"),
                     ("2018-chongqing-kaizhou.txt", "2019-chongqing-kaizhou.txt")}
    assert sorted((u["side"], u["path"].split("/")[-1]) for u in run.unmatched) == [
        ("last", "2021-hebei-shijiazhuang-yuanshi.txt"), ("this", "dengzhou.txt")]
    assert run.errors == []
    pingqiao = next(c for c in run.comparisons if c.this.endswith("报告一.txt"))
    assert sum(p.status == "reported" for p in pingqiao.plans) == 2


def test_cli_text_report(capsys, this_year):
    assert main(["compare", str(LAST), str(this_year)]) == 0
    out = capsys.readouterr().out
    share = re.search(r"重复率：(\d+)%", out)
    assert share and 35 <= int(share.group(1)) <= 70
    assert f"1. {KEPT_CHARS} 字　去年第47行 / 今年第{this_line(KEPT[:20])}行" in out
    assert f"✓ 已报告　去年第57行：{FOLLOWED[0][:20]}" in out
    assert f"今年第{this_line(DONE[1][:20])}行：明港镇" in out
    assert f"✗ 未见报告　去年第60行：{DROPPED}" in out
    assert f"去年第52行 / 今年第{this_line(KEPT_SHORTCOMING)}行（相似度 100%）：各乡镇（街道）" in out


def test_cli_json_shape(capsys, folders):
    last, this = folders
    assert main(["compare", "--format", "json", str(last), str(this)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"lawlint", "comparisons", "unmatched", "errors"}
    assert len(data["comparisons"]) == 2 and len(data["unmatched"]) == 2
    for c in data["comparisons"]:
        assert set(c) == {"last", "this", "last_year", "this_year", "issuer", "repeated_share",
                          "passages_total", "passages", "plans", "plans_skipped",
                          "recurring_shortcomings", "sections", "notes"}
        assert set(c["sections"]) == {"last_plans", "last_shortcomings", "this_plans", "this_shortcomings"}
        assert 0 <= c["repeated_share"] <= 1
        for p in c["passages"]:
            assert set(p) == {"text", "last_line", "this_line", "chars"}
        for p in c["plans"]:
            assert set(p) == {"item", "last_line", "status", "evidence_line", "evidence", "score"}
            assert p["status"] in ("reported", "not_found")
            assert (p["evidence_line"] is None) == (p["status"] == "not_found")
        for r in c["recurring_shortcomings"]:
            assert set(r) == {"text", "last_line", "this_text", "this_line", "similarity"}
    pingqiao = next(c for c in data["comparisons"] if c["this"].endswith("报告一.txt"))
    assert (pingqiao["last_year"], pingqiao["this_year"]) == (2021, 2022)
    assert pingqiao["passages"][0]["last_line"] == 47
    for u in data["unmatched"]:
        assert set(u) == {"path", "side"} and u["side"] in ("last", "this")


def test_cli_html_is_one_offline_page(capsys, tmp_path):
    last, this = tmp_path / "last.txt", tmp_path / "this.txt"
    evil = "区司法局<script>alert(1)</script>依法对“<b>放管服</b>”改革涉及的文件开展合法性审查工作并及时公开"
    last.write_text(LAST.read_text(encoding="utf-8").replace(KEPT, KEPT + evil), encoding="utf-8")
    this.write_text(THIS_YEAR.replace(KEPT, KEPT + evil), encoding="utf-8")
    out = tmp_path / "对比.html"
    assert main(["compare", "--format", "html", "--output", str(out), str(last), str(this)]) == 0
    assert "重复率" in capsys.readouterr().out          # the terminal still gets the text report
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".html"] == ["对比.html"]
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "@media print" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page)
    assert "<script" not in page and "<link" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;放管服&lt;/b&gt;" in page
    assert "✓ 已报告" in page and "去年第47行" in page and "重复出现的问题（1 处）" in page


def test_missing_file_exits_2_with_chinese_message(cli, tmp_path):
    missing = tmp_path / "不存在的报告.txt"
    r = cli("compare", LAST, missing)
    err = r.stderr.decode()
    assert r.returncode == 2 and r.stdout == b""
    assert err.count("\n") == 1 and str(missing) in err and "不存在" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("make,needle", [
    (lambda d: d, "同为文件或同为目录"),
    (lambda d: (d / "empty.txt").write_bytes(b"") and None or d / "empty.txt", "为空"),
])
def test_bad_input_exits_2(capsys, tmp_path, make, needle):
    assert main(["compare", str(LAST), str(make(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert needle in err and err.startswith("lawlint: ") and err.count("\n") == 1


def test_unreadable_file_in_folders_is_named_and_exits_2(capsys, folders):
    last, this = folders
    (this / "broken.txt").write_bytes(b"")
    assert main(["compare", str(last), str(this)]) == 2
    captured = capsys.readouterr()
    assert "broken.txt" in captured.err and "为空" in captured.err
    assert "重复率" in captured.out            # the other pairs are still compared


def test_documented_json_example_has_the_real_shape(capsys, folders):
    """docs/compare.md's example names exactly the keys the output has, at every level."""
    doc = (ROOT / "docs" / "compare.md").read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", doc, re.S).group(1))
    last, this = folders
    (this / "broken.txt").write_bytes(b"")
    assert main(["compare", "--format", "json", str(last), str(this)]) == 2
    real = json.loads(capsys.readouterr().out)

    def shape(value):
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(value[0])] if value else []
        return None

    pingqiao = next(c for c in real["comparisons"] if c["this"].endswith("报告一.txt"))
    real_shape = shape({**real, "comparisons": [pingqiao]})
    assert real_shape == shape(example)


def test_each_report_is_parsed_once(monkeypatch):
    """compare shares the check's parse: one Document per report, not two."""
    from lawlint import api
    built = []
    real = api.parse

    def counting(source, year=None):
        built.append(source.path)
        return real(source, year)

    monkeypatch.setattr(api, "parse", counting)
    compare_files(str(LAST), str(SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt"))
    assert len(built) == 2 and len(set(built)) == 2
