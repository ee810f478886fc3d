"""The five real seed reports as a regression corpus: section verdicts asserted against the human
labels (tests/fixtures/seed_labels.jsonl) and the structure findings a careful reader expects."""
import pytest

from helpers import SEEDS
from lawlint import lint_path

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def results():
    return {name: lint_path(SEEDS / name) for name in SEED_FILES}


@pytest.mark.parametrize("name", SEED_FILES)
def test_section_verdicts_match_labels(name, results, seed_labels):
    got = {sid: v.status for sid, v in results[name].sections.items()}
    assert got == seed_labels[name]["sections"]


@pytest.mark.parametrize("name,year", [
    ("2021-henan-zhengzhou-zhongyuan.txt", 2021), ("2024-henan-nanyang-dengzhou.txt", 2024),
    ("2018-chongqing-kaizhou.txt", 2018), ("2021-henan-xinyang-pingqiao.txt", 2021),
    ("2021-hebei-shijiazhuang-yuanshi.txt", 2021)])
def test_report_year_detected(name, year, results):
    assert results[name].report_year == year


def _rules(result):
    return {d.rule: d for d in result.diagnostics}


def test_zhongyuan_missing_parts(results):
    r = results["2021-henan-zhengzhou-zhongyuan.txt"]
    found = _rules(r)
    assert found["section.shortcomings"].severity == "error"
    assert found["section.causes"].severity == "error"
    assert found["section.plans"].severity == "warning"          # only a closing slogan paragraph
    assert found["section.plans"].line == 18
    assert found["section.leadership"].severity == "warning"     # only 领导小组 / 学法 in the body
    assert r.sections["plans"].line == 18


def test_yuanshi_heading_promises_causes(results):
    d = _rules(results["2021-hebei-shijiazhuang-yuanshi.txt"])["section.causes"]
    assert d.line == 42 and "标题写了“原因”" in d.message


def test_dengzhou_merged_heading_counts_twice(results):
    r = results["2024-henan-nanyang-dengzhou.txt"]
    assert r.sections["shortcomings"].line == r.sections["plans"].line == 23
    assert "section.order" not in _rules(r)


def test_kaizhou_web_chrome_is_not_structure(results):
    r = results["2018-chongqing-kaizhou.txt"]
    assert r.meta["date_published"] == "2019-02-02"
    assert r.title == "2018年我区法治政府建设情况汇报"


def test_pingqiao_unnumbered_heading_carries_supervision(results):
    v = results["2021-henan-xinyang-pingqiao.txt"].sections["supervision"]
    assert v.status == "heading" and v.line == 34


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_seed_has_causes_error(name, results):
    """All five seeds list shortcomings (or none) without analysing causes."""
    assert _rules(results[name])["section.causes"].severity == "error"


def test_scores_are_consistent(results):
    for r in results.values():
        assert 0 <= r.score <= 100
        assert r.score == sum(c["score"] for c in r.categories.values())
        assert r.grade in ("优秀", "良好", "合格", "不合格")
    # The report missing three statutory parts scores below the complete ones.
    assert results["2021-henan-zhengzhou-zhongyuan.txt"].score < min(
        results[n].score for n in SEED_FILES if "zhongyuan" not in n)


@pytest.mark.parametrize("name", SEED_FILES)
def test_nfkc_normalised_seed_same_verdicts(name, results):
    """The held-out corpus is NFKC-normalised (ASCII commas and brackets): verdicts must not move."""
    import unicodedata

    from lawlint import lint_text
    text = unicodedata.normalize("NFKC", (SEEDS / name).read_text(encoding="utf-8"))
    got = {sid: v.status for sid, v in lint_text(text).sections.items()}
    assert got == {sid: v.status for sid, v in results[name].sections.items()}
