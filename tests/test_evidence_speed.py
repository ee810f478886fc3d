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
    assert partscore._contextfree(re.compile(pattern)) is free


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
