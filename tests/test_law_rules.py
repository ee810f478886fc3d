"""Cited laws checked against the law table: near-miss titles (citation.title), repealed or renamed
laws cited as in force (term.repealed_law), laws cited before they existed (citation.future_law),
stale 「新修订的」 (term.stale_new) — on sentences of reports of several levels and years."""
import pytest

from helpers import lint


def found(text, rule, year):
    return [d for d in lint(text, year=year, select=[rule]).diagnostics if d.rule == rule]


@pytest.mark.parametrize("text, fix", [
    ("乡政府严格依照《行政许可证法》办理审批事项。", "行政许可法"),
    ("区市场监管局依据《中华人民共和国食品安全发》查处案件8起。", None),       # 发 for 法: the last word is not a title
    ("县卫健委贯彻《中华人民共和国基本医疗卫生与健康促进法》。", None),
    ("市政府常务会议学习《保障中小企业款项支付办法》。", "保障中小企业款项支付条例"),
    ("省司法厅组织学习《中华人民共和国行政复议法实施条列》。", "中华人民共和国行政复议法实施条例"),
    ("镇政府落实《政府督察工作条例》，开展专项督查3次。", "政府督查工作条例"),
    ("县应急局宣传《中华人民共和国安全生产法》和《河北省安全生产条例》。", None),
    ("街道办事处落实《浙江省优化营商环境条例》和《优化营商环境条例》。", None),
    ("县人社局宣传《劳动合同法》《劳动合同法实施条例》。", None),
])
def test_near_miss_titles(text, fix):
    got = found(text, "citation.title", 2022)
    assert [d.replacement for d in got] == ([fix] if fix else [])


@pytest.mark.parametrize("text, year, fires", [
    ("区司法局依据《中华人民共和国合同法》审查政府合同30份。", 2021, True),
    ("区司法局依据《中华人民共和国合同法》审查政府合同30份。", 2020, False),
    ("组织干部学习宪法、合同法等法律。", 2023, True),
    ("组织干部学习宪法、劳动合同法等法律。", 2023, False),
    ("县住建局依照《城市房屋拆迁管理条例》开展征收补偿工作。", 2012, True),
    ("县住建局依照《城市房屋拆迁管理条例》开展征收补偿工作。", 2010, False),
    ("市场监管局依照《个体工商户条例》办理登记。", 2023, True),
    ("市场监管局依照《个体工商户条例》办理登记。", 2022, False),       # repealed 2022-11-01, mid-year
    ("原《中华人民共和国行政监察法》规定的监察职能已划转。", 2019, False),
    ("市监察局依照《中华人民共和国行政监察法》开展监察。", 2019, True),
    ("《国家行政机关公文处理办法》已被《党政机关公文处理工作条例》取代。", 2015, False),
    ("办公室严格按照《国家行政机关公文处理办法》规范公文。", 2015, True),
])
def test_repealed_laws(text, year, fires):
    got = found(text, "term.repealed_law", year)
    assert bool(got) == fires
    if fires:
        assert "取代" in got[0].message and str(year) in got[0].message


def test_unknown_year_judges_nothing():
    assert found("依据《中华人民共和国合同法》审查合同。", "term.repealed_law", None) == []
    assert found("学习新修订的《行政处罚法》。", "term.stale_new", None) == []


@pytest.mark.parametrize("text, year, fires", [
    ("乡政府学习新修订的《行政复议法》。", 2024, False),          # 2023-09 revision
    ("乡政府学习新修订的《行政复议法》。", 2025, True),
    ("县委理论中心组学习新《中华人民共和国行政处罚法》。", 2022, False),
    ("县委理论中心组学习新《中华人民共和国行政处罚法》。", 2024, True),
    ("组织学习新修订的《中华人民共和国行政复议法》。", 2019, True),  # the 2017 amendment, not new in 2019+2
    ("组织学习新修订的《中华人民共和国行政复议法》。", 2018, False),
    ("开展创新《中华人民共和国宪法》宣传形式的活动。", 2024, True),  # 新 right before 《: still read as 新
])
def test_stale_new(text, year, fires):
    got = found(text, "term.stale_new", year)
    assert bool(got) == fires
    if fires:
        assert got[0].replacement is not None and got[0].replacement.startswith("《")


@pytest.mark.parametrize("text, year, fires", [
    ("县信访局严格落实《信访工作条例》，化解信访积案15件。", 2020, True),
    ("县信访局严格落实《信访工作条例》，化解信访积案15件。", 2021, False),   # out 2022-02, before the report was due
    ("县信访局严格落实《信访工作条例》，化解信访积案15件。", 2022, False),
    ("县信访局配合开展《信访工作条例》起草调研。", 2021, False),
    ("依据《中华人民共和国行政处罚法》查处案件。", 2019, False),
])
def test_future_law(text, year, fires):
    assert bool(found(text, "citation.future_law", year)) == fires


@pytest.mark.parametrize("text, year, fires", [
    ("县生态环境局依据《噪声污染防治法》查处夜间施工噪声案件9起。", 2021, True),
    ("县生态环境局依据《噪声污染防治法》查处夜间施工噪声案件9起。", 2022, False),
    ("组织执法人员学习《噪声污染防治法》。", 2021, False),
    ("区司法局按照《民法典》规定审查合同45份。", 2020, True),
    ("区司法局按照《民法典》规定审查合同45份。", 2021, False),
    ("依据《中华人民共和国行政处罚法》查处案件。", 2020, False),      # in force since 1996
])
def test_not_in_force(text, year, fires):
    assert bool(found(text, "citation.not_in_force", year)) == fires
