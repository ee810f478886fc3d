"""The chrome step asks only the blocks a chrome pattern may match (parse/linestart: told by their
first character, or the literals a pattern's matches hold): it marks what asking every block marks,
on generated pages and on every corpus; and on a report it asks few blocks."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawlint.loaders.source import Source
from lawlint.loaders.text import normalise
from lawlint.parse import blocks as B
from lawlint.parse import linestart
from lawlint.parse.flat import unflatten
from lawlint.rulepack import regexcache

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests").glob("corpus/**/*.txt")) \
    + sorted((ROOT / "tests").glob("corpus/**/*.md")) + sorted((ROOT / "tests").glob("fixtures/**/*.txt"))


def _blocks(text, kind="txt"):
    return _cut(text, kind)[0]


def _cut(text, kind="txt"):
    """(the blocks of ``text``, the text they were cut from)."""
    text, newline = normalise(text)
    source = Source(text=text, path="x." + kind, kind=kind, newline=newline)
    return unflatten(B.split_blocks(source, text), text), text


def _every_block_asked(blocks, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(B, "_asked", lambda *a: None)
        return B.mark_chrome(blocks)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_blocks_asked_mark_what_every_block_asked_marks(path, monkeypatch):
    blocks, text = _cut(path.read_text(encoding="utf-8", errors="replace"), path.suffix[1:])
    plain = _every_block_asked(blocks, monkeypatch)
    assert B.mark_chrome(blocks) == plain
    assert B.mark_chrome(blocks, text) == plain      # (the literals found in the text, not a joined copy)


_LINES = ["无障碍 | 简体 | 繁体", "您当前的位置：首页 > 政务公开", "首页 > 新闻", "[ 索引号 ]11500234", "发布时间：2023-05-10",
          "— 3 —", "第 2 页 共 5 页", "3/4", "12", "上一篇：关于印发", "主办单位：某县人民政府", "分享到：",
          "扫一扫在手机打开当前页", "打印本页 | 关闭窗口", "【打印】【关闭】", "网站标识码 5001", "相关链接", "大 中 小",
          "副县长　李建国", "一、主要举措", "2022年，某县扎实推进法治政府建设，全年办理案件12件。", "（一）依法决策",
          "　　审查文件18件。", "特此报告。", "某县人民政府", "2023年1月10日", "咨询电话：0371-1234567", "共 3 页 首页 下一页",
          "全年审核规范性文件10件，做到应审必审" * 4, "发布机构：某县司法局", "a > b > c", "»", "：", "\u3000\u3000", "- "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=14), st.sampled_from(["txt", "md"]))
def test_the_blocks_asked_mark_what_every_block_asked_marks_on_generated_pages(lines, kind):
    blocks, text = _cut("\n".join(lines), kind)
    with pytest.MonkeyPatch.context() as m:
        fast = B.mark_chrome(blocks)
        in_text = B.mark_chrome(blocks, text)
        m.setattr(B, "_asked", lambda *a: None)
        assert fast == in_text == B.mark_chrome(blocks)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES + ["x", "#", "1", "第", "[", "【"]), min_size=1, max_size=10))
def test_every_block_a_chrome_pattern_matches_at_its_start_is_found(lines):
    blocks = _blocks("\n".join(lines))
    lx = B.lexicon()
    matched = lx["page_number"] + lx["line"]
    searched = [p for p in lx["labels"] + lx["breadcrumb"] + lx["footer"] if p.pattern.startswith("^")]
    hay = "\n".join(b.text for b in blocks)
    spans, at = [], 0
    for b in blocks:
        spans.append((at, at + len(b.text)))
        at += len(b.text) + 1
    found = linestart.starts(linestart.scanner(matched, searched), hay, spans)
    assert found is not None
    for i, b in enumerate(blocks):
        if any(p.match(b.text) for p in matched) or any(p.search(b.text) for p in searched):
            assert i in found, b.text


def test_a_first_class_holds_the_first_character_of_every_match():
    import re
    for pattern, texts in [(r"^[-—]*\d{1,3}$", ["—12", "7"]), (r"^(?:上一篇|下篇)\s*[:：]", ["上一篇：", "下篇:"]),
                           (r"(?:发布|来源)\s*[:：]", ["发布：", "来源:"])]:
        cls = re.compile(regexcache.first_class(pattern))
        assert all(re.match(pattern, t) and cls.match(t[0]) for t in texts)
    assert regexcache.first_class(r"^[^，。]{1,20}>") is None        # a negated class: not told
    assert regexcache.first_class(r"^\d*(?:年)?") is None            # may take nothing: not told
    assert re.compile(regexcache.first_class(r"^\d*年")).match("年")   # a repeat may take none


def test_the_chrome_step_asks_few_blocks_of_a_report():
    """The fast path is taken: the shipped chrome patterns are told apart by their first
    characters (a scan is built), and a report's running text is not asked."""
    lx = B.lexicon()
    blocks = _blocks((ROOT / "seeds" / "2021-hebei-shijiazhuang-yuanshi.txt").read_text(encoding="utf-8"))
    hay = "\n".join(b.text for b in blocks)
    spans, at = [], 0
    for b in blocks:
        spans.append((at, at + len(b.text)))
        at += len(b.text) + 1
    searchers = [B._searcher(lx[k], blocks, hay, spans) for k in ("labels", "footer")]
    asked = B._asked(lx, blocks, hay, spans, searchers)
    assert asked is not None and len(blocks) > 40 and len(asked) <= 4
    plan = linestart.scanner(lx["page_number"] + lx["line"], [p for s in searchers for p in s.rest])
    assert plan is not None and plan[0] is not None


def test_the_chrome_plan_is_made_once_a_lexicon(monkeypatch):
    """The fast path is taken: what the chrome step asks of every report (the patterns split by
    their literals, the first-character scan, the joined matchers) is prepared once, not per
    report (it cost a short report ≈0.12 M instructions)."""
    blocks = _blocks("关于2023年法治政府建设情况的报告\n一、主要工作\n发布时间：2023-05-10")
    first = B.mark_chrome(blocks)
    plan = B._plan(B.lexicon())

    def again(*a, **k):
        raise AssertionError("the chrome plan was made again for a report")
    for where, name in ((B, "_split"), (B, "_prepared"), (B.linestart, "scanner"),
                        (B.anyof, "matcher"), (B.anyof, "searcher")):
        monkeypatch.setattr(where, name, again)
    assert B.mark_chrome(blocks) == first and first[0]
    assert B._plan(B.lexicon()) is plan


def test_a_block_opening_with_a_blank_is_asked():
    """Page numbers are matched in a block's stripped text: a block opening with a blank (no
    block the parser makes does) is found whatever its next character."""
    lx = B.lexicon()
    blocks = [B.Block(0, 0, 5, "\u3000— 3 —"), B.Block(1, 6, 9, "正文。")]
    searchers = [B._searcher(lx[k], blocks, *B._joined(blocks)[:2]) for k in ("labels", "footer")]
    hay, spans, _ = B._joined(blocks)
    assert B._asked(lx, blocks, hay, spans, searchers) == {0}
    assert B.mark_chrome(blocks)[0] == {0: "page"}


def _plain_starts(plan, hay, spans):
    """linestart.starts as first written: the scan over a copy of hay behind a line break."""
    from lawlint.rulepack.literals import holding
    scan, literals = plan
    found = set()
    if scan is not None:
        get = {s: i for i, (s, _) in enumerate(spans)}.get
        found = {get(m.start()) for m in scan.finditer("\n" + hay)}
        found.discard(None)
    index = {s: i for i, s in enumerate(spans)}
    for needed in literals:
        found.update(index[s] for s in holding(hay, needed, spans))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES + ["x", "第", "【", "a > b", "\u3000x", "首页 » 新闻"]), min_size=0, max_size=12),
       st.sampled_from([(), (0,), (1, 2)]))
def test_the_first_characters_are_found_as_the_scan_over_a_copy_finds_them(lines, merged):
    """The blocks joined one a line (a Markdown block may hold a line break: some lines merged),
    one span per block."""
    lx = B.lexicon()
    plan = linestart.scanner(lx["page_number"] + lx["line"],
                             [p for p in lx["labels"] + lx["breadcrumb"] + lx["footer"] if p.pattern.startswith("^")])
    texts = list(lines)
    for k in merged:
        if k + 1 < len(texts):
            texts[k:k + 2] = [texts[k] + "\n" + texts[k + 1]]
    hay = "\n".join(texts)
    spans, at = [], 0
    for t in texts:
        spans.append((at, at + len(t)))
        at += len(t) + 1
    for p in (plan, (plan[0], (("»", ">"),)), (None, (("首页",),))):
        assert linestart.starts(p, hay, spans) == _plain_starts(p, hay, spans)


class _Counted:
    """A matcher that counts the texts it is asked about."""

    def __init__(self, test):
        self.test, self.asked = test, []

    def __call__(self, text):
        self.asked.append(text)
        return self.test(text)


def test_a_block_is_asked_only_by_the_groups_its_first_character_may_open(monkeypatch):
    """The fast path is taken: the groups of chrome patterns are told apart by the first
    characters they take (linestart.grouped), so a block opening with a digit is asked whether it
    is a page number, not whether it is a toolbar line; a toolbar line is not asked whether it
    is a page number. And the bits tell every group a shipped pattern matches in the corpora."""
    plan = B._plan(B.lexicon())
    assert plan.may is not None
    page, line = _Counted(plan.page), _Counted(plan.line)
    monkeypatch.setattr(plan, "page", page)
    monkeypatch.setattr(plan, "line", line)
    blocks, text = _cut("2022年，某县扎实推进法治政府建设。\n12\n无障碍 | 简体 | 繁体\n" + "全年审核规范性文件10件，做到应审必审。" * 3)
    kinds, _ = B.mark_chrome(blocks, text)
    assert kinds == {1: "page", 2: "chrome"}
    assert page.asked == ["2022年，某县扎实推进法治政府建设。", "12"]
    assert line.asked == ["无障碍 | 简体 | 繁体"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES + ["x", "第", "【", "a > b", "首页 » 新闻", "12 ›"]), min_size=1, max_size=8))
def test_the_groups_bits_hold_every_group_that_matches(lines):
    lx = B.lexicon()
    plan = B._plan(lx)
    groups = [(lx["page_number"], ()), (lx["line"], ()), ((), plan.labels[0]), ((), plan.crumb[0]), ((), plan.footer[0])]
    for b in _blocks("\n".join(lines)):
        bits = plan.may(b.text)
        for k, (matched, searched) in enumerate(groups):
            if any(p.match(b.text.strip()) for p in matched) or any(p.search(b.text) for p in searched):
                assert bits >> k & 1, (b.text, k)


def _opened_both_ways(blocks, text):
    plan = B._plan(B.lexicon())
    spans = [(b.start, b.end) for b in blocks]
    plain = linestart.opening(plan.scan, blocks, text, spans)
    told = linestart.opening(plan.scan, blocks, text, spans, plan.may, {s: i for i, s in enumerate(spans)})
    return plain, told


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_groups_memo_finds_the_blocks_the_scan_takes(path):
    """The first characters told by the groups' bits (looked up in C, linestart.grouped) are
    those the scan of the union of their classes takes, on every corpus."""
    plain, told = _opened_both_ways(*_cut(path.read_text(encoding="utf-8", errors="replace"), path.suffix[1:]))
    assert plain == told


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES + ["x", "第", "【", "a > b", "\u3000x", "首页 » 新闻"]), min_size=1, max_size=12))
def test_the_groups_memo_finds_the_blocks_the_scan_takes_on_generated_lines(lines):
    plain, told = _opened_both_ways(*_cut("\n".join(lines)))
    assert plain == told


def test_the_chrome_step_tells_first_characters_by_the_groups_memo(monkeypatch):
    """The fast path is taken: mark_chrome hands the plan's groups to linestart.opening."""
    seen = []
    real = linestart.opening
    monkeypatch.setattr(linestart, "opening", lambda *a: seen.append(a[4]) or real(*a))
    blocks, text = _cut("关于2023年法治政府建设情况的报告\n一、主要工作\n发布时间：2023-05-10")
    B.mark_chrome(blocks, text)
    assert seen and seen[0] is B._plan(B.lexicon()).may


def _told_off(blocks, text, monkeypatch):
    """mark_chrome as before the told groups were found once: each asked block's literals by
    ``in`` tests of its own text (plan.told None: the scan's own literals, ``may(text)``)."""
    with monkeypatch.context() as m:
        m.setattr(B._plan(B.lexicon()), "told", None)
        return B.mark_chrome(blocks, text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_told_groups_found_once_mark_what_testing_each_block_marks(path, monkeypatch):
    blocks, text = _cut(path.read_text(encoding="utf-8", errors="replace"), path.suffix[1:])
    assert B.mark_chrome(blocks, text) == _told_off(blocks, text, monkeypatch)
    assert B.mark_chrome(blocks) == _told_off(blocks, None, monkeypatch)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES + ["›", "＞", "首页>新闻>通知", "a»b›c", "x＞y＞z"]), min_size=1, max_size=14),
       st.sampled_from(["txt", "md"]))
def test_the_told_groups_found_once_on_generated_pages(lines, kind):
    blocks, text = _cut("\n".join(lines), kind)
    with pytest.MonkeyPatch.context() as m:
        fast = B.mark_chrome(blocks, text), B.mark_chrome(blocks)
        assert fast == (_told_off(blocks, text, m), _told_off(blocks, None, m))


def test_no_asked_block_is_tested_for_the_told_literals_one_by_one(monkeypatch):
    """The fast path is taken: the trail's literals (「>」 …) are found once over the text, so the
    groups' memo is read by first character and never called on a block's text."""
    plan = B._plan(B.lexicon())
    assert plan.told and plan.bare is not None
    monkeypatch.setattr(type(plan.may), "__call__", lambda *a: pytest.fail("a block's literals tested"))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        blocks, text = _cut(path.read_text(encoding="utf-8"))
        B.mark_chrome(blocks, text)
    blocks, text = _cut("您当前的位置：首页 > 政务公开\n2022年，某县扎实推进法治政府建设。\n首页>新闻>通知\n12")
    kinds, _ = B.mark_chrome(blocks, text)
    assert kinds == {0: "chrome", 2: "chrome", 3: "page"}
