"""The defects of domain.md §3.3's per-seed table that the numbering, title, terminology, plenum,
citation, residue and content rules cover, asserted on the five real seeds — and the things the
table calls correct, asserted as *not* reported."""
from collections import Counter

import pytest

from helpers import SEEDS
from lawlint import lint_path

ZHONGYUAN = "2021-henan-zhengzhou-zhongyuan.txt"
DENGZHOU = "2024-henan-nanyang-dengzhou.txt"
KAIZHOU = "2018-chongqing-kaizhou.txt"
PINGQIAO = "2021-henan-xinyang-pingqiao.txt"
YUANSHI = "2021-hebei-shijiazhuang-yuanshi.txt"


@pytest.fixture(scope="module")
def seeds():
    return {p.name: lint_path(p) for p in SEEDS.glob("*.txt")}


def found(result, rule):
    return [d for d in result.diagnostics if d.rule == rule]


def text_of(name, d):
    from lawlint.loaders import load_path
    return load_path(SEEDS / name).text[d.start:d.end]


# -- 000 Zhongyuan 2021 ---------------------------------------------------------------------------
def test_zhongyuan(seeds):
    r = seeds[ZHONGYUAN]
    assert [d.line for d in found(r, "title.missing")] == [1]                # no title
    single = found(r, "numbering.single")                                     # 一、 never followed by 二、
    assert [(d.line, text_of(ZHONGYUAN, single[0])) for d in single] == [(2, "一、")]
    assert [d.line for d in found(r, "content.plan_slogans")] == [18]        # only a closing slogan
    acts = found(r, "term.specific_act")                                      # 加强具体行政行为审核 / 备案
    assert [(d.line, d.severity) for d in acts] == [(6, "info"), (10, "info")]
    brackets = found(r, "numbering.brackets")                                 # (一)…(十五), systemic
    assert len(brackets) == 15 and all(d.fixable and d.replacement.startswith("（") for d in brackets)
    assert brackets[-1].replacement == "（十五）"
    # Correct for 2021: the plenum list 二中 to 六中; the 79 + 4 + 10 = 93 counts balance.
    assert not [d for d in r.diagnostics if d.rule.startswith("plenum.")]
    assert not found(r, "content.rate_mismatch")


# -- 001 Dengzhou 2024 ----------------------------------------------------------------------------
def test_dengzhou(seeds):
    r = seeds[DENGZHOU]
    assert found(r, "title.missing")
    rate = found(r, "content.rate_mismatch")                                  # 76 of 284 stated as 35%
    assert len(rate) == 1 and rate[0].line == 18 and rate[0].severity == "info"
    assert text_of(DENGZHOU, rate[0]) == "调解和解结案率35%" and "26.8" in rate[0].message
    # 「取得一定成效,但仍存在一些差距和不足」 turns into the problems; it is not praise (issue 10)
    assert found(r, "content.shortcomings_praise") == []
    assert len(found(r, "numbering.brackets")) == 5
    # 二十大 plus 二十届二中、三中 is correct for 2024; the L1/L2 hierarchy is good.
    assert not [d for d in r.diagnostics if d.rule.startswith(("plenum.", "term."))]
    assert not [d for d in r.diagnostics if d.rule.startswith("numbering.")
                and d.rule != "numbering.brackets"]


# -- 002 Kaizhou 2018 -----------------------------------------------------------------------------
def test_kaizhou(seeds):
    r = seeds[KAIZHOU]
    web = found(r, "residue.web_page")                                        # breadcrumb, index table, footer
    assert len(web) == 1 and web[0].line == 1
    assert [d.line for d in found(r, "title.doctype")] == [5]                # 情况汇报
    assert len(found(r, "numbering.brackets")) == 6                           # (一) (二) …
    spaced = found(r, "numbering.mixed")                                      # 1.xxx but 2. 搭建…
    assert sorted(d.line for d in spaced) == [15, 17, 21, 33, 41]
    assert all(d.replacement == "" and text_of(KAIZHOU, d) == " " for d in spaced)
    assert [d.line for d in found(r, "content.shortcomings_praise")] == [45]
    # Correct for 2018: 原区政府法制办, 以公开为原则 (pre-2019 wording), 十三五/七五 as current,
    # published 2019-02-02 (before April 1); the hyphen in 《…(2015-2020年)》 is a punctuation matter.
    assert not [d for d in r.diagnostics if d.rule.startswith(("term.", "plenum.", "citation."))]
    assert not found(r, "residue.late")


# -- 003 Pingqiao 2021 ----------------------------------------------------------------------------
def test_pingqiao(seeds):
    r = seeds[PINGQIAO]
    gap = found(r, "numbering.gap")                                           # under （三）: 1、 then 3、
    assert [(d.line, text_of(PINGQIAO, d)) for d in gap] == [(20, "3、")]
    missing = found(r, "numbering.unnumbered")                                # （五）, unnumbered, （七）
    assert [d.line for d in missing] == [34] and "（六）" in missing[0].message
    punct = found(r, "numbering.punct")                                       # 1、 instead of 1.
    assert len(punct) == 22 and {d.replacement for d in punct} == {"."}
    assert [d.line for d in found(r, "term.reform_bodies")] == [27]          # 卫生计生监督所
    assert [d.line for d in found(r, "content.shortcomings_praise")] == [52]
    # Correct for 2021: 维持具体行政行为 (old 复议法), 以公开为常态, a 2022 plan, 迎接二十大.
    assert not found(r, "term.specific_act") and not found(r, "term.disclosure_principle")
    assert not found(r, "content.plan_year") and not found(r, "plenum.future")
    assert not found(r, "numbering.brackets")                                 # full-width （一）


# -- 004 Yuanshi 2021 -----------------------------------------------------------------------------
def test_yuanshi(seeds):
    r = seeds[YUANSHI]
    cite = found(r, "citation.title")                                         # 《…(2021-2025)》 without 年
    assert [d.line for d in cite] == [7] and "（2021—2025年）" in cite[0].message
    assert [(d.line, d.severity) for d in found(r, "title.de")] == [(2, "info")]   # 情况报告 lacks 的
    assert len(found(r, "numbering.brackets")) == 30
    vague = found(r, "content.vague_claim")                                   # 先后多次召开…, no figure
    assert [(d.line, d.message[:4]) for d in vague] == [(27, "“多次”")]
    # Correct for 2021: 新冠肺炎, 两个确立, 十九届历次全会, 新《行政处罚法》, 八五 普法.
    assert not [d for d in r.diagnostics if d.rule.startswith(("term.", "plenum."))]


def test_kaizhou_disclosure_wording_fires_only_from_2019(seeds):
    """以公开为原则 is the pre-2019 wording: fine in Kaizhou's 2018 report, flagged if it were 2019."""
    from lawlint.config import Config
    r = lint_path(SEEDS / KAIZHOU, Config(year=2019, select=["term.disclosure_principle"]))
    assert [d.line for d in r.diagnostics] == [25]


def test_per_rule_counts_on_seeds(seeds):
    """The per-rule totals reported in the closing note; a change here is a deliberate one."""
    mine = ("numbering.", "term.", "plenum.", "citation.", "title.", "placeholder.", "request.",
            "residue.", "content.")
    total = Counter(d.rule for r in seeds.values() for d in r.diagnostics if d.rule.startswith(mine))
    assert total == Counter({
        "numbering.brackets": 56, "numbering.punct": 22, "numbering.mixed": 5,
        "numbering.gap": 1, "numbering.unnumbered": 1, "numbering.single": 1,
        "title.missing": 2, "title.doctype": 1, "title.de": 1,
        "term.specific_act": 2, "term.reform_bodies": 1, "citation.title": 1,
        "residue.web_page": 1, "content.shortcomings_praise": 2, "content.shortcomings_stock": 4,
        "content.plan_slogans": 1, "content.rate_mismatch": 1, "content.vague_claim": 1})
