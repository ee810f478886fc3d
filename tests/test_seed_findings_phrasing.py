"""domain.md §3.3, punctuation/number/wording column: each defect the phrasing rules cover is
reported on the seed where a careful reader found it — and what the table calls correct is not."""
import pytest

from conftest import SEEDS
from lawlint import lint_path

ZHONGYUAN, DENGZHOU, KAIZHOU = ("2021-henan-zhengzhou-zhongyuan.txt", "2024-henan-nanyang-dengzhou.txt",
                                "2018-chongqing-kaizhou.txt")
PINGQIAO, YUANSHI = "2021-henan-xinyang-pingqiao.txt", "2021-hebei-shijiazhuang-yuanshi.txt"


@pytest.fixture(scope="module")
def seeds():
    return {p.name: lint_path(p) for p in SEEDS.glob("*.txt")}


def found(result, rule):
    return [d for d in result.diagnostics if d.rule == rule]


def text_at(name, d):
    line = (SEEDS / name).read_text(encoding="utf-8").split("\n")[d.line - 1]
    return line[d.column - 1:d.end_column - 1]


def test_zhongyuan(seeds):
    r = seeds[ZHONGYUAN]
    half = found(r, "punct.halfwidth")
    assert len([d for d in half if text_at(ZHONGYUAN, d).startswith(",")]) >= 190   # 194 commas
    assert r.deductions["punct.halfwidth"] == 6                                      # capped, once
    spaces = [text_at(ZHONGYUAN, d) for d in found(r, "punct.space")]
    assert len(spaces) == 4                      # 做到 “有件必备”, 落实 《重大…》, 推动 一件“事”, 执法 “三项制度”
    assert [d.line for d in found(r, "punct.list_separator")] == [10, 15]   # ；二是 … 。三是
    assert [text_at(ZHONGYUAN, d) for d in found(r, "word.jiezhi")] == ["截止"]
    assert found(r, "word.jiezhi")[0].replacement == "截至"
    assert len(found(r, "punct.serial_comma")) == 2                          # “信用+医疗”、“互联网+…”


def test_yuanshi(seeds):
    r = seeds[YUANSHI]
    assert [text_at(YUANSHI, d) for d in found(r, "number.year_range_yi")] == ["2021一2025"]
    assert found(r, "number.year_range_yi")[0].severity == "error"
    assert sorted(text_at(YUANSHI, d) for d in found(r, "number.year_range_dash")) == ["2021-2025", "2021-2025"]
    unpaired = found(r, "punct.unpaired")
    assert len(unpaired) == 1 and text_at(YUANSHI, unpaired[0]) == "”"        # 家事服务”公证
    assert [text_at(YUANSHI, d) for d in found(r, "punct.space")] == [" ", " "]   # 项目 107个, 建议 113条
    assert [d.line for d in found(r, "punct.space")] == [38, 38]
    assert [text_at(YUANSHI, d) for d in found(r, "word.duplicated")] == ["材料材料"]
    money = found(r, "number.money_unit")
    assert len(money) == 1 and text_at(YUANSHI, money[0]).endswith("30.346万")
    serial = [text_at(YUANSHI, d) for d in found(r, "punct.serial_comma")]
    assert serial.count("》、《") == 3 and serial.count("》,《") == 1
    relative = [text_at(YUANSHI, d) for d in found(r, "time.relative")]
    assert relative.count("今年") + relative.count("今年以来") == 3


def test_pingqiao(seeds):
    r = seeds[PINGQIAO]
    assert [text_at(PINGQIAO, d) for d in found(r, "number.percent_mixed")] == ["％"]
    half = sorted((d.line, text_at(PINGQIAO, d)) for d in found(r, "punct.halfwidth"))
    assert half == [(12, "("), (12, ")"), (43, ",")]     # (街道) beside （街道）, one stray comma
    assert not found(r, "number.year_range_dash") and not found(r, "punct.unpaired")


def test_kaizhou(seeds):
    r = seeds[KAIZHOU]
    assert [text_at(KAIZHOU, d) for d in found(r, "number.year_range_dash")] == ["2015-2020"]
    assert not found(r, "punct.docnumber")                # 开州委发〔2017〕5号 is correct
    on_chrome = [d.rule for d in r.diagnostics if d.line in (1, 3, 60, 62)]
    assert on_chrome == ["residue.web_page"]              # chrome is reported once, not checked


def test_dengzhou_correct_forms_are_quiet(seeds):
    r = seeds[DENGZHOU]
    assert not found(r, "number.money_unit")              # 0.89亿元 has its unit
    assert not found(r, "punct.unpaired") and not found(r, "word.duplicated")


def test_systemic_defect_is_one_grouped_line(cli):
    out = cli("check", f"seeds/{ZHONGYUAN}").stdout.decode()
    lines = [l for l in out.splitlines() if "punct.halfwidth" in l]
    assert len(lines) == 1 and "共 2" in lines[0]
