"""The part scorer (lawlint.sections.evidence)'s shortcuts give the scores of the plain sentence-by-sentence reading."""
import re

import pytest

from lawlint.sections import evidence as partscore


@pytest.mark.parametrize("pattern, free", [
    ("不足|不够|有待", True),
    ("[^。；;]{0,30}\\d", True),
    ("(?P<n>一|二)是", True),
    ("党组(?!织)", False),
    ("(?<![\\u4e00-\\u9fff])局长", False),
    ("^下一步", False),
    ("计划$", False),
    ("\\bplan", False),
])
def test_contextfree_reads_lookarounds_and_anchors(pattern, free):
    from lawlint.sections.pieces import contextfree
    assert contextfree(re.compile(pattern)) is free


def _plain(text, spec):
    total = 0
    for sent in re.split(r"[。；;！!？?\n]", partscore._BOOK.sub("《》", text)):
        if len(sent) < 4:
            continue
        best = 0
        for pats, w in spec["sentences"]:
            if w > best and all(rx.search(sent) for rx in pats):
                best = w
        total += best
    return min(total, spec["cap"]) if spec["cap"] else total


TEXTS = [
    "全年办理行政复议案件12件。县长主持召开常务会议3次，听取法治政府建设汇报。",
    "党组织建设仍有不足；执法力量薄弱。《关于存在不足的通知》已印发。",
    "下一步，将继续推进依法行政。力争年内完成。\n明年计划出台规章2部",
    "乡长带头学法。",                       # a sentence shorter than four characters after the split
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_score_equals_plain_reading(text):
    c = re.compile
    spec = {"cap": 4, "sentences": [
        ([c("不足|薄弱|差距")], 1),
        ([c("党组(?!织)|县长|乡长"), c("主持|学法|听取[^。；;]{0,24}汇报")], 1.5),
        ([c("(?<![\\u4e00-\\u9fff])将|力争|年内")], 1),
        ([c("^明年")], 2),
        ([c("\\d+\\s*件")], 0.5),
    ]}
    assert partscore.sentence_score(text, spec) == _plain(text, spec)
    assert _plain(text, spec) > 0


def test_sentence_score_equals_plain_reading_on_generated_texts():
    import random
    rnd = random.Random(7)
    pieces = ["不足", "薄弱", "县长", "主持", "听取", "汇报", "将", "力争", "明年", "12件", "党组织",
              "《存在不足的通知》", "工作", "推进", "一", "原因"]
    stops = ["。", "；", ";", "！", "？", "\n", ""]
    c = re.compile
    spec = {"cap": None, "sentences": [
        ([c("不足[^。]{0,6}原因")], 1),               # may run across a ；
        ([c("薄弱|不足")], 0.5),
        ([c("县长|党组(?!织)"), c("主持|听取[^。；;]{0,6}汇报")], 1.5),
        ([c("(?<![\\u4e00-\\u9fff])将|力争")], 1),
        ([c("\\d+件?")], 2),
        ([c("x?")], 0.25),                           # matches the empty string anywhere
    ]}
    checked = 0
    for _ in range(300):
        text = "".join(rnd.choice(pieces) + rnd.choice(stops) for _ in range(rnd.randint(1, 12)))
        assert partscore.sentence_score(text, spec) == _plain(text, spec), text
        checked += _plain(text, spec) > 0
    assert checked > 100


# -- per-document tables (lawlint.sections.titles, evidence.said_of) give the per-heading answers --

def _generated_reports(n, seed):
    """Reports of numbered headings (levels 一、 （一） 1.) with titles and bodies built from
    pieces that the patterns below match, half match and miss, some titles repeated or empty."""
    import random
    rnd = random.Random(seed)
    words = ["加强党的领导", "存在的问题", "不足", "计划", "工作计划执行情况", "原因", "下一步打算",
             "2022年", "主要举措", "突出问题专项整治", "执法", "x", "《关于不足的通知》", "《未完",
             "全年办理案件12件", "县长主持召开会议", "将继续推进", "力争", "，", "。", "；", "\n"]
    marks = [["一、", "二、", "三、", "四、"], ["（一）", "（二）", "（三）"], ["1.", "2.", "3."]]
    for _ in range(n):
        lines = []
        for _ in range(rnd.randint(1, 14)):
            level = rnd.randrange(3)
            title = "".join(rnd.choice(words[:12]) for _ in range(rnd.randint(0, 3)))
            lines.append(rnd.choice(marks[level]) + title)
            for _ in range(rnd.randrange(3)):
                lines.append("".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))).replace("\n", "。"))
        yield "\n".join(lines)


def _doc(text):
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    return parse(Source(text=text), year=2021)


TITLE_PATTERNS = [
    "问题|不足", "计划", "^(?!.*(执行|完成)).*计划", "(?<!突出)问题(?![^，,]{0,4}(专项)?(整治|整改))",
    "党[^，,]{0,2}(对|的)[^，,]{0,14}领导", "下一步|打算", "x?", "情况$", "\\d{4}年", "原因[^计]{0,8}",
]


@pytest.mark.parametrize("lazy", [False, True])
def test_title_sets_equal_title_by_title_reading(lazy):
    from lawlint.rulepack.regexcache import compile_all
    from lawlint.sections import titles
    compiled = compile_all(TITLE_PATTERNS) if lazy else [re.compile(p) for p in TITLE_PATTERNS]
    groups = [compiled[i:i + k] for k in (1, 2, 3) for i in range(len(compiled) - k + 1)] + [[]]
    seen = 0
    for text in _generated_reports(60, 11):
        doc = _doc(text)
        for pats in groups:
            plain_any = {h.title for h in doc.headings if any(rx.search(h.title) for rx in pats)}
            plain_all = {h.title for h in doc.headings if all(rx.search(h.title) for rx in pats)}
            assert titles.any_of(doc, pats) == plain_any, (text, [p.pattern for p in pats])
            assert titles.all_of(doc, pats) == plain_all, (text, [p.pattern for p in pats])
            seen += bool(plain_any) and len(plain_any) < len(doc.headings)
    assert seen > 100          # the patterns tell titles apart


def test_said_of_every_heading_equals_its_own_text_read_alone():
    from lawlint.sections.evidence import own_text, said_of, sentence_score
    c = re.compile
    specs = [{"cap": 4, "sentences": [([c("不足|差距")], 1), ([c("县长|党组(?!织)"), c("主持|召开")], 1.5),
                                      ([c("\\d+件")], 0.5), ([c("^将")], 2)]},
             {"cap": None, "sentences": [([c("将[^。]{0,6}推进|力争")], 1), ([c("x?")], 0.25)]},
             {"cap": 3, "sentences": []}]
    checked = 0
    for text in _generated_reports(80, 5):
        doc = _doc(text)
        for spec in specs:
            for h in doc.headings:
                expected = sentence_score(own_text(doc, h), spec)
                assert said_of(doc, h, spec) == expected, (text, h.title)
                checked += expected > 0
    assert checked > 100
