"""Heading numbering (GB/T 9704 §7.3.3, GB/T 15834 序次语): sequences, hierarchy, how tokens are
written, with exact locations and safe replacements."""
import unicodedata

from hypothesis import given, settings, strategies as st

from helpers import SEEDS, lint
from lawlint.numbering import int_to_cn

LONG = "。" + "全年开展专项检查工作，共检查单位二十家，发现并督促整改问题若干项，取得良好成效" * 2 + "。"


def findings(text, rule, **kw):
    return [d for d in lint(text, select=[rule], **kw).diagnostics if d.rule == rule]


def apply(text, diagnostics):
    """Apply the replacements of non-overlapping fixable findings (what a fix command does)."""
    out, last = [], len(text)
    for d in sorted((d for d in diagnostics if d.fixable), key=lambda d: -d.start):
        if d.end > last:
            continue
        out.append(text[d.end:last])
        out.append(d.replacement)
        last = d.start
    out.append(text[:last])
    return "".join(reversed(out))


def cn_paren_doc(values):
    lines = ["一、主要举措和成效"] + [f"（{int_to_cn(v)}）推进第{v}项工作{LONG}" for v in values]
    return "\n".join(lines + ["二、存在的不足", "执法力量不足。"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=8))
def test_gaps_and_repeats_match_an_oracle(values):
    text = cn_paren_doc(values)
    gaps = findings(text, "numbering.gap")
    repeats = findings(text, "numbering.repeat")
    want_gaps = int(values[0] > 1) + sum(1 for a, b in zip(values, values[1:]) if b > a + 1)
    want_repeats = sum(1 for a, b in zip(values, values[1:]) if b <= a)
    assert (len(gaps), len(repeats)) == (want_gaps, want_repeats)
    for d in gaps + repeats:          # each finding points at the token itself
        assert text[d.start] == "（" and text[d.end - 1] == "）"


def test_gap_message_names_what_is_missing():
    (d,) = findings(cn_paren_doc([1, 2, 5]), "numbering.gap")
    assert "（三）" in d.message and "（四）" in d.message


def test_unnumbered_heading_fills_the_hole():
    text = ("一、2023年主要做法\n（二）推进依法决策" + LONG + "\n强化行政权力制约和监督\n1.主动接受监督" + LONG
            + "\n（四）依法化解纠纷\n1.完善调解体系" + LONG + "\n二、存在的不足\n执法力量不足。")
    (d,) = findings(text, "numbering.unnumbered")
    assert d.line == 3 and "（三）" in d.message
    assert not findings(text, "numbering.gap")[1:]       # only the start (no （一）) is a gap


def test_single_item_lists_at_top_and_second_level():
    text = "一、主要举措和成效\n（一）推进依法行政" + LONG + "\n2022年，我区将继续努力。"
    got = findings(text, "numbering.single")
    assert [(d.line, d.message[:8]) for d in got] == [(1, "同级只有“一、”"), (2, "同级只有“（一）")]


def test_depth_inversion_and_skipped_level():
    inverted = "一、主要举措\n1.推进依法行政\n（一）健全制度" + LONG + "\n（二）规范执法" + LONG
    (d,) = findings(inverted, "numbering.depth")
    assert d.line == 3 and "（一）" in d.message and "1." in d.message
    skipped = "一、主要举措\n1.健全制度" + LONG + "\n2.规范执法" + LONG + "\n二、存在的不足\n1.执法力量不足" + LONG
    got = findings(skipped, "numbering.skipped_level")
    assert [d.line for d in got] == [2, 5] and all(d.severity == "info" for d in got)


def test_half_width_brackets_are_one_systemic_fixable_rule():
    text = "一、主要举措\n(一)推进依法行政" + LONG + "\n( 二 )规范执法" + LONG + "\n（三)化解纠纷" + LONG
    got = findings(text, "numbering.brackets")
    assert [d.replacement for d in got] == ["（一）", "（二）", "（三）"]
    fixed = apply(text, got)
    assert "（一）推进" in fixed and "（二）规范" in fixed and not findings(fixed, "numbering.brackets")
    r = lint(text * 10, select=["numbering.brackets"])
    assert r.deductions["numbering.brackets"] == 1        # capped: one systemic deduction


def test_ordinal_punctuation_headings_and_inline():
    text = ("一、主要举措\n（一）、推进依法行政" + LONG + "\n第二、规范执法" + LONG
            + "\n1、健全制度。主要做法：1、建立台账；2、定期调度。第一、二季度各召开会议1次。")
    got = findings(text, "numbering.punct")
    assert [(text[d.start:d.end], d.replacement) for d in got] == [
        ("、", ""), ("、", "，"), ("、", "."), ("、", "."), ("、", ".")]
    fixed = apply(text, got)
    assert "（一）推进" in fixed and "第二，规范" in fixed and "：1.建立台账；2.定期调度" in fixed
    assert "第一、二季度" in fixed and not findings(fixed, "numbering.punct")


def test_heading_period_only_on_standalone_headings():
    assert findings("一、主要举措和成效。\n全年审查规范性文件12件。", "numbering.heading_period")
    assert not findings("（一）统筹推进法治政府建设。一是加强顶层设计，全年召开会议4次。", "numbering.heading_period")
    assert not findings("一、主要举措\n1.全年审查文件12件。\n2.全年办理案件30件。", "numbering.heading_period")


def test_mixed_families_at_one_level():
    text = ("一、主要举措\n（一）推进依法行政" + LONG + "\n二、存在的不足\n1.执法力量不足" + LONG
            + "\n三、下一步安排\n（一）加强执法队伍建设" + LONG)
    (d,) = findings(text, "numbering.mixed")
    assert d.line == 4 and "1." in d.message and "（一）" in d.message


def test_pingqiao_numbering_survives_nfkc_normalisation():
    """The held-out corpus is NFKC-normalised: （一） becomes (一), ， becomes ,."""
    text = unicodedata.normalize("NFKC", (SEEDS / "2021-henan-xinyang-pingqiao.txt").read_text(encoding="utf-8"))
    gap = findings(text, "numbering.gap")
    unnumbered = findings(text, "numbering.unnumbered")
    assert [d.line for d in gap] == [20] and [d.line for d in unnumbered] == [34]
    assert len(findings(text, "numbering.brackets")) == 11     # (一)…(五), (七), (八), (一)…(四)


def test_inline_enumerations_and_run_in_lists_are_not_sequences():
    text = ("一、主要举措\n（一）推进依法行政。一是加强学习；二是强化考核；四是完善制度。1.开展培训；3.组织考试。\n"
            "二、存在的不足\n执法力量不足。")
    assert not findings(text, "numbering.gap")


def test_numbering_continued_across_parents_is_not_a_gap():
    """Many reports number level-3 items through the whole part: （一） 1. 2. （二） 3. 4."""
    text = ("一、主要举措\n（一）加强组织领导\n1.加强党的领导" + LONG + "\n2.强化考核评价" + LONG
            + "\n（二）依法履行政府职能\n3.深化审批改革" + LONG + "\n4.推行清单管理" + LONG
            + "\n（三）推进依法决策\n6.规范决策程序" + LONG)
    (d,) = findings(text, "numbering.gap")
    assert d.line == 9 and "缺少「5.」" in d.message


def test_flattened_pages_get_token_checks_only():
    """A scraped page that lost its line breaks: headings are found mid-line, so the tree (and
    with it gaps, levels, single items) is unreliable; brackets and punctuation are still checked."""
    lines = [l.strip() for l in (SEEDS / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8").splitlines()]
    flat = "".join(l for l in lines if l)
    r = lint(flat, select=["numbering", "title.missing"])
    rules = {d.rule for d in r.diagnostics}
    assert rules == {"numbering.brackets"}


FRAGMENTS = ["一、主要举措和成效", "一、主要举措和成效。", "(一)推进依法行政" + LONG, "（二）、规范执法" + LONG,
             "1、健全制度" + LONG, "2. 规范执法" + LONG, "3.化解纠纷" + LONG, "第一、加强领导" + LONG,
             "（1）、落实责任" + LONG, "全年推进法制政府建设，学习19届6中全会精神：1、培训；2. 考试；3.评查。",
             "二、存在的不足", "执法力量不足。"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=10))
def test_fixes_are_idempotent_and_only_touch_their_targets(parts):
    text = "\n".join(parts)
    select = ["numbering", "term.misnomer", "plenum.arabic"]
    once = apply(text, lint(text, year=2021, select=select).diagnostics)
    twice = apply(once, lint(once, year=2021, select=select).diagnostics)
    assert twice == once
    # No text is lost: only ordinal punctuation, brackets, spaces and the fixed terms change.
    def skeleton(s):
        import re
        s = s.replace("法制政府", "法治政府").replace("19届6中", "十九届六中")
        return re.sub(r"[()（）、.．，, 。]", "", s)
    assert skeleton(once) == skeleton(text)
