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
