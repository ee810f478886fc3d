"""Part location's fast paths (lawlint.sections.shared, inline, detect, causal) give the verdicts
of the plain reading (tests/sections_plain.py, the code before them), and are taken."""
import glob
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import sections_plain as plain
from lawlint.api import ruleset_for
from lawlint.config import Config
from lawlint.loaders.source import Source
from lawlint.parse.document import parse
from lawlint.sections import causal, detect, shared

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _corpus_texts():
    paths = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*", "*.txt")))
    paths += sorted(glob.glob("/work/shared/corpus/real/*.txt"))        # when present
    return [open(p, encoding="utf-8").read() for p in paths]


def _rules():
    return ruleset_for(Config()).section_rules


def _seen(verdicts):
    return {k: (v.status, v.line, v.title, v.start, list(v.regions), v.note, v.reached)
            for k, v in verdicts.items()}


def _both(text, year=None):
    """(the verdicts located now, the plain reading's), each on a document of its own."""
    rules = _rules()
    fast, slow = parse(Source(text=text), year=year), parse(Source(text=text), year=year)
    return (_seen(detect.locate(fast, rules, fast.year)),
            _seen(plain.locate(slow, rules, slow.year)))


def test_every_corpus_text_gets_the_plain_verdicts():
    texts = _corpus_texts()
    assert len(texts) > 50
    found = 0
    for text in texts:
        for year in (None, 2021):
            got, want = _both(text, year)
            assert got == want
            found += sum(v[0] != "absent" for v in got.values())
    assert found > 300


# Reports made of the pieces part detection reads: titles of every part (slogans with cue words,
# titles that promise causes), run-in items, actors doing duties, problems and their causes.
TITLES = ["一、主要举措和成效", "二、存在的不足和原因", "三、下一步工作打算", "（一）坚持党的领导",
          "（二）提高政治站位，压实责任", "一、领导重视，周密部署", "（三）推进严格规范公正文明执法",
          "（四）强化行政权力制约监督", "二、存在的问题", "三、原因分析", "（五）健全矛盾纠纷化解机制",
          "四、2022年工作安排", "（一）问题整改情况", "二、政务公开", "一、工作开展情况"]
SENTENCES = ["县长主持召开常务会议专题研究法治政府建设3次。", "全年办理行政复议案件12件。",
             "一是强化责任担当。县委书记听取法治建设工作汇报。", "二是落实第一责任人职责。主要负责同志带头述法。",
             "一是执法力量薄弱；二是普法形式单一。", "究其原因，主要是编制不足、培训不够。",
             "由于编制有限、专业人员少，加之培训不系统，导致执法水平提升较慢。", "执法规范化水平不高。",
             "原因是执法不够规范。", "下一步，我们将继续推进依法行政。", "严格落实重大行政决策程序。",
             "全面推行行政执法三项制度。", "主动公开政府信息3469条。", "但仍存在一些问题和不足，主要表现在：",
             "其一，认识不到位；其二，经费不足。", "个别单位对法治建设重视不够，导致工作推进不平衡。",
             "《关于成立法治政府建设领导小组的通知》印发。", "调处矛盾纠纷86起。", "将加强执法队伍建设。"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(TITLES), st.lists(st.sampled_from(SENTENCES), max_size=4)),
                max_size=8),
       st.sampled_from([None, 2021, 2023]))
def test_generated_reports_get_the_plain_verdicts(sections, year):
    text = "\n".join(t + ("\n" + "".join(body) if body else "") for t, body in sections)
    got, want = _both(text, year)
    assert got == want


# -- the pieces, each against its plain form -------------------------------------------------
class _Block:
    def __init__(self, text, start, end):
        self.start, self.end, self.text = start, end, text[start:end]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("执法监督不足；。\n原因12")), max_size=60),
       st.lists(st.integers(0, 60), max_size=10),
       st.sampled_from(["执法", "不足|原因", "执法[^。；]{0,4}监督", "\\d+", "监督。\n", "原因[^。]*不足",
                        "(?<!执法)监督", "^原因"]))
def test_first_match_equals_a_search_per_block(text, cuts, pattern):
    from lawlint.rulepack.regexcache import compile_all
    cuts = sorted({c for c in cuts if c <= len(text)})
    blocks = [_Block(text, a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    rx = compile_all([pattern])[0]
    lits = shared.literals([rx])[0][0][1]
    want = next(((b.start, m.span()) for b in blocks for m in [rx.search(b.text)] if m), None)
    got = shared.first_match(rx, lits, blocks, [b.start for b in blocks], text) if blocks else None
    assert (None if got is None else (got[0].start, got[1].span())) == want


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("执法监督不足；。\n原因12")), max_size=60),
       st.lists(st.integers(0, 60), max_size=10), st.integers(0, 62),
       st.sampled_from(["执法", "不足|原因", "执法[^。；]{0,4}监督", "\\d+", "(?<!执法)监督", "^原因"]))
def test_first_match_before_an_offset_reads_the_blocks_starting_before_it(text, cuts, before, pattern):
    from lawlint.rulepack.regexcache import compile_all
    cuts = sorted({c for c in cuts if c <= len(text)})
    blocks = [_Block(text, a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    rx = compile_all([pattern])[0]
    lits = shared.literals([rx])[0][0][1]
    want = next(((b.start, m.span()) for b in blocks if b.start < before for m in [rx.search(b.text)] if m), None)
    got = shared.first_match(rx, lits, blocks, [b.start for b in blocks], text, before) if blocks else None
    assert (None if got is None else (got[0].start, got[1].span())) == want


def test_evidence_past_enough_patterns_reads_only_the_blocks_before_the_first():
    """Leadership needs two evidence patterns: once two have a match, the others are asked only
    about the blocks before the first evidence (the part's verdict is the plain reading's)."""
    text = ("一、主要举措和成效\n县政府主要负责同志带头述法，成立法治政府建设领导小组。\n"
            + "全年办理行政复议案件12件。\n" * 30 + "二、存在的不足\n执法力量薄弱。\n三、2022年工作安排\n将继续推进。")
    doc = parse(Source(text=text), year=2021)
    before = shared.stats["bounded"]
    verdicts = detect.locate(doc, _rules(), 2021)
    assert verdicts["leadership"].status == "body"
    assert shared.stats["bounded"] > before
    assert verdicts["leadership"].line == plain.locate(doc, _rules(), 2021)["leadership"].line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("执法力量薄弱编制不足，；")), max_size=16),
       st.lists(st.text(alphabet=st.sampled_from(list("执法力量薄弱编制不足，")), max_size=20), max_size=4),
       st.sampled_from([0.0, 0.5, 0.6, 1.0]))
def test_restates_equals_the_pairs_reading(clause, problems, share):
    pairs = plain._pairs(clause)
    want = True if not pairs else any(len(pairs & plain._pairs(p)) >= share * len(pairs) for p in problems)
    assert causal.restates(clause, problems, share) is want
    assert causal.restates(clause, causal.Problems(problems), share) is want


def test_unframed_equals_framed_sentence_by_sentence():
    c = next(r for r in _rules() if r.bound(2021).causal).bound(2021).causal
    checked = 0
    for text in _corpus_texts()[:40]:
        doc = parse(Source(text=text))
        for b in doc.body_blocks:
            want = [x.text for x in b.sentences() if not causal.framed(x.text, c)]
            assert causal.unframed(b.text, b.sentences(), c) == want
            checked += len(want) != len(b.sentences())
    assert checked > 5


# -- the fast paths are taken ---------------------------------------------------------------
def _counts(text):
    before = dict(shared.stats), dict(causal.stats)
    got, want = _both(text, 2021)
    assert got == want
    return ({k: shared.stats[k] - before[0][k] for k in shared.stats},
            {k: causal.stats[k] - before[1][k] for k in causal.stats})


def test_detectors_share_one_reading_of_the_document():
    made = shared.stats["shared"]
    doc = parse(Source(text="一、主要工作\n我局推进依法行政。"), year=2023)
    detect.locate(doc, _rules(), 2023)
    assert shared.stats["shared"] - made == 1


def test_titles_that_hold_no_literal_are_not_searched():
    got, _ = _counts("一、主要工作\n我局推进依法行政。")
    assert got["dead_titles"] >= 5           # most parts' title patterns cannot match 主要工作


def test_evidence_is_looked_for_from_the_first_block_holding_its_literals():
    got, _ = _counts("一、主要工作\n我局推进依法行政。\n全年办理案件12件。\n县长带头述法，主要负责同志带头学法。")
    assert got["skipped"] >= 1


def test_only_sections_whose_title_scores_are_read():
    text = ("一、提高政治站位\n县长主持召开常务会议专题研究法治政府建设3次。\n二、推进执法\n全年办理案件12件。\n"
            "三、加强队伍建设\n培训执法人员300人次。")
    got, _ = _counts(text)
    assert got["read"] == 1                  # only 提高政治站位 (a leadership cue) is weighed


def test_an_item_title_that_does_not_score_is_not_weighed():
    text = "一、主要工作\n一是加强队伍建设。培训执法人员300人次。二是强化责任担当。县委书记听取汇报。"
    got, _ = _counts(text)
    assert got["unscored"] >= 1


def test_clauses_inside_a_problem_and_unframed_paragraphs_are_answered_at_once():
    text = ("一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足\n执法力量薄弱，普法形式单一。\n"
            "受理案件办理不及时，队伍老化。\n三、2022年工作安排\n将继续推进依法行政。")   # 受 of 受理: no frame
    _, got = _counts(text)
    assert got["inside"] >= 1 and got["unframed"] >= 1


@pytest.mark.parametrize("name", ["_pairs"])
def test_no_text_keyed_cache_outlives_a_report(name):
    assert not hasattr(causal, name)          # the pairs of a report's problems are read per report


def test_item_titles_are_asked_once_per_pattern_list():
    text = "一、主要工作\n一是加强队伍建设。培训执法人员300人次。二是强化责任担当。县委书记听取汇报。"
    got, _ = _counts(text)
    assert got["item_titles"] >= 2


def test_a_paragraph_no_frame_can_match_is_not_split_into_clauses():
    text = ("一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足\n执法力量薄弱，普法形式单一。\n"
            "三、2022年工作安排\n将继续推进依法行政。")
    _, got = _counts(text)
    assert got["frameless"] >= 1


def test_weak_frames_read_with_the_frame_literals_equal_the_plain_reading():
    """causal.analysis (frame literals, problems read once) equals the plain analysis on every
    paragraph of every corpus text, against the problems of its own report."""
    c = next(r for r in _rules() if r.bound(2021).causal).bound(2021).causal
    found = 0
    for text in _corpus_texts():
        doc = parse(Source(text=text))
        problems = [x.text for b in doc.body_blocks for x in b.sentences() if not causal.framed(x.text, c)][:40]
        for b in doc.body_blocks:
            want = plain.analysis(b.text, c, problems)
            assert causal.analysis(b.text, c, problems) == want
            assert causal.analysis(b.text, c, causal.Problems(problems)) == want
            found += want is not None
    assert found > 10


def test_section_verdicts_are_made_as_the_dataclass_would():
    from lawlint.plain import replace
    from lawlint.result import SectionVerdict
    a, b = SectionVerdict(), SectionVerdict()
    assert (a.status, a.line, a.title, a.start, a.regions, a.note, a.reached) == ("absent", None, "", None, [], "", True)
    a.regions.append((1, 2))
    assert b.regions == [] and a != b
    v = SectionVerdict("heading", 3, "一、主要工作", 5, [(5, 9)], "x", False)
    assert replace(v, reached=True) == SectionVerdict("heading", 3, "一、主要工作", 5, [(5, 9)], "x")


def test_a_part_found_by_its_heading_subtracts_no_regions(monkeypatch):
    """The regions left after ``not_within`` are worked out only for the body steps: a part found
    by a heading never reads them, a part found in the body does."""
    asked = []
    real = detect._subtract

    def counted(regions, holes):
        asked.append(holes)
        return real(regions, holes)
    monkeypatch.setattr(detect, "_subtract", counted)
    text = ("一、主要举措和成效\n（一）推进严格规范公正文明执法。全年开展执法检查12次。\n"
            "二、存在的不足\n执法力量薄弱。\n三、2022年工作安排\n将继续推进依法行政。")
    doc = parse(Source(text=text), year=2021)
    verdicts = detect.locate(doc, _rules(), 2021)
    assert verdicts["measures"].status == verdicts["enforcement"].status == "heading"
    assert verdicts["leadership"].status != "heading"
    assert len(asked) == sum(1 for r in _rules() if r.bound(2021).not_within
                             and verdicts[r.bound(2021).section].status != "heading")
    assert asked


def _plain_area_headings(doc, pats, least, excluded):
    """evidence.area_headings as it read before: each pattern searched in each title."""
    from lawlint.sections.livepatterns import live
    areas = live(doc, pats.areas.patterns, "titles")
    if not areas:
        return []
    groups = [(None, doc.top_headings)] + [(h, h.children) for h in doc.headings if h.children]
    for parent, group in groups:
        if parent is not None and any(s <= parent.start < e for s, e in excluded):
            continue
        hits = [h for h in group if any(rx.search(h.title) for rx in areas)
                and not any(rx.search(h.title) for rx in pats.heading_exclude)
                and not any(s <= h.start < e for s, e in excluded)]
        if len(hits) >= least:
            return [parent] if parent is not None else hits
    return []


def test_area_headings_equal_searching_each_title_on_every_corpus(monkeypatch):
    from lawlint.sections import evidence, titles
    asked = []
    real = titles.asking

    def counted(patterns):
        asked.append(patterns)
        return real(patterns)
    monkeypatch.setattr(titles, "asking", counted)
    pats = next(r for r in _rules() if r.bound(2021).areas is not None).bound(2021)
    found = 0
    for text in _corpus_texts():
        doc = parse(Source(text=text), year=2021)
        sh = shared.Shared(doc, 2021, _rules())
        for excluded in ([], sh.excluded(pats.not_within)):
            got = evidence.area_headings(doc, pats, pats.areas.min, excluded)
            assert got == _plain_area_headings(doc, pats, pats.areas.min, excluded)
            found += bool(got)
    assert found > 10
    assert any(p is pats.heading_exclude for p in asked)      # the literal-first path was taken


def test_first_match_searches_only_blocks_holding_a_literal():
    import re as _re
    searched = []

    class Counted:
        def __init__(self, rx):
            self.rx = rx

        def search(self, text):
            searched.append(text)
            return self.rx.search(text)
    text = "甲乙丙。\n执法检查。\n丁戊己。\n执法监督。"
    blocks = [_Block(text, a, b) for a, b in [(0, 4), (5, 10), (11, 15), (16, 21)]]
    rx = Counted(_re.compile("执法监督"))
    got = shared.first_match(rx, ("执法",), blocks, [b.start for b in blocks], text)
    assert got[0] is blocks[3] and got[1].group() == "执法监督"
    assert searched == ["执法检查。", "执法监督。"]          # the blocks without 执法 were not searched
