"""Part location reads only what can change a verdict: a heading with sub-headings has a body
without its text being joined, the shortcomings' problem sentences are read only when a cause
clause is compared with them, and the sections each frame leaves out are found in one walk over
the headings. Each equals the plain way (tests/test_sections_fast.py compares whole verdicts
with tests/sections_plain.py on every corpus) and is taken."""
import glob
import os

from lawlint.api import ruleset_for
from lawlint.config import Config
from lawlint.loaders.source import Source
from lawlint.parse.document import Document, parse
from lawlint.sections import causal, detect, evidence, shared

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _rules():
    return ruleset_for(Config()).section_rules


def _texts():
    paths = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*", "*.txt")))
    return [open(p, encoding="utf-8").read() for p in paths]


def _bodies_read(monkeypatch, text):
    read = []
    real = Document.heading_body

    def counted(self, h):
        read.append(h.title)
        return real(self, h)
    monkeypatch.setattr(Document, "heading_body", counted)
    doc = parse(Source(text=text), year=2021)
    return detect.locate(doc, _rules(), 2021), read


def test_a_heading_with_sub_headings_is_not_joined_to_tell_it_has_a_body(monkeypatch):
    text = ("一、主要举措和成效\n（一）推进严格规范公正文明执法\n全年开展执法检查12次。\n"
            "二、2022年工作安排\n继续推进依法行政。")
    verdicts, read = _bodies_read(monkeypatch, text)
    assert verdicts["measures"].status == "heading" and verdicts["measures"].title == "主要举措和成效"
    assert "主要举措和成效" not in read


def test_a_leaf_headings_body_is_still_read(monkeypatch):
    text = "一、主要举措和成效\n\u200b\n二、推进执法\n全年开展执法检查12次。"
    verdicts, read = _bodies_read(monkeypatch, text)
    assert "主要举措和成效" in read                 # a leaf: its text decides (here blank)
    assert verdicts["measures"].title != "主要举措和成效"


def test_problems_are_not_read_when_no_cause_is_compared():
    before = causal.stats["problems"]
    doc = parse(Source(text="一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足\n执法力量薄弱，普法形式单一。\n"
                            "三、2022年工作安排\n将继续推进依法行政。"), year=2021)
    verdicts = detect.locate(doc, _rules(), 2021)
    assert verdicts["shortcomings"].status == "heading" and verdicts["causes"].status == "absent"
    assert causal.stats["problems"] == before


def test_problems_are_read_when_a_cause_is_compared():
    before = causal.stats["problems"]
    doc = parse(Source(text="一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足\n执法力量薄弱。"
                            "究其原因，主要是编制不足、培训不够。\n三、2022年工作安排\n将继续推进依法行政。"), year=2021)
    verdicts = detect.locate(doc, _rules(), 2021)
    assert verdicts["causes"].status != "absent"
    assert causal.stats["problems"] == before + 1


def test_lazy_problems_read_as_a_list_does():
    for problems in ([], ["执法力量薄弱", "普法形式单一"]):
        now, later = causal.Problems(problems), causal.Problems(lambda p=problems: iter(p))
        assert (later.sentences, later.joined, later.pairs()) == (now.sentences, now.joined, now.pairs())
        for clause in ("执法力量薄弱", "编制不足", "普法形式"):
            assert causal.restates(clause, later, 0.5) == causal.restates(clause, now, 0.5)


def test_excluded_sections_equal_each_frames_regions_on_every_corpus_text():
    rules, walked = _rules(), 0
    for text in _texts():
        doc = parse(Source(text=text))
        year = doc.year or 2021
        sh = shared.Shared(doc, year, rules)
        for r in rules:
            not_within = r.bound(year).not_within
            want = [span for sid in not_within for span in evidence.frame_regions(doc, year, rules, sid)]
            assert sh.excluded(not_within) == want
        walked += None in sh._excluded             # the one walk over the headings was taken
    assert walked > 50


# -- title pattern lists: one alternation per list, read once per list -----------------------

import re  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

from lawlint.rulepack.regexcache import LazyPattern  # noqa: E402
from lawlint.sections import titles  # noqa: E402

FRAGMENTS = ["问题", "不足|差距", "(主要|工作)?(举措|成效)", "党[^，,]{0,2}(对|的)[^，,]{0,6}领导", "计划[^，,]{0,3}执行",
             "\\d{4}年", "情况$", "^加强", "(?<!突出)问题", "问题(?!整改)", "(?P<w>工作)", "(工)作\\1", "(?i)plan",
             "x?", "Plan", "责任", "原因[^计]{0,4}", "执法|监督"]
WORDS = ["加强", "队伍", "建设", "问题", "整改", "不足", "党的领导", "责任", "工作", "成效", "执法", "监督", "plan",
         "Plan", "2021年", "情况", "突出", "原因", "计划", "执行", "，"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5),
       st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map("".join), min_size=1, max_size=6),
       st.booleans())
def test_item_titles_equal_asking_each_pattern_about_each_item(sources, names, lazy):
    pats = [LazyPattern(p) if lazy else re.compile(p) for p in sources]
    text = "一、主要工作\n" + "".join(f"{n}是{t}。县长主持会议。" for n, t in zip("一二三四五六", names))
    doc = parse(Source(text=text), year=2021)
    sh = shared.Shared(doc, 2021, _rules())
    items = {m.group(1) for _b, found in sh.inline_items() for m in found}
    assert sh.item_titles(pats) == {t for t in items if any(rx.search(t) for rx in pats)}


def test_item_titles_ask_a_rule_packs_list_as_one_alternation():
    before = shared.stats["item_merged"]
    doc = parse(Source(text="一、主要工作\n一是加强党的领导。县长主持会议。二是压实第一责任人职责。县长带头述法。"), year=2021)
    leadership = next(r for r in _rules() if r.bound(2021).section == "leadership").bound(2021)
    sh = shared.Shared(doc, 2021, _rules())
    assert sh.item_titles(leadership.heading) == {"加强党的领导", "压实第一责任人职责"}
    assert shared.stats["item_merged"] == before + 1


def test_a_pattern_lists_grouping_is_worked_out_once_per_list():
    heading = next(r for r in _rules() if r.bound(2021).section == "measures").bound(2021).heading
    first = titles._grouped(heading)
    assert titles._grouped(heading) is first                 # the list's own answer, kept
    copy = list(heading)                                     # an equal list: the same grouping
    assert titles._grouped(copy)[0] is first[0] and titles._grouped(copy)[1] == first[1]
    copy.append(LazyPattern("原因$"))                        # a list that grew is grouped anew
    assert titles._grouped(copy)[1][-1] is copy[-1]


def test_a_part_without_weak_titles_asks_no_weak_title_question(monkeypatch):
    asked = []
    real = titles.named

    def counted(doc, patterns, exclude):
        asked.append((patterns, exclude))
        return real(doc, patterns, exclude)
    monkeypatch.setattr(titles, "named", counted)
    monkeypatch.setattr(detect.titles, "named", counted)
    text = ("一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足和原因\n执法力量薄弱。究其原因，主要是编制不足。\n"
            "三、2022年工作安排\n将继续推进依法行政。")
    doc = parse(Source(text=text), year=2021)
    verdicts = detect.locate(doc, _rules(), 2021)
    assert verdicts["causes"].status == "heading"         # causes' weak title was weighed
    parts = [r.bound(2021) for r in _rules()]
    assert sum(1 for p in parts if p.weak_heading) == 1
    assert any(exclude is p.weak_heading for p in parts if p.weak_heading for _pats, exclude in asked)
    for p in parts:
        if not p.weak_heading:        # its titles are asked about with heading_exclude only
            assert all(exclude is p.heading_exclude for pats, exclude in asked if pats is p.heading)


# -- a pattern of literal words: titles found with str.find --------------------------------

WORDY = ["执法", "行政处罚", "三项制度", "问题", "不足", "x", "执", "法执", "a.b", "(执法)", "执法$", "问|", "Plan"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDY), min_size=1, max_size=4).map("|".join),
       st.lists(st.lists(st.sampled_from(["执法", "执", "法", "行政处罚", "三项", "制度", "问题", "不", "足", "x",
                                          "a", "b", ".", "plan", "Plan", "，"]), min_size=1, max_size=6).map("".join),
                min_size=1, max_size=8),
       st.sampled_from(["lazy", "re", "re-i"]))
def test_a_word_patterns_titles_equal_searching_each_title(source, heads, kind):
    rx = LazyPattern(source) if kind == "lazy" else re.compile(source, re.I if kind == "re-i" else 0)
    text = "\n".join(f"{n}、{t}\n正文。" for n, t in zip("一二三四五六七八九十", heads))
    doc = parse(Source(text=text), year=2021)
    assert titles.all_of(doc, [rx]) == {h.title for h in doc.headings if rx.search(h.title)}, (source, heads)


def test_the_rule_packs_word_patterns_are_found_by_their_words():
    parts = {r.bound(2021).section: r.bound(2021) for r in _rules()}
    assert titles._words(parts["enforcement"].heading[0]) == ("执法", "行政处罚", "三项制度")
    assert titles._words(parts["measures"].heading[0]) is None          # a pattern, not words
    before = titles.stats["words"]
    doc = parse(Source(text="一、推进严格规范公正文明执法\n全年开展执法检查12次。\n二、执法队伍建设\n培训。"), year=2021)
    got = titles.any_of(doc, parts["enforcement"].heading)
    assert got == {"推进严格规范公正文明执法", "执法队伍建设"}
    assert titles.stats["words"] == before + 1


def test_item_titles_are_searched_only_where_a_patterns_literals_stand():
    doc = parse(Source(text="一、主要工作\n一是加强党的领导。县长主持会议。二是压实第一责任人职责。县长带头述法。"
                            "三是规范执法行为。全年开展执法检查12次。"), year=2021)
    leadership = next(r for r in _rules() if r.bound(2021).section == "leadership").bound(2021)
    sh = shared.Shared(doc, 2021, _rules())
    before = titles.stats["literals"]
    assert sh.item_titles(leadership.inline_items) == {"压实第一责任人职责"} | \
        ({"加强党的领导"} if any(rx.search("加强党的领导") for rx in leadership.inline_items) else set())
    assert titles.stats["literals"] > before
