"""A list of title patterns is asked as one alternation (lawlint.sections.titles._grouped): the
titles it matches are those one of the patterns matches, and the path is taken for the rule pack's
own heading lists."""
import re

from hypothesis import given, settings, strategies as st

from lawlint.rulepack.regexcache import LazyPattern
from lawlint.sections import titles

# fragments: literals, classes, repeats, groups, alternations, anchors, look-arounds, named
# groups and references, inline flags, and patterns that match the empty string
FRAGMENTS = ["问题", "不足|差距", "(主要|工作)?(举措|成效)", "党[^，,]{0,2}(对|的)[^，,]{0,6}领导", "计划[^，,]{0,3}执行",
             "\\d{4}年", "[一二三]是", "情况$", "^下一步", "(?<!突出)问题", "问题(?!整改)", "(?P<w>工作)",
             "(工)作\\1", "(?i)plan", "x?", "(?:a|)", "Plan", "打算", "原因[^计]{0,4}", "\\bab"]
ALPHABET = list("问题不足差距主要工作举措成效党的对领导计划执行年一二三是情况下步突出整改原因打算，,") + \
    ["2021", "x", "a", "b", "plan", "Plan", " "]


def _doc(text):
    from lawlint.loaders.source import Source
    from lawlint.parse.document import parse
    return parse(Source(text=text), year=2021)


def _report(heads):
    return "\n".join(f"{n}、{t}\n正文。" for n, t in zip("一二三四五六七八九十" * 3, heads))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=5),
       st.lists(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=8).map("".join), min_size=1, max_size=12),
       st.booleans())
def test_any_of_equals_asking_each_pattern(sources, heads, lazy):
    pats = [LazyPattern(p) if lazy else re.compile(p) for p in sources]
    doc = _doc(_report(heads))
    plain = {h.title for h in doc.headings if any(rx.search(h.title) for rx in pats)}
    assert titles.any_of(doc, pats) == plain, (sources, heads)


def test_the_rule_packs_heading_lists_are_merged():
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    lists = [r.bound(2021).heading for r in ruleset_for(Config()).section_rules if len(r.bound(2021).heading) > 1]
    assert len(lists) >= 4
    for pats in lists:
        merged, alone = titles._grouped(pats)
        assert merged is not None, [p.pattern for p in pats]
        assert len(alone) < len(pats) - 1
    before = titles.stats["merged"]
    doc = _doc("一、加强党的领导\n县长主持会议。\n二、主要举措和成效\n全年办理案件12件。")
    got = titles.any_of(doc, lists[0])
    assert titles.stats["merged"] > before
    assert got == {h.title for h in doc.headings if any(rx.search(h.title) for rx in lists[0])}


def test_patterns_that_would_read_otherwise_stay_alone():
    pats = [LazyPattern(p) for p in ["问题", "(?P<w>工作)", "(工)作\\1", "(?i)plan", "x?", "情况$", "(?<!突出)问题", "不足"]]
    merged, alone = titles._grouped(pats)
    assert merged.pattern == "(?:问题)|(?:不足)"
    assert [p.pattern for p in alone] == ["(?P<w>工作)", "(工)作\\1", "(?i)plan", "x?", "情况$", "(?<!突出)问题"]
    empty = [LazyPattern("x?"), LazyPattern("y*")]            # a match of the empty string: all alone
    assert titles._grouped(empty) == (None, empty)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FRAGMENTS),
       st.lists(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=8).map("".join), min_size=1, max_size=12),
       st.sampled_from(["lazy", "re", "re-i"]))
def test_a_patterns_titles_equal_searching_each_title(source, heads, kind):
    rx = LazyPattern(source) if kind == "lazy" else re.compile(source, re.I if kind == "re-i" else 0)
    doc = _doc(_report(heads))
    assert titles._hits(doc, rx) == {t for t in titles.distinct(doc) if rx.search(t)}, (source, heads)


def test_titles_are_searched_only_where_a_patterns_literals_stand():
    """A pattern with literals (the rule pack's merged heading lists) is searched only in the
    titles that hold one of them; a flag that changes how it reads leaves the path."""
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    merged = [titles._grouped(r.bound(2021).heading)[0] for r in ruleset_for(Config()).section_rules
              if len(r.bound(2021).heading) > 1]
    assert all(titles._literals(rx) for rx in merged)
    assert titles._literals(re.compile("问题", re.I)) is None and titles._literals(LazyPattern("x?")) is None
    doc = _doc("一、加强党的领导\n县长主持会议。\n二、主要举措和成效\n全年办理案件12件。\n三、下一步工作打算\n继续。")
    for rx in merged:
        before = titles.stats["literals"]
        got = titles._hits(doc, rx)
        assert titles.stats["literals"] == before + 1
        assert got == {t for t in titles.distinct(doc) if rx.search(t)}
    assert titles._hits(doc, merged[0])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3),
       st.lists(st.sampled_from(FRAGMENTS), max_size=3),
       st.lists(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=8).map("".join), min_size=1, max_size=12),
       st.booleans())
def test_named_equals_asking_each_exclusion_about_each_title(sources, excludes, heads, lazy):
    pats = [LazyPattern(p) if lazy else re.compile(p) for p in sources]
    exclude = [LazyPattern(p) if lazy else re.compile(p) for p in excludes]
    doc = _doc(_report(heads))
    plain = {h.title for h in doc.headings if any(rx.search(h.title) for rx in pats)
             and not any(rx.search(h.title) for rx in exclude)}
    assert titles.named(doc, pats, exclude) == plain, (sources, excludes, heads)


def test_a_pattern_is_searched_only_in_titles_holding_its_literals():
    asked = []

    def search(title):
        asked.append(title)
        return "计划" in title
    assert not titles.matched("全面完成重点任务", [(search, ("计划",))]) and asked == []
    assert titles.matched("2022年工作计划", [(search, ("计划",))]) and asked == ["2022年工作计划"]
    assert titles.matched("x", [(search, None)]) is False and asked[-1] == "x"     # no literals: searched
    from lawlint.api import ruleset_for
    from lawlint.config import Config
    measures = next(r for r in ruleset_for(Config()).section_rules if r.bound(2021).section == "measures")
    lookahead = [rx for rx in measures.bound(2021).heading_exclude if rx.pattern.startswith("^(?!")]
    assert lookahead and all(titles._few(rx) == ("计划",) for rx in lookahead)
