"""Section frames and part scores read only the sections whose score can matter
(lawlint.sections.evidence), and give what weighing every section gives."""
import glob
import os

from lawlint.sections import evidence


def _doc(text, year=2021):
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    return parse(Source(text=text), year=year)


def _rules():
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    return ruleset_for(Config()).section_rules


def _corpus_texts():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = sorted(glob.glob(os.path.join(root, "seeds", "*.txt")))
    paths += sorted(glob.glob(os.path.join(root, "tests", "corpus", "*", "*.txt")))
    paths += sorted(glob.glob("/work/shared/corpus/real/*.txt"))        # when present
    return [open(p, encoding="utf-8").read() for p in paths]


def _plain_frames(doc, year, rules):
    """Every heading weighed for every frame part from its title and its own text read alone
    (title_score, sentence_score), then the frame decided as evidence._frames decides it."""
    scored = [(r.bound(year).section, r.bound(year), r.bound(year).score_spec) for r in rules
              if r.bound(year).score_spec and r.bound(year).score_spec["frame"]]
    last_top = doc.top_headings[-1] if doc.top_headings else None
    out = {}
    for h in doc.headings:
        best, best_key, titled = None, (0, False, 0), set()
        for sid, pats, spec in scored:
            said = evidence.sentence_score(evidence.own_text(doc, h), spec)
            base = evidence.title_score(h.title, pats, spec, h.parent is None and last_top is h)
            s = 0 if base is None else base + said
            named = evidence._titled(h.title, pats)
            if named:
                titled.add(sid if s >= spec["threshold"] else None)
            rank = (s, named and said > 0, said)
            if s >= spec["threshold"] and rank > best_key:
                best, best_key = sid, rank
        if not titled:
            out[id(h)] = out.get(id(h.parent), frozenset()) if h.parent else frozenset()
        elif best in titled:
            out[id(h)] = frozenset(titled - {None})
        else:
            out[id(h)] = frozenset({best} if best else ())
    return out


def _generated(n, seed):
    """Reports whose titles name measures, shortcomings and plans (or nothing) at every level,
    with bodies of figures, deficiencies and intentions in any section."""
    import random
    rnd = random.Random(seed)
    titles = ["主要举措和成效", "存在的问题", "存在不足及下步打算", "下一步工作打算", "加强党的领导",
              "推进严格规范公正文明执法", "工作开展情况", "问题整改情况", "2022年工作安排", "原因分析",
              "一年来的主要工作", "薄弱环节", "x", ""]
    bodies = ["全年办理行政复议案件12件", "共开展培训3次", "执法力量薄弱", "培训不足", "仍有差距",
              "将继续推进依法行政", "力争年内完成", "取得明显成效", "县长主持召开常务会议",
              "《关于存在不足的通知》", "下一步", "一是", "，", "。", "；", "\n"]
    marks = [["一、", "二、", "三、", "四、"], ["（一）", "（二）", "（三）"], ["1.", "2.", "3."]]
    for _ in range(n):
        lines = []
        for _ in range(rnd.randint(1, 12)):
            lines.append(rnd.choice(marks[rnd.randrange(3)]) + rnd.choice(titles))
            for _ in range(rnd.randrange(4)):
                lines.append("".join(rnd.choice(bodies) for _ in range(rnd.randint(1, 10))))
        yield "\n".join(lines)


def test_frames_equal_weighing_every_section_on_generated_and_corpus_reports():
    rules = _rules()
    framed = 0
    for text in list(_generated(150, 3)) + _corpus_texts():
        doc = _doc(text)
        got = evidence.frames(doc, 2021, rules)
        assert got == _plain_frames(doc, 2021, rules), text[:200]
        framed += sum(1 for v in got.values() if v)
    assert framed > 500


def test_part_scores_equal_the_plain_reading_on_generated_and_corpus_reports():
    """score() of a part with title_min (leadership) reads only the sections its title words let
    through: every heading's score still equals title_score plus sentence_score of its own text."""
    rules = [r for r in _rules() if r.bound(2021).score_spec and not r.bound(2021).score_spec["frame"]]
    assert rules
    positive = 0
    for text in list(_generated(60, 4)) + _corpus_texts():
        doc = _doc(text)
        last_top = doc.top_headings[-1] if doc.top_headings else None
        for r in rules:
            pats = r.bound(2021)
            spec = pats.score_spec
            for h in doc.headings:
                base = evidence.title_score(h.title, pats, spec, h.parent is None and last_top is h)
                plain = 0 if base is None else base + evidence.sentence_score(evidence.own_text(doc, h), spec)
                assert evidence.score(doc, h, pats, spec) == plain, (h.title, text[:100])
                positive += plain > 0
    assert positive > 20


def _spy_own_text(monkeypatch):
    from lawlint.sections import said
    read = []
    real = said.own_text
    monkeypatch.setattr(said, "own_text", lambda doc, h: read.append(h.title) or real(doc, h))
    return read


REPORT = ("一、主要举措和成效\n全年办理行政复议案件12件。\n"
          + "".join(f"（{n}）推进第{n}项工作\n全年开展培训{n}次，执法力量薄弱。将继续推进。\n" for n in "一二三四五六七八")
          + "二、存在的不足\n执法力量薄弱，培训不足。\n三、下一步工作打算\n将继续推进依法行政。")


def test_frames_read_only_sections_whose_title_names_a_frame(monkeypatch):
    read = _spy_own_text(monkeypatch)
    doc = _doc(REPORT)
    fr = evidence.frames(doc, 2021, _rules())
    assert sorted(set(read)) == sorted(["主要举措和成效", "存在的不足", "下一步工作打算"])
    assert sum(1 for v in fr.values() if "measures" in v) == 9      # the eight inherit the frame


def test_scores_read_only_sections_with_enough_title_score(monkeypatch):
    read = _spy_own_text(monkeypatch)
    doc = _doc(REPORT.replace("（三）推进第三项工作", "（三）加强党的领导"))
    rule = next(r for r in _rules() if r.bound(2021).section == "leadership")
    pats = rule.bound(2021)
    scores = [evidence.score(doc, h, pats, pats.score_spec) for h in doc.headings]
    assert read == ["加强党的领导"]                 # the one title that scores its title_min
    assert sum(1 for s in scores if s) == 1
