"""The numbering check works out once per report what several of its rules read (the breaks in each
sibling sequence, the headings ending in 「。」, the numbered items inside paragraphs) and finds
those items only where one can start: its findings must be exactly those of the check as it was
(tests/numbering_plain.py, kept verbatim as the oracle), on any text, for any levels, and each
fast path must really be taken."""
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import numbering_plain as plain
from lawlint.api import ruleset_for
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.numbering import check as N
from lawlint.numbering import inline, tokens, tree
from lawlint.parse.document import parse

ROOT = Path(__file__).resolve().parent.parent
RULES = ruleset_for(Config())
CHOSEN = [r for r in RULES if r.check == "numbering"]
assert {r.bound(None).aspect for r in CHOSEN} == set(N.ASPECTS)
CORPUS = sorted([*ROOT.glob("seeds/*.txt"), *(ROOT / "tests" / "corpus").glob("*/*.txt"),
                 *(ROOT / "tests" / "corpus").glob("*/*.md")])

TOKENS = ["一、", "二、", "三、", "五、", "一.", "二，", "（一）", "（二）", "（三）", "(三)", "（四)", "（五）、",
          "1.", "2.", "3. ", "4、", "2．", "（1）", "（2）", "(3)", "①", "②", "第一，", "第二，", "第三、",
          "第一部分", "第二部分：", "十一、", ""]
TITLES = ["主要举措", "推进依法行政", "存在的不足。", "加强领导。全年召开会议3次。", "2021年工作", "强化监督",
          "完善制度。1.健全机制；2. 落实责任。", "下一步打算"]
PARAS = ["全年办理案件12件，增长5%。", "我们坚持依法行政：1.完善制度；2.落实责任；3、强化监督。",
         "一是加强学习；第一、抓好落实；第二：压实责任。", "共检查单位3.5万家。", "特此报告。",
         "推进改革！ 1. 建立台账？2.明确分工。", "占比３０％。", "强化行政权力制约和监督",
         "全年开展专项检查工作，共检查单位二十家，发现并督促整改问题若干项，取得良好成效。" * 2]
LEADS = ["", "", "\u3000\u3000", "  "]
LINE = st.one_of(st.builds(lambda lead, t, title: lead + t + title, st.sampled_from(LEADS),
                           st.sampled_from(TOKENS), st.sampled_from(TITLES)),
                 st.builds(lambda lead, p: lead + p, st.sampled_from(LEADS), st.sampled_from(PARAS)))
TEXT = st.lists(LINE, max_size=30).map(lambda lines: "2021年法治政府建设工作报告\n" + "\n".join(lines))
LEVELS = st.sampled_from([None, [1], [2], [1, 2], [2, 3], [3, 4]])


def _params(p, levels, inline_items):
    values = {f: getattr(p, f) for f in p._record_fields}
    values["levels"] = values["levels"] if levels == "rule" else levels
    values["inline"] = values["inline"] if inline_items is None else inline_items
    return type(p)(**values)


def _run(check, text, levels="rule", inline_items=None, partial=None):
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    ctx = Context(doc=doc, rules=RULES, year=doc.year, partial=partial)
    return [list(check(ctx, r, _params(r.bound(doc.year), levels, inline_items))) for r in CHOSEN]


def _same(text, **kw):
    assert _run(N.check, text, **kw) == _run(plain.check, text, **kw)


@settings(max_examples=300, deadline=None)
@given(TEXT, LEVELS, st.sampled_from([None, True, False]), st.booleans())
@example("一、主要举措\n（一）推进依法行政\n（三）强化监督。\n（三）完善制度\n1.健全机制\n二、存在的不足。\n正文。", None, None, False)
@example("一、主要做法\n（二）推进依法决策。" + PARAS[-1] + "\n强化行政权力制约和监督\n1.主动接受监督。" + PARAS[-1]
         + "\n（四）依法化解纠纷\n二、存在的不足\n执法力量不足。", [2], True, False)
def test_same_findings_as_the_check_before(text, levels, inline_items, partial):
    _same(text, levels=levels, inline_items=inline_items, partial=object() if partial else None)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_findings_on_every_corpus_text(path):
    text = normalise(path.read_text(encoding="utf-8"))[0]
    _same(text)
    _same(text, levels=[2, 3], inline_items=True)


def test_a_traditional_text_and_a_flattened_page():
    _same("一、總體情況\n（一）加強領導。\n（三）推進改革：1.完善制度；2. 落實責任。\n二、存在的不足。")
    _same("一、主要举措 （一）推进依法行政 （三）强化监督 二、存在的不足 1、完善制度。")


# -- the fast paths are taken ---------------------------------------------------------------------
SAMPLE = ("一、主要举措\n（一）推进依法行政。\n正文。\n（三）强化监督。\n正文：1.完善制度；2. 落实责任；第一、抓好落实。\n"
          "（三）完善制度\n二、存在的不足。\n正文。\n三、下一步打算。\n正文。")


def _counting(module, name):
    real = getattr(module, name)
    calls = []

    def counted(*a, **k):
        calls.append(1)
        return real(*a, **k)
    return patch.object(module, name, counted), calls


def test_the_sequences_are_walked_once_per_report():
    p, calls = _counting(tree, "_every_break")
    with p:
        found = _run(N.check, SAMPLE)
    assert len(calls) == 1
    kinds = {r.bound(None).aspect: f for r, f in zip(CHOSEN, found)}
    assert kinds["gap"] and kinds["repeat"]          # (the sample has breaks of both kinds)


def test_the_headings_ending_in_a_period_are_found_once_per_report():
    p, calls = _counting(tokens, "_ended")
    with p:
        found = _run(N.check, SAMPLE)
    assert len(calls) == 1
    assert any(r.bound(None).aspect in ("period", "period_style") and f for r, f in zip(CHOSEN, found))


def test_inline_items_are_tried_only_past_their_marks():
    # every built-in inline pattern has the shape the fast path needs
    assert all(lead is not None for _, _, lead in inline.scanners()["families"])
    p, calls = _counting(inline, "_anchored")
    doc = parse(Source(text=SAMPLE, path="<t>", kind="txt"))
    with p, patch.object(inline, "_marks", wraps=inline._marks) as marks:
        found = inline.items(doc)
    assert {f for f, _, _ in found} == {"ar", "di"}
    assert marks.call_count == 1 and calls           # the marks found once, items tried past them
    # a paragraph without any mark is tried at its start alone
    assert not list(inline._anchored(plain_rx("ar"), "全年办理案件", 0, []))


def _first_and_finders():
    from lawlint.rulepack import regexcache
    (lead, finders), = inline.scanners()["finders"].items()
    return regexcache.first_class(inline.scanners()["starts"][lead].pattern), finders


def test_a_mark_is_passed_over_by_one_class_test():
    # each mark's search tests the characters a body opens with before trying the bodies
    import re
    first, finders = _first_and_finders()
    assert first and all(p.startswith(f"{re.escape(c)}(?={first})(?=") for c, p, _ in finders)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="。；;：:！?1２٣.．、，, \u3000\t第一二十x“《\n", max_size=60))
def test_marks_found_with_the_class_test_are_those_found_without(text):
    first, finders = _first_and_finders()
    bare = [(c, p.replace(f"(?={first})", "", 1), f) for c, p, f in finders]
    assert inline._marks(text, finders) == inline._marks(text, bare)


def plain_rx(family):
    return dict((f, rx) for f, rx, _ in inline.scanners()["families"])[family]


@pytest.mark.parametrize("pattern", [r"(?:^|(?<=[。；]))\d", r"(?:^|(?<=[^。]))\d", r"(?:^|(?<=[a-z]))\d",
                                     r"(?:^|(?<=[\]]))\d", r"\d(?:^|(?<=[。]))"])
def test_only_a_plain_list_of_characters_leads(pattern):
    got = inline._split(pattern)
    assert (got is not None) == (pattern == r"(?:^|(?<=[。；]))\d")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="。；;：1２.、 第一二x", max_size=40))
def test_anchored_equals_finditer(chunk):
    for family, rx, lead in inline.scanners()["families"]:
        finders = inline.scanners()["finders"][lead]
        after = inline._marks("\n" + chunk, finders)
        got = [m.span() for m in inline._anchored(rx, chunk, 1, [a for a in after if a <= len(chunk) + 1])]
        assert got == [m.span() for m in rx.finditer(chunk)]


# -- messages joined from their pieces -------------------------------------------------------------
class _Rule:
    def __init__(self, message):
        self.message = message


class _Params:
    variants = {"v": "变体{token}"}


FIELDS = st.sampled_from(["token", "fixed", "prev", "标题", "x1"])
TEMPLATE = st.lists(st.one_of(st.sampled_from(["序号“", "”用了", "，应为", "{", "}", "{{", "}}", "{0}", "{a.b}",
                                               "{token:>3}", "{token!r}", " ", "“"]),
                              FIELDS.map(lambda f: "{" + f + "}")), max_size=8).map("".join)
VALUES = st.dictionaries(FIELDS, st.one_of(st.text(max_size=4), st.integers(), st.floats(allow_nan=False)),
                         max_size=4)


@settings(max_examples=400, deadline=None)
@given(TEMPLATE, VALUES, st.sampled_from([None, "v", "w"]))
@example("序号“{token}”用了半角括号，应为“{fixed}”", {"token": "(一)", "fixed": "（一）"}, None)
def test_a_message_is_what_fill_gives(template, values, variant):
    from lawlint.numbering import base
    from lawlint.rulepack import template as tpl
    want = _Params.variants[variant] if variant in _Params.variants else template
    try:
        expected = tpl.fill(want, **values)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as e:
        with pytest.raises(type(e)):
            base.message_for(_Rule(template), _Params(), variant, **values)
        return
    assert base.message_for(_Rule(template), _Params(), variant, **values) == expected


def test_the_numbering_messages_are_joined_from_their_pieces():
    from lawlint.numbering import base
    for r in CHOSEN:
        p = r.bound(None)
        for t in [r.message, *p.variants.values()]:
            assert base._pieces(t) is not None, t          # every built-in message takes the join


@pytest.mark.parametrize("family", ["cn", "cn_paren", "ar", "ar_paren", "di", "part", "circled", "none"])
def test_canonical_is_the_token_s_canonical(family):
    from lawlint import numbering as num
    from lawlint.numbering import base
    for v in range(1, 40):
        assert base.canonical(family, v) == num.Token(family, v, "", "", "", 0).canonical()


def _spans(found):
    return [(f, m.span(), m.group(0), off) for f, m, off in found]


def test_paragraphs_and_marks_are_walked_alongside():
    doc = parse(Source(text=SAMPLE, path="<t>", kind="txt"))
    with patch.object(inline, "_find_led", wraps=inline._find_led) as led:
        found = list(inline._find(doc))
    assert led.call_count == 1 and found              # the built-in patterns share their marks


@pytest.mark.parametrize("plain_family", ["ar", "di", None])
def test_patterns_of_other_shapes_are_scanned_whole(plain_family):
    # the general loop (patterns led by different marks, or of another shape), not taken by the
    # built-in data: a family made to be scanned whole, or two lead groups
    real = inline.scanners()
    lead = next(iter(real["finders"]))
    other = lead[::-1]            # a second group, led by the same marks (in another order)
    families = [(f, rx, None if f == plain_family else (other if f == "di" and plain_family is None else l))
                for f, rx, l in real["families"]]
    plan = {"families": families,
            "finders": {**real["finders"], other: list(reversed(real["finders"][lead]))},
            "starts": {**real["starts"], other: real["starts"][lead]}}
    texts = [SAMPLE] + [normalise(p.read_text(encoding="utf-8"))[0] for p in CORPUS[:40]]
    with patch.object(inline, "scanners", lambda: plan), \
            patch.object(inline, "_find_led", side_effect=AssertionError("not this path")):
        for text in texts:
            doc = parse(Source(text=text, path="<t>", kind="txt"))
            assert _spans(inline._find(doc)) == _spans(plain._find_inline_items(doc))


@pytest.mark.parametrize("body,refers", [(r"(?P<n>\d)x", False), (r"(?P<n>\d)(?P=n)", True), (r"(\d)\1", True),
                                         (r"\d\.", False), ("x\\", False)])
def test_bodies_that_refer_back_are_not_joined(body, refers):
    assert inline._refers(body) == refers


def test_named_groups_become_plain():
    import re
    body = r"(?P<num>\d{1,2})(?P<punct>[.．])(?P<space> *)(?=[“《])"
    assert inline._unnamed(body) == re.sub(r"\(\?P<\w+>", "(?:", body)


# -- a token found by one match of every family joined ------------------------------------------------
from lawlint import numbering as num  # noqa: E402

TOKEN_LINES = st.builds(lambda lead, t, title: lead + t + title, st.sampled_from(["", "", "#", "（", "("]),
                        st.sampled_from(TOKENS + ["3.5", "2021.", "一,", "十,", "二十五、", "第十一，", "⑳", "0.",
                                                  "（0）", "一 、", "（ 一 ）", "第一部分：", "99.", "1 、"]),
                        st.sampled_from(TITLES + ["", " ", "\u3000", "万元", "二年级", "%", "年"]))


@settings(max_examples=500, deadline=None)
@given(st.one_of(TOKEN_LINES, st.text(alphabet="一二十第部分（）()、.．,，:：1234０①⑳ 　\u200b年万元", max_size=12)))
def test_a_token_is_what_each_family_tried_in_turn_finds(line):
    assert num.match_token.__wrapped__(line) == num.match_plain(line)


def test_every_corpus_line_gives_the_token_of_the_plain_way():
    lines = {line.strip() for p in CORPUS for line in p.read_text(encoding="utf-8").splitlines()}
    found = 0
    for line in lines:
        got = num.match_token.__wrapped__(line)
        assert got == num.match_plain(line), line
        found += got is not None
    assert found > 100


def test_only_the_families_a_line_may_open_with_are_tried(monkeypatch):
    """match_token tries the families whose first class takes the line's first character (the
    families in the data's order); a line no family opens with is asked of none."""
    assert num.match_token.__wrapped__("全年办理案件12件。") is None
    plan = num._first_plan()
    assert [f for f, _, _ in plan["（"]] == ["cn_paren", "ar_paren"]
    assert [f for f, _, _ in plan["第"]] == ["part", "di"]
    assert [f for f, _, _ in plan["全"]] == []
    assert [f for f, _ in num.families()] == [f for f, _, _ in plan[""]]     # an empty text: every family
    with patch.object(num, "match_plain", side_effect=AssertionError("tried in turn")):
        assert num.match_token.__wrapped__("（一）推进依法行政").family == "cn_paren"
    # a family ruled out by what follows its number: the families after it are tried
    assert num.match_token.__wrapped__("3.5万元") is None and num.match_plain("3.5万元") is None
    # (fails if match_token stops reading the plan: a first character it says no family takes)
    monkeypatch.setitem(plan, "（", ())
    assert num.match_token.__wrapped__("（一）推进依法行政") is None
    assert num.match_plain("（一）推进依法行政").family == "cn_paren"


def test_the_token_aspects_share_one_walk_of_the_headings():
    text = SAMPLE + "\n四、其他\n(一)加强学习\n（二）、强化培训\n1、落实责任\n2.  压实责任"
    doc = parse(Source(text=text, path="<t>", kind="txt"))
    ctx = Context(doc=doc, rules=RULES, year=doc.year)
    walked = []
    real = type(doc).derived

    def derived(self, key, compute):
        if key == "numbering.tokens" and key not in self._memo:
            walked.append(key)
        return real(self, key, compute)
    with patch.object(type(doc), "derived", derived):
        found = {r.bound(None).aspect: list(N.check(ctx, r, r.bound(doc.year))) for r in CHOSEN}
    assert walked == ["numbering.tokens"]           # walked once, read by brackets, punct and mixed
    bracketed, wrong, forms = doc._memo["numbering.tokens"]
    assert [h.token.text for h in bracketed] == ["(一)"]
    assert [h.token.text for h in wrong] == ["（二）、", "1、"]
    assert len(forms["ar"]) == 2 and found["brackets"] and found["punct"] and found["mixed"]
    # the aspects read the walk's lists, not every heading
    with patch.object(tokens, "_walk", lambda d: ([], [], {})):
        assert not list(tokens.brackets(ctx, CHOSEN[0], None, doc.headings, doc))


def test_match_tokens_memo_serves_one_document_only():
    """The memo of match_token is emptied when a document's parse begins: a repeated benchmark pass
    over the same reports must pay what a first look at a new report pays (a line of an earlier
    report is asked afresh)."""
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    first = "关于2023年法治政府建设情况的报告\n\n一、主要工作成效\n\n全年办理行政复议案件12件。\n"
    parse(Source(path="a.txt", text=first))
    assert num.match_token.cache_info().currsize > 0
    parse(Source(path="b.txt", text="关于2024年法治政府建设情况的报告\n\n正文一段。\n"))
    before = num.match_token.cache_info().misses
    num.match_token("一、主要工作成效")
    assert num.match_token.cache_info().misses == before + 1
