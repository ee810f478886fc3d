"""The citation and law-status rules read the titles in 《》 from one scan of the whole document
(lawlint.checks.cited) and find law_status's bare names only in the paragraphs that hold one of
them: their findings must be exactly those of scanning every paragraph of the scope as before."""
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawlint.api import ruleset_for
from lawlint.checks import citation, cited, law_status, lawtable, total
from lawlint.checks import scope as sc
from lawlint.config import Config
from lawlint.engine import Context
from lawlint.loaders.source import Source
from lawlint.parse.document import parse
from lawlint.rulepack import regexcache

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["seeds", "tests/corpus/handwritten", "tests/corpus/heldout", "tests/corpus/independent",
           "tests/corpus/real", "tests/corpus/varied", "tests/corpus/varied2", "tests/fixtures"]
FILES = sorted(p for d in CORPORA for p in (ROOT / d).glob("*") if p.suffix in (".txt", ".md"))
RULES = ruleset_for(Config())
LAW_RULES = [r for r in RULES if r.check == "law_status"]
CITE_RULE = next(r for r in RULES if r.id == "citation.title")
PIECES = ["《", "》", "\n", "。", "，", " ", "　", "依据", "原", "新修订的", "新", "废止", "学习", "草案",
          "合同法", "民法通则", "劳动合同法", "物权法", "婚姻法》", "《中华人民共和国合同法》", "《民法典》",
          "《信访工作条例》", "《信访条例》", "《行政处罚法》", "《中华人民共和国行政许可证法》",
          "《法治政府建设实施纲要(2021-2025)》", "《噪声污染防治法》", "法治政府建设", "一、", "# ",
          "<!-- x -->", "长" * 30, "2021年"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _ctx(text, year=None, kind="txt"):
    doc = parse(Source(text=text, path="<t>", kind=kind))
    return Context(doc=doc, rules=RULES, year=year if year is not None else doc.year)


def _plain_known(ctx, pats, scope):
    """law_status's citations as it found them before: every span of the scope scanned for titles
    (and for each bare pattern where its ≤6 required literals allow), each looked up per rule."""
    text = ctx.doc.text
    spans = sc.spans(ctx, scope)
    titles = cited.plain_by_span(ctx, scope, 60)
    bare = [(rx, sc.holders(text, rx, spans)) for rx in pats.bare]
    for s, e in spans:
        yield from _entries(titles.get((s, e), ()), s)
        for rx, where in bare:
            if where is not None and (s, e) not in where:
                continue
            yield from _entries([(m.start(), m.end(), m.group(0)) for m in rx.finditer(text, s, e)
                                 if not sc.in_title_marks(text, m.start(), m.end())], s)


def _entries(found, s):
    for a, b, name in found:
        entry = lawtable.lookup(name)
        if entry is not None:
            yield a, b, s, entry, lawtable.key(entry["title"])


def _plain_citation_check(ctx, rule, p):
    """citation.check as it was: a scan of each span of the document."""
    text = ctx.doc.text
    for s, e in sc.spans(ctx, "document"):
        for m in cited._TITLE.finditer(text, s, e):
            title = m.group(1)
            for entry, accepted in zip(p.titles, p.accepted):
                if entry.match.search(title):
                    if citation.normalise(title) not in accepted:
                        yield ctx.diagnostic(rule, m.start(), m.end(), fields=dict(
                            title=title, canonical=entry.canonical))
                    break
            else:
                real = lawtable.near(title) if p.laws else None
                if real is not None:
                    yield ctx.diagnostic(rule, m.start(1), m.end(1), replacement=real,
                                         fields=dict(title=title, canonical=real))


def _findings(text, year, kind, mp):
    """(fast, plain): every law_status rule's and citation.title's findings, each way."""
    out = []
    for plain in (False, True):
        ctx = _ctx(text, year, kind)
        with mp.context() as m:
            if plain:
                m.setattr(law_status, "_known", _plain_known)
                m.setattr(citation, "check", _plain_citation_check)
            got = [list(law_status.check(ctx, r, r.bound(ctx.year))) for r in LAW_RULES]
            got.append(list(citation.check(ctx, CITE_RULE, CITE_RULE.bound(ctx.year))))
        out.append(got)
    return out


@pytest.fixture(scope="module")
def mp():
    m = pytest.MonkeyPatch()
    yield m
    m.undo()


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([2018, 2019, 2020, 2021, 2022, 2023, 2024]), st.sampled_from(["txt", "md"]))
@example("2021年，依据《中华人民共和国合同法》和合同法、物权法审查合同。\n学习婚姻法》", 2021, "txt")
@example("新修订的《行政处罚法》\n<!-- 《合同法》 -->\n  《信访条例》 ", 2023, "md")
def test_same_findings_as_scanning_every_paragraph(mp, text, year, kind):
    fast, plain = _findings(text, year, kind, mp)
    assert fast == plain


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_findings_on_every_corpus(mp, path):
    text = path.read_text(encoding="utf-8")
    for year in (None, 2019, 2022):
        fast, plain = _findings(text, year, path.suffix[1:], mp)
        assert fast == plain


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["txt", "md"]), st.sampled_from(sc.SCOPES[:4]), st.sampled_from([60, 80]))
def test_titles_by_span_are_each_spans_scan(text, kind, scope, longest):
    ctx = _ctx(text, kind=kind)
    assert cited.by_span(ctx, scope, longest) == cited.plain_by_span(ctx, scope, longest)


def test_titles_are_found_in_one_scan_shared_by_the_rules(mp):
    """The fast path is taken: no span is scanned by itself for titles, and the document's text is
    scanned once for all of them."""
    text = (ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0]).read_text(encoding="utf-8")
    ctx = _ctx(text, 2021)
    scans = []
    with mp.context() as m:
        m.setattr(cited, "plain_by_span", lambda *a: pytest.fail("a span scanned by itself"))
        m.setattr(cited, "_TITLE", _Counting(cited._TITLE, scans))
        for r in LAW_RULES:
            list(law_status.check(ctx, r, r.bound(ctx.year)))
        list(citation.check(ctx, CITE_RULE, CITE_RULE.bound(ctx.year)))
    assert scans == [0]
    assert cited.titles(ctx.doc)


def test_bare_names_have_a_literal_prefilter():
    """term.repealed_law's bare pattern (nine names: more than literals' default bound) gets its
    names as the strings it cannot match without, so it is scanned only where one occurs."""
    rule = next(r for r in LAW_RULES if r.id == "term.repealed_law")
    (rx,) = rule.bound(2021).bare
    assert regexcache.required_literals(rx.pattern) is None          # (the default bound: none)
    needed = regexcache.required_literals(rx.pattern, law_status._MANY)
    assert needed is not None and {"合同法", "民法通则", "收养法"} <= set(needed)
    ctx = _ctx("一、总体情况\n依法行政。\n依据合同法审查合同。\n学习民法典。\n", 2021)
    spans = sc.spans(ctx, "document")
    assert law_status._bare_spans(ctx.doc.text, rx, spans) == [s for s in spans if "合同法" in ctx.doc.text[s[0]:s[1]]]


def test_each_name_looked_up_and_each_title_judged_once_per_report(mp):
    """The fast path: a name is looked up in the law table once per report whatever the rules,
    scopes and places citing it, and citation.title judges each distinct title once."""
    text = "一、总体情况\n依据《行政处罚法》《行政处罚法》，合同法审查。\n学习《行政处罚法》《民法典》《信访条例》。\n"
    ctx = _ctx(text * 3, 2021)
    looked, judged = [], []
    with mp.context() as m:
        real_lookup, real_judge = lawtable.lookup, citation.judge
        m.setattr(lawtable, "lookup", lambda name: looked.append(name) or real_lookup(name))
        m.setattr(citation, "judge", lambda title, p: judged.append(title) or real_judge(title, p))
        for r in LAW_RULES:
            list(law_status.check(ctx, r, r.bound(ctx.year)))
        list(citation.check(ctx, CITE_RULE, CITE_RULE.bound(ctx.year)))
    assert sorted(looked) == sorted(set(looked)) and {"行政处罚法", "民法典", "合同法"} <= set(looked)
    assert sorted(judged) == sorted({"行政处罚法", "民法典", "信访条例"})


def test_citation_searches_only_entries_whose_strings_the_title_holds():
    """The fast path: every shipped entry's pattern has required strings, and an entry whose
    strings a title lacks is not searched (its pattern is never asked)."""
    from types import SimpleNamespace
    p = CITE_RULE.bound(2021)
    assert all(n for n in p.needed)

    class Unasked:
        pattern = p.titles[0].match.pattern

        def search(self, title):
            pytest.fail("an entry searched although the title lacks its strings")
    fake = SimpleNamespace(titles=[SimpleNamespace(match=Unasked(), canonical="x")], accepted=[set()],
                           needed=[p.needed[0]], laws=False,
                           by_first=({}, (0,)))     # (asked of every title: its strings decide)
    assert citation.judge("行政处罚法", fake) is citation._FINE
    assert citation.judge("法治政府建设实施纲要(2021-2025)", p) == (p.titles[1].canonical, True)


class _Counting:
    def __init__(self, rx, calls):
        self.rx, self.calls = rx, calls

    def finditer(self, text, *span):
        self.calls.append(len(span))
        return self.rx.finditer(text, *span)


# --- typo.confusion: the entries looked at are those whose words the one scan found ---------------

from lawlint.checks import confusion, repetition, termscan  # noqa: E402

CONFUSION = [r for r in RULES if r.check == "confusion"]
WORDS = ["布署", "份", "部份", "成份", "组成份", "权利", "行政权利运行", "帐", "台帐", "帐篷", "其它", "做出决定",
         "再接再励", "再接再", "励", "按排", "安排部属", "部属", "制订法规", "反应问题", "群众反应问题", "全过程纪录"]
CTEXT = st.lists(st.sampled_from(WORDS + ["《", "》", "。", "\n", "，", "依法行政"]), max_size=30).map("".join)


def _plain_present(self, text):
    """Literals.present as it was: each word not found asked against every found match."""
    rx, words = self._scan or self._build()
    if rx is None:
        return None
    found = set(rx.findall(text))
    hidden = [w for w in words if w not in found and any(confusion._may_hide(m, w) for m in found)]
    found.update(w for w in hidden if w in text)
    return frozenset(found)


def _confusion_both(text, mp):
    out = []
    for plain in (False, True):
        ctx = _ctx(text, 2021)
        with mp.context() as m:
            if plain:       # (its own scan, not the one shared with the other term rules)
                m.setattr(termscan, "present", lambda ctx, words: None)
                m.setattr(termscan, "visited", lambda spans, live: spans)
                m.setattr(confusion.Literals, "present", _plain_present)
                m.setattr(confusion.Literals, "entries", lambda self, entries, present: entries)
            out.append([list(confusion.check(ctx, r, r.bound(2021))) for r in CONFUSION])
    return out


@settings(max_examples=300, deadline=None)
@given(CTEXT)
@example("组成份额，部份，台帐再接再励")
def test_confusion_same_findings_as_every_entry(mp, text):
    fast, plain = _confusion_both(text, mp)
    assert fast == plain


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_confusion_same_findings_on_every_corpus(mp, path):
    fast, plain = _confusion_both(path.read_text(encoding="utf-8"), mp)
    assert fast == plain


def test_confusion_looks_only_at_entries_whose_words_occur():
    rule = next(r for r in CONFUSION if r.id == "typo.confusion")
    p = rule.bound(2021)
    assert p.literals.present("台帐") is not None                      # the one scan is made
    live = p.literals.entries(p.entries, p.literals.present("依法行政，布署工作。"))
    assert [e.right for e in live] == [e.right for e in p.entries if any("布署" in rx.pattern for rx in e.match)]


# --- word.duplicated: the zero runs found in one pass over the body ------------------------------

RTEXT = st.lists(st.sampled_from(["\u4e00", "\u4f00", "\u5000", "材", "料", "材料", "，", "\n", " ", "a", "——"]),
                 max_size=60).map("".join)


def _per_block(text, blocks):
    shifted = repetition._shifted(text) if blocks else None
    for b in blocks:
        yield from repetition._candidates(text, b.start, b.end, shifted)


@settings(max_examples=400, deadline=None)
@given(RTEXT, st.sampled_from(["txt", "md"]))
@example("材料材料\n" + "—" * 600 + "\n申报材料材料", "txt")
def test_repeat_candidates_of_all_blocks_are_each_blocks(text, kind):
    blocks = _ctx(text, kind=kind).doc.body_blocks
    assert [m.span() for m in repetition._all_candidates(text, blocks)] == \
        [m.span() for m in _per_block(text, blocks)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_repeat_candidates_on_every_corpus(path):
    text = path.read_text(encoding="utf-8")
    blocks = _ctx(text, kind=path.suffix[1:]).doc.body_blocks
    assert [m.span() for m in repetition._all_candidates(text, blocks)] == \
        [m.span() for m in _per_block(text, blocks)]


def test_repeat_candidates_are_found_in_one_pass(mp):
    """The fast path is taken on a report: no block is searched by itself."""
    text = "一、总体情况\n申报材料材料已报送。\n依法行政，依法行政。\n" * 20
    blocks = _ctx(text).doc.body_blocks
    with mp.context() as m:
        m.setattr(repetition, "_candidates", lambda *a: pytest.fail("a block searched by itself"))
        got = [m.group(0) for m in repetition._all_candidates(text, blocks)]
    assert "材料材料" in got


def test_the_segmenter_backend_asks_the_finders_once(mp):
    """segment.backend: whether rjieba is installed is asked of the import system once a process
    (word.duplicated asks the backend for every sentence it segments), and answered the same."""
    from lawlint.parse import segment
    asked = []
    with mp.context() as m:
        m.setattr(segment, "_rjieba", [])
        m.setattr(segment, "installed", lambda name: asked.append(name) or _real_installed(name))
        m.delenv("LAWLINT_SEGMENTER", raising=False)
        got = [segment.backend() for _ in range(3)]
    assert asked == ["rjieba"]
    assert got == ["rjieba" if _real_installed("rjieba") else "jieba"] * 3


def _real_installed(name):
    from importlib.util import find_spec
    return find_spec(name) is not None


# --- substitution: each entry's required strings, bound with the rule, asked of the text once ----

from lawlint.checks import substitution  # noqa: E402

SUBST = [r for r in RULES if r.check == "substitution"]
STEXT = st.lists(st.sampled_from(["法制办", "原区政府法制办", "区环保局", "国土局", "具体行政行为", "复议", "新冠肺炎",
                                  "七五普法", "十三五", "以公开为原则", "法制政府", "《", "》", "。", "；", "\n",
                                  "机构改革", "依法治县领导小组", "卫计委", "一、"]), max_size=30).map("".join)


def _subst_both(text, year, mp):
    out = []
    for plain in (False, True):
        ctx = _ctx(text, year)
        with mp.context() as m:
            if plain:       # every pattern scanned, as if none needed a string
                m.setattr(termscan, "present", lambda ctx, words: None)
                m.setattr(termscan, "visited", lambda spans, live: spans)
                m.setattr(substitution, "_holds", lambda text, need, held: True)
            out.append([list(substitution.check(ctx, r, r.bound(ctx.year))) for r in SUBST])
    return out


@settings(max_examples=200, deadline=None)
@given(STEXT, st.sampled_from([None, 2018, 2020, 2021, 2023, 2024]))
def test_substitution_same_findings_as_scanning_every_pattern(mp, text, year):
    fast, plain = _subst_both(text, year, mp)
    assert fast == plain


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_substitution_same_findings_on_every_corpus(mp, path):
    fast, plain = _subst_both(path.read_text(encoding="utf-8"), 2021, mp)
    assert fast == plain


def test_substitution_asks_no_string_itself(mp):
    """The fast path: every shipped term pattern has required strings, bound with the rule, all
    looked for in the one scan shared by the term rules (:mod:`lawlint.checks.termscan`), so no
    string is asked of the text by the rule, and a rule none of whose strings the report holds
    returns at once."""
    for r in SUBST:
        p = r.bound(2021)
        assert all(n is not None for needs in p.needed for n in needs), r.id
        assert not p.always and p.words == {w for needs in p.needed for n in needs for w in n}
    with mp.context() as m:
        m.setattr(substitution, "_holds", lambda *a: pytest.fail("a string asked of the text by the rule"))
        rule = next(r for r in SUBST if r.id == "term.reform_bodies")
        got = list(substitution.check(_ctx("区环保局。", 2021), rule, rule.bound(2021)))
        assert [d.rule for d in got] == ["term.reform_bodies"]
        m.setattr(substitution, "_found", lambda *a: pytest.fail("a rule without its words looked further"))
        assert substitution.check(_ctx("依法行政。", 2021), rule, rule.bound(2021)) == []


# --- termscan: one scan of each report for every term rule's words ------------------------------

TERM_RULES = [r for r in RULES if r.check in termscan.CHECKS]
TWORDS = WORDS + ["法制办", "法制", "法治政府", "法治政府建设", "政府法制局", "a.b", "a", "ab", "b"]


RANKS = st.lists(st.sampled_from(sorted(set("".join(TWORDS)))), unique=True).map(
    lambda chars: {ch: i for i, ch in enumerate(chars)})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TWORDS + ["《", "》", "。", "，", "清单", "依法行政", "法", "政府", "治"]),
                max_size=30).map("".join), st.lists(st.sampled_from(TWORDS), min_size=1, max_size=12), RANKS)
@example("组成份额，部份，台帐再接再励", WORDS, {})
@example("权利清单，法制办公室", ["权利", "权利清单", "法制办", "办公室", "公"], {"利": 0, "权": 1, "办": 2})
def test_the_shared_scan_finds_exactly_the_words_the_text_holds(text, words, rank):
    """Whatever character each word is anchored at (any frequency ranking), the scan's answer is
    each word asked with ``in``."""
    assert termscan.Scan(words, rank).present(text) == {w for w in words if w in text}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TWORDS), min_size=1, max_size=12), RANKS)
def test_each_word_is_anchored_at_its_least_frequent_character(words, rank):
    words = sorted(set(words))
    most = len(rank)
    for w, k in zip(words, termscan.anchors(words, rank)):
        assert all(rank.get(w[k], most) > rank.get(c, most) for c in w[:k])
        assert all(rank.get(w[k], most) >= rank.get(c, most) for c in w[k:])


@pytest.mark.parametrize("year", [None, 2018, 2021, 2024])
def test_the_shared_scan_on_every_corpus(year):
    scan = termscan._plan(RULES, year)
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert scan.present(text) == {w for w in scan.words if w in text}, path.name


def test_the_shared_scan_looks_for_every_term_rules_words(mp):
    """Each term rule's words are in the plan (so each takes the fast path), and a report is
    scanned once for all of them whatever the number of rules asking."""
    for year in (None, 2019, 2023):
        looked = termscan._plan(RULES, year).looked
        for r in TERM_RULES:
            p = r.bound(year)
            assert p.words <= looked and (p.words or r.check == "law_status" and not p.bare), (r.id, year)
    calls = []
    with mp.context() as m:
        real = termscan.Scan.scan
        m.setattr(termscan.Scan, "scan", lambda self, text: calls.append(1) or real(self, text))
        m.setattr(substitution, "_holds", lambda *a: pytest.fail("a string asked by a substitution rule"))
        m.setattr(confusion.Literals, "present", lambda *a: pytest.fail("confusion's own scan"))
        m.setattr(law_status, "_bare_spans", _bare_spans_of_found(law_status._bare_spans))
        seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
        ctx = _ctx(seed.read_text(encoding="utf-8") + "\n依据合同法审查。", 2021)
        for r in TERM_RULES:
            list(_check_of(r)(ctx, r, r.bound(2021)))
    assert calls == [1]
    other = Context(doc=ctx.doc, rules=None, year=2021)        # no rule set: each rule asks the text
    assert termscan.present(other, frozenset({"法制办"})) is None
    assert termscan.present(ctx, frozenset({"不在表中的词"})) is None


def _bare_spans_of_found(real):
    def bare_spans(text, rx, spans, found=None):
        assert found is not None, "the bare names looked for one by one"
        return real(text, rx, spans, found)
    return bare_spans


def _check_of(rule):
    return {"substitution": substitution.check, "confusion": confusion.check, "law_status": law_status.check,
            "total": total.check}[rule.check]


def test_rules_with_nothing_to_look_at_return_at_once(mp):
    """The fixed cost of a report that gives a term rule nothing: the check returns an empty list
    (the engine's cheap case) without walking its tables, and a report that gives it something
    still gets its findings."""
    ctx = _ctx("关于2023年法治政府建设情况的报告\n\n一、主要工作\n\n我局推进依法行政。\n", 2023)
    with mp.context() as m:
        for mod, inner in ((law_status, "_judged"), (citation, "_found"), (repetition, "_judged"),
                           (substitution, "_found"), (confusion, "_found")):
            m.setattr(mod, inner, lambda *a: pytest.fail(f"{mod.__name__} looked further"))
        for r in TERM_RULES + [CITE_RULE, next(r for r in RULES if r.check == "repetition")]:
            fn = _check_of(r) if r.check in termscan.CHECKS else {"citation": citation.check,
                                                                 "repetition": repetition.check}[r.check]
            assert fn(ctx, r, r.bound(2023)) == [], r.id
    ctx = _ctx("一、总体情况\n依据《合同法》审查，申报材料材料已报送，区环保局《法治政府建设实施纲要(2021-2025)》。\n", 2023)
    got = {r.id for r in RULES for d in (list(_any_check(r)(ctx, r, r.bound(2023))) if _any_check(r) else ())}
    assert {"term.repealed_law", "word.duplicated", "term.reform_bodies", "citation.title"} <= got


def _any_check(rule):
    return {"substitution": substitution.check, "confusion": confusion.check, "law_status": law_status.check,
            "citation": citation.check, "repetition": repetition.check}.get(rule.check)


SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5)), max_size=12).map(
    lambda xs: tuple(sorted({(a, a + n) for a, n in xs})))


@settings(max_examples=300, deadline=None)
@given(SPANS, st.data())
def test_visited_spans_are_those_a_live_pattern_may_match_in(spans, data):
    live = [(None, None if data.draw(st.booleans().map(lambda b: b and data.draw(st.integers(0, 5)) == 0))
             else set(data.draw(st.lists(st.sampled_from(spans), max_size=3)) if spans else ()))
            for _ in range(data.draw(st.integers(1, 3)))]
    got = termscan.visited(spans, live)
    assert list(got) == [sp for sp in spans if any(w is None or sp in w for _, w in live)]


def test_visited_leaves_out_the_spans_no_pattern_may_match_in():
    spans = tuple((i * 10, i * 10 + 5) for i in range(50))
    assert termscan.visited(spans, [(None, {spans[3]}), (None, {spans[7], spans[3]})]) == [spans[3], spans[7]]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TWORDS), min_size=1, max_size=12), RANKS)
def test_the_words_that_may_stand_at_a_words_anchor_are_its_shadows(words, rank):
    """Scan.shadows: for each word, every word after it in the alternation (longest first) with the
    same anchor character that can stand at the same place (their characters agree where they
    overlap), found by laying the two over each other."""
    scan = termscan.Scan(words, rank)
    at = dict(zip(scan.words, termscan.anchors(scan.words, rank)))
    for w in scan.words:
        expected = set()
        for v in scan.words:
            if scan.words.index(v) <= scan.words.index(w) or v[at[v]] != w[at[w]]:
                continue
            lead = max(at[v] - at[w], 0)            # w starts at lead, v at lead + at[w] - at[v]
            text = [None] * (max(lead + len(w), lead + at[w] - at[v] + len(v)))
            ok = True
            for off, word in ((lead, w), (lead + at[w] - at[v], v)):
                for i, ch in enumerate(word):
                    ok = ok and text[off + i] in (None, ch)
                    text[off + i] = ch
            if ok:
                expected.add(v)
        assert set(scan.shadows.get(w, ())) == expected, w


def test_the_scan_is_tried_only_where_an_anchor_stands():
    """The fast path: the shipped words' pattern opens with the set of their anchors (sre's
    first-character gate), each word anchored at a character the frequency list ranks low: a
    report is tried at about a tenth of its characters, not at each word's first character."""
    from lawlint.rulepack import sreparts
    scan = termscan._plan(RULES, 2021)
    code = sreparts.code(sreparts.parser.parse(scan.rx.pattern), 0)
    assert code[0] == sreparts.constants.INFO and code[2] & sreparts.constants.SRE_INFO_CHARSET
    rank = termscan.frequent_rank()
    anchored = {w[k] for w, k in zip(scan.words, termscan.anchors(scan.words, rank))}
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    tried = sum(text.count(ch) for ch in anchored)
    firsts = sum(text.count(ch) for ch in {w[0] for w in scan.words})
    assert tried * 2 < firsts and tried * 10 < len(text)


def test_the_kept_plan_is_the_one_built_from_the_ranking(mp):
    """The shared scan's plan kept in the regex table is what the ranking builds, and a kept entry
    that does not name exactly the words (damaged, or another version's) is built again."""
    scan = termscan._plan(RULES, 2021)
    built = termscan._anchored(scan.words, termscan.anchors(scan.words, termscan.frequent_rank()))
    assert termscan._kept(scan.words, scan.looked) == built
    assert (scan.rx.pattern, scan.by_group, scan.shadows, scan.back) == built
    back = ",".join(map(str, built[3][1:]))
    for bad in [(), ("x",), (built[0], "", back, *scan.words[1:], "不在表中的词"), (built[0], "", back, *scan.words[:-1]),
                (built[0], "", "0," + back, *scan.words), (built[0], "", "x", *scan.words),
                (built[0], "1:x", back, *scan.words), (built[0], "", back.replace("0", "99"), *scan.words)]:
        with mp.context() as m:
            m.setattr(regexcache, "_fact", lambda key, compute, bad=bad: bad)
            assert termscan._kept(scan.words, scan.looked) == built
