"""The part scorer's fast paths (lawlint.sections.pieces) give what the plain reading gives, and are taken."""
import glob
import os
import re

from hypothesis import given, settings, strategies as st

from lawlint.sections import evidence, pieces

_SENTENCE = re.compile(r"[^。；;！!？?\n]{4,}")      # the definition: runs of four or more between stops


def _plain_spans(text):
    return [m.span() for m in _SENTENCE.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("。；;！!？?\n\r 　，,县长主持会议12《》x")), max_size=60))
def test_sentence_spans_equal_the_regex_runs(text):
    assert pieces.sentence_spans(text) == _plain_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_sentence_spans_equal_the_regex_runs_on_any_text(text):
    assert pieces.sentence_spans(text) == _plain_spans(text)


def _corpus_texts():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = sorted(glob.glob(os.path.join(root, "seeds", "*.txt")))
    paths += sorted(glob.glob(os.path.join(root, "tests", "corpus", "*", "*.txt")))
    paths += sorted(glob.glob("/work/shared/corpus/real/*.txt"))        # when present
    return [open(p, encoding="utf-8").read() for p in paths]


def test_sentence_spans_equal_the_regex_runs_on_every_corpus_text():
    texts = _corpus_texts()
    assert texts
    for text in texts:
        assert pieces.sentence_spans(text) == _plain_spans(text)


def _doc(text):
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    return parse(Source(text=text), year=2021)


def test_said_of_uses_the_fast_paths(monkeypatch):
    """A spec of one-pattern items is weighed by pieces.raise_to over spans from sentence_spans."""
    calls = []
    from lawlint.sections import said as saidmod
    real = saidmod._sentence_spans
    monkeypatch.setattr(saidmod, "_sentence_spans", lambda t: calls.append(t) or real(t))
    doc = _doc("一、主要举措\n全年办理案件12件。县长主持会议。\n二、存在的不足\n执法力量薄弱，培训不足。")
    spec = {"cap": 4, "sentences": [([re.compile("不足|薄弱")], 1), ([re.compile(r"\d+件")], 1)]}
    before = pieces.stats["raised"]
    said = [evidence.said_of(doc, h, spec) for h in doc.headings]
    assert said == [evidence.sentence_score(evidence.own_text(doc, h), spec) for h in doc.headings]
    assert said == [1, 1]
    assert pieces.stats["raised"] - before >= 2
    assert calls, "own_split no longer splits by sentence_spans"


def test_scores_on_every_corpus_text_equal_the_plain_reading():
    """Every section of every corpus text, every part's spec: said_of (the fast table) equals
    the sentence-by-sentence reading of its own text with the regex definition of a sentence."""
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    rules = ruleset_for(Config())
    specs = [r.bound(2021).score_spec for r in rules.section_rules if r.bound(2021).score_spec]
    assert specs
    checked = 0
    for text in _corpus_texts():
        doc = _doc(text)
        for spec in specs:
            for h in doc.headings:
                own = evidence._BOOK.sub("《》", evidence.own_text(doc, h))
                total = 0
                for a, b in _plain_spans(own):
                    sent = own[a:b]
                    total += max([w for pats, w in spec["sentences"]
                                  if all(rx.search(sent) for rx in pats)] or [0])
                expected = min(total, spec["cap"]) if spec["cap"] else total
                assert evidence.said_of(doc, h, spec) == expected, (h.title, spec)
                checked += expected > 0
    assert checked > 50


def test_named_titles_equal_the_set_difference_on_generated_and_corpus_reports():
    from test_evidence_speed import TITLE_PATTERNS, _generated_reports
    from lawlint.rulepack.regexcache import compile_all
    from lawlint.sections import titles
    compiled = compile_all(TITLE_PATTERNS)
    pairs = [(compiled[i:i + 1], compiled[j:j + k]) for i in range(len(compiled))
             for j in range(len(compiled)) for k in (0, 1, 2)]
    docs = [_doc(t) for t in _generated_reports(25, 3)] + [_doc(t) for t in _corpus_texts()[:12]]
    differs = 0
    for doc in docs:
        for pats, exclude in pairs:
            plain = {h.title for h in doc.headings if any(rx.search(h.title) for rx in pats)} - \
                {h.title for h in doc.headings if any(rx.search(h.title) for rx in exclude)}
            assert titles.named(doc, pats, exclude) == plain, ([p.pattern for p in pats], [p.pattern for p in exclude])
            differs += plain != titles.any_of(doc, pats)
    assert differs > 50          # the exclusions remove titles


class _Spy:
    """A pattern that records the texts it is asked about."""
    def __init__(self, pattern):
        self.rx, self.pattern, self.flags, self.asked = re.compile(pattern), pattern, 32, []

    def search(self, text, *args):
        self.asked.append(text)
        return self.rx.search(text, *args)


def test_named_asks_the_exclusions_only_about_the_matched_titles():
    from lawlint.sections import titles
    doc = _doc("一、主要举措\n全年办理案件12件。\n二、存在的问题\n薄弱。\n三、问题整改情况\n整改3项。\n四、下一步打算\n将继续。")
    exclude = _Spy("整改")
    got = titles.named(doc, [re.compile("问题")], [exclude])
    assert got == {"存在的问题"}
    assert sorted(exclude.asked) == sorted(["存在的问题", "问题整改情况"])
